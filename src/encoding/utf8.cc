// UTF-8: validation in place and the WHATWG UTF-8 decoder for invalid input.
//
// is_valid_utf8 checks 16 bytes at a time with SSE2 (SimdValidator below; a scalar loop elsewhere)
// against the Unicode well-formedness table (Unicode 15, table 3-7: no overlongs, no surrogates, nothing
// above U+10FFFF). The scalar walk (ASCII skipped 16 bytes at a time, each multi-byte sequence checked)
// finds where invalid input goes wrong. Valid input is never copied. Invalid input is
// decoded by copying its valid runs and replacing each "maximal subpart" of an ill-formed sequence by
// one U+FFFD, which is what the WHATWG UTF-8 decoder does. Covered by tests/encoding/utf8_test.cc and
// bench/encoding_bench.cc (throughput against iconv).
#include <cstring>

#include "encoding/encoding_internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pith::detail {

namespace {

bool is_continuation(uint8_t b) { return (b & 0xC0) == 0x80; }

// Length of the well-formed sequence starting with lead byte `data[0]` (>= 0x80), or 0 if it is not
// well-formed (or is cut by the end of the input).
size_t sequence_length(const uint8_t* data, size_t available) {
  uint8_t lead = data[0];
  if (lead < 0xC2) return 0;
  if (lead < 0xE0) return (available >= 2 && is_continuation(data[1])) ? 2 : 0;
  if (lead < 0xF0) {
    if (available < 3) return 0;
    uint8_t lower = lead == 0xE0 ? 0xA0 : 0x80;
    uint8_t upper = lead == 0xED ? 0x9F : 0xBF;
    return (data[1] >= lower && data[1] <= upper && is_continuation(data[2])) ? 3 : 0;
  }
  if (lead < 0xF5) {
    if (available < 4) return 0;
    uint8_t lower = lead == 0xF0 ? 0x90 : 0x80;
    uint8_t upper = lead == 0xF4 ? 0x8F : 0xBF;
    return (data[1] >= lower && data[1] <= upper && is_continuation(data[2]) && is_continuation(data[3]))
               ? 4
               : 0;
  }
  return 0;
}

// Length of the longest prefix of complete, well-formed characters.
size_t valid_prefix_length(const uint8_t* data, size_t size) {
  size_t i = 0;
  while (i < size) {
    i += ascii_prefix_length(data + i, size - i);
    // Multi-byte text (CJK, Cyrillic) comes in runs; stay in the scalar loop while it lasts.
    while (i < size && data[i] >= 0x80) {
      size_t length = sequence_length(data + i, size - i);
      if (length == 0) return i;
      i += length;
    }
  }
  return i;
}

// The bytes one U+FFFD stands for at an ill-formed sequence: the lead byte and the continuation bytes
// that still fitted (the "maximal subpart").
size_t maximal_subpart_length(const uint8_t* data, size_t available) {
  uint8_t lead = data[0];
  size_t needed;
  uint8_t lower = 0x80, upper = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    if (lead == 0xE0) lower = 0xA0;
    if (lead == 0xED) upper = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    if (lead == 0xF0) lower = 0x90;
    if (lead == 0xF4) upper = 0x8F;
  } else {
    return 1;
  }
  size_t seen = 0;
  while (seen < needed && 1 + seen < available) {
    uint8_t b = data[1 + seen];
    if (b < lower || b > upper) break;
    lower = 0x80;
    upper = 0xBF;
    ++seen;
  }
  return 1 + seen;
}

}  // namespace

size_t ascii_prefix_length(const uint8_t* data, size_t size) {
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 32 <= size; i += 32) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 16));
    int mask = _mm_movemask_epi8(_mm_or_si128(a, b));
    if (mask != 0) break;
  }
  for (; i + 16 <= size; i += 16) {
    int mask = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i)));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#else
  for (; i + 8 <= size; i += 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    if (word & 0x8080808080808080ull) break;
  }
#endif
  while (i < size && data[i] < 0x80) ++i;
  return i;
}

void decode_utf8_replacing(std::string_view bytes, Utf8Writer& out) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  size_t size = bytes.size();
  size_t i = 0;
  while (i < size) {
    size_t valid = valid_prefix_length(data + i, size - i);
    out.append(data + i, valid);
    i += valid;
    if (i >= size) break;
    i += maximal_subpart_length(data + i, size - i);
    out.error();
  }
}

