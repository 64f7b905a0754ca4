// `pith eval DATASET_DIR [PRED_DIR]`: score.py's figures. With PRED_DIR, scores its <id>.txt files;
// without, runs the extractor over DATASET_DIR/html/<id>.html first (-j workers, one Extractor each) and
// scores its text output, optionally saving <id>.txt and <id>.json (for score_meta.py) with --save.
// Prints the summary JSON exactly as score.py prints it; --json and --per-page write the same files.
// Covered by tests/extract/score_test.cc (the scorer) and the dataset runs.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
#include "cli/input.h"
#include "extract/score.h"
#include "pith/extract.h"

namespace pith::cli {
namespace {

namespace fs = std::filesystem;

bool write_file(const fs::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
  return static_cast<bool>(out);
}

}  // namespace

void add_eval_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("eval", "Score extraction against a dataset's truth (as score.py does)");
  struct Args {
    std::string dataset, predictions, json_out, per_page, save;
    int shingles = 0, jobs = 1;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("dataset", args->dataset, "Dataset directory (truth/, html/)")->required();
  cmd->add_option("predictions", args->predictions, "Directory of <id>.txt predictions (default: run pith)");
  cmd->add_option("--shingles", args->shingles, "Also shingle P/R/F1 with N-word shingles");
  cmd->add_option("--json", args->json_out, "Write the summary JSON here too");
  cmd->add_option("--per-page", args->per_page, "Write per-page scores as CSV");
  cmd->add_option("--save", args->save, "Save pith's <id>.txt and <id>.json here");
  cmd->add_option("-j,--jobs", args->jobs, "Parallel extraction workers")->check(CLI::Range(1, 256));
  cmd->callback([args, &exit_code] {
    std::vector<std::string> ids = detail::dataset_ids(args->dataset);
    std::unordered_map<std::string, std::string> produced;
    if (args->predictions.empty()) {
      if (!args->save.empty()) fs::create_directories(args->save);
      std::vector<std::string> texts(ids.size());
      std::vector<char> present(ids.size(), 0);
      std::atomic<size_t> next{0};
      auto work = [&] {
        Extractor extractor;
        std::string bytes;
        for (size_t i = next++; i < ids.size(); i = next++) {
          if (!read_input((fs::path(args->dataset) / "html" / (ids[i] + ".html")).string(), bytes)) continue;
          Result r = extractor.extract(bytes);
          texts[i] = r.text();
          present[i] = 1;
          if (!args->save.empty()) {
            write_file(fs::path(args->save) / (ids[i] + ".txt"), texts[i]);
            write_file(fs::path(args->save) / (ids[i] + ".json"), r.json());
          }
        }
      };
      std::vector<std::thread> pool;
      for (int t = 1; t < args->jobs; ++t) pool.emplace_back(work);
      work();
      for (auto& t : pool) t.join();
      for (size_t i = 0; i < ids.size(); ++i) {
        if (present[i]) produced.emplace(ids[i], std::move(texts[i]));
      }
    }
    auto source = [&](const std::string& id, std::string& text) {
      if (args->predictions.empty()) {
        auto it = produced.find(id);
        if (it == produced.end()) return false;
        text = it->second;
        return true;
      }
      return read_input((fs::path(args->predictions) / (id + ".txt")).string(), text);
    };
    detail::ScoreSummary summary;
    std::string error;
    if (!detail::score_dataset(args->dataset, source, args->shingles, summary, error)) {
      std::fprintf(stderr, "pith eval: %s\n", error.c_str());
      exit_code = 1;
      return;
    }
    std::string json = summary.to_json();
    std::printf("%s\n", json.c_str());
    if (!args->json_out.empty() && !write_file(args->json_out, json)) exit_code = 1;
    if (!args->per_page.empty() && !write_file(args->per_page, summary.per_page_csv())) exit_code = 1;
  });
}

}  // namespace pith::cli
