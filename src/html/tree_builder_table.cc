// The table and template insertion modes: in table (with foster parenting of misplaced content),
// in table text, in caption, in column group, in table body, in row, in cell and in template (with the stack of template insertion modes). Covered by html5lib tables01,
// tests*.dat and template.dat through tests/html/tree_conformance_test.cc, and by parser_test.cc.
#include <cstring>

#include "base/arena.h"
#include "html/tree_builder.h"

namespace pith::detail {

namespace {

bool is_table_context(const Node* n) {
  return is_html(n, Tag::kTable) || is_html(n, Tag::kTemplate) || is_html(n, Tag::kHtml);
}
bool is_table_body_context(const Node* n) {
  return is_html(n, Tag::kTbody) || is_html(n, Tag::kTfoot) || is_html(n, Tag::kThead) || is_table_context(n);
}
bool is_table_row_context(const Node* n) {
  return is_html(n, Tag::kTr) || is_html(n, Tag::kTemplate) || is_html(n, Tag::kHtml);
}

bool is_hidden_type(const Token& t) {
  for (const Attribute& a : t.attributes) {
    if (a.name != "type") continue;
    if (a.value.size() != 6) return false;
    for (size_t i = 0; i < 6; ++i)
      if ((a.value[i] | 0x20) != "hidden"[i]) return false;
    return true;
  }
  return false;
}

constexpr TagSet kTableStructure{Tag::kCaption, Tag::kCol, Tag::kColgroup, Tag::kTbody, Tag::kTd,
                                 Tag::kTfoot,   Tag::kTh,  Tag::kThead,    Tag::kTr};

}  // namespace

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intable
void TreeBuilder::in_table_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter: {
      const Node* cur = current_node();
      if (cur->ns == Namespace::kHtml &&
          (cur->tag == Tag::kTable || cur->tag == Tag::kTbody || cur->tag == Tag::kTemplate ||
           cur->tag == Tag::kTfoot || cur->tag == Tag::kThead || cur->tag == Tag::kTr)) {
        pending_table_text_.clear();
        pending_table_text_has_non_space_ = false;
        original_mode_ = mode_;
        mode_ = InsertionMode::kInTableText;
        return in_table_text_mode(t);
      }
      break;
    }
    case TokenKind::kComment: return insert_comment(t);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::kCaption:
          clear_stack_back_to(is_table_context);
          push_marker();
          insert_html_element(t);
          mode_ = InsertionMode::kInCaption;
          return;
        case Tag::kColgroup:
          clear_stack_back_to(is_table_context);
          insert_html_element(t);
          mode_ = InsertionMode::kInColumnGroup;
          return;
        case Tag::kCol:
          clear_stack_back_to(is_table_context);
          insert_html_element(synthetic_start_tag(Tag::kColgroup));
          mode_ = InsertionMode::kInColumnGroup;
          return process_in(mode_, t);
        case Tag::kTbody:
        case Tag::kTfoot:
        case Tag::kThead:
          clear_stack_back_to(is_table_context);
          insert_html_element(t);
          mode_ = InsertionMode::kInTableBody;
          return;
        case Tag::kTd:
        case Tag::kTh:
        case Tag::kTr:
          clear_stack_back_to(is_table_context);
          insert_html_element(synthetic_start_tag(Tag::kTbody));
          mode_ = InsertionMode::kInTableBody;
          return process_in(mode_, t);
        case Tag::kTable:
          parse_error(t, "unexpected-start-tag");
          if (!has_in_scope(Tag::kTable, Scope::kTable)) return;
          pop_until_html(Tag::kTable);
          reset_insertion_mode();
          return process_in(mode_, t);
        case Tag::kStyle:
        case Tag::kScript:
        case Tag::kTemplate: return in_head_mode(t);
        case Tag::kInput:
          if (!is_hidden_type(t)) break;
          parse_error(t, "unexpected-start-tag");
          return insert_void_element(t);
        case Tag::kForm:
          parse_error(t, "unexpected-start-tag");
          if (stack_has_html(Tag::kTemplate) || form_) return;
          form_ = create_element_for(t, Namespace::kHtml);
          insert_node_at(appropriate_place(), form_);
          return;
        default: break;
      }
      break;
    case TokenKind::kEndTag:
      switch (t.tag) {
        case Tag::kTable:
          if (!has_in_scope(Tag::kTable, Scope::kTable)) return parse_error(t, "unexpected-end-tag");
          pop_until_html(Tag::kTable);
          reset_insertion_mode();
          return;
        case Tag::kBody:
        case Tag::kCaption:
        case Tag::kCol:
        case Tag::kColgroup:
        case Tag::kHtml:
        case Tag::kTbody:
        case Tag::kTd:
        case Tag::kTfoot:
        case Tag::kTh:
        case Tag::kThead:
        case Tag::kTr: return parse_error(t, "unexpected-end-tag");
        case Tag::kTemplate: return in_head_mode(t);
        default: break;
      }
      break;
    case TokenKind::kEndOfFile: return in_body_mode(t);
  }
  parse_error(t, "foster-parenting");
  foster_parenting_ = true;
  in_body_mode(t);
  foster_parenting_ = false;
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intabletext
void TreeBuilder::in_table_text_mode(Token& t) {
  if (t.kind == TokenKind::kCharacter) {
    std::string_view data = t.data;
    if (std::memchr(data.data(), '\0', data.size())) {
      parse_error(t, "unexpected-null-character");
      for (char c : data)
        if (c) pending_table_text_.push_back(c);
    } else {
      pending_table_text_.append(data);
    }
    if (!pending_table_text_has_non_space_ && leading_whitespace(data) != data.size()) {
      for (char c : data)
        if (c && !is_html_whitespace(c)) pending_table_text_has_non_space_ = true;
    }
    return;
  }
  flush_pending_table_text();
  mode_ = original_mode_;
  process_in(mode_, t);
}

