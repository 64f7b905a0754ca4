// Tokens and the narrow channel between the tokenizer and the tree builder.
//
// The tokenizer hands each token to a TokenSink; the sink's only way back is its typed return value,
// which may switch the tokenizer to RCDATA/RAWTEXT/script data/PLAINTEXT (as the tree builder must
// after <title>, <style>, <script>, <plaintext> ...) and tells it whether the adjusted current node is
// foreign content (where <![CDATA[ opens a CDATA section). All views in a Token are valid until the
// document's arena is reset: they point into the input, into static tables, or into that arena.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "pith/dom.h"

namespace pith::detail {

enum class TokenKind : uint8_t { kDoctype, kStartTag, kEndTag, kComment, kCharacter, kEndOfFile };

struct Token {
  TokenKind kind = TokenKind::kEndOfFile;
  // Start/end tag: lower-case name and its interned id. Doctype: the name (lower case).
  std::string_view name;
  Tag tag = Tag::kUnknown;
  bool self_closing = false;
  // Start tag attributes, in source order, duplicates already dropped (a parse error). Attribute::id
  // is set; ns is kNone (the tree builder adjusts foreign attributes). Valid until the next token.
  std::span<Attribute> attributes;
  // Character (a run of characters, never empty) and comment data.
  std::string_view data;
  // Doctype only.
  std::string_view public_id, system_id;
  bool name_missing = true, public_id_missing = true, system_id_missing = true;
  bool force_quirks = false;
  // Byte offset of the token's first character in the input.
  uint32_t offset = 0;
};

// The tokenizer states the tree builder may switch to (spec: "switch the tokenizer to the ... state").
enum class TokenizerSwitch : uint8_t { kNone, kData, kRcdata, kRawtext, kScriptData, kPlaintext };

struct SinkResult {
  TokenizerSwitch next_state = TokenizerSwitch::kNone;
  // True when the adjusted current node is an element not in the HTML namespace (enables CDATA sections).
  bool in_foreign_content = false;
  // The sink wants no more tokens (a time or node limit hit): the tokenizer returns at once.
  bool stop = false;
};

class TokenSink {
 public:
  virtual ~TokenSink() = default;
  [[nodiscard]] virtual SinkResult process(const Token& token) = 0;
};

}  // namespace pith::detail
