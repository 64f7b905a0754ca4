// The corpus pipeline: per-reason accounting (records read = written + skipped, on stderr's summary,
// --stats and --rejects alike), record schema, output and counts identical for 1, 2 and 4 threads over
// several inputs and for every sink, a run killed midway (1 and 2 threads) then rerun giving the
// uninterrupted run's output, and --strict. One input's records in parallel: record_flow_test.cc.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "corpus/json.h"
#include "corpus/pipeline.h"
#include "test_files.h"
#include "warc_builder.h"

namespace pith::corpus {
namespace {

namespace fs = std::filesystem;

using pith::testing::decompressed;
using pith::testing::lines_of;
using pith::testing::quiet_pipeline_options;
using pith::testing::slurp;

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::replace(name.begin(), name.end(), '/', '_');  // parameterised tests: "Name/0"
    dir_ = fs::temp_directory_path() / ("pith_pipeline_" + std::to_string(getpid()) + "_" + name);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    sample_ = std::string(PITH_SOURCE_DIR) + "/tests/fixtures/sample.warc.gz";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Six inputs: the bundled sample under three names and three in-memory WARCs of known contents.
  std::vector<std::string> make_inputs() {
    std::vector<std::string> inputs;
    for (int i = 0; i < 3; ++i) {
      std::string p = (dir_ / ("sample" + std::to_string(i) + ".warc.gz")).string();
      fs::copy_file(sample_, p);
      inputs.push_back(p);
    }
    for (int i = 0; i < 3; ++i) {
      std::vector<std::string> recs;
      for (int k = 0; k < 20; ++k) {
        std::string url = "http://built" + std::to_string(i) + ".test/" + std::to_string(k);
        std::string body = "<html><title>T" + std::to_string(k) + "</title><p>" + std::string(100 + k * 37, 'x') + "</p>";
        recs.push_back(pith::testing::warc_record("request", "GET / HTTP/1.1\r\n\r\n", {{"WARC-Target-URI", url}}));
        recs.push_back(pith::testing::response_record(url, pith::testing::http_response(body, k % 7 == 3 ? "500 Oops" : "200 OK")));
      }
      std::string p = (dir_ / ("built" + std::to_string(i) + ".warc.zst")).string();
      std::ofstream(p, std::ios::binary) << pith::testing::zstd_bytes(pith::testing::concat(recs));
      inputs.push_back(p);
    }
    return inputs;
  }

  PipelineOptions options(const std::vector<std::string>& inputs, const std::string& out, int threads) {
    PipelineOptions o = quiet_pipeline_options(inputs, (dir_ / out).string(), threads);
    return o;
  }

