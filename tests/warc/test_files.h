// Helpers shared by the corpus pipeline tests: whole-file reads, decompressed reads (any of the sinks'
// compressions), lines, and pipeline options fixed for byte-for-byte comparisons.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/pipeline.h"
#include "warc/stream.h"

namespace pith::testing {

inline std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// Whatever the compression, the decompressed bytes (the reader's stream handles gzip members/zstd frames).
inline std::string decompressed(const std::string& path) {
  std::string raw = slurp(path);
  pith::detail::DecodedStream s(pith::detail::memory_source(raw));
  std::string out;
  char buf[65536];
  for (size_t n; (n = s.read(buf, sizeof buf));) out.append(buf, n);
  return out;
}

inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> v;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) v.push_back(line);
  return v;
}

// Options for a test run: a fixed "added" time (so outputs compare byte for byte), no progress, no
// summary on stderr.
inline pith::corpus::PipelineOptions quiet_pipeline_options(const std::vector<std::string>& inputs,
                                                           const std::string& output, int threads) {
  pith::corpus::PipelineOptions o;
  o.inputs = inputs;
  o.output = output;
  o.threads = threads;
  o.added = "2026-01-01T00:00:00Z";
  o.progress = false;
  o.summary = false;
  return o;
}

}  // namespace pith::testing
