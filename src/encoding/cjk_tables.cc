// The WHATWG indexes of the CJK encodings (gb18030, gb18030 ranges, big5, jis0208, jis0212, euc-kr), built
// once on first use by asking glibc's iconv for every pointer of the index: each pointer is turned back
// into the bytes the WHATWG decoder reads for it and converted on its own. The converter per index is the
// one whose mapping the standard follows, with the standard's departures applied on top:
//   euc-kr   <- CP949 (the standard's euc-kr is windows-949, UHC extensions included; no user-defined area)
//   jis0208  <- CP932 (the standard's index has the NEC row 13 and IBM extensions and the Microsoft
//               mappings of wave dash, double vertical line, minus, cent, pound, not; CP932 matches, while
//               glibc's SHIFT_JIS/EUC-JP map 0x5C to yen and 0x8160 to U+301C)
//   jis0212  <- EUC-JP (0x8F plane)
//   big5     <- CP950 from lead 0xA1 on, then BIG5-HKSCS (the standard's big5 is HKSCS-2008 with the
//               windows-950 mappings in the Big5 proper range; checked against the standard's index for
//               pointers 942-1469 and 5024-5305); the four pairs that decode to two code points are
//               handled by the decoder, not here
//   gb18030  <- GB18030 (two-byte pairs and the BMP part of the four-byte ranges)
// A private-use result is dropped where the standard has no entry (the user-defined areas of euc-kr,
// big5 and jis0208; the standard's gb18030 index does map its user-defined areas to private use, so
// there they are kept). The building is
// thread-safe (function-local statics). Covered by tests/encoding/cjk_test.cc.
#include "encoding/cjk_tables.h"

#include <iconv.h>

#include <vector>

