// libFuzzer target: HTTP response parsing and body decoding (chunked, gzip, deflate, br) over arbitrary
// bytes, with a small body limit; the parser is reused across inputs as in production. The first byte
// picks a Content-Encoding / Transfer-Encoding header prepended so the decoders see fuzzed payloads.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pith/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static pith::HttpParser parser([] {
    pith::HttpOptions o;
    o.max_body_bytes = 64 * 1024;
    o.max_header_bytes = 4096;
    return o;
  }());
  static constexpr std::string_view kHeads[] = {
      "", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n"};
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string block;
  if (size > 0) {
    block = std::string(kHeads[data[0] % std::size(kHeads)]);
    block += input.substr(1);
  }
  pith::HttpResponse response;
  if (parser.parse_head(block, response) == pith::HttpStatus::kOk) {
    (void)parser.decode_body(response);
    size_t n = response.body.size() + response.mime_type.size() + response.charset.size();
    for (const pith::WarcHeader& h : response.headers) n += h.name.size() + h.value.size();
    if (response.body.size() > 64 * 1024) return 1;
    if (n == SIZE_MAX) return 1;
  }
  return 0;
}
