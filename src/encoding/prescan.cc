// The <meta> prescan: the WHATWG HTML algorithm "prescan a byte stream to determine its encoding"
// (https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding)
// with its "get an attribute" and "extract a character encoding from a meta element" steps, and the
// XML-declaration check ("get an XML encoding"). Reaching the end of the scanned bytes in the middle of a
// construct ends the prescan without a result, as the html5lib encoding tests expect. Byte-level, no
// allocation beyond the attribute buffers. Covered by tests/encoding/html5lib_encoding_test.cc and
// tests/encoding/sniff_test.cc.
#include <algorithm>
#include <string>

#include "encoding/encoding_internal.h"

namespace pith::detail {

namespace {

uint8_t lower(uint8_t b) { return (b >= 'A' && b <= 'Z') ? static_cast<uint8_t>(b + 32) : b; }
bool is_ascii_alpha(uint8_t b) { return (b | 0x20) >= 'a' && (b | 0x20) <= 'z'; }

bool starts_with_ci(std::string_view s, size_t pos, std::string_view lower_prefix) {
  if (s.size() - pos < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i)
    if (lower(static_cast<uint8_t>(s[pos + i])) != static_cast<uint8_t>(lower_prefix[i])) return false;
  return true;
}

enum class AttributeResult { kAttribute, kNone, kEndOfInput };

// "Get an attribute": name and value lower-cased; kNone at '>', kEndOfInput if the bytes run out.
class AttributeReader {
 public:
  AttributeReader(std::string_view bytes, size_t& pos) : s_(bytes), pos_(pos) {}

  AttributeResult next(std::string& name, std::string& value) {
    name.clear();
    value.clear();
    while (pos_ < s_.size() && (is_ascii_whitespace(byte()) || byte() == '/')) ++pos_;
    if (pos_ >= s_.size()) return AttributeResult::kEndOfInput;
    if (byte() == '>') return AttributeResult::kNone;
    for (;; ++pos_) {  // attribute name
      if (pos_ >= s_.size()) return AttributeResult::kEndOfInput;
      uint8_t b = byte();
      if (b == '=' && !name.empty()) {
        ++pos_;
        return read_value(value);
      }
      if (is_ascii_whitespace(b)) break;
      if (b == '/' || b == '>') return AttributeResult::kAttribute;
      name.push_back(static_cast<char>(lower(b)));
    }
    while (pos_ < s_.size() && is_ascii_whitespace(byte())) ++pos_;  // spaces
    if (pos_ >= s_.size()) return AttributeResult::kEndOfInput;
    if (byte() != '=') return AttributeResult::kAttribute;
    ++pos_;
    return read_value(value);
  }

 private:
  uint8_t byte() const { return static_cast<uint8_t>(s_[pos_]); }

  AttributeResult read_value(std::string& value) {
    while (pos_ < s_.size() && is_ascii_whitespace(byte())) ++pos_;
    if (pos_ >= s_.size()) return AttributeResult::kEndOfInput;
    uint8_t b = byte();
    if (b == '"' || b == '\'') {
      for (++pos_; pos_ < s_.size(); ++pos_) {
        if (byte() == b) {
          ++pos_;
          return AttributeResult::kAttribute;
        }
        value.push_back(static_cast<char>(lower(byte())));
      }
      return AttributeResult::kEndOfInput;
    }
    if (b == '>') return AttributeResult::kAttribute;
    for (; pos_ < s_.size(); ++pos_) {
      if (is_ascii_whitespace(byte()) || byte() == '>') return AttributeResult::kAttribute;
      value.push_back(static_cast<char>(lower(byte())));
    }
    return AttributeResult::kEndOfInput;
  }