namespace pith::detail {

namespace {

bool is_private_use(uint32_t cp) { return cp >= 0xE000 && cp <= 0xF8FF; }

// Converts `length` bytes on their own; the code point if they are exactly one character, else 0.
uint32_t convert_one(iconv_t cd, const uint8_t* bytes, size_t length) {
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  char in_buffer[4];
  for (size_t i = 0; i < length; ++i) in_buffer[i] = static_cast<char>(bytes[i]);
  char out_buffer[32];
  char* in = in_buffer;
  char* out = out_buffer;
  size_t in_left = length, out_left = sizeof(out_buffer);
  if (iconv(cd, &in, &in_left, &out, &out_left) == static_cast<size_t>(-1) || in_left != 0) return 0;
  if (iconv(cd, nullptr, nullptr, &out, &out_left) == static_cast<size_t>(-1)) return 0;
  if (sizeof(out_buffer) - out_left != 4) return 0;
  const auto* u = reinterpret_cast<const uint8_t*>(out_buffer);
  return static_cast<uint32_t>(u[0] | u[1] << 8 | u[2] << 16 | u[3] << 24);
}

// Fills index[pointer] for every pointer whose bytes `bytes_of(pointer, buffer)` writes (returning their
// length, 0 to skip), from `charset`; entries already set are kept.
template <typename BytesOf>
void fill_index(std::vector<uint32_t>& index, const char* charset, bool keep_private_use, BytesOf bytes_of) {
  iconv_t cd = iconv_open("UTF-32LE", charset);
  if (cd == reinterpret_cast<iconv_t>(-1)) return;  // the tests catch a missing converter
  uint8_t bytes[4];
  for (size_t pointer = 0; pointer < index.size(); ++pointer) {
    if (index[pointer] != 0) continue;
    size_t length = bytes_of(pointer, bytes);
    if (length == 0) continue;
    uint32_t cp = convert_one(cd, bytes, length);
    if (cp != 0 && (keep_private_use || !is_private_use(cp))) index[pointer] = cp;
  }
  iconv_close(cd);
}

std::vector<uint32_t> build_two_byte(size_t leads, size_t trails, uint8_t trail_low, uint8_t gap_low,
                                     uint8_t gap_skip, const char* charset, bool keep_private_use) {
  std::vector<uint32_t> index(leads * trails, 0);
  auto bytes_of = [&](size_t pointer, uint8_t* b) -> size_t {
    b[0] = static_cast<uint8_t>(0x81 + pointer / trails);
    size_t t = trail_low + pointer % trails;
    if (t >= gap_low) t += gap_skip;
    b[1] = static_cast<uint8_t>(t);
    return 2;
  };
  fill_index(index, charset, keep_private_use, bytes_of);
  return index;
}

}  // namespace

const uint32_t* gb18030_index() {
  // Trail bytes 0x40-0x7E, 0x80-0xFE: 190 per lead, 0x7F skipped.
  static const std::vector<uint32_t> index = build_two_byte(126, 190, 0x40, 0x7F, 1, "GB18030", true);
  return index.data();
}

const uint32_t* gb18030_ranges_bmp() {
  static const std::vector<uint32_t> index = [] {
    std::vector<uint32_t> ranges(kGb18030BmpPointers, 0);
    fill_index(ranges, "GB18030", true, [](size_t pointer, uint8_t* b) -> size_t {
      b[0] = static_cast<uint8_t>(0x81 + pointer / 12600);
      b[1] = static_cast<uint8_t>(0x30 + pointer / 1260 % 10);
      b[2] = static_cast<uint8_t>(0x81 + pointer / 10 % 126);
      b[3] = static_cast<uint8_t>(0x30 + pointer % 10);
      return 4;
    });
    ranges[7457] = 0xE7C7;  // the standard's one special case in "index gb18030 ranges code point"
    return ranges;
  }();
  return index.data();
}

const uint32_t* big5_index() {
  // Trail bytes 0x40-0x7E, 0xA1-0xFE: 157 per lead. From lead 0xA1 (pointer 5024) on, the standard's
  // index follows windows-950 where it and HKSCS disagree (0xA145 U+2027, 0xA14E U+FE51, 0xA1C2 U+00AF,
  // 0xA1E3 U+FF5E, 0xA241 U+2215, 0xA244 U+FFE5, 0xA246 U+FFE0, 0xA247 U+FFE1); below it is HKSCS only.
  static const std::vector<uint32_t> index = [] {
    std::vector<uint32_t> big5(126 * 157, 0);
    auto bytes_from = [](size_t first_pointer) {
      return [first_pointer](size_t pointer, uint8_t* b) -> size_t {
        if (pointer < first_pointer) return 0;
        b[0] = static_cast<uint8_t>(0x81 + pointer / 157);
        size_t t = 0x40 + pointer % 157;
        b[1] = static_cast<uint8_t>(t < 0x7F ? t : t + 0xA1 - 0x7F);
        return 2;
      };
    };
    fill_index(big5, "CP950", false, bytes_from(5024));
    fill_index(big5, "BIG5-HKSCS", false, bytes_from(0));
    return big5;
  }();
  return index.data();
}

const uint32_t* euc_kr_index() {
  // Trail bytes 0x41-0xFE: 190 per lead.
  static const std::vector<uint32_t> index = build_two_byte(126, 190, 0x41, 0xFF, 0, "CP949", false);
  return index.data();
}

const uint32_t* jis0208_index() {
  static const std::vector<uint32_t> index = [] {
    std::vector<uint32_t> jis(kJis0208Pointers, 0);
    fill_index(jis, "CP932", false, [](size_t pointer, uint8_t* b) -> size_t {
      size_t lead = pointer / 188, trail = pointer % 188;
      b[0] = static_cast<uint8_t>(lead < 0x1F ? 0x81 + lead : 0xC1 + lead);
      b[1] = static_cast<uint8_t>(trail < 0x3F ? 0x40 + trail : 0x41 + trail);
      return 2;
    });
    return jis;
  }();
  return index.data();
}

const uint32_t* jis0212_index() {
  static const std::vector<uint32_t> index = [] {
    std::vector<uint32_t> jis(94 * 94, 0);
    fill_index(jis, "EUC-JP", false, [](size_t pointer, uint8_t* b) -> size_t {
      b[0] = 0x8F;
      b[1] = static_cast<uint8_t>(0xA1 + pointer / 94);
      b[2] = static_cast<uint8_t>(0xA1 + pointer % 94);
      return 3;
    });
    return jis;
  }();
  return index.data();
}

}  // namespace pith::detail
