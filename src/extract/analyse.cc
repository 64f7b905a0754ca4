// Page analysis: one non-recursive walk (TreeWalker enter/leave) that prunes what is never content and
// collects per-element statistics bottom-up. Pruning is an ordered cascade, cheapest first: the tag
// (script, style, form controls, svg...), then attributes (hidden, aria-hidden, inline display:none,
// ARIA landmark roles), then structural page furniture (nav, aside, footer), then class/id hints. A
// pruned subtree is recorded with its rule (for --explain) and contributes nothing to its ancestors.
// On a discussion thread the comment-named containers are the replies, read like any other content.
// Covered by tests/extract/extract_test.cc.
#include <string_view>

#include "extract/content.h"

namespace pith::detail {
namespace {

bool is_streamed_segment(const Node* e) {
  std::string_view id = e->attr(Attr::kId);
  return e->is(Tag::kDiv) && id.size() >= 3 && id.substr(0, 2) == "S:";
}

// Whether the subtree holds the page's <main> (or role=main): markup that never closed its page header
// (a template included twice) nests the whole page inside it, and a banner holding the main content
// is not furniture. Pruned landmarks are small as a rule, so the scan costs little.
bool holds_main(const Node* e) {
  for (const Node* n = next_in_preorder(e, e); n; n = next_in_preorder(n, e)) {
    if (n->is(Tag::kMain) || (n->is_element() && n->attr(Attr::kRole) == "main")) return true;
  }
  return false;
}

// What the permissive reading no longer prunes.
bool permissive_keeps(std::string_view rule) {
  return rule.substr(0, 7) == "hidden:" || rule == "furniture:aside" || rule == "furniture:header" ||
         rule == "soft:comments";
}

}  // namespace

const char* prune_rule(const Node* e, uint8_t hints) {
  if (e->ns == Namespace::kSvg) return "never-content:svg";
  if (e->ns == Namespace::kMathMl) {
    // Formulas are text (their identifiers, numbers and operators); the annotations beside them repeat
    // the formula in TeX or another markup.
    return e->name == "annotation" || e->name == "annotation-xml" ? "never-content:math-annotation" : nullptr;
  }
  switch (e->tag) {
    case Tag::kNoscript:
      // What a crawler (scripting off) sees: usually tracking pixels, on some sites (Discourse) the page.
      return "soft:noscript";
    case Tag::kScript: case Tag::kStyle: case Tag::kTemplate: case Tag::kHead:
    case Tag::kTitle: case Tag::kMeta: case Tag::kLink: case Tag::kBase:
      return "never-content:code";
    case Tag::kCanvas: case Tag::kIframe: case Tag::kObject: case Tag::kEmbed: case Tag::kApplet:
    case Tag::kAudio: case Tag::kVideo: case Tag::kMap: case Tag::kNoembed: case Tag::kNoframes:
      return "never-content:embed";
    case Tag::kSelect: case Tag::kOption: case Tag::kTextarea: case Tag::kInput: case Tag::kButton:
    case Tag::kDatalist: case Tag::kKeygen: case Tag::kOutput: case Tag::kProgress: case Tag::kMeter:
      return "never-content:form-control";
    case Tag::kDialog:
      return "never-content:dialog";
    case Tag::kRt: case Tag::kRp:
      return "never-content:ruby-annotation";  // furigana/pinyin readings over the base text
    default:
      break;
  }
  // React's streamed Suspense segments (<div hidden id="S:1">) are moved into view by a script.
  if (e->has_attr(Attr::kHidden) && !is_streamed_segment(e)) return "hidden:attribute";
  if (e->attr(Attr::kAriaHidden) == "true") return "hidden:aria";
  if (const Attribute* style = e->find_attr(Attr::kStyle); style && style_hides(style->value)) {
    return "hidden:style";
  }
  std::string_view role = e->attr(Attr::kRole);
  if (role == "navigation" || role == "banner" || role == "contentinfo" || role == "complementary" ||
      role == "search" || role == "menu" || role == "menubar" || role == "toolbar" || role == "dialog" ||
      role == "alert" || role == "alertdialog") {
    return holds_main(e) ? nullptr : "landmark-role";
  }
  switch (e->tag) {
    // Page furniture, unless it holds the page's <main> (see holds_main).
    case Tag::kNav: return holds_main(e) ? nullptr : "furniture:nav";
    case Tag::kAside: return holds_main(e) ? nullptr : "furniture:aside";
    case Tag::kFooter: return holds_main(e) ? nullptr : "furniture:footer";
    case Tag::kHeader: {
      // A page header is furniture; a header inside <main>/<article> introduces the content.
      for (const Node* a = e->parent; a; a = a->parent) {
        if (a->is(Tag::kMain) || a->is(Tag::kArticle)) return nullptr;
      }
      return holds_main(e) ? nullptr : "furniture:header";
    }
    case Tag::kFigcaption: return "furniture:caption";
    case Tag::kForm:
      if (hints & (kHintBoilerplate | kHintComments)) return "furniture:form";
      break;
    case Tag::kBody: case Tag::kHtml: case Tag::kMain: case Tag::kArticle:
      return nullptr;
    default:
      break;
  }
  if (hints & kHintStrongContent) return nullptr;
  if (hints & kHintComments) return "soft:comments";
  if ((hints & kHintBoilerplate) && (!(hints & kHintPositive) || (hints & kHintStrongBoilerplate))) {
    return "soft:boilerplate-class";
  }
  return nullptr;
}

void PageAnalysis::clear() {
  root_ = nullptr;
  stats_.clear();
  index_.clear();
  removed_.clear();
  soft_kept_.clear();
  comment_roots_.clear();
}

void PageAnalysis::analyse(const Node* root, bool keep_comments, Reading reading, bool discussion_thread) {
  clear();
  root_ = root;
  reading_ = reading;
  discussion_thread_ = discussion_thread;
  if (!root) return;
  if (reading != Reading::kStrict) {
    // The relaxed readings decide the soft candidates without statistics (class-name furniture kept,
    // comment sections and noscript out unless permissive keeps them): one walk instead of two.
    // The lenient reading prunes all the strict first walk prunes and more: it replays that walk's
    // counts. The permissive one keeps subtrees the strict walk pruned, so it counts for itself.
    bool replay = reading == Reading::kLenient && memo_ && memo_->recorded(root);
    memo_use_ = replay ? MemoUse::kReplay : MemoUse::kNone;
    if (replay) memo_->rewind();
    walk(true, keep_comments);
    memo_use_ = MemoUse::kNone;
    return;
  }
  memo_use_ = memo_ ? MemoUse::kRecord : MemoUse::kNone;
  if (memo_) memo_->start_recording(root);
  walk(false, false);
  memo_use_ = MemoUse::kNone;
  if (soft_kept_.empty()) return;
  // Decide the soft candidates on their measured statistics.
  uint32_t page_chars = stats_.empty() ? 0 : stats_[0].text.chars;
  std::unordered_map<const Node*, const char*> candidates;
  candidates.swap(soft_kept_);
  for (const auto& [node, rule] : candidates) {
    const ElementStat* s = stat(node);
    if (!s || std::string_view(rule) == "soft:comments") continue;
    bool content_like = s->link_density() < 0.3f &&
                        ((s->text.chars >= 500 && s->text.chars * 8 >= page_chars) ||  // holds a share of the page
                         (s->text.chars >= 50 && s->text.chars * 2 >= page_chars));   // a small page's bulk
    // A <noscript> that never closed (its end tag ignored inside a <div>) holds the rest of the page.
    bool holds_page = std::string_view(rule) == "soft:noscript" && s->text.chars >= 500 &&
                      s->text.chars * 2 >= page_chars;
    if (content_like || holds_page) soft_kept_.emplace(node, rule);
  }
  stats_.clear();
  index_.clear();
  removed_.clear();
  comment_roots_.clear();
  // The second walk visits a subsequence of the first one's nodes (it prunes more): replay the counts.
  memo_use_ = memo_ ? MemoUse::kReplay : MemoUse::kNone;
  if (memo_) memo_->rewind();
  walk(true, keep_comments);
  memo_use_ = MemoUse::kNone;
}

void PageAnalysis::walk(bool apply_soft, bool keep_comments) {
  const Node* root = root_;
  std::vector<int32_t> open;  // stat indexes of the open elements
  uint32_t link_depth = 0;
  const Node* just_removed = nullptr;  // a removed element's leave step follows its enter step
  TreeWalker walker(root);
  TreeWalker::Step step;
  while (walker.next(step)) {
    const Node* n = step.node;
    if (n->is_text()) {
      if (open.empty()) continue;
      const WalkMemo::Facts* known = memo_use_ == MemoUse::kReplay ? memo_->recall(n) : nullptr;
      TextCounts c = known ? known->text : count_text(n->data);
      if (memo_use_ == MemoUse::kRecord) memo_->record(n, c, 0);
      ElementStat& s = stats_[open.back()];
      s.text.add(c);
      s.own_text.add(c);
      if (link_depth) s.link_chars += c.chars;
      continue;
    }
    if (!n->is_element()) continue;
    if (step.entering) {
      const WalkMemo::Facts* known = memo_use_ == MemoUse::kReplay ? memo_->recall(n) : nullptr;
      uint8_t hints = known ? known->hints : class_hints(n);
      if (memo_use_ == MemoUse::kRecord) memo_->record(n, TextCounts{}, hints);
      if (discussion_thread_) hints &= static_cast<uint8_t>(~kHintComments);
      if (n != root) {
        const char* rule = prune_rule(n, hints);
        if (rule && reading_ == Reading::kPermissive && permissive_keeps(rule)) rule = nullptr;
        if (rule && reading_ != Reading::kStrict && std::string_view(rule) == "soft:boilerplate-class") rule = nullptr;
        if (rule && rule[0] == 's') {  // a "soft:" candidate
          if (!apply_soft) {
            soft_kept_.emplace(n, rule);
            rule = nullptr;
          } else if (soft_kept_.count(n)) {
            rule = nullptr;
          }
        }
        if (rule) {
          removed_.emplace(n, rule);
          just_removed = n;
          if (keep_comments && std::string_view(rule) == "soft:comments") comment_roots_.push_back(n);
          walker.skip_children();
          continue;
        }
      }
      ElementStat s;
      s.node = n;
      s.parent = open.empty() ? -1 : open.back();
      s.hints = hints;
      index_.emplace(n, static_cast<uint32_t>(stats_.size()));
      if (!open.empty() && is_block_level(n)) stats_[open.back()].has_block_child = true;
      open.push_back(static_cast<int32_t>(stats_.size()));
      stats_.push_back(s);
      if (n->is(Tag::kA)) ++link_depth;
      continue;
    }
    if (n == just_removed) continue;
    int32_t idx = open.back();
    open.pop_back();
    if (n->is(Tag::kA) && link_depth) --link_depth;
    ElementStat& s = stats_[idx];
    ++s.tags;
    if (n->is(Tag::kP) || n->is(Tag::kPre) || n->is(Tag::kBr)) ++s.paragraphs;
    if (n->is(Tag::kLi)) ++s.list_items;
    if (n->is(Tag::kImg)) ++s.images;
    if (n->is(Tag::kInput) || n->is(Tag::kSelect) || n->is(Tag::kTextarea)) ++s.inputs;
    if (s.parent >= 0) {
      ElementStat& p = stats_[s.parent];
      p.text.add(s.text);
      p.link_chars += s.link_chars;
      p.paragraphs += s.paragraphs;
      p.list_items += s.list_items;
      p.images += s.images;
      p.inputs += s.inputs;
      p.tags += s.tags;
    }
  }
}

}  // namespace pith::detail
