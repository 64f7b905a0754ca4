// Character reference tables and rules of the WHATWG tokenizer (section "Character reference state" and
// after). Named references: a binary-searched table sorted by name, narrowed one character at a time so the
// longest name that is a prefix of the input wins, as the spec's "maximum number of characters" requires.
// Numeric references: the spec's replacement table for 0x80-0x9F and its error classes. Covered by
// tests/html/tokenizer_test.cc and the html5lib entities tests in tokenizer_conformance_test.cc.
#include "html/char_refs.h"

#include <algorithm>

#include <iterator>

namespace pith::detail {
namespace {

struct NamedCharRef {
  std::string_view name;   // without the leading '&'
  std::string_view value;  // UTF-8
};

constexpr NamedCharRef kNamedCharRefs[] = {
#include "html/entities_generated.inc"
};

// Code points the spec maps numeric references in 0x80-0x9F to (windows-1252); 0 keeps the code as is.
constexpr uint16_t kC1Replacements[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 0x80-0x87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 0x88-0x8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 0x90-0x97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 0x98-0x9F
};

bool is_noncharacter(uint32_t c) {
  return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

bool is_control(uint32_t c) { return c <= 0x1F || (c >= 0x7F && c <= 0x9F); }

bool is_ascii_whitespace(uint32_t c) { return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20; }

// For each first byte, the range of names that start with it (the table is sorted).
struct FirstByteIndex {
  uint16_t begin[256];
  uint16_t end[256];
};

constexpr FirstByteIndex kFirstByteIndex = [] {
  FirstByteIndex index{};
  const uint16_t n = static_cast<uint16_t>(std::size(kNamedCharRefs));
  for (uint16_t i = n; i-- > 0;) index.begin[static_cast<uint8_t>(kNamedCharRefs[i].name[0])] = i;
  for (uint16_t i = 0; i < n; ++i) index.end[static_cast<uint8_t>(kNamedCharRefs[i].name[0])] = i + 1;
  return index;
}();

// Byte k of a name, or -1 past its end (a name that ends sorts before its continuations).
int byte_at(const NamedCharRef& e, size_t k) { return e.name.size() > k ? static_cast<uint8_t>(e.name[k]) : -1; }

bool is_ascii_alphanumeric(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

NamedCharRefMatch match_named_char_ref(std::string_view text) {
  NamedCharRefMatch best;
  if (text.empty()) return best;
  const uint8_t first = static_cast<uint8_t>(text[0]);
  size_t lo = kFirstByteIndex.begin[first], hi = kFirstByteIndex.end[first];
  // Fast path for the usual "&name;": no name holds a ';' before its end, so when the alphanumerics are
  // followed by ';' and "name;" is in the table, no longer name can match.
  size_t run = 0;
  while (run < text.size() && run < 40 && is_ascii_alphanumeric(text[run])) ++run;
  if (run < text.size() && text[run] == ';') {
    const std::string_view with_semicolon = text.substr(0, run + 1);
    const NamedCharRef* it = std::lower_bound(kNamedCharRefs + lo, kNamedCharRefs + hi, with_semicolon,
                                              [](const NamedCharRef& e, std::string_view v) { return e.name < v; });
    if (it != kNamedCharRefs + hi && it->name == with_semicolon) return {run + 1, it->value, true};
  }
  // Invariant: [lo, hi) holds exactly the names that start with text[0, k + 1).
  for (size_t k = 0;; ++k) {
    if (lo == hi) break;
    if (kNamedCharRefs[lo].name.size() == k + 1) {
      best.length = k + 1;
      best.value = kNamedCharRefs[lo].value;
      best.ends_with_semicolon = text[k] == ';';
    }
    if (k + 1 == text.size()) break;
    const int c = static_cast<uint8_t>(text[k + 1]);
    size_t a = lo, b = hi;  // first entry with byte k+1 >= c
    while (a < b) {
      const size_t mid = (a + b) / 2;
      if (byte_at(kNamedCharRefs[mid], k + 1) < c) a = mid + 1; else b = mid;
    }
    size_t e = a;  // first entry with byte k+1 > c
    for (b = hi; e < b;) {
      const size_t mid = (e + b) / 2;
      if (byte_at(kNamedCharRefs[mid], k + 1) <= c) e = mid + 1; else b = mid;
    }
    lo = a;
    hi = e;
  }
  return best;
}

NumericCharRefResult resolve_numeric_char_ref(uint32_t code) {
  if (code == 0) return {0xFFFD, "null-character-reference"};
  if (code > 0x10FFFF) return {0xFFFD, "character-reference-outside-unicode-range"};
  if (code >= 0xD800 && code <= 0xDFFF) return {0xFFFD, "surrogate-character-reference"};
  if (is_noncharacter(code)) return {code, "noncharacter-character-reference"};
  if (code == 0x0D || (is_control(code) && !is_ascii_whitespace(code))) {
    if (code >= 0x80 && code <= 0x9F && kC1Replacements[code - 0x80] != 0)
      return {kC1Replacements[code - 0x80], "control-character-reference"};
    return {code, "control-character-reference"};
  }
  return {code, {}};
}

size_t encode_utf8(uint32_t cp, char out[4]) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

}  // namespace pith::detail
