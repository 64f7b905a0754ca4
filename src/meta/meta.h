// Page metadata (pith::detail, internal): title, author, date, site name, description, canonical URL,
// language, categories, tags and main image from JSON-LD, OpenGraph/Twitter/Dublin Core <meta>, <title>,
// headings, rel=author, bylines, <time>, the URL and visible dates. Thread-safe (no shared state).
#pragma once

#include <string>
#include <string_view>

#include "pith/dom.h"
#include "pith/extract.h"

namespace pith::detail {

void extract_metadata(const Document& doc, std::string_view page_url, Metadata& meta);

// A date written in one of many languages' formats ("June 24, 2020", "24.06.2020", "2020.06.24",
// "2020년 6월 24일", "2020年6月24日", ISO 8601), as YYYY-MM-DD; empty when none is found. With `anywhere`
// the first date inside the text counts; otherwise the text must be the date (surrounding words allowed).
std::string parse_date(std::string_view text, bool anywhere = true);
// A /2020/06/24/-style (or /20200624/, /2020-06-24/) date in a URL path, as YYYY-MM-DD.
std::string date_from_url(std::string_view url);
// "Name | Site" -> "Name": the title without a site suffix or prefix (using `sitename` when known).
std::string strip_site_from_title(std::string_view title, std::string_view sitename);

// The language of `text` when its script alone tells it (Hangul -> ko, kana -> ja, Han -> zh, Thai,
// Greek, Hebrew, Armenian, Georgian); empty otherwise.
std::string language_from_script(std::string_view text);

}  // namespace pith::detail
