// Segmentation of the chosen content into blocks, with the cleaning rules. One non-recursive walk per
// content root: block-level elements open and close blocks, <br> breaks lines inside a block, <pre>
// keeps its white space, data tables become rows of tab-separated cells (layout tables are walked as
// ordinary blocks), list items carry their nesting depth, formulas read as their TeX source. Containers
// inside the content are dropped by a cascade of named rules on their statistics (class/id evidence,
// link density, form inputs, list items outnumbering paragraphs); finished blocks are dropped when they
// repeat the title, are links only or are what line_rules.cc recognises (breadcrumbs, placeholders, ad
// labels). Every decision can be recorded for --explain. Covered by tests/extract/extract_test.cc and
// page_types_test.cc.
#include <algorithm>

#include "base/ascii.h"
#include "extract/content.h"

namespace pith::detail {

std::string normalise_for_compare(std::string_view s) {
  std::string out;
  char folded;
  std::string_view piece;
  for (size_t i = 0; i < s.size();) {
    i += compare_key_piece(s, i, folded, piece);
    if (piece.size() == 1) out.push_back(piece[0]);
    else out.append(piece);
  }
  return out;
}

// Markdown's special characters get a backslash; the text between them is appended in runs.
void escape_markdown(std::string& out, std::string_view text) {
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    switch (text[i]) {
      case '\\': case '*': case '_': case '`': case '[': case ']': case '<': case '>': case '#': case '|':
        out.append(text.substr(run, i - run)).push_back('\\');
        run = i;  // the character itself opens the next run
        break;
      default:
        break;
    }
  }
  out.append(text.substr(run));
}

std::string explain_path(const Node* n) {
  std::string path;
  int depth = 0;
  for (const Node* p = n; p && p->is_element() && depth < 6; p = p->parent, ++depth) {
    std::string part(p->name);
    std::string_view cls = p->attr(Attr::kClass);
    if (!cls.empty()) part.append(".").append(cls.substr(0, cls.find(' ')));
    if (!path.empty()) part.append(">").append(path);
    path = std::move(part);
  }
  return path;
}

void explain_dropped_block(std::vector<ExplainedBlock>* explained, const Block& block, const char* rule) {
  if (!explained) return;
  ExplainedBlock e;
  e.text = block.text.substr(0, 80);
  e.rule = rule;
  explained->push_back(std::move(e));
}

