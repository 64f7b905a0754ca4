// UTF-8: validation in place and the WHATWG UTF-8 decoder for invalid input.
//
// Validation skips ASCII 16 bytes at a time (SSE2 sign-bit mask; a portable 8-byte word test elsewhere)
// and checks each multi-byte sequence against the Unicode well-formedness table (Unicode 15, table 3-7:
// no overlongs, no surrogates, nothing above U+10FFFF). Valid input is never copied. Invalid input is
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

}  // namespace pith::detail

namespace pith {

bool is_valid_utf8(std::string_view bytes) {
  return detail::valid_prefix_length(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()) ==
         bytes.size();
}

}  // namespace pith
