// Measures, on every page of ../shared/eval/data, (1) the declared-but-wrong rule: each page where it
// changes the answer must hold at least as many of its truth file's characters as under the declaration;
// (2) the detector on pages whose confirmed declaration (meta/XML, decoding the page without error) is
// removed: correct when decoding with its answer gives the same text as with the declaration; (3) the
// detector on pages that declare nothing: correct when its answer's decoding holds as many of the truth
// characters as the best of the candidate encodings. Prints the figures; asserts floors under them.
#include <gtest/gtest.h>
#include <strings.h>

#include <algorithm>

#include <cerrno>
#include <iostream>
#include <map>
#include <set>
#include <string>

#include <iconv.h>

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


// The dominant non-ASCII script of UTF-8 text, by code point counts; empty if under 200 such characters.
std::string dominant_script(std::string_view utf8) {
  std::map<std::string, size_t> counts;
  for (char32_t c : test::code_points(utf8)) {
    if (c >= 0x3040 && c <= 0x30FF) counts["kana"] += 1;
    else if (c >= 0xAC00 && c <= 0xD7A3) counts["hangul"] += 1;
    else if (c >= 0x4E00 && c <= 0x9FFF) counts["han"] += 1;
    else if (c >= 0x400 && c <= 0x4FF) counts["cyrillic"] += 1;
    else if (c >= 0x370 && c <= 0x3FF) counts["greek"] += 1;
    else if (c >= 0x600 && c <= 0x6FF) counts["arabic"] += 1;
    else if (c >= 0xC0 && c <= 0x17F) counts["latin"] += 1;
  }
  std::string best;
  size_t best_count = 199;
  for (const auto& [script, count] : counts)
    if (count > best_count) best = script, best_count = count;
  // Japanese text is mostly kanji; any real share of kana makes it Japanese.
  if (best == "han" && counts["kana"] * 10 > counts["han"]) best = "kana";
  return best;
}

// UTF-8 to `charset` by iconv, leaving out characters the charset lacks.
std::string transcode(std::string_view utf8, const char* charset) {
  iconv_t cd = iconv_open(charset, "UTF-8");
  std::string out(utf8.size() * 2 + 64, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &dst_left) != static_cast<size_t>(-1)) break;
    if (errno != EILSEQ && errno != EINVAL) break;
    size_t skip = 1;  // the unencodable character, whole
    while (skip < in_left && (static_cast<unsigned char>(in[skip]) & 0xC0) == 0x80) ++skip;
    in += skip;
    in_left -= skip;
  }
  iconv(cd, nullptr, nullptr, &dst, &dst_left);
  iconv_close(cd);
  out.resize(out.size() - dst_left);
  return out;
}

TEST(DetectorAccuracy, UndeclaredLegacyPagesTranscodedFromUtf8) {
  if (test::dataset_dir("zh_wce_immortal_autumn").empty()) GTEST_SKIP() << "datasets not available";
  struct Target {
    Encoding encoding;
    const char* iconv_name;
  };
  const std::map<std::string, std::vector<Target>> targets = {
      {"han", {{Encoding::kGbk, "GBK"}, {Encoding::kBig5, "BIG5-HKSCS"}}},
      {"kana", {{Encoding::kShiftJis, "CP932"}, {Encoding::kEucJp, "EUC-JP"}, {Encoding::kIso2022Jp, "ISO-2022-JP"}}},
      {"hangul", {{Encoding::kEucKr, "CP949"}}},
      {"cyrillic", {{Encoding::kWindows1251, "CP1251"}, {Encoding::kKoi8R, "KOI8-R"}}},
      {"greek", {{Encoding::kWindows1253, "CP1253"}}},
      {"arabic", {{Encoding::kWindows1256, "CP1256"}}},
      {"latin", {{Encoding::kWindows1252, "CP1252"}}},
  };
  std::map<std::string, Tally> by_encoding;
  Tally all, declared_utf8;
  size_t latin_pages = 0;
  for (const std::string& name : test::dataset_names()) {
    fs::path dir = test::dataset_dir(name);
    if (dir.empty()) continue;
    for (const auto& entry : fs::directory_iterator(dir / "html")) {
      std::string html;
      ASSERT_TRUE(test::read_file(entry.path(), html));
      if (html.starts_with("\xEF\xBB\xBF") || !is_valid_utf8(html)) continue;
      std::string script = dominant_script(html);
      if (script.empty() || (script == "latin" && ++latin_pages > 100)) continue;  // Latin pages: a sample
      for (const Target& target : targets.at(script)) {
        std::string legacy = without_declaration(transcode(html, target.iconv_name));
        // A page the charset cannot mostly hold (Simplified Chinese in Big5) is not a page anyone wrote.
        Decoder check;
        if (test::code_points(check.decode(legacy, target.encoding)).size() * 100 < test::code_points(html).size() * 97)
          continue;
        SniffResult detected = sniff_encoding(legacy);
        Decoder a, b;
        bool ok = a.decode(legacy, detected.encoding) == b.decode(legacy, target.encoding);
        all.add(ok);
        by_encoding[std::string(encoding_name(target.encoding))].add(ok);
        // The same page declaring UTF-8, as pages re-served by a UTF-8 CMS do: the declared-but-wrong
        // rule must find the legacy encoding (ISO-2022-JP is seven-bit, valid UTF-8: nothing to fix).
        if (target.encoding != Encoding::kIso2022Jp && !is_valid_utf8(legacy)) {
          std::string mislabelled = "<meta charset=\"utf-8\">" + legacy;
          SniffResult fixed = sniff_encoding(mislabelled);
          Decoder c, d;
          bool fixed_ok = c.decode(mislabelled, fixed.encoding) == d.decode(mislabelled, target.encoding);
          declared_utf8.add(fixed_ok);
          if (!fixed_ok)
            std::cout << "rule miss (declared utf-8): " << name << "/" << entry.path().filename().string() << " is "
                      << encoding_name(target.encoding) << ", got " << encoding_name(fixed.encoding) << "\n";
        }
        if (!ok)
          std::cout << "detector miss (transcoded): " << name << "/" << entry.path().filename().string() << " as "
                    << encoding_name(target.encoding) << ", detected " << encoding_name(detected.encoding) << "\n";
      }
    }
  }
  std::cout << "detector, undeclared pages transcoded from UTF-8: " << all.correct << "/" << all.total << " (";
  for (const auto& [encoding, tally] : by_encoding) std::cout << encoding << " " << tally.correct << "/" << tally.total << " ";
  std::cout << ")\n";
  std::cout << "declared-but-wrong rule, those pages declaring utf-8: " << declared_utf8.correct << "/"
            << declared_utf8.total << " corrected\n";
  EXPECT_GE(all.total, 100u);
  EXPECT_GE(all.rate(), 0.80);
  EXPECT_GE(declared_utf8.rate(), 0.80);
}

}  // namespace
}  // namespace pith