  std::string_view s_;
  size_t& pos_;
};

// "Extract a character encoding from a meta element" on a content attribute's value.
std::optional<Encoding> encoding_from_content(std::string_view s) {
  size_t pos = 0;
  for (;;) {
    size_t found = s.find("charset", pos);  // the value is lower-cased already
    if (found == std::string_view::npos) return std::nullopt;
    pos = found + 7;
    while (pos < s.size() && is_ascii_whitespace(static_cast<uint8_t>(s[pos]))) ++pos;
    if (pos >= s.size() || s[pos] != '=') continue;
    ++pos;
    while (pos < s.size() && is_ascii_whitespace(static_cast<uint8_t>(s[pos]))) ++pos;
    if (pos >= s.size()) return std::nullopt;
    char c = s[pos];
    if (c == '"' || c == '\'') {
      size_t close = s.find(c, pos + 1);
      if (close == std::string_view::npos) return std::nullopt;
      return encoding_from_label(s.substr(pos + 1, close - pos - 1));
    }
    size_t end = pos;
    while (end < s.size() && !is_ascii_whitespace(static_cast<uint8_t>(s[end])) && s[end] != ';') ++end;
    return encoding_from_label(s.substr(pos, end - pos));
  }
}

// Elements the tree builder keeps in <head>; past the standard's limit the scan stops at any other tag.
bool is_head_content(std::string_view name) {
  return name == "meta" || name == "link" || name == "title" || name == "style" || name == "script" ||
         name == "base" || name == "noscript" || name == "template" || name == "html" || name == "head";
}

// The processing of one <meta> tag (pos just after "<meta" and its whitespace/slash).
enum class MetaOutcome { kEncoding, kNothing, kEndOfInput };
MetaOutcome process_meta(std::string_view s, size_t& pos, Encoding& result) {
  std::string name, value, seen;
  bool got_pragma = false;
  std::optional<bool> need_pragma;
  std::optional<Encoding> charset;
  AttributeReader reader(s, pos);
  for (;;) {
    AttributeResult r = reader.next(name, value);
    if (r == AttributeResult::kEndOfInput) return MetaOutcome::kEndOfInput;
    if (r == AttributeResult::kNone) break;
    std::string key = "\x01" + name + "\x01";  // the attribute list, as a delimited string
    if (seen.find(key) != std::string::npos) continue;
    seen += key;
    if (name == "http-equiv") {
      if (value == "content-type") got_pragma = true;
    } else if (name == "content") {
      if (!charset) {
        if (auto enc = encoding_from_content(value)) {
          charset = enc;
          need_pragma = true;
        }
      }
    } else if (name == "charset") {
      if (!charset) {
        charset = encoding_from_label(value);
        need_pragma = false;
      }
    }
  }
  if (!need_pragma || (*need_pragma && !got_pragma) || !charset) return MetaOutcome::kNothing;
  result = *charset;
  if (result == Encoding::kUtf16Be || result == Encoding::kUtf16Le) result = Encoding::kUtf8;
  if (result == Encoding::kXUserDefined) result = Encoding::kWindows1252;
  return MetaOutcome::kEncoding;
}

}  // namespace

std::optional<Encoding> prescan_for_meta(std::string_view bytes, size_t limit, size_t head_limit) {
  // Past `limit`, only tags that belong in <head> let the scan go on (see is_head_content).
  std::string_view window = bytes.substr(0, std::max(limit, head_limit));
  std::string name, value;
  for (size_t pos = 0; pos < window.size(); ++pos) {
    if (window[pos] != '<') continue;
    if (window.substr(pos).starts_with("<!--")) {
      size_t end = window.find("-->", pos + 2);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end + 2;
    } else if (starts_with_ci(window, pos, "<meta") && pos + 5 < window.size() &&
               (is_ascii_whitespace(static_cast<uint8_t>(window[pos + 5])) || window[pos + 5] == '/')) {
      pos += 6;
      Encoding found;
      MetaOutcome outcome = process_meta(window, pos, found);
      if (outcome == MetaOutcome::kEncoding) return found;
      if (outcome == MetaOutcome::kEndOfInput) return std::nullopt;
    } else if (pos + 1 < window.size() &&
               (is_ascii_alpha(static_cast<uint8_t>(window[pos + 1])) ||
                (window[pos + 1] == '/' && pos + 2 < window.size() &&
                 is_ascii_alpha(static_cast<uint8_t>(window[pos + 2]))))) {
      size_t name_start = pos + (window[pos + 1] == '/' ? 2 : 1);
      while (pos < window.size() && !is_ascii_whitespace(static_cast<uint8_t>(window[pos])) &&
             window[pos] != '>')
        ++pos;
      if (pos >= limit) {
        std::string tag;
        for (size_t i = name_start; i < pos; ++i) tag.push_back(static_cast<char>(lower(window[i])));
        if (!is_head_content(tag)) return std::nullopt;
      }
      AttributeReader reader(window, pos);
      AttributeResult r;
      while ((r = reader.next(name, value)) == AttributeResult::kAttribute) {
      }
      if (r == AttributeResult::kEndOfInput) return std::nullopt;
    } else if (window.substr(pos).starts_with("<!") || window.substr(pos).starts_with("</") ||
               window.substr(pos).starts_with("<?")) {
      size_t end = window.find('>', pos + 2);
      if (end == std::string_view::npos) return std::nullopt;
      pos = end;
    }
  }
  return std::nullopt;
}

std::optional<Encoding> xml_declaration_encoding(std::string_view bytes) {
  if (bytes.starts_with(std::string_view("<\0?\0x\0", 6))) return Encoding::kUtf16Le;
  if (bytes.starts_with(std::string_view("\0<\0?\0x", 6))) return Encoding::kUtf16Be;
  if (!bytes.starts_with("<?xml")) return std::nullopt;
  std::string_view decl = bytes.substr(0, bytes.find('>'));
  if (decl.size() == bytes.size()) return std::nullopt;
  size_t pos = decl.find("encoding");
  if (pos == std::string_view::npos) return std::nullopt;
  pos += 8;
  while (pos < decl.size() && static_cast<uint8_t>(decl[pos]) <= 0x20) ++pos;
  if (pos >= decl.size() || decl[pos] != '=') return std::nullopt;
  ++pos;
  while (pos < decl.size() && static_cast<uint8_t>(decl[pos]) <= 0x20) ++pos;
  if (pos >= decl.size() || (decl[pos] != '"' && decl[pos] != '\'')) return std::nullopt;
  size_t close = decl.find(decl[pos], pos + 1);
  if (close == std::string_view::npos) return std::nullopt;
  auto encoding = encoding_from_label(decl.substr(pos + 1, close - pos - 1));
  if (encoding == Encoding::kUtf16Be || encoding == Encoding::kUtf16Le) return Encoding::kUtf8;
  if (encoding == Encoding::kXUserDefined) return Encoding::kWindows1252;
  return encoding;
}

}  // namespace pith::detail
