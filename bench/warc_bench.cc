// WARC throughput on one core and across threads. Two modes:
//   warc_bench FILE [--expect-records N] [--repeat K]
//     every record read, HTTP-parsed and selected (bodies decoded), best of K runs;
//   warc_bench --pipeline THREADS FILE... [--expect-records N] [--repeat K]
//     the corpus pipeline (body-info stand-in step, JSONL output to a fresh temporary directory).
// The record count is checked against --expect-records (the total over all files) before any timing is
// printed (DESIGN.md rule 12). bench/warc_bench.sh runs the first mode, with the count from
// make_warc.py's manifest, beside `zcat FILE > /dev/null` and `pith warc` (real extractor) measured in
// the same run; the second mode isolates the pipeline's own cost from extraction's.
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "corpus/pipeline.h"
#include "pith/warc.h"

namespace {

bool read_all(const std::string& path, pith::WarcStats& stats) {
  std::string error;
  auto reader = pith::WarcReader::open(path, {}, &error);
  if (!reader) {
    std::fprintf(stderr, "warc_bench: %s\n", error.c_str());
    return false;
  }
  pith::PageSelector selector(std::move(reader));
  pith::Page page;
  uint64_t body_bytes = 0;
  while (selector.next(page)) body_bytes += page.body().size();
  if (!selector.io_error().empty()) {
    std::fprintf(stderr, "warc_bench: %s\n", std::string(selector.io_error()).c_str());
    return false;
  }
  stats = selector.stats();
  return body_bytes > 0 || stats.passed == 0;
}

bool run_pipeline_once(const std::vector<std::string>& files, int threads, pith::WarcStats& stats) {
  char dir[] = "/tmp/warc_bench_XXXXXX";
  if (!mkdtemp(dir)) return false;
  pith::corpus::PipelineOptions o;
  o.inputs = files;
  o.output = std::string(dir) + "/out.jsonl";
  o.threads = threads;
  o.progress = o.summary = false;
  pith::corpus::PipelineResult r;
  int code = pith::corpus::run_pipeline(o, pith::corpus::body_info_stand_in(), r);
  std::filesystem::remove_all(dir);
  stats = r.warc;
  if (code != 0 || r.warc.records != r.written + r.skipped_total()) {
    std::fprintf(stderr, "warc_bench: pipeline failed (exit %d)\n", code);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  long long expect = -1;
  int repeat = 3, pipeline_threads = 0;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--expect-records") && i + 1 < argc) expect = std::atoll(argv[++i]);
    else if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--pipeline") && i + 1 < argc) pipeline_threads = std::atoi(argv[++i]);
    else files.push_back(argv[i]);
  }
  if (files.empty() || (pipeline_threads == 0 && files.size() != 1)) {
    std::fprintf(stderr, "usage: warc_bench FILE [--expect-records N] [--repeat K]\n"
                         "       warc_bench --pipeline THREADS FILE... [--expect-records N] [--repeat K]\n");
    return 2;
  }
  double best = 1e300;
  pith::WarcStats stats;
  for (int run = 0; run < repeat; ++run) {
    auto start = std::chrono::steady_clock::now();
    bool ok = pipeline_threads ? run_pipeline_once(files, pipeline_threads, stats) : read_all(files[0], stats);
    if (!ok) return 1;
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  if (expect >= 0 && stats.records != static_cast<uint64_t>(expect)) {
    std::fprintf(stderr, "warc_bench: read %llu records, expected %lld: timing not valid\n",
                 static_cast<unsigned long long>(stats.records), expect);
    return 1;
  }
  double mb = stats.compressed_bytes / 1e6;
  std::printf("mode %s threads %d records %llu passed %llu skipped %llu compressed_MB %.2f decompressed_MB %.2f "
              "seconds %.4f compressed_MB_per_s %.1f\n",
              pipeline_threads ? "pipeline" : "read", pipeline_threads ? pipeline_threads : 1,
              static_cast<unsigned long long>(stats.records), static_cast<unsigned long long>(stats.passed),
              static_cast<unsigned long long>(stats.skipped_total()), mb, stats.decompressed_bytes / 1e6, best, mb / best);
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
