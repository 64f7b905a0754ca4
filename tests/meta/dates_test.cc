// Metadata dates: formats of many languages (June 24, 2020; 24.06.2020; 2020.06.24; 2020년 6월 24일;
// 2020年6月24日; month names of a dozen languages), forum and citation forms, URL dates, and where a page's
// date comes from when nothing declares it.
#include <gtest/gtest.h>

#include <string>

#include "meta/meta.h"
#include "meta/meta_internal.h"
#include "meta_test_util.h"

using pith::detail::parse_date;
using pith::detail::date_from_url;

TEST(MetaDates, ManyLanguagesFormats) {
  EXPECT_EQ(parse_date("June 24, 2020"), "2020-06-24");
  EXPECT_EQ(parse_date("Posted on 24 June 2020 by admin"), "2020-06-24");
  EXPECT_EQ(parse_date("24.06.2020"), "2020-06-24");
  EXPECT_EQ(parse_date("2020.06.24 21:07"), "2020-06-24");
  EXPECT_EQ(parse_date("2020년 6월 24일"), "2020-06-24");
  EXPECT_EQ(parse_date("2020年6月24日"), "2020-06-24");
  EXPECT_EQ(parse_date("2020-06-24T21:07:00+09:00"), "2020-06-24");
  EXPECT_EQ(parse_date("24. März 2020"), "2020-03-24");
  EXPECT_EQ(parse_date("24 de junio de 2020"), "2020-06-24");
  EXPECT_EQ(parse_date("06/24/2020"), "2020-06-24");
  EXPECT_EQ(parse_date("no date here, 42 apples"), "");
  EXPECT_EQ(parse_date("2020-13-45"), "");
}

TEST(MetaDates, FromUrl) {
  EXPECT_EQ(date_from_url("https://example.com/2020/06/24/story-title/"), "2020-06-24");
  EXPECT_EQ(date_from_url("https://example.com/news/20200624/story"), "2020-06-24");
  EXPECT_EQ(date_from_url("https://example.com/about/"), "");
}

TEST(MetaDates, FormatsOfTheBrief) {
  EXPECT_EQ(parse_date("Published June 24, 2020 at 9:00"), "2020-06-24");
  EXPECT_EQ(parse_date("Stand: 24.06.2020, 10:15 Uhr"), "2020-06-24");
  EXPECT_EQ(parse_date("기사입력 2020.06.24 21:07"), "2020-06-24");
  EXPECT_EQ(parse_date("입력 2020년 6월 24일"), "2020-06-24");
  EXPECT_EQ(parse_date("发布时间：2020年6月24日"),
            "2020-06-24");
}

TEST(MetaDates, ForumAndCitationFormats) {
  EXPECT_EQ(parse_date("11-29-2024, 08:15 PM"), "2024-11-29");        // the second number cannot be a month
  EXPECT_EQ(parse_date("02-12-2025"), "2025-12-02");                  // dashes are day-first otherwise
  EXPECT_EQ(parse_date("Cost Guide 2026 Dec 26, 2025"), "2025-12-26");  // "2026 Dec 26" only as a whole value
  EXPECT_EQ(parse_date("29.11.2024"), "2024-11-29");
  EXPECT_EQ(parse_date("2023 Jan 7"), "2023-01-07");                  // citation_publication_date
  EXPECT_EQ(parse_date("Tue Aug 27, 2019 1:47 am"), "2019-08-27");
  EXPECT_EQ(parse_date("30th March 2025, 16:26"), "2025-03-30");
  EXPECT_EQ(parse_date("Page 1234 of the archive"), "");
}

TEST(MetaDates, PageWithoutHeadlineTakesFirstDateOfItsText) {
  pith::Metadata m = metadata_of(
      "<html><head><title>Thread</title></head><body><div class=nav>Home</div>"
      "<div class=post><b>someone</b> &raquo; Tue Aug 27, 2019 1:47 am<p>First post text.</p></div>"
      "<div class=post>Wed Aug 28, 2019<p>A reply.</p></div></body></html>");
  EXPECT_EQ(m.date, "2019-08-27");
}

