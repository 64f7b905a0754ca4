// The Extractor behind the page -> record step, through the whole pipeline: the bundled sample's six
// pages come out as UTF-8 text with their titles, whatever their encoding and where it was declared;
// a page without main content is skipped as empty_main_content and still accounted for.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "corpus/extract_step.h"
#include "corpus/pipeline.h"
#include "warc_builder.h"

namespace pith::corpus {
namespace {

namespace fs = std::filesystem;

TEST(ExtractStep, BundledSampleThroughThePipeline) {
  fs::path dir = fs::temp_directory_path() / ("pith_extract_step_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string empty_page = pith::testing::response_record(
      "http://empty.test/", pith::testing::http_response("<html><body><nav><a href=/>Home</a></nav></body></html>"));
  std::ofstream(dir / "empty.warc", std::ios::binary) << empty_page;

  PipelineOptions o;
  o.inputs = {std::string(PITH_SOURCE_DIR) + "/tests/fixtures/sample.warc.gz", (dir / "empty.warc").string()};
  o.output = (dir / "out.jsonl").string();
  o.threads = 2;
  o.progress = o.summary = false;
  PipelineResult r;
  ASSERT_EQ(run_pipeline(o, extractor_step(Options{}), r), 0) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_EQ(r.warc.records, 20u);
  EXPECT_EQ(r.warc.passed, 7u);
  EXPECT_EQ(r.written, 6u);
  EXPECT_EQ(r.skipped_by_reason()["empty_main_content"], 1u);
  EXPECT_EQ(r.warc.records, r.written + r.skipped_total());

  std::ifstream in(o.output);
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(in, line);) records.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(records.size(), 6u);
  // Title fragment and a phrase of the article body, in UTF-8, page by page in input order.
  const std::pair<const char*, const char*> expected[] = {
      {"Salmon Back to Millbrook Creek", "three hundred salmon nests"},
      {"도심 속 텃밭", "공동 농장으로 자리를 잡았다"},
      {"老舗和菓子店", "柚子と白あんを合わせた最中"},
      {"山区小学开通网络课堂", "第一次通过大屏幕参观了省城的自然博物馆"},
      {"библиотека вещей", "швейную машинку"},
      {"Bäckerei am Marktplatz", "Meisterprüfung"}};
  for (size_t i = 0; i < records.size(); ++i) {
    std::string title = records[i]["metadata"]["title"], text = records[i]["text"];
    EXPECT_NE(title.find(expected[i].first), std::string::npos) << i << ": " << title;
    EXPECT_NE(text.find(expected[i].second), std::string::npos) << i << ": " << text.substr(0, 200);
    EXPECT_EQ(text.find("All rights reserved"), std::string::npos) << i;  // footer boilerplate
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace pith::corpus
