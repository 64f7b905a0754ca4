// WarcReader: every record type, every compression, and each real-crawl quirk, lenient and strict, on
// WARCs built in memory.
#include <gtest/gtest.h>

#include "pith/warc.h"
#include "warc_builder.h"

namespace pith {
namespace {

using testing::concat;
using testing::gzip_bytes;
using testing::gzip_per_record;
using testing::http_response;
using testing::response_record;
using testing::warc_record;
using testing::zstd_bytes;

struct ReadResult {
  WarcRecordType type;
  std::string block;
  std::string record_id;
  uint32_t quirks;
  bool cut;
  bool truncated;
  ReadStatus status;
};

std::vector<ReadResult> read_all(std::string_view bytes, WarcReaderOptions options = {},
                                 std::array<uint64_t, static_cast<size_t>(WarcQuirk::kCount)>* quirks = nullptr) {
  auto reader = WarcReader::from_memory(bytes, options);
  std::vector<ReadResult> out;
  WarcRecord r;
  for (int guard = 0; guard < 1000; ++guard) {
    ReadStatus s = reader->next(r);
    if (s == ReadStatus::kEnd) break;
    out.push_back({r.type, std::string(r.block), std::string(r.record_id), r.quirks, r.cut, r.truncated, s});
  }
  if (quirks) *quirks = reader->quirk_counts();
  return out;
}

std::vector<std::string> one_of_each_type() {
  std::vector<std::string> v;
  v.push_back(warc_record("warcinfo", "software: test\r\nformat: WARC File Format 1.1\r\n",
                          {{"Content-Type", "application/warc-fields"}}, "WARC/1.1"));
  v.push_back(warc_record("request", "GET / HTTP/1.1\r\nHost: a.test\r\n\r\n", {{"WARC-Target-URI", "http://a.test/"}}));
  v.push_back(response_record("http://a.test/", http_response("<p>hello</p>")));
  v.push_back(warc_record("resource", "plain text resource", {{"Content-Type", "text/plain"}}));
  v.push_back(warc_record("metadata", "fetchTimeMs: 12\r\n", {{"Content-Type", "application/warc-fields"}}));
  v.push_back(warc_record("revisit", "HTTP/1.1 200 OK\r\n\r\n", {{"WARC-Profile", "identical-payload-digest"}}));
  v.push_back(warc_record("conversion", "converted text", {{"Content-Type", "text/plain"}}, "WARC/1.1"));
  v.push_back(warc_record("continuation", "rest of a segmented record", {{"WARC-Segment-Number", "2"}}));
  return v;
}

const WarcRecordType kExpectedTypes[] = {WarcRecordType::kWarcinfo, WarcRecordType::kRequest,
                                         WarcRecordType::kResponse, WarcRecordType::kResource,
                                         WarcRecordType::kMetadata, WarcRecordType::kRevisit,
                                         WarcRecordType::kConversion, WarcRecordType::kContinuation};

void expect_all_types(const std::vector<ReadResult>& got) {
  ASSERT_EQ(got.size(), std::size(kExpectedTypes));
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].type, kExpectedTypes[i]) << i;
    EXPECT_EQ(got[i].quirks, 0u) << i;
    EXPECT_EQ(got[i].status, ReadStatus::kRecord);
  }
  EXPECT_EQ(got[2].block, http_response("<p>hello</p>"));
  EXPECT_EQ(got[6].block, "converted text");
}

TEST(WarcReader, AllRecordTypesUncompressed) { expect_all_types(read_all(concat(one_of_each_type()))); }
TEST(WarcReader, AllRecordTypesGzipPerRecord) { expect_all_types(read_all(gzip_per_record(one_of_each_type()))); }
TEST(WarcReader, AllRecordTypesWholeFileGzip) { expect_all_types(read_all(gzip_bytes(concat(one_of_each_type())))); }
TEST(WarcReader, AllRecordTypesZstd) { expect_all_types(read_all(zstd_bytes(concat(one_of_each_type())))); }

