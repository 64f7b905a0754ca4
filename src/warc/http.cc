// HTTP/1.x response parsing as crawlers store it (RFC 9112 message framing): status line, header
// fields up to the first empty line (CRLF or lone LF), then the body, with chunked transfer-coding undone
// and gzip/x-gzip/deflate/br content-codings decoded into a reused scratch buffer bounded by
// max_body_bytes (cut and flagged past it). Lenient where crawls demand it: a body declared gzip that
// carries no gzip magic is taken as already decoded, a body declared chunked that does not start with a
// chunk-size line is taken as is, and a chunked body cut short keeps what it held. Covered by
// tests/warc/http_test.cc and fuzz_http.
#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "pith/warc.h"
#include "warc/text_util.h"

namespace pith {

namespace {

// A growable byte buffer that does not zero what it allocates.
struct ScratchBuffer {
  std::unique_ptr<char[]> data;
  size_t size = 0;
  size_t cap = 0;
  void clear() { size = 0; }
  // Makes room for at least `extra` more bytes, never beyond `limit` in total; returns the room made.
  size_t reserve_more(size_t extra, size_t limit) {
    size_t want = std::min(limit, size + extra);
    if (want > cap) {
      size_t grown = std::min(limit, std::max(want, cap * 2));
      std::unique_ptr<char[]> bigger(new char[grown]);
      if (size) std::memcpy(bigger.get(), data.get(), size);
      data = std::move(bigger);
      cap = grown;
    }
    return cap - size;
  }
  std::string_view view() const { return {data.get(), size}; }
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = detail::ascii_lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace

struct HttpParser::Impl {
  HttpOptions options;
  ScratchBuffer dechunked;
  ScratchBuffer decoded[2];
  z_stream z{};
  bool z_ready = false;
  BrotliDecoderState* brotli = nullptr;

  ~Impl() {
    if (z_ready) inflateEnd(&z);
    if (brotli) BrotliDecoderDestroyInstance(brotli);
  }
  bool dechunk(std::string_view in);
  HttpStatus inflate_into(std::string_view in, int window_bits, ScratchBuffer& out);
  HttpStatus brotli_into(std::string_view in, ScratchBuffer& out);
};

HttpParser::HttpParser(HttpOptions options) : impl_(std::make_unique<Impl>()) { impl_->options = options; }
HttpParser::~HttpParser() = default;

void parse_content_type(std::string_view value, std::string& mime_type, std::string& charset) {
  mime_type.clear();
  charset.clear();
  size_t semi = value.find(';');
  mime_type = detail::lower_ascii(detail::trim(value.substr(0, semi)));
  while (semi != std::string_view::npos) {
    value.remove_prefix(semi + 1);
    semi = value.find(';');
    std::string_view param = detail::trim(value.substr(0, semi));
    size_t eq = param.find('=');
    if (eq == std::string_view::npos || !detail::iequals(detail::trim(param.substr(0, eq)), "charset")) continue;
    std::string_view v = detail::trim(param.substr(eq + 1));
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) v = v.substr(1, v.size() - 2);
    charset = detail::lower_ascii(detail::trim(v));
    break;
  }
}

HttpStatus HttpParser::parse_head(std::string_view block, HttpResponse& out) {
  out.version = out.reason = out.raw_body = out.body = {};
  out.status = 0;
  out.headers.clear();
  out.mime_type.clear();
  out.charset.clear();
  out.lf_only_lines = out.body_cut = false;
  if (!block.starts_with("HTTP/")) return HttpStatus::kMalformed;
  std::string_view rest = block;
  bool first = true;
  bool ended = false;
  while (!rest.empty() && static_cast<size_t>(rest.data() - block.data()) <= impl_->options.max_header_bytes) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) break;
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    else out.lf_only_lines = true;
    if (first) {
      first = false;
      size_t sp = line.find(' ');
      if (sp == std::string_view::npos) return HttpStatus::kMalformed;
      out.version = line.substr(0, sp);
      std::string_view code = detail::trim(line.substr(sp + 1));
      if (code.size() < 3) return HttpStatus::kMalformed;
      uint64_t status = 0;
      if (!detail::parse_u64(code.substr(0, 3), status)) return HttpStatus::kMalformed;
      out.status = static_cast<int>(status);
      out.reason = detail::trim(code.substr(3));
      continue;
    }
    if (line.empty()) {
      ended = true;
      break;
    }
    if (line[0] == ' ' || line[0] == '\t') continue;  // obsolete line folding: first line's value kept
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // a broken line is dropped, as browsers do
    out.headers.push_back({detail::trim(line.substr(0, colon)), detail::trim(line.substr(colon + 1))});
  }
  if (!ended) return HttpStatus::kMalformed;
  out.raw_body = rest;
  out.body = rest;
  if (std::string_view ct = out.header("Content-Type"); !ct.empty()) parse_content_type(ct, out.mime_type, out.charset);
  return HttpStatus::kOk;
}

