// HTML serialization (WHATWG "Serializing HTML fragments"): elements with their attributes, void
// elements without end tags, raw-text element contents unescaped, template contents in place of
// children. Iterative, so any depth serializes in constant stack. Covered by tests/html/serialize_test.cc.
#include <string>
#include <vector>

#include "pith/dom.h"

namespace pith {

namespace {

bool is_void(const Node* n) {
  if (n->ns != Namespace::kHtml) return false;
  switch (n->tag) {
    case Tag::kArea: case Tag::kBase: case Tag::kBasefont: case Tag::kBgsound: case Tag::kBr:
    case Tag::kCol: case Tag::kEmbed: case Tag::kFrame: case Tag::kHr: case Tag::kImg: case Tag::kInput:
    case Tag::kKeygen: case Tag::kLink: case Tag::kMeta: case Tag::kParam: case Tag::kSource:
    case Tag::kTrack: case Tag::kWbr:
      return true;
    default:
      return false;
  }
}

// Text inside these is written as is (the parser reads it back as raw text).
bool is_raw_text_parent(const Node* n) {
  if (!n || n->ns != Namespace::kHtml) return false;
  switch (n->tag) {
    case Tag::kStyle: case Tag::kScript: case Tag::kXmp: case Tag::kIframe: case Tag::kNoembed:
    case Tag::kNoframes: case Tag::kPlaintext:
      return true;
    default:
      return false;
  }
}

void escape(std::string& out, std::string_view s, bool attribute_mode) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '"' && attribute_mode) out += "&quot;";
    else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // U+00A0 NO-BREAK SPACE
      out += "&nbsp;";
      ++i;
    } else out += c;
  }
}

void write_attribute(std::string& out, const Attribute& a) {
  out += ' ';
  switch (a.ns) {
    case AttrNamespace::kXml: out += "xml:"; break;
    case AttrNamespace::kXlink: out += "xlink:"; break;
    case AttrNamespace::kXmlns:
      if (a.name != "xmlns") out += "xmlns:";
      break;
    case AttrNamespace::kNone: break;
  }
  out += a.name;
  out += "=\"";
  escape(out, a.value, true);
  out += '"';
}

struct Item {
  const Node* node;
  bool close;  // emit the end tag of node
};

void push_children(std::vector<Item>& stack, const Node* parent) {
  const Node* container = parent->template_contents ? parent->template_contents : parent;
  for (const Node* c = container->last_child; c; c = c->prev_sibling) stack.push_back({c, false});
}

void serialize_into(std::string& out, std::vector<Item>& stack) {
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const Node* n = item.node;
    if (item.close) {
      out += "</";
      out += n->name;
      out += '>';
      continue;
    }
    switch (n->kind) {
      case NodeKind::kElement:
        out += '<';
        out += n->name;
        for (uint32_t i = 0; i < n->attr_count; ++i) write_attribute(out, n->attrs[i]);
        out += '>';
        if (is_void(n)) break;
        stack.push_back({n, true});
        push_children(stack, n);
        break;
      case NodeKind::kText:
        if (is_raw_text_parent(n->parent)) out += n->data;
        else escape(out, n->data, false);
        break;
      case NodeKind::kComment:
        out += "<!--";
        out += n->data;
        out += "-->";
        break;
      case NodeKind::kDoctype:
        out += "<!DOCTYPE ";
        out += n->name;
        out += '>';
        break;
      case NodeKind::kDocument:
      case NodeKind::kFragment:
        push_children(stack, n);
        break;
    }
  }
}

}  // namespace

std::string serialize_children(const Node* node) {
  std::string out;
  std::vector<Item> stack;
  push_children(stack, node);
  serialize_into(out, stack);
  return out;
}

std::string serialize_node(const Node* node) {
  std::string out;
  std::vector<Item> stack{{node, false}};
  serialize_into(out, stack);
  return out;
}

}  // namespace pith
