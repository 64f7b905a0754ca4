// Character encodings: which encoding a page's bytes are in, and those bytes as UTF-8.
//
// A page arrives as bytes. sniff_encoding() decides their encoding by the WHATWG HTML "determining the
// character encoding" algorithm (https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding):
// byte order mark, transport charset (HTTP Content-Type), the <meta> prescan of the first 1024 bytes,
// an XML declaration, then, for pages that declare nothing, a detector, and finally windows-1252. Labels
// map through the WHATWG Encoding Standard's label table. Beyond the standard, two pith rules apply unless
// SniffOptions::spec_only is set: a <meta> in the <head> past the first 1024 bytes still counts (real pages
// put long scripts before it), and the "declared but wrong" rule (see SniffOptions) replaces a declaration
// the bytes contradict. Decoder turns the bytes into UTF-8 with the standard's decoders: invalid sequences
// become U+FFFD, nothing is dropped, nothing fails. Valid UTF-8 is validated in place and not copied.
//
// Thread-safety: the free functions are thread-safe (the decoding tables are built once, on first use,
// under a static-initialisation guard). A Decoder is not thread-safe; use one per thread and reuse it.
// Lifetimes: the string_views returned by encoding_name() and encoding_source_name() are static. The view
// returned by Decoder::decode() points either into the input (valid UTF-8, nothing to change) or into the
// Decoder's own buffer; it is valid until the next decode() on the same Decoder and, in the first case, as
// long as the input lives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pith {

// The WHATWG encodings, in the order of tools/encoding_labels.txt (the generated tables rely on it).
enum class Encoding : uint8_t {
  kUtf8,
  kIbm866,
  kIso8859_2,
  kIso8859_3,
  kIso8859_4,
  kIso8859_5,
  kIso8859_6,
  kIso8859_7,
  kIso8859_8,
  kIso8859_8I,
  kIso8859_10,
  kIso8859_13,
  kIso8859_14,
  kIso8859_15,
  kIso8859_16,
  kKoi8R,
  kKoi8U,
  kMacintosh,
  kWindows874,
  kWindows1250,
  kWindows1251,
  kWindows1252,
  kWindows1253,
  kWindows1254,
  kWindows1255,
  kWindows1256,
  kWindows1257,
  kWindows1258,
  kXMacCyrillic,
  kGbk,
  kGb18030,
  kBig5,
  kEucJp,
  kIso2022Jp,
  kShiftJis,
  kEucKr,
  kReplacement,
  kUtf16Be,
  kUtf16Le,
  kXUserDefined,
};
inline constexpr size_t kEncodingCount = 40;

// Where the encoding came from.
enum class EncodingSource : uint8_t { kBom, kTransport, kMeta, kXml, kDetector, kDefault };

// The canonical WHATWG name in lower case ("utf-8", "windows-1252", "euc-kr", "gbk", "shift_jis", ...).
std::string_view encoding_name(Encoding encoding);
// "bom", "transport", "meta", "xml", "detector", "default".
std::string_view encoding_source_name(EncodingSource source);
// The WHATWG "get an encoding": ASCII whitespace trimmed, ASCII case-insensitive; nullopt for unknown labels.
std::optional<Encoding> encoding_from_label(std::string_view label);
// The charset parameter of a Content-Type value ("text/html; charset=EUC-KR" -> "EUC-KR"), unquoted;
// empty when there is none.
std::string_view charset_from_content_type(std::string_view content_type);

struct SniffOptions {
  // The transport's charset label (e.g. from charset_from_content_type of the HTTP header); empty if none.
  std::string_view transport_charset;
  // The WHATWG algorithm alone: prescan of `prescan_bytes` only, no detector, no declared-but-wrong rule.
  bool spec_only = false;
  // Pages that declare nothing go to the detector (otherwise straight to windows-1252).
  bool use_detector = true;
  // The "declared but wrong" rule. A declaration (transport, meta or XML, never a BOM) is replaced when
  // the bytes contradict it: (a) a declared single-byte encoding, but the bytes are valid UTF-8 holding
  // multi-byte sequences -> utf-8; (b) a declared utf-8 or legacy multi-byte encoding that gives at least
  // 4 errors and at least 1 error per 100 non-ASCII bytes, while the detector names another encoding that
  // gives less than 1 per 100 -> the detector's. Declared
  // single-byte encodings are never replaced by a multi-byte guess (Latin text often decodes "cleanly" as
  // GBK). The result's source is then kDetector and overridden_declaration says what was declared.
  bool fix_declared_but_wrong = true;
  // Bytes the <meta> prescan looks at (the standard's 1024).
  size_t prescan_bytes = 1024;
  // Without spec_only: the prescan goes on up to this many bytes while it is still in the <head>.
  size_t head_scan_bytes = 64 * 1024;
  // Bytes uchardet and the declared-but-wrong error counts look at, from shortly before the first
  // non-ASCII byte (the UTF-8 validity checks take the whole page: they run near memory speed).
  size_t detector_bytes = 256 * 1024;
};

struct SniffResult {
  Encoding encoding = Encoding::kWindows1252;
  EncodingSource source = EncodingSource::kDefault;
  size_t bom_length = 0;  // bytes of byte order mark at the start (the decoder skips them)
  // Set when the declared-but-wrong rule replaced a declaration: what was declared, and where.
  std::optional<Encoding> overridden_declaration;
  EncodingSource overridden_source = EncodingSource::kDefault;
};

[[nodiscard]] SniffResult sniff_encoding(std::string_view bytes, const SniffOptions& options = {});

// True if `bytes` is well-formed UTF-8 (no surrogates, no overlongs, nothing above U+10FFFF).
[[nodiscard]] bool is_valid_utf8(std::string_view bytes);

// Decodes whole documents to UTF-8. Reusable and not thread-safe. Its buffer is kept between documents
// and grows to 3 bytes per input byte (the worst case) of the largest non-UTF-8 document decoded so far;
// valid UTF-8 needs no buffer.
class Decoder {
 public:
  // Decodes `bytes` (a whole document, BOM included or not) from `encoding` to UTF-8. A leading BOM of
  // the given encoding is skipped, as the WHATWG "decode" does. Never fails: invalid input gives U+FFFD.
  std::string_view decode(std::string_view bytes, Encoding encoding);
  // U+FFFD produced for invalid input by the last decode().
  size_t replacements() const { return replacements_; }
  // Whether the last decode() returned a view into its input (valid UTF-8, no copy).
  bool borrowed_input() const { return borrowed_; }

 private:
  std::string buffer_;
  size_t replacements_ = 0;
  bool borrowed_ = false;
};

// Repairs UTF-8 that was decoded once too often: text whose UTF-8 bytes were read as windows-1252 (or
// Latin-1) and encoded again, so "doesn’t" reads "doesnâ€™t" and "é" reads "Ã©". A run is repaired only
// when the misread characters map back to one complete, valid UTF-8 sequence (a lead byte C2-F4 and its
// continuation bytes), which ordinary text in any language practically never contains. `in` must be
// valid UTF-8 (a Decoder's output). Returns the number of sequences repaired; `out` is written only
// when that is > 0 (then it holds the whole repaired text). Covered by tests/encoding/mojibake_test.cc.
size_t repair_double_encoding(std::string_view in, std::string& out);

}  // namespace pith
