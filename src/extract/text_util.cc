// Text counting and white-space collapsing for the extractor (class/id hints are in class_hints.cc).
// Both walk ASCII 16 bytes at a time with SSE2 (class masks summed per lane; visible runs, single spaces
// between words and white-space runs found by masks) and decode anything else one code point at a time;
// without SSE2 the byte loops do all of it. The results equal a one-code-point reading of the contracts in
// text_util.h, which tests/extract/text_util_test.cc checks on generated text; extract_test.cc covers use.
#include "extract/text_util.h"

#include "base/ascii.h"

#include <array>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pith::detail {

bool is_unspaced_cjk(char32_t o) {
  return (0x3040 <= o && o <= 0x30FF) || (0x3400 <= o && o <= 0x4DBF) || (0x4E00 <= o && o <= 0x9FFF) ||
         (0xF900 <= o && o <= 0xFAFF) || (0x20000 <= o && o <= 0x2FA1F) || (0x31F0 <= o && o <= 0x31FF) ||
         (0xFF66 <= o && o <= 0xFF9D);
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0 || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0xFEFF;
}

namespace {

// ASCII classes for count_text's fast path.
enum AsciiClass : uint8_t { kAsciiWord, kAsciiSpace, kAsciiComma, kAsciiStop };
constexpr std::array<uint8_t, 128> kAsciiClasses = [] {
  std::array<uint8_t, 128> t{};
  for (char c : {' ', '\t', '\n', '\r', '\f'}) t[static_cast<unsigned char>(c)] = kAsciiSpace;
  t[','] = t[';'] = kAsciiComma;
  t['.'] = t['!'] = t['?'] = kAsciiStop;
  return t;
}();

#if defined(__SSE2__)
// 0xFF in each lane of the 16 bytes at `v` that holds ASCII white space (space, tab, LF, CR, FF).
inline __m128i ascii_space(__m128i v) {
  __m128i sp = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
                            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
  return _mm_or_si128(sp, _mm_cmpeq_epi8(v, _mm_set1_epi8('\f')));
}
inline unsigned ascii_space_mask(__m128i v) { return static_cast<unsigned>(_mm_movemask_epi8(ascii_space(v))); }
#endif

// The one space a run of white space collapses to, written before the next visible character (not at a
// line start or after a space already written).
inline void put_pending_space(std::string& out, bool& pending_space) {
  if (pending_space && !out.empty() && out.back() != '\n' && out.back() != ' ') out.push_back(' ');
  pending_space = false;
}

}  // namespace

TextCounts count_text(std::string_view s) {
  TextCounts c;
  bool in_word = false;
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
#if defined(__SSE2__)
    // Sixteen ASCII bytes at a time, by byte masks summed lane by lane (no popcount instruction in
    // baseline x86-64): white space, commas, stops, and word starts (word bytes whose predecessor, the
    // previous lane or in_word for the first, is not a word byte). Lanes are folded before they can wrap.
    if (s.size() - i >= 16) {
      const __m128i zero = _mm_setzero_si128();
      __m128i spaces = zero, commas = zero, stops = zero, starts = zero;
      __m128i carry = in_word ? _mm_cvtsi32_si128(0xFF) : zero;  // lane 0: the byte before was a word byte
      uint32_t lane_blocks = 0;  // blocks summed into the lanes since the last fold
      auto fold = [&] {
        auto sum = [&](__m128i acc) {
          __m128i s2 = _mm_sad_epu8(acc, zero);
          return static_cast<uint32_t>(_mm_cvtsi128_si32(s2) + _mm_cvtsi128_si32(_mm_srli_si128(s2, 8)));
        };
        c.chars += 16 * lane_blocks - sum(spaces), c.commas += sum(commas), c.stops += sum(stops), c.words += sum(starts);
        spaces = commas = stops = starts = zero;
        lane_blocks = 0;
      };
      while (s.size() - i >= 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
        if (_mm_movemask_epi8(v)) break;  // a non-ASCII byte: the scalar path decodes it
        __m128i sp = ascii_space(v);
        __m128i cm = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8(';')));
        __m128i st = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8('!'))),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('?')));
        __m128i word = _mm_andnot_si128(_mm_or_si128(sp, _mm_or_si128(cm, st)), _mm_set1_epi8(-1));
        __m128i before = _mm_or_si128(_mm_slli_si128(word, 1), carry);
        carry = _mm_srli_si128(word, 15);
        // Masks are 0xFF (-1) per hit: subtracting adds one per lane.
        spaces = _mm_sub_epi8(spaces, sp);
        commas = _mm_sub_epi8(commas, cm);
        stops = _mm_sub_epi8(stops, st);
        starts = _mm_sub_epi8(starts, _mm_andnot_si128(before, word));
        if (++lane_blocks == 255) fold();
        i += 16;
      }
      fold();
      in_word = _mm_cvtsi128_si32(carry) != 0;
    }
    if (i >= s.size()) break;
