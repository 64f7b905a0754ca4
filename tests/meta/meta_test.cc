// Metadata: date formats of many languages, URL dates, title choice (headings agreeing with declared
// titles, site names), byline cleanup and visible bylines in several languages, and the field cascade
// (JSON-LD incl. @graph references, OpenGraph, <meta>, <h1>, bylines) on parsed pages. Suites are named
// Meta* so `ctest -R Meta` runs them all.
#include <gtest/gtest.h>

#include "meta/meta.h"
#include "pith/html.h"

using pith::detail::date_from_url;
using pith::detail::parse_date;
using pith::detail::byline_from_text;
using pith::detail::choose_author;
using pith::detail::choose_title;
using pith::detail::clean_author;
using pith::detail::plausible_author;
using pith::detail::strip_site_from_title;
using pith::detail::TitleSources;

namespace {

pith::Metadata metadata_of(std::string_view html, std::string_view url = "") {
  pith::HtmlParser parser;
  pith::Document& doc = parser.parse(html);
  pith::Metadata m;
  pith::detail::extract_metadata(doc, url, m);
  return m;
}

}  // namespace

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

TEST(MetaTitle, SiteSuffixRemoved) {
  EXPECT_EQ(strip_site_from_title("Budget agreed after long night | Example News", ""), "Budget agreed after long night");
  EXPECT_EQ(strip_site_from_title("Example News - Budget agreed after long night talks", "Example News"),
            "Budget agreed after long night talks");
  EXPECT_EQ(strip_site_from_title("A title without a site", ""), "A title without a site");
}

