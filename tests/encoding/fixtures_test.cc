// The pages under tests/fixtures/encoding (written for these tests): each line of expected.tsv gives a
// page, its sniffed encoding/source with pith's defaults and with spec_only (`pith encoding` and
// `pith encoding --spec`), and a text its decoding must contain.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "dataset_util.h"
#include "pith/encoding.h"

namespace pith {
namespace {

std::string describe(const SniffResult& r) {
  return std::string(encoding_name(r.encoding)) + "/" + std::string(encoding_source_name(r.source));
}

TEST(EncodingFixtures, SniffAndDecodeAsListed) {
  std::filesystem::path dir = std::filesystem::path(PITH_SOURCE_DIR) / "tests" / "fixtures" / "encoding";
  std::ifstream manifest(dir / "expected.tsv");
  ASSERT_TRUE(manifest) << dir;
  std::string line;
  size_t pages = 0;
  while (std::getline(manifest, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string file, expected_default, expected_spec, expected_text;
    std::getline(fields, file, '\t');
    std::getline(fields, expected_default, '\t');
    std::getline(fields, expected_spec, '\t');
    std::getline(fields, expected_text, '\t');
    std::string bytes;
    ASSERT_TRUE(test::read_file(dir / file, bytes)) << file;
    SniffResult r = sniff_encoding(bytes);
    SniffOptions spec;
    spec.spec_only = true;
    EXPECT_EQ(describe(r), expected_default) << file;
    EXPECT_EQ(describe(sniff_encoding(bytes, spec)), expected_spec) << file;
    Decoder decoder;
    std::string_view text = decoder.decode(bytes, r.encoding);
    EXPECT_TRUE(is_valid_utf8(text)) << file;
    EXPECT_NE(text.find(expected_text), std::string_view::npos) << file << " lacks " << expected_text;
    ++pages;
  }
  EXPECT_EQ(pages, 8u);
}

TEST(EncodingFixtures, CutSequenceIsOneReplacementAtTheEnd) {
  std::filesystem::path page =
      std::filesystem::path(PITH_SOURCE_DIR) / "tests" / "fixtures" / "encoding" / "cut-multibyte.html";
  std::string bytes;
  ASSERT_TRUE(test::read_file(page, bytes));
  Decoder decoder;
  std::string_view text = decoder.decode(bytes, Encoding::kEucKr);
  EXPECT_EQ(decoder.replacements(), 1u);
  EXPECT_TRUE(text.ends_with("</p>\xEF\xBF\xBD"));
}

}  // namespace
}  // namespace pith
