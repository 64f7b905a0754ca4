// Output formats on one parsed page: text (one block a line), markdown (headings, nested lists, escaping,
// quotes, links on request), html (escaped, structure kept) and json (parses, carries text, metadata,
// encoding and status).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pith/extract.h"

namespace {

const char* kPage =
    "<html lang=en><head><title>Notes on *stars* | Site</title></head><body><main>"
    "<h2>Why 2 * 3 &lt; 7 matters</h2>"
    "<p>The committee met on Tuesday, discussed the budget at length, and agreed to publish its findings, "
    "which cover schools, roads, and the <a href='https://example.org/lib'>new library</a>.</p>"
    "<ul><li>First point, with detail and more words.<ul><li>Nested point under the first.</li></ul></li>"
    "<li>Second point, again with enough words.</li></ul>"
    "<blockquote><p>A quoted sentence that someone said at the meeting, verbatim.</p></blockquote>"
    "<p>Another paragraph about the decisions, with commas, clauses, and a conclusion.</p>"
    "</main></body></html>";

}  // namespace

TEST(Formats, TextIsOneBlockALine) {
  pith::Extractor ex;
  pith::Result r = ex.extract(kPage);
  std::string text = r.text();
  EXPECT_NE(text.find("Why 2 * 3 < 7 matters\nThe committee"), std::string::npos) << text;
  EXPECT_NE(text.find("Nested point under the first.\nSecond point"), std::string::npos) << text;
}

TEST(Formats, MarkdownStructureAndEscaping) {
  pith::Options o;
  o.include_links = true;
  pith::Extractor ex(o);
  std::string md = ex.extract(kPage).markdown();
  EXPECT_NE(md.find("## Why 2 \\* 3 \\< 7 matters"), std::string::npos) << md;
  EXPECT_NE(md.find("[new library](https://example.org/lib)"), std::string::npos) << md;
  EXPECT_NE(md.find("- First point"), std::string::npos) << md;
  EXPECT_NE(md.find("\n  - Nested point"), std::string::npos) << md;
  EXPECT_NE(md.find("> A quoted sentence"), std::string::npos) << md;
}

TEST(Formats, HtmlEscapedAndStructured) {
  pith::Extractor ex;
  std::string html = ex.extract(kPage).html();
  EXPECT_NE(html.find("<h2>Why 2 * 3 &lt; 7 matters</h2>"), std::string::npos) << html;
  EXPECT_NE(html.find("<li>Second point"), std::string::npos) << html;
  EXPECT_NE(html.find("<blockquote>"), std::string::npos) << html;
}

TEST(Formats, JsonParsesWithMetadataAndStatus) {
  pith::Extractor ex;
  pith::Result r = ex.extract(std::string(kPage) + "\xff");  // one invalid byte: replaced, still valid JSON
  nlohmann::json j = nlohmann::json::parse(r.json(true), nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.json(true);
  EXPECT_EQ(j["title"], "Notes on *stars*");
  EXPECT_EQ(j["language"], "en");
  EXPECT_EQ(j["encoding"], "windows-1252");
  EXPECT_TRUE(j["status"]["ok"].get<bool>());
  EXPECT_NE(j["text"].get<std::string>().find("The committee"), std::string::npos);
  EXPECT_TRUE(j.contains("markdown"));
}