namespace {

// A multi-block container of at least this many characters that repeats an earlier one is dropped.
constexpr uint32_t kMinRepeatChars = 200;

// The text of `n` and of its siblings with the same class attribute (at most kMaxSiblings looked at).
uint32_t class_siblings_chars(const PageAnalysis& page, const Node* n) {
  constexpr int kMaxSiblings = 64;
  std::string_view cls = n->attr(Attr::kClass);
  if (cls.empty() || !n->parent) return 0;
  uint32_t chars = 0;
  int budget = kMaxSiblings;
  for (const Node* c = n->parent->first_child; c && budget-- > 0; c = c->next_sibling) {
    if (!c->is_element() || c->attr(Attr::kClass) != cls) continue;
    if (const ElementStat* cs = page.stat(c)) chars += cs->text.chars;
  }
  return chars;
}

// Container-level cleaning of `s` on its own; returns the rule that drops it, or nullptr to keep it.
const char* container_rule(const ElementStat& s, const Node* root, uint32_t root_chars, bool lenient,
                           bool comments_are_content) {
  const Node* n = s.node;
  // An <article> nested in the <article> chosen as the content is, by the HTML standard, a comment or a
  // related article.
  if (n->is(Tag::kArticle) && root->is(Tag::kArticle) && s.text.chars * 5 < root_chars * 4) {
    return "clean:nested-article";
  }
  // A container holding most of the content is the content, whatever its name says.
  if (s.text.chars * 2 > root_chars) return nullptr;
  bool container = n->is(Tag::kDiv) || n->is(Tag::kSection) || n->is(Tag::kUl) || n->is(Tag::kOl) ||
                   n->is(Tag::kTable) || n->is(Tag::kForm) || n->is(Tag::kDl) || n->is(Tag::kFieldset) ||
                   n->is(Tag::kFigure);
  if (!container) return nullptr;
  int weight = 0;
  if (s.hints & kHintPositive) weight += 25;
  uint8_t against = kHintNegative | kHintBoilerplate | (comments_are_content ? 0 : kHintComments);
  if (s.hints & against) weight -= 25;
  if (weight < 0 && weight + (s.scored ? s.score : 0.f) < 0) return "clean:negative-evidence";
  if (s.text.commas >= 10 || lenient) return nullptr;
  float ld = s.link_density();
  // Prose paragraphs (link-poor, counted by the scorer) holding half the text: a section of prose beside
  // a link list, not a link list. The list is judged on its own one level down.
  bool holds_prose = s.good_chars >= 200 && s.good_chars * 2 >= s.text.chars;
  if (((weight < 25 && ld > 0.33f) || ld > 0.5f) && !holds_prose) return "clean:link-dense";
  if (s.inputs > s.paragraphs / 3 + 0 && s.inputs > 0) return "clean:form";
  if (!n->is(Tag::kUl) && !n->is(Tag::kOl) && s.list_items > s.paragraphs + 1 && ld > 0.2f) {
    return "clean:list-of-links";
  }
  return nullptr;
}

// Container-level cleaning; returns the rule that drops `s`, or nullptr to keep it. Siblings of one class
// that together hold most of the content are the content, whatever their name says (an article cut into
// sections named for the ads between them, "Report__Section--Ads"), as a single container would be;
// comments stay comments, and a list of links is judged by its links.
const char* clean_rule(const PageAnalysis& page, const ElementStat& s, const Node* root, uint32_t root_chars,
                       bool lenient, bool comments_are_content) {
  const char* rule = container_rule(s, root, root_chars, lenient, comments_are_content);
  bool named_out = rule && std::string_view(rule) == "clean:negative-evidence" && !(s.hints & kHintComments);
  if (named_out && class_siblings_chars(page, s.node) * 2 > root_chars) return nullptr;
  return rule;
}

// A formula's TeX source from a <math> alttext, without the "{\displaystyle ...}" wrapper.
std::string_view formula_source(std::string_view alttext) {
  std::string_view tex = trim(alttext);
  for (std::string_view wrapper : {"{\\displaystyle", "{\\textstyle"}) {
    if (tex.substr(0, wrapper.size()) == wrapper && !tex.empty() && tex.back() == '}') {
      tex = trim(tex.substr(wrapper.size(), tex.size() - wrapper.size() - 1));
    }
  }
  return tex;
}

// An <img> of a formula: a class word naming math or TeX ("mwe-math-fallback-image-inline", "latex")
// and an alt text to read.
bool is_formula_image(const Node* img) {
  if (img->attr(Attr::kAlt).empty()) return false;
  std::string_view cls = img->attr(Attr::kClass);
  size_t pos = 0;
  while (pos < cls.size()) {
    size_t end = cls.find_first_of(" \t\n\r\f-_", pos);
    if (end == std::string_view::npos) end = cls.size();
    std::string_view word = cls.substr(pos, end - pos);
    if (word == "math" || word == "tex" || word == "latex" || word == "katex" || word == "mathjax" || word == "formula" ||
        word == "equation") {
      return true;
    }
    pos = end + 1;
  }
  return false;
}

bool is_data_table(const Node* table) {
  uint32_t rows = 0, max_cells = 0, budget = 4000;
  for (const Node* n = next_in_preorder(table, table); n && budget; n = next_in_preorder(n, table), --budget) {
    if (!n->is_element()) continue;
    if (n->is(Tag::kTable)) return false;
    if (n->is(Tag::kTr)) {
      ++rows;
      uint32_t cells = 0;
      for (const Node* c = n->first_child; c; c = c->next_sibling) {
        if (c->is(Tag::kTd) || c->is(Tag::kTh)) ++cells;
      }
      max_cells = std::max(max_cells, cells);
    }
    if ((n->is(Tag::kP) || n->is(Tag::kDiv) || n->is(Tag::kUl) || n->is(Tag::kOl) || is_heading(n) ||
         n->is(Tag::kBlockquote)) &&
        n->parent && (n->parent->is(Tag::kTd) || n->parent->is(Tag::kTh))) {
      return false;
    }
  }
  return rows >= 2 && max_cells >= 2;
}

// Lines of a block (from <br>) trimmed, empty lines (<br><br>) dropped.
std::string tidy_lines(const std::string& text) {
  std::string out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string_view line = trim(std::string_view(text).substr(start, end - start));
    if (!line.empty()) {
      if (!out.empty()) out.push_back('\n');
      out.append(line);
    }
    start = end + 1;
  }
  return out;
}

