// Pipeline orchestration: resolves each input's part paths, reuses parts marked done by an earlier
// run, runs the record flow over the rest (record_flow.h: N threads, each with its own page -> record
// step, output in read order), shows progress when asked or on a terminal, then assembles OUT by
// concatenating parts in input order into OUT.tmp and renaming it. Guarantees: output order = input
// order whatever N; records read = records written + records skipped, per reason (counts come from the
// same verdicts that routed each record); OUT exists only when every input succeeded. Covered by
// tests/warc/pipeline_test.cc (accounting, 1, 2 and 4 threads identical, kill-and-rerun identical, progress).
#include "corpus/pipeline.h"

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <mutex>
#include <thread>

#include "corpus/json.h"
#include "corpus/part_writer.h"
#include "corpus/record_flow.h"
#include "corpus/sink.h"

namespace pith::corpus {
namespace {

using detail::InputCounts;
using detail::PartPaths;

std::string basename_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool exists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

uint64_t file_size(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

std::string iso_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Concatenates `parts` into `path` atomically (path.tmp, then rename).
bool concatenate(const std::vector<std::string>& parts, const std::string& path, std::string* error) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    for (const std::string& p : parts) {
      std::ifstream in(p, std::ios::binary);
      if (!in) {
        *error = "cannot read " + p;
        return false;
      }
      char buf[1 << 16];
      while (in.read(buf, sizeof buf) || in.gcount() > 0) out.write(buf, in.gcount());  // empty parts too
    }
    if (!out.flush()) {
      *error = "cannot write " + tmp;
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    *error = "cannot rename " + tmp + ": " + std::strerror(errno);
    return false;
  }
  return true;
}

void add_counts(PipelineResult& r, const InputCounts& c) {
  r.warc.add(c.warc);
  for (size_t i = 0; i < c.page_skips.size(); ++i) r.page_skips[i] += c.page_skips[i];
  r.written += c.written;
}

void print_progress(std::FILE* to, const detail::Progress& p, int total_inputs, uint64_t total_bytes, double seconds) {
  double mb = p.compressed_bytes.load() / 1e6;
  double rate = seconds > 0 ? mb / seconds : 0;
  double eta = rate > 0 ? (total_bytes / 1e6 - mb) / rate : 0;
  std::fprintf(to, "\r\033[Kpith warc: files %d/%d, %llu records (%.0f/s), %.1f MB/s, ETA %.0fs",
               p.inputs_finished.load(), total_inputs, static_cast<unsigned long long>(p.records.load()),
               seconds > 0 ? p.records.load() / seconds : 0.0, rate, eta < 0 ? 0 : eta);
}

}  // namespace

std::map<std::string, uint64_t> PipelineResult::skipped_by_reason() const {
  std::map<std::string, uint64_t> m;
  for (size_t i = 1; i < warc.skipped.size(); ++i)
    if (warc.skipped[i]) m[std::string(to_string(static_cast<SkipReason>(i)))] = warc.skipped[i];
  for (size_t i = 1; i < page_skips.size(); ++i)
    if (page_skips[i]) m[std::string(to_string(static_cast<PageSkip>(i)))] = page_skips[i];
  return m;
}

uint64_t PipelineResult::skipped_total() const {
  uint64_t n = 0;
  for (const auto& [reason, count] : skipped_by_reason()) n += count;
  return n;
}

std::string stats_json(const PipelineResult& r, double seconds) {
  std::string s = "{";
  auto number = [&s](std::string_view key, uint64_t value) {
    append_json_string(s, key);
    s += ':';
    s += std::to_string(value);
    s += ',';
  };
  auto open_object = [&s](std::string_view key) {
    append_json_string(s, key);
    s += ":{";
  };
  auto close_object = [&s] {
    if (s.back() == ',') s.pop_back();
    s += "},";
  };
  number("records", r.warc.records);
  number("written", r.written);
  number("skipped_total", r.skipped_total());
  open_object("skipped");
  for (const auto& [reason, count] : r.skipped_by_reason()) number(reason, count);
  close_object();
  open_object("record_types");
  for (size_t i = 0; i < r.warc.by_type.size(); ++i)
    if (r.warc.by_type[i]) number(to_string(static_cast<WarcRecordType>(i)), r.warc.by_type[i]);
  close_object();
  open_object("quirks");
  for (size_t i = 0; i < r.warc.quirks.size(); ++i) number(to_string(static_cast<WarcQuirk>(i)), r.warc.quirks[i]);
  close_object();
  number("inputs_done", static_cast<uint64_t>(r.inputs_done));
  number("inputs_reused", static_cast<uint64_t>(r.inputs_reused));
  number("inputs_failed", static_cast<uint64_t>(r.inputs_failed));
  number("compressed_bytes", r.warc.compressed_bytes);
  number("decompressed_bytes", r.warc.decompressed_bytes);
  char secs[64];
  std::snprintf(secs, sizeof secs, "\"seconds\":%.3f}\n", seconds);
  s += secs;
  return s;
}

int run_pipeline(const PipelineOptions& options, const PageToRecordFactory& step_factory, PipelineResult& result) {
  if (options.inputs.empty() || options.output.empty() || options.threads < 1) return 2;
  auto start = std::chrono::steady_clock::now();
  std::string added = options.added.empty() ? iso_now() : options.added;
  std::string parts_dir = options.output + ".parts";
  ::mkdir(parts_dir.c_str(), 0755);
  std::string ext = ".jsonl" + std::string(extension_of(compression_for(options.output)));

  std::vector<PartPaths> paths(options.inputs.size());
  std::vector<size_t> todo;
  uint64_t total_bytes = 0;
  for (size_t i = 0; i < options.inputs.size(); ++i) {
    char index[32];
    std::snprintf(index, sizeof index, "%05zu-", i);
    std::string stem = parts_dir + "/" + index + basename_of(options.inputs[i]);
    paths[i] = {stem + ext, stem + ".rejects.jsonl", stem + ".done"};
    InputCounts reused;
    if (exists(paths[i].done) && exists(paths[i].part) && detail::read_done_marker(paths[i].done, reused)) {
      add_counts(result, reused);
      ++result.inputs_reused;
    } else {
      todo.push_back(i);
      total_bytes += file_size(options.inputs[i]);
    }
  }

  detail::Progress progress;
  std::FILE* progress_stream = options.progress_stream ? options.progress_stream : stderr;
  bool show_progress = options.progress && (options.progress_forced || ::isatty(::fileno(progress_stream)));
  std::mutex mu;
  std::condition_variable finished_cv;
  bool all_finished = false;
  auto report = [&] {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    print_progress(progress_stream, progress, static_cast<int>(todo.size()), total_bytes, secs);
  };
  std::thread reporter;
  if (show_progress) {
    reporter = std::thread([&] {
      std::unique_lock<std::mutex> lock(mu);
      while (!finished_cv.wait_for(lock, std::chrono::milliseconds(500), [&] { return all_finished; })) report();
    });
  }
  detail::run_record_flow(todo, paths, options, added, step_factory, progress,
                          [&](size_t, const detail::InputOutcome& outcome) {
                            add_counts(result, outcome.counts);
                            if (outcome.ok) {
                              ++result.inputs_done;
                            } else {
                              ++result.inputs_failed;
                              result.errors.push_back(outcome.error);
                            }
                          });
  if (show_progress) {
    {
      std::lock_guard<std::mutex> lock(mu);
      all_finished = true;
    }
    finished_cv.notify_all();
    reporter.join();
    report();
    std::fputc('\n', progress_stream);
    std::fflush(progress_stream);
  }

  if (result.inputs_failed == 0) {
    std::vector<std::string> parts, rejects;
    for (const PartPaths& p : paths) {
      parts.push_back(p.part);
      rejects.push_back(p.rejects);
    }
    std::string error;
    if (!concatenate(parts, options.output, &error) ||
        (!options.rejects_path.empty() && !concatenate(rejects, options.rejects_path, &error))) {
      result.errors.push_back(error);
      ++result.inputs_failed;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string stats = stats_json(result, seconds);
  if (!options.stats_path.empty()) {
    std::ofstream f(options.stats_path, std::ios::binary | std::ios::trunc);
    f << stats;
  }
  if (options.summary) {
    std::fprintf(stderr, "pith warc: %llu records read, %llu written, %llu skipped", 
                 static_cast<unsigned long long>(result.warc.records), static_cast<unsigned long long>(result.written),
                 static_cast<unsigned long long>(result.skipped_total()));
    for (const auto& [reason, count] : result.skipped_by_reason())
      std::fprintf(stderr, "; %s %llu", reason.c_str(), static_cast<unsigned long long>(count));
    std::fprintf(stderr, "\npith warc: %d inputs done, %d reused from an earlier run, %d failed, %.2fs\n",
                 result.inputs_done, result.inputs_reused, result.inputs_failed, seconds);
    for (const std::string& e : result.errors) std::fprintf(stderr, "pith warc: error: %s\n", e.c_str());
  }
  return result.inputs_failed ? 1 : 0;
}

}  // namespace pith::corpus
