// WARC reading: records out of a web-crawl archive (WARC/1.0 and 1.1, ISO 28500), their HTTP responses
// parsed, and the pages worth extracting selected, with every record accounted for.
//
// WarcReader streams records out of an uncompressed file, a gzip file (one member per record as Common
// Crawl writes them, or one member for the whole file) or a zstd file (.warc.zst); the compression is
// recognised by its magic bytes. Memory is bounded: a block longer than WarcReaderOptions::max_block_bytes
// is cut at the limit and flagged (WarcRecord::cut), the rest skipped. Real-crawl quirks are survived
// (LF-only header lines, a wrong Content-Length, garbage between records, a truncated last record, corrupt
// compressed data) and counted; with `strict` each one is reported by next() as ReadStatus::kError
// instead (a further next() carries on leniently). HttpParser splits a response block into status line,
// headers and body, undoing chunked transfer-encoding and gzip/deflate/br content-encoding stored raw.
// PageSelector combines both: for each record, the page to extract or the reason it is skipped.
//
// Thread-safety: none of these classes is thread-safe; use one per thread (they are independent, so N
// readers on N files run in parallel). Lifetimes: every std::string_view and header a WarcRecord holds
// points into the reader's buffer and is valid until the next next() call on that reader (or its
// destruction); an HttpResponse's views point into the parsed block or into the HttpParser's scratch
// buffer and are valid until the next parse on that parser or the block's invalidation, whichever comes
// first. Nothing here throws; failures are statuses and counters.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pith {

enum class WarcRecordType : uint8_t {
  kWarcinfo, kResponse, kResource, kRequest, kMetadata, kRevisit, kConversion, kContinuation, kUnknown,
  kCount
};
std::string_view to_string(WarcRecordType type);

enum class WarcCompression : uint8_t { kNone, kGzip, kZstd };

// Oddities of real crawls. Lenient reading survives each one and counts it; strict reading reports it.
enum class WarcQuirk : uint8_t {
  kLfOnlyHeaderLines,     // WARC header lines ended by LF alone
  kBadContentLength,      // block end disagrees with Content-Length (repaired when the next record is found)
  kGarbageSkipped,        // bytes between records that are not a record; skipped to the next "WARC/"
  kTruncatedRecord,       // input ended inside a record
  kCorruptCompression,    // undecodable or truncated gzip/zstd data; skipped to the next member/frame
  kMalformedHeader,       // no version line, no/invalid Content-Length, or a header block over its limit
  kCount
};
std::string_view to_string(WarcQuirk quirk);

struct WarcHeader {
  std::string_view name;
  std::string_view value;
};

// Returns the value of the first header named `name` (ASCII case-insensitive), or an empty view.
std::string_view find_header(const std::vector<WarcHeader>& headers, std::string_view name);

struct WarcRecord {
  WarcRecordType type = WarcRecordType::kUnknown;
  std::string_view version;          // "WARC/1.0", "WARC/1.1"
  std::vector<WarcHeader> headers;   // in file order
  std::string_view record_id;        // WARC-Record-ID, e.g. "<urn:uuid:...>"
  std::string_view date;             // WARC-Date
  std::string_view target_uri;       // WARC-Target-URI
  std::string_view content_type;     // Content-Type of the block
  std::string_view identified_payload_type;  // WARC-Identified-Payload-Type
  std::string_view block;            // the record's content block (possibly cut or truncated)
  uint64_t declared_length = 0;      // Content-Length as written
  uint64_t offset = 0;               // offset of "WARC/" in the decompressed stream
  bool cut = false;                  // block longer than max_block_bytes; the first max_block_bytes kept
  bool truncated = false;            // input ended inside the block
  uint32_t quirks = 0;               // bit (1 << WarcQuirk) for each quirk met in this record

  std::string_view header(std::string_view name) const { return find_header(headers, name); }
  bool has_quirk(WarcQuirk q) const { return quirks & (1u << static_cast<unsigned>(q)); }
};

struct WarcReaderOptions {
  // Longest block kept in memory; longer blocks are cut and flagged. Bounds the reader's memory at about
  // this plus max_header_bytes plus 2 MiB of buffers (plus 16 MiB for a gzip member decoded whole).
  // Common Crawl itself truncates payloads at 1 MiB, so 16 MiB cuts only true outliers.
  size_t max_block_bytes = 16u * 1024 * 1024;
  // Longest WARC header block; a longer one is malformed and skipped.
  size_t max_header_bytes = 64u * 1024;
  bool strict = false;
};

enum class ReadStatus : uint8_t { kRecord, kEnd, kError };

class WarcReader {
 public:
  // Opens a file ("-" is stdin). Returns null and sets *error when it cannot be opened.
  static std::unique_ptr<WarcReader> open(const std::string& path, WarcReaderOptions options, std::string* error);
  // Reads from memory; `bytes` must outlive the reader.
  static std::unique_ptr<WarcReader> from_memory(std::string_view bytes, WarcReaderOptions options);

  virtual ~WarcReader() = default;
  // Reads the next record into `record`. kError: an I/O error (then every later call returns kEnd), or in
  // strict mode a quirk (error() says which; `record` holds what was read and the next call carries on).
  [[nodiscard]] virtual ReadStatus next(WarcRecord& record) = 0;
  virtual std::string_view error() const = 0;
  // True once an I/O error ended the input (error() says which).
  virtual bool io_failed() const = 0;
  virtual WarcCompression compression() const = 0;
  virtual uint64_t compressed_bytes_read() const = 0;
  virtual uint64_t decompressed_bytes_read() const = 0;
  // Times each quirk was met so far.
  virtual const std::array<uint64_t, static_cast<size_t>(WarcQuirk::kCount)>& quirk_counts() const = 0;
};

