// HtmlParser: the tokenizer feeding the tree builder over one reused Document (the WHATWG "parsing HTML
// documents" and "parsing HTML fragments" algorithms). Applies max_input_bytes before tokenizing (cut at a
// UTF-8 character boundary); the other limits live in the tree builder. The Document, tokenizer and
// stacks persist across parse() calls, so a warmed-up parser allocates nothing per document.
// Covered by tests/html/parser_test.cc and tests/html/tree_conformance_test.cc.
#include "html/tokenizer.h"
#include "html/tree_builder.h"
#include "pith/html.h"

namespace pith {

namespace detail {

class ParserImpl {
 public:
  Document document;
  Tokenizer tokenizer;
  TreeBuilder builder;

  std::string_view limit_input(std::string_view input, const ParseLimits& limits) {
    if (input.size() <= limits.max_input_bytes) return input;
    document.status.input_truncated = true;
    size_t cut = limits.max_input_bytes;
    // Step back over UTF-8 continuation bytes so no character is cut in half.
    size_t back = 0;
    while (cut > 0 && back < 3 && (static_cast<unsigned char>(input[cut]) & 0xC0) == 0x80) {
      --cut;
      ++back;
    }
    return input.substr(0, cut);
  }
};

}  // namespace detail

HtmlParser::HtmlParser(ParseOptions options) : options_(options), impl_(std::make_unique<detail::ParserImpl>()) {}

HtmlParser::~HtmlParser() = default;

Document& HtmlParser::parse(std::string_view utf8_input) {
  detail::ParserImpl& p = *impl_;
  p.document.reset();
  std::string_view input = p.limit_input(utf8_input, options_.limits);
  p.tokenizer.reset(input, p.document.arena(), options_.record_errors ? &p.document.errors : nullptr);
  p.builder.start_document(p.document, options_);
  p.tokenizer.run(p.builder);
  p.builder.finish();
  return p.document;
}

Document& HtmlParser::parse_fragment(std::string_view utf8_input, FragmentContext context) {
  detail::ParserImpl& p = *impl_;
  p.document.reset();
  std::string_view input = p.limit_input(utf8_input, options_.limits);
  p.tokenizer.reset(input, p.document.arena(), options_.record_errors ? &p.document.errors : nullptr);
  detail::TokenizerSwitch state = p.builder.start_fragment(p.document, options_, context);
  p.tokenizer.set_state(state);
  p.tokenizer.run(p.builder);
  p.builder.finish();
  return p.document;
}

}  // namespace pith
