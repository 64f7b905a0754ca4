// The extractor's internal stages (pith::detail): page analysis (pruning + per-element statistics),
// the choice of the main-content roots, and segmentation of those roots into output blocks.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/ascii.h"
#include "base/utf8.h"
#include "extract/node_map.h"
#include "extract/text_util.h"
#include "pith/dom.h"
#include "pith/extract.h"

namespace pith::detail {

// How much the cleaning rules trust class names, link density and hiding (see Extractor's recall guard):
// strict first; lenient ignores class-name furniture and link density inside the content; permissive
// also keeps hidden subtrees, asides, page headers and comment sections.
enum class Reading : uint8_t { kStrict, kLenient, kPermissive };

// Statistics of one element of the page after pruning (removed subtrees contribute nothing).
struct ElementStat {
  const Node* node = nullptr;
  int32_t parent = -1;        // index of the parent's stat, -1 at the walk's root
  TextCounts text;            // all kept text below
  TextCounts own_text;        // text of its own text-node children (loose text beside block children)
  uint32_t link_chars = 0;    // weighted characters inside <a>
  uint32_t paragraphs = 0;    // <p>/<pre>/<br>-separated runs below (rough count of paragraph blocks)
  uint32_t list_items = 0, images = 0, inputs = 0, tags = 0;
  uint8_t hints = 0;          // ClassHint bits
  bool has_block_child = false;
  uint32_t good_chars = 0;    // characters of prose-like paragraphs below (>= 25 chars, few links)
  bool scored = false;
  float score = 0;
  float link_density() const { return text.chars ? float(link_chars) / float(text.chars) : 0.f; }
};

// What a page walk measured of each node it visited (text counts of text nodes, class hints of elements),
// in visiting order, so that a later walk of the same document can reuse it instead of counting again.
// A later walk visits a subsequence of the recorded nodes (it prunes at least as much) and finds each
// node by moving a cursor forward; a node not found is measured afresh, so a replay never changes a result.
class WalkMemo {
 public:
  struct Facts {
    const Node* node;
    TextCounts text;
    uint8_t hints;
  };
  // Forgets the recording; the owner calls it before the document goes away (node addresses are reused).
  void clear() {
    facts_.clear();
    root_ = nullptr;
  }
  void start_recording(const Node* root) {
    clear();
    root_ = root;
  }
  bool recorded(const Node* root) const { return root_ != nullptr && root_ == root; }
  void record(const Node* n, const TextCounts& text, uint8_t hints) { facts_.push_back({n, text, hints}); }
  void rewind() { cursor_ = 0; }
  // The recorded facts of `n`, or nullptr (then the cursor stays at the end).
  const Facts* recall(const Node* n) {
    while (cursor_ < facts_.size() && facts_[cursor_].node != n) ++cursor_;
    return cursor_ < facts_.size() ? &facts_[cursor_++] : nullptr;
  }

 private:
  std::vector<Facts> facts_;
  const Node* root_ = nullptr;
  size_t cursor_ = 0;
};

// Why a subtree is removed before scoring; nullptr when kept. Rules named "soft:..." (class/id evidence)
// are only candidates: the analysis keeps such a subtree when its statistics say it is the content.
const char* prune_rule(const Node* element, uint8_t hints);

class PageAnalysis {
 public:
  // Walks `root` (normally <body>) without recursion, pruning and counting. Two passes: the first
  // applies only the hard rules and measures every soft candidate; the second removes the candidates
  // that are small or link-dense relative to the page, and keeps the others (a "sidebar-container"
  // that holds the article). The relaxed readings decide the candidates by rule and walk once.
  // On a discussion thread (PageSignals) comment-named containers are its posts: their class names
  // neither prune nor penalise them.
  void analyse(const Node* root, bool keep_comments, Reading reading = Reading::kStrict,
               bool discussion_thread = false);
  const ElementStat* stat(const Node* n) const {
    const uint32_t* i = index_.find(n);
    return i ? &stats_[*i] : nullptr;
  }
  ElementStat* stat(const Node* n) {
    const uint32_t* i = index_.find(n);
    return i ? &stats_[*i] : nullptr;
  }
  const char* removed_rule(const Node* n) const {
    const char* const* rule = removed_.find(n);
    return rule ? *rule : nullptr;
  }
  std::vector<ElementStat>& stats() { return stats_; }
  const std::vector<const Node*>& comment_roots() const { return comment_roots_; }
  const Node* root() const { return root_; }
  Reading reading() const { return reading_; }
  void clear();
  // Shares `memo` (owned by the caller, cleared by it between documents): the strict reading's first
  // walk records into it, and its second walk and later lenient readings of the same root replay it.
  void use_memo(WalkMemo* memo) { memo_ = memo; }

