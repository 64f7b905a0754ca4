// Extractor-backed page -> record step: hands the body with its URL and transport charset to a
// per-worker Extractor and maps the Result onto the corpus record (text, metadata, detected encoding);
// a page with no main content is skipped as empty_main_content; the language is identified on the
// extracted text (language_id.h). Covered by tests/warc/extract_step_test.cc.
#include "corpus/extract_step.h"

#include "corpus/language_id.h"

#include <memory>
#include <utility>

namespace pith::corpus {

PageToRecordFactory extractor_step(const Options& base) {
  return [base] {
    auto extractor = std::make_shared<Extractor>(base);
    return [extractor](const PageInput& page, PageRecord& record) {
      Options& o = extractor->options();
      o.format = OutputFormat::kText;
      o.url.assign(page.url);
      o.transport_charset.assign(page.transport_charset);
      Result r = extractor->extract(page.body);
      record.text = r.text();
      if (r.status.empty || record.text.empty()) return PageSkip::kEmptyMainContent;
      const Metadata& m = r.meta();
      record.title = m.title;
      record.author = m.author;
      record.date = m.date;
      record.sitename = m.sitename;
      record.description = m.description;
      // metadata.language is what the text is (CLD2 on the extracted text); the page's own declaration
      // is only a hint to it, and is kept beside it as language_declared.
      LanguageGuess lang = identify_language(record.text, m.language);
      record.language = std::move(lang.code);
      record.language_score = lang.score;
      if (!m.language.empty()) record.extra_strings.emplace_back("language_declared", m.language);
      record.extra_strings.emplace_back("encoding", r.encoding());
      record.extra_strings.emplace_back("encoding_source", r.encoding_source());
      if (r.status.input_truncated) record.extra_strings.emplace_back("cut", "input_truncated");
      if (r.status.parse_limited) record.extra_strings.emplace_back("cut", "parse_limited");
      return PageSkip::kNone;
    };
  };
}

}  // namespace pith::corpus
