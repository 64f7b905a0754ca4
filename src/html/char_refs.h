// Character references: the named table (WHATWG "named character references") and the numeric rules.
//
// The tokenizer's character reference states use these two lookups; everything here is a pure function
// over static tables, safe from any thread. Views returned point into static storage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pith::detail {

struct NamedCharRefMatch {
  size_t length = 0;          // bytes of `text` the longest matching name covers (0: no name matched)
  std::string_view value;     // the replacement, UTF-8
  bool ends_with_semicolon = false;
};

// The longest name in the table that is a prefix of `text` (text starts just after the '&').
NamedCharRefMatch match_named_char_ref(std::string_view text);

struct NumericCharRefResult {
  uint32_t code_point;
  std::string_view error;  // the spec's parse error code, or empty
};

// The spec's "numeric character reference end state" check: replaces NUL, surrogates and out-of-range
// values with U+FFFD and 0x80-0x9F with their windows-1252 characters; flags noncharacters and controls.
// `code` may be any value >= 0x110000 for an overflowed reference.
NumericCharRefResult resolve_numeric_char_ref(uint32_t code);

// Appends the UTF-8 form of `code_point` (a Unicode scalar value) to `out`; returns the byte count (1-4).
size_t encode_utf8(uint32_t code_point, char out[4]);

}  // namespace pith::detail
