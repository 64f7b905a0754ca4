// The date printed in the byline under the headline against the declared one (meta.cc's cascade,
// date_under_headline in page_text.cc): the printed date wins unless it is a sentence's, an update's, a
// thread's last post's, a member card's, the declared modification date, a day off, or the page shows
// the declared date too.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "meta/meta.h"
#include "meta_test_util.h"

namespace {

// An article declaring `published` (and `modified`) in JSON-LD, with `below` under its headline.
std::string article(std::string_view published, std::string_view below, std::string_view modified = "",
                    std::string_view headline = "Ten tips for tiny gardens", std::string_view type = "Article") {
  std::string html = "<html><head><script type='application/ld+json'>{\"@type\":\"";
  html += type;
  html += "\",\"datePublished\":\"";
  html += published;
  html += "\"";
  if (!modified.empty()) html += ",\"dateModified\":\"" + std::string(modified) + "\"";
  html += "}</script></head><body><h1>" + std::string(headline) + "</h1>";
  html += below;
  html += "<p>Tiny gardens reward planning: light, soil and water decide more than the plants do.</p></body></html>";
  return html;
}

}  // namespace

TEST(MetaBylineDate, PrintedDateBeatsADeclaredOne) {
  pith::Metadata m = metadata_of(article("2025-06-24T10:00:00Z", "<div class=by>Shauna Mitchell</div><div>August 25, 2024</div>"));
  EXPECT_EQ(m.date, "2024-08-25");
  // Nothing printed under the headline: the declared date.
  m = metadata_of(article("2025-06-24T10:00:00Z", "<div class=by>Shauna Mitchell</div>"));
  EXPECT_EQ(m.date, "2025-06-24");
}

TEST(MetaBylineDate, ADateInASentenceIsNotTheByline) {
  pith::Metadata m = metadata_of(article(
      "2025-12-19", "<p>The enrolment period, which opened on Wednesday, December 17 2025, runs until the new "
                    "year, and classes begin the week after.</p>"));
  EXPECT_EQ(m.date, "2025-12-19");
}

TEST(MetaBylineDate, UpdatesAndLastPostsAreNotPublications) {
  pith::Metadata m = metadata_of(article("2015-05-12", "<div>By Rhonda Krause</div><div>Updated</div><div>January 25, 2026</div>"));
  EXPECT_EQ(m.date, "2015-05-12");
  m = metadata_of(article("2024-01-14", "<div>12 replies</div><div>last post by <a>kim</a></div><div>Jan 18, 2024</div>"));
  EXPECT_EQ(m.date, "2024-01-14");
  // The same labels in other languages.
  m = metadata_of(article("2023-02-01", "<div>Von Anna Muster</div><div>Aktualisiert am 3. März 2025</div>"));
  EXPECT_EQ(m.date, "2023-02-01");
  m = metadata_of(article("2023-02-01", "<div>更新：2025年3月3日</div>"));
  EXPECT_EQ(m.date, "2023-02-01");
}

TEST(MetaBylineDate, TheDeclaredDateShownTooStands) {
  pith::Metadata m = metadata_of(article("2025-04-24", "<div>May 21, 2025</div><div>April 24, 2025</div><div>by The Ritualist</div>"));
  EXPECT_EQ(m.date, "2025-04-24");
}

TEST(MetaBylineDate, DayAndMonthReadTheOtherWayStand) {
  // "09.10.2024" reads 9 October day first; the page declares 10 September: the same date written month first.
  pith::Metadata m = metadata_of(article("2024-09-10", "<div>By Block Renovation</div><div>09.10.2024</div>"));
  EXPECT_EQ(m.date, "2024-09-10");
}

TEST(MetaBylineDate, TheModificationDateIsNotThePublication) {
  pith::Metadata m = metadata_of(article("2024-05-09", "<div>16 December 2025</div><div>by Sam</div>", "2025-12-16"));
  EXPECT_EQ(m.date, "2024-05-09");
}

TEST(MetaBylineDate, ADayOffIsATimeZone) {
  pith::Metadata m = metadata_of(article("2025-07-05T00:04:00+00:00", "<div>Author: Alec</div><div>July 4, 2025</div>"));
  EXPECT_EQ(m.date, "2025-07-05");
}

TEST(MetaBylineDate, ThreadsAndMemberCardsKeepTheDeclaredDate) {
  // A thread's first post card may print a reply's date; a member card its join date.
  pith::Metadata m = metadata_of(article("2025-03-01", "<div>Linc</div><div>December 2, 2024</div>", "", "Vanilla news",
                                         "DiscussionForumPosting"));
  EXPECT_EQ(m.date, "2025-03-01");
  m = metadata_of(article("2025-12-19", "<div>beijingwalker</div><div>Joined Nov 4, 2011</div><div>Messages 65,334</div>"));
  EXPECT_EQ(m.date, "2025-12-19");
}

TEST(MetaBylineDate, TheHeadlinesOwnDateIsNotPrintedUnderIt) {
  pith::Metadata m = metadata_of(article("2024-01-28", "<div>TatyanaBol</div>", "", "How to request the longer chain after 08/02/2024?"));
  EXPECT_EQ(m.date, "2024-01-28");
}

TEST(MetaBylineDate, OnlyUnderThePagesOwnHeadline) {
  // The first <h1> is the site's logo (the title is the thread's): the date under it is the site's
  // "today", not the post's.
  std::string page =
      "<html><head><title>Hybrid quantum computing - Programming - Example Forum</title>"
      "<script type='application/ld+json'>{\"@type\":\"Article\",\"datePublished\":\"2023-03-09T14:21:23Z\"}"
      "</script></head><body><h1>Example Forum</h1><div>Date: Thursday, 05 March 2026</div>"
      "<h2>Hybrid quantum computing</h2><p>Quantum and classical machines can share one workload.</p></body></html>";
  pith::Metadata m = metadata_of(page);
  EXPECT_EQ(m.title, "Hybrid quantum computing");
  EXPECT_EQ(m.date, "2023-03-09");
}

TEST(MetaBylineDate, ADatelineAboveTheHeadlineBeatsADateInASentenceBelow) {
  // Nothing declared: the dateline over the <h1> is the page's date, not the release date the first
  // paragraph mentions.
  std::string page =
      "<html><body><div>Dec 12, 2025</div><div>4 min read</div><h1>Why Rust for embedded systems?</h1>"
      "<p>And finally, the first vendor-backed Rust SDK for these chips hit its stable 1.0.0 release on 30 October "
      "2025, which settles the debate over whether Rust is ready for production firmware.</p></body></html>";
  EXPECT_EQ(metadata_of(page).date, "2025-12-12");
  // A byline's date on a short line under the headline is still taken first.
  page = "<html><body><div>Dec 12, 2025</div><h1>Why Rust for embedded systems?</h1><div>Jane Roe</div>"
         "<div>January 5, 2026</div><p>Rust has graduated.</p></body></html>";
  EXPECT_EQ(metadata_of(page).date, "2026-01-05");
}
