// Helpers shared by the metadata sources (pith::detail::metadata, internal to src/meta): text of DOM
// nodes, value cleanup, and the JSON-LD reader. See meta.cc for how the fields are chosen.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/ascii.h"
#include "pith/dom.h"

namespace pith::detail::metadata {

// `a` and `b` (joined by a space when `b` is not empty), lower-cased (ASCII) into `buf`, reusing its storage.
void lower_into(std::string& buf, std::string_view a, std::string_view b);
bool equals_ci(std::string_view a, std::string_view lower_b);
// White space collapsed and trimmed.
std::string clean(std::string_view s);
std::string collapsed_text(const Node* n);
// A heading's text as displayed (see page_text.cc).
std::string heading_text(const Node* root);
// The element's collapsed text when it stays under `limit` bytes; false for a larger container.
bool short_text(const Node* root, size_t limit, std::string& out);
// Character references decoded (twice-escaped too) and, with `strip_tags`, tags dropped from an attribute
// or JSON-LD value; white space collapsed. Text of the DOM goes through it without `strip_tags` (a heading
// can be about "<div>"), so that a twice-escaped "&amp;#x26;" does not reach the output as "&#x26;".
std::string clean_value(std::string_view raw, bool strip_tags = true);
// "Roy, Aniruddha" -> "Aniruddha Roy".
std::string first_last(const std::string& name);
// Whether a <meta name=generator> value names a forum engine (vBulletin, phpBB, Discourse, XenForo, ...).
bool forum_engine(std::string_view generator);
// The first date a word ("Posted", "Published", "发布", ...) introduces in `text`.
std::string introduced_date(std::string_view text, bool day_first);
// The date printed on a short line of `below` (the text under the headline, one block a line) unless a
// label marks it as an update or a last post, or the page shows `declared` (YYYY-MM-DD) there too or
// in the other day/month order; empty otherwise.
std::string date_under_headline(std::string_view below, bool day_first, std::string_view declared);
// `text` with forum member-card dates ("Joined: Mar 2012", "Founded: Dec 11, 2021") blanked.
std::string without_member_dates(std::string_view text);
// Whether a profile link's address spells the name ("Jane Doe" -> /author/jane-doe/).
bool name_in_link(const std::string& name, const std::string& href);
bool inside_comments(const Node* n);
const Node* find_itemprop(const Node* root, std::string_view prop);
// "a, b; c" -> {"a", "b", "c"} (at most 50).
std::vector<std::string> split_list(const std::string& s);

struct JsonLdFields {
  std::string headline, author, date, modified, publisher, description, image, section, keywords, type;
  std::string any_date;  // datePublished of a node of any type (a forum post, a video, an event)
  bool author_is_org = false;
  bool discussion = false;  // a node of type DiscussionForumPosting or QAPage
  std::string body;         // the article's text as HTML: articleBody of an article-like node, HowTo steps
  std::vector<std::string> author_refs;                  // @id of authors given by reference only
  std::unordered_map<std::string, std::string> people;   // @id -> name of every Person in the blocks
};

// Merges one JSON-LD block (text of a <script type=application/ld+json>) into `f`; invalid JSON is ignored.
void read_jsonld(std::string_view text, JsonLdFields& f);

}  // namespace pith::detail::metadata
