// repair_double_encoding: UTF-8 read as windows-1252 (or Latin-1) and encoded again is put back; text that
// only looks similar is left alone.
#include <gtest/gtest.h>

#include <string>

#include "pith/encoding.h"
#include "pith/extract.h"

using namespace pith;

namespace {

// The repaired text, or the input when nothing was repaired.
std::string repaired(std::string_view in, size_t* count = nullptr) {
  std::string out = "untouched";
  size_t n = repair_double_encoding(in, out);
  if (count) *count = n;
  return n ? out : std::string(in);
}

}  // namespace

TEST(DoubleEncoding, Windows1252SpecialsAreMappedBack) {
  size_t n = 0;
  // "’" is E2 80 99; read as windows-1252 those bytes are "â", "€", "™".
  EXPECT_EQ(repaired("doesn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t isn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t", &n),
            "doesn\xE2\x80\x99t isn\xE2\x80\x99t");
  EXPECT_EQ(n, 2u);
  // “quoted” and an em dash.
  EXPECT_EQ(repaired("\xC3\xA2\xE2\x82\xAC\xC5\x93quoted\xC3\xA2\xE2\x82\xAC\xC2\x9D \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D"),
            "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94");
}

TEST(DoubleEncoding, LatinOneAndC1ControlsAreMappedBack) {
  size_t n = 0;
  EXPECT_EQ(repaired("\xC3\x83\xC2\xA9t\xC3\x83\xC2\xA9", &n), "\xC3\xA9t\xC3\xA9");  // "Ã©tÃ©" -> "été"
  EXPECT_EQ(n, 2u);
  // The same apostrophe when the bytes 80 and 99 went through Latin-1: C1 controls U+0080, U+0099.
  EXPECT_EQ(repaired("doesn\xC3\xA2\xC2\x80\xC2\x99t \xC3\x83\xC2\xA9"), "doesn\xE2\x80\x99t \xC3\xA9");
  // A four-byte character (U+1F600) read as "ðŸ˜€".
  EXPECT_EQ(repaired("\xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC \xC3\x83\xC2\xA9"), "\xF0\x9F\x98\x80 \xC3\xA9");
  // One sequence alone may be chance: left as it is.
  EXPECT_EQ(repaired("Caf\xC3\x83\xC2\xA9", &n), "Caf\xC3\x83\xC2\xA9");
  EXPECT_EQ(n, 0u);
}

TEST(DoubleEncoding, OrdinaryTextIsLeftAlone) {
  size_t n = 9;
  for (std::string_view text : {"S\xC3\xA3o Paulo", "na\xC3\xAFve caf\xC3\xA9", "\xC3\x80 la carte", "Stra\xC3\x9F" "e",
                                "\xEC\x95\x88\xEB\x85\x95", "plain ASCII", ""}) {
    EXPECT_EQ(repaired(text, &n), std::string(text));
    EXPECT_EQ(n, 0u) << text;
  }
  // A misread lead without enough continuation characters, or with ones UTF-8 forbids after it.
  EXPECT_EQ(repaired("\xC3\xA2\xE2\x82\xAC"), "\xC3\xA2\xE2\x82\xAC");                  // "â€": one of two
  EXPECT_EQ(repaired("\xC3\xA0\xE2\x82\xAC\xE2\x82\xAC"), "\xC3\xA0\xE2\x82\xAC\xE2\x82\xAC");  // "à€€": overlong
  EXPECT_EQ(repaired("\xC3\x83 A"), "\xC3\x83 A");
  // A letter before punctuation that happens to pair up: "Gruß…", "„HÖ“", "Straß" + no-break space,
  // "Fuß" + soft hyphen, and "déterminé”" + no-break space (a three-byte pattern).
  for (std::string_view text : {"Viel Spa\xC3\x9F\xE2\x80\xA6", "\xE2\x80\x9EH\xC3\x96\xE2\x80\x9C",
                                "Stra\xC3\x9F\xC2\xA0", "Fu\xC3\x9F\xC2\xAD" "ball",
                                "d\xC3\xA9termin\xC3\xA9\xE2\x80\x9D\xC2\xA0\xC2\xBB",
                                "NESCAF\xC3\x89\xC2\xAE and NESTL\xC3\x89\xE2\x84\xA2"}) {
    EXPECT_EQ(repaired(text, &n), std::string(text));
    EXPECT_EQ(n, 0u) << text;
  }
}

// Once the page shows double encoding, the ambiguous pairs are repaired with the rest: "Ã–" is "Ö".
TEST(DoubleEncoding, WeakPairsAreRepairedOnADoubleEncodedPage) {
  size_t n = 0;
  EXPECT_EQ(repaired("\xC3\x83\xE2\x80\x93l, K\xC3\x83\xC2\xA4se und M\xC3\x83\xC2\xBCsli", &n),
            "\xC3\x96l, K\xC3\xA4se und M\xC3\xBCsli");
  EXPECT_EQ(n, 3u);
}

TEST(DoubleEncoding, ExtractorRepairsAndSaysSo) {
  std::string html = "<html><body><article><p>The committee met on Tuesday and it doesn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t "
                     "(or didn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t) plan to publish its findings, which cover schools, roads, and the new library.</p></article>"
                     "</body></html>";
  Extractor ex;
  Result r = ex.extract(html);
  EXPECT_NE(r.text().find("doesn\xE2\x80\x99t"), std::string::npos) << r.text();
  bool warned = false;
  for (const std::string& w : r.status.warnings) warned |= w.find("double-encoded") != std::string::npos;
  EXPECT_TRUE(warned);
  Options off;
  off.repair_double_encoding = false;
  Extractor raw(off);
  EXPECT_NE(raw.extract(html).text().find("doesn\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2t"), std::string::npos);
}
