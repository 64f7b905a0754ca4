// Metadata authors: bylines cut to the name (lead-in words of several languages, dates, roles, counts,
// avatar initials), implausible values rejected, bylines in running text (English, German, Spanish,
// Korean, Chinese), persons before the site's own name.
#include <gtest/gtest.h>

#include <string>

#include "meta/meta.h"

using pith::detail::byline_from_text;
using pith::detail::choose_author;
using pith::detail::clean_author;
using pith::detail::plausible_author;

TEST(MetaAuthor, BylineCutToTheName) {
  EXPECT_EQ(clean_author("Written byDan Pantelo"), "Dan Pantelo");
  EXPECT_EQ(clean_author("ByAmy Roeder"), "Amy Roeder");
  EXPECT_EQ(clean_author("By Jane Doe - June 12, 2025"), "Jane Doe");
  EXPECT_EQ(clean_author("Posted by:Idle Cartulary"), "Idle Cartulary");
  EXPECT_EQ(clean_author("Haley Hoekstra • March 12, 2025"), "Haley Hoekstra");
  EXPECT_EQ(clean_author("Luke KimDecember 17, 2025"), "Luke Kim");
  EXPECT_EQ(clean_author("Harry RabinowitzSenior Writer"), "Harry Rabinowitz");
  EXPECT_EQ(clean_author("Keith Barry Senior Autos Reporter Updated March 11, 2026"), "Keith Barry");
  EXPECT_EQ(clean_author("Rachel MacDonald Writer"), "Rachel MacDonald");
  EXPECT_EQ(clean_author("TOM KRISHER, AP Auto Writer"), "TOM KRISHER");
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

TEST(MetaAuthor, RelativeTimeAfterTheNameAndDatesInAuthorElements) {
  // The words that introduce a count go with it ("před 3 hodinami" = 3 hours ago, "vor 2 Stunden").
  EXPECT_EQ(clean_author("Ale\xc5\xa1 V\xc3\xa1vra p\xc5\x99""ed 3 hodinami"), "Ale\xc5\xa1 V\xc3\xa1vra");
  EXPECT_EQ(clean_author("Jane Doe vor 2 Stunden"), "Jane Doe");
  EXPECT_EQ(clean_author("paulb203 Messages 196"), "paulb203");  // one word stays
  // A *authors* element that only holds a date ("1 mars 2019 à 15:20") names nobody.
  EXPECT_EQ(clean_author("1 mars 2019 \xc3\xa0 15:20"), "");
  EXPECT_EQ(clean_author("3i Global"), "3i Global");  // a name may start with a digit
}

TEST(MetaAuthor, ReadingTimesAndIconTextAreNoNames) {
  EXPECT_FALSE(plausible_author(clean_author("10mins read")));
  EXPECT_FALSE(plausible_author("()x"));
  EXPECT_TRUE(plausible_author("Jo"));
  EXPECT_TRUE(plausible_author("\xe7\x8e\x8b\xe6\x98\x8e"));  // two Han characters
  EXPECT_EQ(choose_author({"10mins read", "Supermove"}, ""), "Supermove");
}
