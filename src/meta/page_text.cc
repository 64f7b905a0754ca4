// Text helpers for metadata: ASCII case folding without copies, the text of headings and of short
// elements (stopping early on large containers), attribute/JSON-LD value cleanup, dates introduced by a
// word, the date a byline under the headline prints, forum member-card dates blanked, profile links
// spelling a name, comment-section detection, forum engines by generator name. Covered by tests/meta/*.cc.
#include "extract/text_util.h"
#include "html/char_refs.h"
#include "meta/meta.h"
#include "meta/meta_internal.h"

namespace pith::detail::metadata {
namespace {

// Whether `hay` contains `needle` (lower-case ASCII) ignoring ASCII case, without copying `hay`.
bool contains_ci(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size()) {
      if (ascii_lower(hay[i + k]) != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return true;
  }
  return false;
}

}  // namespace

// `a` and `b` (joined by a space when `b` is not empty), lower-cased (ASCII) into `buf`, reusing its storage.
void lower_into(std::string& buf, std::string_view a, std::string_view b) {
  buf.resize(a.size() + (b.empty() ? 0 : b.size() + 1));
  char* out = buf.data();
  auto copy = [&](std::string_view v) {
    for (char c : v) *out++ = ascii_lower(c);
  };
  copy(a);
  if (!b.empty()) *out++ = ' ', copy(b);
}

bool equals_ci(std::string_view a, std::string_view lower_b) {
  return a.size() == lower_b.size() && starts_with_ascii_ci(a, lower_b);
}

std::string clean(std::string_view s) {
  std::string out;
  bool space = false;
  append_collapsed(out, s, space);
  return std::string(trim(out));
}

std::string collapsed_text(const Node* n) { return clean(text_content(n)); }

// A heading's text as displayed: <br> and block children separate words ("Data<br>Analytics"), script and
// style text is left out, and a trailing permalink glyph (¶, #, §) is dropped.
std::string heading_text(const Node* root) {
  std::string out;
  bool space = false;
  for (const Node* n = next_in_preorder(root, root); n && out.size() < 2000; n = next_in_preorder(n, root)) {
    if (n->is_text()) {
      if (n->parent && (n->parent->is(Tag::kScript) || n->parent->is(Tag::kStyle))) continue;
      append_collapsed(out, n->data, space);
    } else if (n->is_element() && (n->is(Tag::kBr) || is_block_level(n))) {
      space = !out.empty();
    }
  }
  std::string_view t = trim(out);
  for (std::string_view glyph : {"\xc2\xb6", "#", "\xc2\xa7", "\xf0\x9f\x94\x97"}) {  // ¶ # § 🔗
    if (t.size() > glyph.size() && t.substr(t.size() - glyph.size()) == glyph) t = trim(t.substr(0, t.size() - glyph.size()));
  }
  return std::string(t);
}

// The element's collapsed text when it is short (a byline, a date line); false for a container whose
// text runs past `limit` bytes, found without collecting all of it.
bool short_text(const Node* root, size_t limit, std::string& out) {
  out.clear();
  bool space = false;
  for (const Node* n = next_in_preorder(root, root); n; n = next_in_preorder(n, root)) {
    if (!n->is_text()) continue;
    append_collapsed(out, n->data, space);
    if (out.size() > limit) return false;
  }
  std::string_view kept = trim(out);
  if (kept.size() != out.size()) out = std::string(kept);
  return true;
}

namespace {

// A character reference left in a value, decoded with the tokenizer's tables: `after_amp` starts just
// after the '&'; only references closed by ';' count (a bare '&' in a value is text). Appends the
// character(s) and returns the bytes consumed after the '&', or 0 when there is no such reference.
size_t decode_char_ref(std::string_view after_amp, std::string& out) {
  if (!after_amp.empty() && after_amp[0] == '#') {
    bool hex = after_amp.size() > 1 && (after_amp[1] == 'x' || after_amp[1] == 'X');
    size_t i = hex ? 2 : 1;
    uint32_t code = 0;
    size_t digits = 0;
    for (; i < after_amp.size() && digits < 7; ++i, ++digits) {
      char d = after_amp[i];
      int v = d >= '0' && d <= '9' ? d - '0' : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                                             : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10 : -1;
      if (v < 0) break;
      code = code * (hex ? 16 : 10) + static_cast<uint32_t>(v);
    }
    if (digits == 0 || i >= after_amp.size() || after_amp[i] != ';' || code == 0) return 0;
    append_utf8(out, resolve_numeric_char_ref(code).code_point);
    return i + 1;
  }
  NamedCharRefMatch named = match_named_char_ref(after_amp);
  if (named.length == 0 || !named.ends_with_semicolon) return 0;
  out.append(named.value);
  return named.length;
}

}  // namespace

// Attribute and JSON-LD values are often escaped twice ("&amp;#8217;") or carry markup ("<p>..."): decode
// what is left of character references and drop tags, so no field shows debris.
std::string clean_value(std::string_view raw, bool strip_tags) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (strip_tags && c == '<' && i + 1 < raw.size() && (std::isalpha(static_cast<unsigned char>(raw[i + 1])) || raw[i + 1] == '/')) {
      size_t close = raw.find('>', i);
      if (close != std::string_view::npos) {
        out.push_back(' ');
        i = close;
        continue;
      }
    }
    if (c == '&') {
      if (size_t length = decode_char_ref(raw.substr(i + 1), out)) {
        i += length;
        continue;
      }
    }
    out.push_back(c);
  }
  // "&amp;#8217;" decodes in two rounds.
  if ((out.find('&') != std::string::npos || (strip_tags && out.find('<') != std::string::npos)) && out != raw) {
    return clean_value(out, strip_tags);
  }
  return clean(out);
}

