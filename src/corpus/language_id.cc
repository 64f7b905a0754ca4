// Language identification on extracted plain text with CLD2's ExtDetectLanguageSummary: the text (a
// bounded, UTF-8-boundary prefix) is scored as plain text, the declared language passed only as a
// content-language hint; the result is the top language's code and the share of scored text bytes in
// it. Unreliable or unknown results give an empty code and score 0. Covered by
// tests/warc/language_id_test.cc (bundled sample: en, ko, ja, zh, ru, de pages).
#include "corpus/language_id.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace CLD2 {
const char* LanguageCode(Language lang);  // exported by libcld2; declared in its internal header only
}

namespace pith::corpus {
namespace {

// Back off to the start of a UTF-8 sequence so CLD2 never sees a split character.
size_t utf8_prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s.size();
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

LanguageGuess identify_language(std::string_view utf8_text, std::string_view declared) {
  LanguageGuess guess;
  size_t n = utf8_prefix(utf8_text, kLanguageIdMaxBytes);
  if (n == 0) return guess;
  char hint[32] = {0};  // "en-US" style, NUL-terminated for CLD2; longer declarations are dropped
  if (!declared.empty() && declared.size() < sizeof hint) declared.copy(hint, declared.size());
  CLD2::CLDHints hints = {hint[0] ? hint : nullptr, nullptr, CLD2::UNKNOWN_ENCODING,
                          CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language top3[3];
  int percent3[3];
  double normalized3[3];
  int text_bytes = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummary(
      utf8_text.data(), static_cast<int>(n), /*is_plain_text=*/true, &hints, /*flags=*/0, top3,
      percent3, normalized3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable);
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return guess;
  guess.code = CLD2::LanguageCode(lang);
  guess.reliable = reliable;
  // Share of the top language (percent3 is ordered like top3, and lang == top3[0] for plain text).
  int percent = top3[0] == lang ? percent3[0] : 0;
  guess.score = reliable ? percent / 100.0 : 0.0;
  return guess;
}

}  // namespace pith::corpus