// Chunk by chunk: hex size [; extensions] CRLF, data, CRLF; a zero size ends the body (trailers ignored).
// Returns false when `in` does not start with a chunk-size line (the body is then not chunked at all).
bool HttpParser::Impl::dechunk(std::string_view in) {
  dechunked.clear();
  bool first = true;
  while (!in.empty()) {
    size_t nl = in.find('\n');
    std::string_view line = in.substr(0, nl);
    uint64_t size = 0;
    size_t digits = 0;
    while (digits < line.size() && digits < 15 && hex_value(line[digits]) >= 0)
      size = size * 16 + static_cast<uint64_t>(hex_value(line[digits++]));
    std::string_view after_digits = detail::trim(line.substr(digits));
    if (digits == 0 || (!after_digits.empty() && after_digits[0] != ';') || nl == std::string_view::npos) {
      return !first;
    }
    first = false;
    in.remove_prefix(nl + 1);
    if (size == 0) break;
    size_t take = static_cast<size_t>(std::min<uint64_t>(size, in.size()));
    if (take == 0) break;  // a chunk header at the very end of a cut body: nothing more to copy
    dechunked.reserve_more(take, SIZE_MAX);
    std::memcpy(dechunked.data.get() + dechunked.size, in.data(), take);
    dechunked.size += take;
    in.remove_prefix(take);
    if (in.starts_with("\r\n")) in.remove_prefix(2);
    else if (in.starts_with("\n")) in.remove_prefix(1);
  }
  return true;
}

HttpStatus HttpParser::Impl::inflate_into(std::string_view in, int window_bits, ScratchBuffer& out) {
  out.clear();
  if (!z_ready) {
    if (inflateInit2(&z, window_bits) != Z_OK) return HttpStatus::kDecodeError;
    z_ready = true;
  } else if (inflateReset2(&z, window_bits) != Z_OK) {
    return HttpStatus::kDecodeError;
  }
  const size_t limit = options.max_body_bytes;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(std::min<size_t>(in.size(), UINT32_MAX));
  for (;;) {
    size_t room = out.reserve_more(std::max<size_t>(in.size() * 4, 64 * 1024), limit);
    if (room == 0) return HttpStatus::kBodyCut;
    z.next_out = reinterpret_cast<Bytef*>(out.data.get() + out.size);
    z.avail_out = static_cast<uInt>(std::min<size_t>(room, UINT32_MAX));
    int ret = inflate(&z, Z_NO_FLUSH);
    out.size += std::min<size_t>(room, UINT32_MAX) - z.avail_out;
    if (ret == Z_STREAM_END) return HttpStatus::kOk;
    if (ret == Z_BUF_ERROR && z.avail_in == 0) return HttpStatus::kOk;  // stream cut short: keep what came
    if (ret != Z_OK && ret != Z_BUF_ERROR) return HttpStatus::kDecodeError;
  }
}

HttpStatus HttpParser::Impl::brotli_into(std::string_view in, ScratchBuffer& out) {
  out.clear();
  if (brotli) BrotliDecoderDestroyInstance(brotli);
  brotli = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
  if (!brotli) return HttpStatus::kDecodeError;
  const uint8_t* next_in = reinterpret_cast<const uint8_t*>(in.data());
  size_t avail_in = in.size();
  const size_t limit = options.max_body_bytes;
  for (;;) {
    size_t room = out.reserve_more(std::max<size_t>(in.size() * 4, 64 * 1024), limit);
    if (room == 0) return HttpStatus::kBodyCut;
    uint8_t* next_out = reinterpret_cast<uint8_t*>(out.data.get() + out.size);
    size_t avail_out = room;
    BrotliDecoderResult r = BrotliDecoderDecompressStream(brotli, &avail_in, &next_in, &avail_out, &next_out, nullptr);
    out.size += room - avail_out;
    if (r == BROTLI_DECODER_RESULT_SUCCESS) return HttpStatus::kOk;
    if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) return HttpStatus::kOk;  // cut short: keep what came
    if (r == BROTLI_DECODER_RESULT_ERROR) return HttpStatus::kDecodeError;
  }
}

HttpStatus HttpParser::decode_body(HttpResponse& out) {
  Impl& im = *impl_;
  std::string_view body = out.raw_body;
  std::string_view te = out.header("Transfer-Encoding");
  if (!te.empty() && detail::lower_ascii(te).find("chunked") != std::string::npos && im.dechunk(body)) {
    body = im.dechunked.view();
  }
  HttpStatus status = HttpStatus::kOk;
  std::string codings = detail::lower_ascii(out.header("Content-Encoding"));
  // Codings apply in the order listed, so they are undone from the last; at most two are undone.
  int pass = 0;
  while (!codings.empty() && status == HttpStatus::kOk) {
    size_t comma = codings.rfind(',');
    std::string coding(detail::trim(std::string_view(codings).substr(comma == std::string::npos ? 0 : comma + 1)));
    codings.resize(comma == std::string::npos ? 0 : comma);
    if (coding.empty() || coding == "identity" || coding == "none") continue;
    if (pass == 2) return HttpStatus::kDecodeError;
    ScratchBuffer& dst = im.decoded[pass++];
    if (coding == "gzip" || coding == "x-gzip") {
      if (!std::string_view(body).starts_with("\x1f\x8b")) continue;  // stored already decoded
      status = im.inflate_into(body, 15 + 16, dst);
    } else if (coding == "deflate") {
      // RFC 9110 deflate is zlib-wrapped; some servers send raw deflate. The zlib header decides.
      bool zlib_wrapped = body.size() >= 2 && (static_cast<uint8_t>(body[0]) & 0x0f) == 8 &&
                          ((static_cast<uint8_t>(body[0]) << 8) | static_cast<uint8_t>(body[1])) % 31 == 0;
      status = im.inflate_into(body, zlib_wrapped ? 15 : -15, dst);
    } else if (coding == "br") {
      status = im.brotli_into(body, dst);
    } else {
      return HttpStatus::kDecodeError;
    }
    body = dst.view();
  }
  out.body = body;
  if (status == HttpStatus::kBodyCut) out.body_cut = true;
  else if (status == HttpStatus::kOk && body.size() > im.options.max_body_bytes) {
    out.body = body.substr(0, im.options.max_body_bytes);
    out.body_cut = true;
    status = HttpStatus::kBodyCut;
  }
  return status;
}

}  // namespace pith