 private:
  WalkMemo* memo_ = nullptr;
  enum class MemoUse : uint8_t { kNone, kRecord, kReplay };
  MemoUse memo_use_ = MemoUse::kNone;
  const Node* root_ = nullptr;
  std::vector<ElementStat> stats_;
  NodeMap<uint32_t> index_;
  void walk(bool apply_soft, bool keep_comments);
  NodeMap<const char*> removed_;
  std::unordered_map<const Node*, const char*> soft_kept_;
  std::vector<const Node*> comment_roots_;
  Reading reading_ = Reading::kStrict;
  bool discussion_thread_ = false;
};

// The main content: one or more subtrees in document order, and the rule that chose them.
struct ContentChoice {
  std::vector<const Node*> roots;
  const char* rule = "";
};
ContentChoice choose_content(PageAnalysis& page);

// Segments `roots` into blocks, dropping the blocks and containers the cleaning rules reject.
struct SegmentOptions {
  bool tables = true, links = false, images = false, explain = false;
  std::string title;  // headings repeating it are dropped (the headline is metadata)
  Reading reading = Reading::kStrict;
};
// Drops the metadata lines at the edges of the content: short blocks near the start that name the
// page's author (bylines), blocks of under 40 characters near either end that carry a date
// (datelines), and lines of up to three words near the end that name the comment section.
void drop_metadata_lines(std::vector<Block>& blocks, std::string_view author, std::vector<ExplainedBlock>* explained);

// Lower-case letters, digits and non-ASCII characters of `s`, without white space, punctuation or
// invisible characters (BOM, zero-width space, soft hyphen, word joiner): two texts that print the same
// words compare equal.
std::string normalise_for_compare(std::string_view s);
// One code point of that key: decodes the code point at `i` of `text`, sets `piece` to its key bytes
// (ASCII letters lower-cased through `folded`, digits kept, other ASCII, white space and invisible
// characters left out as empty, other code points as written) and returns the bytes consumed. Inline:
// it runs once per character of every compared text.
inline size_t compare_key_piece(std::string_view text, size_t i, char& folded, std::string_view& piece) {
  if (static_cast<unsigned char>(text[i]) < 0x80) {
    folded = ascii_lower(text[i]);
    bool kept = (folded >= 'a' && folded <= 'z') || (folded >= '0' && folded <= '9');
    piece = kept ? std::string_view(&folded, 1) : std::string_view();
    return 1;
  }
  char32_t cp;
  size_t len = decode_utf8(text, i, cp);
  bool invisible = cp == 0xFEFF || cp == 0x200B || cp == 0x00AD || cp == 0x2060;
  piece = is_space(cp) || invisible ? std::string_view() : text.substr(i, len);
  return len;
}
// Appends `text` with the characters Markdown would read as syntax backslash-escaped.
void escape_markdown(std::string& out, std::string_view text);
// The tag path --explain prints for `n`: its last six elements with their first class ("div.content>p").
std::string explain_path(const Node* n);
// Records for --explain (when `explained`) a finished block that `rule` dropped.
void explain_dropped_block(std::vector<ExplainedBlock>* explained, const Block& block, const char* rule);

// Rules on a finished block's text (line_rules.cc), asked by the segmenter while it builds blocks:
// "Home > News > Politics" (two or more trail separators, no full stop); a script's placeholder
// ("Loading...", "Like Loading..."); an ad's label standing alone ("Anzeige", "- Werbung -", "广告"); one
// web or e-mail address written out ("http://www.openpetition.de", "info@example.org").
bool is_breadcrumb_trail(std::string_view text);
bool is_loading_placeholder(std::string_view text);
bool is_ad_label(std::string_view text);
// A page control's label left as text ("Read more", "Show all images", "Bild anzeigen Bild schließen",
// "Lire la suite"): at most four words from the controls' vocabulary, a verb among them, no closing colon.
bool is_control_label(std::string_view text);
bool is_written_address(std::string_view text);

// Drops lines that are never the page's text: picture credits and caption copyright lines (paragraphs and
// captions of at most 300 characters), and text disguised by homoglyphs (spam, advertisements). Run once
// the reading is chosen, so the recall guard compares whole texts.
void drop_furniture_lines(std::vector<Block>& blocks, std::vector<ExplainedBlock>* explained);

// The page's own summary (meta/og description) printed as a block outside the chosen content (a
// teaser beside a short report, the prose of a video page) is put in front of a short text.
void add_summary_lead(const Node* body, std::string_view description, std::vector<Block>& blocks,
                      std::vector<ExplainedBlock>* explained);

// Writes the blocks of `roots`. Returns whether, in the strict reading, the last block is a heading
// whose whole section was dropped ("Related stories" above a dropped link list): the caller drops it
// once the reading is chosen, so the recall guard compares readings on the same terms. `kept_chars`, when
// given, receives the weighted characters of the blocks written (count_text of their text, summed).
bool segment_blocks(const PageAnalysis& page, const std::vector<const Node*>& roots, const SegmentOptions& options,
                    std::vector<Block>& blocks, std::vector<ExplainedBlock>* explained,
                    uint32_t* kept_chars = nullptr);

}  // namespace pith::detail
