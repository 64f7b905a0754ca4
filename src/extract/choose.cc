// Choice of the main content. A cascade: (1) container evidence — elements whose names say "article
// body" (itemprop=articleBody, *articlebody*, *entry-content*...) holding real text are taken as they
// are, several of them (forum posts) in document order; (2) otherwise paragraph-evidence scoring: every
// paragraph-like element with enough text gives its parent, grandparent and further ancestors points for
// its length and its commas (language-neutral sentence signals), candidates start from tag and
// class/id evidence and are discounted by link density; the best candidate climbs to an ancestor that
// scores nearly as well (content split over sibling wrappers), then absorbs siblings that score well or
// read like prose. Covered by tests/extract/extract_test.cc and the dataset runs of `pith eval`.
#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "extract/content.h"

namespace pith::detail {
namespace {

float initial_score(const ElementStat& s) {
  float score = 0;
  switch (s.node->tag) {
    case Tag::kDiv: case Tag::kArticle: case Tag::kMain: score = 5; break;
    case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: case Tag::kSection: score = 3; break;
    case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd: case Tag::kDt:
    case Tag::kLi: case Tag::kForm: score = -3; break;
    case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kTh:
      score = -5; break;
    default: break;
  }
  if (s.hints & kHintPositive) score += 25;
  if (s.hints & kHintStrongContent) score += 25;
  if (s.hints & (kHintNegative | kHintBoilerplate | kHintComments)) score -= 25;
  return score;
}

bool scores_as_paragraph(const ElementStat& s) {
  const Node* n = s.node;
  if (n->is(Tag::kP) || n->is(Tag::kPre) || n->is(Tag::kTd)) return true;
  if (n->is(Tag::kDiv) || n->is(Tag::kSection) || n->is(Tag::kArticle) || n->is(Tag::kBlockquote) ||
      n->is(Tag::kLi) || n->is(Tag::kDd) || n->is(Tag::kSpan) || n->is(Tag::kFont) || n->is(Tag::kCenter)) {
    return !s.has_block_child;
  }
  return false;
}

bool is_descendant(const Node* n, const Node* ancestor) {
  for (const Node* p = n; p; p = p->parent) {
    if (p == ancestor) return true;
  }
  return false;
}

// Whether an <article> encloses `n` (at any depth).
bool inside_article(const Node* n) {
  for (const Node* a = n->parent; a; a = a->parent) {
    if (a->is(Tag::kArticle)) return true;
  }
  return false;
}

// An element's kind among its siblings: the first word of its class attribute without a digit. Shops and
// blogs add per-item words ("product post-34954 product_cat-sale instock"), so whole attributes rarely
// repeat.
std::string_view element_kind(std::string_view cls) {
  size_t pos = 0;
  while (pos < cls.size()) {
    size_t end = cls.find_first_of(" \t\n\r\f", pos);
    if (end == std::string_view::npos) end = cls.size();
    std::string_view token = cls.substr(pos, end - pos);
    if (!token.empty() && token.find_first_of("0123456789") == std::string_view::npos) return token;
    pos = end + 1;
  }
  return cls;
}

// Whether another <article> of the same kind ("box recipe-ingredients" and "box recipe-steps") is a
// sibling of `article`: sections of one page written as articles. Any sibling article measured worse
// (related stories), the whole class attribute found fewer.
bool has_sibling_article(const Node* article) {
  std::string_view kind = element_kind(article->attr(Attr::kClass));
  for (const Node* s = article->parent ? article->parent->first_child : nullptr; s; s = s->next_sibling) {
    if (s != article && s->is(Tag::kArticle) && element_kind(s->attr(Attr::kClass)) == kind) return true;
  }
  return false;
}

}  // namespace

namespace {

ContentChoice choose_core(PageAnalysis& page) {
  ContentChoice choice;
  std::vector<ElementStat>& stats = page.stats();
  if (stats.empty()) return choice;
  uint32_t total_chars = stats[0].text.chars;

  // (1) Container evidence.
  std::vector<const ElementStat*> strong;
  for (const ElementStat& s : stats) {
    if (!(s.hints & kHintStrongContent) || s.text.chars < 200 || s.link_density() > 0.5f) continue;
    if (!strong.empty() && is_descendant(s.node, strong.back()->node)) continue;
    strong.push_back(&s);
  }
  uint32_t strong_chars = 0;
  for (const ElementStat* s : strong) strong_chars += s->text.chars;

  // (2) Paragraph evidence.
  for (ElementStat& s : stats) {
    // A paragraph, or loose text written straight into a container beside its block children (scored
    // as a paragraph of its own whose parent is the container).
    bool paragraph = scores_as_paragraph(s);
    if (!paragraph && (!s.has_block_child || s.own_text.chars < 100)) continue;
    const TextCounts& counted = paragraph ? s.text : s.own_text;
    uint32_t len = counted.chars;
    if (len < 25) continue;
    if (paragraph && s.link_density() < 0.15f) s.good_chars += len;
    if (!paragraph) s.good_chars += len;
    float points = 1.f + float(counted.commas) + std::min(float(len / 100), 3.f);
    int32_t ancestor = paragraph ? s.parent : static_cast<int32_t>(&s - stats.data());
    for (int level = 0; ancestor >= 0 && level < 5; ++level) {
      ElementStat& a = stats[ancestor];
      if (!a.scored) {
        a.scored = true;
        a.score = initial_score(a);
      }
      float divider = level == 0 ? 1.f : level == 1 ? 2.f : float(level) * 3.f;
      a.score += points / divider;
      ancestor = a.parent;
    }
  }
  // Stats are in document order (parents first): summing from the end carries counts up.
  for (size_t i = stats.size(); i-- > 1;) {
    if (stats[i].parent >= 0) stats[stats[i].parent].good_chars += stats[i].good_chars;
  }
  ElementStat* top = nullptr;
  for (ElementStat& s : stats) {
    if (!s.scored) continue;
    s.score *= 1.f - s.link_density();
    if (!top || s.score > top->score) top = &s;
  }
  if (!strong.empty() && (!top || strong_chars * 10 >= total_chars * 2 ||
                          std::any_of(strong.begin(), strong.end(), [&](const ElementStat* s) {
                            return is_descendant(top->node, s->node) || is_descendant(s->node, top->node);
                          }))) {
    for (const ElementStat* s : strong) choice.roots.push_back(s->node);
    choice.rule = "container:article-body";
    return choice;
  }
  if (!top) {
    choice.roots.push_back(stats[0].node);
    choice.rule = "fallback:whole-page";
    return choice;
  }
  // Climb while the parent holds nearly as much evidence (the text is spread over sibling wrappers).
  float threshold = top->score / 3.f;
  float last = top->score;
  for (int32_t p = top->parent; p >= 0; p = stats[p].parent) {
    ElementStat& parent = stats[p];
    if (!parent.scored) continue;
    if (parent.score < threshold) break;
    if (parent.score > last) {
      top = &parent;
      break;
    }
    last = parent.score;
  }
  while (top->parent >= 0) {
    ElementStat& parent = stats[top->parent];
    if (parent.text.chars > top->text.chars + 0) break;
    top = &parent;
  }
  choice.rule = "scored:best-candidate";
  // Pages made of many sections (services, listings, products): when the best candidate holds little of
  // the page's prose, widen to the nearest ancestor holding most of it.
  uint32_t page_good = stats[0].good_chars;
  if (page_good > 0 && top->good_chars * 10 < page_good * 6) {
    // An <article>/<main> or an article-body container around the candidate bounds the widening.
    const ElementStat* bound = nullptr;
    for (const ElementStat* a = top; a; a = a->parent >= 0 ? &stats[a->parent] : nullptr) {
      bool container = a->node->is(Tag::kArticle) || a->node->is(Tag::kMain) || (a->hints & kHintStrongContent);
      // A card's <article> in a list of cards holds little of the page's prose: no bound. Nor is one of
      // several sibling articles of one class (sections, a thread's posts): wcxb-dev +0.0003.
      if (container && a->node->is(Tag::kArticle) && has_sibling_article(a->node)) container = false;
      if (container && a->good_chars * 4 >= page_good) {
        bound = a;
        break;
      }
    }
    while (top != bound && top->parent >= 0 && top->good_chars * 10 < page_good * 8) top = &stats[top->parent];
    choice.rule = "scored:spread-content";
    choice.roots.push_back(top->node);
    return choice;
  }
  // Absorb siblings that score well or read like prose.
  if (top->parent < 0) {
    choice.roots.push_back(top->node);
    return choice;
  }
  float sibling_threshold = std::max(10.f, top->score * 0.2f);
  std::string_view top_class = top->node->attr(Attr::kClass);
  for (const Node* sib = top->node->parent->first_child; sib; sib = sib->next_sibling) {
    if (sib == top->node) {
      choice.roots.push_back(sib);
      continue;
    }
    if (!sib->is_element()) continue;
    const ElementStat* s = page.stat(sib);
    if (!s || s->text.chars == 0) continue;
    float bonus = (!top_class.empty() && sib->attr(Attr::kClass) == top_class) ? top->score * 0.2f : 0.f;
    bool take = s->scored && s->score + bonus >= sibling_threshold;
    if (!take && sib->is(Tag::kP)) {
      float ld = s->link_density();
      uint32_t len = s->text.chars;
      take = (len > 80 && ld < 0.25f) || (len > 0 && len <= 80 && ld == 0 && s->text.stops > 0);
    }
    if (take) choice.roots.push_back(sib);
  }
  return choice;
}


// Whether `n` is or holds a heading (the headline block above the lead), looking a bounded way down.
bool holds_heading(const Node* n) {
  int budget = 200;
  for (const Node* d = n; d && budget-- > 0; d = next_in_preorder(d, n)) {
    if (d->is_element() && is_heading(d)) return true;
  }
  return false;
}

// A lead paragraph written just before the content (p.lead, h2.article-lead...) with prose of its own.
bool reads_like_lead(const ElementStat& s) {
  return s.text.chars >= 60 && s.text.stops > 0 && s.link_density() < 0.2f && s.inputs == 0 &&
         !(s.hints & (kHintNegative | kHintBoilerplate | kHintComments));
}

// The standfirst inside a headline block: the prose blocks after the block's last heading, at any
// depth (header > div > div > p.lead), appended to `lead` last first as add_lead collects. A prose
// subheading (h2 dek) is not taken: scrapinghub's truth leaves those out (0.002 lost when taken).
void add_standfirst(PageAnalysis& page, const Node* headline_block, std::vector<const Node*>& lead) {
  int budget = 400;  // elements looked at: a headline block is small
  const Node* d = nullptr;
  for (const Node* n = headline_block; n && budget-- > 0; n = next_in_preorder(n, headline_block)) {
    if (n->is_element() && is_heading(n)) d = n;
  }
  if (!d) return;
  budget = 400;
  std::vector<const Node*> found;
  for (d = next_skipping_children(d, headline_block); d && budget-- > 0;) {
    const ElementStat* s = d->is_element() ? page.stat(d) : nullptr;
    if (s && !s->has_block_child && reads_like_lead(*s)) {
      found.push_back(d);
      d = next_skipping_children(d, headline_block);
    } else {
      d = next_in_preorder(d, headline_block);
    }
  }
  lead.insert(lead.end(), found.rbegin(), found.rend());
}

// Prepends the lead: walking up from the first root (at most kLeadLevels ancestors), the nearest
// preceding siblings that read like prose, passing over short lines (dates, bylines), until a heading
// or a block holding one (the headline), a longer non-prose sibling, or an element already holding half the page.
void add_lead(PageAnalysis& page, ContentChoice& choice) {
  constexpr int kLeadLevels = 4;
  const ElementStat* page_stat = page.stat(page.root());
  if (choice.roots.empty() || !page_stat) return;
  std::vector<const Node*> lead;
  const Node* child = choice.roots.front();
  bool stop = false;
  for (int level = 0; level < kLeadLevels && !stop && child->parent && child != page.root(); ++level) {
    for (const Node* sib = child->prev_sibling; sib && !stop; sib = sib->prev_sibling) {
      if (!sib->is_element()) continue;
      const ElementStat* s = page.stat(sib);
      if (!s || s->text.chars == 0) continue;
      if (holds_heading(sib)) {
        // The headline block: what follows its last heading (a standfirst), however deep, is the lead.
        add_standfirst(page, sib, lead);
        stop = true;
        break;
      }
      if (!reads_like_lead(*s) && s->text.chars >= 100) {
        stop = true;
        break;
      }
      if (reads_like_lead(*s)) lead.push_back(sib);  // short lines between (date, byline) are passed over
    }
    child = child->parent;
    const ElementStat* cs = page.stat(child);
    // Past an element holding half the page the walk would reach page furniture, unless an <article>
    // still encloses it, however far up (its headline block is inside the article, above layout
    // wrappers): trafilatura_eval +5 snippets found.
    if (!cs || (cs->text.chars * 2 > page_stat->text.chars && !inside_article(child))) break;
  }
  if (lead.empty()) return;
  std::reverse(lead.begin(), lead.end());
  choice.roots.insert(choice.roots.begin(), lead.begin(), lead.end());
}

// A grid of cards (products, stories, results): the element whose children include at least
// kMinCards of one kind (element_kind; comment, furniture and negative-hinted children left out) that
// together hold kMinGridPercent of the page's text. nullptr if none. Link density is not asked: the
// cards' titles are links. Chosen over the dev sets: 40-70% measured alike, 60 lost least elsewhere.
const Node* find_card_grid(PageAnalysis& page) {
  constexpr uint32_t kMinCards = 4, kMinGridPercent = 60;
  const ElementStat* page_stat = page.stat(page.root());
  if (!page_stat || page_stat->text.chars < 500) return nullptr;
  const Node* best = nullptr;
  uint32_t best_chars = 0;
  struct Kind {
    uint32_t cards = 0, chars = 0;
  };
  std::unordered_map<std::string_view, Kind> kinds;  // by class
  for (const ElementStat& s : page.stats()) {
    if (uint64_t(s.text.chars) * 100 < uint64_t(page_stat->text.chars) * kMinGridPercent || !s.has_block_child) continue;
    kinds.clear();
    for (const Node* c = s.node->first_child; c; c = c->next_sibling) {
      if (!c->is_element()) continue;
      const ElementStat* cs = page.stat(c);
      if (!cs || cs->text.chars < 20 || (cs->hints & (kHintComments | kHintBoilerplate | kHintNegative))) continue;
      auto& k = kinds[element_kind(c->attr(Attr::kClass))];
      // Different tags with one class are rare enough to share a key.
      ++k.cards;
      k.chars += cs->text.chars;
    }
    for (const auto& [cls, k] : kinds) {
      if (k.cards >= kMinCards && uint64_t(k.chars) * 100 >= uint64_t(page_stat->text.chars) * kMinGridPercent &&
          k.chars > best_chars) {
        best = s.node;
        best_chars = k.chars;
      }
    }
  }
  return best;
}

}  // namespace

ContentChoice choose_content(PageAnalysis& page) {
  ContentChoice choice = choose_core(page);
  // The lenient reading (listings, product pages) takes a card grid that the scoring missed.
  if (page.reading() == Reading::kLenient && std::string_view(choice.rule) != "fallback:whole-page") {
    const Node* grid = find_card_grid(page);
    bool covered = grid && std::any_of(choice.roots.begin(), choice.roots.end(),
                                       [&](const Node* r) { return is_descendant(grid, r); });
    if (grid && !covered) {
      choice.roots.assign(1, grid);
      choice.rule = "card-grid";
    }
  }
  if (std::string_view(choice.rule) != "fallback:whole-page") add_lead(page, choice);
  return choice;
}

}  // namespace pith::detail
