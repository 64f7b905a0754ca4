// Tokenizer: the WHATWG HTML tokenization stage (https://html.spec.whatwg.org/multipage/parsing.html#tokenization).
//
// Input is UTF-8 (the encoding stage has decoded it). Input-stream preprocessing (CR LF and lone CR to LF)
// happens here. Character tokens are maximal runs, as views into the input where possible; strings that
// must be built (attribute values with character references, lower-cased names, comment text with
// replacements) go into the document's arena. Parse errors are appended as (offset, spec code); when they
// are asked for, one extra pass over the input finds the input-stream errors (controls, noncharacters).
// At most 65,536 errors of each kind are recorded per run (later ones are dropped: bounded memory).
// Offsets are 32-bit: inputs must stay below 4 GiB (Limits::max_input_bytes, 256 MiB by default, sees to it).
// Reusable across documents: buffers (attribute list, string builders) keep their capacity, up to 1 MiB each.
// Covered by tests/html/tokenizer_test.cc and tests/html/tokenizer_conformance_test.cc (html5lib suite).
#pragma once

#include <string_view>
#include <vector>

#include "base/arena.h"
#include "html/token.h"

namespace pith::detail {

class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();

  // Prepares to tokenize `input`. Built strings go into `arena`; parse errors into `errors` when non-null.
  void reset(std::string_view input, Arena& arena, std::vector<ParseError>* errors);
  // Sets the current state (fragment parsing, tests: "initialStates"). Call after reset().
  void set_state(TokenizerSwitch state);
  // Sets the last start tag name (fragment parsing and tests: "lastStartTag"), used for appropriate end tags.
  // Call after reset(); the name is copied.
  void set_last_start_tag(std::string_view name);
  // Tokenizes to the end of the input, handing every token to `sink` and ending with one kEndOfFile
  // token, unless the sink asks to stop.
  void run(TokenSink& sink);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace pith::detail
