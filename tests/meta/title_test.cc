// Metadata titles: site parts removed, headings agreeing with the declared titles (logo headings skipped,
// pieces of <title>, CJK agreement by character), heading text as displayed.
#include <gtest/gtest.h>

#include <string>

#include "meta/meta.h"
#include "meta_test_util.h"

using pith::detail::choose_title;
using pith::detail::strip_site_from_title;
using pith::detail::TitleSources;

TEST(MetaTitle, SiteSuffixRemoved) {
  EXPECT_EQ(strip_site_from_title("Budget agreed after long night | Example News", ""), "Budget agreed after long night");
  EXPECT_EQ(strip_site_from_title("Example News - Budget agreed after long night talks", "Example News"),
            "Budget agreed after long night talks");
  EXPECT_EQ(strip_site_from_title("A title without a site", ""), "A title without a site");
}

TEST(MetaTitle, PathFromPageUpToSiteKeepsThePage) {
  // "Thread / Forum / Site": once the site is cut, the same separator still standing sets off the section.
  EXPECT_EQ(strip_site_from_title("What happened with Arch Linux ISO in 2024 / Arch Discussion / Arch Linux Forums", ""),
            "What happened with Arch Linux ISO in 2024");
  EXPECT_EQ(strip_site_from_title("Hybrid Quantum And Classical Computing - Programming - Nairaland", "Nairaland"),
            "Hybrid Quantum And Classical Computing");
  // A one-word name and its tagline stay together; pipes are left to the piped-parts rule.
  EXPECT_EQ(strip_site_from_title("Firefox \xe2\x80\x94 Customize and make it your own \xe2\x80\x94 Mozilla", "Mozilla"),
            "Firefox \xe2\x80\x94 Customize and make it your own");
  EXPECT_EQ(strip_site_from_title("Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault", ""),
            "Get your Frontend JavaScript Code Covered | Code");
  // The last piece alone is the site: a logo <h1> naming it is still skipped.
  TitleSources s;
  s.h1s = {"Example Forum"};
  s.title_tag = "Hybrid quantum computing - Programming - Example Forum";
  EXPECT_EQ(choose_title(s), "Hybrid quantum computing");
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

TEST(MetaTitle, SiteNameCutFromTheHeadlineToo) {
  TitleSources s;
  s.h1s = {"Marietta Electricians Costs & Prices - ProMatcher Cost Report"};
  s.title_tag = "Marietta Electricians Costs & Prices - ProMatcher Cost Report";
  EXPECT_EQ(choose_title(s), "Marietta Electricians Costs & Prices");
  // Without a site part in the declared title the headline stays whole.
  s.title_tag = "Marietta Electricians Costs & Prices - ProMatcher Cost Report for Georgia Homeowners in 2025";
  EXPECT_EQ(choose_title(s), "Marietta Electricians Costs & Prices - ProMatcher Cost Report");
}

TEST(MetaTitle, TwiceEscapedReferencesInHeadingsDecoded) {
  // The page escaped "&" twice; the heading's text still holds "&#x26;", which must not reach the output.
  EXPECT_EQ(metadata_of("<html><head><title>Tools for 2026: Python, SQL &amp; AI | Splunk</title></head>"
                        "<body><h1>Tools for 2026: Python, SQL &amp;#x26; AI</h1></body></html>")
                .title,
            "Tools for 2026: Python, SQL & AI");
  // Markup written as text in a heading stays.
  EXPECT_EQ(metadata_of("<html><head><title>Using &lt;div&gt; well</title></head>"
                        "<body><h1>Using &lt;div&gt; well</h1></body></html>")
                .title,
            "Using <div> well");
}

TEST(MetaTitle, ChinesePortalSuffixesWithoutSpaces) {
  EXPECT_EQ(strip_site_from_title("四年前中500万现穷困潦倒 一夜暴富后如何经营__商贸_产业资讯_新浪网", ""),
            "四年前中500万现穷困潦倒 一夜暴富后如何经营");
  EXPECT_EQ(strip_site_from_title("拿起跨界“指挥棒”她跟学生“较着劲儿”成长--大河网", ""), "拿起跨界“指挥棒”她跟学生“较着劲儿”成长");
  EXPECT_EQ(strip_site_from_title("snake_case_names in Python", ""), "snake_case_names in Python");  // not CJK
}

TEST(MetaTitle, LabelInFrontOfTheHeadlineLeftOut) {
  // The headline is the declared title behind a label ("Thread:", a date, a category): the declared title.
  TitleSources s;
  s.h1s = {"Thread: What do you look for when buying web hosting?"};
  s.og = "What do you look for when buying web hosting?";
  EXPECT_EQ(choose_title(s), "What do you look for when buying web hosting?");
  s.h1s = {"Dec 18 2025 Preparing a transition in Debusine"};
  s.og.clear();
  s.title_tag = "Preparing a transition in Debusine";
  EXPECT_EQ(choose_title(s), "Preparing a transition in Debusine");
  // Words after the declared title are a subtitle it shortened: the headline stays.
  s.h1s = {"Best High School Tutors in 2025, Reviewed by a Student"};
  s.title_tag = "Best High School Tutors in 2025 | Tutor Guide";
  EXPECT_EQ(choose_title(s), "Best High School Tutors in 2025, Reviewed by a Student");
  // A declared title that carries the words in front too keeps them.
  TitleSources t;
  t.h1s = {"functools \xe2\x80\x94 Higher-order functions and operations on callable objects"};
  t.og = "functools \xe2\x80\x94 Higher-order functions and operations on callable objects";
  t.title_tag = "functools \xe2\x80\x94 Higher-order functions and operations on callable objects \xe2\x80\x94 Python 3.14 documentation";
  EXPECT_EQ(choose_title(t), t.h1s[0]);
}

TEST(MetaTitle, PipedTaglineAfterThePagesNameIsCut) {
  // "Page | Tagline | Site": the site goes first, then the tagline.
  TitleSources s;
  s.og = "Cloudflare CDN | Content Delivery Network | Cloudflare";
  s.sitename = "Cloudflare";
  EXPECT_EQ(choose_title(s), "Cloudflare CDN");
  // A headline carrying a keyword list behind a pipe.
  TitleSources h;
  h.h1s = {"12 Must-Have Data Analysis Tools for 2026 | Python, SQL & AI"};
  h.og = "12 Must-Have Data Analysis Tools for 2026 | Python, SQL & AI | Splunk";
  EXPECT_EQ(choose_title(h), "12 Must-Have Data Analysis Tools for 2026");
  // A one-word part on either side stays: a section name, or a listing named by one word.
  TitleSources c;
  c.title_tag = "Get your Frontend JavaScript Code Covered | Code | Nicolas Perriault";
  EXPECT_EQ(choose_title(c), "Get your Frontend JavaScript Code Covered | Code");
  TitleSources j;
  j.title_tag = "jobs | Hacker News";
  EXPECT_EQ(choose_title(j), "jobs | Hacker News");
}