// "Roy, Aniruddha" (citation order) -> "Aniruddha Roy"; other values unchanged.
std::string first_last(const std::string& name) {
  size_t comma = name.find(", ");
  if (comma == std::string::npos || name.find(',', comma + 1) != std::string::npos) return name;
  std::string_view last = std::string_view(name).substr(0, comma), given = std::string_view(name).substr(comma + 2);
  if (last.empty() || given.empty() || count_text(last).words > 3 || count_text(given).words > 3) return name;
  return std::string(given) + " " + std::string(last);
}

// Forum engines that name themselves in <meta name="generator">: their pages are threads of posts.
bool forum_engine(std::string_view generator) {
  for (std::string_view engine : {"vBulletin", "phpBB", "Discourse", "XenForo", "Invision", "Vanilla", "MyBB",
                                  "Simple Machines", "NodeBB", "Flarum"}) {
    if (generator.find(engine) != std::string_view::npos) return true;
  }
  return false;
}

// The first date right after a word that introduces one, in several languages.
std::string introduced_date(std::string_view text, bool day_first) {
  static constexpr std::string_view kIntroducers[] = {
      "Published", "published", "Posted", "posted", "Updated", "updated", "Date:", "Dated",
      "Ver\xc3\xb6" "ffentlicht", "Publi\xc3\xa9", "Publicado", "Pubblicato", "Gepubliceerd",
      "\xe5\x8f\x91\xe5\xb8\x83", "\xe7\x99\xbc\xe5\xb8\x83", "\xec\x9e\x85\xeb\xa0\xa5",
      "\xe6\x8a\x95\xe7\xa8\xbf"};  // 发布 發布 입력 投稿
  size_t best = std::string_view::npos;
  std::string date;
  for (std::string_view word : kIntroducers) {
    for (size_t at = text.find(word); at != std::string_view::npos && at < best; at = text.find(word, at + 1)) {
      std::string d = parse_date(text.substr(at + word.size(), 60), day_first);
      if (!d.empty()) {
        best = at, date = d;
        break;
      }
    }
  }
  return date;
}

