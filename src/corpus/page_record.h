// The page -> record step of the WARC corpus pipeline: the one narrow interface through which the
// extractor plugs in. The pipeline hands each selected page's HTTP body (transfer- and content-decoded,
// still in its own character encoding), the transport charset, the URL and the WARC/HTTP headers; the
// step returns a corpus record or the reason it produced none.
//
// Thread-safety: a PageToRecord is called from one worker thread only; the pipeline makes one per worker
// through the factory, so a step may keep reusable state (parser, arenas) without locking. Lifetimes:
// every view in PageInput is valid only during the call; PageRecord owns its strings.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pith/warc.h"

namespace pith::corpus {

struct PageInput {
  std::string_view body;               // HTTP body bytes, decoded from chunked/gzip/deflate/br, not from charset
  std::string_view transport_charset;  // charset of the HTTP Content-Type, lower case; empty when none
  std::string_view url;                // WARC-Target-URI
  const WarcRecord* warc = nullptr;    // all WARC headers (record id, date, payload type, ...)
  const HttpResponse* http = nullptr;  // status and HTTP headers
};

// Why a page produced no record (the reader's reasons are SkipReason; these come after selection).
enum class PageSkip : uint8_t { kNone, kEmptyMainContent, kDecodeError, kParseLimit, kCount };
std::string_view to_string(PageSkip skip);

// The record fields the step fills (DESIGN.md corpus schema); the pipeline adds id, source, added,
// created and the WARC fields (url, warc_record_id, warc_date, content_type).
struct PageRecord {
  std::string text;
  std::string title, author, date, sitename, description, language;
  double language_score = 0;
  std::vector<std::pair<std::string, std::string>> extra_strings;  // further metadata, string-valued
  std::vector<std::pair<std::string, int64_t>> extra_numbers;      // further metadata, integer-valued

  void clear();
};

using PageToRecord = std::function<PageSkip(const PageInput& page, PageRecord& record)>;
using PageToRecordFactory = std::function<PageToRecord()>;

// Stand-in until the extractor lands: NOT an extractor. It leaves `text` empty and records only what the
// reader knows (body length, transport charset, HTTP status and headers), so the pipeline can be run and
// measured end to end without pretending to extract anything.
PageToRecordFactory body_info_stand_in();

}  // namespace pith::corpus
