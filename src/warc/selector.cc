// Page selection and accounting: each WARC record gets exactly one verdict, decided by an ordered
// cascade, cheapest test first (record type, framing, HTTP status line, payload type, size, body
// decoding), so that records read = records passed + records skipped, per reason, by construction.
// Covered by tests/warc/selector_test.cc (accounting on a WARC whose contents are known).
#include "pith/warc.h"
#include "warc/text_util.h"

namespace pith {

std::string_view to_string(WarcRecordType type) {
  static constexpr std::string_view kNames[] = {"warcinfo", "response", "resource", "request", "metadata",
                                                "revisit", "conversion", "continuation", "unknown"};
  size_t i = static_cast<size_t>(type);
  return i < std::size(kNames) ? kNames[i] : "unknown";
}

std::string_view to_string(WarcQuirk quirk) {
  static constexpr std::string_view kNames[] = {"lf_only_header_lines", "bad_content_length", "garbage_skipped",
                                                "truncated_record", "corrupt_compression", "malformed_header"};
  size_t i = static_cast<size_t>(quirk);
  return i < std::size(kNames) ? kNames[i] : "unknown";
}

std::string_view to_string(SkipReason reason) {
  static constexpr std::string_view kNames[] = {"passed", "not_response", "not_html", "http_status",
                                                "too_large", "truncated", "malformed", "decode_error",
                                                "strict_error"};
  size_t i = static_cast<size_t>(reason);
  return i < std::size(kNames) ? kNames[i] : "unknown";
}

std::string_view find_header(const std::vector<WarcHeader>& headers, std::string_view name) {
  for (const WarcHeader& h : headers)
    if (detail::iequals(h.name, name)) return h.value;
  return {};
}

bool is_html_mime_type(std::string_view mime_type) {
  return mime_type == "text/html" || mime_type == "application/xhtml+xml";
}

void WarcStats::add(const WarcStats& other) {
  records += other.records;
  passed += other.passed;
  for (size_t i = 0; i < skipped.size(); ++i) skipped[i] += other.skipped[i];
  for (size_t i = 0; i < by_type.size(); ++i) by_type[i] += other.by_type[i];
  for (size_t i = 0; i < quirks.size(); ++i) quirks[i] += other.quirks[i];
  compressed_bytes += other.compressed_bytes;
  decompressed_bytes += other.decompressed_bytes;
  strict_errors += other.strict_errors;
}

uint64_t WarcStats::skipped_total() const {
  uint64_t n = 0;
  for (size_t i = 1; i < skipped.size(); ++i) n += skipped[i];
  return n;
}

PageSelector::PageSelector(std::unique_ptr<WarcReader> reader, PageSelectorOptions options)
    : reader_(std::move(reader)), options_(options), http_parser_(options.http) {}

SkipReason PageSelector::classify() {
  const WarcRecord& r = record_;
  if (r.type != WarcRecordType::kResponse) return SkipReason::kNotResponse;
  if (r.truncated) return SkipReason::kTruncated;
  if (r.has_quirk(WarcQuirk::kMalformedHeader)) return SkipReason::kMalformed;
  std::string block_type, unused;
  parse_content_type(r.content_type, block_type, unused);
  // Response records of other protocols (Heritrix's text/dns) are not web pages.
  if (!block_type.empty() && block_type != "application/http") return SkipReason::kNotHtml;
  if (http_parser_.parse_head(r.block, http_) != HttpStatus::kOk) return SkipReason::kMalformed;
  if (http_.status != 200) return SkipReason::kHttpStatus;
  if (!r.identified_payload_type.empty()) {
    std::string payload_type;
    parse_content_type(r.identified_payload_type, payload_type, unused);
    if (!is_html_mime_type(payload_type)) return SkipReason::kNotHtml;
  } else if (!is_html_mime_type(http_.mime_type)) {
    return SkipReason::kNotHtml;
  }
  if (r.cut) return SkipReason::kTooLarge;
  switch (http_parser_.decode_body(http_)) {
    case HttpStatus::kOk: return SkipReason::kNone;
    case HttpStatus::kBodyCut: return SkipReason::kTooLarge;
    default: return SkipReason::kDecodeError;
  }
}

bool PageSelector::next(Page& page) {
  page = Page{};
  for (;;) {
    ReadStatus status = reader_->next(record_);
    stats_.quirks = reader_->quirk_counts();
    stats_.compressed_bytes = reader_->compressed_bytes_read();
    stats_.decompressed_bytes = reader_->decompressed_bytes_read();
    if (status == ReadStatus::kEnd) return false;
    if (reader_->io_failed()) {
      io_error_ = std::string(reader_->error());
      return false;
    }
    bool strict_error = status == ReadStatus::kError;
    if (strict_error) {
      ++stats_.strict_errors;
      strict_error_ = std::string(reader_->error());
      if (record_.version.empty()) continue;  // a quirk outside any record (trailing garbage)
    }
    http_.version = {};  // parse_head resets the rest; an unparsed block leaves page.http null
    page.record = &record_;
    page.skip = strict_error ? SkipReason::kStrictError : classify();
    page.http = http_.version.empty() ? nullptr : &http_;
    ++stats_.records;
    ++stats_.by_type[static_cast<size_t>(record_.type)];
    if (page.skip == SkipReason::kNone) ++stats_.passed;
    else ++stats_.skipped[static_cast<size_t>(page.skip)];
    return true;
  }
}

}  // namespace pith
