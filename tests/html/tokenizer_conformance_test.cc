// Conformance runner for the html5lib tokenizer suite (PITH_SHARED_DIR/html5lib-tests/tokenizer/*.test).
//
// Every case runs once per initial state it lists, with its lastStartTag, after the doubleEscaped
// unescaping the suite's README describes. A run passes when (1) the tokens match, with adjacent character
// tokens coalesced as the format expects and attributes compared as a name->value map, and (2) the parse
// error codes match as a multiset (codes only: the suite's line/column positions are not compared, and
// the order is not, since the spec leaves the order of some errors at one position open).
// "CDATA section state" has no TokenizerSwitch (the tree builder never asks for it): such cases run as
// "<svg><![CDATA[" + input with a sink that reports foreign content, which puts the tokenizer in exactly
// that state at the input's first character; the <svg> start tag is then left out of the comparison.
// The 4 cases of xmlViolation.test (an XML-coercing output mode) are not run; the count is printed.
// The test fails when a run fails that tests/html/tokenizer_expected_failures.txt does not list, when a
// listed run passes (a stale entry), or when the pass rate drops below 99%.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/arena.h"
#include "html/tokenizer.h"

namespace pith::detail {
namespace {

using nlohmann::json;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The second round of unescaping for doubleEscaped cases: \uXXXX (surrogate pairs joined) to UTF-8.
std::string unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\\' && i + 6 <= s.size() && s[i + 1] == 'u') {
      uint32_t cp = std::stoul(s.substr(i + 2, 4), nullptr, 16);
      i += 6;
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= s.size() && s[i] == '\\' && s[i + 1] == 'u') {
        const uint32_t low = std::stoul(s.substr(i + 2, 4), nullptr, 16);
        if (low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
      }
      pith::detail::append_utf8(out, cp);  // lone surrogates come out as WTF-8 (see the expected-failure list)
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

json unescape_strings(const json& j) {
  if (j.is_string()) return unescape(j.get<std::string>());
  if (j.is_array()) {
    json out = json::array();
    for (const json& e : j) out.push_back(unescape_strings(e));
    return out;
  }
  if (j.is_object()) {
    json out = json::object();
    for (auto it = j.begin(); it != j.end(); ++it) out[unescape(it.key())] = unescape_strings(it.value());
    return out;
  }
  return j;
}

// Collects tokens in the suite's output format.
class RecordingSink : public TokenSink {
 public:
  explicit RecordingSink(bool foreign) : foreign_(foreign) {}
  SinkResult process(const Token& t) override {
    switch (t.kind) {
      case TokenKind::kDoctype:
        tokens.push_back({"DOCTYPE", t.name_missing ? json(nullptr) : json(std::string(t.name)),
                          t.public_id_missing ? json(nullptr) : json(std::string(t.public_id)),
                          t.system_id_missing ? json(nullptr) : json(std::string(t.system_id)), !t.force_quirks});
        break;
      case TokenKind::kStartTag: {
        json attrs = json::object();
        for (const Attribute& a : t.attributes) attrs[std::string(a.name)] = std::string(a.value);
        json token = {"StartTag", std::string(t.name), attrs};
        if (t.self_closing) token.push_back(true);
        tokens.push_back(token);
        break;
      }
      case TokenKind::kEndTag:
        tokens.push_back({"EndTag", std::string(t.name)});
        break;
      case TokenKind::kComment:
        tokens.push_back({"Comment", std::string(t.data)});
        break;
      case TokenKind::kCharacter:
        if (t.data.empty()) empty_character_token = true;
        if (!tokens.empty() && tokens.back()[0] == "Character") {
          tokens.back()[1] = tokens.back()[1].get<std::string>() + std::string(t.data);
        } else {
          tokens.push_back({"Character", std::string(t.data)});
        }
        break;
      case TokenKind::kEndOfFile:
        ++eof_tokens;
        break;
    }
    SinkResult r;
    r.in_foreign_content = foreign_;
    return r;
  }
  json tokens = json::array();
  int eof_tokens = 0;
  bool empty_character_token = false;

 private:
  bool foreign_;
};

struct RunResult {
  bool passed = false;
  std::string detail;
};

RunResult run_case(const json& test, const std::string& initial_state) {
  const bool double_escaped = test.value("doubleEscaped", false);
  std::string input = test["input"].get<std::string>();
  if (double_escaped) input = unescape(input);
  json expected = test["output"];
  if (double_escaped) expected = unescape_strings(expected);

  const bool cdata = initial_state == "CDATA section state";
  const std::string prefix = cdata ? "<svg><![CDATA[" : "";
  const std::string text = prefix + input;

  Arena arena;
  std::vector<ParseError> errors;
  Tokenizer tokenizer;
  RecordingSink sink(cdata);
  tokenizer.reset(text, arena, &errors);
  if (initial_state == "PLAINTEXT state") tokenizer.set_state(TokenizerSwitch::kPlaintext);
  else if (initial_state == "RCDATA state") tokenizer.set_state(TokenizerSwitch::kRcdata);
  else if (initial_state == "RAWTEXT state") tokenizer.set_state(TokenizerSwitch::kRawtext);
  else if (initial_state == "Script data state") tokenizer.set_state(TokenizerSwitch::kScriptData);
  else if (initial_state != "Data state" && !cdata) return {false, "unknown initial state " + initial_state};
  if (test.contains("lastStartTag")) tokenizer.set_last_start_tag(test["lastStartTag"].get<std::string>());
  tokenizer.run(sink);

  json actual = sink.tokens;
  if (cdata) actual.erase(actual.begin());  // the <svg> that opened foreign content

  std::multiset<std::string> expected_errors, actual_errors;
  if (test.contains("errors"))
    for (const json& e : test["errors"]) expected_errors.insert(e["code"].get<std::string>());
  for (const ParseError& e : errors) actual_errors.insert(std::string(e.code));

  RunResult r;
  r.passed = actual == expected && expected_errors == actual_errors && sink.eof_tokens == 1 &&
             !sink.empty_character_token;
  if (!r.passed) {
    std::string got_errors, want_errors;
    for (const std::string& e : actual_errors) got_errors += e + " ";
    for (const std::string& e : expected_errors) want_errors += e + " ";
    auto show = [](const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); };
    r.detail = "input " + show(json(input)) + "\n    want " + show(expected) + "\n    got  " + show(actual) +
               "\n    want errors " + want_errors + "\n    got errors  " + got_errors +
               "\n    eof tokens " + std::to_string(sink.eof_tokens);
  }
  return r;
}

// Lines "FILE#INDEX@INITIAL STATE -- reason"; '#'-lines and blank lines are comments.
std::map<std::string, std::string> load_expected_failures(const std::filesystem::path& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t sep = line.find(" -- ");
    EXPECT_NE(sep, std::string::npos) << "expected-failure entry without a reason: " << line;
    if (sep == std::string::npos) continue;
    out[line.substr(0, sep)] = line.substr(sep + 4);
  }
  return out;
}

