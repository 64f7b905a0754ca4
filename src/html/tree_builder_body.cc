// The "in body" insertion mode (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody):
// the mode nearly all content passes through, with its start and end tag rules in spec order, implied
// <p> closing, list items, formatting elements (via the adoption agency in adoption_agency.cc) and the
// select rules (no "in select" mode since the WHATWG select parser relaxation) and the switches into the table, text and foreign rules. Covered by tests/html/tree_conformance_test.cc
// and tests/html/parser_test.cc.
#include <cstring>
#include <string>

#include "base/arena.h"
#include "html/tree_builder.h"

namespace pith::detail {

namespace {

constexpr TagSet kClosesPBlocks{
    Tag::kAddress, Tag::kArticle, Tag::kAside,  Tag::kBlockquote, Tag::kCenter, Tag::kDetails, Tag::kDialog,
    Tag::kDir,     Tag::kDiv,     Tag::kDl,     Tag::kFieldset,   Tag::kFigcaption, Tag::kFigure, Tag::kFooter,
    Tag::kHeader,  Tag::kHgroup,  Tag::kMain,   Tag::kMenu,       Tag::kNav,    Tag::kOl,      Tag::kP,
    Tag::kSearch,  Tag::kSection, Tag::kSummary, Tag::kUl};
constexpr TagSet kBlockEndTags{
    Tag::kAddress, Tag::kArticle, Tag::kAside,  Tag::kBlockquote, Tag::kButton, Tag::kCenter,  Tag::kDetails,
    Tag::kDialog,  Tag::kDir,     Tag::kDiv,    Tag::kDl,         Tag::kFieldset, Tag::kFigcaption, Tag::kFigure,
    Tag::kFooter,  Tag::kHeader,  Tag::kHgroup, Tag::kListing,    Tag::kMain,   Tag::kMenu,    Tag::kNav,
    Tag::kOl,      Tag::kPre,     Tag::kSearch, Tag::kSection,    Tag::kSummary, Tag::kUl};
constexpr TagSet kFormattingTags{Tag::kB,     Tag::kBig,    Tag::kCode,   Tag::kEm,     Tag::kFont,
                                 Tag::kI,     Tag::kS,      Tag::kSmall,  Tag::kStrike, Tag::kStrong,
                                 Tag::kTt,    Tag::kU};

bool same_html_name(const Node* n, const Token& t) {
  if (n->ns != Namespace::kHtml) return false;
  if (t.tag != Tag::kUnknown) return n->tag == t.tag;
  return n->tag == Tag::kUnknown && n->name == t.name;
}

bool is_hidden_input(const Token& t) {
  for (const Attribute& a : t.attributes) {
    if (a.name != "type") continue;
    std::string_view v = a.value;
    if (v.size() != 6) return false;
    for (size_t i = 0; i < 6; ++i)
      if ((v[i] | 0x20) != "hidden"[i]) return false;
    return true;
  }
  return false;
}

}  // namespace

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody
void TreeBuilder::in_body_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter: return in_body_characters(t);
    case TokenKind::kComment: return insert_comment(t);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag: return in_body_start_tag(t);
    case TokenKind::kEndTag: return in_body_end_tag(t);
    case TokenKind::kEndOfFile: return in_body_eof();
  }
}

void TreeBuilder::in_body_characters(Token& t) {
  std::string_view data = t.data;
  if (std::memchr(data.data(), '\0', data.size())) {
    parse_error(t, "unexpected-null-character");
    std::string kept;
    for (char c : data)
      if (c) kept.push_back(c);
    data = doc_->arena().copy(kept);
    if (data.empty()) return;
  }
  reconstruct_formatting();
  insert_characters(data);
  if (frameset_ok_ && leading_whitespace(data) != data.size()) frameset_ok_ = false;
}

void TreeBuilder::in_body_eof() {
  if (!template_modes_.empty()) {
    Token eof = synthetic_tag(TokenKind::kEndOfFile, Tag::kUnknown);
    return in_template_mode(eof);
  }
}

