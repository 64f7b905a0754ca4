// Title choice: the page's own headline (an <h1>) when it agrees with what
// the page declares as its title (og:title, JSON-LD headline, twitter:title, <title>), else the declared
// title without its site suffix or prefix. Agreement is word overlap after folding case, curly quotes and
// dashes (CJK characters count one word each), so "How To Use X (With Confidence!)" still wins over its
// reworded og:title while a logo <h1> ("Example News", equal to og:site_name or to the part of <title> a
// separator sets off) is skipped; a title left with a pipe keeps its first part (the rest is a tagline),
// and one left with another separator repeated ("Thread / Forum" of "Thread / Forum / Site") its first piece.
// Covered by tests/meta/title_test.cc.
#include <algorithm>
#include <cstring>

#include "extract/text_util.h"
#include "meta/meta.h"

namespace pith::detail {
namespace {

constexpr std::string_view kSeparators[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " : ",
                                           " \xc2\xbb ", " / ", " \xc2\xb7 ", " \xe2\x80\xa2 "};

bool is_word_char(char32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // general punctuation: quotes, dashes, bullets
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width punctuation
  if (cp >= 0xA0 && cp <= 0xBF) return false;      // Latin-1 symbols: NBSP, « », ·, ©, ®, ¶ (permalinks)
  if (cp >= 0x2100 && cp <= 0x2BFF) return false;  // letterlike symbols, arrows, shapes, dingbats
  if (cp >= 0x1F000) return false;                 // emoji
  return true;
}

// Whether `part` is, word for word, one of the pieces separators (" | ", " - ", ...) cut `title` into.
bool is_segment_of(std::string_view part, std::string_view title) {
  std::vector<std::string> want = title_words(part);
  if (want.empty()) return false;
  size_t start = 0;
  for (size_t i = 0; i <= title.size(); ++i) {
    size_t cut = i == title.size() ? 1 : 0;
    for (std::string_view sep : kSeparators) {  // each starts with a space
      if (!cut && title[i] == ' ' && title.substr(i, sep.size()) == sep) cut = sep.size();
    }
    if (!cut) continue;
    if (title_words(title.substr(start, i - start)) == want) return true;
    start = i + cut;
    i = start - 1;
  }
  return false;
}

// The share of `part`'s words found among `whole`'s (word_coverage on words already split).
double coverage(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  if (part.empty() || whole.empty()) return 0;
  size_t hit = 0;
  for (const std::string& x : part) hit += std::find(whole.begin(), whole.end(), x) != whole.end();
  return static_cast<double>(hit) / static_cast<double>(part.size());
}

// std::string::rfind(sep) for a separator (they all start with a space), testing only where a space stands.
size_t rfind_separator(std::string_view title, std::string_view sep) {
  if (sep.size() > title.size()) return std::string_view::npos;
  for (size_t pos = title.size() - sep.size() + 1; pos-- > 0;) {
    if (title[pos] == ' ' && title.substr(pos, sep.size()) == sep) return pos;
  }
  return std::string_view::npos;
}

// What is left of "Thread / Forum / Site" or "Page - Section - Site" once the site is cut: the same
// separator still standing marks a path from the page up to the site, whose first piece is the page's
// name. Not for pipes (first_of_piped_parts() reads those) nor a one-word first piece ("Firefox — Make
// it your own", a name and its tagline).
std::string first_piece(const std::string& head, std::string_view sep) {
  size_t at = head.find(sep);
  if (sep == " | " || at == std::string::npos || at == 0) return head;
  std::string_view first = trim(std::string_view(head).substr(0, at));
  if (title_words(first).size() < 2) return head;
  return std::string(first);
}

}  // namespace

std::string fold_for_match(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += decode_utf8(s, i, cp);
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x2032) cp = '\'';
    if (cp == 0x201C || cp == 0x201D) cp = '"';
    if (cp == 0x2013 || cp == 0x2014 || cp == 0x2012) cp = '-';
    if (is_space(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    append_utf8(out, cp);
  }
  return out;
}

std::vector<std::string> title_words(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < s.size() && words.size() < 64;) {
    char32_t cp;
    i += decode_utf8(s, i, cp);
    if (cp >= 'A' && cp <= 'Z') cp += 32;
    if (is_unspaced_cjk(cp)) {
      if (!word.empty()) words.push_back(std::move(word)), word.clear();
      append_utf8(word, cp);
      words.push_back(std::move(word)), word.clear();
    } else if (is_word_char(cp)) {
      append_utf8(word, cp);
    } else if (!word.empty() && cp != '\'' && cp != 0x2019) {
      words.push_back(std::move(word)), word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

double word_coverage(std::string_view part, std::string_view whole) {
  return coverage(title_words(part), title_words(whole));
}

std::string strip_site_from_title(std::string_view title_view, std::string_view sitename) {
  std::string title(trim(title_view));
  std::string folded_site = fold_for_match(sitename);
  for (std::string_view sep : kSeparators) {
    size_t pos = rfind_separator(title, sep);
    if (pos == std::string::npos || pos == 0) continue;
    std::string head(trim(std::string_view(title).substr(0, pos)));
    std::string tail(trim(std::string_view(title).substr(pos + sep.size())));
    if (head.empty() || tail.empty()) continue;
    if (!folded_site.empty() && fold_for_match(head) == folded_site) return tail;
    if (!folded_site.empty() && fold_for_match(tail) == folded_site) return first_piece(head, sep);
    // The site name is the shorter side; keep the longer (the page's own title).
    uint32_t head_words = count_text(head).words, tail_words = count_text(tail).words;
    if (tail_words <= 4 && head_words >= tail_words) return first_piece(head, sep);
    if (head_words <= 3 && tail_words > 4) return tail;
  }
  // Chinese portals join "headline_section_site" or "headline--site" without spaces: the first piece,
  // when it is the longest.
  if (count_text(title).cjk > 0) {
    std::vector<std::string_view> pieces;
    std::string_view rest(title);
    while (!rest.empty()) {
      size_t cut = std::min(rest.find('_'), rest.find("--"));
      std::string_view piece = trim(rest.substr(0, cut));
      if (!piece.empty()) pieces.push_back(piece);
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + (rest[cut] == '_' ? 1 : 2));
    }
    if (pieces.size() > 1) {
      bool longest = true;
      for (size_t i = 1; i < pieces.size(); ++i) longest &= count_text(pieces[0]).chars >= count_text(pieces[i]).chars;
      if (longest && count_text(pieces[0]).chars >= 12) return std::string(pieces[0]);
    }
  }
  return title;
}

namespace {

// Pipes separate a title's parts ("Page | Section | Site"); a headline's own wording hardly has one. A
// title still holding one after the site part is gone is the page's name and a tagline or keyword list
// ("Cloudflare CDN | Content Delivery Network", "12 Data Tools for 2026 | Python, SQL & AI"): its first
// part. A one-word part on either side stays joined ("jobs | Hacker News", "Code Covered | Code" with a
// section name).
std::string first_of_piped_parts(std::string title) {
  size_t bar = title.find(" | ");
  if (bar == std::string::npos || bar == 0) return title;
  std::string_view first = trim(std::string_view(title).substr(0, bar));
  if (title_words(first).size() < 2 || title_words(std::string_view(title).substr(bar)).size() < 2) return title;
  return std::string(first);
}

// The headline or declared title, as choose_title() describes, before first_of_piped_parts().
std::string pick_title(const TitleSources& s) {
  std::vector<std::string> declared;
  for (const std::string* d : {&s.og, &s.jsonld, &s.twitter, &s.dc, &s.title_tag}) {
    if (!d->empty()) declared.push_back(*d);
  }
  // What the page calls itself: og:site_name and whatever a separator sets off at the end of a declared
  // title. (A short piece in front is as often the page's own name, "Quickstart — Flask Documentation".)
  // Each declared title's words, its page part (without the site) and that part's words, computed once.
  std::vector<std::vector<std::string>> declared_words, part_words;
  std::vector<std::string> page_parts;
  for (const std::string& d : declared) {
    declared_words.push_back(title_words(d));
    page_parts.push_back(strip_site_from_title(d, s.sitename));
    part_words.push_back(title_words(page_parts.back()));
  }
  std::vector<std::vector<std::string>> site_names;
  if (!s.sitename.empty()) site_names.push_back(title_words(s.sitename));
  for (size_t i = 0; i < declared.size(); ++i) {
    const std::string& d = declared[i];
    const std::string& stripped = page_parts[i];
    if (stripped.size() + 3 > d.size()) continue;
    std::string_view rest(d);
    if (rest.substr(0, stripped.size()) != stripped) continue;
    rest.remove_prefix(stripped.size());
    std::vector<std::string> site = title_words(rest);
    if (!site.empty()) site_names.push_back(std::move(site));
    // A section and the site set off ("- Programming - Example Forum"): the last piece is the site.
    size_t last = std::string_view::npos;
    for (std::string_view sep : kSeparators) {
      size_t at = rfind_separator(rest, sep);
      if (at != std::string_view::npos && at > 0 && (last == std::string_view::npos || at > last)) last = at + sep.size();
    }
    if (last != std::string_view::npos) {
      std::vector<std::string> site_alone = title_words(rest.substr(last));
      if (!site_alone.empty()) site_names.push_back(std::move(site_alone));
    }
  }
  auto site_like = [&](const std::string& h) {
    std::vector<std::string> words = title_words(h);
    return !words.empty() && std::find(site_names.begin(), site_names.end(), words) != site_names.end();
  };
  // Where a heading's first word stands in the declared titles: the page's own part comes first, the site
  // part last, so of two headings agreeing equally the earlier-placed one is the page's.
  auto placement = [&](const std::string& h) {
    std::vector<std::string> words = title_words(h);
    size_t best = 1000;
    if (words.empty()) return best;
    for (const std::vector<std::string>& dw : declared_words) {
      for (size_t i = 0; i < dw.size() && i < best; ++i) {
        if (dw[i] == words[0]) best = i;
      }
    }
    return best;
  };
  auto agreement = [&](const std::string& h) {
    double best = 0;
    std::vector<std::string> words = title_words(h);
    for (size_t i = 0; i < declared.size(); ++i) {
      if (coverage(part_words[i], words) >= 0.3 || is_segment_of(h, declared[i])) {
        best = std::max(best, coverage(words, declared_words[i]));
      }
    }
    return best;
  };
  auto pick = [&](const std::vector<std::string>& headings, double threshold, size_t min_words) {
    const std::string* best = nullptr;
    double best_score = threshold;
    for (const std::string& h : headings) {
      if (h.empty() || h.size() > 300 || site_like(h) || title_words(h).size() < min_words) continue;
      double a = agreement(h);
      bool tie_placed_earlier = best && a > best_score - 1e-9 && a < best_score + 1e-9 && placement(h) < placement(*best);
      if (a >= best_score + 1e-9 || (!best && a >= threshold) || tie_placed_earlier) best = &h, best_score = a;
    }
    return best;
  };
  if (declared.empty()) {
    for (const std::string& h : s.h1s) {
      if (!h.empty() && h.size() <= 300 && !site_like(h)) return h;
    }
    return s.h1s.empty() ? std::string() : s.h1s.front();
  }
  // Thresholds chosen on wcxb-dev: half of the heading's words in a declared title, and a third of the
  // declared title's own words (without the site) in the heading, or the heading is one of its pieces.
  if (const std::string* h = pick(s.h1s, 0.5, 1)) {
    // A headline carrying the site name as <title> does ("Costs & Prices - ProMatcher Cost Report").
    for (std::string_view sep : kSeparators) {
      size_t at = h->rfind(sep);
      if (at == std::string::npos || at == 0) continue;
      if (site_like(h->substr(at + sep.size()))) return std::string(trim(std::string_view(*h).substr(0, at)));
    }
    // A headline that is a declared title with a few words in front ("Thread: X", "Blog: X", "Dec 18 2025 X",
    // a category or brand label) wears a label the page's own title leaves out: the declared title wins,
    // unless some declared title carries those words too ("functools — Higher-order functions"). (Words
    // after it are a subtitle the declared title shortened, so those headlines stay.)
    std::vector<std::string> heading_words = title_words(*h);
    for (size_t i = 0; i < declared.size(); ++i) {
      const std::vector<std::string>& part = part_words[i];
      size_t extra = heading_words.size() - std::min(heading_words.size(), part.size());
      if (part.size() < 2 || extra < 1 || extra > 3 ||
          !std::equal(part.begin(), part.end(), heading_words.begin() + static_cast<long>(extra))) {
        continue;
      }
      std::vector<std::string> label_and_title(heading_words.begin(), heading_words.begin() + static_cast<long>(extra) + 1);
      bool label_declared = false;
      for (const std::vector<std::string>& ow : declared_words) {
        label_declared |= std::search(ow.begin(), ow.end(), label_and_title.begin(), label_and_title.end()) != ow.end();
      }
      if (!label_declared) return page_parts[i];
    }
    return *h;
  }
  return page_parts.front();
}

}  // namespace

std::string choose_title(const TitleSources& s) { return first_of_piped_parts(pick_title(s)); }

}  // namespace pith::detail
