// `pith extract`: main content (and metadata) of pages. Inputs are files, directories (every *.html in
// them, sorted) or - for stdin; without -o everything goes to stdout in input order, with -o each
// <name>.html becomes OUTDIR/<name>.<txt|md|json|html>, pages processed in parallel by -j workers, each
// with its own Extractor (extractors are not thread-safe). Exit code 1 when an input could not be read.
// Covered by the CLI checks in tests/extract/extract_test.cc.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "cli/input.h"
#include "pith/extract.h"

namespace pith::cli {
namespace {

namespace fs = std::filesystem;

const char* extension(OutputFormat f) {
  switch (f) {
    case OutputFormat::kMarkdown: return ".md";
    case OutputFormat::kJson: return ".json";
    case OutputFormat::kHtml: return ".html";
    case OutputFormat::kText: break;
  }
  return ".txt";
}

}  // namespace

void add_extract_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("extract", "Extract the main content and metadata of HTML pages");
  struct Args {
    std::vector<std::string> inputs;
    std::string outdir, format = "text", url;
    int jobs = 1;
    bool comments = false, links = false, images = false, no_tables = false, explain = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("inputs", args->inputs, "Files, directories (*.html inside) or - for stdin")
      ->default_val(std::vector<std::string>{"-"});
  cmd->add_option("-o,--output", args->outdir, "Write OUTDIR/<name>.<ext> per input instead of stdout");
  cmd->add_option("-f,--format", args->format, "text, markdown, json or html")
      ->check(CLI::IsMember({"text", "markdown", "json", "html"}));
  cmd->add_option("-j,--jobs", args->jobs, "Parallel workers (with -o)")->check(CLI::Range(1, 256));
  cmd->add_option("--url", args->url, "The page's URL (metadata, URL dates)");
  cmd->add_flag("--comments", args->comments, "Also extract user comments (kept apart from the text)");
  cmd->add_flag("--links", args->links, "Keep link targets (markdown)");
  cmd->add_flag("--images", args->images, "Keep images (markdown)");
  cmd->add_flag("--no-tables", args->no_tables, "Drop tables");
  cmd->add_flag("--explain", args->explain, "Print every block with features, score and deciding rule (JSON lines)");
  cmd->callback([args, &exit_code] {
    Options options;
    options.format = args->format == "markdown" ? OutputFormat::kMarkdown
                     : args->format == "json"   ? OutputFormat::kJson
                     : args->format == "html"   ? OutputFormat::kHtml
                                                : OutputFormat::kText;
    options.url = args->url;
    options.include_comments = args->comments;
    options.include_links = args->links;
    options.include_images = args->images;
    options.include_tables = !args->no_tables;
    options.explain = args->explain;
    std::vector<std::string> files;
    for (const std::string& in : args->inputs) {
      std::error_code ec;
      if (in != "-" && fs::is_directory(in, ec)) {
        std::vector<std::string> found;
        for (const auto& e : fs::directory_iterator(in, ec)) {
          if (e.path().extension() == ".html" || e.path().extension() == ".htm") found.push_back(e.path().string());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
      } else {
        files.push_back(in);
      }
    }
    if (!args->outdir.empty()) fs::create_directories(args->outdir);
    std::atomic<size_t> next{0};
    std::atomic<int> failed{0};
    auto work = [&] {
      Extractor extractor(options);
      std::string bytes;
      for (size_t i = next++; i < files.size(); i = next++) {
        if (!read_input(files[i], bytes)) {
          std::fprintf(stderr, "pith extract: cannot read %s\n", files[i].c_str());
          ++failed;
          continue;
        }
        Result r = extractor.extract(bytes);
        std::string out = options.explain ? r.explain() : r.render(options);
        std::string name = files[i] == "-" ? "stdin" : fs::path(files[i]).stem().string();
        std::string target = (fs::path(args->outdir) / (name + extension(options.format))).string();
        std::ofstream f(target, std::ios::binary);
        f << out;
        if (!f) ++failed;
      }
    };
    if (args->outdir.empty()) {
      Extractor extractor(options);
      std::string bytes;
      for (const std::string& path : files) {
        if (!read_input(path, bytes)) {
          std::fprintf(stderr, "pith extract: cannot read %s\n", path.c_str());
          ++failed;
          continue;
        }
        Result r = extractor.extract(bytes);
        std::string out = options.explain ? r.explain() : r.render(options);
        std::fwrite(out.data(), 1, out.size(), stdout);
      }
    } else {
      std::vector<std::thread> pool;
      for (int t = 1; t < args->jobs; ++t) pool.emplace_back(work);
      work();
      for (auto& t : pool) t.join();
    }
    if (failed) exit_code = 1;
  });
}

}  // namespace pith::cli
