// JSON-LD for metadata: walks every node of a block (arrays, @graph, nested objects; depth-limited to 8)
// and keeps, from the first article-like node (an *Article, *Posting, Report, Review, Recipe, Product,
// QAPage, ItemPage, VideoObject or WebPage, the last two yielding to any other), its headline (name only
// when headline is missing), datePublished (dateCreated only when missing), dateModified, description,
// image, section, keywords, publisher and authors (names, or @id references resolved through the Person
// nodes of the same page). A block strict JSON rejects only for raw control characters in its strings is
// read with them as spaces; one wrapped in a CDATA section is read inside it. Covered by
// tests/meta/cascade_test.cc.
#include <nlohmann/json.hpp>

#include "meta/meta_internal.h"

namespace pith::detail::metadata {
namespace {

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

// A JSON-LD string as HTML: templates store markup ("<p>..</p>") or plain text whose line breaks part
// paragraphs; plain text is escaped and each line becomes a paragraph.
void append_as_html(const std::string& value, std::string& html) {
  if (value.find('<') != std::string::npos) {
    html += value;
    return;
  }
  size_t start = 0;
  while (start < value.size()) {
    size_t end = value.find('\n', start);
    if (end == std::string::npos) end = value.size();
    html += "<p>";
    for (size_t i = start; i < end; ++i) {
      if (value[i] == '&') html += "&amp;";
      else html += value[i];
    }
    html += "</p>";
    start = end + 1;
  }
}

// A HowTo's text: its description, then the texts of its steps (and of the directions inside them), in order.
void read_howto_steps(const nlohmann::json& howto, JsonLdFields& f) {
  auto steps = howto.find("step");
  if (steps == howto.end() || !steps->is_array() || !f.body.empty()) return;
  auto append_text = [&](const nlohmann::json& item) {
    if (!item.is_object()) return;
    if (auto text = item.find("text"); text != item.end() && text->is_string()) append_as_html(text->get<std::string>(), f.body);
  };
  if (auto intro = howto.find("description"); intro != howto.end() && intro->is_string()) {
    append_as_html(intro->get<std::string>(), f.body);
  }
  for (const auto& step : *steps) {
    if (!step.is_object()) continue;
    append_text(step);
    if (auto items = step.find("itemListElement"); items != step.end()) {
      if (items->is_array()) {
        for (const auto& item : *items) append_text(item);
      } else {
        append_text(*items);
      }
    }
  }
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
  if (type == "DiscussionForumPosting" || type == "QAPage") f.discussion = true;
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
  if (type == "HowTo") read_howto_steps(node, f);
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
  if (auto it = node.find("articleBody"); it != node.end() && it->is_string() && (f.body.empty() || stronger)) {
    f.body.clear();
    append_as_html(it->get<std::string>(), f.body);
  }
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

}  // namespace

void read_jsonld(std::string_view text, JsonLdFields& f) {
  // XHTML-era pages wrap the block in a CDATA section ("<![CDATA[ {...} ]]>", often behind "//" or "/* */"
  // so scripts ignore the markers): the JSON is what lies between the first bracket and the last.
  if (size_t cdata = text.find("<![CDATA["); cdata != std::string_view::npos) {
    size_t open = text.find_first_of("{[", cdata + 9), end = text.rfind("]]>");
    size_t close = end == std::string_view::npos || end <= cdata ? std::string_view::npos : text.find_last_of("}]", end - 1);
    if (open != std::string_view::npos && close != std::string_view::npos && close > open) text = text.substr(open, close - open + 1);
  }
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded()) {
    // Templates print line breaks and tabs raw inside strings ("articleBody": "line one<LF>line two"),
    // which JSON forbids but readers of JSON-LD accept: read them as spaces, the only change tried.
    std::string relaxed(text);
    bool changed = false;
    for (char& c : relaxed) {
      if (static_cast<unsigned char>(c) < 0x20 && c != ' ') c = ' ', changed = true;
    }
    if (changed) j = nlohmann::json::parse(relaxed, nullptr, false);
  }
  if (!j.is_discarded()) visit_jsonld(j, f, 0);
}

}  // namespace pith::detail::metadata
