// Whole-file reads for the subcommands; binary-safe, stdin as "-".
#include "cli/input.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace pith::cli {

bool read_input(const std::string& path, std::string& out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return !std::cin.bad();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

}  // namespace pith::cli
