// ASCII case folding, shared by the stages that compare names and labels case-insensitively (HTTP
// headers, metadata keys, the extractor's label words). Bytes outside A-Z, UTF-8 included, pass through.
#pragma once

#include <string>
#include <string_view>

namespace pith::detail {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace pith::detail
