// HtmlParser: UTF-8 bytes to a Document, by the WHATWG HTML parsing algorithm (tokenizer + tree builder).
//
// Parsing never fails: malformed markup becomes the tree a browser builds, parse errors are recorded as
// data (Document::errors), and the limits below cut, flag (Document::status) and carry on. The parser is
// reusable and keeps its buffers between documents; it is not thread-safe (use one per thread). The
// Document it returns is owned by the parser and valid until the next parse() call; its string views
// may point into `input`, which must outlive the Document's use.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "pith/dom.h"

namespace pith {

struct ParseLimits {
  // Bytes of input parsed; the rest is ignored and Document::status.input_truncated set.
  size_t max_input_bytes = 256u * 1024 * 1024;
  // Depth of the stack of open elements; deeper elements are attached as children of the element at
  // the limit (their content is kept, the nesting flattened) and status.depth_limited set.
  uint32_t max_depth = 512;
  // Nodes in the tree; once reached, the parse stops and no further node is created (status.nodes_limited;
  // a single token may still add its few implied nodes).
  size_t max_nodes = 8u * 1024 * 1024;
  // Attributes kept per element (the first ones in source order); the rest are dropped without a status flag.
  uint32_t max_attributes = 1024;
  // Wall-clock budget in milliseconds (0 = none), checked every 2048 tokens; past it the parse stops and the
  // tree built so far is kept (status.time_limited).
  uint32_t max_parse_ms = 0;
};

struct ParseOptions {
  ParseLimits limits;
  bool scripting = false;       // the scripting flag (affects <noscript>); off, as for a crawler
  bool record_errors = true;    // keep Document::errors (costs a little time on broken pages)
};

// The context element of a fragment parse: an HTML element by default, or SVG/MathML ("svg path").
struct FragmentContext {
  std::string_view name;  // local name, lower case, e.g. "td"
  Namespace ns = Namespace::kHtml;
};

namespace detail {
class ParserImpl;
}

class HtmlParser {
 public:
  explicit HtmlParser(ParseOptions options = {});
  ~HtmlParser();
  HtmlParser(const HtmlParser&) = delete;
  HtmlParser& operator=(const HtmlParser&) = delete;

  // Parses a whole document.
  Document& parse(std::string_view utf8_input);
  // Parses `utf8_input` as the children of `context` (the HTML fragment parsing algorithm). The result's
  // root() is a kFragment node holding the parsed children.
  Document& parse_fragment(std::string_view utf8_input, FragmentContext context);

  const ParseOptions& options() const { return options_; }

 private:
  ParseOptions options_;
  std::unique_ptr<detail::ParserImpl> impl_;
};

}  // namespace pith
