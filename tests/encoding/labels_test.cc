// Labels: the WHATWG label table as generated, lookups trimmed and case-insensitive, and the
// charset parameter of Content-Type values.
#include <gtest/gtest.h>

#include "pith/encoding.h"

namespace pith {
namespace {

std::string_view name_of(std::string_view label) {
  auto encoding = encoding_from_label(label);
  return encoding ? encoding_name(*encoding) : "(none)";
}

TEST(EncodingLabels, MapsLabelsAsTheStandardDefines) {
  EXPECT_EQ(name_of("gb2312"), "gbk");
  EXPECT_EQ(name_of("GB_2312-80"), "gbk");
  EXPECT_EQ(name_of("gb18030"), "gb18030");
  EXPECT_EQ(name_of("ks_c_5601-1987"), "euc-kr");
  EXPECT_EQ(name_of("EUC-KR"), "euc-kr");
  EXPECT_EQ(name_of("windows-949"), "euc-kr");
  EXPECT_EQ(name_of("iso-8859-1"), "windows-1252");
  EXPECT_EQ(name_of("ascii"), "windows-1252");
  EXPECT_EQ(name_of("US-ASCII"), "windows-1252");
  EXPECT_EQ(name_of("x-sjis"), "shift_jis");
  EXPECT_EQ(name_of("windows-31j"), "shift_jis");
  EXPECT_EQ(name_of("big5-hkscs"), "big5");
  EXPECT_EQ(name_of("latin2"), "iso-8859-2");
  EXPECT_EQ(name_of("iso-8859-9"), "windows-1254");
  EXPECT_EQ(name_of("tis-620"), "windows-874");
  EXPECT_EQ(name_of("utf-16"), "utf-16le");
  EXPECT_EQ(name_of("iso-2022-kr"), "replacement");
  EXPECT_EQ(name_of("unicode-1-1-utf-8"), "utf-8");
}

TEST(EncodingLabels, TrimsWhitespaceAndIgnoresCase) {
  EXPECT_EQ(name_of(" \t\nUtF-8\f\r "), "utf-8");
  EXPECT_EQ(name_of("ISO8859-2"), "iso-8859-2");
}

TEST(EncodingLabels, RejectsUnknownLabels) {
  EXPECT_EQ(name_of(""), "(none)");
  EXPECT_EQ(name_of("utf-7"), "(none)");
  EXPECT_EQ(name_of("utf 8"), "(none)");
  EXPECT_EQ(name_of("replacement"), "(none)");  // a name, not a label
  EXPECT_EQ(name_of("a-label-far-too-long-for-the-table"), "(none)");
}

TEST(EncodingLabels, EveryEncodingNameIsItsOwnLabelOrReplacement) {
  for (size_t i = 0; i < kEncodingCount; ++i) {
    auto encoding = static_cast<Encoding>(i);
    if (encoding == Encoding::kReplacement) continue;
    EXPECT_EQ(encoding_from_label(encoding_name(encoding)), encoding) << encoding_name(encoding);
  }
}

TEST(EncodingLabels, SourceNames) {
  EXPECT_EQ(encoding_source_name(EncodingSource::kBom), "bom");
  EXPECT_EQ(encoding_source_name(EncodingSource::kDefault), "default");
}

TEST(EncodingLabels, CharsetFromContentType) {
  EXPECT_EQ(charset_from_content_type("text/html; charset=EUC-KR"), "EUC-KR");
  EXPECT_EQ(charset_from_content_type("text/html;charset=\"gb2312\""), "gb2312");
  EXPECT_EQ(charset_from_content_type("text/html; Charset=utf-8; foo=bar"), "utf-8");
  EXPECT_EQ(charset_from_content_type("text/html"), "");
  EXPECT_EQ(charset_from_content_type("text/html; format=flowed"), "");
}

}  // namespace
}  // namespace pith
