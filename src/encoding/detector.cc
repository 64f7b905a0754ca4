// The detector for pages that declare no encoding, an ordered cascade, cheapest first: no evidence for
// pure ASCII; utf-8 for valid UTF-8 that holds multi-byte sequences (legacy multi-byte text is almost never
// valid UTF-8 by accident); otherwise the guess of uchardet (Mozilla's universal charset detector, Debian
// libuchardet), mapped through the WHATWG labels. Guesses the standard has no decoder for (EUC-TW, IBM855)
// or that would blank the page (HZ-GB-2312 -> replacement) count as no evidence. Accuracy is measured by
// tests/encoding/dataset_test.cc on dataset pages with their declaration removed.
#include <uchardet/uchardet.h>

#include <memory>

#include "encoding/encoding_internal.h"

namespace pith::detail {

namespace {

struct UchardetDeleter {
  void operator()(uchardet* detector) const { uchardet_delete(detector); }
};

std::optional<Encoding> encoding_from_detector_name(std::string_view name) {
  if (name.empty() || name == "ASCII") return std::nullopt;
  if (name == "MAC-CYRILLIC") return Encoding::kXMacCyrillic;
  if (name == "UHC" || name == "CP949") return Encoding::kEucKr;  // what the standard's euc-kr is
  auto encoding = encoding_from_label(name);
  if (encoding == Encoding::kReplacement) return std::nullopt;
  return encoding;
}

}  // namespace

std::string_view detector_window(std::string_view bytes, size_t limit) {
  size_t first_non_ascii = ascii_prefix_length(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  size_t start = first_non_ascii > 1024 ? first_non_ascii - 1024 : 0;
  std::string_view window = bytes.substr(start);
  if (window.size() <= limit) return window;
  window = window.substr(0, limit);
  size_t last_ascii = window.size();
  while (last_ascii > 0 && static_cast<uint8_t>(window[last_ascii - 1]) >= 0x80) --last_ascii;
  return last_ascii > 0 ? window.substr(0, last_ascii) : window;
}

std::optional<Encoding> detect_encoding(std::string_view bytes, size_t window_bytes) {
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  if (ascii_prefix_length(data, bytes.size()) == bytes.size()) return std::nullopt;
  if (is_valid_utf8(bytes)) return Encoding::kUtf8;  // the whole page: validation runs near memory speed
  std::string_view window = detector_window(bytes, window_bytes);
  std::unique_ptr<uchardet, UchardetDeleter> detector(uchardet_new());
  if (!detector) return std::nullopt;
  if (uchardet_handle_data(detector.get(), window.data(), window.size()) != 0) return std::nullopt;
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return encoding_from_detector_name(name ? name : "");
}

}  // namespace pith::detail