// ---- HTTP ----

enum class HttpStatus : uint8_t { kOk, kMalformed, kDecodeError, kBodyCut };

struct HttpResponse {
  std::string_view version;   // "HTTP/1.1"
  int status = 0;             // 200
  std::string_view reason;    // "OK"
  std::vector<WarcHeader> headers;
  std::string mime_type;      // Content-Type's type/subtype, lower case ("text/html"), empty if none
  std::string charset;        // Content-Type's charset parameter, lower case, unquoted, empty if none
  std::string_view raw_body;  // the bytes after the header block, as stored
  std::string_view body;      // the body after transfer- and content-decoding (valid after decode_body)
  bool lf_only_lines = false; // some header line ended by LF alone
  bool body_cut = false;      // decoded body reached max_body_bytes and was cut

  std::string_view header(std::string_view name) const { return find_header(headers, name); }
};

struct HttpOptions {
  size_t max_body_bytes = 16u * 1024 * 1024;  // decoded body limit: cut and flag beyond it
  size_t max_header_bytes = 64u * 1024;
};

class HttpParser {
 public:
  explicit HttpParser(HttpOptions options = {});
  ~HttpParser();
  HttpParser(const HttpParser&) = delete;
  HttpParser& operator=(const HttpParser&) = delete;

  // Parses the status line and headers of `block` (an HTTP response message). kMalformed when there is
  // no status line or no end of the header block within the limit.
  [[nodiscard]] HttpStatus parse_head(std::string_view block, HttpResponse& out);
  // Undoes chunked transfer-encoding and gzip/x-gzip/deflate/br content-encoding into out.body.
  // kDecodeError: undecodable (out.body holds what was decoded); kBodyCut: cut at max_body_bytes.
  [[nodiscard]] HttpStatus decode_body(HttpResponse& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Lower-cased MIME type and charset of a Content-Type value ("text/html; charset=\"UTF-8\"").
void parse_content_type(std::string_view value, std::string& mime_type, std::string& charset);

// ---- Selection and accounting ----

// Why a record is not passed on. Every record read is either passed or skipped for exactly one reason.
enum class SkipReason : uint8_t {
  kNone,            // passed on
  kNotResponse,     // not a response record (warcinfo, request, metadata, revisit, ...)
  kNotHtml,         // payload type is not text/html or application/xhtml+xml
  kHttpStatus,      // HTTP status other than 200
  kTooLarge,        // record block or decoded body over its limit
  kTruncated,       // input ended inside the record
  kMalformed,       // WARC or HTTP framing unusable
  kDecodeError,     // transfer- or content-encoding undecodable
  kStrictError,     // strict mode: a quirk reported as an error
  kCount
};
std::string_view to_string(SkipReason reason);

struct PageSelectorOptions {
  WarcReaderOptions reader;
  HttpOptions http;
};

// A record with its verdict; for passed records, the HTTP response with its decoded body.
struct Page {
  const WarcRecord* record = nullptr;
  const HttpResponse* http = nullptr;  // set when the block was parsed as HTTP
  SkipReason skip = SkipReason::kNone;
  std::string_view body() const { return http ? http->body : std::string_view{}; }
  std::string_view transport_charset() const { return http ? std::string_view(http->charset) : std::string_view{}; }
};

struct WarcStats {
  uint64_t records = 0;
  uint64_t passed = 0;
  std::array<uint64_t, static_cast<size_t>(SkipReason::kCount)> skipped{};
  std::array<uint64_t, static_cast<size_t>(WarcRecordType::kCount)> by_type{};
  std::array<uint64_t, static_cast<size_t>(WarcQuirk::kCount)> quirks{};
  uint64_t compressed_bytes = 0;
  uint64_t decompressed_bytes = 0;
  uint64_t strict_errors = 0;   // quirks reported as errors in strict mode (records among them are skipped)

  void add(const WarcStats& other);
  uint64_t skipped_total() const;
};

// Reads every record of one WARC and gives each a verdict. Default selection: response records with
// HTTP status 200 whose type (WARC-Identified-Payload-Type when present, else the HTTP Content-Type) is
// text/html or application/xhtml+xml.
class PageSelector {
 public:
  PageSelector(std::unique_ptr<WarcReader> reader, PageSelectorOptions options = {});
  // Returns false at the end of the input or on an I/O error (io_error() then says which). Otherwise
  // `page` holds the next record, passed (skip == kNone) or skipped; views live until the next call.
  [[nodiscard]] bool next(Page& page);
  const WarcStats& stats() const { return stats_; }
  std::string_view io_error() const { return io_error_; }
  std::string_view last_strict_error() const { return strict_error_; }
  WarcReader& reader() { return *reader_; }

 private:
  SkipReason classify();

  std::unique_ptr<WarcReader> reader_;
  PageSelectorOptions options_;
  HttpParser http_parser_;
  WarcRecord record_;
  HttpResponse http_;
  WarcStats stats_;
  std::string io_error_;
  std::string strict_error_;
};

// True for text/html and application/xhtml+xml (given lower case, parameters stripped).
bool is_html_mime_type(std::string_view mime_type);

}  // namespace pith
