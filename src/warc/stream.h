// DecodedStream: the decompressed bytes of a WARC file, whatever its compression.
//
// The compression is recognised from the first bytes (gzip 1f 8b, zstd 28 b5 2f fd, else none). gzip
// members and zstd frames follow one another seamlessly, so a file of one member per record and a file
// of one member read the same. Corrupt compressed data is counted and skipped to the next member or frame
// magic; a stream ending inside a member or frame is counted as corrupt too. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pith/warc.h"

namespace pith::detail {

// Compressed bytes: a file descriptor or a memory span.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to `cap` bytes into dst; 0 at the end; -1 on an I/O error.
  virtual ptrdiff_t read(char* dst, size_t cap) = 0;
};

std::unique_ptr<ByteSource> file_source(int fd, bool owns_fd);
std::unique_ptr<ByteSource> memory_source(std::string_view bytes);

class DecodedStream {
 public:
  // `input_buffer_bytes`: how much compressed input is held at once (smaller for small in-memory inputs).
  explicit DecodedStream(std::unique_ptr<ByteSource> source, size_t input_buffer_bytes = 1u << 20);
  ~DecodedStream();
  DecodedStream(const DecodedStream&) = delete;
  DecodedStream& operator=(const DecodedStream&) = delete;

  // Decompresses up to `cap` bytes into dst; returns 0 only at the end of the input (or on an I/O error,
  // see io_error()).
  size_t read(char* dst, size_t cap);

  WarcCompression compression() const { return compression_; }
  uint64_t compressed_bytes() const { return consumed_; }
  // Corrupt or truncated members/frames met so far.
  uint64_t corrupt_events() const { return corrupt_events_; }
  const std::string& io_error() const { return io_error_; }

 private:
  bool refill();
  void detect();
  size_t read_raw(char* dst, size_t cap);
  size_t read_gzip_members(char* dst, size_t cap);  // libdeflate, whole members
  size_t read_gzip(char* dst, size_t cap);          // zlib, streaming: big, corrupt or cut members
  size_t read_zstd(char* dst, size_t cap);
  // Skips input to the next occurrence of `magic` (not at the current position). False at the end.
  bool resync_to(std::string_view magic);
  // After a corrupt or cut member/frame: back to just past its start when that is still buffered (a
  // corrupt member can swallow the good ones after it), then on to the next magic. False at the end.
  bool recover(std::string_view magic);
  uint64_t position() const { return consumed_ - in_end_ + in_pos_; }

  std::unique_ptr<ByteSource> source_;
  std::vector<char> in_;
  size_t in_pos_ = 0;
  size_t in_end_ = 0;
  bool source_done_ = false;
  bool detected_ = false;
  bool unit_open_ = false;  // inside a gzip member or zstd frame
  uint64_t unit_start_ = 0;  // position() where the open member/frame began
  WarcCompression compression_ = WarcCompression::kNone;
  uint64_t consumed_ = 0;
  uint64_t corrupt_events_ = 0;
  std::string io_error_;
  struct Codec;
  std::unique_ptr<Codec> codec_;
};

}  // namespace pith::detail