void TreeBuilder::in_body_start_tag(Token& t) {
  const Tag tag = t.tag;
  if (kClosesPBlocks(tag)) {
    if (has_in_scope(Tag::kP, Scope::kButton)) close_p_element();
    insert_html_element(t);
    return;
  }
  if (kFormattingTags(tag)) {
    reconstruct_formatting();
    push_formatting(insert_html_element(t));
    return;
  }
  switch (tag) {
    case Tag::kHtml:
      parse_error(t, "unexpected-start-tag");
      if (!stack_has_html(Tag::kTemplate)) add_missing_attributes(open_[0], t);
      return;
    case Tag::kBase:
    case Tag::kBasefont:
    case Tag::kBgsound:
    case Tag::kLink:
    case Tag::kMeta:
    case Tag::kNoframes:
    case Tag::kScript:
    case Tag::kStyle:
    case Tag::kTemplate:
    case Tag::kTitle: return in_head_mode(t);
    case Tag::kBody:
      parse_error(t, "unexpected-start-tag");
      if (open_.size() < 2 || !is_html(open_[1], Tag::kBody) || stack_has_html(Tag::kTemplate)) return;
      frameset_ok_ = false;
      add_missing_attributes(open_[1], t);
      return;
    case Tag::kFrameset:
      parse_error(t, "unexpected-start-tag");
      if (open_.size() < 2 || !is_html(open_[1], Tag::kBody) || !frameset_ok_) return;
      Document::remove(open_[1]);
      open_.resize(1);
      insert_html_element(t);
      mode_ = InsertionMode::kInFrameset;
      return;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
      if (has_in_scope(Tag::kP, Scope::kButton)) close_p_element();
      if (current_node()->ns == Namespace::kHtml && is_heading(current_node()->tag)) {
        parse_error(t, "unexpected-start-tag");
        pop();
      }
      insert_html_element(t);
      return;
    case Tag::kPre:
    case Tag::kListing:
      if (has_in_scope(Tag::kP, Scope::kButton)) close_p_element();
      insert_html_element(t);
      skip_next_newline_ = true;
      frameset_ok_ = false;
      return;
    case Tag::kForm: {
      bool in_template = stack_has_html(Tag::kTemplate);
      if (form_ && !in_template) return parse_error(t, "unexpected-start-tag");
      if (has_in_scope(Tag::kP, Scope::kButton)) close_p_element();
      Node* e = insert_html_element(t);
      if (!in_template) form_ = e;
      return;
    }
    case Tag::kLi:
    case Tag::kDd:
    case Tag::kDt: {
      frameset_ok_ = false;
      for (size_t i = open_.size(); i-- > 0;) {
        const Node* node = open_[i];
        bool match = tag == Tag::kLi ? is_html(node, Tag::kLi) : (is_html(node, Tag::kDd) || is_html(node, Tag::kDt));
        if (match) {
          generate_implied_end_tags(node->tag);
          if (current_node() != node) parse_error(t, "unexpected-start-tag");
          pop_until_html(node->tag);
          break;
        }
        if (is_special(node) && !is_html(node, Tag::kAddress) && !is_html(node, Tag::kDiv) && !is_html(node, Tag::kP))
          break;
      }
      if (has_in_scope(Tag::kP, Scope::kButton)) close_p_element();
      insert_html_element(t);
      return;
    }
    case Tag::kPlaintext:
      if (has_in_scope(Tag::kP, Scope::kButton)) close_p_element();
      insert_html_element(t);
      next_state_ = TokenizerSwitch::kPlaintext;
      return;
    case Tag::kButton:
      if (has_in_scope(Tag::kButton, Scope::kDefault)) {
        parse_error(t, "unexpected-start-tag");
        generate_implied_end_tags();
        pop_until_html(Tag::kButton);
      }
      reconstruct_formatting();
      insert_html_element(t);
      frameset_ok_ = false;
      return;
    case Tag::kA: {
      for (size_t i = formatting_.size(); i-- > 0;) {
        Node* e = formatting_[i];
        if (!e) break;
        if (is_html(e, Tag::kA)) {
          parse_error(t, "unexpected-start-tag");
          Token end = synthetic_tag(TokenKind::kEndTag, Tag::kA);
          if (!adoption_agency(end)) in_body_other_end_tag(end);
          int fi = formatting_index(e);
          if (fi >= 0) formatting_.erase(formatting_.begin() + fi);
          int si = stack_index(e);
          if (si > 0) open_.erase(open_.begin() + si);
          break;
        }
      }
      reconstruct_formatting();
      push_formatting(insert_html_element(t));
      return;
    }
    case Tag::kNobr:
      reconstruct_formatting();
      if (has_in_scope(Tag::kNobr, Scope::kDefault)) {
        parse_error(t, "unexpected-start-tag");
        Token end = synthetic_tag(TokenKind::kEndTag, Tag::kNobr);
        if (!adoption_agency(end)) in_body_other_end_tag(end);
        reconstruct_formatting();
      }
      push_formatting(insert_html_element(t));
      return;
    case Tag::kApplet:
    case Tag::kMarquee:
    case Tag::kObject: {
      reconstruct_formatting();
      Node* e = insert_html_element(t);
      if (current_node() == e) push_marker();
      frameset_ok_ = false;
      return;
    }
    case Tag::kTable:
      if (doc_->quirks_mode != QuirksMode::kQuirks && has_in_scope(Tag::kP, Scope::kButton)) close_p_element();
      insert_html_element(t);
      frameset_ok_ = false;
      mode_ = InsertionMode::kInTable;
      return;
    case Tag::kArea:
    case Tag::kBr:
    case Tag::kEmbed:
    case Tag::kImg:
    case Tag::kKeygen:
    case Tag::kWbr:
      reconstruct_formatting();
      insert_void_element(t);
      frameset_ok_ = false;
      return;
    case Tag::kInput:
      if (context_ && is_html(context_, Tag::kSelect)) return parse_error(t, "unexpected-start-tag");
      if (has_in_scope(Tag::kSelect, Scope::kDefault)) {
        parse_error(t, "unexpected-start-tag");
        pop_until_html(Tag::kSelect);
      }
      reconstruct_formatting();
      insert_void_element(t);
      if (!is_hidden_input(t)) frameset_ok_ = false;
      return;
    case Tag::kParam:
    case Tag::kSource:
    case Tag::kTrack: return insert_void_element(t);
    case Tag::kHr:
      if (has_in_scope(Tag::kP, Scope::kButton)) close_p_element();
      if (has_in_scope(Tag::kSelect, Scope::kDefault)) {
        generate_implied_end_tags();
        if (has_in_scope(Tag::kOption, Scope::kDefault) || has_in_scope(Tag::kOptgroup, Scope::kDefault))
          parse_error(t, "unexpected-start-tag");
      }
      insert_void_element(t);
      frameset_ok_ = false;
      return;
    case Tag::kImage:
      parse_error(t, "unexpected-start-tag");
      t.tag = Tag::kImg;
      t.name = tag_name(Tag::kImg);
      return in_body_start_tag(t);
    case Tag::kTextarea:
      generic_text_element(t, TokenizerSwitch::kRcdata);
      skip_next_newline_ = true;
      frameset_ok_ = false;
      return;
    case Tag::kXmp:
      if (has_in_scope(Tag::kP, Scope::kButton)) close_p_element();
      reconstruct_formatting();
      frameset_ok_ = false;
      return generic_text_element(t, TokenizerSwitch::kRawtext);
    case Tag::kIframe:
      frameset_ok_ = false;
      return generic_text_element(t, TokenizerSwitch::kRawtext);
    case Tag::kNoembed: return generic_text_element(t, TokenizerSwitch::kRawtext);
    case Tag::kNoscript:
      if (options_.scripting) return generic_text_element(t, TokenizerSwitch::kRawtext);
      break;
    case Tag::kSelect:
      if (context_ && is_html(context_, Tag::kSelect)) return parse_error(t, "unexpected-start-tag");
      if (has_in_scope(Tag::kSelect, Scope::kDefault)) {
        parse_error(t, "unexpected-start-tag");
        pop_until_html(Tag::kSelect);
        return;
      }
      reconstruct_formatting();
      insert_html_element(t);
      frameset_ok_ = false;
      return;
    case Tag::kOption:
    case Tag::kOptgroup:
      if (has_in_scope(Tag::kSelect, Scope::kDefault)) {
        generate_implied_end_tags(tag == Tag::kOption ? Tag::kOptgroup : Tag::kUnknown);
        if (has_in_scope(Tag::kOption, Scope::kDefault) ||
            (tag == Tag::kOptgroup && has_in_scope(Tag::kOptgroup, Scope::kDefault)))
          parse_error(t, "unexpected-start-tag");
      } else if (is_html(current_node(), Tag::kOption)) {
        pop();
      }
      reconstruct_formatting();
      insert_html_element(t);
      return;
    case Tag::kRb:
    case Tag::kRtc:
      if (has_in_scope(Tag::kRuby, Scope::kDefault)) {
        generate_implied_end_tags();
        if (!is_html(current_node(), Tag::kRuby)) parse_error(t, "unexpected-start-tag");
      }
      insert_html_element(t);
      return;
    case Tag::kRp:
    case Tag::kRt:
      if (has_in_scope(Tag::kRuby, Scope::kDefault)) {
        generate_implied_end_tags(Tag::kRtc);
        if (!is_html(current_node(), Tag::kRtc) && !is_html(current_node(), Tag::kRuby))
          parse_error(t, "unexpected-start-tag");
      }
      insert_html_element(t);
      return;
    case Tag::kMath:
    case Tag::kSvg: {
      reconstruct_formatting();
      Namespace ns = tag == Tag::kMath ? Namespace::kMathMl : Namespace::kSvg;
      Node* e = insert_element(t, ns);
      if (ns == Namespace::kMathMl)
        adjust_mathml_attributes(e);
      else
        adjust_svg_attributes(e);
      adjust_foreign_attributes(e);
      if (t.self_closing && current_node() == e) pop();
      return;
    }
    case Tag::kCaption:
    case Tag::kCol:
    case Tag::kColgroup:
    case Tag::kFrame:
    case Tag::kHead:
    case Tag::kTbody:
    case Tag::kTd:
    case Tag::kTfoot:
    case Tag::kTh:
    case Tag::kThead:
    case Tag::kTr: return parse_error(t, "unexpected-start-tag");
    default: break;
  }
  reconstruct_formatting();
  insert_html_element(t);
}

