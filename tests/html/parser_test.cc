// HtmlParser: focused tree-construction cases (implied tags, adoption agency, foster parenting, template,
// SVG/MathML adjustments, fragments, quirks mode), parser reuse, and the limits of issue 2 part 6: deep
// nesting, huge pages, many attributes, NUL-filled and random input all parse in bounded time and memory.
// Runs without ../shared. The ParserSlow suite is labelled "slow" in ctest.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>

#include "base/arena.h"
#include "html/tree_dump.h"
#include "pith/html.h"

namespace {

using pith::Document;
using pith::FragmentContext;
using pith::HtmlParser;
using pith::Namespace;
using pith::Node;

std::string dump(HtmlParser& parser, std::string_view html) { return pith::detail::dump_tree(parser.parse(html)); }

size_t count_elements(const Node* root, pith::Tag tag = pith::Tag::kUnknown) {
  size_t n = 0;
  for (const Node* node = root; node; node = pith::next_in_preorder(node, root))
    if (node->is_element() && (tag == pith::Tag::kUnknown || node->is(tag))) ++n;
  return n;
}

// The deepest nesting below `root` (a child of root is at depth 1), walked without recursion.
size_t max_depth(const Node* root) {
  pith::TreeWalker walker(root);
  pith::TreeWalker::Step step;
  size_t depth = 0, best = 0;
  while (walker.next(step)) {
    if (step.node == root) continue;
    bool container = step.node->kind == pith::NodeKind::kElement;
    if (!step.entering) {
      --depth;
    } else if (container) {
      best = std::max(best, ++depth);
    } else {
      best = std::max(best, depth + 1);
    }
  }
  return best;
}

TEST(Parser, ImpliedHtmlHeadBody) {
  HtmlParser parser;
  EXPECT_EQ(dump(parser, "<p>One<p>Two"),
            "| <html>\n|   <head>\n|   <body>\n|     <p>\n|       \"One\"\n|     <p>\n|       \"Two\"\n");
  EXPECT_EQ(dump(parser, "<title>T</title>x"),
            "| <html>\n|   <head>\n|     <title>\n|       \"T\"\n|   <body>\n|     \"x\"\n");
  EXPECT_EQ(dump(parser, "<ul><li>a<li>b</ul>"),
            "| <html>\n|   <head>\n|   <body>\n|     <ul>\n|       <li>\n|         \"a\"\n|       <li>\n|         \"b\"\n");
}

TEST(Parser, NodesRecordTheirSourceOffsets) {
  HtmlParser parser;
  Document& doc = parser.parse("<p>hello <i>there</i></p>");
  Node* p = pith::find_first(doc.root(), pith::Tag::kP);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->source_offset, 0u);
  ASSERT_NE(p->first_child, nullptr);
  EXPECT_EQ(p->first_child->source_offset, 3u);
  EXPECT_EQ(pith::find_first(doc.root(), pith::Tag::kI)->source_offset, 9u);
}

TEST(Parser, MisnestedFormattingUsesAdoptionAgency) {
  HtmlParser parser;
  EXPECT_EQ(dump(parser, "<b>1<p>2</b>3</p>"),
            "| <html>\n|   <head>\n|   <body>\n|     <b>\n|       \"1\"\n|     <p>\n|       <b>\n|         \"2\"\n"
            "|       \"3\"\n");
  EXPECT_EQ(dump(parser, "<a>1<a>2"),
            "| <html>\n|   <head>\n|   <body>\n|     <a>\n|       \"1\"\n|     <a>\n|       \"2\"\n");
}

TEST(Parser, FosterParentingMovesTextAndElementsBeforeTheTable) {
  HtmlParser parser;
  EXPECT_EQ(dump(parser, "<table>x<div>y</div><tr><td>z</table>"),
            "| <html>\n|   <head>\n|   <body>\n|     \"x\"\n|     <div>\n|       \"y\"\n|     <table>\n"
            "|       <tbody>\n|         <tr>\n|           <td>\n|             \"z\"\n");
}

TEST(Parser, TemplateContentsAreAFragment) {
  HtmlParser parser;
  Document& doc = parser.parse("<template><td>cell</td></template>");
  Node* tmpl = pith::find_first(doc.root(), pith::Tag::kTemplate);
  ASSERT_NE(tmpl, nullptr);
  ASSERT_NE(tmpl->template_contents, nullptr);
  EXPECT_EQ(tmpl->template_contents->kind, pith::NodeKind::kFragment);
  EXPECT_EQ(tmpl->first_child, nullptr);
  EXPECT_EQ(pith::detail::dump_tree(doc),
            "| <html>\n|   <head>\n|     <template>\n|       content\n|         <td>\n|           \"cell\"\n|   <body>\n");
}

