// Metadata extraction: one walk over the document collects <meta> pairs, JSON-LD blocks, <title>, the
// first <h1>, rel=author links, <time> elements and byline-like elements; then each field takes the
// first source of an ordered cascade. Title: the page's <h1> when the <title>/og:title contain it (the
// headline as written on the page), else og:title / JSON-LD headline / twitter:title, else <title> without
// its site suffix. Author: JSON-LD, <meta name=author> (not URLs), rel=author, byline elements ("By X").
// Date: JSON-LD datePublished, article:published_time and similar metas, <time datetime>, the URL path,
// then visible dates near the top of the page. Covered by tests/meta/meta_test.cc.
#include "meta/meta.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "extract/text_util.h"

namespace pith::detail {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Whether `hay` contains `needle` (lower-case ASCII) ignoring ASCII case, without copying `hay`.
bool contains_ci(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size()) {
      char c = hay[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      if (c != needle[k]) break;
      ++k;
    }
    if (k == needle.size()) return true;
  }
  return false;
}

// `a` and `b` (joined by a space when `b` is not empty), lower-cased (ASCII) into `buf`, reusing its storage.
void lower_into(std::string& buf, std::string_view a, std::string_view b) {
  buf.resize(a.size() + (b.empty() ? 0 : b.size() + 1));
  char* out = buf.data();
  auto copy = [&](std::string_view v) {
    for (char c : v) *out++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  };
  copy(a);
  if (!b.empty()) *out++ = ' ', copy(b);
}

bool equals_ci(std::string_view a, std::string_view lower_b) {
  return a.size() == lower_b.size() && contains_ci(a, lower_b);
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

// Attribute and JSON-LD values are often escaped twice ("&amp;#8217;") or carry markup ("<p>..."): decode
// what is left of character references and drop tags, so no field shows debris.
std::string clean_value(std::string_view raw) {
  std::string out;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '<' && i + 1 < raw.size() && (std::isalpha(static_cast<unsigned char>(raw[i + 1])) || raw[i + 1] == '/')) {
      size_t close = raw.find('>', i);
      if (close != std::string_view::npos) {
        out.push_back(' ');
        i = close;
        continue;
      }
    }
    if (c == '&') {
      size_t semi = raw.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        std::string_view ref = raw.substr(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (ref == "amp") cp = '&';
        else if (ref == "nbsp") cp = ' ';
        else if (ref == "quot") cp = '"';
        else if (ref == "apos") cp = '\'';
        else if (ref == "lt") cp = '<';
        else if (ref == "gt") cp = '>';
        else if (ref.size() > 1 && ref[0] == '#') {
          bool hex = ref[1] == 'x' || ref[1] == 'X';
          std::string digits(ref.substr(hex ? 2 : 1));
          if (!digits.empty() && digits.size() <= 6 &&
              digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") == std::string::npos) {
            cp = static_cast<char32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
          }
        }
        if (cp != 0 && cp < 0x110000 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
          append_utf8(out, cp);
          i = semi;
          continue;
        }
      }
    }
    out.push_back(c);
  }
  // "&amp;#8217;" decodes in two rounds.
  if (out.find('&') != std::string::npos && out != raw) return clean_value(out);
  return clean(out);
}

struct JsonLdFields {
  std::string headline, author, date, modified, publisher, description, image, section, keywords, type;
  std::string any_date;  // datePublished of a node of any type (a forum post, a video, an event)
  bool author_is_org = false;
  std::vector<std::string> author_refs;                  // @id of authors given by reference only
  std::unordered_map<std::string, std::string> people;   // @id -> name of every Person in the blocks
};

std::string json_string(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    for (const char* key : {"name", "url", "@id"}) {
      auto it = v.find(key);
      if (it != v.end() && it->is_string()) return it->get<std::string>();
    }
  }
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v) {
      std::string s = json_string(e);
      if (s.empty()) continue;
      if (!out.empty()) out += ", ";
      out += s;
    }
    return out;
  }
  return {};
}

