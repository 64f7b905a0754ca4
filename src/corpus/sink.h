// Byte sinks for the corpus output: a file written plain, gzip (one member) or zstd (one frame),
// chosen from the name (.gz, .zst). Concatenated gzip members and zstd frames are valid streams, which
// is what lets the pipeline assemble per-input parts by plain concatenation. Not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace pith::corpus {

enum class SinkCompression { kNone, kGzip, kZstd };

SinkCompression compression_for(std::string_view path);  // by extension
std::string_view extension_of(SinkCompression compression);  // "", ".gz", ".zst"

class Sink {
 public:
  virtual ~Sink() = default;
  [[nodiscard]] virtual bool write(std::string_view bytes) = 0;
  // Flushes the compressor and closes the file; false on any error so far.
  [[nodiscard]] virtual bool finish() = 0;
  virtual const std::string& error() const = 0;
};

// Creates (truncates) `path`; null with *error set when it cannot.
std::unique_ptr<Sink> open_sink(const std::string& path, SinkCompression compression, std::string* error);

}  // namespace pith::corpus
