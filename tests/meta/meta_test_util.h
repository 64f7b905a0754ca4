// Shared by the metadata tests: metadata of an inline page.
#pragma once

#include <string_view>

#include "meta/meta.h"
#include "pith/html.h"

inline pith::Metadata metadata_of(std::string_view html, std::string_view url = "") {
  pith::HtmlParser parser;
  pith::Document& doc = parser.parse(html);
  pith::Metadata m;
  pith::detail::extract_metadata(doc, url, m);
  return m;
}