// The date a page prints in its byline under the headline. Only a short line counts (a byline, not a
// sentence of the article mentioning a date); a date a label marks as an update or as a thread's last post
// is not the publication's. When the declared date is shown too ("May 21, 2025 | April 24, 2025"), or is
// the shown one with day and month read the other way ("09.10.2024" on a page that writes month first),
// the page agrees with it and nothing is returned.
std::string date_under_headline(std::string_view below, bool day_first, std::string_view declared) {
  constexpr size_t kWindow = 500, kLongestLine = 120, kLabelReach = 40;
  std::string text = without_member_dates(below.substr(0, kWindow));
  size_t at = 0;
  std::string shown = parse_date(text, day_first, &at);
  if (shown.empty() || shown == declared) return {};
  size_t line_start = text.rfind('\n', at), line_end = text.find('\n', at);
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  if (std::min(line_end, text.size()) - line_start > kLongestLine) return {};
  std::string_view before = std::string_view(text).substr(at - std::min(at, kLabelReach), std::min(at, kLabelReach));
  // "Updated" in the languages whose dates parse_date reads ("modif" covers modified, modifié, modificado).
  for (std::string_view label : {"updat", "modif", "last post", "aktualisiert", "mis \xc3\xa0 jour", "actualizado",
                                 "aggiornat", "atualizado", "bijgewerkt", "\xe6\x9b\xb4\xe6\x96\xb0",
                                 "\xec\x88\x98\xec\xa0\x95", "\xd0\xbe\xd0\xb1\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd"}) {
    if (contains_ci(before, label)) return {};
  }
  bool numeric = text[at] >= '0' && text[at] <= '9' && text.find_first_of("./-", at) < at + 3;
  if (numeric && declared.size() == 10 && declared.substr(0, 5) == std::string_view(shown).substr(0, 5) &&
      declared.substr(5, 2) == std::string_view(shown).substr(8, 2) && declared.substr(8, 2) == std::string_view(shown).substr(5, 2)) {
    return {};
  }
  for (size_t from = at + 1, next = 0; from < text.size(); from += next + 1) {
    std::string other = parse_date(std::string_view(text).substr(from), day_first, &next);
    if (other.empty()) break;
    if (other == declared) return {};
  }
  return shown;
}

// Forum member cards print when a member joined ("Joined: Mar 2012", "Founded: Dec 11, 2021") next to
// every post; blanking those dates keeps the text's first date the post's own.
std::string without_member_dates(std::string_view text) {
  static constexpr std::string_view kMarkers[] = {"Joined", "Founded:", "Registered:", "Member since", "Member Since",
                                                 "Beigetreten", "Inscrit le", "Registrado"};
  std::string out(text);
  for (std::string_view marker : kMarkers) {
    for (size_t at = out.find(marker); at != std::string::npos; at = out.find(marker, at + 1)) {
      size_t end = std::min(out.size(), at + marker.size() + 24);
      while (end < out.size() && (static_cast<unsigned char>(out[end]) & 0xC0) == 0x80) ++end;  // whole characters
      std::fill(out.begin() + static_cast<long>(at), out.begin() + static_cast<long>(end), ' ');
    }
  }
  return out;
}

// Whether a profile link's text is the name its address spells ("Jane Doe" -> /author/jane-doe/), so
// "Sign up" or "All authors" links do not count as names.
bool name_in_link(const std::string& name, const std::string& href) {
  std::string low = lower_ascii(name);
  for (const char* joiner : {"-", "", "_", ".", "+", "%20"}) {
    std::string spelled;
    for (char c : low) {
      if (c == ' ') spelled += joiner;
      else spelled.push_back(c);
    }
    if (spelled.size() >= 2 && href.find(spelled) != std::string::npos) return true;
  }
  return false;
}

// Bylines inside a comment section name commenters, not the author.
bool inside_comments(const Node* n) {
  int depth = 0;
  for (const Node* p = n; p && depth < 16; p = p->parent, ++depth) {
    if (!p->is_element()) continue;
    for (std::string_view v : {p->attr(Attr::kClass), p->attr(Attr::kId)}) {
      if (contains_ci(v, "comment") || contains_ci(v, "reply")) return true;
    }
  }
  return false;
}

// The first element under `root` (a few dozen nodes at most) with itemprop=`prop`.
const Node* find_itemprop(const Node* root, std::string_view prop) {
  int seen = 0;
  for (const Node* n = next_in_preorder(root, root); n && seen < 64; n = next_in_preorder(n, root), ++seen) {
    if (n->is_element() && n->attr(Attr::kItemprop) == prop) return n;
  }
  return nullptr;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ',' || s[i] == ';') {
      std::string item = clean(std::string_view(s).substr(start, i - start));
      if (!item.empty() && out.size() < 50) out.push_back(item);
      start = i + 1;
    }
  }
  return out;
}

}  // namespace pith::detail::metadata
