// UTF-8: validation (well-formedness table), decoding in place, and U+FFFD per maximal subpart.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "pith/encoding.h"

namespace pith {
namespace {

std::string decode_utf8(std::string_view bytes, size_t* replacements = nullptr) {
  Decoder decoder;
  std::string out(decoder.decode(bytes, Encoding::kUtf8));
  if (replacements) *replacements = decoder.replacements();
  return out;
}

TEST(Utf8, ValidatesWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("plain ascii text that is longer than thirty-two bytes, to use the wide path"));
  EXPECT_TRUE(is_valid_utf8("\xC2\xA9 \xE2\x82\xAC \xED\x9F\xBF \xEE\x80\x80 \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF"));
  EXPECT_TRUE(is_valid_utf8("\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4"));  // 한국어
}

TEST(Utf8, RejectsIllFormedText) {
  EXPECT_FALSE(is_valid_utf8("\x80"));
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));              // overlong
  EXPECT_FALSE(is_valid_utf8("\xE0\x80\xAF"));          // overlong
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));          // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));      // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xF5\x80\x80\x80"));
  EXPECT_FALSE(is_valid_utf8("abc\xE2\x82"));           // cut at the end
  std::string long_text(100, 'a');
  long_text[77] = '\xFF';
  EXPECT_FALSE(is_valid_utf8(long_text));
}

TEST(Utf8, ValidInputIsNotCopied) {
  std::string page = "<p>caf\xC3\xA9</p>";
  Decoder decoder;
  std::string_view out = decoder.decode(page, Encoding::kUtf8);
  EXPECT_TRUE(decoder.borrowed_input());
  EXPECT_EQ(out.data(), page.data());
  EXPECT_EQ(decoder.replacements(), 0u);
}

TEST(Utf8, BomIsSkipped) {
  std::string page = "\xEF\xBB\xBFhi";
  Decoder decoder;
  std::string_view out = decoder.decode(page, Encoding::kUtf8);
  EXPECT_EQ(out, "hi");
  EXPECT_EQ(out.data(), page.data() + 3);
}

TEST(Utf8, OneReplacementPerMaximalSubpart) {
  size_t n = 0;
  // Unicode's example: F1 80 80 is one maximal subpart, E1 80 another, C2 a third, 41 fine.
  EXPECT_EQ(decode_utf8("\x61\xF1\x80\x80\xE1\x80\xC2\x62\x80\x63\x80\xBF\x64", &n),
            "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD\xEF\xBF\xBD" "d");
  EXPECT_EQ(n, 6u);
  EXPECT_EQ(decode_utf8("\xED\xA0\x80x"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDx");  // surrogate: 3 errors
}

TEST(Utf8, SequenceCutAtTheEndIsOneReplacement) {
  size_t n = 0;
  EXPECT_EQ(decode_utf8("ok\xE2\x82", &n), "ok\xEF\xBF\xBD");
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode_utf8("ok\xF0\x9F\x98", &n), "ok\xEF\xBF\xBD");
  EXPECT_EQ(n, 1u);
}


// A plain transcription of the well-formedness table, to check the SIMD validator against.
bool reference_valid(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = b(i);
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80) n = 0;
    else if (c >= 0xC2 && c <= 0xDF) n = 1;
    else if (c >= 0xE0 && c <= 0xEF) n = 2, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
    else if (c >= 0xF0 && c <= 0xF4) n = 3, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
    else return false;
    if (i + n >= s.size() + (n == 0 ? 1 : 0) && n > 0) return false;
    for (size_t k = 1; k <= n; ++k) {
      unsigned char d = b(i + k);
      if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) return false;
    }
    i += n + 1;
  }
  return true;
}

TEST(Utf8, SimdValidatorAgreesWithTheTableOnRandomInput) {
  std::mt19937 rng(12345);
  const char* pieces[] = {"a", "<p>", "\xC3\xA9", "\xE4\xB8\xAD", "\xF0\x9F\x98\x80", "\xED\x9F\xBF", "\xF4\x8F\xBF\xBF",
                          "\xE0\xA0\x80", "\xEF\xBF\xBD", "0123456789abcdef0123456789abcdef"};
  size_t invalid = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string s;
    size_t parts = rng() % 40;
    for (size_t k = 0; k < parts; ++k) s += pieces[rng() % std::size(pieces)];
    if (!s.empty() && rng() % 2) s[rng() % s.size()] = static_cast<char>(rng());  // one random byte
    if (!s.empty() && rng() % 4 == 0) s.resize(rng() % s.size());                 // cut anywhere
    bool expected = reference_valid(s);
    invalid += !expected;
    ASSERT_EQ(is_valid_utf8(s), expected) << round;
  }
  EXPECT_GT(invalid, 10000u);  // both outcomes well exercised
}

}  // namespace
}  // namespace pith