TEST(TokenizerConformance, Html5libTokenizerSuite) {
  const std::filesystem::path dir = std::filesystem::path(PITH_SHARED_DIR) / "html5lib-tests" / "tokenizer";
  if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "html5lib tokenizer tests not found at " << dir;
  const auto expected_failures = load_expected_failures(std::filesystem::path(PITH_SOURCE_DIR) / "tests" /
                                                        "html" / "tokenizer_expected_failures.txt");

  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".test") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());

  size_t total = 0, passed = 0, skipped = 0;
  std::set<std::string> seen;
  for (const auto& file : files) {
    const json doc = json::parse(read_file(file));
    // xmlViolationTests describe the output of an XML-coercing mode, not HTML tokenization: not run.
    if (doc.contains("xmlViolationTests")) skipped += doc["xmlViolationTests"].size();
    if (!doc.contains("tests")) continue;
    const json& tests = doc["tests"];
    for (size_t i = 0; i < tests.size(); ++i) {
      const json& test = tests[i];
      std::vector<std::string> states = {"Data state"};
      if (test.contains("initialStates")) states = test["initialStates"].get<std::vector<std::string>>();
      for (const std::string& state : states) {
        const std::string key = file.filename().string() + "#" + std::to_string(i) + "@" + state;
        seen.insert(key);
        ++total;
        const RunResult r = run_case(test, state);
        const bool listed = expected_failures.count(key) != 0;
        if (r.passed) {
          ++passed;
          EXPECT_FALSE(listed) << key << " passes but is listed as an expected failure";
        } else {
          EXPECT_TRUE(listed) << key << " (" << test.value("description", "") << ")\n    " << r.detail;
        }
      }
    }
  }
  for (const auto& [key, reason] : expected_failures)
    EXPECT_TRUE(seen.count(key)) << "expected-failure entry names no case: " << key;
  const double rate = total ? 100.0 * passed / total : 0;
  std::printf("html5lib tokenizer: %zu / %zu runs passed (%.2f%%), tokens and error codes compared; "
              "%zu xmlViolation cases not run\n",
              passed, total, rate, skipped);
  EXPECT_GT(total, 7000u) << "the suite shrank: were its files found?";
  EXPECT_GE(rate, 99.0);
}

}  // namespace
}  // namespace pith::detail