bool is_article_type(const std::string& t) {
  return t.find("Article") != std::string::npos || t.find("Posting") != std::string::npos ||
         t == "Report" || t == "Review" || t == "Recipe" || t == "Product" || t == "QAPage" ||
         t == "DiscussionForumPosting" || t == "WebPage" || t == "ItemPage" || t == "VideoObject";
}

void visit_jsonld(const nlohmann::json& node, JsonLdFields& f, int depth) {
  if (depth > 8) return;
  if (node.is_array()) {
    for (const auto& e : node) visit_jsonld(e, f, depth + 1);
    return;
  }
  if (!node.is_object()) return;
  if (auto g = node.find("@graph"); g != node.end()) visit_jsonld(*g, f, depth + 1);
  std::string type = node.contains("@type") ? json_string(node["@type"]) : "";
  if (type.find("Person") != std::string::npos) {
    auto id = node.find("@id");
    auto name = node.find("name");
    if (id != node.end() && id->is_string() && name != node.end() && name->is_string() && f.people.size() < 64) {
      f.people.emplace(id->get<std::string>(), clean_value(name->get<std::string>()));
    }
  }
  if (auto it = node.find("datePublished"); it != node.end() && it->is_string() && f.any_date.empty()) {
    f.any_date = it->get<std::string>();
  }
  if (!is_article_type(type)) return;
  // A page's own article beats a WebPage wrapper and an embedded video's object.
  auto weak = [](const std::string& t) { return t == "WebPage" || t == "VideoObject"; };
  bool stronger = f.type.empty() || (weak(f.type) && !weak(type));
  auto take = [&](std::string& field, const char* key) {
    auto it = node.find(key);
    if (it == node.end()) return;
    std::string v = json_string(*it);
    if (!v.empty() && (field.empty() || stronger)) field = clean_value(v);
  };
  // Within one node the first key present wins: "name" only stands in for a missing "headline",
  // "dateCreated" for a missing "datePublished".
  take(f.headline, node.contains("headline") ? "headline" : type != "WebPage" ? "name" : "");
  take(f.date, node.contains("datePublished") ? "datePublished" : "dateCreated");
  take(f.modified, "dateModified");
  take(f.description, "description");
  take(f.image, "image");
  take(f.section, "articleSection");
  take(f.keywords, "keywords");
  if (auto it = node.find("author"); it != node.end() && (f.author.empty() || stronger)) {
    // Names of the authors; objects without a name are kept as @id references, resolved later.
    std::vector<std::string> names, refs;
    bool org = false;
    auto add = [&](const nlohmann::json& a) {
      if (a.is_string()) {
        names.push_back(a.get<std::string>());
      } else if (a.is_object()) {
        std::string t = a.contains("@type") ? json_string(a["@type"]) : "";
        org |= t.find("Organization") != std::string::npos;
        if (auto n = a.find("name"); n != a.end() && n->is_string()) names.push_back(n->get<std::string>());
        else if (auto id = a.find("@id"); id != a.end() && id->is_string()) refs.push_back(id->get<std::string>());
      }
    };
    if (it->is_array()) {
      for (const auto& a : *it) add(a);
    } else {
      add(*it);
    }
    std::string joined;
    for (const std::string& n : names) {
      std::string c = clean_value(n);
      if (c.empty() || c.find("://") != std::string::npos) continue;
      if (!joined.empty()) joined += ", ";
      joined += c;
    }
    if (!joined.empty() || !refs.empty()) f.author = joined, f.author_refs = refs, f.author_is_org = org;
  }
  if (auto it = node.find("publisher"); it != node.end() && f.publisher.empty()) f.publisher = clean_value(json_string(*it));
  if (stronger) f.type = type;
}

// "Roy, Aniruddha" (citation order) -> "Aniruddha Roy"; other values unchanged.
std::string first_last(const std::string& name) {
  size_t comma = name.find(", ");
  if (comma == std::string::npos || name.find(',', comma + 1) != std::string::npos) return name;
  std::string_view last = std::string_view(name).substr(0, comma), given = std::string_view(name).substr(comma + 2);
  if (last.empty() || given.empty() || count_text(last).words > 3 || count_text(given).words > 3) return name;
  return std::string(given) + " " + std::string(last);
}

