// Small text and attribute helpers shared by the extractor stages (pith::detail, internal).
//
// Character counting is script-aware: an unspaced CJK character (Han, kana) carries about as much text
// as a short Latin word, so text length is measured in "weighted characters" where such a character
// counts kCjkWeight. Class/id hints are matched token by token (class and id split at non-alphanumerics
// and lower-cased) against named, precompiled word lists.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/utf8.h"
#include "pith/dom.h"

namespace pith::detail {

inline constexpr uint32_t kCjkWeight = 3;

bool is_unspaced_cjk(char32_t cp);
// ASCII or Unicode white space as HTML rendering collapses it (incl. NBSP, ideographic space).
bool is_space(char32_t cp);

struct TextCounts {
  uint32_t chars = 0;     // weighted: CJK counts kCjkWeight, white space 0
  uint32_t cjk = 0;       // unspaced CJK characters
  uint32_t commas = 0;    // , ， 、 ، ;
  uint32_t stops = 0;     // sentence ends . ! ? 。 ！ ？
  uint32_t words = 0;     // space-separated words + CJK characters
  void add(const TextCounts& o) {
    chars += o.chars, cjk += o.cjk, commas += o.commas, stops += o.stops, words += o.words;
  }
};
TextCounts count_text(std::string_view utf8);

// Appends `text` with white space runs collapsed to one space; `pending_space` carries a space across
// calls (so "a</b> b" keeps exactly one); leading space at the start of `out` (or after '\n') is dropped.
void append_collapsed(std::string& out, std::string_view text, bool& pending_space);
// append_collapsed's step for one code point at `i` (its path for everything but ASCII runs); returns
// the code point's length. The reference tests hold the fast path to.
size_t append_collapsed_code_point(std::string& out, std::string_view text, size_t i, bool& pending_space);
// Trims ASCII/Unicode white space at both ends.
std::string_view trim(std::string_view s);

// What an element's class and id say about it.
enum ClassHint : uint8_t {
  kHintNone = 0,
  kHintBoilerplate = 1,  // navigation, share bars, related links, cookie/newsletter boxes, ads...
  kHintNegative = 2,     // weak evidence against (meta, tags, widget, media)
  kHintPositive = 4,     // content-like (article, content, post, entry, body, text, story)
  kHintComments = 8,     // user comments
  kHintStrongContent = 16,  // articleBody-like names that almost always wrap the text
  kHintStrongBoilerplate = 32,  // furniture whatever else the name says ("post-share", "post-signature")
};
uint8_t class_hints(const Node* element);

// Whether the inline style hides the element (display:none, visibility:hidden).
bool style_hides(std::string_view style);

bool is_heading(const Node* n);
// Block-level for segmentation: starts and ends a block of text.
bool is_block_level(const Node* n);

}  // namespace pith::detail
