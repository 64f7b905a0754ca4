// `pith parse`: the HTML parser from the command line. --tree prints the html5lib test format (so the
// conformance suite can be run from outside), --count the number of elements (what the parser
// benchmark compares across parsers). Input is taken as UTF-8.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/input.h"
#include "html/tree_dump.h"
#include "pith/html.h"

namespace pith::cli {

namespace {

size_t count_elements(const Node* root) {
  size_t n = 0;
  for (const Node* node = root; node; node = next_in_preorder(node, root))
    if (node->is_element()) ++n;
  return n;
}

// "td" -> HTML td; "svg path" -> SVG path; "math mi" -> MathML mi (as the html5lib tests write it).
FragmentContext parse_context(const std::string& spec) {
  FragmentContext ctx;
  std::string_view s = spec;
  if (s.starts_with("svg ")) {
    ctx.ns = Namespace::kSvg;
    s.remove_prefix(4);
  } else if (s.starts_with("math ")) {
    ctx.ns = Namespace::kMathMl;
    s.remove_prefix(5);
  }
  ctx.name = s;
  return ctx;
}

}  // namespace

void add_parse_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("parse", "Parse HTML (UTF-8) and print its tree or count its elements");
  struct Args {
    bool tree = false;
    bool count = false;
    std::string fragment;
    std::vector<std::string> inputs;
  };
  auto args = std::make_shared<Args>();
  cmd->add_flag("--tree", args->tree, "Print the tree in the html5lib test format");
  cmd->add_flag("--count", args->count, "Print the total number of elements over all inputs");
  cmd->add_option("--fragment", args->fragment, "Parse as a fragment in this context (e.g. td, \"svg path\")");
  cmd->add_option("inputs", args->inputs, "Files to parse, - for stdin")->default_val(std::vector<std::string>{"-"});
  cmd->callback([args, &exit_code] {
    if (args->tree == args->count) throw CLI::ValidationError("give exactly one of --tree and --count");
    if (args->tree && args->inputs.size() != 1) throw CLI::ValidationError("--tree takes one input");
    HtmlParser parser;
    std::string buffer;
    size_t total = 0;
    for (const std::string& path : args->inputs) {
      if (!read_input(path, buffer)) {
        std::fprintf(stderr, "pith parse: cannot read %s\n", path.c_str());
        exit_code = 1;
        continue;
      }
      Document& doc = args->fragment.empty() ? parser.parse(buffer)
                                             : parser.parse_fragment(buffer, parse_context(args->fragment));
      if (args->tree) {
        std::string dump = detail::dump_tree(doc);
        std::fwrite(dump.data(), 1, dump.size(), stdout);
      } else {
        total += count_elements(doc.root());
      }
    }
    if (args->count) std::printf("%zu\n", total);
  });
}

}  // namespace pith::cli
