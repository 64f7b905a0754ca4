// `pith warc IN... -o OUT.jsonl[.zst|.gz] [-j N] [--stats F.json] [--rejects F.jsonl] [--strict]`
// (hidden: --progress=auto|always|never, --added TIME):
// web-crawl archives to a JSONL corpus through the pipeline of src/corpus/pipeline.h with the
// Extractor as its page -> record step. Exit code 0 all inputs done, 1 some failed, 2 usage error.
// Covered by tests/warc/pipeline_test.cc (the pipeline) and tests/warc/extract_step_test.cc (the step).
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "corpus/extract_step.h"
#include "corpus/pipeline.h"

namespace pith::cli {

void add_warc_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("warc", "Extract a JSONL corpus from WARC files (.warc, .warc.gz, .warc.zst)");
  auto options = std::make_shared<corpus::PipelineOptions>();
  auto max_record_mib = std::make_shared<size_t>(16);
  cmd->add_option("inputs", options->inputs, "WARC files (- for stdin)")->required();
  cmd->add_option("-o,--output", options->output, "Output OUT.jsonl, OUT.jsonl.gz or OUT.jsonl.zst")->required();
  cmd->add_option("-j,--jobs", options->threads, "Threads running the extraction (records of one file in parallel)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--stats", options->stats_path, "Write the accounting summary as JSON to this file");
  cmd->add_option("--rejects", options->rejects_path, "Write one JSON line per skipped record to this file");
  cmd->add_flag("--strict", options->strict, "Fail an input on any WARC quirk instead of surviving it");
  cmd->add_option("--source", options->source, "The \"source\" field of every record")->capture_default_str();
  cmd->add_option("--max-record-mib", *max_record_mib, "Records and bodies longer than this are cut and skipped")
      ->capture_default_str();
  // Hidden, for tests and benchmarks: progress forced on or off, and a fixed "added" field.
  auto progress = std::make_shared<std::string>("auto");
  cmd->add_option("--progress", *progress, "Progress on stderr: auto (when a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->group("");
  cmd->add_option("--added", options->added, "The \"added\" field of every record (default: the run's start)")
      ->group("");
  cmd->callback([options, max_record_mib, progress, &exit_code] {
    options->progress = *progress != "never";
    options->progress_forced = *progress == "always";
    options->selector.reader.max_block_bytes = *max_record_mib << 20;
    options->selector.http.max_body_bytes = *max_record_mib << 20;
    corpus::PipelineResult result;
    exit_code = corpus::run_pipeline(*options, corpus::extractor_step(Options{}), result);
  });
}

}  // namespace pith::cli
