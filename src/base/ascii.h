// ASCII case folding, shared by the stages that compare names and labels case-insensitively (HTTP
// headers, doctype identifiers, metadata keys, the extractor's label words and markup repairs). Bytes outside A-Z, UTF-8 included, pass through.
#pragma once

#include <string>
#include <string_view>

namespace pith::detail {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Whether `s` begins with `prefix`, ASCII letters compared without case.
inline bool starts_with_ascii_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(s[i]) != ascii_lower(prefix[i])) return false;
  }
  return true;
}

inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace pith::detail
