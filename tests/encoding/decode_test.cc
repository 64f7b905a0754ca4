// Decoder: single-byte tables (generated), UTF-16 with and without BOM, the replacement encoding, and
// that no encoding crashes or drops input on arbitrary bytes.
#include <gtest/gtest.h>

#include <string>

#include "pith/encoding.h"

namespace pith {
namespace {

std::string decode(std::string_view bytes, Encoding encoding, size_t* replacements = nullptr) {
  Decoder decoder;
  std::string out(decoder.decode(bytes, encoding));
  if (replacements) *replacements = decoder.replacements();
  return out;
}

TEST(SingleByte, Windows1252IncludingItsC1Gaps) {
  EXPECT_EQ(decode("caf\xE9 \x80 \x93x\x94", Encoding::kWindows1252), "caf\xC3\xA9 \xE2\x82\xAC \xE2\x80\x9Cx\xE2\x80\x9D");
  // 0x81 is unassigned in cp1252; the standard maps it to U+0081 rather than an error.
  size_t n = 9;
  EXPECT_EQ(decode("\x81", Encoding::kWindows1252, &n), "\xC2\x81");
  EXPECT_EQ(n, 0u);
}

TEST(SingleByte, TablesFollowTheStandardWhereCodecsDiffer) {
  EXPECT_EQ(decode("\xAE\xBE", Encoding::kKoi8U), "\xD1\x9E\xD0\x8E");          // KOI8-RU: ў Ў
  EXPECT_EQ(decode("\xCA", Encoding::kWindows1255), "\xD6\xBA");               // U+05BA
  EXPECT_EQ(decode("\xA2\xFF", Encoding::kXMacCyrillic), "\xD2\x90\xE2\x82\xAC");  // Ґ €
  EXPECT_EQ(decode("\x80", Encoding::kXUserDefined), "\xEF\x9E\x80");          // U+F780
  size_t n = 0;
  EXPECT_EQ(decode("\xAA", Encoding::kWindows1253, &n), "\xEF\xBF\xBD");        // no entry in the index
  EXPECT_EQ(n, 1u);
}

TEST(SingleByte, CyrillicAndLatin2) {
  EXPECT_EQ(decode("\xCF\xF0\xE8\xE2\xE5\xF2", Encoding::kWindows1251), "Привет");
  EXPECT_EQ(decode("\xF0\xD2\xC9\xD7\xC5\xD4", Encoding::kKoi8R), "Привет");
  EXPECT_EQ(decode("\xB1\xE6", Encoding::kIso8859_2), "ąć");
}

TEST(Utf16, PageWithBomDecodes) {
  std::u16string text = u"<p>Hi \u00E9\u4E2D \U0001F600</p>";
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char16_t u : text) {
    le.push_back(static_cast<char>(u & 0xFF));
    le.push_back(static_cast<char>(u >> 8));
    be.push_back(static_cast<char>(u >> 8));
    be.push_back(static_cast<char>(u & 0xFF));
  }
  EXPECT_EQ(decode(le, Encoding::kUtf16Le), "<p>Hi \xC3\xA9\xE4\xB8\xAD \xF0\x9F\x98\x80</p>");
  EXPECT_EQ(decode(be, Encoding::kUtf16Be), "<p>Hi \xC3\xA9\xE4\xB8\xAD \xF0\x9F\x98\x80</p>");
  SniffResult sniffed = sniff_encoding(le);
  EXPECT_EQ(sniffed.encoding, Encoding::kUtf16Le);
  EXPECT_EQ(sniffed.source, EncodingSource::kBom);
  EXPECT_EQ(sniff_encoding(be).encoding, Encoding::kUtf16Be);
}

TEST(Utf16, LoneSurrogatesAndOddByteAreErrors) {
  size_t n = 0;
  EXPECT_EQ(decode(std::string("\x00\xD8" "a\x00", 4), Encoding::kUtf16Le, &n), "\xEF\xBF\xBD" "a");
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode(std::string("a\x00\x00\xDC" "b", 5), Encoding::kUtf16Le, &n), "a\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(n, 2u);
}

TEST(Replacement, NonEmptyInputIsOneError) {
  EXPECT_EQ(decode("\x1B$)C anything", Encoding::kReplacement), "\xEF\xBF\xBD");
  EXPECT_EQ(decode("", Encoding::kReplacement), "");
}

TEST(Decoder, EveryEncodingSurvivesEveryByte) {
  std::string all;
  for (int round = 0; round < 3; ++round)
    for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b * (round + 1) + round));
  Decoder decoder;
  for (size_t i = 0; i < kEncodingCount; ++i) {
    auto encoding = static_cast<Encoding>(i);
    std::string_view out = decoder.decode(all, encoding);
    EXPECT_TRUE(is_valid_utf8(out)) << encoding_name(encoding);
    if (encoding != Encoding::kReplacement && encoding != Encoding::kUtf16Le && encoding != Encoding::kUtf16Be &&
        encoding != Encoding::kIso2022Jp) {
      EXPECT_NE(out.find("ABCDEFGHIJ"), std::string_view::npos) << encoding_name(encoding);
    }
  }
}

}  // namespace
}  // namespace pith
