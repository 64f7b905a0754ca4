// Language identification (src/corpus/language_id.cc): on the bundled sample's six pages the detected
// metadata.language is the page's language with a real score; the declared language is a hint only and
// cannot override the text; empty text gives no language.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "corpus/extract_step.h"
#include "corpus/language_id.h"
#include "corpus/pipeline.h"

namespace pith::corpus {
namespace {

namespace fs = std::filesystem;

TEST(LanguageId, BundledSamplePagesThroughThePipeline) {
  fs::path dir = fs::temp_directory_path() / ("pith_language_id_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  PipelineOptions o;
  o.inputs = {std::string(PITH_SOURCE_DIR) + "/tests/fixtures/sample.warc.gz"};
  o.output = (dir / "out.jsonl").string();
  o.threads = 1;
  o.progress = o.summary = false;
  PipelineResult r;
  ASSERT_EQ(run_pipeline(o, extractor_step(Options{}), r), 0) << (r.errors.empty() ? "" : r.errors[0]);
  std::ifstream in(o.output);
  std::vector<nlohmann::json> records;
  for (std::string line; std::getline(in, line);) records.push_back(nlohmann::json::parse(line));
  const char* expected[] = {"en", "ko", "ja", "zh", "ru", "de"};
  ASSERT_EQ(records.size(), std::size(expected));
  for (size_t i = 0; i < records.size(); ++i) {
    const nlohmann::json& m = records[i]["metadata"];
    EXPECT_EQ(m["language"], expected[i]) << i << ": " << m.dump();
    EXPECT_GT(m["language_score"].get<double>(), 0.5) << i << ": " << m.dump();
    EXPECT_LE(m["language_score"].get<double>(), 1.0) << i;
  }
  fs::remove_all(dir);
}

TEST(LanguageId, DeclaredLanguageIsOnlyAHint) {
  const char* english =
      "The river was cleaned last spring, and this autumn the volunteers counted more fish than in any "
      "year since the mill closed. Children from the village school helped to measure the water.";
  LanguageGuess g = identify_language(english, "de");
  EXPECT_EQ(g.code, "en");
  EXPECT_TRUE(g.reliable);
  EXPECT_GT(g.score, 0.5);
}

TEST(LanguageId, EmptyTextHasNoLanguage) {
  LanguageGuess g = identify_language("", "en");
  EXPECT_EQ(g.code, "");
  EXPECT_EQ(g.score, 0.0);
}

TEST(LanguageId, LongTextIsCutAtACharacterBoundary) {
  std::string text;
  while (text.size() < 3 * kLanguageIdMaxBytes) text += "Многие жители приносят в библиотеку инструменты. ";
  LanguageGuess g = identify_language(text, "");
  EXPECT_EQ(g.code, "ru");
  EXPECT_GT(g.score, 0.5);
}

}  // namespace
}  // namespace pith::corpus
