// One input's records in parallel (src/corpus/record_flow.cc): a single file gives byte-identical
// output, rejects and counts with 1, 2 and 4 threads even when steps finish out of order; the window
// caps hold (records in flight, bytes in flight); an unreadable input fails alone; a 100 MB record is cut, flagged and skipped without
// being held whole; progress is printed when forced or on a terminal, and not into a file.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include "corpus/pipeline.h"
#include "test_files.h"
#include "warc_builder.h"

namespace pith::corpus {
namespace {

namespace fs = std::filesystem;
using pith::testing::lines_of;
using pith::testing::quiet_pipeline_options;
using pith::testing::slurp;

// A step that takes a URL-dependent time (so steps finish out of order across threads) and finds no
// main content in about one page in nine.
PageToRecordFactory jittery_step() {
  return [] {
    PageToRecord inner = body_info_stand_in()();
    return [inner](const PageInput& in, PageRecord& rec) {
      size_t h = std::hash<std::string_view>{}(in.url);
      std::this_thread::sleep_for(std::chrono::microseconds(h % 1200));
      if (h % 9 == 4) return PageSkip::kEmptyMainContent;
      return inner(in, rec);
    };
  };
}

class PipelineRecordFlowTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("pith_record_flow_" + std::to_string(getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // One file, Common Crawl's layout: 300 request/response pairs, some answering 500, some PNGs.
  std::string one_big_file() {
    std::vector<std::string> recs;
    for (int k = 0; k < 300; ++k) {
      std::string url = "http://one.test/page" + std::to_string(k);
      std::string body = "<html><title>P" + std::to_string(k) + "</title><p>" + std::string(50 + k * 53 % 9000, 'a' + k % 26);
      recs.push_back(pith::testing::warc_record("request", "GET / HTTP/1.1\r\n\r\n", {{"WARC-Target-URI", url}}));
      std::string http = k % 13 == 7   ? pith::testing::http_response(body, "500 Oops")
                         : k % 17 == 3 ? pith::testing::http_response("\x89PNG", "200 OK", "image/png")
                                       : pith::testing::http_response(body);
      recs.push_back(pith::testing::response_record(url, http));
    }
    std::string path = (dir_ / "one.warc.gz").string();
    std::ofstream(path, std::ios::binary) << pith::testing::gzip_per_record(recs);
    return path;
  }

  PipelineOptions options(const std::vector<std::string>& inputs, const std::string& out, int threads) {
    PipelineOptions o = quiet_pipeline_options(inputs, (dir_ / out).string(), threads);
    o.rejects_path = (dir_ / (out + ".rejects")).string();
    return o;
  }

  fs::path dir_;
};

TEST_F(PipelineRecordFlowTest, OneFileSameBytesAndCountsForOneTwoAndFourThreads) {
  std::string file = one_big_file();
  PipelineOptions o1 = options({file}, "j1.jsonl", 1);
  PipelineResult r1;
  ASSERT_EQ(run_pipeline(o1, jittery_step(), r1), 0);
  EXPECT_EQ(r1.warc.records, 600u);
  EXPECT_EQ(r1.warc.records, r1.written + r1.skipped_total());
  EXPECT_GT(r1.page_skips[static_cast<size_t>(PageSkip::kEmptyMainContent)], 10u);
  EXPECT_EQ(lines_of(slurp(o1.output)).size(), r1.written);
  EXPECT_EQ(lines_of(slurp(o1.rejects_path)).size(), r1.skipped_total());

  struct Variant {
    const char* name;
    int threads;
    size_t window_records, window_bytes;
  };
  const Variant variants[] = {{"j2", 2, 0, 64u << 20}, {"j4", 4, 0, 64u << 20}, {"j4-window3", 4, 3, 64u << 20},
                              {"j4-bytes20k", 4, 0, 20000}, {"j2-bytes1", 2, 0, 1}};
  for (const Variant& v : variants) {
    PipelineOptions o = options({file}, std::string(v.name) + ".jsonl", v.threads);
    o.window_records = v.window_records;
    o.window_bytes = v.window_bytes;
    PipelineResult r;
    ASSERT_EQ(run_pipeline(o, jittery_step(), r), 0) << v.name;
    EXPECT_EQ(slurp(o.output), slurp(o1.output)) << v.name;
    EXPECT_EQ(slurp(o.rejects_path), slurp(o1.rejects_path)) << v.name;
    EXPECT_EQ(r.warc.records, r1.warc.records) << v.name;
    EXPECT_EQ(r.written, r1.written) << v.name;
    EXPECT_EQ(r.skipped_by_reason(), r1.skipped_by_reason()) << v.name;
    EXPECT_EQ(r.page_skips, r1.page_skips) << v.name;
  }
}

// While the first page's step is held, the others run only as far as the window lets the reader go.
TEST_F(PipelineRecordFlowTest, RecordsInFlightStayWithinTheWindow) {
  std::string file = one_big_file();
  for (size_t window : {size_t{8}, size_t{0}}) {
    std::atomic<bool> first_taken{false}, release{false};
    std::atomic<int> others{0};
    PageToRecordFactory held_first = [&] {
      PageToRecord inner = body_info_stand_in()();
      return [&, inner](const PageInput& in, PageRecord& rec) {
        if (!first_taken.exchange(true)) {
          for (int ms = 0; ms < 10000 && !release; ++ms) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        } else {
          ++others;
        }
        return inner(in, rec);
      };
    };
    PipelineOptions o = options({file}, "w" + std::to_string(window) + ".jsonl", 3);
    o.window_records = window;
    std::thread run([&] {
      PipelineResult r;
      EXPECT_EQ(run_pipeline(o, held_first, r), 0);
    });
    // Wait until the other steps have stopped for 200 ms: everything the window admitted has run.
    int during_hold = -1;
    for (int stable = 0, polls = 0; stable < 10 && polls < 500; ++polls) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      int now = others.load();
      stable = now == during_hold && first_taken ? stable + 1 : 0;
      during_hold = now;
    }
    release = true;
    run.join();
    if (window == 8) {
      EXPECT_LE(during_hold, 7);  // the held page plus at most 7 others in the window
    } else {
      EXPECT_GT(during_hold, 7) << "the default window (16 records per thread) lets the others run on";
      EXPECT_LT(during_hold, 250) << "the default window still stops the reader";
    }
  }
}

// With a one-byte window one record is in flight at a time, so steps never overlap.
TEST_F(PipelineRecordFlowTest, OneByteWindowRunsOneStepAtATime) {
  std::string file = one_big_file();
  std::atomic<int> active{0}, most{0};
  // A step waits for another one to become active, up to `patience`: with a one-byte window none ever
  // can (200 us each), with the default window one does, however loaded the machine (up to 50 ms, once).
  std::chrono::microseconds patience{200};
  PageToRecordFactory counting = [&] {
    PageToRecord inner = body_info_stand_in()();
    return [&, inner](const PageInput& in, PageRecord& rec) {
      int now = ++active;
      for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {}
      auto until = std::chrono::steady_clock::now() + patience;
      while (most.load() < 2 && std::chrono::steady_clock::now() < until) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
      }
      --active;
      return inner(in, rec);
    };
  };
  PipelineOptions o = options({file}, "bytes1.jsonl", 4);
  o.window_bytes = 1;
  PipelineResult r;
  ASSERT_EQ(run_pipeline(o, counting, r), 0);
  EXPECT_EQ(most.load(), 1);
  patience = std::chrono::milliseconds(50);
  PipelineOptions wide = options({file}, "wide.jsonl", 4);
  ASSERT_EQ(run_pipeline(wide, counting, r), 0);
  EXPECT_GT(most.load(), 1) << "four threads with the default window do overlap";
}

// An input that cannot be read fails alone: the inputs around it are published, nothing is left half
// written, and OUT is not assembled.
TEST_F(PipelineRecordFlowTest, UnreadableInputFailsAloneBetweenGoodOnes) {
  std::string sample = std::string(PITH_SOURCE_DIR) + "/tests/fixtures/sample.warc.gz";
  std::string absent = (dir_ / "absent.warc.gz").string();
  PipelineOptions o = options({sample, absent, sample}, "gap.jsonl", 2);
  PipelineResult r;
  EXPECT_EQ(run_pipeline(o, jittery_step(), r), 1);
  EXPECT_EQ(r.inputs_done, 2);
  EXPECT_EQ(r.inputs_failed, 1);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].find("absent.warc.gz"), std::string::npos) << r.errors[0];
  EXPECT_EQ(r.warc.records, 2u * 19);
  EXPECT_FALSE(fs::exists(o.output));
  std::string parts = o.output + ".parts/";
  EXPECT_TRUE(fs::exists(parts + "00000-sample.warc.gz.done"));
  EXPECT_FALSE(fs::exists(parts + "00001-absent.warc.gz.done"));
  EXPECT_TRUE(fs::exists(parts + "00002-sample.warc.gz.done"));
  for (const auto& entry : fs::directory_iterator(parts))
    EXPECT_NE(entry.path().extension(), ".tmp") << entry.path();
}

