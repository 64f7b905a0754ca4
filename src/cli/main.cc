// The `pith` command: dispatches to the subcommands in src/cli/cmd_*.cc. Usage errors exit with 2.
#include <cstdio>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"pith: raw web pages to clean text and structured records"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "pith 0.1.0");
  int exit_code = 0;
  pith::cli::add_parse_command(app, exit_code);
  pith::cli::add_encoding_command(app, exit_code);
  pith::cli::add_extract_command(app, exit_code);
  pith::cli::add_eval_command(app, exit_code);
  pith::cli::add_warc_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  return exit_code;
}
