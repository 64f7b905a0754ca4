// The html5lib tree-construction test format: "| " lines, two spaces of indent per level, attributes
// sorted by name, "svg "/"math " element prefixes, "xlink "/"xml "/"xmlns " attribute prefixes, and a
// "content" line above a template's contents. `pith parse --tree` prints it; the conformance test
// compares it with the suite's #document sections.
#pragma once

#include <string>

#include "pith/dom.h"

namespace pith::detail {

// Dumps the children of the document's root (document or fragment), one "| " line per node and attribute.
std::string dump_tree(const Document& document);

}  // namespace pith::detail
