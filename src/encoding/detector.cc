// The detector for pages that declare no encoding, an ordered cascade, cheapest first: no evidence for
// pure ASCII; utf-8 for valid UTF-8 that holds multi-byte sequences (legacy multi-byte text is almost never
// valid UTF-8 by accident); otherwise the guess of uchardet (Mozilla's universal charset detector, Debian
// libuchardet), mapped through the WHATWG labels. Guesses the standard has no decoder for (EUC-TW, IBM855)
// or that would blank the page (HZ-GB-2312 -> replacement) count as no evidence. Accuracy is measured by
// tests/encoding/dataset_test.cc on dataset pages with their declaration removed.
#include <uchardet/uchardet.h>

#include <strings.h>

#include <memory>
#include <string>

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
  // The standard's gbk decoder is its gb18030 decoder; name the guess as pages label it (gb2312 -> gbk).
  if (name == "GB18030") return Encoding::kGbk;
  auto encoding = encoding_from_label(name);
  if (encoding == Encoding::kReplacement) return std::nullopt;
  return encoding;
}

// The bytes outside tags, comments and <script>/<style> content: the detector's statistics are of
// text, and kilobytes of ASCII markup around a little Cyrillic or Arabic drown it.
std::string text_outside_markup(std::string_view html) {
  std::string text;
  text.reserve(html.size() / 2);
  size_t i = 0;
  while (i < html.size()) {
    size_t open = html.find('<', i);
    text.append(html.substr(i, open == std::string_view::npos ? std::string_view::npos : open - i));
    if (open == std::string_view::npos) break;
    text.push_back(' ');
    std::string_view rest = html.substr(open);
    std::string_view end_marker = ">";
    if (rest.starts_with("<!--")) end_marker = "-->";
    else if (rest.size() > 7 && strncasecmp(rest.data(), "<script", 7) == 0) end_marker = "</script";
    else if (rest.size() > 6 && strncasecmp(rest.data(), "<style", 6) == 0) end_marker = "</style";
    size_t close = end_marker == ">" ? rest.find('>') : std::string_view::npos;
    if (end_marker != ">") {
      // Case-insensitive search for the end of the raw text.
      for (size_t k = 1; k + end_marker.size() <= rest.size(); ++k) {
        if (strncasecmp(rest.data() + k, end_marker.data(), end_marker.size()) == 0) {
          close = k + end_marker.size() - 1;
          break;
        }
      }
    }
    if (close == std::string_view::npos) break;
    i = open + close + 1;
  }
  // A page that is nearly all markup: its attributes and scripts are all the evidence there is.
  return text.size() * 20 < html.size() ? std::string(html) : text;
}

std::optional<Encoding> uchardet_guess(std::string_view text) {
  std::unique_ptr<uchardet, UchardetDeleter> detector(uchardet_new());
  if (!detector) return std::nullopt;
  if (uchardet_handle_data(detector.get(), text.data(), text.size()) != 0) return std::nullopt;
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return encoding_from_detector_name(name ? name : "");
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
  if (ascii_prefix_length(data, bytes.size()) == bytes.size()) {
    // ISO-2022-JP is seven-bit: its escape sequences into JIS X 0208 are the evidence.
    std::string_view head = bytes.substr(0, window_bytes);
    if (head.find("\x1B$B") != std::string_view::npos || head.find("\x1B$@") != std::string_view::npos)
      return Encoding::kIso2022Jp;
    return std::nullopt;
  }
  if (is_valid_utf8(bytes)) return Encoding::kUtf8;  // the whole page: validation runs near memory speed
  std::string_view window = detector_window(bytes, window_bytes);
  std::optional<Encoding> guess = uchardet_guess(text_outside_markup(window));
  if (guess && !is_single_byte(*guess)) return guess;
  // A single-byte guess from the text alone: the whole window may still show a multi-byte encoding
  // (long CJK runs inside attributes and scripts); take that only if it decodes without error.
  std::optional<Encoding> raw_guess = uchardet_guess(window);
  if (raw_guess && !is_single_byte(*raw_guess) && count_decode_errors(window, *raw_guess).errors == 0)
    return raw_guess;
  return guess;
}

}  // namespace pith::detail
