// The document tree: what the HTML parser builds and what the extractor reads.
//
// A Document owns one arena; every Node, Attribute and string of the tree lives in it or is a view into
// the parsed input. Nodes are linked (parent, first/last child, siblings) and are never freed one by one:
// the whole tree dies when the Document is reset for the next parse. Views handed out (names, text,
// attribute values) are valid until that reset and, when they point into the input, only while the input
// buffer lives. Not thread-safe; a Document may be read from several threads when nobody mutates it.
//
// Traversal never recurses: use next_in_preorder(), or TreeWalker for enter/leave events, so a tree of
// any depth is walked in constant stack.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pith/names.h"

namespace pith {

namespace detail {
class Arena;
}

enum class NodeKind : uint8_t { kDocument, kFragment, kDoctype, kElement, kText, kComment };
enum class Namespace : uint8_t { kHtml, kSvg, kMathMl };
enum class AttrNamespace : uint8_t { kNone, kXlink, kXml, kXmlns };
enum class QuirksMode : uint8_t { kNoQuirks, kLimitedQuirks, kQuirks };

struct Attribute {
  std::string_view name;   // local name as printed (adjusted for foreign content: "viewBox", "href")
  std::string_view value;
  Attr id = Attr::kUnknown;  // interned id of the source name, kUnknown for others
  AttrNamespace ns = AttrNamespace::kNone;
};

struct Node {
  NodeKind kind = NodeKind::kElement;
  Namespace ns = Namespace::kHtml;
  Tag tag = Tag::kUnknown;  // interned id for elements (by lower-case local name), else kUnknown
  uint32_t attr_count = 0;
  Node* parent = nullptr;
  Node* first_child = nullptr;
  Node* last_child = nullptr;
  Node* prev_sibling = nullptr;
  Node* next_sibling = nullptr;
  std::string_view name;  // element local name (as adjusted: "foreignObject"), doctype name
  std::string_view data;  // text and comment data
  Attribute* attrs = nullptr;
  Node* template_contents = nullptr;  // <template>'s content fragment (a kFragment node)
  uint32_t source_offset = 0;         // byte offset of the token that made the node (start tags, text)

  bool is_element() const { return kind == NodeKind::kElement; }
  bool is_text() const { return kind == NodeKind::kText; }
  // An HTML-namespace element with the given tag.
  bool is(Tag t) const { return kind == NodeKind::kElement && tag == t && ns == Namespace::kHtml; }

  // The attribute (nullptr when absent) or its value (empty when absent; has_attr tells empty from absent).
  const Attribute* find_attr(std::string_view attr_name) const;
  const Attribute* find_attr(Attr id) const;
  std::string_view attr(std::string_view attr_name) const;
  std::string_view attr(Attr id) const;
  bool has_attr(Attr id) const { return find_attr(id) != nullptr; }
  // Whether the whitespace-separated class attribute holds `cls`.
  bool has_class(std::string_view cls) const;
};

// The next node in document order after `node`, staying inside `root` (nullptr at the end).
// Template contents are not entered (they are not children).
Node* next_in_preorder(const Node* node, const Node* root);
// Like next_in_preorder, but does not descend into `node`'s children.
Node* next_skipping_children(const Node* node, const Node* root);

// Walks a subtree in document order. Containers (elements, document, fragment) are reported twice,
// entering and leaving; text, comments and doctypes once, as entering steps.
class TreeWalker {
 public:
  explicit TreeWalker(const Node* root) : root_(root) {}
  struct Step {
    const Node* node;
    bool entering;  // false: all of the node's children have been visited
  };
  // Returns false when the walk is over.
  bool next(Step& step);
  // After a container's entering step: skip its children (its leave step comes next).
  void skip_children() { skip_ = true; }

 private:
  const Node* root_;
  const Node* cur_ = nullptr;
  bool cur_entering_ = false;
  bool skip_ = false;
  bool done_ = false;
};

struct ParseError {
  uint32_t offset;       // byte offset in the input
  std::string_view code; // the WHATWG error code, e.g. "eof-in-tag"
};

// Why a parse stopped short of the full tree; all limits cut, flag and keep going.
struct ParseStatus {
  bool input_truncated = false;   // input longer than Limits::max_input_bytes: the rest was not parsed
  bool depth_limited = false;     // nesting deeper than max_depth: deeper elements attached at the limit
  bool nodes_limited = false;     // more than max_nodes: later nodes dropped
  bool time_limited = false;      // parse took longer than max_parse_ms: the rest was not parsed
  bool ok() const { return !input_truncated && !depth_limited && !nodes_limited && !time_limited; }
};

class Document {
 public:
  Document();
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  Node* root() const { return root_; }  // the kDocument node (or the kFragment for fragment parses)
  // The first <html>, <head>, <body> (HTML namespace) below the root, or nullptr.
  Node* html_element() const;
  Node* head() const;
  Node* body() const;
  // The <title> text with whitespace stripped and collapsed, as the DOM's document.title.
  std::string title() const;

  QuirksMode quirks_mode = QuirksMode::kNoQuirks;
  std::string_view doctype_public_id;
  std::string_view doctype_system_id;
  ParseStatus status;
  std::vector<ParseError> errors;
  size_t node_count() const { return node_count_; }

  // Construction (used by the tree builder; the extractor only reads).
  Node* create_element(Tag tag, std::string_view name, Namespace ns);
  Node* create_text(std::string_view data);
  Node* create_comment(std::string_view data);
  Node* create_doctype(std::string_view name);
  Node* create_fragment();
  // Copies attributes into the arena and sets them on `element`.
  void set_attributes(Node* element, const Attribute* attrs, size_t count);
  // Appends `data` to the text node `text` (no copy when the two are adjacent in the input).
  void append_text(Node* text, std::string_view data);

  static void append_child(Node* parent, Node* child);
  static void insert_before(Node* parent, Node* child, Node* reference);  // reference may be null
  static void remove(Node* child);
  // Moves all children of `from` to the end of `to`'s children.
  static void move_children(Node* from, Node* to);

  detail::Arena& arena() { return *arena_; }
  // Drops the whole tree; keeps the arena's largest block. Used by the parser before each parse.
  void reset();

 private:
  Node* new_node(NodeKind kind);
  detail::Arena* arena_;
  Node* root_ = nullptr;
  size_t node_count_ = 0;
};

// Serializes `node`'s children as HTML (the WHATWG "HTML fragment serialization algorithm").
std::string serialize_children(const Node* node);
// Serializes `node` itself and its subtree.
std::string serialize_node(const Node* node);
// The concatenated data of all text descendants (DOM textContent).
std::string text_content(const Node* node);

// Query helpers for the extractor. Each walks `root`'s subtree in document order.
Node* find_first(const Node* root, Tag tag);
std::vector<Node*> find_all(const Node* root, Tag tag);
Node* find_by_id(const Node* root, std::string_view id);
std::vector<Node*> find_by_class(const Node* root, std::string_view cls);
// Elements with attribute `attr_name`, and when `value` is non-null, with exactly that value.
std::vector<Node*> find_by_attr(const Node* root, std::string_view attr_name, const std::string_view* value = nullptr);

}  // namespace pith
