// TreeBuilder: the WHATWG HTML "Tree construction" stage (https://html.spec.whatwg.org/multipage/parsing.html#tree-construction).
//
// A TokenSink fed by the Tokenizer; it builds the Document with the stack of open elements, the list of
// active formatting elements, the insertion modes (one member function each, named as in the spec), foster
// parenting, foreign content and template contents. The scripting flag is a parameter (off by default).
// The limits of ParseLimits are enforced here (depth, nodes, attributes, time). Reusable: the stacks keep
// their capacity between documents. Covered by tests/html/tree_conformance_test.cc and parser_test.cc.
#pragma once

#include <chrono>
#include <initializer_list>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "html/token.h"
#include "pith/dom.h"
#include "pith/html.h"

namespace pith::detail {

enum class InsertionMode : uint8_t {
  kInitial,
  kBeforeHtml,
  kBeforeHead,
  kInHead,
  kInHeadNoscript,
  kAfterHead,
  kInBody,
  kText,
  kInTable,
  kInTableText,
  kInCaption,
  kInColumnGroup,
  kInTableBody,
  kInRow,
  kInCell,
  kInTemplate,
  kAfterBody,
  kInFrameset,
  kAfterFrameset,
  kAfterAfterBody,
  kAfterAfterFrameset,
};

// Scopes of "has an element in ... scope".
enum class Scope : uint8_t { kDefault, kListItem, kButton, kTable };

class TreeBuilder final : public TokenSink {
 public:
  TreeBuilder() = default;

  // Prepares a document parse into `document` (already reset).
  void start_document(Document& document, const ParseOptions& options);
  // Prepares a fragment parse with `context`; returns the tokenizer state the context calls for.
  TokenizerSwitch start_fragment(Document& document, const ParseOptions& options, FragmentContext context);
  // After the tokenizer ran: for fragments, turns the root into a kFragment holding the parsed children.
  void finish();

  [[nodiscard]] SinkResult process(const Token& token) override;

 private:
  // Where a node goes: before `before` in `parent` (at the end when `before` is null).
  struct InsertionPlace {
    Node* parent;
    Node* before;
  };

  // --- dispatch (tree_builder.cc)
  void dispatch(Token& t);
  void process_in(InsertionMode mode, Token& t);
  bool in_html_content(const Node* acn, const Token& t) const;

  // --- insertion modes (spec order), one function each
  void initial_mode(Token& t);
  void before_html_mode(Token& t);
  void before_head_mode(Token& t);
  void in_head_mode(Token& t);
  void in_head_noscript_mode(Token& t);
  void after_head_mode(Token& t);
  void in_body_mode(Token& t);
  void text_mode(Token& t);
  void in_table_mode(Token& t);
  void in_table_text_mode(Token& t);
  void in_caption_mode(Token& t);
  void in_column_group_mode(Token& t);
  void in_table_body_mode(Token& t);
  void in_row_mode(Token& t);
  void in_cell_mode(Token& t);
  void in_template_mode(Token& t);
  void after_body_mode(Token& t);
  void in_frameset_mode(Token& t);
  void after_frameset_mode(Token& t);
  void after_after_body_mode(Token& t);
  void after_after_frameset_mode(Token& t);
  void foreign_content(Token& t);

  // in body pieces (tree_builder_body.cc)
  void in_body_characters(Token& t);
  void in_body_start_tag(Token& t);
  void in_body_end_tag(Token& t);
  void in_body_other_end_tag(const Token& t);
  void in_body_eof();
  void flush_pending_table_text();
  void close_cell();

  // --- building blocks (tree_builder.cc)
  Node* current_node() const { return open_.back(); }
  Node* adjusted_current_node() const;
  InsertionPlace appropriate_place(Node* override_target = nullptr) const;
  Node* create_element_for(const Token& t, Namespace ns);
  // Inserts and pushes; at the depth limit the element is attached but not pushed (returns it anyway).
  Node* insert_element(const Token& t, Namespace ns = Namespace::kHtml);
  Node* insert_html_element(const Token& t) { return insert_element(t, Namespace::kHtml); }
  // Inserts an element that is popped at once (void elements, self-closing foreign elements).
  void insert_void_element(const Token& t, Namespace ns = Namespace::kHtml);
  void insert_node_at(InsertionPlace place, Node* node);
  void insert_characters(std::string_view data);
  void insert_comment(const Token& t, Node* parent = nullptr);
  void generic_text_element(const Token& t, TokenizerSwitch state);
  void add_missing_attributes(Node* element, const Token& t);

