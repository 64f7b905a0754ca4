// libFuzzer target: the whole extraction chain (encoding sniff and decode, parse, pruning, the three
// readings, segmentation, metadata) over arbitrary bytes, with every output format rendered and
// comments and explain on, so hostile pages cannot crash, hang or trip a sanitizer anywhere.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pith/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static pith::Extractor extractor([] {
    pith::Options o;
    o.include_comments = true;
    o.include_links = true;
    o.include_images = true;
    o.explain = true;
    o.url = "https://example.com/2020/06/24/story.html";
    return o;
  }());
  pith::Result r = extractor.extract(std::string_view(reinterpret_cast<const char*>(data), size));
  size_t n = r.text().size() + r.markdown().size() + r.html().size() + r.json(true).size() + r.comments().size() +
             r.explain().size();
  return n == SIZE_MAX ? 1 : 0;
}
