#include <gtest/gtest.h>

#include "pith/dom.h"

namespace pith {
namespace {

Node* element(Document& doc, Tag tag, std::string_view name, Node* parent) {
  Node* e = doc.create_element(tag, name, Namespace::kHtml);
  Document::append_child(parent, e);
  return e;
}

TEST(Serialize, EscapesTextAndAttributes) {
  Document doc;
  Node* p = element(doc, Tag::kP, "p", doc.root());
  Attribute a[] = {{"title", "a\"b&c<d>", Attr::kTitle, AttrNamespace::kNone}};
  doc.set_attributes(p, a, 1);
  Document::append_child(p, doc.create_text("x < y & z \xC2\xA0!"));
  EXPECT_EQ(serialize_node(p), "<p title=\"a&quot;b&amp;c&lt;d&gt;\">x &lt; y &amp; z &nbsp;!</p>");
}

TEST(Serialize, VoidElementsHaveNoEndTag) {
  Document doc;
  Node* div = element(doc, Tag::kDiv, "div", doc.root());
  element(doc, Tag::kBr, "br", div);
  element(doc, Tag::kImg, "img", div);
  EXPECT_EQ(serialize_children(doc.root()), "<div><br><img></div>");
}

TEST(Serialize, RawTextIsNotEscaped) {
  Document doc;
  Node* script = element(doc, Tag::kScript, "script", doc.root());
  Document::append_child(script, doc.create_text("if (a < b && c) {}"));
  EXPECT_EQ(serialize_node(script), "<script>if (a < b && c) {}</script>");
}

TEST(Serialize, CommentsDoctypeAndTemplateContents) {
  Document doc;
  Document::append_child(doc.root(), doc.create_doctype("html"));
  Node* t = element(doc, Tag::kTemplate, "template", doc.root());
  t->template_contents = doc.create_fragment();
  Node* li = element(doc, Tag::kLi, "li", t->template_contents);
  Document::append_child(li, doc.create_text("x"));
  Document::append_child(doc.root(), doc.create_comment(" c "));
  EXPECT_EQ(serialize_children(doc.root()), "<!DOCTYPE html><template><li>x</li></template><!-- c -->");
}

TEST(Serialize, ForeignAttributePrefixes) {
  Document doc;
  Node* svg = doc.create_element(Tag::kSvg, "svg", Namespace::kSvg);
  Document::append_child(doc.root(), svg);
  Attribute a[] = {{"href", "#a", Attr::kUnknown, AttrNamespace::kXlink},
                   {"xmlns", "http://www.w3.org/2000/svg", Attr::kXmlns, AttrNamespace::kXmlns}};
  doc.set_attributes(svg, a, 2);
  EXPECT_EQ(serialize_node(svg), "<svg xlink:href=\"#a\" xmlns=\"http://www.w3.org/2000/svg\"></svg>");
}

}  // namespace
}  // namespace pith