long max_rss_kib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// A 100 MB response between two pages, uncompressed and as one gzip member, written in 1 MiB pieces so
// the test itself never holds it: cut at the 16 MiB default, counted too_large, the pages around it kept.
TEST_F(PipelineRecordFlowTest, HundredMegabyteRecordIsCutAndFlagged) {
  const size_t kBig = 100u << 20;
  std::string before = pith::testing::response_record("http://before.test/", pith::testing::http_response("<p>before</p>"));
  std::string after = pith::testing::response_record("http://after.test/", pith::testing::http_response("<p>after</p>"));
  std::string http_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>";
  std::string warc_head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:big>\r\n"
                          "WARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Target-URI: http://big.test/\r\n"
                          "Content-Type: application/http; msgtype=response\r\nContent-Length: " +
                          std::to_string(http_head.size() + kBig) + "\r\n\r\n";
  std::string piece(1u << 20, 'b');
  std::string plain = (dir_ / "big.warc").string(), gz = (dir_ / "big.warc.gz").string();
  {
    std::ofstream f(plain, std::ios::binary);
    f << before << warc_head << http_head;
    for (size_t n = 0; n < kBig; n += piece.size()) f << piece;
    f << "\r\n\r\n" << after;
  }
  std::ofstream(gz, std::ios::binary) << pith::testing::gzip_bytes(before);
  gzFile member = gzopen(gz.c_str(), "ab");  // appends a second gzip member
  ASSERT_NE(member, nullptr);
  gzwrite(member, warc_head.data(), static_cast<unsigned>(warc_head.size()));
  gzwrite(member, http_head.data(), static_cast<unsigned>(http_head.size()));
  for (size_t n = 0; n < kBig; n += piece.size()) gzwrite(member, piece.data(), static_cast<unsigned>(piece.size()));
  gzwrite(member, "\r\n\r\n", 4);
  ASSERT_EQ(gzclose(member), Z_OK);
  std::ofstream(gz, std::ios::binary | std::ios::app) << pith::testing::gzip_bytes(after);
  long rss_before = max_rss_kib();
  PipelineOptions o = options({plain, gz}, "big.jsonl", 2);
  PipelineResult r;
  ASSERT_EQ(run_pipeline(o, body_info_stand_in(), r), 0) << (r.errors.empty() ? "" : r.errors[0]);
  long grown_mib = (max_rss_kib() - rss_before) / 1024;
  EXPECT_EQ(r.warc.records, 6u);
  EXPECT_EQ(r.written, 4u);
  EXPECT_EQ(r.skipped_by_reason()["too_large"], 2u);
  EXPECT_EQ(r.warc.records, r.written + r.skipped_total());
  auto rejects = lines_of(slurp(o.rejects_path));
  ASSERT_EQ(rejects.size(), 2u);
  for (const std::string& line : rejects) {
    EXPECT_NE(line.find("\"reason\":\"too_large\""), std::string::npos) << line;
    EXPECT_NE(line.find("http://big.test/"), std::string::npos) << line;
  }
  auto out = lines_of(slurp(o.output));
  ASSERT_EQ(out.size(), 4u);
  EXPECT_NE(out[1].find("http://after.test/"), std::string::npos);
  EXPECT_LT(grown_mib, 90) << "the 100 MB record was held whole";
}