// Whether a subtree holds a character other than white space (looks at most a few thousand nodes).
bool holds_text(const Node* root) {
  int budget = 4000;
  for (const Node* n = root; n && budget-- > 0; n = next_in_preorder(n, root)) {
    if (n->is_text() && !trim(n->data).empty()) return true;
  }
  return false;
}

class Segmenter {
 public:
  Segmenter(const PageAnalysis& page, const SegmentOptions& options, std::vector<Block>& blocks,
            std::vector<ExplainedBlock>* explained)
      : page_(page), options_(options), blocks_(blocks), explained_(explained),
        title_key_(normalise_for_compare(options.title)) {}

  void run(const Node* root);
  // Ends the segmentation; whether the blocks end in a heading whose section was dropped.
  bool finish() {
    flush();
    return open_heading_ && dropped_since_heading_;
  }
  // The weighted characters of the blocks kept so far (each counted once, as flush() measured it).
  uint32_t kept_chars() const { return kept_chars_; }

 private:
  void flush();
  void explain_removed(const Node* n, const char* rule);
  void text(std::string_view data);

  const PageAnalysis& page_;
  const SegmentOptions& options_;
  std::vector<Block>& blocks_;
  std::vector<ExplainedBlock>* explained_;
  std::string title_key_;
  // The block being built.
  Block cur_;
  const Node* cur_node_ = nullptr;
  bool pending_space_ = false;
  uint32_t cur_link_chars_ = 0;
  // Blocks (headings, paragraphs) inside a link are a card made clickable: read as text, not a label.
  uint32_t link_depth_ = 0, blocks_in_link_ = 0, pre_depth_ = 0, quote_depth_ = 0, list_depth_ = 0;
  std::vector<bool> ordered_stack_;
  const Node* data_table_ = nullptr;
  bool row_started_ = false, next_row_new_table_ = false;
  // Whether the last kept block is a heading (nothing kept after it yet), and whether text was dropped
  // since; only the strict reading asks (a relaxed one keeps card titles whose cards lose their links).
  static constexpr uint32_t kMaxLabelChars = 40;
  bool open_heading_ = false, dropped_since_heading_ = false;
  // Link text dropped (link-dense containers, links-only blocks) since the open label heading: a label
  // over at least kMinDroppedLinkChars of it ("More on this", "Related") introduced a link list and is
  // dropped too when the text goes on. Measured at 40/60/100: trafilatura_eval 266/267/267 leaks.
  static constexpr uint32_t kMinDroppedLinkChars = 40;
  uint32_t links_dropped_since_heading_ = 0;
  void count_dropped_links(std::string_view rule, uint32_t chars) {
    if (open_heading_ && (rule == "clean:link-dense" || rule == "clean:list-of-links" || rule == "drop:links-only")) {
      links_dropped_since_heading_ += chars;
    }
  }
  uint32_t kept_chars_ = 0;
  bool watching_heading() const {
    return open_heading_ && !dropped_since_heading_ && options_.reading == Reading::kStrict;
  }
  // Containers entered so far by their statistics, to find a second copy of the same subtree.
  std::unordered_map<uint64_t, const Node*> containers_seen_;
  bool repeats_earlier_container(const Node* n, const ElementStat& s);
};

void Segmenter::explain_removed(const Node* n, const char* rule) {
  // Code and embeds are not a section's content; for the rest, any visible character will do.
  if (watching_heading() && std::string_view(rule).substr(0, 13) != "never-content" && holds_text(n)) {
    dropped_since_heading_ = true;
  }
  if (open_heading_) {
    if (const ElementStat* s = page_.stat(n)) count_dropped_links(rule, s->text.chars);
  }
  if (!explained_) return;
  ExplainedBlock e;
  e.path = explain_path(n);
  std::string t;
  bool space = false;
  append_collapsed(t, text_content(n), space);
  TextCounts c = count_text(t);
  e.chars = c.chars;
  e.words = c.words;
  e.text = t.substr(0, 80);
  e.kept = false;
  e.rule = rule;
  explained_->push_back(std::move(e));
}

