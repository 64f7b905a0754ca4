// The extractor: pruning and content choice on hand-built documents, the seed fixtures (exact text and
// metadata, nothing of must_not_contain, in every format), and a debris check over every page of every
// dev dataset (no tag fragments, undecoded entities or script/style text that the page does not itself
// show as text). The dataset tests skip when ../shared is absent.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <regex>

#include "pith/dom.h"
#include "pith/extract.h"
#include "pith/html.h"

namespace fs = std::filesystem;
using namespace pith;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// <p>text</p> under `parent`.
Node* add(Document& doc, Node* parent, Tag tag, std::string_view name, std::string_view text = {}) {
  Node* e = doc.create_element(tag, name, Namespace::kHtml);
  Document::append_child(parent, e);
  if (!text.empty()) Document::append_child(e, doc.create_text(text));
  return e;
}

void set_attr(Document& doc, Node* e, std::string_view name, std::string_view value) {
  Attribute a;
  a.name = name;
  a.value = value;
  a.id = lookup_attr(name);
  doc.set_attributes(e, &a, 1);
}

constexpr std::string_view kProse =
    "The committee met on Tuesday, discussed the budget at length, and agreed to publish its findings, "
    "which cover schools, roads, and the new library, before the end of the month.";

}  // namespace

TEST(Extract, PrunesNeverContentAndKeepsProse) {
  Document doc;
  Node* html = add(doc, doc.root(), Tag::kHtml, "html");
  Node* body = add(doc, html, Tag::kBody, "body");
  Node* nav = add(doc, body, Tag::kNav, "nav");
  add(doc, nav, Tag::kA, "a", "Home");
  Node* article = add(doc, body, Tag::kArticle, "article");
  for (int i = 0; i < 3; ++i) add(doc, article, Tag::kP, "p", kProse);
  add(doc, article, Tag::kScript, "script", "var tracking = 1;");
  Node* hidden = add(doc, article, Tag::kP, "p", "hidden text");
  set_attr(doc, hidden, "style", "display: none");
  Node* aria = add(doc, article, Tag::kDiv, "div", "aria hidden text");
  set_attr(doc, aria, "aria-hidden", "true");
  Node* share = add(doc, body, Tag::kDiv, "div", "Share on Facebook Twitter");
  set_attr(doc, share, "class", "social-share");
  Extractor ex;
  Result r = ex.extract_document(doc);
  std::string text = r.text();
  EXPECT_NE(text.find("The committee met"), std::string::npos) << text;
  for (const char* bad : {"Home", "tracking", "hidden text", "aria hidden", "Share on"}) {
    EXPECT_EQ(text.find(bad), std::string::npos) << bad << " in " << text;
  }
  EXPECT_EQ(r.blocks().size(), 3u);
}

TEST(Extract, HeadlineRepeatingTitleIsMetadataNotText) {
  Document doc;
  Node* html = add(doc, doc.root(), Tag::kHtml, "html");
  Node* head = add(doc, html, Tag::kHead, "head");
  add(doc, head, Tag::kTitle, "title", "Budget agreed | Example News");
  Node* body = add(doc, html, Tag::kBody, "body");
  Node* main = add(doc, body, Tag::kDiv, "div");
  add(doc, main, Tag::kH1, "h1", "Budget agreed");
  for (int i = 0; i < 3; ++i) add(doc, main, Tag::kP, "p", kProse);
  Extractor ex;
  Result r = ex.extract_document(doc);
  EXPECT_EQ(r.meta().title, "Budget agreed");
  EXPECT_EQ(r.text().find("Budget agreed"), std::string::npos) << r.text();
  EXPECT_NE(r.markdown().find("The committee"), std::string::npos);
}

TEST(Extract, CjkTextCountsByCharacter) {
  Document doc;
  Node* html = add(doc, doc.root(), Tag::kHtml, "html");
  Node* body = add(doc, html, Tag::kBody, "body");
  Node* menu = add(doc, body, Tag::kDiv, "div");
  for (int i = 0; i < 6; ++i) add(doc, add(doc, menu, Tag::kP, "p"), Tag::kA, "a", "首页新闻");
  Node* content = add(doc, body, Tag::kDiv, "div");
  for (int i = 0; i < 3; ++i) {
    add(doc, content, Tag::kP, "p", "今天上午，市政府召开新闻发布会，介绍了今年城市建设的主要进展，并回答了记者提问。");
  }
  Extractor ex;
  Result r = ex.extract_document(doc);
  EXPECT_NE(r.text().find("市政府"), std::string::npos) << r.text();
  EXPECT_EQ(r.text().find("首页"), std::string::npos) << r.text();
  EXPECT_EQ(r.meta().language, "zh");
}

TEST(Extract, TablesStayTablesInMarkdown) {
  HtmlParser parser;
  std::string page = "<html><body><article><p>" + std::string(kProse) +
                     "</p><table><tr><th>City</th><th>Budget</th></tr><tr><td>Oslo</td><td>12</td></tr>"
                     "<tr><td>Bergen</td><td>7</td></tr></table><p>" + std::string(kProse) + "</p>"
                     "<pre>int main() {\n  return 0;\n}</pre></article></body></html>";
  Document& doc = parser.parse(page);
  Extractor ex;
  Result r = ex.extract_document(doc);
  std::string md = r.markdown();
  EXPECT_NE(md.find("| City | Budget |\n| --- | --- |\n| Oslo | 12 |"), std::string::npos) << md;
  EXPECT_NE(md.find("```\nint main() {\n  return 0;\n}\n```"), std::string::npos) << md;
  Options no_tables;
  no_tables.include_tables = false;
  Extractor ex2(no_tables);
  EXPECT_EQ(ex2.extract_document(doc).text().find("Oslo"), std::string::npos);
}

