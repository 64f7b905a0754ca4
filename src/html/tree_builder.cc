// Tree construction core: token dispatch (https://html.spec.whatwg.org/multipage/parsing.html#tree-construction-dispatcher),
// the stack of open elements and its scopes, "appropriate place for inserting a node" with foster
// parenting, element/text/comment insertion, implied end tags, "reset the insertion mode appropriately",
// fragment set-up and the limits (depth, nodes, attributes, time). The insertion modes live in the other
// tree_builder_*.cc files. Covered by tests/html/tree_conformance_test.cc and tests/html/parser_test.cc.
#include <algorithm>

#include "base/arena.h"
#include "html/tree_builder.h"

namespace pith::detail {

namespace {

constexpr TagSet kSpecialHtml{
    Tag::kAddress,  Tag::kApplet,   Tag::kArea,     Tag::kArticle,    Tag::kAside,      Tag::kBase,
    Tag::kBasefont, Tag::kBgsound,  Tag::kBlockquote, Tag::kBody,     Tag::kBr,         Tag::kButton,
    Tag::kCaption,  Tag::kCenter,   Tag::kCol,      Tag::kColgroup,   Tag::kDd,         Tag::kDetails,
    Tag::kDir,      Tag::kDiv,      Tag::kDl,       Tag::kDt,         Tag::kEmbed,      Tag::kFieldset,
    Tag::kFigcaption, Tag::kFigure, Tag::kFooter,   Tag::kForm,       Tag::kFrame,      Tag::kFrameset,
    Tag::kH1,       Tag::kH2,       Tag::kH3,       Tag::kH4,         Tag::kH5,         Tag::kH6,
    Tag::kHead,     Tag::kHeader,   Tag::kHgroup,   Tag::kHr,         Tag::kHtml,       Tag::kIframe,
    Tag::kImg,      Tag::kInput,    Tag::kKeygen,   Tag::kLi,         Tag::kLink,       Tag::kListing,
    Tag::kMain,     Tag::kMarquee,  Tag::kMenu,     Tag::kMeta,       Tag::kNav,        Tag::kNoembed,
    Tag::kNoframes, Tag::kNoscript, Tag::kObject,   Tag::kOl,         Tag::kP,          Tag::kParam,
    Tag::kPlaintext, Tag::kPre,     Tag::kScript,   Tag::kSearch,     Tag::kSection,    Tag::kSelect,
    Tag::kSource,   Tag::kStyle,    Tag::kSummary,  Tag::kTable,      Tag::kTbody,      Tag::kTd,
    Tag::kTemplate, Tag::kTextarea, Tag::kTfoot,    Tag::kTh,         Tag::kThead,      Tag::kTitle,
    Tag::kTr,       Tag::kTrack,    Tag::kUl,       Tag::kWbr,        Tag::kXmp};
constexpr TagSet kMathMlBoundary{Tag::kMi, Tag::kMo, Tag::kMn, Tag::kMs, Tag::kMtext, Tag::kAnnotationXml};
constexpr TagSet kSvgBoundary{Tag::kForeignobject, Tag::kDesc, Tag::kTitle};
// deviation (unverified against the spec text): <select> bounds the default scope, so a formatting end tag
// does not reach out of a select; the relaxed-select html5lib cases (webkit02.dat:48) expect exactly this.
constexpr TagSet kDefaultScopeHtml{Tag::kApplet, Tag::kCaption, Tag::kHtml,   Tag::kTable,   Tag::kTd, Tag::kSelect,
                                   Tag::kTh,     Tag::kMarquee, Tag::kObject, Tag::kTemplate};
constexpr TagSet kImpliedEndTags{Tag::kDd,     Tag::kDt, Tag::kLi, Tag::kOptgroup, Tag::kOption,
                                 Tag::kP,      Tag::kRb, Tag::kRp, Tag::kRt,       Tag::kRtc};
constexpr TagSet kThoroughImpliedEndTags{Tag::kDd,      Tag::kDt,      Tag::kLi,    Tag::kOptgroup, Tag::kOption,
                                         Tag::kP,       Tag::kRb,      Tag::kRp,    Tag::kRt,       Tag::kRtc,
                                         Tag::kCaption, Tag::kColgroup, Tag::kTbody, Tag::kTd,      Tag::kTfoot,
                                         Tag::kTh,      Tag::kThead,   Tag::kTr};
constexpr TagSet kFosterTargets{Tag::kTable, Tag::kTbody, Tag::kTfoot, Tag::kThead, Tag::kTr};

bool is_scope_boundary(const Node* n, Scope scope) {
  switch (n->ns) {
    case Namespace::kHtml:
      switch (scope) {
        case Scope::kDefault: return kDefaultScopeHtml(n->tag);
        case Scope::kListItem: return kDefaultScopeHtml(n->tag) || n->tag == Tag::kOl || n->tag == Tag::kUl;
        case Scope::kButton: return kDefaultScopeHtml(n->tag) || n->tag == Tag::kButton;
        case Scope::kTable: return n->tag == Tag::kHtml || n->tag == Tag::kTable || n->tag == Tag::kTemplate;
      }
      return false;
    case Namespace::kMathMl:
      if (scope == Scope::kTable) return false;
      return kMathMlBoundary(n->tag);
    case Namespace::kSvg:
      if (scope == Scope::kTable) return false;
      return kSvgBoundary(n->tag);
  }
  return false;
}

}  // namespace

bool is_special(const Node* n) {
  switch (n->ns) {
    case Namespace::kHtml: return kSpecialHtml(n->tag);
    case Namespace::kMathMl: return kMathMlBoundary(n->tag);
    case Namespace::kSvg: return kSvgBoundary(n->tag);
  }
  return false;
}

bool is_heading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

// ---------------------------------------------------------------------------------------------------
// Set-up and dispatch

void TreeBuilder::start_document(Document& document, const ParseOptions& options) {
  doc_ = &document;
  options_ = options;
  if (options_.limits.max_depth < 2) options_.limits.max_depth = 2;  // html and one more, at least
  open_.clear();
  formatting_.clear();
  template_modes_.clear();
  pending_table_text_.clear();
  pending_table_text_has_non_space_ = false;
  mode_ = original_mode_ = InsertionMode::kInitial;
  head_ = form_ = context_ = nullptr;
  frameset_ok_ = true;
  foster_parenting_ = false;
  text_element_pushed_ = true;
  skip_next_newline_ = false;
  stop_ = false;
  tokens_until_clock_ = 0;
  if (options_.limits.max_parse_ms)
    deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.limits.max_parse_ms);
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments
TokenizerSwitch TreeBuilder::start_fragment(Document& document, const ParseOptions& options, FragmentContext context) {
  start_document(document, options);
  std::string lower(context.name);
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  Tag tag = lookup_tag(lower);
  std::string_view name = tag != Tag::kUnknown && context.ns == Namespace::kHtml ? tag_name(tag)
                                                                                  : document.arena().copy(context.name);
  context_ = document.create_element(tag, name, context.ns);
  Node* html = document.create_element(Tag::kHtml, tag_name(Tag::kHtml), Namespace::kHtml);
  Document::append_child(document.root(), html);
  open_.push_back(html);
  if (is_html(context_, Tag::kTemplate)) template_modes_.push_back(InsertionMode::kInTemplate);
  reset_insertion_mode();
  if (context.ns != Namespace::kHtml) return TokenizerSwitch::kData;
  switch (tag) {
    case Tag::kTitle:
    case Tag::kTextarea: return TokenizerSwitch::kRcdata;
    case Tag::kStyle:
    case Tag::kXmp:
    case Tag::kIframe:
    case Tag::kNoembed:
    case Tag::kNoframes: return TokenizerSwitch::kRawtext;
    case Tag::kScript: return TokenizerSwitch::kScriptData;
    case Tag::kNoscript: return options_.scripting ? TokenizerSwitch::kRawtext : TokenizerSwitch::kData;
    case Tag::kPlaintext: return TokenizerSwitch::kPlaintext;
    default: return TokenizerSwitch::kData;
  }
}

void TreeBuilder::finish() {
  if (!context_) return;
  Node* root = doc_->root();
  Node* html = root->first_child;
  root->kind = NodeKind::kFragment;
  if (!html) return;
  Document::remove(html);
  Document::move_children(html, root);
}

SinkResult TreeBuilder::process(const Token& token) {
  next_state_ = TokenizerSwitch::kNone;
  if (doc_->node_count() >= options_.limits.max_nodes) {
    doc_->status.nodes_limited = true;
    stop_ = true;
  } else if (options_.limits.max_parse_ms && ++tokens_until_clock_ >= 2048) {
    tokens_until_clock_ = 0;
    if (std::chrono::steady_clock::now() > deadline_) {
      doc_->status.time_limited = true;
      stop_ = true;
    }
  }
  if (!stop_) {
    Token t = token;
    token_offset_ = token.offset;
    bool skip = false;
    if (skip_next_newline_) {
      skip_next_newline_ = false;
      if (t.kind == TokenKind::kCharacter && t.data[0] == '\n') {
        t.data.remove_prefix(1);
        ++t.offset;
        skip = t.data.empty();
      }
    }
    if (!skip) dispatch(t);
  }
  SinkResult r;
  r.next_state = next_state_;
  r.stop = stop_;
  const Node* acn = adjusted_current_node();
  r.in_foreign_content = acn && acn->ns != Namespace::kHtml;
  return r;
}

bool TreeBuilder::in_html_content(const Node* acn, const Token& t) const {
  if (t.kind == TokenKind::kEndOfFile) return true;
  bool start = t.kind == TokenKind::kStartTag;
  bool chars = t.kind == TokenKind::kCharacter;
  if (is_mathml_text_integration_point(acn)) {
    if (start && t.tag != Tag::kMglyph && t.tag != Tag::kMalignmark) return true;
    if (chars) return true;
  }
  if (acn->ns == Namespace::kMathMl && acn->tag == Tag::kAnnotationXml && start && t.tag == Tag::kSvg) return true;
  return (start || chars) && is_html_integration_point(acn);
}

void TreeBuilder::dispatch(Token& t) {
  const Node* acn = adjusted_current_node();
  if (!acn || acn->ns == Namespace::kHtml || in_html_content(acn, t))
    process_in(mode_, t);
  else
    foreign_content(t);
}

void TreeBuilder::process_in(InsertionMode mode, Token& t) {
  switch (mode) {
    case InsertionMode::kInitial: return initial_mode(t);
    case InsertionMode::kBeforeHtml: return before_html_mode(t);
    case InsertionMode::kBeforeHead: return before_head_mode(t);
    case InsertionMode::kInHead: return in_head_mode(t);
    case InsertionMode::kInHeadNoscript: return in_head_noscript_mode(t);
    case InsertionMode::kAfterHead: return after_head_mode(t);
    case InsertionMode::kInBody: return in_body_mode(t);
    case InsertionMode::kText: return text_mode(t);
    case InsertionMode::kInTable: return in_table_mode(t);
    case InsertionMode::kInTableText: return in_table_text_mode(t);
    case InsertionMode::kInCaption: return in_caption_mode(t);
    case InsertionMode::kInColumnGroup: return in_column_group_mode(t);
    case InsertionMode::kInTableBody: return in_table_body_mode(t);
    case InsertionMode::kInRow: return in_row_mode(t);
    case InsertionMode::kInCell: return in_cell_mode(t);
    case InsertionMode::kInTemplate: return in_template_mode(t);
    case InsertionMode::kAfterBody: return after_body_mode(t);
    case InsertionMode::kInFrameset: return in_frameset_mode(t);
    case InsertionMode::kAfterFrameset: return after_frameset_mode(t);
    case InsertionMode::kAfterAfterBody: return after_after_body_mode(t);
    case InsertionMode::kAfterAfterFrameset: return after_after_frameset_mode(t);
  }
}

void TreeBuilder::parse_error(const Token& t, std::string_view code) {
  if (options_.record_errors) doc_->errors.push_back({t.offset, code});
}

// ---------------------------------------------------------------------------------------------------
// Insertion

Node* TreeBuilder::adjusted_current_node() const {
  if (open_.empty()) return nullptr;
  if (context_ && open_.size() == 1) return context_;
  return open_.back();
}

// https://html.spec.whatwg.org/multipage/parsing.html#appropriate-place-for-inserting-a-node
TreeBuilder::InsertionPlace TreeBuilder::appropriate_place(Node* override_target) const {
  Node* target = override_target ? override_target : current_node();
  InsertionPlace place{target, nullptr};
  if (foster_parenting_ && target->ns == Namespace::kHtml && kFosterTargets(target->tag)) {
    int last_template = -1, last_table = -1;
    for (int i = static_cast<int>(open_.size()) - 1; i >= 0 && (last_template < 0 || last_table < 0); --i) {
      if (last_template < 0 && is_html(open_[i], Tag::kTemplate)) last_template = i;
      if (last_table < 0 && is_html(open_[i], Tag::kTable)) last_table = i;
    }
    if (last_template >= 0 && (last_table < 0 || last_template > last_table)) {
      place = {open_[last_template], nullptr};
    } else if (last_table < 0) {
      place = {open_[0], nullptr};
    } else if (open_[last_table]->parent) {
      place = {open_[last_table]->parent, open_[last_table]};
    } else {
      place = {open_[last_table - 1], nullptr};
    }
  }
  if (is_html(place.parent, Tag::kTemplate) && place.parent->template_contents)
    place.parent = place.parent->template_contents;
  return place;
}

Node* TreeBuilder::create_element_for(const Token& t, Namespace ns) {
  Node* e = doc_->create_element(t.tag, t.name, ns);
  e->source_offset = t.offset;
  size_t count = std::min<size_t>(t.attributes.size(), options_.limits.max_attributes);
  if (count) doc_->set_attributes(e, t.attributes.data(), count);
  if (t.tag == Tag::kTemplate && ns == Namespace::kHtml) e->template_contents = doc_->create_fragment();
  return e;
}

void TreeBuilder::insert_node_at(InsertionPlace place, Node* node) {
  Document::insert_before(place.parent, node, place.before);
}

// https://html.spec.whatwg.org/multipage/parsing.html#insert-a-foreign-element
Node* TreeBuilder::insert_element(const Token& t, Namespace ns) {
  InsertionPlace place = appropriate_place();
  Node* e = create_element_for(t, ns);
  insert_node_at(place, e);
  if (open_.size() >= options_.limits.max_depth) {
    // deviation: past max_depth the element is attached at the limit and not pushed (bounded stack)
    doc_->status.depth_limited = true;
    return e;
  }
  open_.push_back(e);
  return e;
}

void TreeBuilder::insert_void_element(const Token& t, Namespace ns) {
  InsertionPlace place = appropriate_place();
  insert_node_at(place, create_element_for(t, ns));
}

// https://html.spec.whatwg.org/multipage/parsing.html#insert-a-character
void TreeBuilder::insert_characters(std::string_view data) {
  if (data.empty()) return;
  InsertionPlace place = appropriate_place();
  if (place.parent->kind == NodeKind::kDocument) return;
  Node* previous = place.before ? place.before->prev_sibling : place.parent->last_child;
  if (previous && previous->kind == NodeKind::kText) {
    doc_->append_text(previous, data);
    return;
  }
  Node* text = doc_->create_text(data);
  text->source_offset = token_offset_;
  insert_node_at(place, text);
}

void TreeBuilder::insert_comment(const Token& t, Node* parent) {
  InsertionPlace place = parent ? InsertionPlace{parent, nullptr} : appropriate_place();
  Node* comment = doc_->create_comment(t.data);
  comment->source_offset = t.offset;
  insert_node_at(place, comment);
}

// https://html.spec.whatwg.org/multipage/parsing.html#generic-raw-text-element-parsing-algorithm
void TreeBuilder::generic_text_element(const Token& t, TokenizerSwitch state) {
  Node* e = insert_html_element(t);
  text_element_pushed_ = current_node() == e;
  next_state_ = state;
  original_mode_ = mode_;
  mode_ = InsertionMode::kText;
}

void TreeBuilder::add_missing_attributes(Node* element, const Token& t) {
  if (t.attributes.empty()) return;
  attr_scratch_.assign(element->attrs, element->attrs + element->attr_count);
  for (const Attribute& a : t.attributes) {
    bool present = false;
    for (uint32_t i = 0; i < element->attr_count && !present; ++i) present = element->attrs[i].name == a.name;
    if (!present && attr_scratch_.size() < options_.limits.max_attributes) attr_scratch_.push_back(a);
  }
  if (attr_scratch_.size() != element->attr_count)
    doc_->set_attributes(element, attr_scratch_.data(), attr_scratch_.size());
}

// ---------------------------------------------------------------------------------------------------
// The stack of open elements

// https://html.spec.whatwg.org/multipage/parsing.html#has-an-element-in-scope
bool TreeBuilder::has_in_scope(Tag tag, Scope scope) const {
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* n = open_[i];
    if (n->tag == tag && n->ns == Namespace::kHtml) return true;
    if (is_scope_boundary(n, scope)) return false;
  }
  return false;
}

