// The insertion modes around the body: initial (with quirks mode from the DOCTYPE), before html, before
// head, in head, in head noscript, after head, text, after body, the frameset modes and the after after
// modes. Character runs are split where the spec treats whitespace and other characters differently.
// Covered by tests/html/tree_conformance_test.cc (html5lib doctype01, tests*.dat) and parser_test.cc.
#include <algorithm>
#include <array>
#include <string>

#include "base/arena.h"
#include "base/ascii.h"
#include "html/tree_builder.h"

namespace pith::detail {

namespace {

// Splits a character token: returns its leading whitespace and leaves the rest in `t` (possibly empty).
std::string_view take_leading_whitespace(Token& t) {
  size_t n = leading_whitespace(t.data);
  std::string_view ws = t.data.substr(0, n);
  t.data.remove_prefix(n);
  t.offset += static_cast<uint32_t>(n);
  return ws;
}

bool equals_ci(std::string_view a, std::string_view b) { return a.size() == b.size() && starts_with_ascii_ci(a, b); }

constexpr std::array<std::string_view, 55> kQuirksPublicPrefixes{
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

}  // namespace

// https://html.spec.whatwg.org/multipage/parsing.html#the-initial-insertion-mode (the DOCTYPE part)
void TreeBuilder::set_quirks_from_doctype(const Token& t) {
  std::string_view pub = t.public_id, sys = t.system_id;
  auto any_prefix = [&](std::string_view id) {
    return std::any_of(kQuirksPublicPrefixes.begin(), kQuirksPublicPrefixes.end(),
                       [&](std::string_view p) { return starts_with_ascii_ci(id, p); });
  };
  bool quirks = t.force_quirks || t.name_missing || t.name != "html" ||
                (!t.public_id_missing && (equals_ci(pub, "-//W3O//DTD W3 HTML Strict 3.0//EN//") ||
                                          equals_ci(pub, "-/W3C/DTD HTML 4.0 Transitional/EN") ||
                                          equals_ci(pub, "HTML") || any_prefix(pub))) ||
                (!t.system_id_missing && equals_ci(sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd")) ||
                (t.system_id_missing && !t.public_id_missing &&
                 (starts_with_ascii_ci(pub, "-//W3C//DTD HTML 4.01 Frameset//") ||
                  starts_with_ascii_ci(pub, "-//W3C//DTD HTML 4.01 Transitional//")));
  if (quirks) {
    doc_->quirks_mode = QuirksMode::kQuirks;
    return;
  }
  bool limited = !t.public_id_missing && (starts_with_ascii_ci(pub, "-//W3C//DTD XHTML 1.0 Frameset//") ||
                                          starts_with_ascii_ci(pub, "-//W3C//DTD XHTML 1.0 Transitional//") ||
                                          (!t.system_id_missing && (starts_with_ascii_ci(pub, "-//W3C//DTD HTML 4.01 Frameset//") ||
                                                                    starts_with_ascii_ci(pub, "-//W3C//DTD HTML 4.01 Transitional//"))));
  if (limited) doc_->quirks_mode = QuirksMode::kLimitedQuirks;
}

// https://html.spec.whatwg.org/multipage/parsing.html#the-initial-insertion-mode
void TreeBuilder::initial_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter:
      take_leading_whitespace(t);
      if (t.data.empty()) return;
      break;
    case TokenKind::kComment: return insert_comment(t, doc_->root());
    case TokenKind::kDoctype: {
      if (t.name != "html" || !t.public_id_missing || (!t.system_id_missing && t.system_id != "about:legacy-compat"))
        parse_error(t, "bad-doctype");
      Node* doctype = doc_->create_doctype(t.name);
      doctype->source_offset = t.offset;
      Document::append_child(doc_->root(), doctype);
      doc_->doctype_public_id = t.public_id;
      doc_->doctype_system_id = t.system_id;
      set_quirks_from_doctype(t);
      mode_ = InsertionMode::kBeforeHtml;
      return;
    }
    default: break;
  }
  parse_error(t, "missing-doctype");
  doc_->quirks_mode = QuirksMode::kQuirks;
  mode_ = InsertionMode::kBeforeHtml;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#the-before-html-insertion-mode
void TreeBuilder::before_html_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kComment: return insert_comment(t, doc_->root());
    case TokenKind::kCharacter:
      take_leading_whitespace(t);
      if (t.data.empty()) return;
      break;
    case TokenKind::kStartTag:
      if (t.tag == Tag::kHtml) {
        Node* html = create_element_for(t, Namespace::kHtml);
        Document::append_child(doc_->root(), html);
        open_.push_back(html);
        mode_ = InsertionMode::kBeforeHead;
        return;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag != Tag::kHead && t.tag != Tag::kBody && t.tag != Tag::kHtml && t.tag != Tag::kBr)
        return parse_error(t, "unexpected-end-tag");
      break;
    case TokenKind::kEndOfFile: break;
  }
  Node* html = create_element_for(synthetic_start_tag(Tag::kHtml), Namespace::kHtml);
  Document::append_child(doc_->root(), html);
  open_.push_back(html);
  mode_ = InsertionMode::kBeforeHead;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#the-before-head-insertion-mode
void TreeBuilder::before_head_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter:
      take_leading_whitespace(t);
      if (t.data.empty()) return;
      break;
    case TokenKind::kComment: return insert_comment(t);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag:
      if (t.tag == Tag::kHtml) return in_body_mode(t);
      if (t.tag == Tag::kHead) {
        head_ = insert_html_element(t);
        mode_ = InsertionMode::kInHead;
        return;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag != Tag::kHead && t.tag != Tag::kBody && t.tag != Tag::kHtml && t.tag != Tag::kBr)
        return parse_error(t, "unexpected-end-tag");
      break;
    case TokenKind::kEndOfFile: break;
  }
  head_ = insert_html_element(synthetic_start_tag(Tag::kHead));
  mode_ = InsertionMode::kInHead;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inhead
void TreeBuilder::in_head_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter:
      insert_characters(take_leading_whitespace(t));
      if (t.data.empty()) return;
      break;
    case TokenKind::kComment: return insert_comment(t);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::kHtml: return in_body_mode(t);
        case Tag::kBase:
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta: return insert_void_element(t);
        case Tag::kTitle: return generic_text_element(t, TokenizerSwitch::kRcdata);
        case Tag::kNoscript:
          if (!options_.scripting) {
            insert_html_element(t);
            mode_ = InsertionMode::kInHeadNoscript;
            return;
          }
          return generic_text_element(t, TokenizerSwitch::kRawtext);
        case Tag::kNoframes:
        case Tag::kStyle: return generic_text_element(t, TokenizerSwitch::kRawtext);
        case Tag::kScript: return generic_text_element(t, TokenizerSwitch::kScriptData);
        case Tag::kTemplate: {
          Node* e = insert_html_element(t);
          if (current_node() != e) return;  // attached at the depth limit: an empty template
          push_marker();
          frameset_ok_ = false;
          mode_ = InsertionMode::kInTemplate;
          template_modes_.push_back(InsertionMode::kInTemplate);
          return;
        }
        case Tag::kHead: return parse_error(t, "unexpected-start-tag");
        default: break;
      }
      break;
    case TokenKind::kEndTag:
      switch (t.tag) {
        case Tag::kHead:
          pop();
          mode_ = InsertionMode::kAfterHead;
          return;
        case Tag::kBody:
        case Tag::kHtml:
        case Tag::kBr: break;
        case Tag::kTemplate:
          if (!stack_has_html(Tag::kTemplate)) return parse_error(t, "unexpected-end-tag");
          generate_all_implied_end_tags_thoroughly();
          if (!is_html(current_node(), Tag::kTemplate)) parse_error(t, "unexpected-end-tag");
          pop_until_html(Tag::kTemplate);
          clear_formatting_to_marker();
          if (!template_modes_.empty()) template_modes_.pop_back();
          reset_insertion_mode();
          return;
        default: return parse_error(t, "unexpected-end-tag");
      }
      break;
    case TokenKind::kEndOfFile: break;
  }
  pop();
  mode_ = InsertionMode::kAfterHead;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inheadnoscript
