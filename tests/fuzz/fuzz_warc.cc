// libFuzzer target: the WARC reader and page selector over arbitrary bytes, plain or (by the first
// byte) gzip- or zstd-compressed first, lenient and strict, with small limits so that cutting and
// re-framing paths are reached. Nothing may crash, hang, leak or trip a sanitizer, and every record
// must be accounted for exactly once.
#include <zlib.h>
#include <zstd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "pith/warc.h"

namespace {

std::string gzip_of(std::string_view data) {
  uLongf size = compressBound(data.size()) + 32;
  std::string out(size, '\0');
  z_stream z{};
  deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string zstd_of(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 1));
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string bytes;
  uint8_t mode = size ? data[0] : 0;
  std::string_view rest = size ? input.substr(1) : input;
  if (mode % 4 == 1) bytes = gzip_of(rest);
  else if (mode % 4 == 2) bytes = zstd_of(rest);
  else bytes = std::string(input);
  for (bool strict : {false, true}) {
    pith::PageSelectorOptions options;
    options.reader.max_block_bytes = 4096;
    options.reader.max_header_bytes = 1024;
    options.reader.strict = strict;
    options.http.max_body_bytes = 8192;
    pith::PageSelector selector(pith::WarcReader::from_memory(bytes, options.reader), options);
    pith::Page page;
    size_t touched = 0;
    while (selector.next(page)) {
      touched += page.record->block.size() + page.body().size();
      for (const pith::WarcHeader& h : page.record->headers) touched += h.name.size() + h.value.size();
    }
    const pith::WarcStats& s = selector.stats();
    if (s.records != s.passed + s.skipped_total()) std::abort();
    if (touched == SIZE_MAX) return 1;
  }
  return 0;
}