bool TreeBuilder::has_node_in_scope(const Node* node, Scope scope) const {
  for (size_t i = open_.size(); i-- > 0;) {
    if (open_[i] == node) return true;
    if (is_scope_boundary(open_[i], scope)) return false;
  }
  return false;
}

bool TreeBuilder::has_heading_in_scope() const {
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* n = open_[i];
    if (n->ns == Namespace::kHtml && is_heading(n->tag)) return true;
    if (is_scope_boundary(n, Scope::kDefault)) return false;
  }
  return false;
}

int TreeBuilder::stack_index(const Node* node) const {
  for (size_t i = open_.size(); i-- > 0;)
    if (open_[i] == node) return static_cast<int>(i);
  return -1;
}

bool TreeBuilder::has_in_stack(const Node* node) const { return stack_index(node) >= 0; }

bool TreeBuilder::stack_has_html(Tag tag) const {
  for (size_t i = open_.size(); i-- > 0;)
    if (is_html(open_[i], tag)) return true;
  return false;
}

// The root element is never popped (it is what keeps every "current node" defined).
void TreeBuilder::pop() {
  if (open_.size() > 1) open_.pop_back();
}

void TreeBuilder::pop_until_html(Tag tag) {
  while (open_.size() > 1) {
    Node* n = open_.back();
    open_.pop_back();
    if (is_html(n, tag)) return;
  }
}

