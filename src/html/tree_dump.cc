// Tree dump in the html5lib test format (see tree_dump.h). Iterative, so trees of any depth dump in
// constant stack. Covered by tests/html/tree_conformance_test.cc.
#include "html/tree_dump.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace pith::detail {

namespace {

std::string_view namespace_prefix(Namespace ns) {
  switch (ns) {
    case Namespace::kSvg: return "svg ";
    case Namespace::kMathMl: return "math ";
    case Namespace::kHtml: break;
  }
  return "";
}

std::string_view attr_prefix(AttrNamespace ns) {
  switch (ns) {
    case AttrNamespace::kXlink: return "xlink ";
    case AttrNamespace::kXml: return "xml ";
    case AttrNamespace::kXmlns: return "xmlns ";
    case AttrNamespace::kNone: break;
  }
  return "";
}

void start_line(std::string& out, size_t depth) {
  out += "| ";
  out.append(depth * 2, ' ');
}

void dump_attributes(std::string& out, const Node* element, size_t depth) {
  std::vector<std::pair<std::string, std::string_view>> attrs;
  for (uint32_t i = 0; i < element->attr_count; ++i) {
    const Attribute& a = element->attrs[i];
    attrs.emplace_back(std::string(attr_prefix(a.ns)) + std::string(a.name), a.value);
  }
  std::sort(attrs.begin(), attrs.end());
  for (const auto& [name, value] : attrs) {
    start_line(out, depth);
    out += name;
    out += "=\"";
    out += value;
    out += "\"\n";
  }
}

// A marker in the work stack for the "content" line of a template.
struct Item {
  const Node* node;
  size_t depth;
  bool template_content_label;
};

}  // namespace

std::string dump_tree(const Document& document) {
  const Node* root = document.root();
  std::string out;
  std::vector<Item> stack;
  auto push_children = [&stack](const Node* parent, size_t depth) {
    for (const Node* c = parent->last_child; c; c = c->prev_sibling) stack.push_back({c, depth, false});
  };
  push_children(root, 0);
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const Node* n = item.node;
    start_line(out, item.depth);
    if (item.template_content_label) {
      out += "content\n";
      push_children(n->template_contents, item.depth + 1);
      continue;
    }
    switch (n->kind) {
      case NodeKind::kDoctype: {
        out += "<!DOCTYPE ";
        out += n->name;
        if (!document.doctype_public_id.empty() || !document.doctype_system_id.empty()) {
          out += " \"";
          out += document.doctype_public_id;
          out += "\" \"";
          out += document.doctype_system_id;
          out += '"';
        }
        out += ">\n";
        break;
      }
      case NodeKind::kElement:
        out += '<';
        out += namespace_prefix(n->ns);
        out += n->name;
        out += ">\n";
        dump_attributes(out, n, item.depth + 1);
        push_children(n, item.depth + 1);
        if (n->template_contents) stack.push_back({n, item.depth + 1, true});
        break;
      case NodeKind::kText:
        out += '"';
        out += n->data;
        out += "\"\n";
        break;
      case NodeKind::kComment:
        out += "<!-- ";
        out += n->data;
        out += " -->\n";
        break;
      case NodeKind::kDocument:
      case NodeKind::kFragment:
        push_children(n, item.depth);
        break;
    }
  }
  return out;
}

}  // namespace pith::detail
