// Parser throughput: pith's HtmlParser against Debian's libgumbo on the same pages, in the same run.
//
// Before any timing counts, both parsers parse every page and their element counts are compared; pages
// that differ are reported (count and the first few with both figures), since gumbo 0.10 predates some
// spec changes (e.g. <search>, <select> content rules). Then R rounds alternate pith and gumbo over all
// pages; the medians give MB/s and the ratio. Peak memory: RSS growth while pith alone has run.
// Usage: parse_bench [--rounds R] FILE_OR_DIR...
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
#include <vector>

#include "pith/html.h"

namespace {

struct Page {
  std::string path;
  std::string bytes;
};

std::vector<Page> load_pages(const std::vector<std::string>& roots) {
  std::vector<Page> pages;
  for (const std::string& root : roots) {
    std::vector<std::string> paths;
    if (std::filesystem::is_directory(root)) {
      for (const auto& e : std::filesystem::recursive_directory_iterator(root))
        if (e.is_regular_file() && (e.path().extension() == ".html" || e.path().extension() == ".htm"))
          paths.push_back(e.path().string());
    } else {
      paths.push_back(root);
    }
    std::sort(paths.begin(), paths.end());
    for (const std::string& p : paths) {
      std::ifstream in(p, std::ios::binary);
      pages.push_back({p, std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>())});
    }
  }
  return pages;
}

size_t count_pith_elements(const pith::Node* root) {
  size_t n = 0;
  std::vector<const pith::Node*> stack{root};
  while (!stack.empty()) {
    const pith::Node* node = stack.back();
    stack.pop_back();
    if (node->is_element()) ++n;
    if (node->template_contents) stack.push_back(node->template_contents);
    for (const pith::Node* c = node->first_child; c; c = c->next_sibling) stack.push_back(c);
  }
  return n;
}

size_t count_gumbo_elements(const GumboNode* root) {
  size_t n = 0;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      ++n;
      children = &node->v.element.children;
    } else if (node->type == GUMBO_NODE_DOCUMENT) {
      children = &node->v.document.children;
    }
    if (children)
      for (unsigned i = 0; i < children->length; ++i) stack.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
  return n;
}

long max_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

long current_rss_kb() {
  std::ifstream in("/proc/self/statm");
  long pages_total = 0, pages_resident = 0;
  in >> pages_total >> pages_resident;
  return pages_resident * 4;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

template <typename F>
double seconds(F&& f) {
  auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  std::vector<std::string> roots;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc) rounds = std::max(1, std::atoi(argv[++i]));
    else roots.push_back(argv[i]);
  }
  if (roots.empty()) {
    std::fprintf(stderr, "usage: parse_bench [--rounds R] FILE_OR_DIR...\n");
    return 2;
  }
  std::vector<Page> pages = load_pages(roots);
  size_t total_bytes = 0;
  for (const Page& p : pages) total_bytes += p.bytes.size();
  if (pages.empty()) {
    std::fprintf(stderr, "parse_bench: no pages found\n");
    return 2;
  }
  const double mb = total_bytes / 1e6;
  std::printf("pages: %zu, %.1f MB\n", pages.size(), mb);

  // Peak memory of pith alone: RSS growth over the loaded pages while only pith has parsed.
  long rss_before = current_rss_kb();
  pith::HtmlParser parser;
  std::vector<size_t> pith_counts;
  size_t pith_total = 0;
  for (const Page& p : pages) {
    pith_counts.push_back(count_pith_elements(parser.parse(p.bytes).root()));
    pith_total += pith_counts.back();
  }
  long pith_peak_kb = max_rss_kb() - rss_before;

  // Check: both parsers count the same elements on each page.
  size_t differing = 0, gumbo_total = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, pages[i].bytes.data(), pages[i].bytes.size());
    size_t g = count_gumbo_elements(out->document);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    gumbo_total += g;
    if (g != pith_counts[i]) {
      if (differing < 5)
        std::printf("  differs: %s pith=%zu gumbo=%zu\n", pages[i].path.c_str(), pith_counts[i], g);
      ++differing;
    }
  }
  std::printf("element counts: pith %zu, gumbo %zu; pages differing: %zu of %zu\n", pith_total, gumbo_total,
              differing, pages.size());
  // Gumbo 0.10 predates spec changes, so a few pages may differ; more than 2% means a parser bug, and
  // timings of a parser that builds a different tree would not count.
  if (differing * 50 > pages.size()) {
    std::printf("FAIL: more than 2%% of pages differ in element count; timings not reported\n");
    return 1;
  }

  std::vector<double> pith_s, gumbo_s;
  for (int r = 0; r < rounds; ++r) {
    size_t checksum = 0;
    pith_s.push_back(seconds([&] {
      for (const Page& p : pages) checksum += parser.parse(p.bytes).node_count();
    }));
    gumbo_s.push_back(seconds([&] {
      for (const Page& p : pages) {
        GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, p.bytes.data(), p.bytes.size());
        checksum += out->document->v.document.children.length;
        gumbo_destroy_output(&kGumboDefaultOptions, out);
      }
    }));
    if (checksum == 0) std::printf("(empty parse)\n");
  }
  double pith_mbs = mb / median(pith_s), gumbo_mbs = mb / median(gumbo_s);
  std::printf("pith  parse: %8.1f MB/s  %8.0f pages/s (median of %d)\n", pith_mbs, pages.size() / median(pith_s), rounds);
  std::printf("gumbo parse: %8.1f MB/s  %8.0f pages/s (median of %d)\n", gumbo_mbs, pages.size() / median(gumbo_s), rounds);
  std::printf("ratio pith/gumbo: %.2fx (target >= 11x)\n", pith_mbs / gumbo_mbs);
  std::printf("pith peak memory over the loaded pages: %.1f MB\n", pith_peak_kb / 1024.0);
  return 0;
}