  bool has_in_scope(Tag tag, Scope scope) const;
  bool has_node_in_scope(const Node* node, Scope scope) const;
  bool has_heading_in_scope() const;
  bool has_in_stack(const Node* node) const;
  int stack_index(const Node* node) const;
  bool stack_has_html(Tag tag) const;
  void pop();
  void pop_until_html(Tag tag);     // pops until an HTML element `tag` has been popped
  void pop_until_node(const Node* node);
  void pop_until_heading();
  void generate_implied_end_tags(Tag except = Tag::kUnknown);
  void generate_all_implied_end_tags_thoroughly();
  void close_p_element();
  void clear_stack_back_to(bool (*is_context)(const Node*));
  void reset_insertion_mode();

  // --- list of active formatting elements (adoption_agency.cc)
  void push_formatting(Node* element);
  void push_marker() { formatting_.push_back(nullptr); }
  void clear_formatting_to_marker();
  int formatting_index(const Node* node) const;
  void reconstruct_formatting();
  bool adoption_agency(const Token& t);  // false: act as "any other end tag"
  Node* clone_element(const Node* element);

  // --- foreign content helpers (tree_builder_foreign.cc)
  void adjust_svg_attributes(Node* element);
  void adjust_mathml_attributes(Node* element);
  void adjust_foreign_attributes(Node* element);
  static std::string_view adjusted_svg_tag_name(std::string_view lower_name);
  static bool is_mathml_text_integration_point(const Node* n);
  static bool is_html_integration_point(const Node* n);

  void set_quirks_from_doctype(const Token& t);
  void parse_error(const Token& t, std::string_view code);

  Document* doc_ = nullptr;
  ParseOptions options_;
  std::vector<Node*> open_;            // stack of open elements; open_[0] is the root element
  std::vector<Node*> formatting_;      // list of active formatting elements; nullptr is a marker
  std::vector<InsertionMode> template_modes_;
  std::vector<Attribute> attr_scratch_;
  std::string pending_table_text_;
  bool pending_table_text_has_non_space_ = false;
  InsertionMode mode_ = InsertionMode::kInitial;
  InsertionMode original_mode_ = InsertionMode::kInitial;
  Node* head_ = nullptr;
  Node* form_ = nullptr;
  Node* context_ = nullptr;  // the fragment parsing context element, or null
  bool frameset_ok_ = true;
  bool foster_parenting_ = false;
  bool text_element_pushed_ = true;  // the element that opened "text" mode is on the stack
  bool skip_next_newline_ = false;   // a newline right after <pre>, <listing>, <textarea> is dropped
  TokenizerSwitch next_state_ = TokenizerSwitch::kNone;
  bool stop_ = false;
  uint32_t token_offset_ = 0;  // offset of the token being processed (source_offset of new text nodes)
  uint32_t tokens_until_clock_ = 0;
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace pith::detail

namespace pith::detail {

// A tag token the tree builder makes up itself ("insert an HTML element for a start tag token named X",
// "act as if an end tag X had been seen").
inline Token synthetic_tag(TokenKind kind, Tag tag) {
  Token t;
  t.kind = kind;
  t.tag = tag;
  t.name = tag_name(tag);
  return t;
}
inline Token synthetic_start_tag(Tag tag) { return synthetic_tag(TokenKind::kStartTag, tag); }

// A set of tags, by id (the namespace is checked by the caller).
struct TagSet {
  bool bits[static_cast<size_t>(Tag::kCount_)] = {};
  constexpr TagSet(std::initializer_list<Tag> tags) {
    for (Tag t : tags) bits[static_cast<size_t>(t)] = true;
  }
  constexpr bool operator()(Tag t) const { return bits[static_cast<size_t>(t)]; }
};

inline bool is_html_whitespace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
// The first non-whitespace position in `s` (s.size() when all whitespace).
inline size_t leading_whitespace(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_html_whitespace(s[i])) ++i;
  return i;
}
inline bool is_html(const Node* n, Tag t) { return n->tag == t && n->ns == Namespace::kHtml; }
bool is_special(const Node* n);
bool is_heading(Tag t);

}  // namespace pith::detail
