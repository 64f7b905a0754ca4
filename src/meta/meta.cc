// Metadata extraction: one walk over the document collects <meta> pairs, JSON-LD (jsonld.cc), <title>, the
// <h1>s, the first 10 KB of text (block starts marked) and the text after the first <h1>, <time>s, author
// links and byline-like elements; then each field takes the first usable source of a cascade. Title:
// choose_title (title.cc), an <h1> agreeing with og:title/JSON-LD/<title>, else the declared title without
// its site part. Author: choose_author (author.cc) over JSON-LD persons (@graph references resolved), every
// citation_author / dc.creator, then <meta> author, twitter:label1 "Written by", rel=author, /author/ links
// spelling the name, *author*/*byline* elements outside comments; then, if no person is named, "By X" lines,
// organisation authors and forum member links. Date: JSON-LD datePublished, published-time metas, <time>
// (the printed day when a day off its datetime), the URL path (which also replaces a timestamp one day off
// it), dated elements, a short line under the headline, the 200 bytes of text above it, the text after it
// (or the page's text when it has none; forum member join dates left out), any JSON-LD datePublished, a
// date a word introduces, dateModified last; then the date a short byline line under the headline prints
// replaces a declared one that says otherwise (date_under_headline, page_text.cc), when that first <h1> is
// the page's title and not a logo.
// Covered by tests/meta/*.cc.
#include "meta/meta.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "extract/text_util.h"
#include "meta/meta_internal.h"