TEST(WarcReader, ZstdFramePerRecord) {
  std::string file;
  for (const std::string& r : one_of_each_type()) file += zstd_bytes(r);
  auto reader = WarcReader::from_memory(file, {});
  WarcRecord r;
  int n = 0;
  while (reader->next(r) == ReadStatus::kRecord) ++n;
  EXPECT_EQ(n, 8);
  EXPECT_EQ(reader->compression(), WarcCompression::kZstd);
}

TEST(WarcReader, HeadersAndViews) {
  std::string file = concat({response_record("http://b.test/x", http_response("body"),
                                             {{"WARC-Identified-Payload-Type", "text/html"}})});
  auto reader = WarcReader::from_memory(file, {});
  WarcRecord r;
  ASSERT_EQ(reader->next(r), ReadStatus::kRecord);
  EXPECT_EQ(r.version, "WARC/1.0");
  EXPECT_EQ(r.target_uri, "http://b.test/x");
  EXPECT_EQ(r.identified_payload_type, "text/html");
  EXPECT_EQ(r.header("content-length"), std::to_string(http_response("body").size()));
  EXPECT_EQ(r.offset, 0u);
  EXPECT_TRUE(r.record_id.starts_with("<urn:uuid:"));
}

TEST(WarcReader, LfOnlyHeaderLines) {
  std::string good = warc_record("request", "GET / HTTP/1.1\r\n\r\n");
  std::string lf = response_record("http://c.test/", http_response("<b>x</b>"));
  size_t head_end = lf.find("\r\n\r\n");
  std::string head;
  for (char c : lf.substr(0, head_end))
    if (c != '\r') head += c;
  lf = head + "\n\n" + lf.substr(head_end + 4);
  auto got = read_all(concat({good, lf, good}));
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1].type, WarcRecordType::kResponse);
  EXPECT_EQ(got[1].block, http_response("<b>x</b>"));
  EXPECT_EQ(got[1].quirks, 1u << static_cast<unsigned>(WarcQuirk::kLfOnlyHeaderLines));
  EXPECT_EQ(got[2].quirks, 0u);

  auto strict = read_all(concat({good, lf, good}), {.strict = true});
  ASSERT_EQ(strict.size(), 3u);
  EXPECT_EQ(strict[1].status, ReadStatus::kError);
  EXPECT_EQ(strict[2].status, ReadStatus::kRecord);
}

TEST(WarcReader, ContentLengthTooLongIsRepairedAtTheNextRecord) {
  std::string body = http_response("<p>short</p>");
  std::string bad = warc_record("response", body, {{"Content-Type", "application/http"}}, "WARC/1.0",
                                static_cast<long>(body.size() + 40));
  std::string next = warc_record("request", "GET /next HTTP/1.1\r\n\r\n");
  std::string tail = warc_record("metadata", "k: v\r\n");
  std::array<uint64_t, static_cast<size_t>(WarcQuirk::kCount)> q{};
  auto got = read_all(concat({bad, next, tail}), {}, &q);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].block, body);
  EXPECT_TRUE(got[0].quirks & (1u << static_cast<unsigned>(WarcQuirk::kBadContentLength)));
  EXPECT_EQ(got[1].type, WarcRecordType::kRequest);
  EXPECT_EQ(got[1].block, "GET /next HTTP/1.1\r\n\r\n");
  EXPECT_EQ(got[2].type, WarcRecordType::kMetadata);
  EXPECT_EQ(q[static_cast<size_t>(WarcQuirk::kBadContentLength)], 1u);
}

TEST(WarcReader, ContentLengthTooShortIsRepairedAtTheNextRecord) {
  std::string body = http_response("<p>a longer body than declared</p>");
  std::string bad = warc_record("response", body, {{"Content-Type", "application/http"}}, "WARC/1.0",
                                static_cast<long>(body.size() - 10));
  std::string next = warc_record("request", "GET /next HTTP/1.1\r\n\r\n");
  for (bool gz : {false, true}) {
    std::string file = gz ? gzip_per_record({bad, next}) : concat({bad, next});
    auto got = read_all(file);
    ASSERT_EQ(got.size(), 2u) << gz;
    EXPECT_EQ(got[0].block, body);
    EXPECT_TRUE(got[0].quirks & (1u << static_cast<unsigned>(WarcQuirk::kBadContentLength)));
    EXPECT_EQ(got[1].type, WarcRecordType::kRequest);
    EXPECT_EQ(got[1].quirks, 0u);
  }
}

