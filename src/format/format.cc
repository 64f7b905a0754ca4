// The output formats, rendered from a Result's blocks: text (one block a line; table cells tab-separated),
// markdown (ATX headings, nested lists, fenced code, quotes, GFM tables with a header separator, text
// escaped while the blocks were built), html (the cleaned content as minimal HTML, text escaped) and json
// (text, optional markdown, metadata, comments, encoding and its source, status and warnings; invalid
// UTF-8 replaced so the output always parses). Covered by tests/format/format_test.cc.
#include <nlohmann/json.hpp>
#include <string>

#include "pith/extract.h"

namespace pith {
namespace {

std::string join_text(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& b : blocks) {
    if (!out.empty()) out.push_back('\n');
    out += b.text;
  }
  if (!out.empty()) out.push_back('\n');
  return out;
}

void escape_html(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
}

std::string table_cells_markdown(const std::string& md) {
  std::string out = "| ";
  out.append(md).append(" |");
  return out;
}

}  // namespace

std::string Result::text() const { return join_text(blocks_); }
std::string Result::comments() const { return join_text(comments_); }

std::string Result::markdown() const {
  std::string out;
  const Block* prev = nullptr;
  for (const Block& b : blocks_) {
    bool tight = prev && ((prev->kind == BlockKind::kListItem && b.kind == BlockKind::kListItem) ||
                          (prev->kind == BlockKind::kTableRow && b.kind == BlockKind::kTableRow && !b.new_table));
    if (prev) out += tight ? "\n" : "\n\n";
    switch (b.kind) {
      case BlockKind::kHeading:
        out.append(std::max<int>(1, b.level), '#').append(" ").append(b.markdown);
        break;
      case BlockKind::kListItem:
        out.append(2 * (std::max<int>(1, b.level) - 1), ' ').append(b.ordered ? "1. " : "- ").append(b.markdown);
        break;
      case BlockKind::kPre:
        out.append("```\n").append(b.text).append("\n```");
        break;
      case BlockKind::kQuote:
        out.append("> ").append(b.markdown);
        break;
      case BlockKind::kTableRow: {
        size_t cells = 1;
        for (char c : b.text) cells += c == '\t';
        out += table_cells_markdown(b.markdown);
        if (b.new_table) {
          out += "\n|";
          for (size_t i = 0; i < cells; ++i) out += " --- |";
        }
        break;
      }
      default:
        out += b.markdown;
    }
    prev = &b;
  }
  if (!out.empty()) out.push_back('\n');
  return out;
}

std::string Result::html() const {
  std::string out = "<article>\n";
  bool in_list = false, in_table = false;
  for (const Block& b : blocks_) {
    if (in_list && b.kind != BlockKind::kListItem) out += "</ul>\n", in_list = false;
    if (in_table && (b.kind != BlockKind::kTableRow || b.new_table)) out += "</table>\n", in_table = false;
    switch (b.kind) {
      case BlockKind::kHeading: {
        char level = static_cast<char>('0' + std::max<int>(1, std::min<int>(6, b.level)));
        out.append("<h").append(1, level).append(">");
        escape_html(out, b.text);
        out.append("</h").append(1, level).append(">\n");
        break;
      }
      case BlockKind::kListItem:
        if (!in_list) out += "<ul>\n", in_list = true;
        out += "<li>";
        escape_html(out, b.text);
        out += "</li>\n";
        break;
      case BlockKind::kPre:
        out += "<pre>";
        escape_html(out, b.text);
        out += "</pre>\n";
        break;
      case BlockKind::kQuote:
        out += "<blockquote><p>";
        escape_html(out, b.text);
        out += "</p></blockquote>\n";
        break;
      case BlockKind::kTableRow: {
        if (!in_table) out += "<table>\n", in_table = true;
        std::string_view open = b.table_header ? "<th>" : "<td>", close = b.table_header ? "</th>" : "</td>";
        out.append("<tr>").append(open);
        for (char c : b.text) {
          if (c == '\t') out.append(close).append(open);
          else escape_html(out, std::string_view(&c, 1));
        }
        out.append(close).append("</tr>\n");
        break;
      }
      default:
        out += "<p>";
        for (char c : b.text) {
          if (c == '\n') out += "<br>";
          else escape_html(out, std::string_view(&c, 1));
        }
        out += "</p>\n";
    }
  }
  if (in_list) out += "</ul>\n";
  if (in_table) out += "</table>\n";
  out += "</article>\n";
  return out;
}

std::string Result::json(bool with_markdown) const {
  nlohmann::ordered_json j;
  j["title"] = meta_.title;
  j["author"] = meta_.author;
  j["date"] = meta_.date;
  j["sitename"] = meta_.sitename;
  j["description"] = meta_.description;
  j["url"] = meta_.url;
  j["language"] = meta_.language;
  j["image"] = meta_.image;
  j["categories"] = meta_.categories;
  j["tags"] = meta_.tags;
  j["text"] = text();
  if (with_markdown) j["markdown"] = markdown();
  if (!comments_.empty()) j["comments"] = comments();
  j["encoding"] = encoding_;
  j["encoding_source"] = encoding_source_;
  nlohmann::ordered_json st;
  st["ok"] = status.ok;
  st["input_truncated"] = status.input_truncated;
  st["parse_limited"] = status.parse_limited;
  st["empty"] = status.empty;
  j["status"] = st;
  j["warnings"] = status.warnings;
  return j.dump(1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string Result::explain() const {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const ExplainedBlock& e : explained_) {
    nlohmann::ordered_json o;
    o["kept"] = e.kept;
    o["rule"] = e.rule;
    o["path"] = e.path;
    o["chars"] = e.chars;
    o["link_chars"] = e.link_chars;
    o["words"] = e.words;
    o["punctuation"] = e.punctuation;
    o["link_density"] = e.link_density;
    o["text_density"] = e.text_density;
    o["score"] = e.score;
    o["text"] = e.text;
    arr.push_back(std::move(o));
  }
  std::string out;
  for (const auto& o : arr) out += o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return out;
}

std::string Result::render(const Options& options) const {
  switch (options.format) {
    case OutputFormat::kMarkdown: return markdown();
    case OutputFormat::kJson: return json(options.markdown_in_json);
    case OutputFormat::kHtml: return html();
    case OutputFormat::kText: break;
  }
  return text();
}

}  // namespace pith
