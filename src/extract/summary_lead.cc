// The page's summary as its lead. Sites print their meta description (og:description) as the standfirst
// of an article, the teaser of a short report or, on a video or product page, as its main prose; the
// content choice often leaves it out (it sits above the article container, beside the player, in a teaser
// box). After the content is segmented, one walk over the body finds the first visible leaf block (not a
// heading) whose words are exactly the description's (or begin with a description cut short by an
// ellipsis) and, unless the blocks already print it, puts it after the leading headline. On a long page
// the block must not sit in a footer or menu, where sites print the description they give every page.
// The truths split on standfirsts: trafilatura_eval's keep them, some of scrapinghub's leave them out.
// Bounded: one preorder walk of at most kMaxWalkNodes nodes. Covered by tests/extract/page_types_test.cc
// (SummaryLeadOfAShortPage, SummaryLeadIsTheStandfirst).
#include <string>

#include "extract/content.h"

namespace pith::detail {
namespace {

// Shorter descriptions are a site's slogan or a label rather than a paragraph of the page.
constexpr uint32_t kMinSummaryChars = 60;
constexpr int kMaxWalkNodes = 20000;
// Kept text from which on the page counts as long (a standfirst above a full article), where a summary in
// a footer or menu is not taken.
constexpr uint32_t kLongContentChars = 1400;

bool hidden_or_code(const Node* n, const Node* body) {
  for (const Node* p = n; p && p != body; p = p->parent) {
    if (!p->is_element()) continue;
    const char* rule = prune_rule(p, 0);
    if (!rule) continue;
    std::string_view r(rule);
    if (r.substr(0, 13) == "never-content" || r.substr(0, 6) == "hidden" || r == "soft:noscript") return true;
  }
  return false;
}

// Whether a block sits in a page footer or menu, where a site prints the description it gives every page.
bool in_footer_or_menu(const Node* n, const Node* body) {
  for (const Node* p = n; p && p != body; p = p->parent) {
    if (!p->is_element()) continue;
    std::string_view role = p->attr(Attr::kRole);
    if (p->is(Tag::kFooter) || p->is(Tag::kNav) || role == "contentinfo" || role == "navigation") return true;
  }
  return false;
}

// Whether the text below `n`, reduced as normalise_for_compare reduces it (compare_key_piece), equals
// `key`, or, with `prefix`, begins with it. Compared while walking, without copying, so that the
// paragraphs that differ from the first letters on cost little.
bool reduced_text_matches(const Node* n, std::string_view key, bool prefix) {
  size_t pos = 0;
  for (const Node* t = next_in_preorder(n, n); t; t = next_in_preorder(t, n)) {
    if (!t->is_text()) continue;
    std::string_view text = t->data;
    char folded;
    std::string_view bytes;
    for (size_t i = 0; i < text.size();) {
      i += compare_key_piece(text, i, folded, bytes);
      if (bytes.empty()) continue;
      if (pos == key.size()) return prefix;  // more text after the whole key
      if (key.substr(pos, bytes.size()) != bytes) return false;
      pos += bytes.size();
    }
  }
  return pos == key.size();
}

bool has_block_child(const Node* n) {
  for (const Node* c = n->first_child; c; c = c->next_sibling) {
    if (c->is_element() && (is_block_level(c) || is_heading(c))) return true;
  }
  return false;
}

}  // namespace

void add_summary_lead(const Node* body, std::string_view description, std::vector<Block>& blocks,
                      std::vector<ExplainedBlock>* explained) {
  if (!body) return;
  std::string_view summary = trim(description);
  bool cut_short = false;
  for (std::string_view ellipsis : {"\xe2\x80\xa6", "..."}) {
    if (summary.size() >= ellipsis.size() && summary.substr(summary.size() - ellipsis.size()) == ellipsis) {
      summary = trim(summary.substr(0, summary.size() - ellipsis.size()));
      cut_short = true;
    }
  }
  if (count_text(summary).chars < kMinSummaryChars) return;
  std::string key = normalise_for_compare(summary);
  uint32_t kept_chars = 0;
  for (const Block& b : blocks) {
    if (normalise_for_compare(b.text).find(key) != std::string::npos) return;
    kept_chars += count_text(b.text).chars;
  }
  bool long_article = kept_chars >= kLongContentChars;
  int budget = kMaxWalkNodes;
  for (const Node* n = next_in_preorder(body, body); n && budget-- > 0; n = next_in_preorder(n, body)) {
    if (!n->is_element() || !is_block_level(n) || is_heading(n) || has_block_child(n)) continue;
    if (!reduced_text_matches(n, key, cut_short) || hidden_or_code(n, body) ||
        (long_article && in_footer_or_menu(n, body))) {
      continue;
    }
    std::string text;
    bool space = false;
    append_collapsed(text, text_content(n), space);
    Block lead;
    lead.text = std::string(trim(text));
    escape_markdown(lead.markdown, lead.text);
    if (explained) {
      ExplainedBlock e;
      e.text = lead.text.substr(0, 80);
      e.chars = count_text(lead.text).chars;
      e.kept = true;
      e.rule = "lead:summary";
      e.path = explain_path(n);
      explained->push_back(std::move(e));
    }
    auto after_headline = blocks.begin();
    while (after_headline != blocks.end() && after_headline->kind == BlockKind::kHeading) ++after_headline;
    blocks.insert(after_headline, std::move(lead));
    return;
  }
}

}  // namespace pith::detail