TEST(SeedFixtures, ExactTextAndMetadataNoDebris) {
  fs::path seed = fs::path(PITH_SHARED_DIR) / "fixtures" / "seed";
  if (!fs::exists(seed / "html")) GTEST_SKIP() << "needs " << seed << ": absent";
  int pages = 0;
  for (const auto& entry : fs::directory_iterator(seed / "html")) {
    std::string name = entry.path().stem().string();
    SCOPED_TRACE(name);
    ++pages;
    std::string bytes = slurp(entry.path());
    nlohmann::json want = nlohmann::json::parse(slurp(seed / "meta" / (name + ".json")), nullptr, false);
    ASSERT_TRUE(want.is_object());
    Extractor ex;
    Result r = ex.extract(bytes);
    std::string truth = slurp(seed / "truth" / (name + ".txt"));
    EXPECT_EQ(r.text(), truth);
    const Metadata& m = r.meta();
    for (const auto& [key, value] : want.items()) {
      if (!value.is_string()) continue;
      std::string v = value.get<std::string>();
      if (key == "title") {
        EXPECT_EQ(m.title, v);
      }
      if (key == "author") {
        EXPECT_EQ(m.author, v);
      }
      if (key == "date") {
        EXPECT_EQ(m.date, v);
      }
      if (key == "sitename") {
        EXPECT_EQ(m.sitename, v);
      }
      if (key == "language") {
        EXPECT_EQ(m.language, v);
      }
      if (key == "url") {
        EXPECT_EQ(m.url, v);
      }
      if (key == "encoding") {
        std::string got = r.encoding();
        for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_EQ(got, v);
      }
    }
    for (const std::string& out : {r.text(), r.markdown(), r.json(), r.html()}) {
      for (const auto& bad : want["must_not_contain"]) {
        EXPECT_EQ(out.find(bad.get<std::string>()), std::string::npos) << bad << " in\n" << out;
      }
    }
  }
  EXPECT_GE(pages, 2);
}

namespace {

std::string collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Debris in `out` is a match that the page does not show as text itself (code samples may show tags).
void check_debris(const std::string& out, const std::string& visible, const std::string& where, int& failures) {
  static const std::regex debris(
      R"(&amp;|&nbsp;|&lt;|&gt;|&quot;|&#[0-9]+;|" ?/>|</[a-zA-Z][a-zA-Z0-9]*>|<[a-zA-Z][a-zA-Z0-9]* [a-zA-Z-]+="|<script|<style)",
      std::regex::icase);
  std::string flat = collapse(out);
  for (auto it = std::sregex_iterator(flat.begin(), flat.end(), debris); it != std::sregex_iterator(); ++it) {
    std::string hit = it->str();
    if (visible.find(hit) != std::string::npos) continue;
    if (++failures <= 20) ADD_FAILURE() << where << ": debris '" << hit << "'";
  }
}

// A line that prints blank but is not: zero-width characters (U+200B-U+200D, U+2060, U+FEFF), with or
// without spaces, and nothing else. (Lines of spaces alone are kept white space of <pre>.)
void check_blank_lines(const std::string& text, const std::string& where, int& failures) {
  static const std::regex blank(
      R"((^|\n)[ \t]*(\xE2\x80[\x8B-\x8D]|\xE2\x81\xA0|\xEF\xBB\xBF)([ \t]|\xE2\x80[\x8B-\x8D]|\xE2\x81\xA0|\xEF\xBB\xBF)*(\n|$))");
  if (std::regex_search(text, blank) && ++failures <= 20) ADD_FAILURE() << where << ": a line that prints blank";
}

}  // namespace

TEST(DevDatasets, NoDebrisInAnyOutput) {
  fs::path data = fs::path(PITH_SHARED_DIR) / "eval" / "data";
  if (!fs::exists(data)) GTEST_SKIP() << "needs " << data << ": absent";
  char tmpl[] = "/tmp/pith-debris-test-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  fs::path tmp = tmpl;
  int failures = 0, pages = 0;
  HtmlParser parser;
  Extractor ex;
  for (const auto& archive : fs::directory_iterator(data)) {
    std::string cmd = "cd " + tmp.string() + " && tar --zstd -xf " + archive.path().string();
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    for (const auto& dataset : fs::directory_iterator(tmp)) {
      for (const auto& page : fs::directory_iterator(dataset.path() / "html")) {
        ++pages;
        std::string bytes = slurp(page.path());
        Result r = ex.extract(bytes);
        // What the page shows as text: the parsed document's text (decoded), scripts and styles aside.
        std::string visible;
        {
          Document& doc = parser.parse(bytes);
          for (const Node* n = doc.root(); n; n = next_in_preorder(n, doc.root())) {
            if (n->is_text() && n->parent && !n->parent->is(Tag::kScript) && !n->parent->is(Tag::kStyle)) {
              visible.append(n->data);
            }
          }
          visible = collapse(visible);
        }
        std::string where = page.path().string();
        check_debris(r.text(), visible, where, failures);
        check_blank_lines(r.text(), where, failures);
        check_debris(r.meta().title + " " + r.meta().author + " " + r.meta().description, visible, where, failures);
      }
    }
    fs::remove_all(tmp);
    fs::create_directories(tmp);
  }
  fs::remove_all(tmp);
  EXPECT_EQ(failures, 0);
  EXPECT_GT(pages, 2000);
}
