// Language identification of a record's extracted text (DESIGN.md corpus schema: metadata.language and
// metadata.language_score), with Debian's libcld2 (Compact Language Detector 2).
#pragma once

#include <string>
#include <string_view>

namespace pith::corpus {

struct LanguageGuess {
  std::string code;   // CLD2 code ("en", "ko", "ja", "zh", "zh-Hant", "ru", "de", ...); empty when unknown
  double score = 0;   // share of the scored text in that language, 0..1; 0 when unknown or unreliable
  bool reliable = false;
};

// Limit: only the first kLanguageIdMaxBytes of the text are scored (cut back to a UTF-8 boundary), so
// the cost per page is bounded. `declared` (the page's <html lang> / Content-Language) is a hint only:
// it boosts that language, it never overrides what the text says.
inline constexpr size_t kLanguageIdMaxBytes = 4 * 1024;
LanguageGuess identify_language(std::string_view utf8_text, std::string_view declared);

}  // namespace pith::corpus