TEST(Parser, SvgAndMathMlNamesAreAdjusted) {
  HtmlParser parser;
  EXPECT_EQ(dump(parser, "<svg viewbox='0 0 1 1' xlink:href=u><foreignobject><p>x</p></foreignobject></svg>"
                         "<math definitionurl=d>"),
            "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       viewBox=\"0 0 1 1\"\n|       xlink href=\"u\"\n"
            "|       <svg foreignObject>\n|         <p>\n|           \"x\"\n|     <math math>\n"
            "|       definitionURL=\"d\"\n");
  // An HTML start tag breaks out of foreign content.
  EXPECT_EQ(dump(parser, "<svg><g><div>d"),
            "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       <svg g>\n|     <div>\n|       \"d\"\n");
}

TEST(Parser, FragmentParsingUsesTheContextElement) {
  HtmlParser parser;
  Document& doc = parser.parse_fragment("<td>a</td><td>b", FragmentContext{"tr"});
  EXPECT_EQ(doc.root()->kind, pith::NodeKind::kFragment);
  EXPECT_EQ(pith::detail::dump_tree(doc), "| <td>\n|   \"a\"\n| <td>\n|   \"b\"\n");
  EXPECT_EQ(pith::detail::dump_tree(parser.parse_fragment("<b>x</p>", FragmentContext{"div"})),
            "| <b>\n|   \"x\"\n|   <p>\n");
  EXPECT_EQ(pith::detail::dump_tree(parser.parse_fragment("<path/><div>", FragmentContext{"g", Namespace::kSvg})),
            "| <svg path>\n| <div>\n");
  EXPECT_EQ(pith::detail::dump_tree(parser.parse_fragment("a<b>&amp;</title>", FragmentContext{"title"})),
            "| \"a<b>&</title>\"\n");
}

TEST(Parser, DoctypeSetsQuirksModeAndKeepsIds) {
  HtmlParser parser;
  Document& quirky = parser.parse("<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 3.2 Final//EN\"><p>");
  EXPECT_EQ(quirky.quirks_mode, pith::QuirksMode::kQuirks);
  EXPECT_EQ(quirky.doctype_public_id, "-//W3C//DTD HTML 3.2 Final//EN");
  EXPECT_EQ(parser.parse("<!DOCTYPE html><p>").quirks_mode, pith::QuirksMode::kNoQuirks);
  EXPECT_EQ(parser.parse("<p>").quirks_mode, pith::QuirksMode::kQuirks);
  Document& limited = parser.parse(
      "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/x.dtd\">");
  EXPECT_EQ(limited.quirks_mode, pith::QuirksMode::kLimitedQuirks);
  EXPECT_EQ(limited.doctype_system_id, "http://www.w3.org/TR/xhtml1/DTD/x.dtd");
  // Quirks mode keeps <p> open around a <table>.
  EXPECT_EQ(count_elements(pith::find_first(parser.parse("<p><table>").root(), pith::Tag::kP), pith::Tag::kTable), 1u);
}

TEST(Parser, NoscriptIsParsedAsMarkupWithScriptingOff) {
  HtmlParser off;
  EXPECT_EQ(count_elements(off.parse("<body><noscript><img src=a></noscript>").root(), pith::Tag::kImg), 1u);
  pith::ParseOptions scripting;
  scripting.scripting = true;
  HtmlParser on(scripting);
  EXPECT_EQ(count_elements(on.parse("<body><noscript><img src=a></noscript>").root(), pith::Tag::kImg), 0u);
}

TEST(Parser, ReuseGivesTheSameTreeAndStopsGrowingItsArena) {
  std::string page;
  for (int i = 0; i < 300; ++i) page += "<div class=c><p>para <b>bold <i>it</b> tail</i></p><table><td>x</table></div>";
  HtmlParser parser;
  std::string first = pith::detail::dump_tree(parser.parse(page));
  parser.parse(page);  // the arena keeps its largest block: two documents warm it up
  size_t reserved = parser.parse(page).arena().bytes_reserved();
  for (int i = 0; i < 3; ++i) {
    Document& doc = parser.parse(page);
    EXPECT_EQ(doc.arena().bytes_reserved(), reserved);
    EXPECT_TRUE(doc.status.ok());
  }
  EXPECT_EQ(pith::detail::dump_tree(parser.parse(page)), first);
}

TEST(Parser, MaxNodesStopsCreatingNodes) {
  pith::ParseOptions options;
  options.limits.max_nodes = 1000;
  HtmlParser parser(options);
  std::string page;
  for (int i = 0; i < 5000; ++i) page += "<p>x";
  Document& doc = parser.parse(page);
  EXPECT_TRUE(doc.status.nodes_limited);
  EXPECT_LE(doc.node_count(), 1010u);
  EXPECT_GE(doc.node_count(), 1000u);
}

