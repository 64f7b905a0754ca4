// Main-content extraction: a page's bytes to its main text, structure, comments and metadata.
//
// Extractor runs the whole chain for one page: encoding sniff and decode (pith/encoding.h), HTML parse
// (pith/html.h), pruning of never-content, segmentation into blocks, block features and scoring, the
// choice of the main content (container evidence + block statistics), metadata, and the output formats.
// An Extractor is reusable (its parser, decoder and buffers carry over from page to page) and not
// thread-safe: use one per thread. extract() never throws on any input; Result::status says what was
// cut or failed. A Result owns all its strings and stays valid after the Extractor moves on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pith {

enum class OutputFormat : uint8_t { kText, kMarkdown, kJson, kHtml };

struct Options {
  OutputFormat format = OutputFormat::kText;
  std::string url;                // the page's URL when known (metadata, URL date patterns)
  std::string transport_charset;  // charset label from HTTP Content-Type, if any
  bool include_comments = false;  // extract user comments (kept apart from the main text)
  bool include_links = false;     // markdown/html: keep link targets
  bool include_images = false;    // markdown/html: keep images
  bool include_tables = true;     // keep tables (as tables in markdown)
  bool explain = false;           // record every block's features, score and deciding rule
  bool markdown_in_json = false;  // json: add the markdown rendering
  bool repair_double_encoding = true;  // "doesnâ€™t" -> "doesn’t" (see pith::repair_double_encoding)
  size_t max_input_bytes = 64u * 1024 * 1024;  // longer input is cut (status.input_truncated)
};

struct Metadata {
  std::string title, author, date, sitename, description, url, language, image;
  std::vector<std::string> categories, tags;
};

// What a block of the page is, for structure-preserving output.
enum class BlockKind : uint8_t { kParagraph, kHeading, kListItem, kPre, kQuote, kTableRow, kCaption };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  uint8_t level = 0;          // heading level 1-6; list nesting depth for list items
  bool ordered = false;       // list item of an <ol>
  bool table_header = false;  // table row of <th> cells
  bool new_table = false;     // first row of a table
  std::string text;           // cells of a table row are joined by '\t'
  std::string markdown;       // inline markdown (links/emphasis/code) of the block
};

// One line of --explain: a block as the classifier saw it.
struct ExplainedBlock {
  std::string path;  // tag path from <body>, e.g. "div.content>p"
  std::string text;  // the first characters of the block
  uint32_t chars = 0, link_chars = 0, words = 0, punctuation = 0;
  float link_density = 0, text_density = 0, score = 0;
  bool kept = false;
  std::string rule;  // the named rule that kept or dropped it
};

struct Status {
  bool ok = true;
  bool input_truncated = false;
  bool parse_limited = false;  // the parser hit one of its limits
  bool empty = false;          // no main content found
  std::vector<std::string> warnings;
};

class Result {
 public:
  const Metadata& meta() const { return meta_; }
  const std::vector<Block>& blocks() const { return blocks_; }
  const std::vector<Block>& comment_blocks() const { return comments_; }
  const std::vector<ExplainedBlock>& explained() const { return explained_; }
  const std::string& encoding() const { return encoding_; }
  const std::string& encoding_source() const { return encoding_source_; }
  Status status;

  // Renderings; each is computed from blocks() on demand.
  std::string text() const;
  std::string markdown() const;
  std::string html() const;
  std::string json(bool with_markdown = false) const;
  std::string comments() const;
  std::string explain() const;
  // The rendering Options::format asks for.
  std::string render(const Options& options) const;

 private:
  friend class Extractor;
  Metadata meta_;
  std::vector<Block> blocks_, comments_;
  std::vector<ExplainedBlock> explained_;
  std::string encoding_ = "utf-8", encoding_source_ = "default";
};

class Document;

class Extractor {
 public:
  explicit Extractor(Options options = {});
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Extracts from raw bytes (any encoding). Never throws.
  Result extract(std::string_view bytes);
  // Extracts from an already parsed document (tests, pipelines that parse themselves).
  Result extract_document(const Document& doc);

  Options& options() { return options_; }

 private:
  Options options_;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pith
