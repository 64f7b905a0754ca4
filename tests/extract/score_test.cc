// The C++ scorer against score.py: tokenisation rules on hand-made strings, and whole-dataset figures
// compared with score.py run on the same predictions (the anchors' trafilatura outputs on cleaneval-dev
// and scrapinghub_aeb with --shingles 4, the snippets of trafilatura_eval). Skips without ../shared.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "extract/score.h"

namespace fs = std::filesystem;
using pith::detail::score_squash;
using pith::detail::score_tokens;

TEST(ScoreTokens, WordsAreLowerCasedLetterRuns) {
  EXPECT_EQ(score_tokens("Hello, World! It's 2020."),
            (std::vector<std::string>{"hello", "world", "it", "s", "2020"}));
}

TEST(ScoreTokens, CjkCharactersAreTokensHangulWordsStayWhole) {
  EXPECT_EQ(score_tokens("中文abc 한국어 말"), (std::vector<std::string>{"中", "文", "abc", "한국어", "말"}));
  EXPECT_EQ(score_tokens("ひらがなカ"), (std::vector<std::string>{"ひ", "ら", "が", "な", "カ"}));
}

TEST(ScoreTokens, NfkcFoldsFullWidthAndLigatures) {
  EXPECT_EQ(score_tokens("ＡＢＣ ﬁne"), (std::vector<std::string>{"abc", "fine"}));
}

TEST(ScoreTokens, InvalidUtf8SeparatesTokens) {
  EXPECT_EQ(score_tokens("ab\xff" "cd"), (std::vector<std::string>{"ab", "cd"}));
}

TEST(ScoreSquash, CollapsesUnicodeWhiteSpace) {
  EXPECT_EQ(score_squash("  a \t\n b\xc2\xa0" "c\xe3\x80\x80" "d  "), "a b c d");
}

TEST(PythonFloat, MatchesRepr) {
  EXPECT_EQ(pith::detail::python_float(1.0), "1.0");
  EXPECT_EQ(pith::detail::python_float(0.5), "0.5");
  EXPECT_EQ(pith::detail::python_float(1e-05), "1e-05");
  EXPECT_EQ(pith::detail::python_float(0.0001), "0.0001");
}

namespace {

std::string run(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

class ScoreAgainstPython : public ::testing::Test {
 protected:
  void SetUp() override {
    shared_ = PITH_SHARED_DIR;
    if (!fs::exists(shared_ + "/eval/score.py") || !fs::exists(shared_ + "/eval/anchors/outputs-dev.tar.zst")) {
      GTEST_SKIP() << "needs " << shared_ << "/eval (score.py, anchors): absent";
    }
    char tmpl[] = "/tmp/pith-score-test-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    tmp_ = tmpl;
  }
  void TearDown() override {
    if (!tmp_.empty()) fs::remove_all(tmp_);
  }
  void compare(const std::string& dataset, const std::string& tool, int shingles) {
    std::string unpack = "cd " + tmp_ + " && tar --zstd -xf " + shared_ + "/eval/data/" + dataset +
                         ".tar.zst && tar --zstd -xf " + shared_ + "/eval/anchors/outputs-dev.tar.zst anchors/" +
                         dataset + "/" + tool;
    ASSERT_EQ(std::system(unpack.c_str()), 0);
    std::string data = tmp_ + "/" + dataset, preds = tmp_ + "/anchors/" + dataset + "/" + tool;
    std::string py = run("python3 " + shared_ + "/eval/score.py " + data + " " + preds +
                         (shingles ? " --shingles " + std::to_string(shingles) : std::string()));
    nlohmann::json want = nlohmann::json::parse(py, nullptr, false);
    ASSERT_TRUE(want.is_object()) << py;
    pith::detail::ScoreSummary got;
    std::string error;
    auto source = [&](const std::string& id, std::string& text) {
      std::ifstream in(preds + "/" + id + ".txt", std::ios::binary);
      if (!in) return false;
      std::ostringstream ss;
      ss << in.rdbuf();
      text = ss.str();
      return true;
    };
    ASSERT_TRUE(pith::detail::score_dataset(data, source, shingles, got, error)) << error;
    nlohmann::json mine = nlohmann::json::parse(got.to_json(), nullptr, false);
    ASSERT_TRUE(mine.is_object()) << got.to_json();
    EXPECT_EQ(mine.size(), want.size()) << got.to_json() << "\nvs\n" << py;
    for (auto& [key, value] : want.items()) {
      ASSERT_TRUE(mine.contains(key)) << key;
      EXPECT_NEAR(mine[key].get<double>(), value.get<double>(), 1e-9) << key;
    }
  }
  std::string shared_, tmp_;
};

}  // namespace

TEST_F(ScoreAgainstPython, CleanevalTrafilatura) { compare("cleaneval-dev", "trafilatura", 0); }
TEST_F(ScoreAgainstPython, ScrapinghubShingles) { compare("scrapinghub_aeb", "trafilatura", 4); }
TEST_F(ScoreAgainstPython, ChineseReadabilityLxml) { compare("zh_wce_immortal_autumn", "readability_lxml", 0); }
TEST_F(ScoreAgainstPython, TrafilaturaEvalSnippets) { compare("trafilatura_eval", "trafilatura", 0); }