#if defined(__SSE2__)
namespace {

// Validation 16 bytes at a time with SSE2 byte compares (bytes read as signed: 0x80..0xBF are -128..-65).
// Each lead byte says how many of the next bytes must be continuation bytes; the bytes that must be and
// the bytes that are continuation bytes have to coincide, across block boundaries too (the needs of the
// previous block's last three bytes are shifted in). C0, C1 and F5..FF never occur; the second byte after
// E0, ED, F0, F4 has the narrower ranges of the well-formedness table. A zero block after the input
// catches a sequence cut by the end.
class SimdValidator {
 public:
  void block(__m128i bytes) {
    if (_mm_movemask_epi8(bytes) == 0) {
      errors_ = _mm_or_si128(errors_, pending_needs());
      need1_ = need2_ = need3_ = _mm_setzero_si128();
      previous_ = bytes;
      return;
    }
    __m128i lead2 = in_range(bytes, -64, -33);  // C0..DF
    __m128i lead3 = in_range(bytes, -32, -17);  // E0..EF
    __m128i lead4 = in_range(bytes, -16, -12);  // F0..F4
    __m128i need1 = _mm_or_si128(_mm_or_si128(lead2, lead3), lead4);
    __m128i need2 = _mm_or_si128(lead3, lead4);
    __m128i expected = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(_mm_slli_si128(need1, 1), _mm_srli_si128(need1_, 15)),
                     _mm_or_si128(_mm_slli_si128(need2, 2), _mm_srli_si128(need2_, 14))),
        _mm_or_si128(_mm_slli_si128(lead4, 3), _mm_srli_si128(need3_, 13)));
    __m128i continuation = _mm_cmplt_epi8(bytes, _mm_set1_epi8(-64));
    __m128i never = _mm_or_si128(in_range(bytes, -64, -63), in_range(bytes, -11, -1));  // C0 C1 F5..FF
    __m128i before = _mm_or_si128(_mm_slli_si128(bytes, 1), _mm_srli_si128(previous_, 15));
    __m128i narrow = _mm_or_si128(
        _mm_or_si128(after(before, -32, _mm_cmplt_epi8(bytes, _mm_set1_epi8(-96))),     // E0: A0..BF
                     after(before, -19, _mm_cmpgt_epi8(bytes, _mm_set1_epi8(-97)))),    // ED: 80..9F
        _mm_or_si128(after(before, -16, _mm_cmplt_epi8(bytes, _mm_set1_epi8(-112))),    // F0: 90..BF
                     after(before, -12, _mm_cmpgt_epi8(bytes, _mm_set1_epi8(-113)))));  // F4: 80..8F
    errors_ = _mm_or_si128(errors_, _mm_or_si128(_mm_xor_si128(expected, continuation), _mm_or_si128(never, narrow)));
    need1_ = need1;
    need2_ = need2;
    need3_ = lead4;
    previous_ = bytes;
  }
  bool valid() const { return _mm_movemask_epi8(errors_) == 0; }
  // An ASCII run needs no work once the previous block left no sequence open.
  bool skip_if_ascii(__m128i any_bytes_or) {
    if (_mm_movemask_epi8(any_bytes_or) != 0 || _mm_movemask_epi8(pending_needs()) != 0) return false;
    need1_ = need2_ = need3_ = previous_ = _mm_setzero_si128();
    return true;
  }
  bool finish() {
    block(_mm_setzero_si128());
    return valid();
  }

 private:
  static __m128i in_range(__m128i v, int8_t low, int8_t high) {
    return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(low - 1))),
                         _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(high + 1))));
  }
  static __m128i after(__m128i before, int8_t lead, __m128i condition) {
    return _mm_and_si128(_mm_cmpeq_epi8(before, _mm_set1_epi8(lead)), condition);
  }
  __m128i pending_needs() const {
    return _mm_or_si128(_mm_or_si128(_mm_srli_si128(need1_, 15), _mm_srli_si128(need2_, 14)),
                        _mm_srli_si128(need3_, 13));
  }

  __m128i errors_ = _mm_setzero_si128();
  __m128i need1_ = _mm_setzero_si128(), need2_ = _mm_setzero_si128(), need3_ = _mm_setzero_si128();
  __m128i previous_ = _mm_setzero_si128();
};

}  // namespace
#endif

}  // namespace pith::detail

namespace pith {

bool is_valid_utf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
#if defined(__SSE2__)
  detail::SimdValidator validator;
  size_t i = 0;
  for (; i + 64 <= bytes.size(); i += 64) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 16));
    __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 32));
    __m128i d = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 48));
    if (validator.skip_if_ascii(_mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)))) continue;
    validator.block(a);
    validator.block(b);
    validator.block(c);
    validator.block(d);
    if (!validator.valid()) return false;  // checked per 64 bytes: invalid pages stop early
  }
  for (; i + 16 <= bytes.size(); i += 16) validator.block(_mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i)));
  if (i < bytes.size()) {
    alignas(16) uint8_t tail[16] = {};
    std::memcpy(tail, data + i, bytes.size() - i);
    validator.block(_mm_load_si128(reinterpret_cast<const __m128i*>(tail)));
  }
  return validator.finish();
#else
  return detail::valid_prefix_length(data, bytes.size()) == bytes.size();
#endif
}

}  // namespace pith
