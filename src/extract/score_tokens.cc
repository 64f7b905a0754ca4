// Tokenisation for the scorer, as score.py defines it: text decoded with U+FFFD for invalid UTF-8 (one
// per maximal subpart, like Python's "replace"), NFKC-normalised and lower-cased with ICU (Python's
// str.lower() is the full Unicode lower-case mapping, as is ICU's root-locale u_strToLower), split into
// runs of general category L/M/N, every unspaced CJK character (Han, kana) a token of its own.
// Covered by tests/extract/score_test.cc, which compares against score.py itself.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "extract/score.h"
#include "base/utf8.h"

namespace pith::detail {
namespace {

// UTF-8 to UTF-16 with U+FFFD per maximal invalid subpart (the WHATWG / Python "replace" behaviour).
std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  size_t i = 0;
  const size_t n = s.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < n) {
    unsigned char b = byte(i);
    UChar32 cp = 0xFFFD;
    size_t len = 1;
    if (b < 0x80) {
      cp = b;
    } else {
      int need = 0;
      unsigned char lo = 0x80, hi = 0xBF;
      if (b >= 0xC2 && b <= 0xDF) {
        need = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        need = 2;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
      } else if (b >= 0xF0 && b <= 0xF4) {
        need = 3;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
      }
      if (need > 0) {
        UChar32 acc = b & (0x3F >> need);
        size_t k = 1;
        bool ok = true;
        for (; k <= static_cast<size_t>(need); ++k) {
          if (i + k >= n) { ok = false; break; }
          unsigned char c = byte(i + k);
          unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
          if (c < l || c > h) { ok = false; break; }
          acc = (acc << 6) | (c & 0x3F);
        }
        if (ok) {
          cp = acc;
          len = need + 1;
        } else {
          len = k;  // the maximal subpart consumed so far becomes one U+FFFD
        }
      }
    }
    if (cp >= 0x10000) {
      out.push_back(static_cast<char16_t>(U16_LEAD(cp)));
      out.push_back(static_cast<char16_t>(U16_TRAIL(cp)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
    i += len;
  }
  return out;
}

std::u16string nfkc(const std::u16string& in) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* norm = unorm2_getNFKCInstance(&status);
  if (U_FAILURE(status)) return in;
  std::u16string out(in.size() * 2 + 16, u'\0');
  int32_t len = unorm2_normalize(norm, reinterpret_cast<const UChar*>(in.data()), static_cast<int32_t>(in.size()),
                                 reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    out.assign(len, u'\0');
    len = unorm2_normalize(norm, reinterpret_cast<const UChar*>(in.data()), static_cast<int32_t>(in.size()),
                           reinterpret_cast<UChar*>(out.data()), len, &status);
  }
  if (U_FAILURE(status)) return in;
  out.resize(len);
  return out;
}

std::u16string lower(const std::u16string& in) {
  UErrorCode status = U_ZERO_ERROR;
  std::u16string out(in.size() + 16, u'\0');
  int32_t len = u_strToLower(reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()),
                             reinterpret_cast<const UChar*>(in.data()), static_cast<int32_t>(in.size()), "", &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    out.assign(len, u'\0');
    len = u_strToLower(reinterpret_cast<UChar*>(out.data()), len, reinterpret_cast<const UChar*>(in.data()),
                       static_cast<int32_t>(in.size()), "", &status);
  }
  if (U_FAILURE(status)) return in;
  out.resize(len);
  return out;
}

bool is_unspaced_cjk(UChar32 o) {
  return (0x3040 <= o && o <= 0x30FF) || (0x3400 <= o && o <= 0x4DBF) || (0x4E00 <= o && o <= 0x9FFF) ||
         (0xF900 <= o && o <= 0xFAFF) || (0x20000 <= o && o <= 0x2FA1F) || (0x31F0 <= o && o <= 0x31FF) ||
         (0xFF66 <= o && o <= 0xFF9D);
}

bool is_letter_mark_number(UChar32 cp) {
  return (U_GET_GC_MASK(cp) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
}

// Python's str.isspace(): bidirectional class WS, B or S, or category Zs.
bool is_python_space(UChar32 cp) {
  if (cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F) || cp == 0x85) return true;
  if (cp < 0x80) return false;
  if (u_charType(cp) == U_SPACE_SEPARATOR) return true;
  UCharDirection d = u_charDirection(cp);
  return d == U_WHITE_SPACE_NEUTRAL || d == U_BLOCK_SEPARATOR || d == U_SEGMENT_SEPARATOR;
}

// Python's re \w on str: alphanumeric (letters, numbers) or underscore.
bool is_python_word_char(UChar32 cp) {
  return cp == '_' || (U_GET_GC_MASK(cp) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

}  // namespace

std::string utf8_replace_invalid(std::string_view bytes) {
  std::u16string u = to_utf16(bytes);
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < u.size();) {
    UChar32 cp;
    U16_NEXT(u.data(), i, u.size(), cp);
    append_utf8(out, cp);
  }
  return out;
}

std::vector<std::string> score_tokens(std::string_view utf8) {
  std::u16string text = lower(nfkc(to_utf16(utf8)));
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < text.size();) {
    UChar32 cp;
    U16_NEXT(text.data(), i, text.size(), cp);
    if (is_unspaced_cjk(cp)) {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
      std::string one;
      append_utf8(one, cp);
      out.push_back(std::move(one));
    } else if (is_letter_mark_number(cp)) {
      append_utf8(cur, cp);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string score_squash(std::string_view utf8) {
  std::u16string text = nfkc(to_utf16(utf8));
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < text.size();) {
    UChar32 cp;
    U16_NEXT(text.data(), i, text.size(), cp);
    if (is_python_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    append_utf8(out, cp);
  }
  return out;
}

std::vector<std::string> python_words(std::string_view utf8) {
  std::u16string text = to_utf16(utf8);
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < text.size();) {
    UChar32 cp;
    U16_NEXT(text.data(), i, text.size(), cp);
    if (is_python_word_char(cp)) {
      append_utf8(cur, cp);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace pith::detail
