// WARC record framing (ISO 28500, WARC/1.0 and 1.1): version line, header lines up to an empty line,
// Content-Length bytes of block, CRLF CRLF. Records are parsed in place in one buffer that grows only to
// max_block_bytes + max_header_bytes (longer blocks are cut and the rest skipped), so memory is bounded
// whatever the input. Quirks are repaired where the evidence allows: a block whose end disagrees with
// Content-Length is re-framed at the nearest record separator followed by "WARC/1." (inside the block when
// the length is too long, ahead of it when too short); bytes that are not a record are skipped to the
// next "WARC/". Covered by tests/warc/reader_test.cc (one test per quirk and record type) and fuzz_warc.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "pith/warc.h"
#include "warc/stream.h"
#include "warc/text_util.h"

namespace pith {
namespace {

using detail::DecodedStream;

constexpr size_t kInitialBufferBytes = 4u << 20;
constexpr size_t kFileInputBufferBytes = 1u << 20;
constexpr size_t kSlackBytes = 64u * 1024;

WarcRecordType record_type_of(std::string_view v) {
  struct Entry { std::string_view name; WarcRecordType type; };
  static constexpr Entry kTypes[] = {
      {"response", WarcRecordType::kResponse}, {"request", WarcRecordType::kRequest},
      {"warcinfo", WarcRecordType::kWarcinfo}, {"resource", WarcRecordType::kResource},
      {"metadata", WarcRecordType::kMetadata}, {"revisit", WarcRecordType::kRevisit},
      {"conversion", WarcRecordType::kConversion}, {"continuation", WarcRecordType::kContinuation}};
  for (const Entry& e : kTypes)
    if (detail::iequals(v, e.name)) return e.type;
  return WarcRecordType::kUnknown;
}

bool is_crlf(char c) { return c == '\r' || c == '\n'; }

class Reader final : public WarcReader {
 public:
  Reader(std::unique_ptr<detail::ByteSource> source, WarcReaderOptions options, size_t input_buffer_bytes)
      : stream_(std::move(source), input_buffer_bytes), options_(options) {
    max_buffer_ = options_.max_block_bytes + options_.max_header_bytes + kSlackBytes;
    cap_ = std::min(kInitialBufferBytes, max_buffer_);
    buf_.reset(new char[cap_]);
  }

  ReadStatus next(WarcRecord& record) override;
  std::string_view error() const override { return error_; }
  bool io_failed() const override { return !stream_.io_error().empty(); }
  WarcCompression compression() const override { return stream_.compression(); }
  uint64_t compressed_bytes_read() const override { return stream_.compressed_bytes(); }
  uint64_t decompressed_bytes_read() const override { return decompressed_; }
  const std::array<uint64_t, static_cast<size_t>(WarcQuirk::kCount)>& quirk_counts() const override {
    return quirk_counts_;
  }

 private:
  size_t avail() const { return end_ - begin_; }
  const char* at(size_t rel) const { return buf_.get() + begin_ + rel; }
  bool fill_to(size_t n);
  bool skip_bytes(uint64_t n);
  bool find_record_start(uint64_t& garbage);
  void note(WarcRecord& record, WarcQuirk q) {
    record.quirks |= 1u << static_cast<unsigned>(q);
    ++quirk_counts_[static_cast<size_t>(q)];
  }
  void parse_header_lines(std::string_view head, WarcRecord& record);
  void read_block(WarcRecord& record, size_t head_len);
  void rebase(WarcRecord& record, const char* old_start);
  size_t find_separator_ahead(size_t from, size_t limit);
  ReadStatus finish(WarcRecord& record);

