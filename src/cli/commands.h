// The `pith` subcommands. Each add_*_command registers its subcommand (with --help) on the app; when
// the subcommand runs, its callback stores the process exit code: 0 ok, 1 some inputs failed,
// 2 usage error.
#pragma once

#include <CLI/CLI.hpp>

namespace pith::cli {

void add_parse_command(CLI::App& app, int& exit_code);
void add_encoding_command(CLI::App& app, int& exit_code);
void add_extract_command(CLI::App& app, int& exit_code);
void add_eval_command(CLI::App& app, int& exit_code);
void add_warc_command(CLI::App& app, int& exit_code);

}  // namespace pith::cli
