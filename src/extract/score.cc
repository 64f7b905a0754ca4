// Dataset scoring as score.py does it: pages are the sorted stems of DATASET_DIR/truth; a page with a
// truth .txt gets bag-of-tokens P/R/F1 (both empty = 1/1/1), one with a truth .json gets snippet counts;
// macro figures are plain means over pages in id order (the same float sums as Python), micro figures
// pool the token counts. Shingles follow the ScrapingHub benchmark: \w+ words of the raw text, N-grams as
// a multiset, per-page fractions of the union, averaged over pages with something predicted / expected.
// Covered by tests/extract/score_test.cc (against score.py on the anchors' outputs).
#include "extract/score.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

namespace pith::detail {
namespace {

namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

using Bag = std::unordered_map<std::string, uint64_t>;

Bag bag_of(std::vector<std::string> tokens) {
  Bag bag;
  for (auto& t : tokens) ++bag[std::move(t)];
  return bag;
}

void score_text(const std::string& truth, const std::string& pred, PageScore& row) {
  Bag t = bag_of(score_tokens(truth)), p = bag_of(score_tokens(pred));
  uint64_t nt = 0, np = 0, common = 0;
  for (auto& [k, v] : t) nt += v;
  for (auto& [k, v] : p) {
    np += v;
    auto it = t.find(k);
    if (it != t.end()) common += std::min(v, it->second);
  }
  row.has_text = true;
  row.common = common;
  row.truth_tokens = nt;
  row.pred_tokens = np;
  if (nt == 0 && np == 0) {
    row.precision = row.recall = row.f1 = 1.0;
    row.common = row.truth_tokens = row.pred_tokens = 0;
    return;
  }
  row.precision = np ? static_cast<double>(common) / static_cast<double>(np) : 0.0;
  row.recall = nt ? static_cast<double>(common) / static_cast<double>(nt) : 0.0;
  row.f1 = row.precision + row.recall > 0 ? 2 * row.precision * row.recall / (row.precision + row.recall) : 0.0;
}

std::map<std::vector<std::string>, int64_t> grams(const std::string& text, int n) {
  std::vector<std::string> words = python_words(text);
  std::map<std::vector<std::string>, int64_t> out;
  size_t count = words.size() >= static_cast<size_t>(n) ? words.size() - n + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    size_t end = std::min(words.size(), i + n);
    if (i >= end) continue;
    ++out[std::vector<std::string>(words.begin() + i, words.begin() + end)];
  }
  return out;
}

void score_shingles(const std::string& truth, const std::string& pred, int n, PageScore& row) {
  auto a = grams(truth, n), b = grams(pred, n);
  int64_t tp = 0, fp = 0, fn = 0;
  for (auto& [k, v] : b) {
    auto it = a.find(k);
    int64_t av = it == a.end() ? 0 : it->second;
    tp += std::min(v, av);
    fp += std::max<int64_t>(0, v - av);
  }
  for (auto& [k, v] : a) {
    auto it = b.find(k);
    int64_t bv = it == b.end() ? 0 : it->second;
    fn += std::max<int64_t>(0, v - bv);
  }
  double s = static_cast<double>(tp + fp + fn);
  if (s > 0) {
    row.shingle_tp = tp / s;
    row.shingle_fp = fp / s;
    row.shingle_fn = fn / s;
  }
}

void score_snippets(const std::string& spec_text, const std::string& pred, PageScore& row) {
  nlohmann::json spec = nlohmann::json::parse(spec_text, nullptr, /*allow_exceptions=*/false);
  row.has_snippets = true;
  if (!spec.is_object()) return;
  std::string hay = score_squash(pred);
  auto count = [&](const char* key, int& total, int& hits) {
    auto it = spec.find(key);
    if (it == spec.end() || !it->is_array()) return;
    for (const auto& s : *it) {
      ++total;
      if (s.is_string() && hay.find(score_squash(s.get<std::string>())) != std::string::npos) ++hits;
    }
  };
  count("with", row.wanted, row.found);
  count("without", row.unwanted, row.leaked);
}

}  // namespace