// Pages that render their content twice (desktop and mobile copies, carousel clones): a container is
// compared by text only when its statistics match an earlier one's exactly, which is rare otherwise.
bool Segmenter::repeats_earlier_container(const Node* n, const ElementStat& s) {
  if (!s.has_block_child || s.text.chars < kMinRepeatChars) return false;
  uint64_t key = (uint64_t(s.text.chars) << 40) ^ (uint64_t(s.text.words) << 20) ^ s.tags ^
                 (uint64_t(s.text.stops + s.text.commas) << 52) ^ (uint64_t(s.link_chars) << 8);
  auto [it, inserted] = containers_seen_.emplace(key, n);
  if (inserted) return false;
  return normalise_for_compare(text_content(it->second)) == normalise_for_compare(text_content(n));
}

void Segmenter::text(std::string_view data) {
  if (pre_depth_) {
    cur_.text.append(data);
    cur_.markdown.append(data);
  } else {
    size_t before = cur_.text.size();
    append_collapsed(cur_.text, data, pending_space_);
    std::string_view added(cur_.text.data() + before, cur_.text.size() - before);
    escape_markdown(cur_.markdown, added);
    if (link_depth_ && !blocks_in_link_) cur_link_chars_ += count_text(added).chars;
  }
}

void Segmenter::flush() {
  bool preformatted = pre_depth_ || cur_.kind == BlockKind::kPre;
  std::string text(preformatted ? cur_.text : std::string(trim(cur_.text)));
  if (!preformatted) text = tidy_lines(text);
  while (!text.empty() && text.back() == '\n') text.pop_back();
  TextCounts c = count_text(text);
  const char* rule = "kept";
  bool keep = c.chars > 0;
  if (keep && cur_.kind == BlockKind::kHeading && !title_key_.empty() && normalise_for_compare(text) == title_key_) {
    keep = false;
    rule = "drop:headline-is-title";
  }
  if (keep && is_loading_placeholder(text)) {
    keep = false;
    rule = "drop:loading-placeholder";
  }
  if (keep && is_ad_label(text)) {
    keep = false;
    rule = "drop:ad-label";
  }
  if (keep && is_control_label(text)) {
    keep = false;
    rule = "drop:control-label";
  }
  if (keep && c.chars < 150 && is_breadcrumb_trail(text)) {
    keep = false;
    rule = "drop:breadcrumb-trail";
  }
  float ld = c.chars ? float(cur_link_chars_) / float(c.chars) : 0.f;
  // A heading that is all link is a permalink or a card's title, not a link list: wcxb-dev +0.001.
  bool link_block = cur_.kind != BlockKind::kTableRow && cur_.kind != BlockKind::kHeading;
  // An item that is all link in a list that is mostly text is one of its points, not a link list.
  if (link_block && cur_.kind == BlockKind::kListItem && cur_node_ && cur_node_->parent) {
    const ElementStat* list = page_.stat(cur_node_->parent);
    if (list && list->link_density() <= 0.5f) link_block = false;
  }
  // An address written out (a URL, an e-mail) is information the text gives, not a link to elsewhere.
  if (link_block && is_written_address(text)) link_block = false;
  if (keep && link_block && ld > 0.6f && c.chars < 400 && (options_.reading == Reading::kStrict || c.words < 4)) {
    keep = false;
    rule = "drop:links-only";
  }
  if (explained_ && c.chars > 0) {
    ExplainedBlock e;
    e.path = cur_node_ ? explain_path(cur_node_) : "";
    e.text = text.substr(0, 80);
    e.chars = c.chars;
    e.link_chars = cur_link_chars_;
    e.words = c.words;
    e.punctuation = c.commas + c.stops;
    e.link_density = ld;
    const ElementStat* s = cur_node_ ? page_.stat(cur_node_) : nullptr;
    e.text_density = s && s->tags ? float(s->text.chars) / float(s->tags) : float(c.chars);
    e.score = s && s->scored ? s->score : 0.f;
    e.kept = keep;
    e.rule = rule;
    explained_->push_back(std::move(e));
  }
  if (!keep && c.chars > 0 && watching_heading()) dropped_since_heading_ = true;
  if (!keep) count_dropped_links(rule, c.chars);
  if (keep && open_heading_ && links_dropped_since_heading_ >= kMinDroppedLinkChars &&
      options_.reading == Reading::kStrict && !blocks_.empty() && blocks_.back().kind == BlockKind::kHeading) {
    kept_chars_ -= count_text(blocks_.back().text).chars;
    explain_dropped_block(explained_, blocks_.back(), "drop:label-of-dropped-links");
    blocks_.pop_back();
  }
  if (keep) {
    links_dropped_since_heading_ = 0;
    // A label ("Related stories", "Share this"), not a heading written as a sentence.
    open_heading_ = cur_.kind == BlockKind::kHeading && c.chars <= kMaxLabelChars;
    dropped_since_heading_ = false;
    kept_chars_ += c.chars;
    cur_.text = std::move(text);
    std::string md(trim(cur_.markdown));
    cur_.markdown = std::move(md);
    blocks_.push_back(std::move(cur_));
  }
  cur_ = Block{};
  cur_link_chars_ = 0;
  pending_space_ = false;
  row_started_ = false;
}

