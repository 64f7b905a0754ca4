// The body-info stand-in for the page -> record step (see page_record.h): copies the body length,
// transport charset, HTTP status and headers into metadata and extracts nothing. Covered by
// tests/warc/pipeline_test.cc.
#include "corpus/page_record.h"

namespace pith::corpus {

std::string_view to_string(PageSkip skip) {
  static constexpr std::string_view kNames[] = {"written", "empty_main_content", "page_decode_error", "parse_limit"};
  size_t i = static_cast<size_t>(skip);
  return i < std::size(kNames) ? kNames[i] : "unknown";
}

void PageRecord::clear() {
  text.clear();
  title.clear();
  author.clear();
  date.clear();
  sitename.clear();
  description.clear();
  language.clear();
  language_score = 0;
  extra_strings.clear();
  extra_numbers.clear();
}

PageToRecordFactory body_info_stand_in() {
  return [] {
    return [](const PageInput& page, PageRecord& record) {
      record.extra_strings.emplace_back("stand_in", "body-info: no extraction");
      record.extra_numbers.emplace_back("body_bytes", static_cast<int64_t>(page.body.size()));
      record.extra_strings.emplace_back("transport_charset", std::string(page.transport_charset));
      if (page.http) {
        record.extra_numbers.emplace_back("http_status", page.http->status);
        for (const WarcHeader& h : page.http->headers)
          record.extra_strings.emplace_back("http_header:" + std::string(h.name), std::string(h.value));
      }
      return PageSkip::kNone;
    };
  };
}

}  // namespace pith::corpus