TEST(Parser, MaxAttributesKeepsTheFirstOnes) {
  std::string tag = "<div";
  for (int i = 0; i < 100000; ++i) tag += " a" + std::to_string(i) + "=v";
  tag += ">text</div>";
  HtmlParser parser;
  Document& doc = parser.parse(tag);
  Node* div = pith::find_first(doc.root(), pith::Tag::kDiv);
  ASSERT_NE(div, nullptr);
  EXPECT_EQ(div->attr_count, parser.options().limits.max_attributes);
  EXPECT_EQ(div->attrs[0].name, "a0");
  EXPECT_EQ(pith::text_content(div), "text");
}

TEST(Parser, InputTruncatedAtTheByteLimitOnACharacterBoundary) {
  pith::ParseOptions options;
  options.limits.max_input_bytes = 10;
  HtmlParser parser(options);
  Document& doc = parser.parse("<p>\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9</p>");  // the limit falls inside an é
  EXPECT_TRUE(doc.status.input_truncated);
  EXPECT_EQ(pith::text_content(pith::find_first(doc.root(), pith::Tag::kP)), "\xC3\xA9\xC3\xA9\xC3\xA9");
}

// Bounded memory: nodes, arena and stacks scale with the input, never with its nesting.
TEST(ParserSlow, MillionNestedDivsAreFlattenedAtTheDepthLimit) {
  std::string page;
  const size_t n = 1000000;
  page.reserve(n * 5 + 16);
  for (size_t i = 0; i < n; ++i) page += "<div>";
  page += "deep";
  HtmlParser parser;
  Document& doc = parser.parse(page);
  EXPECT_TRUE(doc.status.depth_limited);
  EXPECT_EQ(count_elements(doc.root(), pith::Tag::kDiv), n);  // content kept
  EXPECT_LE(max_depth(doc.root()), parser.options().limits.max_depth + 2);
  EXPECT_NE(pith::text_content(doc.root()).find("deep"), std::string::npos);
}

TEST(ParserSlow, HundredMegabytePage) {
  // About one node per 40 bytes, as on real pages (the default max_nodes is far above it).
  const std::string chunk =
      "<div class=\"row\"><p>Some <b>text</b> of an ordinary paragraph, long enough to look like prose, with a "
      "<a href=\"/x\">link</a> in it and more words after it.</p></div>\n";
  std::string page;
  page.reserve(100u << 20);
  while (page.size() + chunk.size() <= (100u << 20)) page += chunk;
  size_t chunks = page.size() / chunk.size();

  HtmlParser parser;  // default limit (256 MB): parses all of it
  auto t0 = std::chrono::steady_clock::now();
  Document& doc = parser.parse(page);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_TRUE(doc.status.ok());
  EXPECT_EQ(count_elements(doc.root(), pith::Tag::kA), chunks);
  EXPECT_LT(seconds, 60.0);

  pith::ParseOptions small;
  small.limits.max_input_bytes = 10u << 20;
  HtmlParser limited(small);
  Document& cut = limited.parse(page);
  EXPECT_TRUE(cut.status.input_truncated);
  EXPECT_LT(count_elements(cut.root(), pith::Tag::kA), chunks / 5);
}

TEST(ParserSlow, NulFilledFile) {
  std::string page(16u << 20, '\0');
  HtmlParser parser;
  Document& doc = parser.parse(page);
  EXPECT_NE(doc.body(), nullptr);
  EXPECT_EQ(doc.body()->first_child, nullptr);  // NULs in body text are dropped (parse errors)
  EXPECT_FALSE(doc.errors.empty());
}

TEST(ParserSlow, RandomBytes) {
  std::mt19937_64 rng(42);
  std::string page(16u << 20, ' ');
  for (char& c : page) c = static_cast<char>(rng());
  // Sprinkle markup so that every insertion mode gets exercised.
  static const char* const kBits[] = {"<table>", "<svg>", "<math>", "<template>", "</", "<b>", "<select>",
                                      "<tr>", "<!--", "<![CDATA[", "<frameset>", "<td>", "<p>", "<a>"};
  for (size_t i = 0; i + 16 < page.size(); i += 97) {
    const char* bit = kBits[rng() % (sizeof(kBits) / sizeof(kBits[0]))];
    page.replace(i, std::char_traits<char>::length(bit), bit);
  }
  HtmlParser parser;
  auto t0 = std::chrono::steady_clock::now();
  Document& doc = parser.parse(page);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_NE(doc.root()->first_child, nullptr);
  EXPECT_LE(max_depth(doc.root()), parser.options().limits.max_depth + 2);
  EXPECT_LT(seconds, 60.0);
}

TEST(ParserSlow, TimeLimitStopsTheParse) {
  std::string page;
  for (int i = 0; i < 400000; ++i) page += "<p><b>x</b><i>y</i></p>";
  pith::ParseOptions options;
  options.limits.max_parse_ms = 1;
  HtmlParser parser(options);
  Document& doc = parser.parse(page);
  EXPECT_TRUE(doc.status.time_limited);
  EXPECT_LT(count_elements(doc.root(), pith::Tag::kP), 400000u);
}

}  // namespace