std::vector<std::string> dataset_ids(const std::string& dataset_dir) {
  std::vector<std::string> ids;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(dataset_dir) / "truth", ec)) {
    ids.push_back(entry.path().stem().string());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool score_dataset(const std::string& dataset_dir, const PredictionSource& predictions, int shingles,
                   ScoreSummary& summary, std::string& error) {
  fs::path truth_dir = fs::path(dataset_dir) / "truth";
  std::error_code ec;
  if (!fs::is_directory(truth_dir, ec)) {
    error = "no truth directory: " + truth_dir.string();
    return false;
  }
  summary = ScoreSummary{};
  std::vector<std::string> ids = dataset_ids(dataset_dir);
  summary.pages = ids.size();
  double sum_p = 0, sum_r = 0, sum_f = 0;
  uint64_t common = 0, nt = 0, np = 0;
  std::vector<const PageScore*> shingle_rows;
  for (const std::string& id : ids) {
    PageScore row;
    row.id = id;
    std::string pred, truth;
    if (!predictions(id, pred)) pred.clear();
    if (read_file(truth_dir / (id + ".txt"), truth)) {
      score_text(truth, pred, row);
      sum_p += row.precision;
      sum_r += row.recall;
      sum_f += row.f1;
      ++summary.text_pages;
      common += row.common;
      nt += row.truth_tokens;
      np += row.pred_tokens;
      if (shingles > 0) score_shingles(truth, pred, shingles, row);
    }
    std::string spec;
    if (read_file(truth_dir / (id + ".json"), spec)) {
      score_snippets(spec, pred, row);
      summary.has_snippets = true;
      summary.snippets_found += row.found;
      summary.snippets_wanted += row.wanted;
      summary.snippets_leaked += row.leaked;
      summary.snippets_unwanted += row.unwanted;
    }
    summary.rows.push_back(std::move(row));
  }
  if (summary.text_pages) {
    double n = static_cast<double>(summary.text_pages);
    summary.precision = sum_p / n;
    summary.recall = sum_r / n;
    summary.f1 = sum_f / n;
    double mp = np ? static_cast<double>(common) / static_cast<double>(np) : 0.0;
    double mr = nt ? static_cast<double>(common) / static_cast<double>(nt) : 0.0;
    summary.micro_precision = mp;
    summary.micro_recall = mr;
    summary.micro_f1 = mp + mr > 0 ? 2 * mp * mr / (mp + mr) : 0.0;
  }
  if (shingles > 0 && summary.text_pages) {
    double sp = 0, sr = 0;
    size_t np_pages = 0, nr_pages = 0;
    for (const PageScore& r : summary.rows) {
      if (!r.has_text) continue;
      double tp = r.shingle_tp, fp = r.shingle_fp, fn = r.shingle_fn;
      if (tp + fp > 0) {
        sp += (fp == 0 && fn == 0) ? 1.0 : (tp == 0 && fp == 0 ? 0.0 : tp / (tp + fp));
        ++np_pages;
      }
      if (tp + fn > 0) {
        sr += (fp == 0 && fn == 0) ? 1.0 : (tp == 0 && fn == 0 ? 0.0 : tp / (tp + fn));
        ++nr_pages;
      }
    }
    summary.has_shingles = true;
    summary.shingle_precision = np_pages ? sp / static_cast<double>(np_pages) : 0.0;
    summary.shingle_recall = nr_pages ? sr / static_cast<double>(nr_pages) : 0.0;
    double a = summary.shingle_precision, b = summary.shingle_recall;
    summary.shingle_f1 = a + b > 0 ? 2 * a * b / (a + b) : 0.0;
  }
  if (summary.snippets_wanted || summary.snippets_unwanted) {
    summary.snippet_recall = summary.snippets_wanted
                                 ? static_cast<double>(summary.snippets_found) / summary.snippets_wanted
                                 : 1.0;
    summary.snippet_cleanliness =
        summary.snippets_unwanted ? 1.0 - static_cast<double>(summary.snippets_leaked) / summary.snippets_unwanted
                                  : 1.0;
  } else {
    summary.has_snippets = false;
  }
  return true;
}

std::string python_float(double value) {
  if (value == 0) return "0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  size_t e = sci.find('e');
  std::string mantissa = sci.substr(0, e);
  int exponent = std::stoi(sci.substr(e + 1));
  bool negative = mantissa[0] == '-';
  if (negative) mantissa.erase(0, 1);
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits.push_back(c);
  }
  int decpt = exponent + 1;
  std::string out = negative ? "-" : "";
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out.append("0.").append(-decpt, '0').append(digits);
    } else if (static_cast<size_t>(decpt) >= digits.size()) {
      out.append(digits).append(decpt - digits.size(), '0').append(".0");
    } else {
      out.append(digits, 0, decpt).append(".").append(digits, decpt);
    }
  } else {
    out += digits.substr(0, 1);
    if (digits.size() > 1) out.append(".").append(digits, 1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
    out += exp;
  }
  return out;
}

std::string ScoreSummary::to_json() const {
  std::string out = "{\n \"pages\": " + std::to_string(pages);
  auto num = [&](const char* key, double v) { out += ",\n \"" + std::string(key) + "\": " + python_float(v); };
  auto cnt = [&](const char* key, long v) { out += ",\n \"" + std::string(key) + "\": " + std::to_string(v); };
  if (text_pages) {
    cnt("text_pages", static_cast<long>(text_pages));
    num("precision", precision);
    num("recall", recall);
    num("f1", f1);
    num("micro_precision", micro_precision);
    num("micro_recall", micro_recall);
    num("micro_f1", micro_f1);
  }
  if (has_shingles) {
    num("shingle_precision", shingle_precision);
    num("shingle_recall", shingle_recall);
    num("shingle_f1", shingle_f1);
  }
  if (has_snippets) {
    cnt("snippets_found", snippets_found);
    cnt("snippets_wanted", snippets_wanted);
    cnt("snippets_leaked", snippets_leaked);
    cnt("snippets_unwanted", snippets_unwanted);
    num("snippet_recall", snippet_recall);
    num("snippet_cleanliness", snippet_cleanliness);
  }
  out += "\n}";
  return out;
}

std::string ScoreSummary::per_page_csv() const {
  bool text = false, snippets = false;
  for (const PageScore& r : rows) {
    text |= r.has_text;
    snippets |= r.has_snippets;
  }
  std::string out = "id";
  if (text) out += ",f1";
  if (snippets) out += ",found,leaked";
  if (text) out += ",precision,recall";
  if (snippets) out += ",unwanted,wanted";
  out += "\r\n";
  auto field = [&out](bool present, const std::string& value) {
    out.push_back(',');
    if (present) out.append(value);
  };
  for (const PageScore& r : rows) {
    out += r.id;
    if (text) field(r.has_text, python_float(r.f1));
    if (snippets) {
      field(r.has_snippets, std::to_string(r.found));
      field(r.has_snippets, std::to_string(r.leaked));
    }
    if (text) {
      field(r.has_text, python_float(r.precision));
      field(r.has_text, python_float(r.recall));
    }
    if (snippets) {
      field(r.has_snippets, std::to_string(r.unwanted));
      field(r.has_snippets, std::to_string(r.wanted));
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace pith::detail
