// OwnedPage: the copy of a selected page keeps every field the step and the line builders read after
// the reader and the HTTP parser have moved on and reused their buffers (gzip members, a chunked and
// gzip-encoded body decoded into the parser's scratch buffer).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "corpus/owned_page.h"
#include "warc_builder.h"

namespace pith::corpus::detail {
namespace {

struct Expected {
  std::string record_id, date, uri, content_type, payload_type, version;
  std::vector<std::pair<std::string, std::string>> warc_headers, http_headers;
  std::string http_version, reason, mime_type, charset, body;
  int status;
  uint64_t offset;
};

Expected snapshot(const Page& page) {
  const WarcRecord& w = *page.record;
  Expected e{std::string(w.record_id), std::string(w.date), std::string(w.target_uri), std::string(w.content_type),
             std::string(w.identified_payload_type), std::string(w.version), {}, {},
             std::string(page.http->version), std::string(page.http->reason), page.http->mime_type,
             page.http->charset, std::string(page.http->body), page.http->status, w.offset};
  for (const WarcHeader& h : w.headers) e.warc_headers.emplace_back(h.name, h.value);
  for (const WarcHeader& h : page.http->headers) e.http_headers.emplace_back(h.name, h.value);
  return e;
}

TEST(PipelineOwnedPage, KeepsEveryFieldAfterTheReaderMovesOn) {
  std::string body = "<html><title>Owned</title><p>" + std::string(30000, 'o') + "</p>";
  std::string gz = pith::testing::gzip_bytes(body);
  std::string chunked;
  for (size_t i = 0; i < gz.size(); i += 1000) {
    std::string piece = gz.substr(i, 1000);
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", piece.size());
    chunked += size + piece + "\r\n";
  }
  chunked += "0\r\n\r\n";
  std::string first = pith::testing::response_record(
      "http://owned.test/a",
      pith::testing::http_response(chunked, "200 OK", "text/html; charset=ISO-8859-1",
                                   {{"Transfer-Encoding", "chunked"}, {"Content-Encoding", "gzip"}}),
      {{"WARC-Identified-Payload-Type", "text/html"}});
  std::vector<std::string> records = {first};
  for (int i = 0; i < 3; ++i)
    records.push_back(pith::testing::response_record(
        "http://owned.test/other" + std::to_string(i),
        pith::testing::http_response("<p>" + std::string(40000, 'x') + "</p>", "200 OK", "text/html; charset=utf-8",
                                     {{"Content-Encoding", "gzip"}})));
  for (size_t i = 1; i < records.size(); ++i) {  // the later bodies gzip-encoded too, reusing the scratch buffer
    size_t head_end = records[i].find("Server: test\r\n\r\n") + 16;
    size_t block_end = records[i].size() - 4;
    std::string encoded = pith::testing::gzip_bytes(records[i].substr(head_end, block_end - head_end));
    std::string http = records[i].substr(records[i].find("HTTP/1.1"), head_end - records[i].find("HTTP/1.1")) + encoded;
    records[i] = pith::testing::response_record("http://owned.test/other" + std::to_string(i), http);
  }
  std::string bytes = pith::testing::gzip_per_record(records);
  PageSelector selector(WarcReader::from_memory(bytes, {}));

  Page page;
  ASSERT_TRUE(selector.next(page));
  ASSERT_EQ(page.skip, SkipReason::kNone);
  ASSERT_EQ(page.body(), body);
  Expected e = snapshot(page);
  OwnedPage owned;
  owned.assign(page);
  while (selector.next(page)) ASSERT_EQ(page.skip, SkipReason::kNone);  // buffers reused

  const WarcRecord& w = owned.record();
  EXPECT_EQ(w.type, WarcRecordType::kResponse);
  EXPECT_EQ(w.record_id, e.record_id);
  EXPECT_EQ(w.date, e.date);
  EXPECT_EQ(w.target_uri, "http://owned.test/a");
  EXPECT_EQ(w.target_uri, e.uri);
  EXPECT_EQ(w.content_type, e.content_type);
  EXPECT_EQ(w.identified_payload_type, "text/html");
  EXPECT_EQ(w.version, e.version);
  EXPECT_EQ(w.offset, e.offset);
  EXPECT_TRUE(w.block.empty());
  ASSERT_EQ(w.headers.size(), e.warc_headers.size());
  for (size_t i = 0; i < w.headers.size(); ++i) {
    EXPECT_EQ(w.headers[i].name, e.warc_headers[i].first);
    EXPECT_EQ(w.headers[i].value, e.warc_headers[i].second);
  }
  ASSERT_NE(owned.http(), nullptr);
  const HttpResponse& h = *owned.http();
  EXPECT_EQ(h.status, 200);
  EXPECT_EQ(h.version, e.http_version);
  EXPECT_EQ(h.reason, e.reason);
  EXPECT_EQ(h.mime_type, "text/html");
  EXPECT_EQ(owned.transport_charset(), "iso-8859-1");
  EXPECT_EQ(h.header("content-encoding"), "gzip");
  ASSERT_EQ(h.headers.size(), e.http_headers.size());
  for (size_t i = 0; i < h.headers.size(); ++i) EXPECT_EQ(h.headers[i].value, e.http_headers[i].second);
  EXPECT_EQ(owned.body(), body);
  EXPECT_TRUE(h.raw_body.empty());
  EXPECT_GE(owned.bytes(), body.size());

  owned.release();
  EXPECT_EQ(owned.http(), nullptr);
  EXPECT_TRUE(owned.body().empty());
  EXPECT_EQ(owned.bytes(), 0u);
}

}  // namespace
}  // namespace pith::corpus::detail
