// Extraction throughput: pith (decode + parse + extract + text output) against Debian's libgumbo parsing
// the same pages, in the same run, on one core.
//
// Outputs are checked before any timing counts: every page is extracted twice with the same Extractor
// and must give the same text (no state leaks between documents), and when the directory belongs to a
// dataset with truth/, the macro F1 (score.py's, via the C++ scorer) is printed beside the speed so a
// fast-but-wrong build is visible. Then R rounds alternate pith and gumbo over all pages; medians give
// MB/s and the ratio. Memory: peak RSS after the pith rounds, and RSS growth from the first to the last
// round (documents must not leak).
// Usage: extract_bench [--rounds R] DATASET_DIR_OR_HTML_DIR...
#include <gumbo.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/score.h"
#include "pith/extract.h"

namespace fs = std::filesystem;

namespace {

struct Page {
  std::string id, dataset, bytes;
};

long rss_kb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::atol(line.c_str() + 6);
  }
  return 0;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 3;
  std::vector<std::string> inputs;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else inputs.push_back(argv[i]);
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "usage: extract_bench [--rounds R] DATASET_DIR...\n");
    return 2;
  }
  std::vector<Page> pages;
  size_t total_bytes = 0;
  for (const std::string& in : inputs) {
    fs::path html = fs::exists(fs::path(in) / "html") ? fs::path(in) / "html" : fs::path(in);
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(html)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream s(f, std::ios::binary);
      Page p{f.stem().string(), in, std::string((std::istreambuf_iterator<char>(s)), std::istreambuf_iterator<char>())};
      total_bytes += p.bytes.size();
      pages.push_back(std::move(p));
    }
  }
  // Check outputs first.
  pith::Extractor extractor;
  std::unordered_map<std::string, std::string> texts;
  size_t mismatches = 0;
  for (const Page& p : pages) {
    std::string a = extractor.extract(p.bytes).text();
    std::string b = extractor.extract(p.bytes).text();
    if (a != b) ++mismatches;
    texts[p.dataset + "/" + p.id] = std::move(a);
  }
  if (mismatches) {
    std::fprintf(stderr, "extract_bench: %zu pages gave different text on a second run\n", mismatches);
    return 1;
  }
  for (const std::string& in : inputs) {
    pith::detail::ScoreSummary summary;
    std::string error;
    auto source = [&](const std::string& id, std::string& text) {
      auto it = texts.find(in + "/" + id);
      if (it == texts.end()) return false;
      text = it->second;
      return true;
    };
    if (pith::detail::score_dataset(in, source, 0, summary, error) && summary.text_pages) {
      std::printf("check %s: macro F1 %.4f over %zu pages\n", in.c_str(), summary.f1, summary.text_pages);
    }
  }
  long rss_first = 0;
  std::vector<double> pith_s, gumbo_s;
  size_t sink = 0;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = std::chrono::steady_clock::now();
    for (const Page& p : pages) sink += extractor.extract(p.bytes).text().size();
    auto t1 = std::chrono::steady_clock::now();
    if (r == 0) rss_first = rss_kb();
    for (const Page& p : pages) {
      GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.bytes.data(), p.bytes.size());
      sink += out->root != nullptr;
      gumbo_destroy_output(&kGumboDefaultOptions, out);
    }
    auto t2 = std::chrono::steady_clock::now();
    pith_s.push_back(std::chrono::duration<double>(t1 - t0).count());
    gumbo_s.push_back(std::chrono::duration<double>(t2 - t1).count());
  }
  long rss_last = rss_kb();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  double mb = double(total_bytes) / 1e6, tp = median(pith_s), tg = median(gumbo_s);
  std::printf("pages %zu, %.1f MB, rounds %d (checksum %zu)\n", pages.size(), mb, rounds, sink % 1000);
  std::printf("pith extract (text): %.1f MB/s, %.0f pages/s\n", mb / tp, double(pages.size()) / tp);
  std::printf("gumbo parse:         %.1f MB/s, %.0f pages/s\n", mb / tg, double(pages.size()) / tg);
  std::printf("ratio pith extract / gumbo parse: %.2fx\n", tg / tp);
  std::printf("peak RSS %.1f MB (includes the pages held in memory: %.1f MB); RSS growth over rounds %+.1f MB\n",
              double(usage.ru_maxrss) / 1024.0, mb, double(rss_last - rss_first) / 1024.0);
  return 0;
}