void TreeBuilder::in_head_noscript_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kCharacter: {
      std::string_view ws = take_leading_whitespace(t);
      if (!ws.empty()) {
        Token w = t;
        w.data = ws;
        in_head_mode(w);
      }
      if (t.data.empty()) return;
      break;
    }
    case TokenKind::kComment: return in_head_mode(t);
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::kHtml: return in_body_mode(t);
        case Tag::kBasefont:
        case Tag::kBgsound:
        case Tag::kLink:
        case Tag::kMeta:
        case Tag::kNoframes:
        case Tag::kStyle: return in_head_mode(t);
        case Tag::kHead:
        case Tag::kNoscript: return parse_error(t, "unexpected-start-tag");
        default: break;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag == Tag::kNoscript) {
        pop();
        mode_ = InsertionMode::kInHead;
        return;
      }
      if (t.tag != Tag::kBr) return parse_error(t, "unexpected-end-tag");
      break;
    case TokenKind::kEndOfFile: break;
  }
  parse_error(t, "unexpected-token-in-head-noscript");
  pop();
  mode_ = InsertionMode::kInHead;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#the-after-head-insertion-mode
void TreeBuilder::after_head_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter:
      insert_characters(take_leading_whitespace(t));
      if (t.data.empty()) return;
      break;
    case TokenKind::kComment: return insert_comment(t);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::kHtml: return in_body_mode(t);
        case Tag::kBody:
          insert_html_element(t);
          frameset_ok_ = false;
          mode_ = InsertionMode::kInBody;
          return;
        case Tag::kFrameset:
          insert_html_element(t);
          mode_ = InsertionMode::kInFrameset;
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
        case Tag::kTitle: {
          parse_error(t, "unexpected-start-tag-after-head");
          if (!head_) return;
          open_.push_back(head_);
          in_head_mode(t);
          for (size_t i = open_.size(); i-- > 0;) {
            if (open_[i] == head_) {
              open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(i));
              break;
            }
          }
          return;
        }
        case Tag::kHead: return parse_error(t, "unexpected-start-tag");
        default: break;
      }
      break;
    case TokenKind::kEndTag:
      if (t.tag == Tag::kTemplate) return in_head_mode(t);
      if (t.tag != Tag::kBody && t.tag != Tag::kHtml && t.tag != Tag::kBr) return parse_error(t, "unexpected-end-tag");
      break;
    case TokenKind::kEndOfFile: break;
  }
  insert_html_element(synthetic_start_tag(Tag::kBody));
  mode_ = InsertionMode::kInBody;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-incdata
