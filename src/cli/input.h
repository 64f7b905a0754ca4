// Reading command-line inputs: a path, or "-" for standard input, whole into memory.
#pragma once

#include <string>

namespace pith::cli {

// Reads all of `path` ("-": stdin) into `out`. False when the file cannot be opened or read.
bool read_input(const std::string& path, std::string& out);

}  // namespace pith::cli
