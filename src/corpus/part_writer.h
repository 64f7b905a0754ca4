// One input file -> one output part (internal to the pipeline): read, select, step, write JSONL, then
// publish atomically (temporary files renamed, then a completion marker holding the input's counts).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "corpus/pipeline.h"

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

// Processes `input` into `paths`; false with *error on failure (nothing published then).
bool process_input(const std::string& input, const PartPaths& paths, const PipelineOptions& options,
                   const std::string& added, PageToRecord& step, InputCounts& counts, Progress& progress,
                   std::string* error);

bool write_done_marker(const std::string& path, const InputCounts& counts);
bool read_done_marker(const std::string& path, InputCounts& counts);

}  // namespace pith::corpus::detail
