// One input's output (internal to the pipeline): the JSONL lines of its records and rejects, and their
// atomic publication as a part file, a rejects file and a completion marker holding the input's counts.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "corpus/pipeline.h"
#include "corpus/sink.h"

namespace pith::corpus::detail {

struct PartPaths {
  std::string part;     // NNNNN-name.jsonl[.gz|.zst]
  std::string rejects;  // NNNNN-name.rejects.jsonl
  std::string done;     // NNNNN-name.done
};

struct InputCounts {
  WarcStats warc;
  std::array<uint64_t, static_cast<size_t>(PageSkip::kCount)> page_skips{};
  uint64_t written = 0;
};

// Live counters for the progress line.
struct Progress {
  std::atomic<uint64_t> compressed_bytes{0};
  std::atomic<uint64_t> records{0};
  std::atomic<int> inputs_finished{0};
};

// What every line of one input shares.
struct LineContext {
  std::string_view source;      // the "source" field
  std::string_view added;       // the "added" field
  std::string_view input_name;  // the input's file name (metadata.warc_filename)
};

// One corpus record (DESIGN.md schema) as a JSON line.
void append_record(std::string& out, const WarcRecord& warc, const HttpResponse* http, const PageRecord& rec,
                   const LineContext& context);
// One skipped record as a JSON line: id, url, reason, type, warc_filename, warc_offset.
void append_reject(std::string& out, const WarcRecord& warc, std::string_view reason, const LineContext& context);

// Writes a part and its rejects as .tmp files; publish() renames both and then writes the .done marker,
// so a killed run leaves either a complete, marked part or nothing a rerun trusts. Not thread-safe.
class PartWriter {
 public:
  [[nodiscard]] bool open(const PartPaths& paths, SinkCompression compression, std::string* error);
  bool is_open() const { return sink_ != nullptr; }
  // Appends lines (buffered; flushed to the sinks every 1 MiB). False once any write failed.
  bool add(std::string_view record_lines, std::string_view reject_lines);
  // Flushes, closes, renames and marks done; on failure removes the .tmp files and sets *error.
  [[nodiscard]] bool publish(const InputCounts& counts, std::string* error);
  // Closes and removes the .tmp files.
  void abandon();

 private:
  bool flush();

  PartPaths paths_;
  std::unique_ptr<Sink> sink_, rejects_;
  std::string out_, out_rejects_;
  bool ok_ = true;
};

bool write_done_marker(const std::string& path, const InputCounts& counts);
bool read_done_marker(const std::string& path, InputCounts& counts);

}  // namespace pith::corpus::detail