void TreeBuilder::pop_until_node(const Node* node) {
  while (open_.size() > 1) {
    Node* n = open_.back();
    open_.pop_back();
    if (n == node) return;
  }
}

void TreeBuilder::pop_until_heading() {
  while (open_.size() > 1) {
    Node* n = open_.back();
    open_.pop_back();
    if (n->ns == Namespace::kHtml && is_heading(n->tag)) return;
  }
}

// https://html.spec.whatwg.org/multipage/parsing.html#generate-implied-end-tags
void TreeBuilder::generate_implied_end_tags(Tag except) {
  while (open_.size() > 1) {
    const Node* n = open_.back();
    if (n->ns != Namespace::kHtml || !kImpliedEndTags(n->tag) || n->tag == except) return;
    open_.pop_back();
  }
}

void TreeBuilder::generate_all_implied_end_tags_thoroughly() {
  while (open_.size() > 1) {
    const Node* n = open_.back();
    if (n->ns != Namespace::kHtml || !kThoroughImpliedEndTags(n->tag)) return;
    open_.pop_back();
  }
}

// https://html.spec.whatwg.org/multipage/parsing.html#close-a-p-element
void TreeBuilder::close_p_element() {
  generate_implied_end_tags(Tag::kP);
  pop_until_html(Tag::kP);
}

