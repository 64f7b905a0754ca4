// Page metadata (pith::detail, internal): title, author, date, site name, description, canonical URL,
// language, categories, tags and main image from JSON-LD, OpenGraph/Twitter/Dublin Core <meta>, <title>,
// headings, rel=author, bylines, <time>, the URL and visible dates. Thread-safe (no shared state).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pith/dom.h"
#include "pith/extract.h"

namespace pith::detail {

// What the metadata walk learns about the kind of page, for the extractor.
struct PageSignals {
  // The page is a discussion thread: it declares a schema.org DiscussionForumPosting or QAPage in
  // JSON-LD, or a forum engine names itself in <meta name=generator>. Its replies are its content.
  bool discussion_thread = false;
  // The article's text as the page's JSON-LD states it (articleBody, a HowTo's steps), as HTML; empty
  // when none is declared. Script-rendered pages carry their text only there.
  std::string structured_body;
};

void extract_metadata(const Document& doc, std::string_view page_url, Metadata& meta, PageSignals* signals = nullptr);

// The first date written in `text` in one of many languages' formats ("June 24, 2020", "24.06.2020",
// "2020.06.24", "2020. 6. 24.", "2020년 6월 24일", "2020年6月24日", ISO 8601), as YYYY-MM-DD; empty when
// none is found. A slashed date whose first two numbers could both be the month ("06/07/2020") is read
// month-first (US) unless `slashes_day_first` (pages in languages that write the day first). `position`,
// when given, receives the byte offset where the date starts (npos when none is found).
std::string parse_date(std::string_view text, bool slashes_day_first = false, size_t* position = nullptr);
// Whether pages in language `lang` (a BCP 47 tag, e.g. <html lang>) write slashed dates day first:
// every language but English, and en-GB/AU/NZ/IE/IN/ZA.
bool slashes_day_first(std::string_view lang);
// A /2020/06/24/-style (or /20200624/, /2020-06-24/) date in a URL path, as YYYY-MM-DD.
std::string date_from_url(std::string_view url);
// Whole days between two YYYY-MM-DD dates (either order); -1 when one is not such a date.
int days_apart(std::string_view a, std::string_view b);
// "Name | Site" -> "Name": the title without a site suffix or prefix (using `sitename` when known).
std::string strip_site_from_title(std::string_view title, std::string_view sitename);

// Lower-cased (ASCII), curly quotes and dashes folded to ASCII, white space collapsed.
std::string fold_for_match(std::string_view s);
// The words of a title: letters/digits runs, each CJK character one word, lower-cased (ASCII).
std::vector<std::string> title_words(std::string_view s);
// Share of `part`'s words that occur in `whole` (0 when either has none).
double word_coverage(std::string_view part, std::string_view whole);

// Where a title can come from; choose_title() prefers a heading that agrees with the declared titles.
// A byline cut to the name ("Written byDan Smith - June 3, 2021" -> "Dan Smith"); see author.cc.
std::string clean_author(std::string_view byline);
// Whether a cleaned value can be a name (not empty, a URL, an e-mail, a number or a placeholder).
bool plausible_author(std::string_view name);
// The first plausible cleaned candidate that is not the site's own name (that only when none is).
std::string choose_author(const std::vector<std::string>& candidates, std::string_view sitename);
// A byline printed in running text: "By Jane Doe", "Von Anna Muster", "김지연 기자", "文/王小明".
std::string byline_from_text(std::string_view text);

struct TitleSources {
  std::vector<std::string> h1s;  // document order, the first few
  std::string og, jsonld, twitter, dc, title_tag, sitename;
};
std::string choose_title(const TitleSources& sources);

// The language of `text` when its script alone tells it (Hangul -> ko, kana -> ja, Han -> zh, Thai,
// Greek, Hebrew, Armenian, Georgian); empty otherwise.
std::string language_from_script(std::string_view text);

}  // namespace pith::detail
