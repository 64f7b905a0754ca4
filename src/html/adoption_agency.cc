// The list of active formatting elements: pushing with the Noah's Ark clause, clearing to the last
// marker, reconstruction (https://html.spec.whatwg.org/multipage/parsing.html#list-of-active-formatting-elements)
// and the adoption agency algorithm (https://html.spec.whatwg.org/multipage/parsing.html#adoption-agency-algorithm)
// that repairs misnested formatting such as <b><p></b>. Both loops are bounded as in the spec (8 outer,
// 3 inner before removal). Covered by html5lib adoption01/adoption02/tests*.dat and parser_test.cc.
#include "html/tree_builder.h"

namespace pith::detail {

namespace {

bool same_attributes(const Node* a, const Node* b) {
  if (a->attr_count != b->attr_count) return false;
  for (uint32_t i = 0; i < a->attr_count; ++i) {
    const Attribute& x = a->attrs[i];
    bool found = false;
    for (uint32_t j = 0; j < b->attr_count && !found; ++j)
      found = b->attrs[j].name == x.name && b->attrs[j].ns == x.ns && b->attrs[j].value == x.value;
    if (!found) return false;
  }
  return true;
}

}  // namespace

// https://html.spec.whatwg.org/multipage/parsing.html#push-onto-the-list-of-active-formatting-elements
void TreeBuilder::push_formatting(Node* element) {
  if (open_.back() != element) return;  // attached at the depth limit, not open: nothing to reconstruct
  int same = 0;
  size_t earliest = 0;
  for (size_t i = formatting_.size(); i-- > 0;) {
    const Node* e = formatting_[i];
    if (!e) break;
    if (e->tag == element->tag && e->ns == element->ns && e->name == element->name && same_attributes(e, element)) {
      ++same;
      earliest = i;
    }
  }
  if (same >= 3) formatting_.erase(formatting_.begin() + static_cast<std::ptrdiff_t>(earliest));
  formatting_.push_back(element);
}

void TreeBuilder::clear_formatting_to_marker() {
  while (!formatting_.empty()) {
    Node* e = formatting_.back();
    formatting_.pop_back();
    if (!e) return;
  }
}

int TreeBuilder::formatting_index(const Node* node) const {
  for (size_t i = formatting_.size(); i-- > 0;)
    if (formatting_[i] == node) return static_cast<int>(i);
  return -1;
}

// A new element "for the token for which `element` was created": same name, namespace and attributes.
Node* TreeBuilder::clone_element(const Node* element) {
  Node* e = doc_->create_element(element->tag, element->name, element->ns);
  e->attrs = element->attrs;  // attribute arrays are never mutated in place, so they can be shared
  e->attr_count = element->attr_count;
  e->source_offset = element->source_offset;
  return e;
}

// https://html.spec.whatwg.org/multipage/parsing.html#reconstruct-the-active-formatting-elements
void TreeBuilder::reconstruct_formatting() {
  if (formatting_.empty()) return;
  Node* last = formatting_.back();
  if (!last || has_in_stack(last)) return;
  size_t i = formatting_.size() - 1;
  while (i > 0) {
    Node* e = formatting_[i - 1];
    if (!e || has_in_stack(e)) break;
    --i;
  }
  for (; i < formatting_.size(); ++i) {
    if (open_.size() >= options_.limits.max_depth) {
      doc_->status.depth_limited = true;  // deviation: no reconstruction past the depth limit
      return;
    }
    Node* e = clone_element(formatting_[i]);
    insert_node_at(appropriate_place(), e);
    open_.push_back(e);
    formatting_[i] = e;
  }
}

// https://html.spec.whatwg.org/multipage/parsing.html#adoption-agency-algorithm
bool TreeBuilder::adoption_agency(const Token& t) {
  Node* current = current_node();
  if (is_html(current, t.tag) && formatting_index(current) < 0) {
    pop();
    return true;
  }
  for (int outer = 0; outer < 8; ++outer) {
    int fe_index = -1;
    for (size_t i = formatting_.size(); i-- > 0;) {
      if (!formatting_[i]) break;
      if (is_html(formatting_[i], t.tag)) {
        fe_index = static_cast<int>(i);
        break;
      }
    }
    if (fe_index < 0) return false;
    Node* formatting_element = formatting_[fe_index];
    int fe_stack = stack_index(formatting_element);
    if (fe_stack < 0) {
      parse_error(t, "formatting-element-not-open");
      formatting_.erase(formatting_.begin() + fe_index);
      return true;
    }
    if (!has_node_in_scope(formatting_element, Scope::kDefault)) {
      parse_error(t, "formatting-element-not-in-scope");
      return true;
    }
    if (formatting_element != current_node()) parse_error(t, "misnested-formatting-element");
    int fb_stack = -1;
    for (size_t i = static_cast<size_t>(fe_stack) + 1; i < open_.size(); ++i) {
      if (is_special(open_[i])) {
        fb_stack = static_cast<int>(i);
        break;
      }
    }
    if (fb_stack < 0) {
      open_.resize(static_cast<size_t>(fe_stack));
      formatting_.erase(formatting_.begin() + fe_index);
      return true;
    }
    Node* furthest_block = open_[fb_stack];
    Node* common_ancestor = open_[fe_stack - 1];
    int bookmark = fe_index;  // the new element goes before this entry (formatting element still listed)
    Node* last_node = furthest_block;
    int node_stack = fb_stack;
    for (int inner = 1;; ++inner) {
      --node_stack;
      Node* node = open_[node_stack];
      if (node == formatting_element) break;
      int node_list = formatting_index(node);
      if (inner > 3 && node_list >= 0) {
        formatting_.erase(formatting_.begin() + node_list);
        if (node_list < bookmark) --bookmark;
        node_list = -1;
      }
      if (node_list < 0) {
        open_.erase(open_.begin() + node_stack);
        continue;
      }
      Node* replacement = clone_element(node);
      formatting_[node_list] = replacement;
      open_[node_stack] = replacement;
      node = replacement;
      if (last_node == furthest_block) bookmark = node_list + 1;
      Document::append_child(node, last_node);
      last_node = node;
    }
    insert_node_at(appropriate_place(common_ancestor), last_node);
    Node* new_element = clone_element(formatting_element);
    Document::move_children(furthest_block, new_element);
    Document::append_child(furthest_block, new_element);
    formatting_.insert(formatting_.begin() + bookmark, new_element);
    formatting_.erase(formatting_.begin() + formatting_index(formatting_element));
    open_.erase(open_.begin() + stack_index(formatting_element));
    open_.insert(open_.begin() + stack_index(furthest_block) + 1, new_element);
  }
  return true;
}

}  // namespace pith::detail