void TreeBuilder::text_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter: return insert_characters(t.data);
    case TokenKind::kEndOfFile:
      parse_error(t, "eof-in-element-that-can-contain-only-text");
      if (text_element_pushed_) pop();
      mode_ = original_mode_;
      return process_in(mode_, t);
    default:
      if (text_element_pushed_) pop();
      mode_ = original_mode_;
      return;
  }
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-afterbody
void TreeBuilder::after_body_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter: {
      std::string_view ws = take_leading_whitespace(t);
      if (!ws.empty()) {
        Token w = t;
        w.data = ws;
        in_body_mode(w);
      }
      if (t.data.empty()) return;
      break;
    }
    case TokenKind::kComment: return insert_comment(t, open_[0]);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag:
      if (t.tag == Tag::kHtml) return in_body_mode(t);
      break;
    case TokenKind::kEndTag:
      if (t.tag == Tag::kHtml) {
        if (context_) return parse_error(t, "unexpected-end-tag");
        mode_ = InsertionMode::kAfterAfterBody;
        return;
      }
      break;
    case TokenKind::kEndOfFile: return;
  }
  parse_error(t, "unexpected-token-after-body");
  mode_ = InsertionMode::kInBody;
  process_in(mode_, t);
}

namespace {
// The whitespace characters of a run (the frameset modes insert those and ignore the rest).
std::string_view whitespace_only(std::string_view data, Arena& arena) {
  size_t n = 0;
  for (char c : data) n += is_html_whitespace(c);
  if (n == data.size()) return data;
  std::string kept;
  kept.reserve(n);
  for (char c : data)
    if (is_html_whitespace(c)) kept.push_back(c);
  return arena.copy(kept);
}
}  // namespace

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inframeset
void TreeBuilder::in_frameset_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter: return insert_characters(whitespace_only(t.data, doc_->arena()));
    case TokenKind::kComment: return insert_comment(t);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag:
      switch (t.tag) {
        case Tag::kHtml: return in_body_mode(t);
        case Tag::kFrameset: insert_html_element(t); return;
        case Tag::kFrame: return insert_void_element(t);
        case Tag::kNoframes: return in_head_mode(t);
        default: return parse_error(t, "unexpected-start-tag-in-frameset");
      }
    case TokenKind::kEndTag:
      if (t.tag == Tag::kFrameset) {
        if (open_.size() == 1) return parse_error(t, "unexpected-end-tag");
        pop();
        if (!context_ && !is_html(current_node(), Tag::kFrameset)) mode_ = InsertionMode::kAfterFrameset;
        return;
      }
      return parse_error(t, "unexpected-end-tag");
    case TokenKind::kEndOfFile: return;
  }
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-afterframeset
void TreeBuilder::after_frameset_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter: return insert_characters(whitespace_only(t.data, doc_->arena()));
    case TokenKind::kComment: return insert_comment(t);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag:
      if (t.tag == Tag::kHtml) return in_body_mode(t);
      if (t.tag == Tag::kNoframes) return in_head_mode(t);
      return parse_error(t, "unexpected-start-tag-after-frameset");
    case TokenKind::kEndTag:
      if (t.tag == Tag::kHtml) {
        mode_ = InsertionMode::kAfterAfterFrameset;
        return;
      }
      return parse_error(t, "unexpected-end-tag");
    case TokenKind::kEndOfFile: return;
  }
}