TEST(WarcReader, GarbageBetweenRecordsIsSkipped) {
  std::string a = warc_record("request", "GET /a HTTP/1.1\r\n\r\n");
  std::string b = warc_record("request", "GET /b HTTP/1.1\r\n\r\n");
  std::string garbage = "\x01\x02 not a record at all, WARC but not at a line\r\n" + std::string(5000, 'z');
  std::array<uint64_t, static_cast<size_t>(WarcQuirk::kCount)> q{};
  auto got = read_all(a + garbage + b, {}, &q);
  // "WARC but" is not "WARC/", so the resync lands on b.
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].block, "GET /b HTTP/1.1\r\n\r\n");
  EXPECT_EQ(q[static_cast<size_t>(WarcQuirk::kGarbageSkipped)], 1u);
  auto strict = read_all(a + garbage + b, {.strict = true});
  ASSERT_EQ(strict.size(), 2u);
  EXPECT_EQ(strict[1].status, ReadStatus::kError);
  EXPECT_EQ(strict[1].block, "GET /b HTTP/1.1\r\n\r\n");
}

TEST(WarcReader, GarbageBeforeTheFirstRecordAndAtTheEnd) {
  std::string a = warc_record("request", "GET /a HTTP/1.1\r\n\r\n");
  std::array<uint64_t, static_cast<size_t>(WarcQuirk::kCount)> q{};
  auto got = read_all("junk\n" + a + "trailing junk", {}, &q);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(q[static_cast<size_t>(WarcQuirk::kGarbageSkipped)], 2u);
  auto strict = read_all("junk\n" + a + "trailing junk", {.strict = true});
  ASSERT_EQ(strict.size(), 2u);  // the record (with its quirk), then the trailing garbage as an error
  EXPECT_EQ(strict[1].status, ReadStatus::kError);
}

TEST(WarcReader, TruncatedLastRecord) {
  std::string a = response_record("http://a.test/", http_response("<p>complete</p>"));
  std::string b = response_record("http://b.test/", http_response(std::string(3000, 'x')));
  std::string file = a + b.substr(0, b.size() - 1000);
  for (bool gz : {false, true}) {
    std::string bytes = gz ? gzip_per_record({a, b}) : file;
    if (gz) bytes.resize(bytes.size() - 20);
    auto got = read_all(bytes);
    ASSERT_EQ(got.size(), 2u) << gz;
    EXPECT_EQ(got[0].block, http_response("<p>complete</p>"));
    EXPECT_FALSE(got[0].truncated);
    EXPECT_TRUE(got[1].truncated);
    EXPECT_TRUE(got[1].quirks & (1u << static_cast<unsigned>(WarcQuirk::kTruncatedRecord)));
  }
}

TEST(WarcReader, TruncatedInsideTheHeader) {
  std::string a = warc_record("request", "GET /a HTTP/1.1\r\n\r\n");
  std::string b = warc_record("response", "whatever");
  auto got = read_all(a + b.substr(0, 40));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_TRUE(got[1].truncated);
}

TEST(WarcReader, OversizedBlockIsCutAndTheRestSkipped) {
  std::string big = response_record("http://big.test/", http_response(std::string(200000, 'b')));
  std::string after = warc_record("request", "GET /after HTTP/1.1\r\n\r\n");
  WarcReaderOptions options;
  options.max_block_bytes = 10000;
  for (bool gz : {false, true}) {
    std::string bytes = gz ? gzip_per_record({big, after, big, after}) : concat({big, after, big, after});
    auto got = read_all(bytes, options);
    ASSERT_EQ(got.size(), 4u);
    EXPECT_TRUE(got[0].cut);
    EXPECT_EQ(got[0].block.size(), 10000u);
    EXPECT_TRUE(got[0].block.starts_with("HTTP/1.1 200 OK"));
    EXPECT_EQ(got[1].block, "GET /after HTTP/1.1\r\n\r\n");
    EXPECT_TRUE(got[2].cut);
    EXPECT_EQ(got[3].type, WarcRecordType::kRequest);
  }
}

