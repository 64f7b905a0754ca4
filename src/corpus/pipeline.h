// The WARC corpus pipeline behind `pith warc IN... -o OUT.jsonl[.zst|.gz] [-j N] [--stats F.json]
// [--rejects F.jsonl] [--strict]`: every record of every input read, selected and, when passed, turned
// into a JSONL corpus record by the page -> record step (page_record.h).
//
// Work unit and order: records, not files. The calling thread reads the inputs one after another and
// copies each passed page out of the reader's buffers; N threads in all (the caller and N - 1 workers,
// each with its own step) run the step, and the caller writes the results in read order, so the output
// is byte-identical whatever N (record_flow.h). One file scales with N; reading is serial, at about 10
// times one thread's extraction speed (wcxb-dev), which bounds the useful N near 10. Each input is written to its
// own part, OUT.parts/NNNNN-<name>.jsonl[.gz|.zst], first as a temporary file, then renamed, then marked
// complete by a NNNNN-<name>.done file holding its counts. OUT is then assembled from the parts in input
// order (concatenated gzip members/zstd frames are valid streams) and renamed into place, so OUT is
// either complete or absent. A rerun skips inputs whose part is marked done and redoes the others; the
// parts stay as the resumable state (delete OUT.parts/ once OUT is final). Not reentrant: one run per
// OUT at a time.
//
// Memory bounds: records in flight (read, not yet written: queued for a step, in one, or waiting for
// their turn to be written) are at most `window_records`, and their bytes (page copies not yet processed
// plus output lines not yet written) at most `window_bytes`, except that one record is always admitted
// alone whatever its size. A record itself is bounded by the reader's limits (selector.reader
// .max_block_bytes, selector.http.max_body_bytes: longer ones are cut, flagged and skipped as
// too_large). So memory is about window_bytes + one record + the reader's buffers + each thread's step.
//
// Progress (files, records/s, MB/s, ETA) is printed to `progress_stream` every half second and once at
// the end, only when that stream is a terminal, unless forced or turned off.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "corpus/page_record.h"
#include "pith/warc.h"

namespace pith::corpus {

struct PipelineOptions {
  std::vector<std::string> inputs;
  std::string output;        // OUT.jsonl, OUT.jsonl.gz or OUT.jsonl.zst
  int threads = 1;
  std::string stats_path;    // --stats: accounting summary as JSON
  std::string rejects_path;  // --rejects: one JSON line per skipped record
  bool strict = false;       // quirks fail their input instead of being survived
  std::string source = "warc";  // the "source" field of each record
  std::string added;         // the "added" field (ISO 8601); empty: the run's start time
  PageSelectorOptions selector;
  size_t window_records = 0;           // records in flight; 0: 16 per thread (1 with one thread)
  size_t window_bytes = 32u << 20;     // bytes in flight (see above)
  bool progress = true;                // false: never (--progress=never)
  bool progress_forced = false;        // even when the stream is not a terminal (--progress=always)
  std::FILE* progress_stream = nullptr;  // null: stderr
  bool summary = true;       // accounting summary on stderr at the end
};

struct PipelineResult {
  WarcStats warc;                                // reader counts, summed over inputs
  std::array<uint64_t, static_cast<size_t>(PageSkip::kCount)> page_skips{};  // from the page -> record step
  uint64_t written = 0;                          // records written
  int inputs_done = 0;                           // processed in this run
  int inputs_reused = 0;                         // skipped: marked done by an earlier run
  int inputs_failed = 0;
  std::vector<std::string> errors;               // in input order

  // Every reason, reader's and step's, with its count ("not_response": 12, ...).
  std::map<std::string, uint64_t> skipped_by_reason() const;
  uint64_t skipped_total() const;
};

// Returns the process exit code: 0 all inputs done, 1 some failed, 2 usage error.
int run_pipeline(const PipelineOptions& options, const PageToRecordFactory& step, PipelineResult& result);

// The stats JSON (also what --stats writes).
std::string stats_json(const PipelineResult& result, double seconds);

}  // namespace pith::corpus