#endif
    if (bytes[i] < 0x80) {
      // The common case, a run of ASCII, counted without decoding or branching on the class.
      uint32_t chars = 0, commas = 0, stops = 0, words = 0;
      do {
        uint8_t cls = kAsciiClasses[bytes[i]];
        bool word = cls == kAsciiWord;
        chars += cls != kAsciiSpace;
        commas += cls == kAsciiComma;
        stops += cls == kAsciiStop;
        words += word && !in_word;
        in_word = word;
        ++i;
      } while (i < s.size() && bytes[i] < 0x80 && (i & 15) != 0);  // back to the wide loop now and then
      c.chars += chars, c.commas += commas, c.stops += stops, c.words += words;
      continue;
    }
    char32_t cp;
    i += decode_utf8(s, i, cp);
    if (is_space(cp)) {
      in_word = false;
      continue;
    }
    if (is_unspaced_cjk(cp)) {
      c.chars += kCjkWeight;
      ++c.cjk;
      ++c.words;
      in_word = false;
      continue;
    }
    ++c.chars;
    switch (cp) {
      case 0xFF0C: case 0x3001: case 0x060C: case 0xFF1B:
        ++c.commas;
        break;
      case 0x3002: case 0xFF01: case 0xFF1F: case 0x0964:
        ++c.stops;
        break;
      default:
        if (!in_word) ++c.words;
        in_word = true;
        continue;
    }
    in_word = false;
  }
  return c;
}

void append_collapsed(std::string& out, std::string_view text, bool& pending_space) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    if (bytes[i] < 0x80) {
      if (kAsciiClasses[bytes[i]] == kAsciiSpace) {
        pending_space = true;
        ++i;
#if defined(__SSE2__)
        // Indentation between tags comes in long runs: skip them 16 bytes at a time.
        while (text.size() - i >= 16) {
          unsigned space = ascii_space_mask(_mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i)));
          if (space != 0xFFFFu) {
            i += static_cast<size_t>(__builtin_ctz(~space));
            break;
          }
          i += 16;
        }
#endif
        continue;
      }
      // A run of visible ASCII is copied whole, single spaces between words included: collapsing would
      // write each of them back as it is (the byte before is visible, the one after too).
      size_t end = i + 1;
      auto visible = [&](size_t at) { return bytes[at] < 0x80 && kAsciiClasses[bytes[at]] != kAsciiSpace; };
#if defined(__SSE2__)
      while (text.size() - end >= 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + end));
        unsigned breaks = ascii_space_mask(v) | static_cast<unsigned>(_mm_movemask_epi8(v));
        unsigned lone_spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' ')))) &
                               ~(breaks >> 1) & 0x7FFFu;  // a space at lane 15 is left to the scalar path
        unsigned stops_run = breaks & ~lone_spaces;
        if (stops_run) {
          end += static_cast<size_t>(__builtin_ctz(stops_run));
          break;
        }
        end += 16;
      }
#endif
      while (end < text.size()) {
        if (visible(end)) {
          ++end;
        } else if (bytes[end] == ' ' && end + 1 < text.size() && visible(end + 1)) {
          end += 2;
        } else {
          break;
        }
      }
      put_pending_space(out, pending_space);
      out.append(text.data() + i, end - i);
      i = end;
      continue;
    }
    i += append_collapsed_code_point(out, text, i, pending_space);
  }
}

size_t append_collapsed_code_point(std::string& out, std::string_view text, size_t i, bool& pending_space) {
  char32_t cp;
  size_t len = decode_utf8(text, i, cp);
  if (cp == 0xFEFF || cp == 0x200B || cp == 0x00AD || cp == 0x2060) {
    // invisible: BOM, zero-width space, soft hyphen (a line-break hint inside a word), word joiner
  } else if (is_space(cp)) {
    pending_space = true;
  } else {
    put_pending_space(out, pending_space);
    out.append(text.substr(i, len));
  }
  return len;
}

namespace {
// Trimmed at a block's or line's edges besides white space: zero-width (non-)joiners join or separate
// only between characters, and a line of nothing else (&zwj; in an empty paragraph) would print as a
// blank line.
bool is_edge_invisible(char32_t cp) { return is_space(cp) || cp == 0x200C || cp == 0x200D; }
}  // namespace

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e) {
    char32_t cp;
    size_t len = decode_utf8(s, b, cp);
    if (!is_edge_invisible(cp)) break;
    b += len;
  }
  while (e > b) {
    size_t start = e - 1;
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    char32_t cp;
    decode_utf8(s, start, cp);
    if (!is_edge_invisible(cp)) break;
    e = start;
  }
  return s.substr(b, e - b);
}

bool style_hides(std::string_view style) {
  std::string compact;
  for (char c : style) {
    if (c == ' ' || c == '\t' || c == '\n') continue;
    compact.push_back(ascii_lower(c));
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

bool is_heading(const Node* n) {
  return n->is(Tag::kH1) || n->is(Tag::kH2) || n->is(Tag::kH3) || n->is(Tag::kH4) || n->is(Tag::kH5) ||
         n->is(Tag::kH6);
}

bool is_block_level(const Node* n) {
  if (!n->is_element() || n->ns != Namespace::kHtml) return false;
  switch (n->tag) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside: case Tag::kBlockquote: case Tag::kBody:
    case Tag::kCaption: case Tag::kCenter: case Tag::kDd: case Tag::kDetails: case Tag::kDialog:
    case Tag::kDir: case Tag::kDiv: case Tag::kDl: case Tag::kDt: case Tag::kFieldset:
    case Tag::kFigcaption: case Tag::kFigure: case Tag::kFooter: case Tag::kForm: case Tag::kH1:
    case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kHeader:
    case Tag::kHgroup: case Tag::kHr: case Tag::kLi: case Tag::kListing: case Tag::kMain: case Tag::kMenu:
    case Tag::kNav: case Tag::kOl: case Tag::kP: case Tag::kPre: case Tag::kSection: case Tag::kSummary:
    case Tag::kTable: case Tag::kTbody: case Tag::kTd: case Tag::kTfoot: case Tag::kTh: case Tag::kThead:
    case Tag::kTr: case Tag::kUl: case Tag::kXmp: case Tag::kPlaintext: case Tag::kHtml:
      return true;
    default:
      return false;
  }
}

}  // namespace pith::detail
