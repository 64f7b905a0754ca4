// `pith encoding [--spec] FILE...`: prints PATH<TAB>ENCODING<TAB>SOURCE per file, the encoding's WHATWG
// name in lower case and where it came from (bom, transport, meta, xml, detector, default). --spec runs the
// WHATWG algorithm alone (prescan of 1024 bytes, no detector, no declared-but-wrong rule), so the
// html5lib encoding tests can be checked from outside; --charset gives a transport charset (a label or a
// Content-Type value). --declared adds a fourth column with the declaration the rule replaced, if any.
// Unreadable files are reported on stderr and make the exit code 1. Sniffing itself is covered by
// tests/encoding/*; this file is only the command line.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/input.h"
#include "pith/encoding.h"

namespace pith::cli {

namespace {

}  // namespace

void add_encoding_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("encoding", "Print the character encoding of each file and where it came from");
  struct Args {
    bool spec = false;
    bool declared = false;
    std::string charset;
    std::vector<std::string> files;
  };
  auto args = std::make_shared<Args>();
  cmd->add_flag("--spec", args->spec, "WHATWG algorithm alone: 1024-byte prescan, no detector, no pith rule");
  cmd->add_option("--charset", args->charset, "transport charset: a label or a Content-Type value");
  cmd->add_flag("--declared", args->declared, "add a column with the declaration the declared-but-wrong rule replaced");
  cmd->add_option("files", args->files, "HTML files ('-' for stdin)")->required();
  cmd->callback([args, &exit_code] {
    SniffOptions options;
    options.spec_only = args->spec;
    std::string_view charset = args->charset;
    if (charset.find(';') != std::string_view::npos || charset.find('/') != std::string_view::npos)
      charset = charset_from_content_type(charset);
    options.transport_charset = charset;
    std::string bytes;
    std::string line;
    for (const std::string& path : args->files) {
      if (!read_input(path, bytes)) {
        std::fprintf(stderr, "pith encoding: cannot read %s\n", path.c_str());
        exit_code = 1;
        continue;
      }
      SniffResult r = sniff_encoding(bytes, options);
      line = path;
      line += '\t';
      line += encoding_name(r.encoding);
      line += '\t';
      line += encoding_source_name(r.source);
      if (args->declared) {
        line += '\t';
        if (r.overridden_declaration) {
          line += encoding_name(*r.overridden_declaration);
          line += '/';
          line += encoding_source_name(r.overridden_source);
        } else {
          line += '-';
        }
      }
      line += '\n';
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
  });
}

}  // namespace pith::cli
