// Metadata: date formats of many languages, URL dates, title site-suffix removal, and the field cascade
// (JSON-LD, OpenGraph, <meta>, <h1>, bylines) on a parsed page.
#include <gtest/gtest.h>

#include "meta/meta.h"
#include "pith/html.h"

using pith::detail::date_from_url;
using pith::detail::parse_date;
using pith::detail::strip_site_from_title;

TEST(Dates, ManyLanguagesFormats) {
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

TEST(Dates, FromUrl) {
  EXPECT_EQ(date_from_url("https://example.com/2020/06/24/story-title/"), "2020-06-24");
  EXPECT_EQ(date_from_url("https://example.com/news/20200624/story"), "2020-06-24");
  EXPECT_EQ(date_from_url("https://example.com/about/"), "");
}

TEST(Title, SiteSuffixRemoved) {
  EXPECT_EQ(strip_site_from_title("Budget agreed after long night | Example News", ""), "Budget agreed after long night");
  EXPECT_EQ(strip_site_from_title("Example News - Budget agreed after long night talks", "Example News"),
            "Budget agreed after long night talks");
  EXPECT_EQ(strip_site_from_title("A title without a site", ""), "A title without a site");
}

TEST(Metadata, CascadeOverSources) {
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
