// Foreign content (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inforeign): SVG and
// MathML elements, the breakout of HTML start tags, integration points, and the name adjustments (SVG tag
// names such as foreignObject, SVG and MathML attribute names, xlink:/xml:/xmlns attributes with their
// namespaces). Covered by html5lib svg.dat, math.dat, foreign-fragment.dat, tests*.dat and parser_test.cc.
#include <array>
#include <cstring>
#include <string>
#include <utility>

#include "base/arena.h"
#include "html/tree_builder.h"

namespace pith::detail {

namespace {

using NamePair = std::pair<std::string_view, std::string_view>;

constexpr std::array<NamePair, 37> kSvgTagNames{{
    {"altglyph", "altGlyph"},
    {"altglyphdef", "altGlyphDef"},
    {"altglyphitem", "altGlyphItem"},
    {"animatecolor", "animateColor"},
    {"animatemotion", "animateMotion"},
    {"animatetransform", "animateTransform"},
    {"clippath", "clipPath"},
    {"feblend", "feBlend"},
    {"fecolormatrix", "feColorMatrix"},
    {"fecomponenttransfer", "feComponentTransfer"},
    {"fecomposite", "feComposite"},
    {"feconvolvematrix", "feConvolveMatrix"},
    {"fediffuselighting", "feDiffuseLighting"},
    {"fedisplacementmap", "feDisplacementMap"},
    {"fedistantlight", "feDistantLight"},
    {"fedropshadow", "feDropShadow"},
    {"feflood", "feFlood"},
    {"fefunca", "feFuncA"},
    {"fefuncb", "feFuncB"},
    {"fefuncg", "feFuncG"},
    {"fefuncr", "feFuncR"},
    {"fegaussianblur", "feGaussianBlur"},
    {"feimage", "feImage"},
    {"femerge", "feMerge"},
    {"femergenode", "feMergeNode"},
    {"femorphology", "feMorphology"},
    {"feoffset", "feOffset"},
    {"fepointlight", "fePointLight"},
    {"fespecularlighting", "feSpecularLighting"},
    {"fespotlight", "feSpotLight"},
    {"fetile", "feTile"},
    {"feturbulence", "feTurbulence"},
    {"foreignobject", "foreignObject"},
    {"glyphref", "glyphRef"},
    {"lineargradient", "linearGradient"},
    {"radialgradient", "radialGradient"},
    {"textpath", "textPath"},
}};

constexpr std::array<NamePair, 58> kSvgAttributeNames{{
    {"attributename", "attributeName"},
    {"attributetype", "attributeType"},
    {"basefrequency", "baseFrequency"},
    {"baseprofile", "baseProfile"},
    {"calcmode", "calcMode"},
    {"clippathunits", "clipPathUnits"},
    {"diffuseconstant", "diffuseConstant"},
    {"edgemode", "edgeMode"},
    {"filterunits", "filterUnits"},
    {"glyphref", "glyphRef"},
    {"gradienttransform", "gradientTransform"},
    {"gradientunits", "gradientUnits"},
    {"kernelmatrix", "kernelMatrix"},
    {"kernelunitlength", "kernelUnitLength"},
    {"keypoints", "keyPoints"},
    {"keysplines", "keySplines"},
    {"keytimes", "keyTimes"},
    {"lengthadjust", "lengthAdjust"},
    {"limitingconeangle", "limitingConeAngle"},
    {"markerheight", "markerHeight"},
    {"markerunits", "markerUnits"},
    {"markerwidth", "markerWidth"},
    {"maskcontentunits", "maskContentUnits"},
    {"maskunits", "maskUnits"},
    {"numoctaves", "numOctaves"},
    {"pathlength", "pathLength"},
    {"patterncontentunits", "patternContentUnits"},
    {"patterntransform", "patternTransform"},
    {"patternunits", "patternUnits"},
    {"pointsatx", "pointsAtX"},
    {"pointsaty", "pointsAtY"},
    {"pointsatz", "pointsAtZ"},
    {"preservealpha", "preserveAlpha"},
    {"preserveaspectratio", "preserveAspectRatio"},
    {"primitiveunits", "primitiveUnits"},
    {"refx", "refX"},
    {"refy", "refY"},
    {"repeatcount", "repeatCount"},
    {"repeatdur", "repeatDur"},
    {"requiredextensions", "requiredExtensions"},
    {"requiredfeatures", "requiredFeatures"},
    {"specularconstant", "specularConstant"},
    {"specularexponent", "specularExponent"},
    {"spreadmethod", "spreadMethod"},
    {"startoffset", "startOffset"},
    {"stddeviation", "stdDeviation"},
    {"stitchtiles", "stitchTiles"},
    {"surfacescale", "surfaceScale"},
    {"systemlanguage", "systemLanguage"},
    {"tablevalues", "tableValues"},
    {"targetx", "targetX"},
    {"targety", "targetY"},
    {"textlength", "textLength"},
    {"viewbox", "viewBox"},
    {"viewtarget", "viewTarget"},
    {"xchannelselector", "xChannelSelector"},
    {"ychannelselector", "yChannelSelector"},
    {"zoomandpan", "zoomAndPan"},
}};

struct ForeignAttribute {
  std::string_view source;
  std::string_view local;
  AttrNamespace ns;
};

constexpr std::array<ForeignAttribute, 11> kForeignAttributes{{
    {"xlink:actuate", "actuate", AttrNamespace::kXlink},
    {"xlink:arcrole", "arcrole", AttrNamespace::kXlink},
    {"xlink:href", "href", AttrNamespace::kXlink},
    {"xlink:role", "role", AttrNamespace::kXlink},
    {"xlink:show", "show", AttrNamespace::kXlink},
    {"xlink:title", "title", AttrNamespace::kXlink},
    {"xlink:type", "type", AttrNamespace::kXlink},
    {"xml:lang", "lang", AttrNamespace::kXml},
    {"xml:space", "space", AttrNamespace::kXml},
    {"xmlns", "xmlns", AttrNamespace::kXmlns},
    {"xmlns:xlink", "xlink", AttrNamespace::kXmlns},
}};

constexpr TagSet kBreakoutTags{
    Tag::kB,    Tag::kBig,   Tag::kBlockquote, Tag::kBody,   Tag::kBr,    Tag::kCenter, Tag::kCode, Tag::kDd,
    Tag::kDiv,  Tag::kDl,    Tag::kDt,         Tag::kEm,     Tag::kEmbed, Tag::kH1,     Tag::kH2,   Tag::kH3,
    Tag::kH4,   Tag::kH5,    Tag::kH6,         Tag::kHead,   Tag::kHr,    Tag::kI,      Tag::kImg,  Tag::kLi,
    Tag::kListing, Tag::kMenu, Tag::kMeta,     Tag::kNobr,   Tag::kOl,    Tag::kP,      Tag::kPre,  Tag::kRuby,
    Tag::kS,    Tag::kSmall, Tag::kSpan,       Tag::kStrong, Tag::kStrike, Tag::kSub,   Tag::kSup,  Tag::kTable,
    Tag::kTt,   Tag::kU,     Tag::kUl,         Tag::kVar};

bool equals_lower_ci(std::string_view mixed, std::string_view lower) {
  if (mixed.size() != lower.size()) return false;
  for (size_t i = 0; i < mixed.size(); ++i) {
    char c = mixed[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

bool is_font_breakout(const Token& t) {
  for (const Attribute& a : t.attributes)
    if (a.name == "color" || a.name == "face" || a.name == "size") return true;
  return false;
}

}  // namespace

std::string_view TreeBuilder::adjusted_svg_tag_name(std::string_view lower_name) {
  for (const NamePair& p : kSvgTagNames)
    if (p.first == lower_name) return p.second;
  return lower_name;
}

bool TreeBuilder::is_mathml_text_integration_point(const Node* n) {
  return n->ns == Namespace::kMathMl && (n->tag == Tag::kMi || n->tag == Tag::kMo || n->tag == Tag::kMn ||
                                         n->tag == Tag::kMs || n->tag == Tag::kMtext);
}

// https://html.spec.whatwg.org/multipage/parsing.html#html-integration-point
bool TreeBuilder::is_html_integration_point(const Node* n) {
  if (n->ns == Namespace::kSvg)
    return n->tag == Tag::kForeignobject || n->tag == Tag::kDesc || n->tag == Tag::kTitle;
  if (n->ns == Namespace::kMathMl && n->tag == Tag::kAnnotationXml) {
    const Attribute* encoding = n->find_attr("encoding");
    return encoding && (equals_lower_ci(encoding->value, "text/html") ||
                        equals_lower_ci(encoding->value, "application/xhtml+xml"));
  }
  return false;
}

// https://html.spec.whatwg.org/multipage/parsing.html#adjust-svg-attributes
void TreeBuilder::adjust_svg_attributes(Node* element) {
  for (uint32_t i = 0; i < element->attr_count; ++i) {
    Attribute& a = element->attrs[i];
    for (const NamePair& p : kSvgAttributeNames) {
      if (p.first == a.name) {
        a.name = p.second;
        break;
      }
    }
  }
}

// https://html.spec.whatwg.org/multipage/parsing.html#adjust-mathml-attributes
void TreeBuilder::adjust_mathml_attributes(Node* element) {
  for (uint32_t i = 0; i < element->attr_count; ++i)
    if (element->attrs[i].name == "definitionurl") element->attrs[i].name = "definitionURL";
}

// https://html.spec.whatwg.org/multipage/parsing.html#adjust-foreign-attributes
void TreeBuilder::adjust_foreign_attributes(Node* element) {
  for (uint32_t i = 0; i < element->attr_count; ++i) {
    Attribute& a = element->attrs[i];
    if (a.name.size() < 5 || (a.name[0] != 'x')) continue;
    for (const ForeignAttribute& f : kForeignAttributes) {
      if (f.source == a.name) {
        a.name = f.local;
        a.ns = f.ns;
        break;
      }
    }
  }
}

// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inforeign
void TreeBuilder::foreign_content(Token& t) {
  switch (t.kind) {
    case TokenKind::kCharacter: {
      std::string_view data = t.data;
      if (std::memchr(data.data(), '\0', data.size())) {
        parse_error(t, "unexpected-null-character");
        std::string replaced;
        for (char c : data) {
          if (c)
            replaced.push_back(c);
          else
            replaced.append("\xEF\xBF\xBD");
        }
        data = doc_->arena().copy(replaced);
      }
      insert_characters(data);
      if (frameset_ok_) {
        for (char c : t.data) {
          if (c != 0 && !is_html_whitespace(c)) {
            frameset_ok_ = false;
            break;
          }
        }
      }
      return;
    }
    case TokenKind::kComment: return insert_comment(t);
    case TokenKind::kDoctype: return parse_error(t, "unexpected-doctype");
    case TokenKind::kStartTag: {
      if (kBreakoutTags(t.tag) || (t.tag == Tag::kFont && is_font_breakout(t))) break;
      Node* acn = adjusted_current_node();
      Namespace ns = acn->ns;
      if (ns == Namespace::kSvg) t.name = adjusted_svg_tag_name(t.name);
      Node* e = insert_element(t, ns);
      if (ns == Namespace::kMathMl)
        adjust_mathml_attributes(e);
      else
        adjust_svg_attributes(e);
      adjust_foreign_attributes(e);
      if (t.self_closing && current_node() == e) pop();
      return;
    }
    case TokenKind::kEndTag: {
      if (t.tag == Tag::kBr || t.tag == Tag::kP) break;
      Node* node = current_node();
      if (t.tag == Tag::kScript && node->ns == Namespace::kSvg && node->tag == Tag::kScript) return pop();
      if (!equals_lower_ci(node->name, t.name)) parse_error(t, "unexpected-end-tag");
      for (size_t i = open_.size() - 1; i > 0; --i) {
        node = open_[i];
        if (equals_lower_ci(node->name, t.name)) {
          pop_until_node(node);
          return;
        }
        if (open_[i - 1]->ns == Namespace::kHtml) return process_in(mode_, t);
      }
      return;
    }
    case TokenKind::kEndOfFile: return process_in(mode_, t);
  }
  // A start tag that breaks out of foreign content, or </br>, </p>.
  parse_error(t, "html-tag-in-foreign-content");
  while (open_.size() > 1) {
    const Node* cur = current_node();
    if (cur->ns == Namespace::kHtml || is_mathml_text_integration_point(cur) || is_html_integration_point(cur)) break;
    pop();
  }
  process_in(mode_, t);
}

}  // namespace pith::detail
