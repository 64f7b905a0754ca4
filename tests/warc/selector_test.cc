// PageSelector accounting: on WARCs whose contents are known, records read = records passed + records
// skipped, reason by reason; and on a WARC built by ../shared/eval/make_warc.py --quirks, the counts
// agree with its manifest.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "pith/warc.h"
#include "warc_builder.h"

namespace pith {
namespace {

using testing::http_response;
using testing::response_record;
using testing::warc_record;

size_t idx(SkipReason r) { return static_cast<size_t>(r); }

TEST(PageSelector, EveryRecordAccountedForByReason) {
  std::vector<std::string> records;
  records.push_back(warc_record("warcinfo", "software: t\r\n"));                                      // not_response
  records.push_back(warc_record("request", "GET / HTTP/1.1\r\n\r\n"));                                // not_response
  records.push_back(response_record("http://a/", http_response("<p>utf8</p>")));                      // passed
  records.push_back(response_record("http://b/", http_response("<p>x</p>", "200 OK", "application/xhtml+xml")));  // passed
  records.push_back(response_record("http://c/", http_response("<p>gone</p>", "404 Not Found")));     // http_status
  records.push_back(response_record("http://d/", http_response("\x89PNG", "200 OK", "image/png")));   // not_html
  // Identified payload type wins over the HTTP header.
  records.push_back(response_record("http://e/", http_response("%PDF", "200 OK", "text/html"),
                                    {{"WARC-Identified-Payload-Type", "application/pdf"}}));        // not_html
  records.push_back(response_record("http://f/", http_response("<p>x</p>", "200 OK", "application/octet-stream"),
                                    {{"WARC-Identified-Payload-Type", "text/html"}}));              // passed
  records.push_back(warc_record("revisit", "HTTP/1.1 200 OK\r\n\r\n"));                              // not_response
  records.push_back(warc_record("metadata", "a: b\r\n"));                                            // not_response
  records.push_back(response_record("http://g/", "garbage, not HTTP"));                              // malformed
  records.push_back(response_record("http://h/", http_response("\x1f\x8b\x08 broken", "200 OK", "text/html",
                                                               {{"Content-Encoding", "gzip"}})));   // decode_error
  records.push_back(response_record("http://i/", http_response(std::string(50000, 'L'))));           // too_large
  records.push_back(warc_record("response", "dns answer", {{"Content-Type", "text/dns"}}));          // not_html
  std::string last = response_record("http://j/", http_response(std::string(2000, 't')));
  std::string file = testing::gzip_per_record(records) + testing::gzip_bytes(last.substr(0, 1500));  // truncated

  PageSelectorOptions options;
  options.reader.max_block_bytes = 20000;
  PageSelector selector(WarcReader::from_memory(file, options.reader), options);
  Page page;
  std::vector<std::string> passed_urls;
  while (selector.next(page))
    if (page.skip == SkipReason::kNone) passed_urls.emplace_back(page.record->target_uri);
  const WarcStats& s = selector.stats();
  EXPECT_EQ(s.records, records.size() + 1);
  EXPECT_EQ(s.passed, 3u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kNotResponse)], 4u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kHttpStatus)], 1u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kNotHtml)], 3u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kMalformed)], 1u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kDecodeError)], 1u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kTooLarge)], 1u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kTruncated)], 1u);
  EXPECT_EQ(s.records, s.passed + s.skipped_total());
  EXPECT_EQ(passed_urls, (std::vector<std::string>{"http://a/", "http://b/", "http://f/"}));
  EXPECT_EQ(s.by_type[static_cast<size_t>(WarcRecordType::kResponse)], 11u);
}