  DecodedStream stream_;
  WarcReaderOptions options_;
  std::unique_ptr<char[]> buf_;
  size_t cap_ = 0;
  size_t max_buffer_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
  uint64_t base_offset_ = 0;  // stream offset of buf_[0]
  uint64_t decompressed_ = 0;
  uint64_t pending_skip_ = 0;
  uint64_t corrupt_seen_ = 0;
  bool eof_ = false;
  bool done_ = false;
  std::string error_;
  std::array<uint64_t, static_cast<size_t>(WarcQuirk::kCount)> quirk_counts_{};
};

bool Reader::fill_to(size_t n) {
  while (avail() < n) {
    if (eof_) return false;
    if (begin_ + n > cap_ || end_ == cap_) {
      if (begin_ > 0) {
        std::memmove(buf_.get(), buf_.get() + begin_, avail());
        base_offset_ += begin_;
        end_ -= begin_;
        begin_ = 0;
      }
      if (n > cap_ || end_ == cap_) {
        size_t grown = std::min(max_buffer_, std::max(n, cap_ * 2));
        if (grown <= cap_) return false;
        std::unique_ptr<char[]> bigger(new char[grown]);
        std::memcpy(bigger.get(), buf_.get(), end_);
        buf_ = std::move(bigger);
        cap_ = grown;
      }
    }
    size_t got = stream_.read(buf_.get() + end_, cap_ - end_);
    if (got == 0) {
      eof_ = true;
      if (!stream_.io_error().empty()) error_ = stream_.io_error();
      return false;
    }
    end_ += got;
    decompressed_ += got;
  }
  return true;
}

bool Reader::skip_bytes(uint64_t n) {
  while (n > 0) {
    if (avail() == 0 && !fill_to(1)) return false;
    size_t step = static_cast<size_t>(std::min<uint64_t>(n, avail()));
    begin_ += step;
    n -= step;
  }
  return true;
}

// Moves begin_ to the next "WARC/", skipping CR/LF silently and anything else as garbage.
bool Reader::find_record_start(uint64_t& garbage) {
  for (;;) {
    while (avail() > 0 && is_crlf(*at(0))) ++begin_;
    if (avail() < 5) {
      if (fill_to(5)) continue;
      while (avail() > 0 && is_crlf(*at(0))) ++begin_;
      garbage += avail();
      begin_ = end_;
      return false;
    }
    std::string_view window(at(0), avail());
    if (window.starts_with("WARC/")) return true;
    size_t found = window.find("WARC/", 1);
    if (found != std::string_view::npos) {
      garbage += found;
      begin_ += found;
      return true;
    }
    garbage += avail() - 4;
    begin_ = end_ - 4;
    if (!fill_to(5)) {
      garbage += avail();
      begin_ = end_;
      return false;
    }
  }
}

void Reader::parse_header_lines(std::string_view head, WarcRecord& record) {
  bool lf_only = false;
  bool first = true;
  while (!head.empty()) {
    size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    head.remove_prefix(nl == std::string_view::npos ? head.size() : nl + 1);
    if (line.ends_with('\r')) {
      line.remove_suffix(1);
    } else if (nl != std::string_view::npos) {
      lf_only = true;
    }
    if (first) {
      record.version = line;
      first = false;
      continue;
    }
    if (line.empty()) break;
    if (line[0] == ' ' || line[0] == '\t') continue;  // folded continuation: keeps the first line's value
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    record.headers.push_back({detail::trim(line.substr(0, colon)), detail::trim(line.substr(colon + 1))});
  }
  if (lf_only) note(record, WarcQuirk::kLfOnlyHeaderLines);
  for (const WarcHeader& h : record.headers) {
    if (detail::iequals(h.name, "WARC-Type")) record.type = record_type_of(h.value);
    else if (detail::iequals(h.name, "WARC-Record-ID")) record.record_id = h.value;
    else if (detail::iequals(h.name, "WARC-Date")) record.date = h.value;
    else if (detail::iequals(h.name, "WARC-Target-URI")) record.target_uri = h.value;
    else if (detail::iequals(h.name, "Content-Type")) record.content_type = h.value;
    else if (detail::iequals(h.name, "WARC-Identified-Payload-Type")) record.identified_payload_type = h.value;
  }
}

// Offset (relative to begin_) of the first "\r\n\r\nWARC/1." or "\n\nWARC/1." starting in [from, limit),
// filling the buffer as needed; npos when none.
size_t Reader::find_separator_ahead(size_t from, size_t limit) {
  size_t scanned = from;
  for (;;) {
    std::string_view window(at(0), std::min(avail(), limit + 12));
    size_t hit = window.find("\nWARC/1.", scanned > 0 ? scanned - 1 : 0);
    while (hit != std::string_view::npos) {
      size_t start = hit + 1;  // where "WARC/" begins
      bool crlf2 = start >= 4 && window.substr(start - 4, 4) == "\r\n\r\n";
      bool lf2 = start >= 2 && window.substr(start - 2, 2) == "\n\n";
      size_t sep = crlf2 ? start - 4 : start - 2;
      if ((crlf2 || lf2) && sep >= from && sep < limit) return sep;
      hit = window.find("\nWARC/1.", hit + 1);
    }
    if (avail() >= limit + 12) return std::string_view::npos;
    scanned = avail() > 12 ? avail() - 12 : 0;
    if (!fill_to(avail() + 1)) return std::string_view::npos;
  }
}

// Filling the buffer may move its bytes; the header views parsed before are moved along with them.
void Reader::rebase(WarcRecord& record, const char* old_start) {
  const char* new_start = at(0);
  if (new_start == old_start) return;
  auto move = [&](std::string_view& v) {
    if (!v.empty()) v = std::string_view(new_start + (v.data() - old_start), v.size());
  };
  move(record.version);
  move(record.record_id);
  move(record.date);
  move(record.target_uri);
  move(record.content_type);
  move(record.identified_payload_type);
  for (WarcHeader& h : record.headers) {
    move(h.name);
    move(h.value);
  }
}

void Reader::read_block(WarcRecord& record, size_t head_len) {
  const char* old_start = at(0);
  uint64_t len = record.declared_length;
  size_t keep = static_cast<size_t>(std::min<uint64_t>(len, options_.max_block_bytes));
  if (!fill_to(head_len + keep)) {
    note(record, WarcQuirk::kTruncatedRecord);
    record.truncated = true;
    rebase(record, old_start);
    record.block = std::string_view(at(head_len), avail() - head_len);
    begin_ = end_;
    return;
  }
  if (keep < len) {
    record.cut = true;
    rebase(record, old_start);
    record.block = std::string_view(at(head_len), keep);
    pending_skip_ = head_len + len;  // skipped on the next call, after the caller is done with the views
    return;
  }
  // Check that the block ends where a record separator and the next record (or the end) begin.
  size_t block_end = head_len + keep;
  fill_to(block_end + 12);
  std::string_view after(at(block_end), avail() - block_end);
  size_t crlfs = 0;
  while (crlfs < after.size() && crlfs < 4 && is_crlf(after[crlfs])) ++crlfs;
  after.remove_prefix(crlfs);
  if (after.empty() || after.starts_with("WARC/")) {
    rebase(record, old_start);
    record.block = std::string_view(at(head_len), keep);
    begin_ += block_end + crlfs;
    return;
  }
  note(record, WarcQuirk::kBadContentLength);
  // Too long: the next record begins inside this block. Too short: the block goes on to a separator ahead.
  size_t sep = find_separator_ahead(head_len, head_len + keep);
  if (sep == std::string_view::npos) {
    // A separator ahead counts only if no "WARC/" comes before it: otherwise the bytes after the block
    // are garbage in front of the next record, and Content-Length was right.
    sep = find_separator_ahead(block_end, head_len + options_.max_block_bytes);
    if (sep != std::string_view::npos &&
        std::string_view(at(block_end), sep - block_end).find("WARC/") != std::string_view::npos) {
      sep = std::string_view::npos;
    }
  }
  if (sep == std::string_view::npos) sep = block_end;  // no evidence: trust Content-Length, resync later
  rebase(record, old_start);
  record.block = std::string_view(at(head_len), sep - head_len);
  begin_ += sep;
}

ReadStatus Reader::finish(WarcRecord& record) {
  uint64_t corrupt = stream_.corrupt_events();
  if (corrupt > corrupt_seen_) {
    record.quirks |= 1u << static_cast<unsigned>(WarcQuirk::kCorruptCompression);
    quirk_counts_[static_cast<size_t>(WarcQuirk::kCorruptCompression)] += corrupt - corrupt_seen_;
    corrupt_seen_ = corrupt;
  }
  if (options_.strict && record.quirks) {
    for (size_t q = 0; q < static_cast<size_t>(WarcQuirk::kCount); ++q) {
      if (record.quirks & (1u << q)) {
        error_ = "strict: " + std::string(to_string(static_cast<WarcQuirk>(q))) + " at offset " +
                 std::to_string(record.offset);
        break;
      }
    }
    return ReadStatus::kError;
  }
  return ReadStatus::kRecord;
}

ReadStatus Reader::next(WarcRecord& record) {
  std::vector<WarcHeader> headers = std::move(record.headers);  // keeps its capacity across records
  headers.clear();
  record = WarcRecord{};
  record.headers = std::move(headers);
  if (done_) return ReadStatus::kEnd;
  error_.clear();  // a strict-mode report concerns one record only
  if (pending_skip_) {
    uint64_t n = pending_skip_;
    pending_skip_ = 0;
    skip_bytes(n);
  }
  uint64_t garbage = 0;
  bool found = find_record_start(garbage);
  if (garbage) note(record, WarcQuirk::kGarbageSkipped);
  if (!found) {
    done_ = true;
    if (io_failed()) return ReadStatus::kError;
    if (record.quirks || stream_.corrupt_events() > corrupt_seen_) {
      record.offset = base_offset_ + begin_;
      if (finish(record) == ReadStatus::kError) return ReadStatus::kError;
    }
    return ReadStatus::kEnd;
  }
  record.offset = base_offset_ + begin_;
  // The header block ends at the first empty line (CRLF CRLF, or LF LF from LF-only writers).
  size_t scan = 0, head_len = 0;
  while (head_len == 0) {
    std::string_view window(at(0), avail());
    size_t nl = window.find('\n', scan);
    if (nl != std::string_view::npos && nl + 1 < window.size()) {
      if (window[nl + 1] == '\n') {
        head_len = nl + 2;
        continue;
      }
      if (window[nl + 1] != '\r') {
        scan = nl + 1;
        continue;
      }
      if (nl + 2 < window.size()) {
        if (window[nl + 2] == '\n') head_len = nl + 3;
        else scan = nl + 1;
        continue;
      }
    }
    if (nl != std::string_view::npos) scan = nl;
    else scan = window.size();
    if (avail() > options_.max_header_bytes || !fill_to(avail() + 1)) break;
  }
  if (head_len == 0) {
    if (eof_ && avail() <= options_.max_header_bytes) {
      parse_header_lines(std::string_view(at(0), avail()), record);
      note(record, WarcQuirk::kTruncatedRecord);
      record.truncated = true;
      begin_ = end_;
    } else {
      note(record, WarcQuirk::kMalformedHeader);
      begin_ += 5;  // past "WARC/": the next call resyncs
    }
    return finish(record);
  }
  parse_header_lines(std::string_view(at(0), head_len), record);
  std::string_view length = record.header("Content-Length");
  if (!record.version.starts_with("WARC/") || !detail::parse_u64(length, record.declared_length)) {
    note(record, WarcQuirk::kMalformedHeader);
    begin_ += head_len;
    return finish(record);
  }
  read_block(record, head_len);
  return finish(record);
}

}  // namespace

std::unique_ptr<WarcReader> WarcReader::open(const std::string& path, WarcReaderOptions options, std::string* error) {
  int fd = path == "-" ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (error) *error = path + ": " + std::strerror(errno);
    return nullptr;
  }
#ifdef POSIX_FADV_SEQUENTIAL
  if (fd != 0) ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return std::make_unique<Reader>(detail::file_source(fd, fd != 0), options, kFileInputBufferBytes);
}

std::unique_ptr<WarcReader> WarcReader::from_memory(std::string_view bytes, WarcReaderOptions options) {
  size_t input_buffer = std::min(kFileInputBufferBytes, std::max<size_t>(bytes.size(), 4096));
  return std::make_unique<Reader>(detail::memory_source(bytes), options, input_buffer);
}

}  // namespace pith