void TreeBuilder::flush_pending_table_text() {
  if (pending_table_text_.empty()) return;
  std::string_view text = doc_->arena().copy(pending_table_text_);
  pending_table_text_.clear();
  if (pending_table_text_has_non_space_) {
    Token chars;
    chars.kind = TokenKind::kCharacter;
    chars.data = text;
    parse_error(chars, "foster-parenting-character");
    foster_parenting_ = true;
    in_body_characters(chars);
    foster_parenting_ = false;
  } else {
    insert_characters(text);
  }
  pending_table_text_has_non_space_ = false;
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-incaption
void TreeBuilder::in_caption_mode(Token& t) {
  bool closes = false;
  if (t.kind == TokenKind::kEndTag && t.tag == Tag::kCaption) {
    closes = true;
  } else if ((t.kind == TokenKind::kStartTag && kTableStructure(t.tag)) ||
             (t.kind == TokenKind::kEndTag && t.tag == Tag::kTable)) {
    closes = true;
  } else if (t.kind == TokenKind::kEndTag &&
             (t.tag == Tag::kBody || t.tag == Tag::kHtml || (kTableStructure(t.tag) && t.tag != Tag::kCaption))) {
    return parse_error(t, "unexpected-end-tag");
  }
  if (!closes) return in_body_mode(t);
  if (!has_in_scope(Tag::kCaption, Scope::kTable)) return parse_error(t, "unexpected-token-in-caption");
  generate_implied_end_tags();
  if (!is_html(current_node(), Tag::kCaption)) parse_error(t, "unexpected-token-in-caption");
  pop_until_html(Tag::kCaption);
  clear_formatting_to_marker();
  mode_ = InsertionMode::kInTable;
  if (!(t.kind == TokenKind::kEndTag && t.tag == Tag::kCaption)) process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-incolgroup
void TreeBuilder::in_column_group_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter: {
      size_t ws = leading_whitespace(t.data);
      insert_characters(t.data.substr(0, ws));
      t.data.remove_prefix(ws);
      t.offset += static_cast<uint32_t>(ws);
      if (t.data.empty()) return;
      break;
    }
    case TokenKind::kComment: return insert_comment(t);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag:
      if (t.tag == Tag::kHtml) return in_body_mode(t);
      if (t.tag == Tag::kCol) return insert_void_element(t);
      if (t.tag == Tag::kTemplate) return in_head_mode(t);
      break;
    case TokenKind::kEndTag:
      if (t.tag == Tag::kColgroup) {
        if (!is_html(current_node(), Tag::kColgroup)) return parse_error(t, "unexpected-end-tag");
        pop();
        mode_ = InsertionMode::kInTable;
        return;
      }
      if (t.tag == Tag::kCol) return parse_error(t, "unexpected-end-tag");
      if (t.tag == Tag::kTemplate) return in_head_mode(t);
      break;
    case TokenKind::kEndOfFile: return in_body_mode(t);
  }
  if (!is_html(current_node(), Tag::kColgroup)) return parse_error(t, "unexpected-token-in-column-group");
  pop();
  mode_ = InsertionMode::kInTable;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intbody
void TreeBuilder::in_table_body_mode(Token& t) {
  if (t.kind == TokenKind::kStartTag) {
    switch (t.tag) {
      case Tag::kTr:
        clear_stack_back_to(is_table_body_context);
        insert_html_element(t);
        mode_ = InsertionMode::kInRow;
        return;
      case Tag::kTh:
      case Tag::kTd:
        parse_error(t, "unexpected-cell");
        clear_stack_back_to(is_table_body_context);
        insert_html_element(synthetic_start_tag(Tag::kTr));
        mode_ = InsertionMode::kInRow;
        return process_in(mode_, t);
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead: break;
      default: return in_table_mode(t);
    }
  } else if (t.kind == TokenKind::kEndTag) {
    switch (t.tag) {
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
        if (!has_in_scope(t.tag, Scope::kTable)) return parse_error(t, "unexpected-end-tag");
        clear_stack_back_to(is_table_body_context);
        pop();
        mode_ = InsertionMode::kInTable;
        return;
      case Tag::kTable: break;
      case Tag::kBody:
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml:
      case Tag::kTd:
      case Tag::kTh:
      case Tag::kTr: return parse_error(t, "unexpected-end-tag");
      default: return in_table_mode(t);
    }
  } else {
    return in_table_mode(t);
  }
  if (!has_in_scope(Tag::kTbody, Scope::kTable) && !has_in_scope(Tag::kThead, Scope::kTable) &&
      !has_in_scope(Tag::kTfoot, Scope::kTable))
    return parse_error(t, "unexpected-token-in-table-body");
  clear_stack_back_to(is_table_body_context);
  pop();
  mode_ = InsertionMode::kInTable;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intr
void TreeBuilder::in_row_mode(Token& t) {
  if (t.kind == TokenKind::kStartTag) {
    switch (t.tag) {
      case Tag::kTh:
      case Tag::kTd: {
        clear_stack_back_to(is_table_row_context);
        Node* e = insert_html_element(t);
        mode_ = InsertionMode::kInCell;
        if (current_node() == e) push_marker();
        return;
      }
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
      case Tag::kTr: break;
      default: return in_table_mode(t);
    }
  } else if (t.kind == TokenKind::kEndTag) {
    switch (t.tag) {
      case Tag::kTr:
        if (!has_in_scope(Tag::kTr, Scope::kTable)) return parse_error(t, "unexpected-end-tag");
        clear_stack_back_to(is_table_row_context);
        pop();
        mode_ = InsertionMode::kInTableBody;
        return;
      case Tag::kTable: break;
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
        if (!has_in_scope(t.tag, Scope::kTable)) return parse_error(t, "unexpected-end-tag");
        break;
      case Tag::kBody:
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml:
      case Tag::kTd:
      case Tag::kTh: return parse_error(t, "unexpected-end-tag");
      default: return in_table_mode(t);
    }
  } else {
    return in_table_mode(t);
  }
  if (!has_in_scope(Tag::kTr, Scope::kTable)) return parse_error(t, "unexpected-token-in-row");
  clear_stack_back_to(is_table_row_context);
  pop();
  mode_ = InsertionMode::kInTableBody;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#close-the-cell
void TreeBuilder::close_cell() {
  generate_implied_end_tags();
  while (open_.size() > 1) {
    Node* n = open_.back();
    open_.pop_back();
    if (is_html(n, Tag::kTd) || is_html(n, Tag::kTh)) break;
  }
  clear_formatting_to_marker();
  mode_ = InsertionMode::kInRow;
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intd
void TreeBuilder::in_cell_mode(Token& t) {
  if (t.kind == TokenKind::kEndTag) {
    switch (t.tag) {
      case Tag::kTd:
      case Tag::kTh:
        if (!has_in_scope(t.tag, Scope::kTable)) return parse_error(t, "unexpected-end-tag");
        generate_implied_end_tags();
        if (!is_html(current_node(), t.tag)) parse_error(t, "unexpected-end-tag");
        pop_until_html(t.tag);
        clear_formatting_to_marker();
        mode_ = InsertionMode::kInRow;
        return;
      case Tag::kBody:
      case Tag::kCaption:
      case Tag::kCol:
      case Tag::kColgroup:
      case Tag::kHtml: return parse_error(t, "unexpected-end-tag");
      case Tag::kTable:
      case Tag::kTbody:
      case Tag::kTfoot:
      case Tag::kThead:
      case Tag::kTr:
        if (!has_in_scope(t.tag, Scope::kTable)) return parse_error(t, "unexpected-end-tag");
        close_cell();
        return process_in(mode_, t);
      default: break;
    }
  } else if (t.kind == TokenKind::kStartTag && kTableStructure(t.tag)) {
    if (!has_in_scope(Tag::kTd, Scope::kTable) && !has_in_scope(Tag::kTh, Scope::kTable))
      return parse_error(t, "unexpected-start-tag");
    close_cell();
    return process_in(mode_, t);
  }
  in_body_mode(t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-intemplate
void TreeBuilder::in_template_mode(Token& t) {
  auto switch_template_mode = [&](InsertionMode m) {
    if (!template_modes_.empty()) template_modes_.pop_back();
    template_modes_.push_back(m);
    mode_ = m;
    process_in(mode_, t);
  };
  switch (t.kind) {
    case TokenKind::kCharacter:
    case TokenKind::kComment:
    case TokenKind::kDoctype: return in_body_mode(t);
    case TokenKind::kStartTag:
      switch (t.tag) {
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
        case Tag::kCaption:
        case Tag::kColgroup:
        case Tag::kTbody:
        case Tag::kTfoot:
        case Tag::kThead: return switch_template_mode(InsertionMode::kInTable);
        case Tag::kCol: return switch_template_mode(InsertionMode::kInColumnGroup);
        case Tag::kTr: return switch_template_mode(InsertionMode::kInTableBody);
        case Tag::kTd:
        case Tag::kTh: return switch_template_mode(InsertionMode::kInRow);
        default: return switch_template_mode(InsertionMode::kInBody);
      }
    case TokenKind::kEndTag:
      if (t.tag == Tag::kTemplate) return in_head_mode(t);
      return parse_error(t, "unexpected-end-tag");
    case TokenKind::kEndOfFile:
      if (!stack_has_html(Tag::kTemplate)) return;
      parse_error(t, "eof-in-template");
      pop_until_html(Tag::kTemplate);
      clear_formatting_to_marker();
      if (!template_modes_.empty()) template_modes_.pop_back();
      reset_insertion_mode();
      return process_in(mode_, t);
  }
}

}  // namespace pith::detail