// The first date right after a word that introduces one, in several languages.
std::string introduced_date(std::string_view text) {
  static constexpr std::string_view kIntroducers[] = {
      "Published", "published", "Posted", "posted", "Updated", "updated", "Date:", "Dated",
      "Ver\xc3\xb6" "ffentlicht", "Publi\xc3\xa9", "Publicado", "Pubblicato", "Gepubliceerd",
      "\xe5\x8f\x91\xe5\xb8\x83", "\xe7\x99\xbc\xe5\xb8\x83", "\xec\x9e\x85\xeb\xa0\xa5",
      "\xe6\x8a\x95\xe7\xa8\xbf"};  // 发布 發布 입력 投稿
  size_t best = std::string_view::npos;
  std::string date;
  for (std::string_view word : kIntroducers) {
    for (size_t at = text.find(word); at != std::string_view::npos && at < best; at = text.find(word, at + 1)) {
      std::string d = parse_date(text.substr(at + word.size(), 60));
      if (!d.empty()) {
        best = at, date = d;
        break;
      }
    }
  }
  return date;
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

}  // namespace

void extract_metadata(const Document& doc, std::string_view page_url, Metadata& meta) {
  meta = Metadata{};
  std::unordered_map<std::string, std::string> metas;  // lower-case name/property -> first content
  JsonLdFields ld;
  std::vector<std::string> h1s;
  std::vector<std::string> citation_authors;  // every citation_author (or dc.creator), "First Last"
  std::vector<std::string> author_elements;  // itemprop=author, class/id *author*/*byline*, in order
  std::string author_link, member_link, page_text;
  std::string names_lower;  // class and id of the current element, lower-cased (buffer reused)
  std::vector<std::string> time_dates;  // <time datetime> (or its text) in document order, the first few
  std::string rel_author, canonical, title_tag;
  std::string visible_date, near_headline;
  int h1_count = 0, date_probes = 0;
  const Node* root = doc.root();
  for (const Node* n = root ? next_in_preorder(root, root) : nullptr; n; n = next_in_preorder(n, root)) {
    // Text right after the headline, where pages print their date ("June 12, 2025").
    if (n->is_text() && h1_count > 0 && near_headline.size() < 1200 && n->parent &&
        !n->parent->is(Tag::kScript) && !n->parent->is(Tag::kStyle)) {
      bool space = true;
      append_collapsed(near_headline, n->data, space);
      near_headline.push_back(' ');
    }
    if (n->is_text() && page_text.size() < 10000 && n->parent && !n->parent->is(Tag::kScript) &&
        !n->parent->is(Tag::kStyle) && !n->parent->is(Tag::kTitle) && !n->parent->is(Tag::kNoscript)) {
      bool space = true;
      append_collapsed(page_text, n->data, space);
      page_text.push_back(' ');
    }
    if (!n->is_element() || n->ns != Namespace::kHtml) continue;
    if (is_block_level(n) && !page_text.empty() && page_text.back() != '\n') page_text.push_back('\n');
    switch (n->tag) {
      case Tag::kMeta: {
        std::string_view key = n->attr(Attr::kProperty);
        if (key.empty()) key = n->attr(Attr::kName);
        if (key.empty()) key = n->attr(Attr::kItemprop);
        if (key.empty()) key = n->attr(Attr::kHttpEquiv);
        std::string_view content = n->attr(Attr::kContent);
        if (!key.empty() && !content.empty()) {
          std::string k = lower_ascii(key);
          // Scholarly pages name every author in its own citation_author / dc.creator.
          if ((k == "citation_author" || k == "dc.creator") && citation_authors.size() < 50) {
            citation_authors.push_back(first_last(clean_value(content)));
          }
          metas.emplace(std::move(k), clean_value(content));
        }
        break;
      }
      case Tag::kScript:
        if (equals_ci(n->attr(Attr::kType), "application/ld+json")) {
          auto j = nlohmann::json::parse(text_content(n), nullptr, false);
          if (!j.is_discarded()) visit_jsonld(j, ld, 0);
        }
        break;
      case Tag::kTitle:
        if (title_tag.empty()) title_tag = collapsed_text(n);
        break;
      case Tag::kH1:
        if (++h1_count <= 8) h1s.push_back(heading_text(n));
        break;
      case Tag::kLink:
        if (canonical.empty() && equals_ci(n->attr(Attr::kRel), "canonical")) canonical = n->attr(Attr::kHref);
        break;
      case Tag::kA:
        if (rel_author.empty() && equals_ci(n->attr(Attr::kRel), "author")) rel_author = collapsed_text(n);
        if (author_link.empty() || member_link.empty()) {
          lower_into(names_lower, n->attr(Attr::kHref), {});
          const std::string& href = names_lower;
          bool to_author = href.find("/author/") != std::string::npos || href.find("/authors/") != std::string::npos;
          bool to_member = href.find("/members/") != std::string::npos || href.find("/users/") != std::string::npos ||
                           href.find("/user/") != std::string::npos || href.find("/u/") != std::string::npos;
          if ((to_author && author_link.empty()) || (to_member && member_link.empty())) {
            std::string t = clean_author(collapsed_text(n));
            if (plausible_author(t) && t.size() <= 40 && name_in_link(t, href)) (to_author ? author_link : member_link) = t;
          }
        }
        break;
      case Tag::kTime:
        if (time_dates.size() < 12) {
          std::string_view dt = n->attr(Attr::kDatetime);
          std::string d = parse_date(dt.empty() ? collapsed_text(n) : std::string(dt));
          if (!d.empty()) time_dates.push_back(d);
        }
        break;
      default:
      {
        bool probe_date = visible_date.empty() && date_probes < 20;
        bool probe_author = author_elements.size() < 8 && !n->is(Tag::kStyle) && !n->is(Tag::kScript) &&
                            !n->is(Tag::kTemplate);
        if (!probe_date && !probe_author) break;
        std::string_view itemprop = n->attr(Attr::kItemprop);
        std::string_view cls_attr = n->attr(Attr::kClass), id_attr = n->attr(Attr::kId);
        if (cls_attr.empty() && id_attr.empty() && itemprop.empty()) break;
        lower_into(names_lower, cls_attr, id_attr);
        auto named = [&](std::string_view word) { return names_lower.find(word) != std::string::npos; };
        std::string t;
        if (probe_date && (named("date") || named("time") || named("publish") || named("posted") ||
                           named("byline") || named("info") || named("meta"))) {
          if (short_text(n, 300, t)) ++date_probes, visible_date = parse_date(t);
        }
        if (probe_author && (itemprop == "author" || named("author") || named("byline")) && !inside_comments(n)) {
          const Node* name = itemprop == "author" ? find_itemprop(n, "name") : nullptr;
          if (short_text(name ? name : n, 400, t)) author_elements.push_back(t);
        }
      }
        break;
    }
  }
  auto m = [&](const char* key) -> std::string {
    auto it = metas.find(key);
    return it == metas.end() ? std::string() : it->second;
  };
  auto first = [](std::initializer_list<std::string> xs) {
    for (const auto& x : xs) {
      if (!x.empty()) return x;
    }
    return std::string();
  };
  meta.sitename = first({m("og:site_name"), ld.publisher, m("application-name"), m("twitter:site")});
  if (!meta.sitename.empty() && meta.sitename[0] == '@') meta.sitename.erase(0, 1);
  TitleSources titles{std::move(h1s), m("og:title"), ld.headline, m("twitter:title"),
                      first({m("dc.title"), m("citation_title")}), title_tag, meta.sitename};
  meta.title = choose_title(titles);
  std::string all_citation_authors;
  for (const std::string& a : citation_authors) {
    if (!all_citation_authors.empty()) all_citation_authors += ", ";
    all_citation_authors += a;
  }
  std::string meta_author = first({m("author"), m("article:author"), all_citation_authors,
                                   m("parsely-author"), m("sailthru.author"), m("byl")});
  std::string label = lower_ascii(m("twitter:label1"));
  std::string twitter_author = label == "written by" || label == "author" || label == "by" ? m("twitter:data1") : "";
  std::string ld_author = ld.author;
  for (const std::string& ref : ld.author_refs) {
    auto it = ld.people.find(ref);
    if (it == ld.people.end()) continue;
    if (!ld_author.empty()) ld_author += ", ";
    ld_author += it->second;
  }
  std::vector<std::string> candidates;  // in order of trust
  if (!ld.author_is_org) candidates.push_back(ld_author);
  candidates.push_back(meta_author);
  candidates.push_back(twitter_author);
  candidates.push_back(rel_author);
  candidates.push_back(author_link);
  for (const std::string& e : author_elements) candidates.push_back(e);
  meta.author = choose_author(candidates, meta.sitename);
  // Bylines in running text and the weaker sources only when no person is named yet (scanning text costs).
  if (meta.author.empty() || title_words(meta.author) == title_words(meta.sitename)) {
    candidates.push_back(byline_from_text(near_headline));
    candidates.push_back(byline_from_text(page_text));
    if (ld.author_is_org) candidates.push_back(ld_author);
    candidates.push_back(member_link);
    meta.author = choose_author(candidates, meta.sitename);
  }
  // Any other <meta> naming a publication date ("published-date", "w-published-date"), first by name.
  std::string other_published, other_published_key;
  for (const auto& [key, value] : metas) {
    bool publish = key.find("publish") != std::string::npos || key.find("pubdate") != std::string::npos;
    bool modify = key.find("modif") != std::string::npos || key.find("updat") != std::string::npos;
    if (publish && !modify && !parse_date(value).empty() && (other_published.empty() || key < other_published_key)) {
      other_published = value, other_published_key = key;
    }
  }
  std::string meta_date = first({ld.date, m("article:published_time"), m("og:published_time"),
                                 m("datepublished"), m("date"), m("dc.date"), m("dc.date.issued"),
                                 m("citation_publication_date"), m("pubdate"), m("publish-date"),
                                 m("parsely-pub-date"), m("sailthru.date"), m("article.published"),
                                 m("published"), m("publishdate"), m("publish_date"), m("article:published"),
                                 other_published});
  meta.date = parse_date(meta_date);
  if (meta.date.empty() && !time_dates.empty()) meta.date = time_dates.front();
  meta.url = first({canonical, m("og:url"), std::string(page_url)});
  if (meta.date.empty()) meta.date = date_from_url(meta.url);
  if (meta.date.empty() && !page_url.empty()) meta.date = date_from_url(page_url);
  if (meta.date.empty()) meta.date = visible_date;
  for (size_t at = 0; meta.date.empty() && at < near_headline.size(); at += 300) {
    meta.date = parse_date(std::string_view(near_headline).substr(at, 400));
  }
  // Pages without a headline (forums, listings): the first date in the page's text.
  for (size_t at = 0; meta.date.empty() && h1_count == 0 && at < page_text.size() && at < 6000; at += 300) {
    meta.date = parse_date(std::string_view(page_text).substr(at, 400));
  }
  if (meta.date.empty()) meta.date = parse_date(ld.any_date);
  // A date the text introduces as one ("Posted on the 15/12/2025", "Last updated: November 13, 2025").
  if (meta.date.empty()) meta.date = introduced_date(page_text);
  if (meta.date.empty()) meta.date = parse_date(ld.modified.empty() ? m("article:modified_time") : ld.modified);
  // <meta name=description> first: og:description is more often cut short ("The de").
  meta.description = first({m("description"), m("og:description"), ld.description, m("twitter:description")});
  meta.image = first({m("og:image"), m("twitter:image"), ld.image});
  if (const Node* html = doc.html_element()) meta.language = std::string(html->attr(Attr::kLang));
  if (meta.language.empty()) meta.language = first({m("content-language"), m("og:locale"), m("language")});
  for (const std::string& s : split_list(first({m("article:section"), ld.section}))) meta.categories.push_back(s);
  for (const std::string& s : split_list(first({m("article:tag"), m("keywords"), m("news_keywords"), ld.keywords}))) {
    meta.tags.push_back(s);
  }
}

}  // namespace pith::detail
