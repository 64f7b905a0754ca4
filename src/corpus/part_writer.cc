// Per-input processing: the PageSelector's verdicts drive the page -> record step; records are
// serialised as DESIGN.md's corpus schema into a sink, rejects into a side file. Publication is
// atomic: part and rejects are written as .tmp, fsynced, renamed, and only then is the .done marker
// (its own counts, itself written as .tmp and renamed) created, so a killed run leaves either a complete,
// marked part or nothing that a rerun trusts. Covered by tests/warc/pipeline_test.cc.
#include "corpus/part_writer.h"

#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "corpus/json.h"
#include "corpus/sink.h"

namespace pith::corpus::detail {
namespace {

constexpr size_t kFlushBytes = 1u << 20;

std::string basename_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void append_field(std::string& out, std::string_view key, std::string_view value) {
  append_json_string(out, key);
  out += ':';
  append_json_string(out, value);
  out += ',';
}

void append_record(std::string& out, const Page& page, const PageRecord& rec, const PipelineOptions& options,
                   std::string_view added, std::string_view input_name) {
  const WarcRecord& w = *page.record;
  out += '{';
  append_field(out, "id", w.record_id);
  append_field(out, "text", rec.text);
  append_field(out, "source", options.source);
  append_field(out, "added", added);
  append_field(out, "created", w.date);
  out += "\"metadata\":{";
  append_field(out, "url", w.target_uri);
  append_field(out, "title", rec.title);
  append_field(out, "author", rec.author);
  append_field(out, "date", rec.date);
  append_field(out, "sitename", rec.sitename);
  append_field(out, "description", rec.description);
  append_field(out, "language", rec.language);
  char score[32];
  std::snprintf(score, sizeof score, "%.4g", rec.language_score);
  out += "\"language_score\":";
  out += score;
  out += ',';
  append_field(out, "warc_record_id", w.record_id);
  append_field(out, "warc_date", w.date);
  append_field(out, "content_type", page.http ? std::string_view(page.http->mime_type) : std::string_view{});
  append_field(out, "warc_filename", input_name);
  out += "\"warc_offset\":" + std::to_string(w.offset) + ',';
  for (const auto& [k, v] : rec.extra_strings) append_field(out, k, v);
  for (const auto& [k, v] : rec.extra_numbers) {
    append_json_string(out, k);
    out += ':' + std::to_string(v) + ',';
  }
  out.back() = '}';
  out += "}\n";
}

void append_reject(std::string& out, const WarcRecord& w, std::string_view reason, std::string_view input_name) {
  out += '{';
  append_field(out, "id", w.record_id);
  append_field(out, "url", w.target_uri);
  append_field(out, "reason", reason);
  append_field(out, "type", to_string(w.type));
  append_field(out, "warc_filename", input_name);
  out += "\"warc_offset\":" + std::to_string(w.offset) + "}\n";
}

}  // namespace

bool process_input(const std::string& input, const PartPaths& paths, const PipelineOptions& options,
                   const std::string& added, PageToRecord& step, InputCounts& counts, Progress& progress,
                   std::string* error) {
  PageSelectorOptions selector_options = options.selector;
  selector_options.reader.strict = options.strict;
  auto reader = WarcReader::open(input, selector_options.reader, error);
  if (!reader) return false;
  std::string part_tmp = paths.part + ".tmp", rejects_tmp = paths.rejects + ".tmp";
  auto sink = open_sink(part_tmp, compression_for(options.output), error);
  auto rejects = open_sink(rejects_tmp, SinkCompression::kNone, error);
  if (!sink || !rejects) return false;
  PageSelector selector(std::move(reader), selector_options);
  std::string input_name = basename_of(input);
  std::string out, out_rejects;
  PageRecord rec;
  Page page;
  uint64_t bytes_seen = 0;
  bool ok = true;
  while (ok && selector.next(page)) {
    SkipReason skip = page.skip;
    std::string_view reason = to_string(skip);
    if (skip == SkipReason::kNone) {
      rec.clear();
      PageInput in{page.body(), page.transport_charset(), page.record->target_uri, page.record, page.http};
      PageSkip verdict = step(in, rec);
      if (verdict == PageSkip::kNone) {
        append_record(out, page, rec, options, added, input_name);
        ++counts.written;
      } else {
        ++counts.page_skips[static_cast<size_t>(verdict)];
        reason = to_string(verdict);
      }
    }
    if (reason != "passed" && reason != "written") append_reject(out_rejects, *page.record, reason, input_name);
    if (out.size() >= kFlushBytes) {
      ok = sink->write(out);
      out.clear();
    }
    if (out_rejects.size() >= kFlushBytes) {
      ok = ok && rejects->write(out_rejects);
      out_rejects.clear();
    }
    progress.records.fetch_add(1, std::memory_order_relaxed);
    uint64_t now = selector.stats().compressed_bytes;
    progress.compressed_bytes.fetch_add(now - bytes_seen, std::memory_order_relaxed);
    bytes_seen = now;
  }
  counts.warc = selector.stats();
  if (!selector.io_error().empty()) {
    *error = input + ": " + std::string(selector.io_error());
    ok = false;
  } else if (options.strict && counts.warc.strict_errors) {
    *error = input + ": " + std::string(selector.last_strict_error());
    ok = false;
  }
  ok = ok && sink->write(out) && rejects->write(out_rejects);
  bool sink_finished = sink->finish();  // both must be closed, whatever the other reports
  bool rejects_finished = rejects->finish();
  bool finished = sink_finished && rejects_finished;
  if (ok && !finished) *error = input + ": " + sink->error() + rejects->error();
  ok = ok && finished && std::rename(rejects_tmp.c_str(), paths.rejects.c_str()) == 0 &&
       std::rename(part_tmp.c_str(), paths.part.c_str()) == 0 && write_done_marker(paths.done, counts);
  if (!ok) {
    if (error->empty()) *error = input + ": cannot publish " + paths.part + ": " + std::strerror(errno);
    std::remove(part_tmp.c_str());
    std::remove(rejects_tmp.c_str());
  }
  return ok;
}

bool write_done_marker(const std::string& path, const InputCounts& c) {
  std::ostringstream s;
  s << "records " << c.warc.records << "\npassed " << c.warc.passed << "\nwritten " << c.written
    << "\ncompressed_bytes " << c.warc.compressed_bytes << "\ndecompressed_bytes " << c.warc.decompressed_bytes
    << "\nstrict_errors " << c.warc.strict_errors << '\n';
  for (size_t i = 1; i < c.warc.skipped.size(); ++i) s << "skip " << i << ' ' << c.warc.skipped[i] << '\n';
  for (size_t i = 0; i < c.warc.by_type.size(); ++i) s << "type " << i << ' ' << c.warc.by_type[i] << '\n';
  for (size_t i = 0; i < c.warc.quirks.size(); ++i) s << "quirk " << i << ' ' << c.warc.quirks[i] << '\n';
  for (size_t i = 1; i < c.page_skips.size(); ++i) s << "page_skip " << i << ' ' << c.page_skips[i] << '\n';
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << s.str();
    if (!f.flush()) return false;
  }
  return std::rename(tmp.c_str(), path.c_str()) == 0;
}

bool read_done_marker(const std::string& path, InputCounts& c) {
  std::ifstream f(path);
  if (!f) return false;
  std::string key;
  while (f >> key) {
    size_t i = 0;
    uint64_t v = 0;
    if (key == "skip" || key == "type" || key == "quirk" || key == "page_skip") {
      if (!(f >> i >> v)) return false;
      if (key == "skip" && i < c.warc.skipped.size()) c.warc.skipped[i] = v;
      else if (key == "type" && i < c.warc.by_type.size()) c.warc.by_type[i] = v;
      else if (key == "quirk" && i < c.warc.quirks.size()) c.warc.quirks[i] = v;
      else if (key == "page_skip" && i < c.page_skips.size()) c.page_skips[i] = v;
      continue;
    }
    if (!(f >> v)) return false;
    if (key == "records") c.warc.records = v;
    else if (key == "passed") c.warc.passed = v;
    else if (key == "written") c.written = v;
    else if (key == "compressed_bytes") c.warc.compressed_bytes = v;
    else if (key == "decompressed_bytes") c.warc.decompressed_bytes = v;
    else if (key == "strict_errors") c.warc.strict_errors = v;
  }
  return true;
}

}  // namespace pith::corpus::detail
