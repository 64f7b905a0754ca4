// UTF-8 encoding of one code point, and decoding of one at a time, shared by every stage that builds or
// walks text (character references, decoders, the double-encoding repair, the extractor, the scorer). Surrogates are encoded in the generalised (WTF-8) form;
// callers that must produce valid UTF-8 replace them with U+FFFD first.
#pragma once

#include <string>
#include <string_view>

namespace pith::detail {

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Decodes the code point at s[i] (invalid bytes decode as U+FFFD, one byte each); returns its length.
inline size_t decode_utf8(std::string_view s, size_t i, char32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  size_t need = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
  if (need == 0 || i + need >= s.size()) {
    cp = 0xFFFD;
    return 1;
  }
  char32_t acc = b & (0x3F >> need);
  for (size_t k = 1; k <= need; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) {
      cp = 0xFFFD;
      return 1;
    }
    acc = (acc << 6) | (c & 0x3F);
  }
  cp = acc;
  return need + 1;
}

}  // namespace pith::detail