namespace pith::detail {

using namespace metadata;

void extract_metadata(const Document& doc, std::string_view page_url, Metadata& meta, PageSignals* signals) {
  meta = Metadata{};
  // Slashed dates ("06/07/2020") are read in the order of the page's language.
  const Node* html_element = doc.html_element();
  const bool day_first = html_element && slashes_day_first(html_element->attr(Attr::kLang));
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
  const Node* first_h1 = nullptr;
  bool past_headline = false;  // a text node after the first <h1>'s own was seen
  std::string below_headline;  // text after the first <h1>'s own, one block a line (the first 600 bytes)
  bool discussion = false;  // a forum engine's generator <meta> or a JSON-LD thread type
  size_t text_before_headline = 0;  // bytes of page_text before the first <h1> (0 past its 10 KB)
  const Node* root = doc.root();
  for (const Node* n = root ? next_in_preorder(root, root) : nullptr; n; n = next_in_preorder(n, root)) {
    // Text right after the headline, where pages print their date ("June 12, 2025"); below_headline
    // leaves the headline's own text out.
    if (n->is_text() && h1_count > 0 && n->parent && !n->parent->is(Tag::kScript) && !n->parent->is(Tag::kStyle)) {
      bool space = true;
      if (near_headline.size() < 1200) {
        append_collapsed(near_headline, n->data, space);
        near_headline.push_back(' ');
      }
      if (!past_headline) {
        bool inside = false;
        for (const Node* up = n->parent; up && !inside; up = up->parent) inside = up == first_h1;
        past_headline = !inside;
      }
      if (past_headline && below_headline.size() < 600) {
        space = true;
        append_collapsed(below_headline, n->data, space);
        below_headline.push_back(' ');
      }
    }
    if (n->is_text() && page_text.size() < 10000 && n->parent && !n->parent->is(Tag::kScript) &&
        !n->parent->is(Tag::kStyle) && !n->parent->is(Tag::kTitle) && !n->parent->is(Tag::kNoscript)) {
      bool space = true;
      append_collapsed(page_text, n->data, space);
      page_text.push_back(' ');
    }
    if (!n->is_element() || n->ns != Namespace::kHtml) continue;
    if (is_block_level(n) && !page_text.empty() && page_text.back() != '\n') page_text.push_back('\n');
    if (is_block_level(n) && !below_headline.empty() && below_headline.back() != '\n') below_headline.push_back('\n');
    switch (n->tag) {
      case Tag::kMeta: {
        std::string_view key = n->attr(Attr::kProperty);
        if (key.empty()) key = n->attr(Attr::kName);
        if (key.empty()) key = n->attr(Attr::kItemprop);
        if (key.empty()) key = n->attr(Attr::kHttpEquiv);
        std::string_view content = n->attr(Attr::kContent);
        if (key.empty() || content.empty()) break;
        if (equals_ci(key, "generator") && forum_engine(content)) discussion = true;
        // RDFa lets one element carry several properties ("dc:title og:title"); Dublin Core is written
        // "dc:title" (RDFa prefix) as often as "DC.title": one key each, "dc." spelled.
        std::string keys = lower_ascii(key);
        for (size_t start = 0, end; start < keys.size(); start = end + 1) {
          end = std::min(keys.find(' ', start), keys.size());
          if (end == start) continue;
          std::string k = keys.substr(start, end - start);
          if (k.compare(0, 3, "dc:") == 0 || k.compare(0, 8, "dcterms:") == 0) k[k.find(':')] = '.';
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
          read_jsonld(text_content(n), ld);
        }
        break;
      case Tag::kTitle:
        if (title_tag.empty()) title_tag = clean_value(collapsed_text(n), false);
        break;
      case Tag::kH1:
        if (h1_count == 0) first_h1 = n;
        if (h1_count == 0) text_before_headline = page_text.size() < 10000 ? page_text.size() : 0;
        if (++h1_count <= 8) h1s.push_back(clean_value(heading_text(n), false));
        break;
      case Tag::kLink:
        if (canonical.empty() && equals_ci(n->attr(Attr::kRel), "canonical")) canonical = n->attr(Attr::kHref);
        break;
      case Tag::kA:
        if (rel_author.empty() && equals_ci(n->attr(Attr::kRel), "author")) rel_author = collapsed_text(n);
        if (author_link.empty() || member_link.empty()) {
          lower_into(names_lower, n->attr(Attr::kHref), {});
          const std::string& href = names_lower;
          // Path segments /author/, /authors/ (to_author) or /members/, /users/, /user/, /u/ (to_member)
          // anywhere in the link: every pattern starts with '/', so only the slashes are tried.
          bool to_author = false, to_member = false;
          for (size_t at = href.find('/'); at != std::string::npos; at = href.find('/', at + 1)) {
            std::string_view rest = std::string_view(href).substr(at);
            to_author |= rest.starts_with("/author/") || rest.starts_with("/authors/");
            to_member |= rest.starts_with("/members/") || rest.starts_with("/users/") || rest.starts_with("/user/") ||
                         rest.starts_with("/u/");
          }
          if ((to_author && author_link.empty()) || (to_member && member_link.empty())) {
            std::string t = clean_author(collapsed_text(n));
            if (plausible_author(t) && t.size() <= 40 && name_in_link(t, href)) (to_author ? author_link : member_link) = t;
          }
        }
        break;
      case Tag::kTime:
        if (time_dates.size() < 12) {
          std::string_view dt = n->attr(Attr::kDatetime);
          std::string d = parse_date(dt.empty() ? collapsed_text(n) : std::string(dt), day_first);
          // A datetime in UTC a day off the printed day: the day the site printed.
          if (std::string shown; !dt.empty() && days_apart(shown = parse_date(collapsed_text(n), day_first), d) == 1) d = shown;
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
          if (short_text(n, 300, t)) ++date_probes, visible_date = parse_date(t, day_first);
        }
        // "author" as a name, not the start of "authority" (Wikipedia's authority-control box) or "authorize".
        auto names_author = [&] {
          for (size_t at = names_lower.find("author"); at != std::string::npos; at = names_lower.find("author", at + 1)) {
            if (names_lower.compare(at + 6, 2, "it") != 0 && names_lower.compare(at + 6, 2, "iz") != 0) return true;
          }
          return false;
        };
        if (probe_author && (itemprop == "author" || names_author() || named("byline")) && !inside_comments(n)) {
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
  discussion |= ld.discussion;
  meta.sitename = first({m("og:site_name"), ld.publisher, m("application-name"), m("twitter:site")});
  if (!meta.sitename.empty() && meta.sitename[0] == '@') meta.sitename.erase(0, 1);
  TitleSources titles{std::move(h1s), m("og:title"), ld.headline, m("twitter:title"),
                      first({m("dc.title"), m("dcterms.title"), m("citation_title"), m("parsely-title")}), title_tag, meta.sitename};
  meta.title = choose_title(titles);
  std::string all_citation_authors;
  for (const std::string& a : citation_authors) {
    if (!all_citation_authors.empty()) all_citation_authors += ", ";
    all_citation_authors += a;
  }
  // Dublin Core and scholarly citation metas name the document's own authors; a bare <meta name=author>
  // as often names whoever built the site.
  std::string meta_author = first({all_citation_authors, m("author"), m("article:author"),
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
    if (publish && !modify && !parse_date(value, day_first).empty() && (other_published.empty() || key < other_published_key)) {
      other_published = value, other_published_key = key;
    }
  }
  std::string meta_date = first({ld.date, m("article:published_time"), m("og:published_time"),
                                 m("datepublished"), m("date"), m("dc.date"), m("dc.date.issued"),
                                 m("citation_publication_date"), m("pubdate"), m("publish-date"),
                                 m("parsely-pub-date"), m("sailthru.date"), m("article.published"),
                                 m("published"), m("publishdate"), m("publish_date"), m("article:published"),
                                 other_published});
  meta.date = parse_date(meta_date, day_first);
  if (meta.date.empty() && !time_dates.empty()) meta.date = time_dates.front();
  meta.url = first({canonical, m("og:url"), std::string(page_url)});
  std::string url_date = date_from_url(meta.url);
  if (url_date.empty() && !page_url.empty()) url_date = date_from_url(page_url);
  // The path's date is the day the site printed; a timestamp a day off is one given in UTC
  // ("2025-12-19T03:05:00+00:00" for /2025/12/18/), so the path wins.
  if (meta.date.empty() || days_apart(meta.date, url_date) == 1) meta.date = url_date;
  if (meta.date.empty()) meta.date = visible_date;
  // A byline's date on a short line under the headline, then a dateline printed just above it ("January 23,
  // 2025" over the <h1>), before a date a sentence after the headline mentions.
  if (meta.date.empty()) meta.date = date_under_headline(below_headline, day_first, {});
  if (meta.date.empty() && text_before_headline > 0) {
    size_t from = text_before_headline > 200 ? text_before_headline - 200 : 0;
    meta.date = parse_date(std::string_view(page_text).substr(from, text_before_headline - from), day_first);
  }
  // Member cards beside forum posts print join dates: not the post's.
  if (meta.date.empty()) near_headline = without_member_dates(near_headline);
  for (size_t at = 0; meta.date.empty() && at < near_headline.size(); at += 300) {
    meta.date = parse_date(std::string_view(near_headline).substr(at, 400), day_first);
  }
  // Pages without a headline (forums, listings): the first date in the page's text.
  if (meta.date.empty() && h1_count == 0) page_text = without_member_dates(page_text);
  for (size_t at = 0; meta.date.empty() && h1_count == 0 && at < page_text.size() && at < 6000; at += 300) {
    meta.date = parse_date(std::string_view(page_text).substr(at, 400), day_first);
  }
  if (meta.date.empty()) meta.date = parse_date(ld.any_date, day_first);
  // A date the text introduces as one ("Posted on the 15/12/2025", "Last updated: November 13, 2025").
  if (meta.date.empty()) meta.date = introduced_date(page_text, day_first);
  std::string modified = parse_date(ld.modified.empty() ? m("article:modified_time") : ld.modified, day_first);
  if (meta.date.empty()) meta.date = modified;
  // The date the byline under the headline prints is the one readers see; a declared date that says
  // otherwise is often a re-stamp (a migration, a republication). Not on a thread (its first post's card
  // may show a reply's date), not when the printed date is the declared modification date, and not a
  // day off the declared one (a timestamp read in another time zone).
  // Only under the page's own headline: a first <h1> that is the site's logo ("Nairaland Forum") has the
  // site's furniture under it (today's date, a login bar), not the byline.
  bool h1_is_headline = !titles.h1s.empty() && word_coverage(titles.h1s.front(), meta.title) >= 0.5;
  if (!discussion && h1_is_headline) {
    std::string shown = date_under_headline(below_headline, day_first, meta.date);
    if (!shown.empty() && shown != modified && days_apart(shown, meta.date) != 1) meta.date = shown;
  }
  // <meta name=description> first: og:description is more often cut short ("The de").
  meta.description = first({m("description"), m("og:description"), ld.description, m("twitter:description")});
  meta.image = first({m("og:image"), m("twitter:image"), ld.image});
  if (const Node* html = doc.html_element()) meta.language = std::string(html->attr(Attr::kLang));
  if (meta.language.empty()) meta.language = first({m("content-language"), m("og:locale"), m("language")});
  for (const std::string& s : split_list(first({m("article:section"), ld.section}))) meta.categories.push_back(s);
  for (const std::string& s : split_list(first({m("article:tag"), m("keywords"), m("news_keywords"), ld.keywords}))) {
    meta.tags.push_back(s);
  }
  if (signals && discussion) signals->discussion_thread = true;
  if (signals) signals->structured_body = std::move(ld.body);
}

}  // namespace pith::detail
