// Internals of the encoding stage shared between its files (namespace pith::detail).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "pith/encoding.h"

namespace pith::detail {

inline bool is_ascii_whitespace(uint8_t b) {
  return b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == 0x20;
}

inline constexpr uint32_t kReplacementCharacter = 0xFFFD;

// Where the decoders write UTF-8. The caller provides room for 3 bytes per input byte plus 16: no input
// byte turns into more than three output bytes (a lone byte into U+FFFD or U+20AC), and the end of the
// input adds at most two U+FFFD. Writing through a raw pointer is what makes the decoders fast.
struct Utf8Writer {
  char* p;
  size_t errors = 0;

  void emit(uint32_t cp) {
    if (cp < 0x80) {
      *p++ = static_cast<char>(cp);
    } else if (cp < 0x800) {
      p[0] = static_cast<char>(0xC0 | (cp >> 6));
      p[1] = static_cast<char>(0x80 | (cp & 0x3F));
      p += 2;
    } else if (cp < 0x10000) {
      p[0] = static_cast<char>(0xE0 | (cp >> 12));
      p[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      p[2] = static_cast<char>(0x80 | (cp & 0x3F));
      p += 3;
    } else {
      p[0] = static_cast<char>(0xF0 | (cp >> 18));
      p[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      p[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      p[3] = static_cast<char>(0x80 | (cp & 0x3F));
      p += 4;
    }
  }
  void error() {
    emit(kReplacementCharacter);
    ++errors;
  }
  void append(const void* bytes, size_t n) {
    std::memcpy(p, bytes, n);
    p += n;
  }
};

inline constexpr size_t output_capacity(size_t input_size) { return input_size * 3 + 16; }

// Length of the leading run of ASCII bytes (SIMD where available).
size_t ascii_prefix_length(const uint8_t* data, size_t size);

// The decoders below write UTF-8 (see Utf8Writer for the room they need) and count U+FFFD produced for
// invalid input in writer.errors. None of them looks at a BOM; Decoder::decode strips it first.
void decode_utf8_replacing(std::string_view bytes, Utf8Writer& out);
void decode_utf16(std::string_view bytes, bool big_endian, Utf8Writer& out);
void decode_single_byte(std::string_view bytes, Encoding encoding, Utf8Writer& out);
void decode_gb18030(std::string_view bytes, Utf8Writer& out);
void decode_big5(std::string_view bytes, Utf8Writer& out);
void decode_euc_jp(std::string_view bytes, Utf8Writer& out);
void decode_iso_2022_jp(std::string_view bytes, Utf8Writer& out);
void decode_shift_jis(std::string_view bytes, Utf8Writer& out);
void decode_euc_kr(std::string_view bytes, Utf8Writer& out);

// Whether `encoding` maps each byte to one code point (the single-byte encodings and x-user-defined).
bool is_single_byte(Encoding encoding);

// The <meta> prescan (WHATWG "prescan a byte stream to determine its encoding") over bytes[0, limit);
// with head_limit > limit it goes on to head_limit while only <head> content has been seen.
std::optional<Encoding> prescan_for_meta(std::string_view bytes, size_t limit, size_t head_limit);
// The encoding named by an XML declaration at the start of `bytes`, or a UTF-16 "<?x" without BOM.
std::optional<Encoding> xml_declaration_encoding(std::string_view bytes);

// The detector for pages that declare nothing: utf-8 for valid UTF-8 with multi-byte sequences, else
// the engine's guess (uchardet) over detector_window(bytes, window_bytes); nullopt when it has no
// evidence (e.g. all ASCII).
std::optional<Encoding> detect_encoding(std::string_view bytes, size_t window_bytes);
// At most `limit` bytes for the detector and the declared-but-wrong checks: from shortly before the first
// non-ASCII byte (pages often open with kilobytes of ASCII markup), cut after an ASCII byte so that a
// multi-byte sequence cut by the limit does not count as an error.
std::string_view detector_window(std::string_view bytes, size_t limit);

// Invalid sequences met decoding `bytes` as `encoding`, and the non-ASCII sequences seen, for the
// declared-but-wrong rule.
struct DecodeErrorCount {
  size_t errors = 0;
  size_t non_ascii = 0;
};
DecodeErrorCount count_decode_errors(std::string_view bytes, Encoding encoding);

}  // namespace pith::detail
