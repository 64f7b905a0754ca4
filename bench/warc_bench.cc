// WARC reading throughput: every record of a WARC read, HTTP-parsed and selected (bodies decoded) on one
// core, best of --repeat runs. The record count is checked against --expect-records before any timing is
// printed (DESIGN.md rule 12); bench/warc_bench.sh sets it from make_warc.py's manifest and puts the
// figure beside `zcat FILE > /dev/null` measured in the same run.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "pith/warc.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: warc_bench FILE.warc[.gz|.zst] [--expect-records N] [--repeat K]\n");
    return 2;
  }
  std::string path = argv[1];
  long long expect = -1;
  int repeat = 3;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--expect-records")) expect = std::atoll(argv[i + 1]);
    else if (!std::strcmp(argv[i], "--repeat")) repeat = std::atoi(argv[i + 1]);
  }
  double best = 1e300;
  pith::WarcStats stats;
  uint64_t body_bytes = 0;
  for (int run = 0; run < repeat; ++run) {
    auto start = std::chrono::steady_clock::now();
    std::string error;
    auto reader = pith::WarcReader::open(path, {}, &error);
    if (!reader) {
      std::fprintf(stderr, "warc_bench: %s\n", error.c_str());
      return 1;
    }
    pith::PageSelector selector(std::move(reader));
    pith::Page page;
    body_bytes = 0;
    while (selector.next(page)) body_bytes += page.body().size();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!selector.io_error().empty()) {
      std::fprintf(stderr, "warc_bench: %.*s\n", static_cast<int>(selector.io_error().size()), selector.io_error().data());
      return 1;
    }
    stats = selector.stats();
    best = std::min(best, seconds);
  }
  if (expect >= 0 && stats.records != static_cast<uint64_t>(expect)) {
    std::fprintf(stderr, "warc_bench: read %llu records, expected %lld: timing not valid\n",
                 static_cast<unsigned long long>(stats.records), expect);
    return 1;
  }
  double mb = stats.compressed_bytes / 1e6;
  std::printf("records %llu passed %llu skipped %llu body_bytes %llu compressed_MB %.2f decompressed_MB %.2f "
              "seconds %.4f compressed_MB_per_s %.1f\n",
              static_cast<unsigned long long>(stats.records), static_cast<unsigned long long>(stats.passed),
              static_cast<unsigned long long>(stats.skipped_total()), static_cast<unsigned long long>(body_bytes), mb,
              stats.decompressed_bytes / 1e6, best, mb / best);
  for (size_t i = 1; i < stats.skipped.size(); ++i)
    if (stats.skipped[i])
      std::printf("  skipped %s %llu\n", std::string(pith::to_string(static_cast<pith::SkipReason>(i))).c_str(),
                  static_cast<unsigned long long>(stats.skipped[i]));
  for (size_t i = 0; i < stats.quirks.size(); ++i)
    if (stats.quirks[i])
      std::printf("  quirk %s %llu\n", std::string(pith::to_string(static_cast<pith::WarcQuirk>(i))).c_str(),
                  static_cast<unsigned long long>(stats.quirks[i]));
  return 0;
}
