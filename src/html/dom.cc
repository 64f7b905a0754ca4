// Document tree storage, mutation and non-recursive traversal. Nodes come from the document's arena and
// are only unlinked, never freed. Covered by tests/html/dom_test.cc.
#include "pith/dom.h"

#include "base/arena.h"

namespace pith {

namespace {
bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_container(const Node* n) {
  return n->kind == NodeKind::kElement || n->kind == NodeKind::kDocument || n->kind == NodeKind::kFragment;
}
}  // namespace

const Attribute* Node::find_attr(std::string_view attr_name) const {
  for (uint32_t i = 0; i < attr_count; ++i)
    if (attrs[i].name == attr_name) return &attrs[i];
  return nullptr;
}

const Attribute* Node::find_attr(Attr id) const {
  for (uint32_t i = 0; i < attr_count; ++i)
    if (attrs[i].id == id) return &attrs[i];
  return nullptr;
}

std::string_view Node::attr(std::string_view attr_name) const {
  const Attribute* a = find_attr(attr_name);
  return a ? a->value : std::string_view{};
}

std::string_view Node::attr(Attr id) const {
  const Attribute* a = find_attr(id);
  return a ? a->value : std::string_view{};
}

bool Node::has_class(std::string_view cls) const {
  std::string_view list = attr(Attr::kClass);
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && is_html_space(list[i])) ++i;
    size_t start = i;
    while (i < list.size() && !is_html_space(list[i])) ++i;
    if (i > start && list.substr(start, i - start) == cls) return true;
  }
  return false;
}

Node* next_skipping_children(const Node* node, const Node* root) {
  while (node && node != root) {
    if (node->next_sibling) return node->next_sibling;
    node = node->parent;
  }
  return nullptr;
}

Node* next_in_preorder(const Node* node, const Node* root) {
  if (node->first_child) return node->first_child;
  return next_skipping_children(node, root);
}

bool TreeWalker::next(Step& step) {
  if (done_) return false;
  if (!cur_) {
    cur_ = root_;
    cur_entering_ = true;
  } else if (cur_entering_ && is_container(cur_)) {
    if (cur_->first_child && !skip_) {
      cur_ = cur_->first_child;  // entering the first child
    } else {
      cur_entering_ = false;  // the container's leave step
    }
  } else if (cur_ == root_) {
    done_ = true;
    return false;
  } else if (cur_->next_sibling) {
    cur_ = cur_->next_sibling;
    cur_entering_ = true;
  } else {
    cur_ = cur_->parent;
    cur_entering_ = false;
  }
  skip_ = false;
  step = {cur_, cur_entering_};
  return true;
}

Document::Document() : arena_(new detail::Arena()) { reset(); }

Document::~Document() { delete arena_; }

void Document::reset() {
  arena_->reset();
  errors.clear();
  status = {};
  quirks_mode = QuirksMode::kNoQuirks;
  doctype_public_id = {};
  doctype_system_id = {};
  node_count_ = 0;
  root_ = new_node(NodeKind::kDocument);
}

Node* Document::new_node(NodeKind kind) {
  Node* n = arena_->make<Node>();
  n->kind = kind;
  ++node_count_;
  return n;
}

Node* Document::create_element(Tag tag, std::string_view name, Namespace ns) {
  Node* n = new_node(NodeKind::kElement);
  n->tag = tag;
  n->name = name;
  n->ns = ns;
  return n;
}

Node* Document::create_text(std::string_view data) {
  Node* n = new_node(NodeKind::kText);
  n->data = data;
  return n;
}

Node* Document::create_comment(std::string_view data) {
  Node* n = new_node(NodeKind::kComment);
  n->data = data;
  return n;
}

Node* Document::create_doctype(std::string_view name) {
  Node* n = new_node(NodeKind::kDoctype);
  n->name = name;
  return n;
}

Node* Document::create_fragment() { return new_node(NodeKind::kFragment); }

