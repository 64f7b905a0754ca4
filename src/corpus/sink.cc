// File sinks: buffered write(2) under a zlib deflate stream (gzip wrapper, level 6) or a zstd
// streaming compressor (level 3), or no compressor. Errors are sticky and reported by finish().
// Covered by tests/warc/pipeline_test.cc (outputs read back through zcat/zstdcat-equivalent decoders).
#include "corpus/sink.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace pith::corpus {
namespace {

constexpr size_t kOutBufferBytes = 1u << 20;

class FileSink : public Sink {
 public:
  FileSink(int fd, SinkCompression compression) : fd_(fd), compression_(compression), out_(kOutBufferBytes) {
    if (compression_ == SinkCompression::kGzip) {
      if (deflateInit2(&z_, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) error_ = "deflateInit2 failed";
    } else if (compression_ == SinkCompression::kZstd) {
      zstd_ = ZSTD_createCCtx();
      if (!zstd_) error_ = "ZSTD_createCCtx failed";
      else ZSTD_CCtx_setParameter(zstd_, ZSTD_c_compressionLevel, 3);
    }
  }
  ~FileSink() override {
    if (compression_ == SinkCompression::kGzip) deflateEnd(&z_);
    if (zstd_) ZSTD_freeCCtx(zstd_);
    if (fd_ >= 0) ::close(fd_);
  }

  bool write(std::string_view bytes) override { return compress(bytes, false); }

  bool finish() override {
    compress({}, true);
    if (error_.empty() && ::fsync(fd_) != 0) error_ = std::string("fsync: ") + std::strerror(errno);
    if (::close(fd_) != 0 && error_.empty()) error_ = std::string("close: ") + std::strerror(errno);
    fd_ = -1;
    return error_.empty();
  }
  const std::string& error() const override { return error_; }

 private:
  bool flush_out(size_t n) {
    size_t done = 0;
    while (done < n && error_.empty()) {
      ssize_t w = ::write(fd_, out_.data() + done, n - done);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) error_ = std::string("write: ") + std::strerror(errno);
      else done += static_cast<size_t>(w);
    }
    return error_.empty();
  }

  bool compress(std::string_view in, bool last) {
    if (!error_.empty()) return false;
    switch (compression_) {
      case SinkCompression::kNone: {
        if (pending_ + in.size() > out_.size() || last) {
          if (!flush_out(pending_)) return false;
          pending_ = 0;
        }
        if (in.size() > out_.size()) {
          size_t done = 0;
          while (done < in.size() && error_.empty()) {
            ssize_t w = ::write(fd_, in.data() + done, in.size() - done);
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) error_ = std::string("write: ") + std::strerror(errno);
            else done += static_cast<size_t>(w);
          }
        } else if (!in.empty()) {
          std::memcpy(out_.data() + pending_, in.data(), in.size());
          pending_ += in.size();
          if (last) {
            if (!flush_out(pending_)) return false;
            pending_ = 0;
          }
        }
        return error_.empty();
      }
      case SinkCompression::kGzip: {
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
        z_.avail_in = static_cast<uInt>(in.size());
        int ret;
        do {
          z_.next_out = reinterpret_cast<Bytef*>(out_.data());
          z_.avail_out = static_cast<uInt>(out_.size());
          ret = deflate(&z_, last ? Z_FINISH : Z_NO_FLUSH);
          if (ret == Z_STREAM_ERROR) error_ = "deflate failed";
          if (!flush_out(out_.size() - z_.avail_out)) return false;
        } while (z_.avail_out == 0 || (last && ret != Z_STREAM_END));
        return error_.empty();
      }
      case SinkCompression::kZstd: {
        ZSTD_inBuffer input{in.data(), in.size(), 0};
        for (;;) {
          ZSTD_outBuffer output{out_.data(), out_.size(), 0};
          size_t left = ZSTD_compressStream2(zstd_, &output, &input, last ? ZSTD_e_end : ZSTD_e_continue);
          if (ZSTD_isError(left)) {
            error_ = std::string("zstd: ") + ZSTD_getErrorName(left);
            return false;
          }
          if (!flush_out(output.pos)) return false;
          if (last ? left == 0 : input.pos == input.size) break;
        }
        return true;
      }
    }
    return false;
  }

  int fd_;
  SinkCompression compression_;
  std::vector<char> out_;
  size_t pending_ = 0;
  z_stream z_{};
  ZSTD_CCtx* zstd_ = nullptr;
  std::string error_;
};

}  // namespace

SinkCompression compression_for(std::string_view path) {
  if (path.ends_with(".gz")) return SinkCompression::kGzip;
  if (path.ends_with(".zst")) return SinkCompression::kZstd;
  return SinkCompression::kNone;
}

std::string_view extension_of(SinkCompression compression) {
  switch (compression) {
    case SinkCompression::kGzip: return ".gz";
    case SinkCompression::kZstd: return ".zst";
    default: return "";
  }
}

std::unique_ptr<Sink> open_sink(const std::string& path, SinkCompression compression, std::string* error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    if (error) *error = path + ": " + std::strerror(errno);
    return nullptr;
  }
  return std::make_unique<FileSink>(fd, compression);
}

}  // namespace pith::corpus
