// sniff_encoding: the cascade's order, the prescan's limits, the declared-but-wrong rule and the detector.
#include <gtest/gtest.h>

#include <string>

#include "encoding/encoding_internal.h"
#include "pith/encoding.h"

namespace pith {
namespace {

SniffOptions spec() {
  SniffOptions options;
  options.spec_only = true;
  return options;
}

std::string sniffed(std::string_view bytes, const SniffOptions& options = {}) {
  SniffResult r = sniff_encoding(bytes, options);
  return std::string(encoding_name(r.encoding)) + "/" + std::string(encoding_source_name(r.source));
}

// Korean text in EUC-KR (windows-949): "한국어 문장입니다" repeated.
std::string euc_kr_text(int repeats) {
  std::string s;
  for (int i = 0; i < repeats; ++i)
    s += "<p>\xC7\xD1\xB1\xB9\xBE\xEE \xB9\xAE\xC0\xE5\xC0\xD4\xB4\xCF\xB4\xD9. "
         "\xBC\xAD\xBF\xEF\xC0\xC7 \xB3\xAF\xBE\xBE\xB4\xC2 \xB8\xBC\xBD\xC0\xB4\xCF\xB4\xD9.</p>\n";
  return s;
}

TEST(Sniff, BomBeatsEverything) {
  SniffOptions options;
  options.transport_charset = "gbk";
  EXPECT_EQ(sniffed("\xEF\xBB\xBF<meta charset=euc-kr>", options), "utf-8/bom");
  EXPECT_EQ(sniff_encoding("\xEF\xBB\xBFx").bom_length, 3u);
}

TEST(Sniff, TransportBeatsMeta) {
  SniffOptions options = spec();
  options.transport_charset = "ks_c_5601-1987";
  EXPECT_EQ(sniffed("<meta charset=gb2312>", options), "euc-kr/transport");
  options.transport_charset = "no-such-label";
  EXPECT_EQ(sniffed("<meta charset=gb2312>", options), "gbk/meta");
}

TEST(Sniff, MetaForms) {
  EXPECT_EQ(sniffed("<meta charset=gb2312>", spec()), "gbk/meta");
  EXPECT_EQ(sniffed("<META HTTP-EQUIV=Content-Type CONTENT='text/html; charset=Shift_JIS'>", spec()),
            "shift_jis/meta");
  EXPECT_EQ(sniffed("<meta content='text/html; charset=x-sjis'>", spec()), "windows-1252/default");  // no pragma
  EXPECT_EQ(sniffed("<meta charset=utf-16le>", spec()), "utf-8/meta");
  EXPECT_EQ(sniffed("<meta charset=x-user-defined>", spec()), "windows-1252/meta");
}

TEST(Sniff, XmlDeclaration) {
  EXPECT_EQ(sniffed("<?xml version='1.0' encoding='EUC-JP'?><html>", spec()), "euc-jp/xml");
  EXPECT_EQ(sniffed("<?xml version=\"1.0\" encoding=\"utf-16\"?><html>", spec()), "utf-8/xml");
  EXPECT_EQ(sniffed("<?xml version='1.0' encoding='koi8-r'?><meta charset=gbk>", spec()), "gbk/meta");
}

TEST(Sniff, MetaAfter1024BytesIsIgnoredBySpec) {
  std::string page = "<html><head><title>t</title><script>" + std::string(1100, ' ') +
                     "</script><meta charset=euc-kr></head><body>" + euc_kr_text(3);
  EXPECT_EQ(sniffed(page, spec()), "windows-1252/default");
  // pith's head scan: still in <head>, so the declaration counts.
  EXPECT_EQ(sniffed(page), "euc-kr/meta");
  // After <body> content it does not.
  std::string late = "<html><body><p>" + std::string(1100, 'x') + "</p><meta charset=koi8-r>";
  EXPECT_EQ(sniffed(late), "windows-1252/default");
  SniffOptions narrow;
  narrow.head_scan_bytes = 0;
  EXPECT_EQ(sniffed(page, narrow), "euc-kr/detector");
}

TEST(Sniff, DeclaredUtf8ButEucKr) {
  std::string page = "<html><head><meta charset=\"utf-8\"></head><body>" + euc_kr_text(20) + "</body></html>";
  EXPECT_EQ(sniffed(page, spec()), "utf-8/meta");
  SniffResult r = sniff_encoding(page);
  EXPECT_EQ(encoding_name(r.encoding), "euc-kr");
  EXPECT_EQ(r.source, EncodingSource::kDetector);
  ASSERT_TRUE(r.overridden_declaration.has_value());
  EXPECT_EQ(*r.overridden_declaration, Encoding::kUtf8);
  EXPECT_EQ(r.overridden_source, EncodingSource::kMeta);
  SniffOptions off;
  off.fix_declared_but_wrong = false;
  EXPECT_EQ(sniffed(page, off), "utf-8/meta");
}

TEST(Sniff, DeclaredLatin1ButUtf8) {
  std::string page = "<meta charset=iso-8859-1><p>caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e</p>";
  EXPECT_EQ(sniffed(page, spec()), "windows-1252/meta");
  EXPECT_EQ(sniffed(page), "utf-8/detector");
  // Real Latin-1 stays Latin-1.
  EXPECT_EQ(sniffed("<meta charset=iso-8859-1><p>caf\xE9 cr\xE8me</p>"), "windows-1252/meta");
}

TEST(Sniff, AFewStrayBytesDoNotOverrideUtf8) {
  std::string page = "<meta charset=utf-8><p>" + std::string(2000, 'a') + "\xE9 \xEA\xB0\x80 \xEA\xB0\x80</p>";
  EXPECT_EQ(sniffed(page), "utf-8/meta");
}

TEST(Sniff, DetectorForUndeclaredPages) {
  EXPECT_EQ(sniffed("<p>plain ascii</p>"), "windows-1252/default");
  EXPECT_EQ(sniffed("<p>caf\xC3\xA9 \xE4\xB8\xAD\xE6\x96\x87</p>"), "utf-8/detector");
  EXPECT_EQ(sniffed("<html><body>" + euc_kr_text(10)), "euc-kr/detector");
  SniffOptions no_detector;
  no_detector.use_detector = false;
  EXPECT_EQ(sniffed("<html><body>" + euc_kr_text(10), no_detector), "windows-1252/default");
  EXPECT_EQ(sniffed("<html><body>" + euc_kr_text(10), spec()), "windows-1252/default");
}

// The declared-but-wrong rule weighs errors against the non-ASCII bytes, counted 16 at a time: every
// length and offset up to past 255 blocks (where the per-lane sums fold) gives the byte-by-byte count.
TEST(Sniff, CountsNonAsciiBytes) {
  std::string page;
  for (int i = 0; i < 9000; ++i) page.push_back(static_cast<char>((i * 7919) % 251 + (i % 3 == 0 ? 0 : 5)));
  for (size_t from : {size_t(0), size_t(1), size_t(15)}) {
    for (size_t length : {size_t(0), size_t(15), size_t(16), size_t(17), size_t(4079), size_t(4080), size_t(4081), size_t(8990)}) {
      std::string_view part = std::string_view(page).substr(from, length);
      size_t want = 0;
      for (char c : part) want += static_cast<unsigned char>(c) >= 0x80;
      EXPECT_EQ(detail::count_decode_errors(part, Encoding::kWindows1252).non_ascii, want) << from << "+" << length;
    }
  }
  std::string all_high(5000, '\xE9');
  EXPECT_EQ(detail::count_decode_errors(all_high, Encoding::kWindows1252).non_ascii, 5000u);
}

}  // namespace
}  // namespace pith
