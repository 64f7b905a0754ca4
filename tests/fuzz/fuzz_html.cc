// libFuzzer target: tokenizer + tree builder over arbitrary bytes, as a document and as a fragment in a
// few contexts that switch the tokenizer state (title, textarea, script, svg). The parser must not
// crash, hang, leak or trip a sanitizer; it is reused across inputs as in production.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pith/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static pith::HtmlParser parser([] {
    pith::ParseOptions o;
    o.limits.max_depth = 256;
    o.limits.max_nodes = 200000;
    return o;
  }());
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (!input.empty() && input[0] == '\x01') {
    static constexpr pith::FragmentContext kContexts[] = {
        {"body", pith::Namespace::kHtml}, {"title", pith::Namespace::kHtml}, {"textarea", pith::Namespace::kHtml},
        {"script", pith::Namespace::kHtml}, {"table", pith::Namespace::kHtml}, {"path", pith::Namespace::kSvg},
        {"template", pith::Namespace::kHtml}, {"plaintext", pith::Namespace::kHtml}};
    size_t which = input.size() > 1 ? static_cast<uint8_t>(input[1]) % std::size(kContexts) : 0;
    parser.parse_fragment(input.substr(input.size() > 1 ? 2 : 1), kContexts[which]);
  } else {
    pith::Document& doc = parser.parse(input);
    // Touch the tree so a dangling link would be caught by ASan.
    size_t n = 0;
    for (const pith::Node* node = doc.root(); node; node = pith::next_in_preorder(node, doc.root())) n += node->data.size();
    if (n == SIZE_MAX) return 1;
  }
  return 0;
}