TEST(MetaCascade, OverSources) {
  pith::HtmlParser parser;
  pith::Document& doc = parser.parse(
      "<html lang=de><head><title>Ein Titel | Seite</title>"
      "<meta property=og:site_name content='Die Seite'>"
      "<meta name=description content='Beschreibung &amp;amp; mehr'>"
      "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Ein Titel\","
      "\"datePublished\":\"2021-03-04T10:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Anna Muster\"}}"
      "</script></head><body><h1>Ein Titel</h1><p>Text.</p></body></html>");
  pith::Metadata m;
  pith::detail::extract_metadata(doc, "https://example.de/a", m);
  EXPECT_EQ(m.title, "Ein Titel");
  EXPECT_EQ(m.author, "Anna Muster");
  EXPECT_EQ(m.date, "2021-03-04");
  EXPECT_EQ(m.sitename, "Die Seite");
  EXPECT_EQ(m.language, "de");
  EXPECT_EQ(m.description, "Beschreibung & mehr");
  EXPECT_EQ(m.url, "https://example.de/a");
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

TEST(MetaTitle, HeadingAgreeingWithDeclaredTitleWins) {
  TitleSources s;
  s.h1s = {"How To Use Gym Equipment (With Confidence!)"};
  s.og = "How To Use Gym Equipment: A Beginner’s Guide";
  s.title_tag = "How To Use Gym Equipment: A Beginner’s Guide - Sweat";
  EXPECT_EQ(choose_title(s), "How To Use Gym Equipment (With Confidence!)");
  // A heading that shares too little with what the page declares is not taken.
  s.h1s = {"Subscribe to our newsletter"};
  EXPECT_EQ(choose_title(s), "How To Use Gym Equipment: A Beginner’s Guide");
}

TEST(MetaTitle, LogoHeadingEqualToTheSiteIsSkipped) {
  TitleSources s;
  s.h1s = {"Budget Travel With Gabby", "Budget Traveler’s Guide To Travel Insurance", "Follow Me"};
  s.title_tag = "Budget Traveler's Guide To Travel Insurance - Budget Travel With Gabby";
  EXPECT_EQ(choose_title(s), "Budget Traveler’s Guide To Travel Insurance");
  // og:site_name names the logo too.
  TitleSources t;
  t.h1s = {"United Way of King County", "Get Free Tax Help"};
  t.og = "Get Free Tax Help | United Way of King County";
  t.sitename = "United Way of King County";
  EXPECT_EQ(choose_title(t), "Get Free Tax Help");
}

TEST(MetaTitle, HeadingThatIsOnePieceOfTheTitle) {
  TitleSources s;
  s.h1s = {"Kayaks"};
  s.title_tag = "Kayaks | REI Co-op";
  EXPECT_EQ(choose_title(s), "Kayaks");
}

TEST(MetaTitle, DeclaredTitleWhenTheOnlyH1IsTheSite) {
  TitleSources s;
  s.h1s = {"Yoga Pathways"};
  s.og = "Yoga Won’t Fix the Plumbing, But It Might Save Your Sanity";
  s.title_tag = "Yoga Won’t Fix the Plumbing, But It Might Save Your Sanity – Yoga Pathways";
  EXPECT_EQ(choose_title(s), "Yoga Won’t Fix the Plumbing, But It Might Save Your Sanity");
}

TEST(MetaTitle, CjkHeadingAgreesCharacterByCharacter) {
  TitleSources s;
  s.h1s = {"宇航员在太空中喝酒"};  // no spaces: each Han character is a word
  s.title_tag = "宇航员在太空中喝酒"
                "会怎么样 _光明网";
  EXPECT_EQ(choose_title(s), s.h1s[0]);
}

TEST(MetaAuthor, BylineCutToTheName) {
  EXPECT_EQ(clean_author("Written byDan Pantelo"), "Dan Pantelo");
  EXPECT_EQ(clean_author("ByAmy Roeder"), "Amy Roeder");
  EXPECT_EQ(clean_author("By Jane Doe - June 12, 2025"), "Jane Doe");
  EXPECT_EQ(clean_author("Posted by:Idle Cartulary"), "Idle Cartulary");
  EXPECT_EQ(clean_author("Haley Hoekstra • March 12, 2025"), "Haley Hoekstra");
  EXPECT_EQ(clean_author("Luke KimDecember 17, 2025"), "Luke Kim");
  EXPECT_EQ(clean_author("Harry RabinowitzTech"), "Harry Rabinowitz");
  EXPECT_EQ(clean_author("Keith Barry Senior Autos Reporter Updated March 11, 2026"), "Keith Barry");
  EXPECT_EQ(clean_author("Rachel MacDonald Writer"), "Rachel MacDonald");
  EXPECT_EQ(clean_author("Community Editor"), "Community Editor");  // role words need a name before them
  EXPECT_EQ(clean_author("Vader 6,79688 gold badges3434 silver badges"), "Vader");
  EXPECT_EQ(clean_author("F FutureBSD"), "FutureBSD");
  EXPECT_EQ(clean_author("JosephF J"), "JosephF");
  EXPECT_EQ(clean_author("amondale (Amondale)"), "amondale");
  EXPECT_EQ(clean_author("hackermondev (Daniel)"), "hackermondev (Daniel)");
  EXPECT_EQ(clean_author("CM Craig McCarthy"), "Craig McCarthy");
  EXPECT_EQ(clean_author("Dylan Ettinger Dylan Ettinger is a Los Angeles-based writer"), "Dylan Ettinger");
  EXPECT_EQ(clean_author("Sofia Gonzalez December"), "Sofia Gonzalez");
  EXPECT_EQ(clean_author("Tom May"), "Tom May");
}

TEST(MetaAuthor, BylineWordsOfSeveralLanguages) {
  EXPECT_EQ(clean_author("Von Anna Muster"), "Anna Muster");
  EXPECT_EQ(clean_author("Por María López"), "María López");
  EXPECT_EQ(clean_author("Par Sébastien Farcis"), "Sébastien Farcis");
  EXPECT_EQ(clean_author("door Jan de Vries"), "Jan de Vries");
  EXPECT_EQ(clean_author("김지연 기자"), "김지연");
  EXPECT_EQ(clean_author("作者：王小明"), "王小明");
  EXPECT_EQ(clean_author("Byron Smith"), "Byron Smith");  // "By" only as a word
  EXPECT_EQ(clean_author("Автор: Иван Петров"), "Иван Петров");
  EXPECT_EQ(clean_author("Oleh Budi Santoso"), "Budi Santoso");
  EXPECT_EQ(clean_author("Av Kari Nordmann"), "Kari Nordmann");
}

TEST(MetaAuthor, ImplausibleValuesRejected) {
  EXPECT_TRUE(plausible_author("Jane Doe"));
  EXPECT_TRUE(plausible_author("김지연"));
  EXPECT_FALSE(plausible_author("https://example.com/author/jane"));
  EXPECT_FALSE(plausible_author("jane@example.com"));
  EXPECT_FALSE(plausible_author("#identity"));
  EXPECT_FALSE(plausible_author("page.head.extra.author"));
  EXPECT_FALSE(plausible_author("262588213843476"));
  EXPECT_FALSE(plausible_author("The Author"));
  EXPECT_FALSE(plausible_author("Search Advanced"));
  EXPECT_FALSE(plausible_author("NB"));
  EXPECT_FALSE(plausible_author(".wp-block-post-author-name{box-sizing:border-box}"));
}

TEST(MetaAuthor, VisibleBylinesInRunningText) {
  EXPECT_EQ(byline_from_text("Headline\nBy Jane Doe\nFirst paragraph."), "Jane Doe");
  EXPECT_EQ(byline_from_text("Headline\nVon Anna Muster | 24.06.2020\nText"), "Anna Muster");
  EXPECT_EQ(byline_from_text("Headline\nPor María López\nTexto"), "María López");
  EXPECT_EQ(byline_from_text("Sort by date\nStand by me"), "");  // "by" not opening a line, no capitalised name
  EXPECT_EQ(byline_from_text("본문 김지연 기자 = 서울"),
            "김지연");
  EXPECT_EQ(byline_from_text("文/王小明 正文"), "王小明");
}

TEST(MetaAuthor, PersonBeforeTheSiteName) {
  EXPECT_EQ(choose_author({"Example News", "", "By Jane Doe"}, "Example News"), "Jane Doe");
  EXPECT_EQ(choose_author({"Example News", ""}, "Example News"), "Example News");
  EXPECT_EQ(choose_author({"https://example.com/about", "Jane Doe"}, ""), "Jane Doe");
}

TEST(MetaCascade, JsonLdGraphAuthorByReference) {
  pith::Metadata m = metadata_of(
      "<html><head><title>Story | Site</title><script type='application/ld+json'>{\"@graph\":["
      "{\"@type\":\"Article\",\"headline\":\"Story\",\"author\":{\"@id\":\"https://s.example/#/person/1\"},"
      "\"datePublished\":\"2025-01-02T03:04:05+00:00\"},"
      "{\"@type\":\"Person\",\"@id\":\"https://s.example/#/person/1\",\"name\":\"Jane Doe\"}]}</script>"
      "</head><body><h1>Story</h1><p>Text.</p></body></html>");
  EXPECT_EQ(m.author, "Jane Doe");
  EXPECT_EQ(m.date, "2025-01-02");
  EXPECT_EQ(m.title, "Story");
}

TEST(MetaCascade, OrganisationAuthorYieldsToAVisibleByline) {
  pith::Metadata m = metadata_of(
      "<html><head><meta property=og:site_name content='Clinic'><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"author\":{\"@type\":\"Organization\",\"name\":\"Clinic\"}}</script></head>"
      "<body><h1>Health tips</h1><div class=post-author>Written by <a href='/authors/holly-wilgus'>Holly Wilgus</a>"
      "</div><p>Text.</p></body></html>");
  EXPECT_EQ(m.author, "Holly Wilgus");
}

TEST(MetaCascade, TwitterLabelAndAuthorLinks) {
  EXPECT_EQ(metadata_of("<html><head><meta name=twitter:label1 content='Written by'>"
                        "<meta name=twitter:data1 content='Tyler Brown'></head><body><h1>T</h1></body></html>")
                .author,
            "Tyler Brown");
  EXPECT_EQ(metadata_of("<html><body><h1>T</h1><p>Filed under <a href='/author/emily-walker/'>Emily Walker</a></p>"
                        "<a href='/author/'>All authors</a></body></html>")
                .author,
            "Emily Walker");
  // A profile link whose text is not the name it spells does not count.
  EXPECT_EQ(metadata_of("<html><body><h1>T</h1><a href='/users/signup'>Sign up</a></body></html>").author, "");
}

TEST(MetaCascade, BylineInsideCommentsIgnored) {
  pith::Metadata m = metadata_of(
      "<html><body><h1>Post</h1><p>Text.</p><div class=comments><div class=comment-author>Troll Person</div>"
      "</div></body></html>");
  EXPECT_EQ(m.author, "");
}

TEST(MetaTitle, HeadingTextAsDisplayed) {
  // <br> and block children separate words; a permalink pilcrow is not part of the title.
  EXPECT_EQ(metadata_of("<html><head><title>Data Analytics Agency | Rojo</title></head><body>"
                        "<h1>Data<br>Analytics<div>Agency</div></h1></body></html>")
                .title,
            "Data Analytics Agency");
  EXPECT_EQ(metadata_of("<html><head><title>Logging HOWTO \xe2\x80\x94 Python 3 documentation</title></head>"
                        "<body><h1>Logging HOWTO<a class=headerlink href='#x'>\xc2\xb6</a></h1></body></html>")
                .title,
            "Logging HOWTO");
}

TEST(MetaTitle, OfTwoAgreeingHeadingsThePageOneBeforeTheSite) {
  // Both headings are pieces of <title>; the documentation set's name comes last in it.
  TitleSources s;
  s.h1s = {"Flask Documentation (3.1.x)", "Quickstart"};
  s.title_tag = "Quickstart \xe2\x80\x94 Flask Documentation (3.1.x)";
  EXPECT_EQ(choose_title(s), "Quickstart");
}

TEST(MetaCascade, WithinAJsonLdNodePublishedBeforeCreatedAndHeadlineBeforeName) {
  pith::Metadata m = metadata_of(
      "<html><head><script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"name\":\"post-slug\","
      "\"headline\":\"The Real Headline\",\"dateCreated\":\"2019-01-25T12:51:59\","
      "\"datePublished\":\"2022-10-05T12:53:00\"}</script></head><body><p>Text.</p></body></html>");
  EXPECT_EQ(m.title, "The Real Headline");
  EXPECT_EQ(m.date, "2022-10-05");
}

TEST(MetaCascade, AnyMetaNamingAPublicationDate) {
  pith::Metadata m = metadata_of(
      "<html><head><meta name=modified-date content=2024-07-30><meta name=published-date content=2021-02-16>"
      "</head><body><h1>T</h1></body></html>");
  EXPECT_EQ(m.date, "2021-02-16");
}

TEST(MetaAuthor, BiosRolesAndLeadIns) {
  EXPECT_EQ(clean_author("About the Author Eric Ries"), "Eric Ries");
  EXPECT_EQ(clean_author("Read more about The Upwork Team"), "The Upwork Team");
  EXPECT_EQ(clean_author("Zackery Cuevas Writer, Hardware"), "Zackery Cuevas");
  EXPECT_EQ(clean_author("Last Updated: January 7, 2025"), "");
  EXPECT_FALSE(plausible_author("Ray graduated from NYU with a degree"));
  EXPECT_TRUE(plausible_author("Jan de Vries and Anna van der Berg"));
  EXPECT_TRUE(plausible_author("Contributors to Wikimedia projects"));
  EXPECT_FALSE(plausible_author("YouTube"));
}

TEST(MetaCascade, EveryCitationAuthorGivenNameFirst) {
  pith::Metadata m = metadata_of(
      "<html><head><meta name=citation_author content='Roy, Aniruddha'>"
      "<meta name=citation_author content='Mahindru, Aditya'><meta name=citation_title content='A Paper'>"
      "</head><body><p>Abstract.</p></body></html>");
  EXPECT_EQ(m.author, "Aniruddha Roy, Aditya Mahindru");
}

TEST(MetaCascade, EmbeddedVideoDoesNotNameTheArticleAuthor) {
  pith::Metadata m = metadata_of(
      "<html><head><script type='application/ld+json'>[{\"@type\":\"VideoObject\",\"name\":\"Clip\","
      "\"author\":\"YouTube Channel\"},{\"@type\":\"Article\",\"headline\":\"Health tips\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Holly Wilgus\"}}]</script></head>"
      "<body><h1>Health tips</h1></body></html>");
  EXPECT_EQ(m.author, "Holly Wilgus");
  EXPECT_EQ(m.title, "Health tips");
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

TEST(MetaTitle, SiteNameCutFromTheHeadlineToo) {
  TitleSources s;
  s.h1s = {"Marietta Electricians Costs & Prices - ProMatcher Cost Report"};
  s.title_tag = "Marietta Electricians Costs & Prices - ProMatcher Cost Report";
  EXPECT_EQ(choose_title(s), "Marietta Electricians Costs & Prices");
  // Without a site part in the declared title the headline stays whole.
  s.title_tag = "Marietta Electricians Costs & Prices - ProMatcher Cost Report for Georgia Homeowners in 2025";
  EXPECT_EQ(choose_title(s), "Marietta Electricians Costs & Prices - ProMatcher Cost Report");
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