TEST(MetaDates, JsonLdDatePublishedOfAnyTypeIsAFallback) {
  pith::Metadata m = metadata_of(
      "<html><head><script type='application/ld+json'>{\"@type\":\"VideoObject\",\"name\":\"Clip\","
      "\"uploadDate\":\"2024-02-20\"}</script><script type='application/ld+json'>{\"@type\":\"Event\","
      "\"datePublished\":\"2024-02-21 13:00:00\"}</script></head><body><p>No date here.</p></body></html>");
  EXPECT_EQ(m.date, "2024-02-21");
}

TEST(MetaDates, MonthNamesOfMoreLanguages) {
  EXPECT_EQ(parse_date("1er juin 2020"), "2020-06-01");
  EXPECT_EQ(parse_date("24 czerwca 2020"), "2020-06-24");
  EXPECT_EQ(parse_date("24. června 2020"), "2020-06-24");
  EXPECT_EQ(parse_date("24 июня 2020 г."), "2020-06-24");
  EXPECT_EQ(parse_date("24 червня 2020"), "2020-06-24");
  EXPECT_EQ(parse_date("24 haziran 2020"), "2020-06-24");
  EXPECT_EQ(parse_date("24 augusti 2020"), "2020-08-24");
  EXPECT_EQ(parse_date("24 Agustus 2020"), "2020-08-24");
  EXPECT_EQ(parse_date("24 maj 2020"), "2020-05-24");
}

TEST(MetaDates, DateIntroducedByAWordAnywhereInTheText) {
  // Nothing declared, nothing next to the headline: "Posted on" introduces the date further down.
  std::string filler;
  for (int i = 0; i < 8; ++i) filler += "<p>A paragraph of the article that goes on for a while without dates in it.</p>";
  pith::Metadata m = metadata_of("<html><body><h1>Rust GCC</h1>" + filler + filler + filler +
                                 "<div>Posted on the 15/12/2025 at 19:00 by someone</div></body></html>");
  EXPECT_EQ(m.date, "2025-12-15");
  EXPECT_EQ(metadata_of("<html><body><h1>T</h1>" + filler + filler + filler + "<p>Call 555-1234 in 2025</p></body></html>").date, "");
}

TEST(MetaDates, SlashedDatesInThePageLanguagesOrder) {
  EXPECT_EQ(parse_date("06/07/2020"), "2020-06-07");        // US order by default
  EXPECT_EQ(parse_date("06/07/2020", true), "2020-07-06");  // day first
  EXPECT_EQ(parse_date("24/06/2020"), "2020-06-24");        // unambiguous either way
  EXPECT_TRUE(pith::detail::slashes_day_first("fr-FR"));
  EXPECT_TRUE(pith::detail::slashes_day_first("en-GB"));
  EXPECT_TRUE(pith::detail::slashes_day_first("pt_BR"));
  EXPECT_FALSE(pith::detail::slashes_day_first("en-US"));
  EXPECT_FALSE(pith::detail::slashes_day_first("en"));
  EXPECT_FALSE(pith::detail::slashes_day_first(""));
  EXPECT_EQ(metadata_of("<html lang=fr><body><h1>Titre</h1><p>Publié le 06/07/2020</p></body></html>").date,
            "2020-07-06");
  EXPECT_EQ(metadata_of("<html lang=en-US><body><h1>Title</h1><p>Posted 06/07/2020</p></body></html>").date,
            "2020-06-07");
}

TEST(MetaDates, KoreanDottedDatesWithSpaces) {
  EXPECT_EQ(parse_date("입력 2020. 6. 24. 오후 3:00"), "2020-06-24");
  EXPECT_EQ(parse_date("Version 2.1.3 released"), "");
}

