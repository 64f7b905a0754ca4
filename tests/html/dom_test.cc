#include "pith/dom.h"

#include <gtest/gtest.h>

#include <string>

namespace pith {
namespace {

// <div id=a class="x y"><p>one</p>two<!--c--></div>
Node* build(Document& doc) {
  Node* div = doc.create_element(Tag::kDiv, "div", Namespace::kHtml);
  Attribute attrs[] = {{"id", "a", Attr::kId, AttrNamespace::kNone},
                       {"class", " x\ty ", Attr::kClass, AttrNamespace::kNone}};
  doc.set_attributes(div, attrs, 2);
  Node* p = doc.create_element(Tag::kP, "p", Namespace::kHtml);
  Document::append_child(p, doc.create_text("one"));
  Document::append_child(div, p);
  Document::append_child(div, doc.create_text("two"));
  Document::append_child(div, doc.create_comment("c"));
  Document::append_child(doc.root(), div);
  return div;
}

TEST(Dom, AttributesAndClasses) {
  Document doc;
  Node* div = build(doc);
  EXPECT_EQ(div->attr(Attr::kId), "a");
  EXPECT_EQ(div->attr("class"), " x\ty ");
  EXPECT_TRUE(div->has_class("x"));
  EXPECT_TRUE(div->has_class("y"));
  EXPECT_FALSE(div->has_class("x y"));
  EXPECT_FALSE(div->has_attr(Attr::kHref));
}

TEST(Dom, TextContentSkipsComments) {
  Document doc;
  Node* div = build(doc);
  EXPECT_EQ(text_content(div), "onetwo");
}

TEST(Dom, QueriesFindInDocumentOrder) {
  Document doc;
  build(doc);
  EXPECT_EQ(find_by_id(doc.root(), "a")->tag, Tag::kDiv);
  EXPECT_EQ(find_by_class(doc.root(), "y").size(), 1u);
  EXPECT_EQ(find_first(doc.root(), Tag::kP)->first_child->data, "one");
  std::string_view a = "a";
  EXPECT_EQ(find_by_attr(doc.root(), "id", &a).size(), 1u);
  EXPECT_EQ(find_all(doc.root(), Tag::kSpan).size(), 0u);
}

TEST(Dom, InsertBeforeAndRemoveKeepLinksConsistent) {
  Document doc;
  Node* div = build(doc);
  Node* p = div->first_child;
  Node* b = doc.create_element(Tag::kB, "b", Namespace::kHtml);
  Document::insert_before(div, b, p);
  EXPECT_EQ(div->first_child, b);
  EXPECT_EQ(b->next_sibling, p);
  EXPECT_EQ(p->prev_sibling, b);
  Document::remove(p);
  EXPECT_EQ(b->next_sibling->data, "two");
  EXPECT_EQ(b->next_sibling->prev_sibling, b);
  EXPECT_EQ(p->parent, nullptr);
}

TEST(Dom, WalkerReportsEnterAndLeaveWithoutRecursion) {
  Document doc;
  // 200,000 nested elements: a recursive walk would overflow the stack under sanitizers.
  Node* parent = doc.root();
  for (int i = 0; i < 200000; ++i) {
    Node* d = doc.create_element(Tag::kDiv, "div", Namespace::kHtml);
    Document::append_child(parent, d);
    parent = d;
  }
  Document::append_child(parent, doc.create_text("x"));
  TreeWalker walker(doc.root());
  TreeWalker::Step step;
  size_t enters = 0, leaves = 0, texts = 0;
  while (walker.next(step)) {
    if (step.node->is_text()) ++texts;
    else if (step.entering) ++enters;
    else ++leaves;
  }
  EXPECT_EQ(enters, 200001u);  // document + divs
  EXPECT_EQ(leaves, 200001u);
  EXPECT_EQ(texts, 1u);
}

TEST(Dom, WalkerSkipChildren) {
  Document doc;
  Node* div = build(doc);
  TreeWalker walker(div);
  TreeWalker::Step step;
  std::string trace;
  while (walker.next(step)) {
    if (step.node->is(Tag::kP) && step.entering) walker.skip_children();
    if (step.node->is_element()) {
      trace += step.entering ? '+' : '-';
      trace += step.node->name;
    } else {
      trace += '#';
    }
    trace += ' ';
  }
  EXPECT_EQ(trace, "+div +p -p # # -div ");
}

TEST(Dom, ResetDropsTheTree) {
  Document doc;
  build(doc);
  EXPECT_GT(doc.node_count(), 1u);
  doc.reset();
  EXPECT_EQ(doc.root()->first_child, nullptr);
  EXPECT_EQ(doc.node_count(), 1u);
}

}  // namespace
}  // namespace pith