TEST(WarcReader, CorruptGzipMemberIsSkipped) {
  std::string a = warc_record("request", "GET /a HTTP/1.1\r\n\r\n");
  std::string b = warc_record("request", "GET /b HTTP/1.1\r\n\r\n");
  std::string c = warc_record("request", "GET /c HTTP/1.1\r\n\r\n");
  std::string bad = gzip_bytes(b);
  for (size_t i = 12; i < bad.size() - 8; ++i) bad[i] = static_cast<char>(0xff);
  std::array<uint64_t, static_cast<size_t>(WarcQuirk::kCount)> q{};
  auto got = read_all(gzip_bytes(a) + bad + gzip_bytes(c), {}, &q);
  ASSERT_EQ(got.size(), 2u);  // the corrupt member swallows nothing after it
  EXPECT_EQ(got.front().block, "GET /a HTTP/1.1\r\n\r\n");
  EXPECT_EQ(got.back().block, "GET /c HTTP/1.1\r\n\r\n");
  EXPECT_GE(q[static_cast<size_t>(WarcQuirk::kCorruptCompression)], 1u);
}

TEST(WarcReader, MissingContentLengthIsMalformed) {
  std::string a = "WARC/1.0\r\nWARC-Type: request\r\n\r\nGET / HTTP/1.1\r\n\r\n\r\n\r\n";
  std::string b = warc_record("request", "GET /b HTTP/1.1\r\n\r\n");
  auto got = read_all(a + b);
  ASSERT_GE(got.size(), 2u);
  EXPECT_TRUE(got[0].quirks & (1u << static_cast<unsigned>(WarcQuirk::kMalformedHeader)));
  EXPECT_EQ(got.back().block, "GET /b HTTP/1.1\r\n\r\n");
}

TEST(WarcReader, ManyRecordsAcrossBufferRefills) {
  std::vector<std::string> records;
  for (int i = 0; i < 300; ++i)
    records.push_back(response_record("http://m.test/" + std::to_string(i),
                                      http_response(std::string(static_cast<size_t>(i * 997 % 60000), 'a' + i % 26))));
  for (bool gz : {false, true}) {
    auto got = read_all(gz ? gzip_per_record(records) : concat(records));
    ASSERT_EQ(got.size(), records.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].quirks, 0u) << i;
      EXPECT_EQ(got[i].block.size(), http_response(std::string(i * 997 % 60000, 'x')).size()) << i;
    }
  }
}

// Members too big to decode whole (over the input buffer compressed, or over 16 MiB decoded) stream
// through zlib; the records around them are unaffected.
TEST(WarcReader, LargeGzipMembersStream) {
  std::string noise(1536 * 1024, '\0');
  uint32_t x = 2463534242u;
  for (char& c : noise) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    c = static_cast<char>(x);
  }
  std::string small = warc_record("request", "GET /s HTTP/1.1\r\n\r\n");
  std::string incompressible = warc_record("resource", noise);
  std::string huge = warc_record("resource", std::string(20u << 20, 'a'));
  std::string file = gzip_per_record({small, incompressible, small, huge, small});
  ASSERT_GT(file.size(), 1u << 20);
  WarcReaderOptions options;
  options.max_block_bytes = 32u << 20;
  auto got = read_all(file, options);
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(got[1].block, noise);
  EXPECT_EQ(got[3].block.size(), 20u << 20);
  EXPECT_EQ(got[3].block.find_first_not_of('a'), std::string::npos);
  for (const ReadResult& r : got) EXPECT_EQ(r.quirks, 0u);
  EXPECT_EQ(got[4].block, "GET /s HTTP/1.1\r\n\r\n");
}

TEST(WarcReader, OpenMissingFileFails) {
  std::string error;
  EXPECT_EQ(WarcReader::open("/nonexistent/x.warc.gz", {}, &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/x.warc.gz"), std::string::npos);
}

}  // namespace
}  // namespace pith
