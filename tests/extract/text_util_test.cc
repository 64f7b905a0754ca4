// count_text and append_collapsed take wide (SSE2) and byte-at-a-time paths over ASCII runs; these tests
// hold them to a plain one-code-point-at-a-time reading of their contracts (text_util.h) on generated
// strings that cross every block boundary: white space runs, punctuation, words, CJK, NBSP, invisible
// characters and invalid bytes at every offset and length.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "extract/text_util.h"

namespace pith::detail {
namespace {

TextCounts reference_count(std::string_view s) {
  TextCounts c;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    i += decode_utf8(s, i, cp);
    if (is_space(cp)) {
      in_word = false;
    } else if (is_unspaced_cjk(cp)) {
      c.chars += kCjkWeight, ++c.cjk, ++c.words, in_word = false;
    } else if (cp == ',' || cp == ';' || cp == 0xFF0C || cp == 0x3001 || cp == 0x060C || cp == 0xFF1B) {
      ++c.chars, ++c.commas, in_word = false;
    } else if (cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x0964) {
      ++c.chars, ++c.stops, in_word = false;
    } else {
      ++c.chars;
      if (!in_word) ++c.words;
      in_word = true;
    }
  }
  return c;
}

// One code point at a time: no ASCII runs, no 16-byte blocks.
void reference_append(std::string& out, std::string_view text, bool& pending_space) {
  for (size_t i = 0; i < text.size();) i += append_collapsed_code_point(out, text, i, pending_space);
}

// Pieces the generator strings together: ASCII of every class, multi-byte characters of every kind the
// counters distinguish, and broken sequences.
const std::string_view kPieces[] = {
    "a", "Word", "x1", " ", "  ", "\t", "\n", "\r\n", "\f", ",", ";", ".", "!", "?", "-", "'", "\v", std::string_view("\0", 1),
    "\xc2\xa0", "\xe3\x80\x80", "\xe2\x80\x8b", "\xef\xbb\xbf", "\xc2\xad", "\xe2\x81\xa0", "\xe4\xb8\xad", "\xe3\x81\x82",
    "\xef\xbc\x8c", "\xe3\x80\x82", "\xc3\xa9", "\xf0\x9f\x98\x80", "\xf0\xa0\x80\x80", "\x80", "\xe4\xb8", "\xff",
    "abcdefghijklmnopqrstuvwxyz", "The quick brown fox jumps over the lazy dog, again; and again.",
    "                                   "};

std::string generate(std::mt19937& rng, size_t pieces) {
  std::string s;
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  for (size_t i = 0; i < pieces; ++i) s.append(kPieces[pick(rng)]);
  return s;
}

bool same(const TextCounts& a, const TextCounts& b) {
  return a.chars == b.chars && a.cjk == b.cjk && a.commas == b.commas && a.stops == b.stops && a.words == b.words;
}

TEST(TextUtil, CountTextMatchesTheOneCodePointReading) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string s = generate(rng, static_cast<size_t>(round % 60));
    // Every suffix start shifts the 16-byte blocks over the text.
    for (size_t from = 0; from < std::min<size_t>(s.size(), 17); ++from) {
      std::string_view v = std::string_view(s).substr(from);
      TextCounts got = count_text(v), want = reference_count(v);
      ASSERT_TRUE(same(got, want)) << "text [" << v << "] chars " << got.chars << "/" << want.chars << " words "
                                   << got.words << "/" << want.words << " commas " << got.commas << "/"
                                   << want.commas << " stops " << got.stops << "/" << want.stops;
    }
  }
}

TEST(TextUtil, CountTextMatchesOnLongAsciiRuns) {
  // Past 255 blocks of 16 bytes the per-lane sums are folded: runs of 10 to 20 KB of ASCII prose.
  std::mt19937 rng(3);
  std::uniform_int_distribution<size_t> pick(0, 2);
  const std::string_view prose[] = {"The quick brown fox, ", "jumps.  Over\tthe\n", "lazy dog; again! "};
  for (int round = 0; round < 20; ++round) {
    std::string s;
    while (s.size() < 10000 + 500 * static_cast<size_t>(round)) s.append(prose[pick(rng)]);
    if (round % 2) s.append("\xe4\xb8\xad tail");
    ASSERT_TRUE(same(count_text(s), reference_count(s))) << "round " << round;
  }
  // Every lane hit in every block: a lane's sum passes 255 unless folded in time.
  for (char c : {' ', ',', '.', 'a'}) {
    std::string s(8000, c);
    ASSERT_TRUE(same(count_text(s), reference_count(s))) << "8000 x '" << c << "'";
  }
  std::string alternating;
  while (alternating.size() < 8000) alternating.append("a ");
  ASSERT_TRUE(same(count_text(alternating), reference_count(alternating)));
}

TEST(TextUtil, CountTextCountsWordsAcrossWideBlocks) {
  // 14 letters, a space, then a word running over the 16-byte block boundary: three words, not four.
  std::string s = "abcdefghijklmn wordwordwordwordword, end.";  // the second word spans bytes 15-34
  TextCounts c = count_text(s);
  EXPECT_EQ(c.words, 3u);
  EXPECT_EQ(c.commas, 1u);
  EXPECT_EQ(c.stops, 1u);
  EXPECT_EQ(c.chars, s.size() - 2);
}

TEST(TextUtil, AppendCollapsedMatchesTheOneCodePointReading) {
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    std::string a = generate(rng, static_cast<size_t>(round % 40)), b = generate(rng, static_cast<size_t>(round % 13));
    std::string got = round % 3 == 0 ? "" : round % 3 == 1 ? "lead" : "line\n";
    std::string want = got;
    bool got_space = round % 2 == 0, want_space = got_space;
    append_collapsed(got, a, got_space);
    append_collapsed(got, b, got_space);
    reference_append(want, a, want_space);
    reference_append(want, b, want_space);
    ASSERT_EQ(got, want) << "from [" << a << "] + [" << b << "]";
    ASSERT_EQ(got_space, want_space);
  }
}

TEST(TextUtil, AppendCollapsedKeepsOneSpaceBetweenCalls) {
  std::string out;
  bool space = false;
  append_collapsed(out, "  a long run of visible text here\t\n", space);
  append_collapsed(out, "  \xc2\xa0next", space);
  EXPECT_EQ(out, "a long run of visible text here next");
}

}  // namespace
}  // namespace pith::detail
