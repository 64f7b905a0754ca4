// Class/id hints for the extractor: what an element's class and id say about it. The hint word lists are
// a precompiled table, matched per token (class and id split at non-alphanumerics and lower-cased): a
// token matches a word when equal to it or, for words of five letters or more, when it starts with it
// ("comments", "sharebar") or ends with it ("postcomments"). Each token costs three probes of fixed
// open-addressing tables built once. Covered by tests/extract/class_hints_test.cc and extract_test.cc.
#include <array>
#include <string_view>
#include <vector>

#include "base/ascii.h"
#include "extract/text_util.h"

namespace pith::detail {
namespace {

enum Match : uint8_t { kExact, kAffix };
struct HintWord {
  std::string_view word;
  uint8_t hint;
  Match match;
};

// Furniture whatever else the name says (kHintStrongBoilerplate: a content word beside it does not cancel
// it). Chosen word by word over the dev sets; each of these alone lost on none of them.
constexpr uint8_t kFurniture = kHintBoilerplate | kHintStrongBoilerplate;

// Ordered cheapest-first only in the sense that the most frequent words come early; all are checked.
constexpr HintWord kHintWords[] = {
    // navigation and page furniture
    {"nav", kHintBoilerplate, kExact}, {"navbar", kHintBoilerplate, kAffix}, {"navigation", kHintBoilerplate, kAffix},
    {"menu", kFurniture, kAffix}, {"breadcrumb", kHintBoilerplate, kAffix},
    {"breadcrumbs", kHintBoilerplate, kAffix}, {"footer", kHintBoilerplate, kAffix},
    {"masthead", kHintBoilerplate, kAffix}, {"sidebar", kHintBoilerplate, kAffix},
    {"skip", kHintBoilerplate, kExact}, {"pagination", kHintBoilerplate, kAffix}, {"pager", kHintBoilerplate, kExact},
    {"sitemap", kHintBoilerplate, kAffix}, {"toolbar", kHintBoilerplate, kAffix},
    // sharing, related, promotion
    {"share", kFurniture, kAffix}, {"sharing", kFurniture, kAffix}, {"social", kHintBoilerplate, kAffix},
    {"sns", kHintBoilerplate, kExact}, {"related", kHintBoilerplate, kAffix}, {"recommended", kHintBoilerplate, kAffix},
    {"popular", kHintBoilerplate, kAffix}, {"trending", kHintBoilerplate, kAffix},
    {"newsletter", kHintBoilerplate, kAffix}, {"subscribe", kHintBoilerplate, kAffix},
    {"subscription", kHintBoilerplate, kAffix}, {"signup", kHintBoilerplate, kAffix},
    {"cookie", kHintBoilerplate, kAffix}, {"cookies", kHintBoilerplate, kAffix}, {"consent", kHintBoilerplate, kAffix},
    {"gdpr", kHintBoilerplate, kAffix}, {"banner", kFurniture, kAffix}, {"promo", kHintBoilerplate, kAffix},
    {"ad", kHintBoilerplate, kExact}, {"ads", kHintBoilerplate, kExact}, {"advert", kHintBoilerplate, kAffix},
    {"advertisement", kHintBoilerplate, kAffix}, {"sponsor", kHintBoilerplate, kAffix},
    {"sponsored", kHintBoilerplate, kAffix}, {"outbrain", kHintBoilerplate, kAffix},
    {"taboola", kHintBoilerplate, kAffix}, {"popup", kHintBoilerplate, kAffix}, {"modal", kHintBoilerplate, kAffix},
    {"popover", kFurniture, kAffix}, {"tooltip", kFurniture, kAffix}, {"flyout", kHintBoilerplate, kAffix},
    {"byline", kHintBoilerplate, kAffix}, {"caption", kFurniture, kAffix}, {"copyright", kHintBoilerplate, kAffix},
    {"disclaimer", kHintNegative, kAffix}, {"login", kHintBoilerplate, kAffix},
    {"print", kFurniture, kExact}, {"rating", kHintNegative, kAffix},
    {"tags", kHintNegative, kExact}, {"tag", kHintNegative, kExact},
    {"meta", kHintNegative, kExact}, {"author", kHintNegative, kAffix}, {"header", kHintNegative, kAffix},
    {"shopping", kHintNegative, kAffix}, {"aside", kHintBoilerplate, kExact}, {"most", kHintNegative, kExact},
    {"viewed", kHintNegative, kExact}, {"gallery", kHintBoilerplate, kAffix},
    // a forum post's author card (reputation flair, phpBB's postprofile) and signature
    {"avatar", kFurniture, kAffix}, {"userinfo", kHintNegative, kAffix},
    {"userdetails", kHintNegative, kAffix}, {"userextras", kHintNegative, kAffix}, {"usertitle", kHintNegative, kAffix},
    {"signature", kFurniture, kAffix},
    {"flair", kHintNegative, kAffix}, {"postprofile", kHintNegative, kAffix},
    // customer reviews under a product ("review" alone is as often the article itself)
    {"reviews", kHintNegative, kAffix}, {"sort", kHintBoilerplate, kExact},
    // comments
    {"comment", kHintComments, kAffix}, {"comments", kHintComments, kAffix}, {"disqus", kHintComments, kAffix},
    {"replies", kHintComments, kAffix}, {"respond", kHintComments, kAffix},
    // content
    {"article", kHintPositive, kAffix}, {"content", kHintPositive, kAffix}, {"entry", kHintPositive, kAffix},
    {"post", kHintPositive, kExact}, {"main", kHintPositive, kExact}, {"body", kHintPositive, kExact},
    {"text", kHintPositive, kExact}, {"story", kHintPositive, kAffix}, {"blog", kHintPositive, kExact},
    {"hentry", kHintPositive, kExact}, {"prose", kHintPositive, kExact},
    {"articlebody", kHintStrongContent | kHintPositive, kAffix},
    {"postbody", kHintStrongContent | kHintPositive, kAffix},
    {"entrycontent", kHintStrongContent | kHintPositive, kAffix},
    {"storybody", kHintStrongContent | kHintPositive, kAffix},
};

// A fixed open-addressing table keyed by short strings (hint words, five-letter affixes), built once:
// FNV-1a hash, linear probing; a lookup of an absent key ends at the first unused slot. kSlots is a power
// of two well above the number of keys (fewer than 100 words), so the table is never full.
template <typename V, size_t kSlots>
class WordTable {
 public:
  V& operator[](std::string_view key) {
    Slot& s = slots_[slot_of(key)];
    s.key = key;
    s.used = true;
    return s.value;
  }
  const V* find(std::string_view key) const {
    const Slot& s = slots_[slot_of(key)];
    return s.used ? &s.value : nullptr;
  }

