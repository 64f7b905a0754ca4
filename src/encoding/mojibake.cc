// Repair of double-encoded UTF-8 ("mojibake"): a page whose UTF-8 text went once through a
// windows-1252 decoder and was encoded to UTF-8 again. Each misread character stands for one byte:
// U+00A0-U+00FF and the C1 controls U+0080-U+009F for themselves, the windows-1252 specials (€ ‚ ƒ „ …
// ™ and the rest of the 0x80-0x9F row) for their bytes. A misread lead byte (U+00C2-U+00F4) followed by
// exactly the continuation bytes it needs (0x80-0xBF, with UTF-8's own limits after E0, ED, F0 and F4)
// is replaced by the character those bytes encode. Anything else is copied as it is. Text that was
// never double-encoded can hold such a pair by chance, mostly as a Latin letter before punctuation
// ("Gruß…" is ß + the byte of "…"), so text is repaired only when two sequences are more than that. One pass repairs one level. Linear, no allocation unless
// a repair is made. Covered by tests/encoding/mojibake_test.cc and the fuzz_encoding target.
#include <cstdint>

#include "base/utf8.h"
#include "pith/encoding.h"

namespace pith {
namespace {

// The byte a character stood for when windows-1252 read it, or -1 when it cannot be a misread
// continuation or lead byte (ASCII, or a character outside the windows-1252 repertoire).
int misread_byte(char32_t cp) {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  switch (cp) {
    case 0x20AC: return 0x80; case 0x201A: return 0x82; case 0x0192: return 0x83; case 0x201E: return 0x84;
    case 0x2026: return 0x85; case 0x2020: return 0x86; case 0x2021: return 0x87; case 0x02C6: return 0x88;
    case 0x2030: return 0x89; case 0x0160: return 0x8A; case 0x2039: return 0x8B; case 0x0152: return 0x8C;
    case 0x017D: return 0x8E; case 0x2018: return 0x91; case 0x2019: return 0x92; case 0x201C: return 0x93;
    case 0x201D: return 0x94; case 0x2022: return 0x95; case 0x2013: return 0x96; case 0x2014: return 0x97;
    case 0x02DC: return 0x98; case 0x2122: return 0x99; case 0x0161: return 0x9A; case 0x203A: return 0x9B;
    case 0x0153: return 0x9C; case 0x017E: return 0x9E; case 0x0178: return 0x9F;
    default: return -1;
  }
}

// Characters that follow a real Latin letter in ordinary text ("Gruß…", "„HÖ“", "Straß\u00A0", a soft
// hyphen, "NESTLÉ®"): a sequence whose first continuation is one of them is weak evidence.
bool common_after_letter(char32_t cp) {
  switch (cp) {
    case 0x2026: case 0x2018: case 0x2019: case 0x201C: case 0x201D: case 0x2022: case 0x2013: case 0x2014:
    case 0x00AB: case 0x00BB: case 0x00A0: case 0x00B7: case 0x00AD: case 0x00AE: case 0x2122:
      return true;
    default:
      return false;
  }
}

// At s[i], a misread lead byte (U+00C2-U+00F4) and its continuation bytes: the repaired character and
// the input length it replaces, or 0 when the run is not one complete sequence. `strong` tells whether
// the sequence is evidence of double encoding: its first continuation is not a character that ordinarily
// follows a letter ("déterminé”" + no-break space pairs up as a three-byte sequence, "NESCAFÉ®" as two).
size_t misread_sequence(std::string_view s, size_t i, char32_t& repaired, bool& strong) {
  char32_t lead_cp;
  size_t at = i + detail::decode_utf8(s, i, lead_cp);
  if (lead_cp < 0xC2 || lead_cp > 0xF4) return 0;
  auto lead = static_cast<unsigned>(lead_cp);
  size_t need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
  // UTF-8's limits on the first continuation byte: no overlongs, surrogates or values past U+10FFFF.
  unsigned lo = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
  unsigned hi = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
  char32_t cp = lead & (0x7F >> (need + 1));
  for (size_t k = 0; k < need; ++k) {
    if (at >= s.size()) return 0;
    char32_t c;
    size_t len = detail::decode_utf8(s, at, c);
    int byte = misread_byte(c);
    if (byte < 0x80 || byte > 0xBF) return 0;
    if (k == 0 && (static_cast<unsigned>(byte) < lo || static_cast<unsigned>(byte) > hi)) return 0;
    cp = (cp << 6) | (static_cast<unsigned>(byte) & 0x3F);
    at += len;
    if (k == 0) strong = !common_after_letter(c);
  }
  repaired = cp;
  return at - i;
}

}  // namespace

size_t repair_double_encoding(std::string_view in, std::string& out) {
  // A misread lead byte U+00C2-U+00F4 is encoded C3 82-C3 B4. Nothing is repaired unless two sequences
  // are strong evidence (one can be chance, in an attribute or obfuscated text); then all are repaired.
  constexpr int kMinStrong = 2;
  size_t first = std::string_view::npos;
  int strong_seen = 0;
  char32_t repaired = 0;
  for (size_t i = in.find('\xC3'); i != std::string_view::npos && strong_seen < kMinStrong;
       i = in.find('\xC3', i + 1)) {
    bool strong = false;
    if (misread_sequence(in, i, repaired, strong) > 0) {
      if (first == std::string_view::npos) first = i;
      strong_seen += strong;
    }
  }
  if (strong_seen < kMinStrong) return 0;
  out.clear();
  out.reserve(in.size());
  out.append(in.substr(0, first));
  size_t count = 0;
  for (size_t i = first; i < in.size();) {
    bool strong = false;
    if (static_cast<unsigned char>(in[i]) == 0xC3) {
      if (size_t len = misread_sequence(in, i, repaired, strong)) {
        detail::append_utf8(out, repaired);
        ++count;
        i += len;
        continue;
      }
    }
    // Copy up to the next candidate lead in one piece.
    size_t next = in.find('\xC3', i + 1);
    if (next == std::string_view::npos) next = in.size();
    out.append(in.substr(i, next - i));
    i = next;
  }
  return count;
}

}  // namespace pith
