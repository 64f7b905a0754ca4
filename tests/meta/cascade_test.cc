// Metadata cascade on parsed pages: JSON-LD (@graph references, node key order, embedded videos, CDATA),
// OpenGraph and <meta> (citation authors, any published-date name), twitter:label1, author links,
// comment bylines.
#include <gtest/gtest.h>

#include <string>

#include "meta/meta.h"
#include "meta_test_util.h"

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

TEST(MetaCascade, EveryCitationAuthorGivenNameFirst) {
  pith::Metadata m = metadata_of(
      "<html><head><meta name=citation_author content='Roy, Aniruddha'>"
      "<meta name=citation_author content='Mahindru, Aditya'><meta name=citation_title content='A Paper'>"
      "</head><body><p>Abstract.</p></body></html>");
  EXPECT_EQ(m.author, "Aniruddha Roy, Aditya Mahindru");
}

TEST(MetaCascade, DublinCoreCreatorBeforeMetaAuthor) {
  // <meta name=author> often names whoever made the site; dc:creator / citation_author the document's authors.
  pith::Metadata m = metadata_of(
      "<html><head><meta property='dc:creator twitter:site_name' content='Creator Name'>"
      "<meta name=author content='Site Webmaster'></head><body><p>Text.</p></body></html>");
  EXPECT_EQ(m.author, "Creator Name");
}

TEST(MetaCascade, JsonLdInsideACdataSection) {
  pith::Metadata m = metadata_of(
      "<html><head><script type='application/ld+json'>\n  //<![CDATA[\n  {\"@type\":\"NewsArticle\","
      "\"datePublished\":\"2024-12-06T22:00:40Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"Stella Kim\"},"
      "{\"@type\":\"Person\",\"name\":\"Jennifer Jett\"}]}\n  //]]>\n</script></head>"
      "<body><p>Text.</p></body></html>");
  EXPECT_EQ(m.author, "Stella Kim, Jennifer Jett");
  EXPECT_EQ(m.date, "2024-12-06");
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

TEST(MetaCascade, JsonLdWithRawLineBreaksInStringsStillRead) {
  // Strict JSON forbids a raw line break or tab inside a string; templates print them anyway.
  pith::Metadata m = metadata_of(
      "<html><head><script type='application/ld+json'>{\"@type\":\"DiscussionForumPosting\","
      "\"headline\":\"Direct stream tonight?\",\"articleBody\":\"No stream link.\nThe VOD goes up\tlater.\","
      "\"author\":{\"@type\":\"Person\",\"name\":\"Need2KnowLion\"},\"datePublished\":\"2024-02-21 13:00:00\"}"
      "</script></head><body><p>2 years ago</p></body></html>");
  EXPECT_EQ(m.date, "2024-02-21");
  EXPECT_EQ(m.author, "Need2KnowLion");
  EXPECT_EQ(m.title, "Direct stream tonight?");
}

TEST(MetaCascade, SeveralPropertiesOnOneMetaAndDublinCoreAsRdfa) {
  // RDFa: one <meta> for several properties; "dc:title" is Dublin Core as much as "DC.title".
  pith::Metadata m = metadata_of(
      "<html><head><title>Title Element</title><meta property='x:title dc:title' content='My title'>"
      "<meta property='og:description  twitter:description' content='Shared description'></head>"
      "<body><p>Text.</p></body></html>");
  EXPECT_EQ(m.title, "My title");
  EXPECT_EQ(m.description, "Shared description");
  // Parse.ly's own title meta is a declared title too.
  EXPECT_EQ(metadata_of("<html><head><meta name='parsely-title' content='Some Other Title'></head>"
                        "<body><h1>Test document title</h1></body></html>")
                .title,
            "Some Other Title");
}

TEST(MetaCascade, AuthorityControlBoxIsNoByline) {
  // "authority" starts with "author"; Wikipedia's authority-control navbox names no one.
  EXPECT_EQ(metadata_of("<html><body><h1>Coffee</h1><p>Text.</p>"
                        "<div class='navbox authority-control'>Authority control</div></body></html>")
                .author,
            "");
  EXPECT_EQ(metadata_of("<html><body><h1>Coffee</h1><div class='post-author'>Jane Doe</div></body></html>").author,
            "Jane Doe");
}

// A page is a discussion thread when its JSON-LD declares one (at any depth) or a forum engine names
// itself as the generator; a news article with comments is not.
TEST(MetaCascade, DiscussionThreadSignal) {
  auto signals_of = [](const std::string& html) {
    pith::HtmlParser parser;
    pith::Document& doc = parser.parse(html);
    pith::Metadata m;
    pith::detail::PageSignals signals;
    pith::detail::extract_metadata(doc, "", m, &signals);
    return signals.discussion_thread;
  };
  EXPECT_TRUE(signals_of("<html><head><script type='application/ld+json'>{\"@type\":\"DiscussionForumPosting\","
                         "\"headline\":\"Range?\"}</script></head><body><p>Hi</p></body></html>"));
  EXPECT_TRUE(signals_of("<html><head><script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\"},"
                         "{\"@type\":\"QAPage\",\"name\":\"Why?\"}]}</script></head><body></body></html>"));
  EXPECT_TRUE(signals_of("<html><head><meta name=generator content='XenForo 2.2'></head><body></body></html>"));
  EXPECT_FALSE(signals_of("<html><head><meta name=generator content='WordPress 6.4'><script "
                          "type='application/ld+json'>{\"@type\":\"NewsArticle\",\"commentCount\":12}</script>"
                          "</head><body><div class=comments><p>First!</p></div></body></html>"));
}