 private:
  struct Slot {
    std::string_view key;
    V value{};
    bool used = false;
  };
  static size_t hash(std::string_view key) {
    uint32_t h = 2166136261u;
    for (char c : key) h = (h ^ static_cast<uint8_t>(c)) * 16777619u;
    return h;
  }
  size_t slot_of(std::string_view key) const {
    for (size_t i = hash(key) & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      if (!slots_[i].used || slots_[i].key == key) return i;
    }
  }
  std::array<Slot, kSlots> slots_{};
};

// The word table indexed three ways, so a token costs three probes instead of a scan of every word: by
// the whole word (equality), and for affix words (five letters or more) by their first and by their last
// five letters (the token starts or ends with the word).
class HintIndex {
 public:
  HintIndex() {
    for (const HintWord& w : kHintWords) {
      exact_[w.word] |= w.hint;
      if (w.match != kAffix || w.word.size() < kAffixKey) continue;
      by_prefix_[w.word.substr(0, kAffixKey)].push_back(&w);
      by_suffix_[w.word.substr(w.word.size() - kAffixKey)].push_back(&w);
    }
  }

  uint8_t match(std::string_view token) const {
    uint8_t hints = 0;
    if (const uint8_t* exact = exact_.find(token)) hints |= *exact;
    if (token.size() <= kAffixKey) return hints;
    if (const auto* words = by_prefix_.find(token.substr(0, kAffixKey))) {
      for (const HintWord* w : *words) {
        if (w->word.size() < token.size() && token.substr(0, w->word.size()) == w->word) hints |= w->hint;
      }
    }
    if (const auto* words = by_suffix_.find(token.substr(token.size() - kAffixKey))) {
      for (const HintWord* w : *words) {
        if (w->word.size() < token.size() && token.substr(token.size() - w->word.size()) == w->word) {
          hints |= w->hint;
        }
      }
    }
    return hints;
  }

 private:
  static constexpr size_t kAffixKey = 5;
  static_assert(std::size(kHintWords) < 256, "WordTable has 512 slots: keep it at most half full");
  WordTable<uint8_t, 512> exact_;
  WordTable<std::vector<const HintWord*>, 512> by_prefix_, by_suffix_;
};

uint8_t hints_of(std::string_view value) {
  static const HintIndex index;
  uint8_t hints = 0;
  char buf[64];
  size_t len = 0;
  auto flush = [&] {
    if (len == 0 || len >= sizeof buf) {
      len = 0;
      return;
    }
    hints |= index.match(std::string_view(buf, len));
    len = 0;
  };
  for (size_t i = 0; i <= value.size(); ++i) {
    char c = i < value.size() ? value[i] : ' ';
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
    if (!alnum) {
      flush();
      continue;
    }
    if (len < sizeof buf) buf[len++] = ascii_lower(c);
    else len = sizeof buf;
  }
  return hints;
}

}  // namespace

uint8_t class_hints(const Node* element) {
  uint8_t hints = hints_of(element->attr(Attr::kClass)) | hints_of(element->attr(Attr::kId));
  std::string_view itemprop = element->attr(Attr::kItemprop);
  if (itemprop == "articleBody" || itemprop == "reviewBody") {
    hints |= kHintStrongContent | kHintPositive;
  } else if (itemprop == "text") {
    hints |= kHintPositive;  // schema.org text: also each FAQ answer and comment, so no proof of the body
  }
  return hints;
}

}  // namespace pith::detail