class PipelineProgressTest : public PipelineRecordFlowTest {
 protected:
  // Runs the sample through the pipeline with progress going to `stream`.
  void run_with_progress(std::FILE* stream, bool enabled, bool forced) {
    PipelineOptions o = options({std::string(PITH_SOURCE_DIR) + "/tests/fixtures/sample.warc.gz"},
                                "p" + std::to_string(runs_++) + ".jsonl", 2);
    o.progress = enabled;
    o.progress_forced = forced;
    o.progress_stream = stream;
    PipelineResult r;
    EXPECT_EQ(run_pipeline(o, body_info_stand_in(), r), 0);
    EXPECT_EQ(r.warc.records, 19u);
    std::fflush(stream);
  }
  int runs_ = 0;
};

std::string file_contents(std::FILE* f) {
  std::rewind(f);
  std::string s;
  for (int c; (c = std::fgetc(f)) != EOF;) s += static_cast<char>(c);
  return s;
}

void expect_progress_fields(const std::string& s) {
  for (const char* field : {"files 1/1", "19 records", "/s)", "MB/s", "ETA"})
    EXPECT_NE(s.find(field), std::string::npos) << field << " not in: " << s;
}

TEST_F(PipelineProgressTest, ForcedPrintsEveryFieldIntoAFile) {
  std::FILE* f = std::tmpfile();
  ASSERT_NE(f, nullptr);
  run_with_progress(f, true, true);
  expect_progress_fields(file_contents(f));
  std::fclose(f);
}

TEST_F(PipelineProgressTest, SilentWhenNotATerminalOrTurnedOff) {
  for (bool forced : {false, true}) {
    std::FILE* f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    run_with_progress(f, /*enabled=*/!forced, forced);  // auto into a file; never, even forced
    EXPECT_EQ(file_contents(f), "");
    std::fclose(f);
  }
}

TEST_F(PipelineProgressTest, AutoPrintsOnATerminal) {
  int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) GTEST_SKIP() << "no pseudo-terminal here";
  int slave = ::open(ptsname(master), O_RDWR | O_NOCTTY);
  ASSERT_GE(slave, 0);
  std::FILE* terminal = fdopen(slave, "w");
  ASSERT_NE(terminal, nullptr);
  run_with_progress(terminal, true, false);
  std::fclose(terminal);
  std::string seen;
  ::fcntl(master, F_SETFL, O_NONBLOCK);
  char buf[4096];
  for (ssize_t n; (n = ::read(master, buf, sizeof buf)) > 0;) seen.append(buf, static_cast<size_t>(n));
  ::close(master);
  expect_progress_fields(seen);
}

}  // namespace
}  // namespace pith::corpus