TEST(PageSelector, PassedPageCarriesDecodedBodyAndCharset) {
  std::string page_html = "<html><meta charset=euc-kr><p>\xc7\xd1\xb1\xb9</p></html>";
  std::string file = response_record("http://k/", http_response(testing::gzip_bytes(page_html), "200 OK",
                                                                "text/html; charset=EUC-KR",
                                                                {{"Content-Encoding", "gzip"}}));
  PageSelector selector(WarcReader::from_memory(file, {}));
  Page page;
  ASSERT_TRUE(selector.next(page));
  ASSERT_EQ(page.skip, SkipReason::kNone);
  EXPECT_EQ(page.body(), page_html);
  EXPECT_EQ(page.transport_charset(), "euc-kr");
  EXPECT_FALSE(selector.next(page));
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// The bundled sample (tools/make_sample_warc.py): every page comes out as stored, with its transport
// charset where the HTTP header declared one, whatever the body coding (plain, gzip, chunked, both).
TEST(PageSelector, BundledSample) {
  std::string dir = std::string(PITH_SOURCE_DIR) + "/tests/fixtures/";
  std::string error;
  auto reader = WarcReader::open(dir + "sample.warc.gz", {}, &error);
  ASSERT_TRUE(reader) << error;
  PageSelector selector(std::move(reader));
  Page page;
  std::vector<std::pair<std::string, std::string>> pages;
  while (selector.next(page)) {
    if (page.skip != SkipReason::kNone) continue;
    std::string url(page.record->target_uri);
    pages.emplace_back(url.substr(url.rfind('/') + 1), std::string(page.transport_charset()));
    EXPECT_FALSE(page.record->header("WARC-Payload-Digest").empty());
    EXPECT_NE(page.body().find("</html>"), std::string_view::npos) << url;
  }
  const WarcStats& s = selector.stats();
  EXPECT_EQ(s.records, 19u);
  EXPECT_EQ(s.passed, 6u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kNotResponse)], 11u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kHttpStatus)], 1u);
  EXPECT_EQ(s.skipped[idx(SkipReason::kNotHtml)], 1u);
  EXPECT_EQ(s.records, s.passed + s.skipped_total());
  std::vector<std::pair<std::string, std::string>> expected = {
      {"millbrook-salmon", "utf-8"}, {"rooftop-gardens", ""},           {"wagashi", "shift_jis"},
      {"mountain-school", ""},       {"library-of-things", "windows-1251"}, {"baeckerei-marktplatz", ""}};
  EXPECT_EQ(pages, expected);
  // Bodies byte for byte: the Korean page was stored gzip-encoded, the Chinese one chunked over gzip.
  PageSelector again(WarcReader::open(dir + "sample.warc.gz", {}, &error));
  std::vector<std::string> files = {"en-utf8.html", "ko-euc-kr.html", "ja-shift_jis.html",
                                    "zh-gbk.html", "ru-windows-1251.html", "de-iso-8859-1.html"};
  size_t i = 0;
  while (again.next(page))
    if (page.skip == SkipReason::kNone && i < files.size()) {
      EXPECT_EQ(page.body(), read_file(dir + "pages/" + files[i])) << files[i];
      ++i;
    }
  EXPECT_EQ(i, files.size());
}

std::string shell_quote(const std::string& s) { return "'" + s + "'"; }

TEST(PageSelector, AgreesWithMakeWarcManifest) {
  std::string script = std::string(PITH_SHARED_DIR) + "/eval/make_warc.py";
  std::string pages = std::string(PITH_SOURCE_DIR) + "/tests/fixtures/pages";
  if (!std::filesystem::exists(script)) GTEST_SKIP() << "needs " << script << " (../shared absent)";
  if (!std::filesystem::exists(pages)) GTEST_SKIP() << "needs " << pages;
  std::filesystem::path dir = std::filesystem::temp_directory_path() / ("pith_selector_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::string warc = (dir / "t.warc.gz").string();
  for (int seed : {1, 2, 3, 4, 5, 6}) {
    std::string cmd = "python3 " + shell_quote(script) + " " + shell_quote(pages) + " " + shell_quote(warc) +
                      " --quirks --seed " + std::to_string(seed);
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    std::map<std::string, int> expect;
    int total = 0;
    std::ifstream manifest(warc + ".manifest.jsonl");
    for (std::string line; std::getline(manifest, line); ++total) {
      auto has = [&](const char* s) { return line.find(s) != std::string::npos; };
      if (!has("\"type\": \"response\"")) expect["not_response"]++;
      else if (has("\"quirk\": \"404\"")) expect["http_status"]++;
      else if (has("\"quirk\": \"png\"")) expect["not_html"]++;
      else expect["passed"]++;
    }
    std::string error;
    PageSelector selector(WarcReader::open(warc, {}, &error));
    Page page;
    std::map<std::string, int> got;
    while (selector.next(page)) got[std::string(to_string(page.skip))]++;
    EXPECT_TRUE(selector.io_error().empty());
    EXPECT_EQ(selector.stats().records, static_cast<uint64_t>(total));
    EXPECT_EQ(got, expect) << "seed " << seed;
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace pith
