// Measures, on every page of ../shared/eval/data, (1) the declared-but-wrong rule: each page where it
// changes the answer must hold at least as many of its truth file's characters as under the declaration;
// (2) the detector on pages whose confirmed declaration (meta/XML, decoding the page without error) is
// removed: correct when decoding with its answer gives the same text as with the declaration; (3) the
// detector on pages that declare nothing: correct when its answer's decoding holds as many of the truth
// characters as the best of the candidate encodings. Prints the figures; asserts floors under them.
#include <gtest/gtest.h>
#include <strings.h>

#include <algorithm>

#include <iostream>
#include <map>
#include <set>
#include <string>

#include "dataset_util.h"
#include "pith/encoding.h"

namespace pith {
namespace {

namespace fs = std::filesystem;

std::string truth_of(const fs::path& dir, const std::string& stem) {
  std::string truth;
  if (!test::read_file(dir / "truth" / (stem + ".txt"), truth)) test::read_file(dir / "truth" / (stem + ".json"), truth);
  return truth;
}

bool has_non_ascii(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Share of the truth's non-ASCII characters present in the page decoded as `encoding`; -1 if the truth
// has fewer than 5 of them (nothing to judge by).
double truth_coverage(std::string_view html, Encoding encoding, const std::u32string& truth_chars) {
  size_t total = 0;
  for (char32_t c : truth_chars) total += c >= 0x80 && !test::is_space_like(c);
  if (total < 5) return -1;
  Decoder decoder;
  std::u32string decoded = test::code_points(test::visible_text(decoder.decode(html, encoding)));
  std::set<char32_t> present(decoded.begin(), decoded.end());
  size_t found = 0;
  for (char32_t c : truth_chars) found += c >= 0x80 && !test::is_space_like(c) && present.count(c);
  return static_cast<double>(found) / static_cast<double>(total);
}

// Hides every declaration from the sniffer: "charset" and an XML declaration's "encoding" renamed.
std::string without_declaration(std::string html) {
  size_t limit = std::min<size_t>(html.size(), 64 * 1024);
  for (size_t i = 0; i + 7 <= limit; ++i) {
    if ((html[i] | 0x20) == 'c' && strncasecmp(html.data() + i, "charset", 7) == 0) html[i + 6] = 'x';
  }
  if (html.starts_with("<?xml")) html[2] = 'y';
  return html;
}

struct Tally {
  size_t total = 0, correct = 0;
  void add(bool ok) {
    ++total;
    correct += ok;
  }
  double rate() const { return total ? static_cast<double>(correct) / static_cast<double>(total) : 0; }
};

TEST(DetectorAccuracy, RuleAndDetectorOnTheDatasets) {
  if (test::dataset_dir("zh_wce_immortal_autumn").empty()) GTEST_SKIP() << "datasets not available";
  const Encoding candidates[] = {Encoding::kUtf8,    Encoding::kWindows1252, Encoding::kGbk,
                                 Encoding::kBig5,    Encoding::kEucKr,       Encoding::kShiftJis,
                                 Encoding::kEucJp,   Encoding::kWindows1251, Encoding::kWindows1250,
                                 Encoding::kKoi8R,   Encoding::kWindows1253, Encoding::kWindows1254};
  SniffOptions spec, no_rule;
  spec.spec_only = true;
  no_rule.fix_declared_but_wrong = false;
  Tally removed_utf8, removed_legacy, undeclared;
  std::map<std::string, Tally> removed_by_encoding;
  size_t pages = 0, rule_fired = 0, rule_improved = 0;
  for (const std::string& name : test::dataset_names()) {
    fs::path dir = test::dataset_dir(name);
    if (dir.empty()) continue;
    for (const auto& entry : fs::directory_iterator(dir / "html")) {
      std::string html;
      ASSERT_TRUE(test::read_file(entry.path(), html));
      std::string stem = entry.path().stem().string();
      std::u32string truth = test::code_points(truth_of(dir, stem));
      std::string page = name + "/" + stem;
      ++pages;

      SniffResult with_rule = sniff_encoding(html);
      SniffResult without_rule = sniff_encoding(html, no_rule);
      if (with_rule.encoding != without_rule.encoding) {
        ++rule_fired;
        double before = truth_coverage(html, without_rule.encoding, truth);
        double after = truth_coverage(html, with_rule.encoding, truth);
        rule_improved += after > before;
        std::cout << "rule: " << page << " declared " << encoding_name(without_rule.encoding) << " -> "
                  << encoding_name(with_rule.encoding) << ", truth characters " << before << " -> " << after << "\n";
        EXPECT_GE(after, before) << page;
      }

      SniffResult declared = sniff_encoding(html, spec);
      bool declares = declared.source == EncodingSource::kMeta || declared.source == EncodingSource::kXml;
      if (declares && has_non_ascii(html)) {
        Decoder reference;
        std::string expected(reference.decode(html, declared.encoding));
        // The declaration must be confirmed by the bytes: no decoding error, and a single-byte declaration
        // not contradicted by valid UTF-8 (the declared-but-wrong rule's case, measured above).
        if (reference.replacements() != 0) continue;
        if (declared.encoding != Encoding::kUtf8 && declared.encoding != Encoding::kGbk && is_valid_utf8(html)) continue;
        std::string stripped = without_declaration(html);
        SniffResult detected = sniff_encoding(stripped);
        ASSERT_NE(detected.source, EncodingSource::kMeta) << page;
        Decoder a, b;
        bool ok = a.decode(stripped, detected.encoding) == b.decode(stripped, declared.encoding);
        (declared.encoding == Encoding::kUtf8 ? removed_utf8 : removed_legacy).add(ok);
        removed_by_encoding[std::string(encoding_name(declared.encoding))].add(ok);
        if (!ok)
          std::cout << "detector miss (declaration removed): " << page << " declared "
                    << encoding_name(declared.encoding) << ", detected " << encoding_name(detected.encoding) << "\n";
      } else if (declared.source == EncodingSource::kDefault && has_non_ascii(html)) {
        double best = -1;
        for (Encoding candidate : candidates) best = std::max(best, truth_coverage(html, candidate, truth));
        if (best < 0.5) continue;  // no truth to judge by
        SniffResult detected = sniff_encoding(html);
        bool ok = truth_coverage(html, detected.encoding, truth) >= best;
        undeclared.add(ok);
        if (!ok)
          std::cout << "detector miss (undeclared): " << page << " detected " << encoding_name(detected.encoding)
                    << "\n";
      }
    }
  }
  std::cout << "pages: " << pages << "; declared-but-wrong rule changed " << rule_fired << " ("
            << rule_improved << " with more truth characters)\n";
  std::cout << "detector, declaration removed: utf-8 " << removed_utf8.correct << "/" << removed_utf8.total
            << ", legacy " << removed_legacy.correct << "/" << removed_legacy.total << " (";
  for (const auto& [encoding, tally] : removed_by_encoding)
    std::cout << encoding << " " << tally.correct << "/" << tally.total << " ";
  std::cout << ")\ndetector, undeclared pages judged by truth: " << undeclared.correct << "/" << undeclared.total
            << "\n";
  EXPECT_GE(removed_utf8.rate(), 0.99);
  EXPECT_GE(removed_legacy.rate(), 0.85);
  EXPECT_GE(undeclared.rate(), 0.85);
}

}  // namespace
}  // namespace pith
