// An owned copy of a selected Page (pith/warc.h): what the page -> record step and the JSONL line
// builders need, detached from the reader's and the HTTP parser's buffers so that the page can cross to
// a worker thread while the reader moves on. The WarcRecord and HttpResponse it exposes have the same
// fields as the originals, their views pointing into one block this object owns, except the raw bytes
// nobody downstream reads: WarcRecord::block and HttpResponse::raw_body are empty (the decoded body is
// kept as HttpResponse::body).
//
// Neither copyable nor movable (its views point into itself); hold it by pointer.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "pith/warc.h"

namespace pith::corpus::detail {

class OwnedPage {
 public:
  OwnedPage() = default;
  OwnedPage(const OwnedPage&) = delete;
  OwnedPage& operator=(const OwnedPage&) = delete;

  // Copies `page` (its record, and its HTTP response when there is one).
  void assign(const Page& page);
  // Frees the copy (record() and http() become empty).
  void release();

  const WarcRecord& record() const { return record_; }
  const HttpResponse* http() const { return has_http_ ? &http_ : nullptr; }
  std::string_view body() const { return has_http_ ? http_.body : std::string_view{}; }
  std::string_view transport_charset() const { return has_http_ ? std::string_view(http_.charset) : std::string_view{}; }
  // Bytes held (the copied views plus the HTTP MIME type and charset strings).
  size_t bytes() const { return size_ + http_.mime_type.size() + http_.charset.size(); }

 private:
  std::unique_ptr<char[]> storage_;
  size_t size_ = 0;
  WarcRecord record_;
  HttpResponse http_;
  bool has_http_ = false;
};

}  // namespace pith::corpus::detail