void TreeBuilder::in_body_end_tag(Token& t) {
  const Tag tag = t.tag;
  if (kBlockEndTags(tag)) {
    if (!has_in_scope(tag, Scope::kDefault)) return parse_error(t, "unexpected-end-tag");
    generate_implied_end_tags();
    if (!is_html(current_node(), tag)) parse_error(t, "end-tag-without-matching-open-element");
    pop_until_html(tag);
    return;
  }
  if (kFormattingTags(tag) || tag == Tag::kA || tag == Tag::kNobr) {
    if (!adoption_agency(t)) in_body_other_end_tag(t);
    return;
  }
  switch (tag) {
    case Tag::kTemplate: return in_head_mode(t);
    case Tag::kSelect:
      if (!has_in_scope(Tag::kSelect, Scope::kDefault)) return parse_error(t, "unexpected-end-tag");
      pop_until_html(Tag::kSelect);
      return;
    case Tag::kBody:
    case Tag::kHtml:
      if (!has_in_scope(Tag::kBody, Scope::kDefault)) return parse_error(t, "unexpected-end-tag");
      mode_ = InsertionMode::kAfterBody;
      if (tag == Tag::kHtml) process_in(mode_, t);
      return;
    case Tag::kForm:
      if (!stack_has_html(Tag::kTemplate)) {
        Node* node = form_;
        form_ = nullptr;
        if (!node || !has_node_in_scope(node, Scope::kDefault)) return parse_error(t, "unexpected-end-tag");
        generate_implied_end_tags();
        if (current_node() != node) parse_error(t, "unexpected-end-tag");
        int i = stack_index(node);
        if (i > 0) open_.erase(open_.begin() + i);
        return;
      }
      if (!has_in_scope(Tag::kForm, Scope::kDefault)) return parse_error(t, "unexpected-end-tag");
      generate_implied_end_tags();
      pop_until_html(Tag::kForm);
      return;
    case Tag::kP:
      if (!has_in_scope(Tag::kP, Scope::kButton)) {
        parse_error(t, "unexpected-end-tag");
        insert_html_element(synthetic_tag(TokenKind::kStartTag, Tag::kP));
      }
      close_p_element();
      return;
    case Tag::kLi:
      if (!has_in_scope(Tag::kLi, Scope::kListItem)) return parse_error(t, "unexpected-end-tag");
      generate_implied_end_tags(Tag::kLi);
      pop_until_html(Tag::kLi);
      return;
    case Tag::kDd:
    case Tag::kDt:
      if (!has_in_scope(tag, Scope::kDefault)) return parse_error(t, "unexpected-end-tag");
      generate_implied_end_tags(tag);
      pop_until_html(tag);
      return;
    case Tag::kH1:
    case Tag::kH2:
    case Tag::kH3:
    case Tag::kH4:
    case Tag::kH5:
    case Tag::kH6:
      if (!has_heading_in_scope()) return parse_error(t, "unexpected-end-tag");
      generate_implied_end_tags();
      pop_until_heading();
      return;
    case Tag::kApplet:
    case Tag::kMarquee:
    case Tag::kObject:
      if (!has_in_scope(tag, Scope::kDefault)) return parse_error(t, "unexpected-end-tag");
      generate_implied_end_tags();
      pop_until_html(tag);
      clear_formatting_to_marker();
      return;
    case Tag::kBr: {
      parse_error(t, "unexpected-end-tag");
      Token br = synthetic_tag(TokenKind::kStartTag, Tag::kBr);
      br.offset = t.offset;
      return in_body_start_tag(br);
    }
    default: return in_body_other_end_tag(t);
  }
}

// "Any other end tag" of the in body insertion mode.
void TreeBuilder::in_body_other_end_tag(const Token& t) {
  for (size_t i = open_.size(); i-- > 0;) {
    Node* node = open_[i];
    if (same_html_name(node, t)) {
      generate_implied_end_tags(t.tag);
      if (current_node() != node) parse_error(t, "end-tag-without-matching-open-element");
      pop_until_node(node);
      return;
    }
    if (is_special(node)) return parse_error(t, "unexpected-end-tag");
  }
}

}  // namespace pith::detail