  fs::path dir_;
  std::string sample_;
};

TEST_F(PipelineTest, AccountingStatsRejectsAndSchema) {
  auto inputs = make_inputs();
  PipelineOptions o = options(inputs, "out.jsonl", 2);
  o.stats_path = (dir_ / "stats.json").string();
  o.rejects_path = (dir_ / "rejects.jsonl").string();
  PipelineResult r;
  ASSERT_EQ(run_pipeline(o, body_info_stand_in(), r), 0);
  // Known contents: sample = 19 records (6 pages, 11 not responses, 1 404, 1 PNG); built = 40 records
  // (20 requests, 20 responses of which k = 3, 10, 17 answer 500).
  EXPECT_EQ(r.warc.records, 3u * 19 + 3u * 40);
  EXPECT_EQ(r.written, 3u * 6 + 3u * 17);
  auto by_reason = r.skipped_by_reason();
  EXPECT_EQ(by_reason["not_response"], 3u * 11 + 3u * 20);
  EXPECT_EQ(by_reason["http_status"], 3u * 1 + 3u * 3);
  EXPECT_EQ(by_reason["not_html"], 3u * 1);
  EXPECT_EQ(by_reason.size(), 3u);
  EXPECT_EQ(r.warc.records, r.written + r.skipped_total());

  auto out = lines_of(slurp(o.output));
  auto rejects = lines_of(slurp(o.rejects_path));
  EXPECT_EQ(out.size(), r.written);
  EXPECT_EQ(rejects.size(), r.skipped_total());
  auto stats = nlohmann::json::parse(slurp(o.stats_path));
  EXPECT_EQ(stats["records"], r.warc.records);
  EXPECT_EQ(stats["written"], r.written);
  EXPECT_EQ(stats["skipped"]["not_response"], by_reason["not_response"]);
  uint64_t sum = stats["written"].get<uint64_t>();
  for (auto& [k, v] : stats["skipped"].items()) sum += v.get<uint64_t>();
  EXPECT_EQ(sum, stats["records"].get<uint64_t>());

  std::map<std::string, int> reject_reasons;
  for (const std::string& line : rejects) reject_reasons[nlohmann::json::parse(line)["reason"]]++;
  EXPECT_EQ(reject_reasons["http_status"], 12);

  // Schema (DESIGN.md) and input order: the first record is the sample's English page.
  auto first = nlohmann::json::parse(out.front());
  for (const char* key : {"id", "text", "source", "added", "created", "metadata"}) EXPECT_TRUE(first.contains(key)) << key;
  for (const char* key : {"url", "title", "author", "date", "sitename", "description", "language", "language_score",
                          "warc_record_id", "warc_date", "content_type"})
    EXPECT_TRUE(first["metadata"].contains(key)) << key;
  EXPECT_EQ(first["metadata"]["url"], "https://valleycourier.example/environment/millbrook-salmon");
  EXPECT_EQ(first["created"], "2024-03-01T12:00:02Z");
  EXPECT_EQ(first["added"], "2026-01-01T00:00:00Z");
  EXPECT_EQ(first["text"], "");  // the stand-in extracts nothing
  EXPECT_EQ(first["metadata"]["body_bytes"], fs::file_size(std::string(PITH_SOURCE_DIR) + "/tests/fixtures/pages/en-utf8.html"));
  EXPECT_EQ(nlohmann::json::parse(out.back())["metadata"]["url"], "http://built2.test/19");
}

TEST_F(PipelineTest, SameOutputAndCountsForOneTwoAndFourThreadsAndEverySink) {
  auto inputs = make_inputs();
  PipelineResult r1;
  PipelineOptions o1 = options(inputs, "one.jsonl", 1);
  o1.rejects_path = (dir_ / "one.rejects.jsonl").string();
  ASSERT_EQ(run_pipeline(o1, body_info_stand_in(), r1), 0);
  std::string one = slurp(o1.output);
  EXPECT_FALSE(one.empty());
  for (int threads : {2, 4}) {
    for (std::string out : {"many.jsonl", "many.jsonl.gz", "many.jsonl.zst"}) {
      out = std::to_string(threads) + out;
      PipelineOptions o = options(inputs, out, threads);
      o.rejects_path = (dir_ / (out + ".rejects.jsonl")).string();
      PipelineResult r;
      ASSERT_EQ(run_pipeline(o, body_info_stand_in(), r), 0) << out;
      EXPECT_EQ(one, decompressed(o.output)) << out;
      EXPECT_EQ(slurp(o1.rejects_path), slurp(o.rejects_path)) << out;
      EXPECT_EQ(r.warc.records, r1.warc.records) << out;
      EXPECT_EQ(r.written, r1.written) << out;
      EXPECT_EQ(r.skipped_by_reason(), r1.skipped_by_reason()) << out;
      EXPECT_EQ(r.warc.by_type, r1.warc.by_type) << out;
    }
  }
  EXPECT_NE(slurp((dir_ / "2many.jsonl.zst").string()), one);
}

class PipelineKilledRunTest : public PipelineTest, public ::testing::WithParamInterface<int> {};

TEST_P(PipelineKilledRunTest, RerunEqualsUninterruptedRun) {
  const int threads = GetParam();
  auto inputs = make_inputs();
  PipelineResult whole;
  ASSERT_EQ(run_pipeline(options(inputs, "whole.jsonl.zst", 1), body_info_stand_in(), whole), 0);

  PipelineOptions o = options(inputs, "killed.jsonl.zst", threads);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // A slow step, so that the kill lands midway.
    PageToRecordFactory slow = [] {
      PageToRecord inner = body_info_stand_in()();
      return [inner](const PageInput& in, PageRecord& rec) {
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
        return inner(in, rec);
      };
    };
    PipelineResult r;
    _exit(run_pipeline(o, slow, r));
  }
  std::string first_done = o.output + ".parts/00000-sample0.warc.gz.done";
  std::string last_done = o.output + ".parts/00005-built2.warc.zst.done";
  for (int i = 0; i < 400 && !fs::exists(first_done); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(fs::exists(first_done));
  ASSERT_EQ(kill(child, SIGKILL), 0);
  int status = 0;
  waitpid(child, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_FALSE(fs::exists(o.output));
  EXPECT_FALSE(fs::exists(last_done));

  PipelineResult rerun;
  ASSERT_EQ(run_pipeline(o, body_info_stand_in(), rerun), 0);
  EXPECT_GE(rerun.inputs_reused, 1);
  EXPECT_LT(rerun.inputs_reused, 6);
  EXPECT_EQ(rerun.inputs_reused + rerun.inputs_done, 6);
  EXPECT_EQ(slurp(o.output), slurp((dir_ / "whole.jsonl.zst").string()));
  EXPECT_EQ(rerun.warc.records, whole.warc.records);
  EXPECT_EQ(rerun.written, whole.written);
  EXPECT_EQ(rerun.skipped_by_reason(), whole.skipped_by_reason());

  PipelineResult again;  // a third run has nothing left to do
  ASSERT_EQ(run_pipeline(o, body_info_stand_in(), again), 0);
  EXPECT_EQ(again.inputs_reused, 6);
  EXPECT_EQ(slurp(o.output), slurp((dir_ / "whole.jsonl.zst").string()));
}

INSTANTIATE_TEST_SUITE_P(Threads, PipelineKilledRunTest, ::testing::Values(1, 2));

TEST_F(PipelineTest, StrictFailsAnInputWithQuirksAndWritesNoOutput) {
  std::string lf = pith::testing::response_record("http://lf.test/", pith::testing::http_response("<p>x</p>"));
  std::string head;
  for (char c : lf.substr(0, lf.find("\r\n\r\n")))
    if (c != '\r') head += c;
  std::string file = (dir_ / "lf.warc").string();
  std::ofstream(file, std::ios::binary) << head + "\n\n" + lf.substr(lf.find("\r\n\r\n") + 4);
  PipelineResult lenient, strict;
  EXPECT_EQ(run_pipeline(options({file}, "lenient.jsonl", 1), body_info_stand_in(), lenient), 0);
  EXPECT_EQ(lenient.written, 1u);
  EXPECT_EQ(lenient.warc.quirks[static_cast<size_t>(WarcQuirk::kLfOnlyHeaderLines)], 1u);
  PipelineOptions o = options({file}, "strict.jsonl", 1);
  o.strict = true;
  EXPECT_EQ(run_pipeline(o, body_info_stand_in(), strict), 1);
  EXPECT_EQ(strict.inputs_failed, 1);
  EXPECT_FALSE(fs::exists(o.output));
  ASSERT_EQ(strict.errors.size(), 1u);
  EXPECT_NE(strict.errors[0].find("lf_only_header_lines"), std::string::npos);
}

TEST_F(PipelineTest, InputsWithNothingToWrite) {
  std::string only_info = (dir_ / "info.warc").string();
  std::ofstream(only_info, std::ios::binary) << pith::testing::warc_record("warcinfo", "software: t\r\n");
  PipelineResult r;
  PipelineOptions o = options({only_info, sample_, only_info}, "o.jsonl.gz", 2);
  ASSERT_EQ(run_pipeline(o, body_info_stand_in(), r), 0) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_EQ(r.warc.records, 21u);
  EXPECT_EQ(lines_of(decompressed(o.output)).size(), 6u);
}

TEST_F(PipelineTest, MissingInputFails) {
  PipelineResult r;
  EXPECT_EQ(run_pipeline(options({(dir_ / "absent.warc.gz").string()}, "o.jsonl", 1), body_info_stand_in(), r), 1);
  EXPECT_EQ(r.inputs_failed, 1);
  PipelineResult usage;
  EXPECT_EQ(run_pipeline(options({}, "o.jsonl", 1), body_info_stand_in(), usage), 2);
}

TEST(JsonString, EscapesAndRepairsUtf8) {
  std::string s;
  append_json_string(s, std::string_view("a\"b\\c\n\x01 \xc3\xa9 \xff \xed\xa0\x80 \xf0\x9f\x98\x80"));
  EXPECT_EQ(s, "\"a\\\"b\\\\c\\n\\u0001 \xc3\xa9 \xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd \xf0\x9f\x98\x80\"");
  EXPECT_TRUE(nlohmann::json::accept(s));
}

}  // namespace
}  // namespace pith::corpus