// https://html.spec.whatwg.org/multipage/parsing.html#the-after-after-body-insertion-mode
void TreeBuilder::after_after_body_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kComment: return insert_comment(t, doc_->root());
    case TokenKind::kDoctype: return in_body_mode(t);
    case TokenKind::kCharacter: {
      std::string_view ws = take_leading_whitespace(t);
      if (!ws.empty()) {
        Token w = t;
        w.data = ws;
        in_body_mode(w);
      }
      if (t.data.empty()) return;
      break;
    }
    case TokenKind::kStartTag:
      if (t.tag == Tag::kHtml) return in_body_mode(t);
      break;
    case TokenKind::kEndOfFile: return;
    case TokenKind::kEndTag: break;
  }
  parse_error(t, "unexpected-token-after-after-body");
  mode_ = InsertionMode::kInBody;
  process_in(mode_, t);
}

// https://html.spec.whatwg.org/multipage/parsing.html#the-after-after-frameset-insertion-mode
void TreeBuilder::after_after_frameset_mode(Token& t) {
  switch (t.kind) {
    case TokenKind::kComment: return insert_comment(t, doc_->root());
    case TokenKind::kDoctype: return in_body_mode(t);
    case TokenKind::kCharacter: {
      Token w = t;
      w.data = whitespace_only(t.data, doc_->arena());
      if (!w.data.empty()) in_body_mode(w);
      return;
    }
    case TokenKind::kStartTag:
      if (t.tag == Tag::kHtml) return in_body_mode(t);
      if (t.tag == Tag::kNoframes) return in_head_mode(t);
      return parse_error(t, "unexpected-start-tag");
    case TokenKind::kEndTag: return parse_error(t, "unexpected-end-tag");
    case TokenKind::kEndOfFile: return;
  }
}

}  // namespace pith::detail
