// The extraction yardstick: ../shared/eval/score.py re-done in C++, figure for figure.
//
// Text scores are bag-of-tokens precision, recall and F1 per page (macro mean and pooled micro); tokens
// are NFKC-normalised, lower-cased runs of letters, marks and digits, with every unspaced CJK character a
// token of its own. Snippet scores count 'with' snippets found and 'without' snippets leaked in the
// whitespace-normalised prediction. --shingles N adds the ScrapingHub benchmark's shingle P/R/F1.
// Functions are thread-safe (ICU's normaliser instances are immutable singletons).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pith::detail {

// score.py's tokens(): NFKC, lower case, letter/mark/number runs, one token per unspaced CJK character.
std::vector<std::string> score_tokens(std::string_view utf8);
// score.py's squash(): NFKC, then white space runs collapsed to one space, ends trimmed.
std::string score_squash(std::string_view utf8);
// Python's re.findall(r"\w+", text) on the raw text (the shingle words).
std::vector<std::string> python_words(std::string_view utf8);
// Bytes read as score.py's read() does: invalid UTF-8 becomes U+FFFD (one per maximal subpart).
std::string utf8_replace_invalid(std::string_view bytes);

struct PageScore {
  std::string id;
  bool has_text = false;
  double precision = 0, recall = 0, f1 = 0;
  uint64_t common = 0, truth_tokens = 0, pred_tokens = 0;
  bool has_snippets = false;
  int found = 0, wanted = 0, leaked = 0, unwanted = 0;
  double shingle_tp = 0, shingle_fp = 0, shingle_fn = 0;  // fractions of the shingle union
};

struct ScoreSummary {
  size_t pages = 0;
  size_t text_pages = 0;
  double precision = 0, recall = 0, f1 = 0;
  double micro_precision = 0, micro_recall = 0, micro_f1 = 0;
  bool has_shingles = false;
  double shingle_precision = 0, shingle_recall = 0, shingle_f1 = 0;
  bool has_snippets = false;
  int snippets_found = 0, snippets_wanted = 0, snippets_leaked = 0, snippets_unwanted = 0;
  double snippet_recall = 0, snippet_cleanliness = 0;
  std::vector<PageScore> rows;
  // JSON as score.py prints it (json.dumps(summary, indent=1)).
  std::string to_json() const;
  // The --per-page CSV.
  std::string per_page_csv() const;
};

// A page's prediction by id; returns false when there is none (scored as empty).
using PredictionSource = std::function<bool(const std::string& id, std::string& text)>;

// Scores every page of DATASET_DIR/truth. `error` is set (and false returned) when the dataset has no
// truth directory.
bool score_dataset(const std::string& dataset_dir, const PredictionSource& predictions, int shingles,
                   ScoreSummary& summary, std::string& error);

// The ids of a dataset's pages: the sorted names (without extension) in DATASET_DIR/truth.
std::vector<std::string> dataset_ids(const std::string& dataset_dir);

// Python's repr() of a float (shortest round-trip, "1.0", "1e-05").
std::string python_float(double value);

}  // namespace pith::detail