void TreeBuilder::clear_stack_back_to(bool (*is_context)(const Node*)) {
  while (open_.size() > 1 && !is_context(open_.back())) open_.pop_back();
}

// https://html.spec.whatwg.org/multipage/parsing.html#reset-the-insertion-mode-appropriately
void TreeBuilder::reset_insertion_mode() {
  for (size_t i = open_.size(); i-- > 0;) {
    const Node* node = open_[i];
    bool last = i == 0;
    if (last && context_) node = context_;
    if (node->ns == Namespace::kHtml) {
      switch (node->tag) {
        case Tag::kTd:
        case Tag::kTh:
          if (!last) {
            mode_ = InsertionMode::kInCell;
            return;
          }
          break;
        case Tag::kTr: mode_ = InsertionMode::kInRow; return;
        case Tag::kTbody:
        case Tag::kThead:
        case Tag::kTfoot: mode_ = InsertionMode::kInTableBody; return;
        case Tag::kCaption: mode_ = InsertionMode::kInCaption; return;
        case Tag::kColgroup: mode_ = InsertionMode::kInColumnGroup; return;
        case Tag::kTable: mode_ = InsertionMode::kInTable; return;
        case Tag::kTemplate:
          mode_ = template_modes_.empty() ? InsertionMode::kInBody : template_modes_.back();
          return;
        case Tag::kHead:
          if (!last) {
            mode_ = InsertionMode::kInHead;
            return;
          }
          break;
        case Tag::kBody: mode_ = InsertionMode::kInBody; return;
        case Tag::kFrameset: mode_ = InsertionMode::kInFrameset; return;
        case Tag::kHtml: mode_ = head_ ? InsertionMode::kAfterHead : InsertionMode::kBeforeHead; return;
        default: break;
      }
    }
    if (last) {
      mode_ = InsertionMode::kInBody;
      return;
    }
  }
  mode_ = InsertionMode::kInBody;
}

}  // namespace pith::detail
