// File helpers shared by the corpus pipeline tests: whole-file reads, decompressed reads (any of the
// sinks' compressions), lines.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

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

}  // namespace pith::testing
