// Real pages: the EUC-KR seed page and the GB2312 pages of zh_wce_immortal_autumn decode to the text of
// their truth files; the declared-but-wrong rule is measured on every dataset page (it must never lower
// the share of a page's truth characters found in its decoded text); the detector's accuracy is measured
// on pages whose declaration is removed (truth: the declaration, when it decodes the page without error)
// and on undeclared pages (truth: the encoding whose decoding holds most of the truth file's characters).
// The datasets are unpacked from ../shared/eval/data into the build directory; absent data skips.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dataset_util.h"
#include "pith/encoding.h"

namespace pith {
namespace {

namespace fs = std::filesystem;
using test::code_points;
using test::read_file;
using test::visible_text;

TEST(Datasets, SeedEucKrPageDecodesToItsTruth) {
  fs::path seed = fs::path(PITH_SHARED_DIR) / "fixtures" / "seed";
  std::string html, truth;
  if (!read_file(seed / "html" / "arirang-alliance-70th-ko.html", html) ||
      !read_file(seed / "truth" / "arirang-alliance-70th-ko.txt", truth))
    GTEST_SKIP() << "seed fixture not found under " << seed;
  for (bool spec : {false, true}) {
    SniffOptions options;
    options.spec_only = spec;
    SniffResult r = sniff_encoding(html, options);
    EXPECT_EQ(encoding_name(r.encoding), "euc-kr");
    EXPECT_EQ(r.source, EncodingSource::kMeta);
    Decoder decoder;
    std::string text = test::collapse_whitespace(visible_text(decoder.decode(html, r.encoding)));
    EXPECT_EQ(decoder.replacements(), 0u);
    std::istringstream lines(truth);
    std::string line;
    size_t checked = 0;
    while (std::getline(lines, line)) {
      line = test::collapse_whitespace(line);
      if (line.empty() || line == " ") continue;
      ++checked;
      EXPECT_NE(text.find(line), std::string::npos) << "missing truth line: " << line;
    }
    EXPECT_EQ(checked, 7u);
  }
}

TEST(Datasets, ZhWceGb2312PagesHoldTheirTruthCharacters) {
  fs::path dir = test::dataset_dir("zh_wce_immortal_autumn");
  if (dir.empty()) GTEST_SKIP() << "zh_wce_immortal_autumn not available";
  size_t pages = 0;
  for (const test::PageMeta& meta : test::read_meta(dir)) {
    if (meta.declared_encoding != "gb2312" && meta.declared_encoding != "gbk") continue;
    std::string html, truth;
    ASSERT_TRUE(read_file(dir / "html" / (meta.id + ".html"), html)) << meta.id;
    ASSERT_TRUE(read_file(dir / "truth" / (meta.id + ".txt"), truth)) << meta.id;
    SniffResult r = sniff_encoding(html);
    EXPECT_TRUE(r.encoding == Encoding::kGbk || r.encoding == Encoding::kGb18030)
        << meta.id << " sniffed as " << encoding_name(r.encoding);
    Decoder decoder;
    std::u32string decoded = code_points(visible_text(decoder.decode(html, r.encoding)));
    std::set<char32_t> present(decoded.begin(), decoded.end());
    size_t missing = 0, total = 0;
    std::string missing_sample;
    for (char32_t c : code_points(truth)) {
      if (c < 0x80 || test::is_space_like(c)) continue;
      ++total;
      if (!present.count(c)) {
        ++missing;
        if (missing_sample.size() < 40) test::append_utf8(missing_sample, c);
      }
    }
    EXPECT_EQ(missing, 0u) << meta.id << ": " << missing << "/" << total << " truth characters missing, e.g. "
                           << missing_sample;
    ++pages;
  }
  std::cout << "zh_wce GB2312/GBK pages checked: " << pages << "\n";
  EXPECT_GE(pages, 30u);
}

}  // namespace
}  // namespace pith
