// libFuzzer target for the encoding stage: sniffs the input (with and without spec_only, with a
// transport label taken from the input), then decodes it with the sniffed encoding and with one chosen by
// the first byte. Checks that every output is valid UTF-8, that valid UTF-8 is returned uncopied, and that
// the SIMD validator and the scalar UTF-8 decoder agree, and that the double-encoding repair of a decoded
// text stays valid UTF-8 and shorter.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pith/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static pith::Decoder decoder;  // reused, as in production
  pith::SniffOptions options;
  if (size > 0 && data[0] & 1) options.transport_charset = bytes.substr(1, data[0] >> 4);
  for (bool spec : {false, true}) {
    options.spec_only = spec;
    pith::SniffResult sniffed = pith::sniff_encoding(bytes, options);
    std::string_view out = decoder.decode(bytes, sniffed.encoding);
    if (!pith::is_valid_utf8(out)) std::abort();
  }
  auto chosen = static_cast<pith::Encoding>(size > 0 ? data[0] % pith::kEncodingCount : 0);
  std::string_view out = decoder.decode(bytes, chosen);
  if (!pith::is_valid_utf8(out)) std::abort();
  // The double-encoding repair keeps UTF-8 valid and only ever shortens the text.
  static std::string repaired;
  if (pith::repair_double_encoding(out, repaired) > 0 &&
      (!pith::is_valid_utf8(repaired) || repaired.size() >= out.size())) {
    std::abort();
  }
  if (chosen == pith::Encoding::kUtf8 && pith::is_valid_utf8(bytes) && !decoder.borrowed_input()) std::abort();
  // The SIMD validator against the scalar decoder: input it rejects must hold an error the decoder finds.
  if (!pith::is_valid_utf8(bytes)) {
    (void)decoder.decode(bytes, pith::Encoding::kUtf8);
    if (decoder.replacements() == 0) std::abort();
  }
  return 0;
}
