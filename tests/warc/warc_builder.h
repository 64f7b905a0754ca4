// Builds WARC files in memory for the tests: records with chosen headers and blocks, HTTP responses,
// and the three compressions (gzip per record, whole-file gzip, zstd).
#pragma once

#include <zlib.h>
#include <zstd.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pith::testing {

inline std::string warc_record(std::string_view type, std::string_view block,
                               std::vector<std::pair<std::string, std::string>> extra = {},
                               std::string_view version = "WARC/1.0", long content_length = -1) {
  static int counter = 0;
  std::string r(version);
  r += "\r\nWARC-Type: " + std::string(type) + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" + std::to_string(100000000000 + ++counter) + ">\r\n";
  r += "WARC-Date: 2024-03-01T12:00:00Z\r\n";
  for (auto& [k, v] : extra) r += k + ": " + v + "\r\n";
  r += "Content-Length: " + std::to_string(content_length >= 0 ? content_length : static_cast<long>(block.size())) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

inline std::string http_response(std::string_view body, std::string_view status = "200 OK",
                                  std::string_view content_type = "text/html; charset=utf-8",
                                  std::vector<std::pair<std::string, std::string>> extra = {}) {
  std::string h = "HTTP/1.1 " + std::string(status) + "\r\nContent-Type: " + std::string(content_type) + "\r\n";
  for (auto& [k, v] : extra) h += k + ": " + v + "\r\n";
  h += "Server: test\r\n\r\n";
  h += body;
  return h;
}

inline std::string response_record(std::string_view url, std::string_view http,
                                   std::vector<std::pair<std::string, std::string>> extra = {}) {
  extra.insert(extra.begin(), {"WARC-Target-URI", std::string(url)});
  extra.push_back({"Content-Type", "application/http; msgtype=response"});
  return warc_record("response", http, extra);
}

inline std::string gzip_bytes(std::string_view data, int window_bits = 15 + 16) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string zstd_bytes(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

// Common Crawl's layout: one gzip member per record.
inline std::string gzip_per_record(const std::vector<std::string>& records) {
  std::string out;
  for (const std::string& r : records) out += gzip_bytes(r);
  return out;
}

inline std::string concat(const std::vector<std::string>& records) {
  std::string out;
  for (const std::string& r : records) out += r;
  return out;
}

}  // namespace pith::testing
