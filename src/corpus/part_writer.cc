// One input's output: its records and rejects serialised as JSON lines (DESIGN.md's corpus schema), in
// the order the pipeline hands them, into a sink and a side file. Publication is atomic: part and
// rejects are written as .tmp, fsynced, renamed, and only then is the .done marker (its own counts,
// itself written as .tmp and renamed) created, so a killed run leaves either a complete, marked part or
// nothing that a rerun trusts. Covered by tests/warc/pipeline_test.cc.
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

void append_field(std::string& out, std::string_view key, std::string_view value) {
  append_json_string(out, key);
  out += ':';
  append_json_string(out, value);
  out += ',';
}

}  // namespace

void append_record(std::string& out, const WarcRecord& w, const HttpResponse* http, const PageRecord& rec,
                   const LineContext& context) {
  out += '{';
  append_field(out, "id", w.record_id);
  append_field(out, "text", rec.text);
  append_field(out, "source", context.source);
  append_field(out, "added", context.added);
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
  append_field(out, "content_type", http ? std::string_view(http->mime_type) : std::string_view{});
  append_field(out, "warc_filename", context.input_name);
  out += "\"warc_offset\":" + std::to_string(w.offset) + ',';
  for (const auto& [k, v] : rec.extra_strings) append_field(out, k, v);
  for (const auto& [k, v] : rec.extra_numbers) {
    append_json_string(out, k);
    out += ':' + std::to_string(v) + ',';
  }
  out.back() = '}';
  out += "}\n";
}

void append_reject(std::string& out, const WarcRecord& w, std::string_view reason, const LineContext& context) {
  out += '{';
  append_field(out, "id", w.record_id);
  append_field(out, "url", w.target_uri);
  append_field(out, "reason", reason);
  append_field(out, "type", to_string(w.type));
  append_field(out, "warc_filename", context.input_name);
  out += "\"warc_offset\":" + std::to_string(w.offset) + "}\n";
}


bool PartWriter::open(const PartPaths& paths, SinkCompression compression, std::string* error) {
  paths_ = paths;
  ok_ = true;
  out_.clear();
  out_rejects_.clear();
  sink_ = open_sink(paths.part + ".tmp", compression, error);
  if (sink_) rejects_ = open_sink(paths.rejects + ".tmp", SinkCompression::kNone, error);
  if (sink_ && rejects_) return true;
  abandon();
  return false;
}

bool PartWriter::add(std::string_view record_lines, std::string_view reject_lines) {
  out_ += record_lines;
  out_rejects_ += reject_lines;
  if (out_.size() >= kFlushBytes || out_rejects_.size() >= kFlushBytes) flush();
  return ok_;
}

bool PartWriter::flush() {
  ok_ = ok_ && sink_->write(out_) && rejects_->write(out_rejects_);
  out_.clear();
  out_rejects_.clear();
  return ok_;
}

bool PartWriter::publish(const InputCounts& counts, std::string* error) {
  std::string part_tmp = paths_.part + ".tmp", rejects_tmp = paths_.rejects + ".tmp";
  bool written = flush();
  bool sink_finished = sink_->finish();  // both must be closed, whatever the other reports
  bool rejects_finished = rejects_->finish();
  if (!written || !sink_finished || !rejects_finished) {
    *error = "cannot write " + part_tmp + ": " + sink_->error() + rejects_->error();
    abandon();
    return false;
  }
  if (std::rename(rejects_tmp.c_str(), paths_.rejects.c_str()) != 0 ||
      std::rename(part_tmp.c_str(), paths_.part.c_str()) != 0 || !write_done_marker(paths_.done, counts)) {
    *error = "cannot publish " + paths_.part + ": " + std::strerror(errno);
    abandon();
    return false;
  }
  sink_.reset();
  rejects_.reset();
  paths_ = {};
  return true;
}

void PartWriter::abandon() {
  if (sink_) (void)sink_->finish();
  if (rejects_) (void)rejects_->finish();
  sink_.reset();
  rejects_.reset();
  if (paths_.part.empty()) return;  // never opened, or already published or abandoned
  std::remove((paths_.part + ".tmp").c_str());
  std::remove((paths_.rejects + ".tmp").c_str());
  paths_ = {};
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