TEST(MetaDates, UrlDateWinsOverATimestampADayOff) {
  // Published late in the evening in the US, stamped in UTC: the path keeps the site's day.
  pith::Metadata m = metadata_of(
      "<html><head><link rel=canonical href='https://example.org/2025/12/18/a-post/'>"
      "<meta property='article:published_time' content='2025-12-19T03:05:00+00:00'></head>"
      "<body><h1>A post</h1></body></html>");
  EXPECT_EQ(m.date, "2025-12-18");
  // Further apart, the path is an archive or image folder: the timestamp stays.
  m = metadata_of(
      "<html><head><link rel=canonical href='https://example.org/2025/12/10/a-post/'>"
      "<meta property='article:published_time' content='2025-12-19T03:05:00+00:00'></head>"
      "<body><h1>A post</h1></body></html>");
  EXPECT_EQ(m.date, "2025-12-19");
  EXPECT_EQ(pith::detail::days_apart("2024-02-28", "2024-03-01"), 2);  // leap year
  EXPECT_EQ(pith::detail::days_apart("2023-12-31", "2024-01-01"), 1);
  EXPECT_EQ(pith::detail::days_apart("2025-03-01", "2025-02-28"), 1);
  EXPECT_EQ(pith::detail::days_apart("2025-03-01", ""), -1);
}

TEST(MetaDates, DatelineAboveTheHeadline) {
  // Nothing declared and nothing after the headline: the date printed right above it.
  pith::Metadata m = metadata_of(
      "<html><body><nav>Home Blog</nav><h5>January 23, 2025</h5><h1>Solar installation in 4 steps</h1>"
      "<p>Going solar starts with a site visit.</p></body></html>");
  EXPECT_EQ(m.date, "2025-01-23");
  // A date after the headline still comes first.
  m = metadata_of(
      "<html><body><h5>January 23, 2025</h5><h1>Solar installation in 4 steps</h1>"
      "<p>Posted March 2, 2025</p></body></html>");
  EXPECT_EQ(m.date, "2025-03-02");
}

TEST(MetaDates, ForumMemberJoinDatesAreNotThePostDate) {
  // A headline-less forum thread: the member card's "Founded:"/"Joined:" date comes before the post's.
  pith::Metadata m = metadata_of(
      "<html><body><div>Board index</div><div class=card>Outer Senator Posts: 4032 Founded: Dec 11, 2021</div>"
      "<p>2025-26 Football Season by Outer \xc2\xbb Tue Aug 27, 2019 1:47 am</p></body></html>");
  EXPECT_EQ(m.date, "2019-08-27");
  m = metadata_of(
      "<html><body><h1>Which tent?</h1><div>Joined: March 3, 2012 Messages: 40</div>"
      "<p>Posted by hiker on June 4, 2024</p></body></html>");
  EXPECT_EQ(m.date, "2024-06-04");
  EXPECT_EQ(parse_date(pith::detail::metadata::without_member_dates("Joined: Mar 3, 2012. Last post on June 4, 2024")),
            "2024-06-04");
}

TEST(MetaDates, TimeElementsPrintedDayBeatsAUtcTimestampADayOff) {
  // <time datetime> in UTC four hours past midnight, the text the day the site printed (as a URL path's
  // date beats a timestamp a day off it).
  pith::Metadata m = metadata_of("<html><body><h1>Budget home gym</h1><p><time datetime='2026-02-24T04:13:00Z'>"
                                 "February 23, 2026</time></p><p>Think you need a huge budget?</p></body></html>");
  EXPECT_EQ(m.date, "2026-02-23");
  // Text that is not a date, or a date further off, leaves the attribute's.
  m = metadata_of("<html><body><h1>Budget home gym</h1><p><time datetime='2026-02-24T04:13:00Z'>3 weeks ago</time>"
                  "</p></body></html>");
  EXPECT_EQ(m.date, "2026-02-24");
}