void Segmenter::run(const Node* root) {
  TreeWalker walker(root);
  TreeWalker::Step step;
  cur_node_ = root;
  const ElementStat* root_stat = page_.stat(root);
  uint32_t root_chars = root_stat ? root_stat->text.chars : 0;
  // The permissive reading chose a comment section as the content (nothing else on the page reads like
  // it: a thread whose posts are named like comments); its comments are then the text.
  bool comments_are_content =
      options_.reading == Reading::kPermissive && root_stat && (root_stat->hints & kHintComments);
  while (walker.next(step)) {
    const Node* n = step.node;
    if (n->is_text()) {
      text(n->data);
      continue;
    }
    if (!n->is_element()) continue;
    if (step.entering) {
      if (n != root) {
        if (const char* rule = page_.removed_rule(n)) {
          explain_removed(n, rule);
          walker.skip_children();
          continue;
        }
        const ElementStat* s = page_.stat(n);
        if (s && repeats_earlier_container(n, *s)) {
          explain_removed(n, "drop:repeated-container");
          walker.skip_children();
          continue;
        }
        if (const char* rule = s ? clean_rule(page_, *s, root, root_chars, options_.reading != Reading::kStrict,
                                                   comments_are_content) : nullptr) {
          if (!(n->is(Tag::kTable) && is_data_table(n))) {
            explain_removed(n, rule);
            walker.skip_children();
            continue;
          }
        }
      }
      // A formula with its TeX source in alttext (Wikipedia's, MathJax's) reads as that source; one
      // without reads as its identifiers, numbers and operators.
      if (n->ns == Namespace::kMathMl && n->name == "math") {
        if (std::string_view tex = formula_source(n->attr("alttext")); !tex.empty()) {
          pending_space_ = true;
          text(tex);
          pending_space_ = true;
          walker.skip_children();
          continue;
        }
      }
      if (n->is(Tag::kTable)) {
        if (!options_.tables) {
          explain_removed(n, "option:no-tables");
          walker.skip_children();
          continue;
        }
        if (!data_table_ && is_data_table(n)) {
          flush();
          data_table_ = n;
          next_row_new_table_ = true;
          continue;
        }
      }
      if (data_table_) {
        if (n->is(Tag::kTr)) {
          flush();
          cur_node_ = n;
          cur_.kind = BlockKind::kTableRow;
          cur_.new_table = next_row_new_table_;
          next_row_new_table_ = false;
        } else if (n->is(Tag::kTd) || n->is(Tag::kTh)) {
          if (n->is(Tag::kTh)) cur_.table_header = true;
          if (row_started_) {
            cur_.text.push_back('\t');
            cur_.markdown.append(" | ");
          }
          row_started_ = true;
          pending_space_ = false;
        } else if (n->is(Tag::kBr)) {
          pending_space_ = true;
        }
        if (n->is(Tag::kA)) ++link_depth_;
        continue;
      }
      if (n->is(Tag::kBr)) {
        cur_.text.push_back('\n');
        cur_.markdown.append("  \n");
        pending_space_ = false;
        continue;
      }
      if (n->is(Tag::kImg) && is_formula_image(n)) {
        // A formula rendered as a picture (Wikipedia's fallback images, LaTeX plugins): its alt is its
        // TeX source, and the formula is part of the sentence.
        pending_space_ = true;
        text(formula_source(n->attr(Attr::kAlt)));
        pending_space_ = true;
        continue;
      }
      if (n->is(Tag::kImg)) {
        if (options_.images) {
          std::string_view alt = n->attr(Attr::kAlt), src = n->attr(Attr::kSrc);
          if (!src.empty()) cur_.markdown.append("![").append(alt).append("](").append(src).append(")");
        }
        continue;
      }
      if (n->is(Tag::kA)) {
        ++link_depth_;
        if (options_.links && n->has_attr(Attr::kHref)) {
          // The space before the link goes outside its brackets.
          if (pending_space_ && !cur_.text.empty() && cur_.text.back() != ' ' && cur_.text.back() != '\n') {
            cur_.text.push_back(' ');
            cur_.markdown.push_back(' ');
          }
          pending_space_ = false;
          cur_.markdown.append("[");
        }
        continue;
      }
      if (n->is(Tag::kStrong) || n->is(Tag::kB)) cur_.markdown.append("**");
      if (n->is(Tag::kEm) || n->is(Tag::kI)) cur_.markdown.append("_");
      if (n->is(Tag::kCode) && !pre_depth_) cur_.markdown.append("`");
      if (is_block_level(n) || n->is(Tag::kPre)) {
        flush();
        cur_node_ = n;
        if (link_depth_) ++blocks_in_link_;
        if (n->is(Tag::kUl) || n->is(Tag::kOl)) {
          ++list_depth_;
          ordered_stack_.push_back(n->is(Tag::kOl));
        }
        if (n->is(Tag::kBlockquote)) ++quote_depth_;
        if (n->is(Tag::kPre)) ++pre_depth_;
        if (is_heading(n)) {
          cur_.kind = BlockKind::kHeading;
          cur_.level = static_cast<uint8_t>(static_cast<int>(n->tag) - static_cast<int>(Tag::kH1) + 1);
        } else if (n->is(Tag::kLi)) {
          cur_.kind = BlockKind::kListItem;
          cur_.level = static_cast<uint8_t>(std::max<uint32_t>(1, list_depth_));
          cur_.ordered = !ordered_stack_.empty() && ordered_stack_.back();
        } else if (pre_depth_) {
          cur_.kind = BlockKind::kPre;
        } else if (quote_depth_) {
          cur_.kind = BlockKind::kQuote;
        } else if (n->is(Tag::kFigcaption) || n->is(Tag::kCaption)) {
          cur_.kind = BlockKind::kCaption;
        }
      }
      continue;
    }
    // Leaving an element.
    if (n == data_table_) {
      flush();
      data_table_ = nullptr;
      continue;
    }
    if (data_table_) {
      if (n->is(Tag::kTr)) flush();
      if (n->is(Tag::kA) && link_depth_) --link_depth_;
      continue;
    }
    if (n->is(Tag::kA)) {
      if (link_depth_) --link_depth_;
      if (!link_depth_) blocks_in_link_ = 0;
      if (options_.links && n->has_attr(Attr::kHref)) {
        cur_.markdown.append("](").append(n->attr(Attr::kHref)).append(")");
      }
      continue;
    }
    if (n->is(Tag::kStrong) || n->is(Tag::kB)) cur_.markdown.append("**");
    if (n->is(Tag::kEm) || n->is(Tag::kI)) cur_.markdown.append("_");
    if (n->is(Tag::kCode) && !pre_depth_) cur_.markdown.append("`");
    if (is_block_level(n) || n->is(Tag::kPre)) {
      if (n->is(Tag::kPre)) cur_.kind = BlockKind::kPre;
      flush();
      if (blocks_in_link_) --blocks_in_link_;
      if (n->is(Tag::kUl) || n->is(Tag::kOl)) {
        if (list_depth_) --list_depth_;
        if (!ordered_stack_.empty()) ordered_stack_.pop_back();
      }
      if (n->is(Tag::kBlockquote) && quote_depth_) --quote_depth_;
      if (n->is(Tag::kPre) && pre_depth_) --pre_depth_;
      cur_node_ = n->parent;
    }
  }
  flush();
}

}  // namespace

bool segment_blocks(const PageAnalysis& page, const std::vector<const Node*>& roots, const SegmentOptions& options,
                    std::vector<Block>& blocks, std::vector<ExplainedBlock>* explained, uint32_t* kept_chars) {
  Segmenter segmenter(page, options, blocks, explained);
  for (const Node* root : roots) segmenter.run(root);
  bool orphan_heading = segmenter.finish();
  if (kept_chars) *kept_chars = segmenter.kept_chars();
  return orphan_heading;
}

}  // namespace pith::detail
