// The CJK decoders: characters of each encoding, the WHATWG choices where glibc's converters differ
// (windows-949 extensions in euc-kr, CP932 mappings and ASCII backslash in shift_jis, HKSCS in big5,
// the gb18030 four-byte ranges and 0x80), the standard's error recovery, and cut sequences.
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

constexpr const char* kFffd = "\xEF\xBF\xBD";

TEST(Cjk, CommonCharacters) {
  EXPECT_EQ(decode("<b>\xD6\xD0\xCE\xC4</b>", Encoding::kGbk), "<b>中文</b>");
  EXPECT_EQ(decode("\xD6\xD0\xCE\xC4", Encoding::kGb18030), "中文");
  EXPECT_EQ(decode("\xC7\xD1\xB1\xB9", Encoding::kEucKr), "한국");
  EXPECT_EQ(decode("\x93\xFA\x96\x7B", Encoding::kShiftJis), "日本");
  EXPECT_EQ(decode("\xC6\xFC\xCB\xDC", Encoding::kEucJp), "日本");
  EXPECT_EQ(decode("\xA4\xA4\xA4\xE5", Encoding::kBig5), "中文");
  EXPECT_EQ(decode("a\x1B$BF|K\\\x1B(Bb", Encoding::kIso2022Jp), "a日本b");
}

TEST(Cjk, EucKrIsWindows949) {
  EXPECT_EQ(decode("\x81\x41", Encoding::kEucKr), "갂");  // a UHC extension pair, not in KS X 1001
  size_t n = 0;
  EXPECT_EQ(decode("\xC9\xA1", Encoding::kEucKr, &n), kFffd);  // user-defined area: no entry
  EXPECT_EQ(n, 1u);
}

TEST(Cjk, ShiftJisFollowsTheStandardNotJisX0208Alone) {
  EXPECT_EQ(decode("\\~", Encoding::kShiftJis), "\\~");                  // ASCII, not yen/overline
  EXPECT_EQ(decode("\x81\x60", Encoding::kShiftJis), "\xEF\xBD\x9E");     // U+FF5E as in index jis0208
  EXPECT_EQ(decode("\x87\x40", Encoding::kShiftJis), "①");               // NEC row 13
  EXPECT_EQ(decode("\xFA\x40", Encoding::kShiftJis), "ⅰ");               // IBM extension
  EXPECT_EQ(decode("\xF0\x40", Encoding::kShiftJis), "\xEE\x80\x80");     // user-defined -> U+E000
  EXPECT_EQ(decode("\xB1\x80", Encoding::kShiftJis), "ｱ\xC2\x80");       // half-width kana, 0x80 -> U+0080
  EXPECT_EQ(decode("\xA0", Encoding::kShiftJis), kFffd);
}

TEST(Cjk, EucJpPlanes) {
  EXPECT_EQ(decode("\x8E\xB1", Encoding::kEucJp), "ｱ");
  EXPECT_EQ(decode("\x8F\xB0\xA1", Encoding::kEucJp), "丂");             // JIS X 0212
  EXPECT_EQ(decode("\xAD\xA1", Encoding::kEucJp), "①");                  // NEC row 13 via index jis0208
}

TEST(Cjk, Big5IncludesHkscsAndCombiningPairs) {
  EXPECT_EQ(decode("\x88\x62\x88\x64", Encoding::kBig5), "\xC3\x8A\xCC\x84\xC3\x8A\xCC\x8C");
  EXPECT_EQ(decode("\x87\x40", Encoding::kBig5), "\xE4\x8F\xB0");        // HKSCS U+43F0
  EXPECT_EQ(decode("\xA3\xE1", Encoding::kBig5), "€");
  // Where HKSCS and windows-950 disagree, the standard's index follows windows-950.
  EXPECT_EQ(decode("\xA1\x45\xA1\x4E\xA2\x44", Encoding::kBig5), "\xE2\x80\xA7\xEF\xB9\x91\xEF\xBF\xA5");
  size_t n = 0;
  EXPECT_EQ(decode("\x81\xA1", Encoding::kBig5, &n), kFffd);  // lead below the HKSCS range
  EXPECT_EQ(decode("\x81\x40", Encoding::kBig5, &n), std::string(kFffd) + "@");  // ASCII trail is kept
  EXPECT_EQ(n, 1u);
}

TEST(Cjk, Gb18030FourByteAndSpecialBytes) {
  EXPECT_EQ(decode("\x81\x30\x81\x30", Encoding::kGb18030), "\xC2\x80");
  EXPECT_EQ(decode("\x94\x39\xFC\x36", Encoding::kGbk), "\xF0\x9F\x98\x80");  // gbk decodes as gb18030
  EXPECT_EQ(decode("\x80", Encoding::kGbk), "€");
  EXPECT_EQ(decode("\xAA\xA1", Encoding::kGbk), "\xEE\x80\x80");  // user-defined area -> U+E000
  EXPECT_EQ(decode("\x81\x35\xF4\x37", Encoding::kGb18030), "\xEE\x9F\x87");  // pointer 7457 -> U+E7C7
  size_t n = 0;
  EXPECT_EQ(decode("\xFF", Encoding::kGb18030, &n), kFffd);
  EXPECT_EQ(decode("\x81\x30\x41", Encoding::kGb18030, &n), std::string(kFffd) + "0A");  // restore « 0, A »
  EXPECT_EQ(n, 1u);
}

TEST(Cjk, AsciiAfterABrokenLeadIsKept) {
  for (Encoding e : {Encoding::kGbk, Encoding::kBig5, Encoding::kEucKr, Encoding::kShiftJis, Encoding::kEucJp}) {
    size_t n = 0;
    EXPECT_EQ(decode("\xFE<p>", e, &n), std::string(kFffd) + "<p>") << encoding_name(e);
    EXPECT_EQ(n, 1u) << encoding_name(e);
  }
}

TEST(Cjk, MultiByteSequenceCutAtTheEnd) {
  for (Encoding e : {Encoding::kGbk, Encoding::kBig5, Encoding::kEucKr, Encoding::kShiftJis, Encoding::kEucJp}) {
    size_t n = 0;
    EXPECT_EQ(decode("ok\xE4", e, &n), std::string("ok") + kFffd) << encoding_name(e);
    EXPECT_EQ(n, 1u) << encoding_name(e);
  }
  size_t n = 0;
  EXPECT_EQ(decode("ok\x81\x30\x81", Encoding::kGb18030, &n), std::string("ok") + kFffd);
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode("ok\x8F\xB0", Encoding::kEucJp, &n), std::string("ok") + kFffd);
  EXPECT_EQ(decode("\x1B$BF", Encoding::kIso2022Jp, &n), kFffd);
}

TEST(Cjk, Iso2022JpEscapesAndErrors) {
  EXPECT_EQ(decode("\x1B(J\\~", Encoding::kIso2022Jp), "¥‾");            // JIS X 0201 Roman
  EXPECT_EQ(decode("\x1B(I1", Encoding::kIso2022Jp), "ｱ");               // katakana
  size_t n = 0;
  EXPECT_EQ(decode("\x1B(B\x1B(Bx", Encoding::kIso2022Jp, &n), std::string(kFffd) + "x");  // two escapes in a row
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(decode("a\x1Bzb", Encoding::kIso2022Jp), std::string("a") + kFffd + "zb");
}

}  // namespace
}  // namespace pith
