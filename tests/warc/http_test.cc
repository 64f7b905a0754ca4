// HttpParser: status line, headers (CRLF and LF-only), Content-Type, chunked transfer-coding, gzip/
// deflate/br content-codings, limits and malformed input.
#include <brotli/encode.h>
#include <gtest/gtest.h>

#include "pith/warc.h"
#include "warc_builder.h"

namespace pith {
namespace {

TEST(HttpParser, StatusLineHeadersAndCharset) {
  HttpParser p;
  HttpResponse r;
  std::string block = "HTTP/1.1 404 Not Found\r\nContent-Type: Text/HTML; Charset=\"EUC-KR\"\r\nX-A: b\r\n\r\nbody";
  ASSERT_EQ(p.parse_head(block, r), HttpStatus::kOk);
  EXPECT_EQ(r.version, "HTTP/1.1");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.reason, "Not Found");
  EXPECT_EQ(r.mime_type, "text/html");
  EXPECT_EQ(r.charset, "euc-kr");
  EXPECT_EQ(r.header("x-a"), "b");
  EXPECT_EQ(r.raw_body, "body");
  EXPECT_FALSE(r.lf_only_lines);
}

TEST(HttpParser, LfOnlyLines) {
  HttpParser p;
  HttpResponse r;
  ASSERT_EQ(p.parse_head("HTTP/1.0 200 OK\nContent-Type: application/xhtml+xml\n\n<html/>", r), HttpStatus::kOk);
  EXPECT_TRUE(r.lf_only_lines);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.mime_type, "application/xhtml+xml");
  EXPECT_EQ(r.charset, "");
  EXPECT_EQ(r.raw_body, "<html/>");
}

TEST(HttpParser, Malformed) {
  HttpParser p;
  HttpResponse r;
  EXPECT_EQ(p.parse_head("", r), HttpStatus::kMalformed);
  EXPECT_EQ(p.parse_head("GET / HTTP/1.1\r\n\r\n", r), HttpStatus::kMalformed);
  EXPECT_EQ(p.parse_head("HTTP/1.1 2x0 OK\r\n\r\n", r), HttpStatus::kMalformed);
  EXPECT_EQ(p.parse_head("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n", r), HttpStatus::kMalformed);
}

TEST(ContentType, Variants) {
  std::string mime, cs;
  parse_content_type("text/html;charset=windows-1251", mime, cs);
  EXPECT_EQ(mime, "text/html");
  EXPECT_EQ(cs, "windows-1251");
  parse_content_type(" text/html ; foo=bar; charset = 'Shift_JIS' ", mime, cs);
  EXPECT_EQ(cs, "shift_jis");
  parse_content_type("image/png", mime, cs);
  EXPECT_EQ(mime, "image/png");
  EXPECT_EQ(cs, "");
}

std::string decode(std::string block, HttpStatus expect = HttpStatus::kOk, HttpOptions options = {}) {
  HttpParser p(options);
  HttpResponse r;
  EXPECT_EQ(p.parse_head(block, r), HttpStatus::kOk);
  EXPECT_EQ(p.decode_body(r), expect);
  return std::string(r.body);
}

TEST(HttpParser, Chunked) {
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n"),
            "hello, world");
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\nabcdefghij\n0\n\n"), "abcdefghij");
  // Declared chunked but stored dechunked: taken as is.
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<html>plain</html>"), "<html>plain</html>");
  // Cut short: keeps what it held.
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n10\r\nabc"), "helloabc");
  // Cut right after the first chunk header (found by fuzz_http: an empty copy from a null buffer).
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA\n"), "");
}

TEST(HttpParser, GzipDeflateAndBrotli) {
  std::string page = "<html><body><p>" + std::string(5000, 'q') + "</p></body></html>";
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + testing::gzip_bytes(page)), page);
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: x-gzip\r\n\r\n" + testing::gzip_bytes(page)), page);
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + testing::gzip_bytes(page, 15)), page);
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n" + testing::gzip_bytes(page, -15)), page);
  // Declared gzip but stored decoded (no gzip magic): taken as is.
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + page), page);
  // Chunked on top of gzip.
  std::string gz = testing::gzip_bytes(page);
  char size_line[32];
  std::snprintf(size_line, sizeof size_line, "%zx\r\n", gz.size());
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n" +
                   std::string(size_line) + gz + "\r\n0\r\n\r\n"),
            page);
  std::string br(BrotliEncoderMaxCompressedSize(page.size()), '\0');
  size_t br_size = br.size();
  ASSERT_TRUE(BrotliEncoderCompress(5, 22, BROTLI_MODE_TEXT, page.size(), reinterpret_cast<const uint8_t*>(page.data()),
                                    &br_size, reinterpret_cast<uint8_t*>(br.data())));
  br.resize(br_size);
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n" + br), page);
}

TEST(HttpParser, DecodeErrorsAndLimits) {
  std::string page(100000, 'w');
  std::string gz = testing::gzip_bytes(page);
  std::string broken = gz;
  for (size_t i = 10; i < 30 && i < broken.size(); ++i) broken[i] = static_cast<char>(0xff);
  decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + broken, HttpStatus::kDecodeError);
  decode("HTTP/1.1 200 OK\r\nContent-Encoding: compress\r\n\r\nxyz", HttpStatus::kDecodeError);
  HttpOptions small;
  small.max_body_bytes = 4096;
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + gz, HttpStatus::kBodyCut, small).size(), 4096u);
  EXPECT_EQ(decode("HTTP/1.1 200 OK\r\n\r\n" + page, HttpStatus::kBodyCut, small).size(), 4096u);
}

TEST(HttpParser, ReusedAcrossResponses) {
  HttpParser p;
  HttpResponse r;
  for (int i = 0; i < 50; ++i) {
    std::string page = "<p>" + std::string(static_cast<size_t>(i * 100), 'r') + "</p>";
    std::string block = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n" + testing::gzip_bytes(page);
    ASSERT_EQ(p.parse_head(block, r), HttpStatus::kOk);
    ASSERT_EQ(p.decode_body(r), HttpStatus::kOk);
    EXPECT_EQ(r.body, page);
  }
}

}  // namespace
}  // namespace pith
