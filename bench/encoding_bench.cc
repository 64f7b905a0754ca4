// Encoding throughput: UTF-8 validation (pith's in-place check vs glibc iconv UTF-8 -> UTF-8, with memcpy
// as the memory-speed reference) and GBK / EUC-KR decoding to UTF-8 (pith's WHATWG decoders vs iconv
// GB18030 / CP949), all on the same bytes in the same run. Before any timing counts, every page of each
// input is decoded by both and compared; pages on which they differ (the WHATWG mappings and glibc's are
// not identical everywhere) are left out and counted. Prints throughputs and the pith/iconv ratios.
//
// Usage: encoding_bench [benchmark flags] [--data DIR]  (DIR: unpacked ../shared/eval/data; without it the
// GBK input is the GB2312 repertoire in markup, synthesised). bench/run.sh passes --data.
#include <benchmark/benchmark.h>
#include <iconv.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pith/encoding.h"

namespace {

namespace fs = std::filesystem;
constexpr size_t kTargetBytes = 16u << 20;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// iconv over the whole input into `out`; false if it stops early (invalid or incomplete input).
bool iconv_convert(iconv_t cd, std::string_view in, std::string& out) {
  iconv(cd, nullptr, nullptr, nullptr, nullptr);
  out.resize(in.size() * 2 + 16);
  char* src = const_cast<char*>(in.data());
  char* dst = out.data();
  size_t src_left = in.size(), dst_left = out.size();
  size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
  out.resize(out.size() - dst_left);
  return rc != static_cast<size_t>(-1) && src_left == 0;
}

struct Input {
  std::string bytes;
  size_t pages_used = 0, pages_dropped = 0;
};

// Concatenates the pages both decoders turn into the same UTF-8, repeated up to kTargetBytes.
Input build_input(const std::vector<std::string>& pages, pith::Encoding encoding, const char* iconv_name) {
  Input input;
  iconv_t cd = iconv_open("UTF-8", iconv_name);
  pith::Decoder decoder;
  std::string reference, corpus;
  for (const std::string& page : pages) {
    bool same = iconv_convert(cd, page, reference) && decoder.decode(page, encoding) == reference &&
                decoder.replacements() == 0;
    if (same && corpus.size() < kTargetBytes) {
      corpus += page;
      ++input.pages_used;
    } else if (!same) {
      ++input.pages_dropped;
    }
  }
  iconv_close(cd);
  while (!corpus.empty() && input.bytes.size() < kTargetBytes) input.bytes += corpus;
  return input;
}

std::map<std::string, Input>& inputs() {
  static std::map<std::string, Input> all;
  return all;
}

void BM_Pith_Utf8Validate(benchmark::State& state, const std::string& name) {
  const std::string& bytes = inputs()[name].bytes;
  for (auto _ : state) benchmark::DoNotOptimize(pith::is_valid_utf8(bytes));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

void BM_Iconv_Utf8(benchmark::State& state, const std::string& name) {
  const std::string& bytes = inputs()[name].bytes;
  iconv_t cd = iconv_open("UTF-8", "UTF-8");
  std::string out;
  for (auto _ : state) benchmark::DoNotOptimize(iconv_convert(cd, bytes, out));
  iconv_close(cd);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

void BM_Memcpy(benchmark::State& state, const std::string& name) {
  const std::string& bytes = inputs()[name].bytes;
  std::string out(bytes.size(), '\0');
  for (auto _ : state) {
    std::memcpy(out.data(), bytes.data(), bytes.size());
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

void BM_Pith_Decode(benchmark::State& state, const std::string& name, pith::Encoding encoding) {
  const std::string& bytes = inputs()[name].bytes;
  pith::Decoder decoder;
  for (auto _ : state) benchmark::DoNotOptimize(decoder.decode(bytes, encoding).size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

void BM_Iconv_Decode(benchmark::State& state, const std::string& name, const char* iconv_name) {
  const std::string& bytes = inputs()[name].bytes;
  iconv_t cd = iconv_open("UTF-8", iconv_name);
  std::string out;
  for (auto _ : state) benchmark::DoNotOptimize(iconv_convert(cd, bytes, out));
  iconv_close(cd);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes.size()));
}

// Records bytes/second per benchmark so the ratios can be printed after the run.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      auto it = run.counters.find("bytes_per_second");
      if (it != run.counters.end()) speed[run.benchmark_name()] = it->second;
    }
  }
  std::map<std::string, double> speed;
};

std::string synthetic_gbk() {
  std::string page = "<html><head><meta charset=gb2312><title>t</title></head><body>\n";
  for (int lead = 0xB0; lead <= 0xF7; ++lead) {
    page += "<p class=\"text\">";
    for (int trail = 0xA1; trail <= 0xFE; ++trail) {
      page.push_back(static_cast<char>(lead));
      page.push_back(static_cast<char>(trail));
      if (trail % 16 == 0) page += "\xA3\xAC";  // fullwidth comma
    }
    page += "</p>\n";
  }
  return page + "</body></html>\n";
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  fs::path data;
  for (int i = 1; i + 1 < argc; ++i)
    if (std::string(argv[i]) == "--data") data = argv[i + 1];
  fs::path seed = fs::path(PITH_SHARED_DIR) / "fixtures" / "seed" / "html";
  std::string english = read_file(seed / "arirang-alliance-70th.html");
  std::string korean = read_file(seed / "arirang-alliance-70th-ko.html");
  if (english.empty() || korean.empty()) {
    std::fprintf(stderr, "encoding_bench: seed pages not found under %s\n", seed.c_str());
    return 1;
  }
  pith::Decoder decoder;
  std::string korean_utf8(decoder.decode(korean, pith::Encoding::kEucKr));

  std::vector<std::string> gbk_pages, utf8_pages;
  if (!data.empty()) {
    for (const auto& entry : fs::recursive_directory_iterator(data)) {
      if (entry.path().extension() != ".html") continue;
      std::string page = read_file(entry.path());
      pith::SniffResult r = pith::sniff_encoding(page);
      if (r.encoding == pith::Encoding::kGbk || r.encoding == pith::Encoding::kGb18030) gbk_pages.push_back(page);
      if (r.encoding == pith::Encoding::kUtf8 && r.source != pith::EncodingSource::kBom) utf8_pages.push_back(page);
    }
  }
  if (gbk_pages.empty()) gbk_pages.push_back(synthetic_gbk());
  if (utf8_pages.empty()) utf8_pages = {english, korean_utf8};

  inputs()["utf8-pages"] = build_input(utf8_pages, pith::Encoding::kUtf8, "UTF-8");
  inputs()["utf8-korean"] = build_input({korean_utf8}, pith::Encoding::kUtf8, "UTF-8");
  inputs()["gbk"] = build_input(gbk_pages, pith::Encoding::kGbk, "GB18030");
  inputs()["euc-kr"] = build_input({korean}, pith::Encoding::kEucKr, "CP949");
  for (const auto& [name, input] : inputs()) {
    std::printf("input %-12s %6.1f MB from %zu pages (%zu left out: pith and iconv differ)\n", name.c_str(),
                static_cast<double>(input.bytes.size()) / 1e6, input.pages_used, input.pages_dropped);
    if (input.bytes.empty()) {
      std::fprintf(stderr, "encoding_bench: no page of %s decodes the same in pith and iconv\n", name.c_str());
      return 1;
    }
  }

  for (const char* name : {"utf8-pages", "utf8-korean"}) {
    std::string n = name;
    benchmark::RegisterBenchmark(("utf8_validate/pith/" + n).c_str(), BM_Pith_Utf8Validate, n);
    benchmark::RegisterBenchmark(("utf8_validate/iconv/" + n).c_str(), BM_Iconv_Utf8, n);
    benchmark::RegisterBenchmark(("utf8_validate/memcpy/" + n).c_str(), BM_Memcpy, n);
  }
  benchmark::RegisterBenchmark("decode/pith/gbk", BM_Pith_Decode, std::string("gbk"), pith::Encoding::kGbk);
  benchmark::RegisterBenchmark("decode/iconv/gbk", BM_Iconv_Decode, std::string("gbk"), "GB18030");
  benchmark::RegisterBenchmark("decode/pith/euc-kr", BM_Pith_Decode, std::string("euc-kr"), pith::Encoding::kEucKr);
  benchmark::RegisterBenchmark("decode/iconv/euc-kr", BM_Iconv_Decode, std::string("euc-kr"), "CP949");

  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  auto ratio = [&](const std::string& what, const std::string& a, const std::string& b) {
    if (!reporter.speed.count(a) || !reporter.speed.count(b)) return;
    std::printf("%-34s pith %7.2f GB/s  %-6s %7.2f GB/s  ratio %.2fx\n", what.c_str(), reporter.speed[a] / 1e9,
                b.substr(b.find('/') + 1, b.rfind('/') - b.find('/') - 1).c_str(), reporter.speed[b] / 1e9,
                reporter.speed[a] / reporter.speed[b]);
  };
  for (const char* name : {"utf8-pages", "utf8-korean"}) {
    std::string n = name;
    ratio("utf-8 validation, " + n, "utf8_validate/pith/" + n, "utf8_validate/iconv/" + n);
    ratio("utf-8 validation vs memcpy, " + n, "utf8_validate/pith/" + n, "utf8_validate/memcpy/" + n);
  }
  ratio("gbk -> utf-8", "decode/pith/gbk", "decode/iconv/gbk");
  ratio("euc-kr -> utf-8", "decode/pith/euc-kr", "decode/iconv/euc-kr");
  return 0;
}
