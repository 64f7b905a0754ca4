// sniff_encoding: the WHATWG HTML "determining the character encoding" cascade
// (https://html.spec.whatwg.org/multipage/parsing.html#determining-the-character-encoding): BOM, transport
// charset, <meta> prescan, XML declaration, then (pith) the detector, then windows-1252. With spec_only the
// prescan sees the first prescan_bytes only and neither the detector nor the declared-but-wrong rule runs,
// which is what `pith encoding --spec` and the html5lib encoding tests check. The rule itself is defined on
// SniffOptions::fix_declared_but_wrong. Covered by tests/encoding/sniff_test.cc, html5lib_encoding_test.cc
// and dataset_test.cc.
#include "encoding/encoding_internal.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pith::detail {

namespace {

// Bytes >= 0x80; with SSE2 sixteen at a time, summed per lane (at most 255 blocks between folds).
size_t count_non_ascii(std::string_view bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  size_t count = 0, i = 0;
#if defined(__SSE2__)
  const __m128i zero = _mm_setzero_si128();
  while (bytes.size() - i >= 16) {
    __m128i lanes = zero;
    for (size_t blocks = 0; blocks < 255 && bytes.size() - i >= 16; ++blocks, i += 16) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(v, zero));  // signed: a byte >= 0x80 is negative, -1 per hit
    }
    __m128i sums = _mm_sad_epu8(lanes, zero);
    count += static_cast<size_t>(_mm_cvtsi128_si32(sums)) + static_cast<size_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  }
#endif
  for (; i < bytes.size(); ++i) count += data[i] >= 0x80;
  return count;
}

}  // namespace

DecodeErrorCount count_decode_errors(std::string_view bytes, Encoding encoding) {
  DecodeErrorCount count;
  count.non_ascii = count_non_ascii(bytes);
  if (encoding == Encoding::kUtf8 && is_valid_utf8(bytes)) return count;
  Decoder decoder;
  (void)decoder.decode(bytes, encoding);
  count.errors = decoder.replacements();
  return count;
}

namespace {

bool same_decoder(Encoding a, Encoding b) {
  auto canonical = [](Encoding e) { return e == Encoding::kGb18030 ? Encoding::kGbk : e; };
  return canonical(a) == canonical(b);
}

// Errors in at least 1 of 100 non-ASCII bytes (and at least 4): the declaration does not fit the bytes.
bool fails_validation(const DecodeErrorCount& count) {
  return count.errors >= 4 && count.errors * 100 >= count.non_ascii;
}

// The declared-but-wrong rule (see SniffOptions::fix_declared_but_wrong); the replacement or nullopt.
std::optional<Encoding> correct_declaration(std::string_view bytes, Encoding declared, size_t window_size) {
  if (is_single_byte(declared)) {
    // The whole page: validation is cheap, and the first non-ASCII byte may come late.
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    bool has_non_ascii = ascii_prefix_length(data, bytes.size()) < bytes.size();
    if (has_non_ascii && is_valid_utf8(bytes)) return Encoding::kUtf8;
    return std::nullopt;
  }
  std::string_view window = detector_window(bytes, window_size);
  bool multi_byte = declared == Encoding::kUtf8 || declared == Encoding::kGbk || declared == Encoding::kGb18030 ||
                    declared == Encoding::kBig5 || declared == Encoding::kEucJp || declared == Encoding::kShiftJis ||
                    declared == Encoding::kEucKr || declared == Encoding::kIso2022Jp;
  if (!multi_byte) return std::nullopt;
  DecodeErrorCount declared_count = count_decode_errors(window, declared);
  if (!fails_validation(declared_count)) return std::nullopt;
  auto candidate = detect_encoding(bytes, window_size);
  if (!candidate || same_decoder(*candidate, declared)) return std::nullopt;
  DecodeErrorCount candidate_count = count_decode_errors(window, *candidate);
  if (candidate_count.errors * 100 >= candidate_count.non_ascii + 1) return std::nullopt;
  return candidate;
}

}  // namespace

}  // namespace pith::detail

namespace pith {

SniffResult sniff_encoding(std::string_view bytes, const SniffOptions& options) {
  using namespace detail;
  SniffResult result;
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    result.encoding = Encoding::kUtf8;
    result.source = EncodingSource::kBom;
    result.bom_length = 3;
    return result;
  }
  if (bytes.starts_with("\xFE\xFF") || bytes.starts_with("\xFF\xFE")) {
    result.encoding = bytes[0] == '\xFE' ? Encoding::kUtf16Be : Encoding::kUtf16Le;
    result.source = EncodingSource::kBom;
    result.bom_length = 2;
    return result;
  }
  std::optional<Encoding> declared;
  EncodingSource source = EncodingSource::kDefault;
  if (auto transport = encoding_from_label(options.transport_charset)) {
    declared = transport;
    source = EncodingSource::kTransport;
  } else if (auto meta = prescan_for_meta(bytes, options.prescan_bytes,
                                          options.spec_only ? 0 : options.head_scan_bytes)) {
    declared = meta;
    source = EncodingSource::kMeta;
  } else if (auto xml = xml_declaration_encoding(bytes)) {
    declared = xml;
    source = EncodingSource::kXml;
  }
  if (declared) {
    result.encoding = *declared;
    result.source = source;
    if (!options.spec_only && options.fix_declared_but_wrong) {
      if (auto corrected = correct_declaration(bytes, *declared, options.detector_bytes)) {
        result.overridden_declaration = declared;
        result.overridden_source = source;
        result.encoding = *corrected;
        result.source = EncodingSource::kDetector;
      }
    }
    return result;
  }
  if (!options.spec_only && options.use_detector) {
    if (auto detected = detect_encoding(bytes, options.detector_bytes)) {
      result.encoding = *detected;
      result.source = EncodingSource::kDetector;
      return result;
    }
  }
  return result;  // windows-1252, default
}

}  // namespace pith