void Document::set_attributes(Node* element, const Attribute* attrs, size_t count) {
  if (count == 0) {
    element->attrs = nullptr;
    element->attr_count = 0;
    return;
  }
  Attribute* copy = arena_->make_array<Attribute>(count);
  for (size_t i = 0; i < count; ++i) copy[i] = attrs[i];
  element->attrs = copy;
  element->attr_count = static_cast<uint32_t>(count);
}

void Document::append_text(Node* text, std::string_view data) { text->data = arena_->concat(text->data, data); }

void Document::append_child(Node* parent, Node* child) { insert_before(parent, child, nullptr); }

void Document::insert_before(Node* parent, Node* child, Node* reference) {
  if (child->parent) remove(child);
  child->parent = parent;
  child->next_sibling = reference;
  if (reference) {
    child->prev_sibling = reference->prev_sibling;
    reference->prev_sibling = child;
  } else {
    child->prev_sibling = parent->last_child;
    parent->last_child = child;
  }
  if (child->prev_sibling)
    child->prev_sibling->next_sibling = child;
  else
    parent->first_child = child;
}

void Document::remove(Node* child) {
  Node* parent = child->parent;
  if (!parent) return;
  if (child->prev_sibling)
    child->prev_sibling->next_sibling = child->next_sibling;
  else
    parent->first_child = child->next_sibling;
  if (child->next_sibling)
    child->next_sibling->prev_sibling = child->prev_sibling;
  else
    parent->last_child = child->prev_sibling;
  child->parent = child->prev_sibling = child->next_sibling = nullptr;
}

void Document::move_children(Node* from, Node* to) {
  while (Node* c = from->first_child) append_child(to, c);
}

namespace {
Node* first_html_child(const Node* parent, Tag tag) {
  if (!parent) return nullptr;
  for (Node* c = parent->first_child; c; c = c->next_sibling)
    if (c->is(tag)) return c;
  return nullptr;
}
}  // namespace

Node* Document::html_element() const { return first_html_child(root_, Tag::kHtml); }
Node* Document::head() const { return first_html_child(html_element(), Tag::kHead); }
Node* Document::body() const { return first_html_child(html_element(), Tag::kBody); }

std::string Document::title() const {
  Node* t = find_first(root_, Tag::kTitle);
  if (!t) return {};
  std::string raw = text_content(t), out;
  for (char c : raw) {
    if (is_html_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string text_content(const Node* node) {
  std::string out;
  if (node->kind == NodeKind::kText || node->kind == NodeKind::kComment) return std::string(node->data);
  for (const Node* n = node->first_child; n; n = next_in_preorder(n, node))
    if (n->kind == NodeKind::kText) out.append(n->data);
  return out;
}

Node* find_first(const Node* root, Tag tag) {
  for (const Node* n = root; n; n = next_in_preorder(n, root))
    if (n->is(tag)) return const_cast<Node*>(n);
  return nullptr;
}

std::vector<Node*> find_all(const Node* root, Tag tag) {
  std::vector<Node*> out;
  for (const Node* n = root; n; n = next_in_preorder(n, root))
    if (n->is(tag)) out.push_back(const_cast<Node*>(n));
  return out;
}

Node* find_by_id(const Node* root, std::string_view id) {
  for (const Node* n = root; n; n = next_in_preorder(n, root))
    if (n->is_element() && n->has_attr(Attr::kId) && n->attr(Attr::kId) == id) return const_cast<Node*>(n);
  return nullptr;
}

std::vector<Node*> find_by_class(const Node* root, std::string_view cls) {
  std::vector<Node*> out;
  for (const Node* n = root; n; n = next_in_preorder(n, root))
    if (n->is_element() && n->has_class(cls)) out.push_back(const_cast<Node*>(n));
  return out;
}

std::vector<Node*> find_by_attr(const Node* root, std::string_view attr_name, const std::string_view* value) {
  std::vector<Node*> out;
  for (const Node* n = root; n; n = next_in_preorder(n, root)) {
    if (!n->is_element()) continue;
    const Attribute* a = n->find_attr(attr_name);
    if (a && (!value || a->value == *value)) out.push_back(const_cast<Node*>(n));
  }
  return out;
}

}  // namespace pith
