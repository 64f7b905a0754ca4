// Helpers for the dataset tests: reading files, unpacking ../shared/eval/data into the build directory
// (scripts/unpack-datasets.sh, once), meta.jsonl fields, and a rough visible text of decoded HTML (tags
// dropped, a few character references decoded) good enough to look for truth text in.
#pragma once

#include "base/utf8.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace pith::test {

using detail::append_utf8;

inline bool read_file(const std::filesystem::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

// The unpacked dataset directory, or empty when the archives are absent.
inline std::filesystem::path dataset_dir(const std::string& name) {
  namespace fs = std::filesystem;
  fs::path archive = fs::path(PITH_SHARED_DIR) / "eval" / "data" / (name + ".tar.zst");
  if (!fs::exists(archive)) return {};
  static const bool unpacked = [] {
    std::string command = "bash '" PITH_SOURCE_DIR "/scripts/unpack-datasets.sh' '" PITH_SHARED_DIR
                          "' '" PITH_DATASET_DIR "' >/dev/null";
    return std::system(command.c_str()) == 0;
  }();
  if (!unpacked) return {};
  fs::path dir = fs::path(PITH_DATASET_DIR) / name;
  return fs::exists(dir / "html") ? dir : fs::path();
}

inline std::vector<std::string> dataset_names() {
  return {"cleaneval-dev", "readability", "scrapinghub_aeb", "trafilatura_eval", "wcxb-dev",
          "zh_wce_immortal_autumn"};
}

struct PageMeta {
  std::string id;
  std::string declared_encoding;
};

inline std::string json_string_field(const std::string& line, const std::string& key) {
  std::string pattern = "\"" + key + "\": \"";
  size_t pos = line.find(pattern);
  if (pos == std::string::npos) return {};
  pos += pattern.size();
  return line.substr(pos, line.find('"', pos) - pos);
}

inline std::vector<PageMeta> read_meta(const std::filesystem::path& dir) {
  std::vector<PageMeta> pages;
  std::ifstream in(dir / "meta.jsonl");
  std::string line;
  while (std::getline(in, line))
    pages.push_back({json_string_field(line, "id"), json_string_field(line, "declared_encoding")});
  return pages;
}

// Code points of UTF-8 text (ill-formed bytes become U+FFFD one by one; the input is decoder output).
inline std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    if (b >= 0x80 && b < 0xC0) n = 1;
    if (i + n > s.size()) n = 1;
    char32_t c = n == 1 ? (b < 0x80 ? b : 0xFFFD) : n == 2 ? (b & 0x1F) : n == 3 ? (b & 0x0F) : (b & 0x07);
    for (size_t k = 1; k < n; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(c);
    i += n;
  }
  return out;
}

// Characters that are spacing, not text: not looked for in decoded pages.
inline bool is_space_like(char32_t c) {
  return c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF;
}

// Tags dropped (replaced by a space), &amp; &lt; &gt; &quot; &#39; &nbsp; and numeric references decoded.
inline std::string visible_text(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  for (size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    bool tag_start = c == '<' && i + 1 < html.size() &&
                     (std::isalpha(static_cast<unsigned char>(html[i + 1])) || html[i + 1] == '/' ||
                      html[i + 1] == '!' || html[i + 1] == '?');
    if (tag_start) {
      size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      out.push_back(' ');
      i = end;
    } else if (c == '&') {
      size_t end = html.find(';', i);
      if (end == std::string_view::npos || end - i > 10) {
        out.push_back(c);
        continue;
      }
      std::string_view ref = html.substr(i + 1, end - i - 1);
      char32_t cp = 0;
      if (ref == "amp") cp = '&';
      else if (ref == "lt") cp = '<';
      else if (ref == "gt") cp = '>';
      else if (ref == "quot") cp = '"';
      else if (ref == "#39" || ref == "apos") cp = '\'';
      else if (ref == "nbsp") cp = 0xA0;
      else if (ref.size() > 1 && ref[0] == '#')
        cp = static_cast<char32_t>(ref[1] == 'x' || ref[1] == 'X' ? std::strtoul(std::string(ref.substr(2)).c_str(), nullptr, 16)
                                                                    : std::strtoul(std::string(ref.substr(1)).c_str(), nullptr, 10));
      if (cp == 0 || cp > 0x10FFFF) {
        out.push_back(c);
        continue;
      }
      append_utf8(out, cp);
      i = end;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

inline std::string collapse_whitespace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace pith::test
