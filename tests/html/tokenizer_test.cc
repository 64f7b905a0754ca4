// Focused tests of the tokenizer that need no shared data: tags and attributes, character references,
// comments, doctypes, the sink's state switches and stop request, CR handling, views into the input,
// parse error offsets, and reuse across documents. The html5lib suite is in tokenizer_conformance_test.cc.
#include "html/tokenizer.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "base/arena.h"

namespace pith::detail {
namespace {

// Records tokens in a compact text form: "<div a=b>", "</p>", "'text'", "<!--c-->", "<!DOCTYPE html>".
class Recorder : public TokenSink {
 public:
  std::function<SinkResult(const Token&)> answer = [](const Token&) { return SinkResult{}; };
  std::vector<std::string> tokens;
  std::vector<Token> raw;
  std::vector<std::vector<Attribute>> attrs;

  SinkResult process(const Token& t) override {
    raw.push_back(t);
    attrs.emplace_back(t.attributes.begin(), t.attributes.end());
    std::string s;
    switch (t.kind) {
      case TokenKind::kStartTag:
        s = "<" + std::string(t.name);
        for (const Attribute& a : t.attributes) s += " " + std::string(a.name) + "=" + std::string(a.value);
        s += t.self_closing ? "/>" : ">";
        break;
      case TokenKind::kEndTag:
        s = "</" + std::string(t.name) + ">";
        break;
      case TokenKind::kCharacter:
        s = "'" + std::string(t.data) + "'";
        break;
      case TokenKind::kComment:
        s = "<!--" + std::string(t.data) + "-->";
        break;
      case TokenKind::kDoctype:
        s = "<!DOCTYPE " + std::string(t.name) + (t.public_id_missing ? "" : " P:" + std::string(t.public_id)) +
            (t.system_id_missing ? "" : " S:" + std::string(t.system_id)) + (t.force_quirks ? " quirks" : "") + ">";
        break;
      case TokenKind::kEndOfFile:
        s = "EOF";
        break;
    }
    tokens.push_back(s);
    return answer(t);
  }
};

struct Harness {
  Arena arena;
  Tokenizer tokenizer;
  Recorder sink;
  std::vector<ParseError> errors;

  std::vector<std::string> tokenize(std::string_view input) {
    sink.tokens.clear();
    sink.raw.clear();
    sink.attrs.clear();
    errors.clear();
    arena.reset();
    tokenizer.reset(input, arena, &errors);
    tokenizer.run(sink);
    return sink.tokens;
  }
  std::vector<std::string> error_codes() const {
    std::vector<std::string> out;
    for (const ParseError& e : errors) out.emplace_back(e.code);
    return out;
  }
};

using Tokens = std::vector<std::string>;

TEST(Tokenizer, TagsAreLowerCasedAndInterned) {
  Harness r;
  EXPECT_EQ(r.tokenize("<DIV>x</Div><br/><my-Element>"),
            (Tokens{"<div>", "'x'", "</div>", "<br/>", "<my-element>", "EOF"}));
  EXPECT_EQ(r.sink.raw[0].tag, Tag::kDiv);
  EXPECT_EQ(r.sink.raw[2].tag, Tag::kDiv);
  EXPECT_EQ(r.sink.raw[4].tag, Tag::kUnknown);
  EXPECT_EQ(r.sink.raw[0].offset, 0u);
  EXPECT_EQ(r.sink.raw[1].offset, 5u);
  EXPECT_TRUE(r.errors.empty());
}

TEST(Tokenizer, AttributesQuotedUnquotedAndDuplicates) {
  Harness r;
  EXPECT_EQ(r.tokenize("<a HREF='x' class=\"y z\" id=w checked ID=dup>"),
            (Tokens{"<a href=x class=y z id=w checked=>", "EOF"}));
  EXPECT_EQ(r.error_codes(), (std::vector<std::string>{"duplicate-attribute"}));
  EXPECT_EQ(r.errors[0].offset, 37u);  // the "ID" of the duplicate
  EXPECT_EQ(r.sink.attrs[0][0].id, Attr::kHref);
  EXPECT_EQ(r.sink.attrs[0][1].id, Attr::kClass);
}

TEST(Tokenizer, PlainValuesAreViewsIntoTheInput) {
  Harness r;
  const std::string input = "<p title=\"hello\">some text</p>";
  r.tokenize(input);
  const char* begin = input.data();
  const char* end = begin + input.size();
  const std::string_view value = r.sink.attrs[0][0].value;
  const std::string_view text = r.sink.raw[1].data;
  EXPECT_TRUE(value.data() >= begin && value.data() < end);
  EXPECT_TRUE(text.data() >= begin && text.data() < end);
  EXPECT_EQ(text, "some text");
}

TEST(Tokenizer, ManyAttributesStayLinearAndDropDuplicates) {
  std::string input = "<div";
  for (int i = 0; i < 100000; ++i) input += " a" + std::to_string(i) + "=" + std::to_string(i);
  input += " a5=again a99999=again>";
  Harness r;
  r.tokenize(input);
  ASSERT_EQ(r.sink.attrs[0].size(), 100000u);
  EXPECT_EQ(r.sink.attrs[0][99999].name, "a99999");
  EXPECT_EQ(r.sink.attrs[0][99999].value, "99999");
  EXPECT_EQ(r.error_codes(), (std::vector<std::string>{"duplicate-attribute", "duplicate-attribute"}));
}

TEST(Tokenizer, NamedAndNumericCharacterReferences) {
  Harness r;
  EXPECT_EQ(r.tokenize("a &amp; b &lt;&gt &notit; &#65;&#x42;&#128;&#0;&#xD800;"),
            (Tokens{"'a & b <> \xC2\xACit; AB\xE2\x82\xAC\xEF\xBF\xBD\xEF\xBF\xBD'", "EOF"}));
  EXPECT_EQ(r.error_codes(),
            (std::vector<std::string>{"missing-semicolon-after-character-reference",
                                      "missing-semicolon-after-character-reference", "control-character-reference",
                                      "null-character-reference", "surrogate-character-reference"}));
  // Longest match: "&notin;" is a name of its own.
  EXPECT_EQ(r.tokenize("&notin;"), (Tokens{"'\xE2\x88\x89'", "EOF"}));
  // Unknown names stay as written; one ending in ';' is a parse error.
  EXPECT_EQ(r.tokenize("&bogus; &"), (Tokens{"'&bogus; &'", "EOF"}));
  EXPECT_EQ(r.error_codes(), (std::vector<std::string>{"unknown-named-character-reference"}));
}

TEST(Tokenizer, AttributeValueLegacyCharacterReferenceRule) {
  Harness r;
  // Without a semicolon and followed by '=' or an alphanumeric, a reference in an attribute stays as is.
  EXPECT_EQ(r.tokenize("<a href=\"?x=1&amp=2&copy3&copy &amp;y\">"),
            (Tokens{"<a href=?x=1&amp=2&copy3\xC2\xA9 &y>", "EOF"}));
  // In text the same reference is replaced.
  EXPECT_EQ(r.tokenize("&copy3"), (Tokens{"'\xC2\xA9" "3'", "EOF"}));
}

TEST(Tokenizer, Comments) {
  Harness r;
  EXPECT_EQ(r.tokenize("<!-- a -- b --><!----><!--->x<!--<!-- n -->"),
            (Tokens{"<!-- a -- b -->", "<!---->", "<!---->", "'x'", "<!--<!-- n -->", "EOF"}));
  EXPECT_EQ(r.error_codes(), (std::vector<std::string>{"abrupt-closing-of-empty-comment", "nested-comment"}));
  EXPECT_EQ(r.tokenize("<?php x ?><!x>"), (Tokens{"<!--?php x ?-->", "<!--x-->", "EOF"}));
  EXPECT_EQ(r.tokenize("<!-- open"), (Tokens{"<!-- open-->", "EOF"}));
  EXPECT_EQ(r.error_codes(), (std::vector<std::string>{"eof-in-comment"}));
}

TEST(Tokenizer, Doctypes) {
  Harness r;
  EXPECT_EQ(r.tokenize("<!DOCTYPE html>"), (Tokens{"<!DOCTYPE html>", "EOF"}));
  EXPECT_EQ(r.tokenize("<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" 'http://www.w3.org/TR/html4/strict.dtd'>"),
            (Tokens{"<!DOCTYPE html P:-//W3C//DTD HTML 4.01//EN S:http://www.w3.org/TR/html4/strict.dtd>", "EOF"}));
  EXPECT_EQ(r.tokenize("<!DOCTYPE>"), (Tokens{"<!DOCTYPE  quirks>", "EOF"}));
  EXPECT_EQ(r.tokenize("<!DOCTYPE html bogus>"), (Tokens{"<!DOCTYPE html quirks>", "EOF"}));
  EXPECT_EQ(r.error_codes(), (std::vector<std::string>{"invalid-character-sequence-after-doctype-name"}));
}

TEST(Tokenizer, SinkSwitchesToRawtextRcdataScriptAndPlaintext) {
  Harness r;
  r.sink.answer = [](const Token& t) {
    SinkResult res;
    if (t.kind != TokenKind::kStartTag) return res;
    if (t.tag == Tag::kStyle) res.next_state = TokenizerSwitch::kRawtext;
    if (t.tag == Tag::kTitle) res.next_state = TokenizerSwitch::kRcdata;
    if (t.tag == Tag::kScript) res.next_state = TokenizerSwitch::kScriptData;
    if (t.tag == Tag::kPlaintext) res.next_state = TokenizerSwitch::kPlaintext;
    return res;
  };
  EXPECT_EQ(r.tokenize("<style>a<b>&amp;</style >x"), (Tokens{"<style>", "'a<b>&amp;'", "</style>", "'x'", "EOF"}));
  EXPECT_EQ(r.tokenize("<title>a<b>&amp;</TITLE>"), (Tokens{"<title>", "'a<b>&'", "</title>", "EOF"}));
  EXPECT_EQ(r.tokenize("<script>if (a</b) x = '</scripty>'</script>"),
            (Tokens{"<script>", "'if (a</b) x = '</scripty>''", "</script>", "EOF"}));
  EXPECT_EQ(r.tokenize("<script><!--<script></script>--></script>"),
            (Tokens{"<script>", "'<!--<script></script>-->'", "</script>", "EOF"}));
  EXPECT_EQ(r.tokenize("<plaintext></plaintext><b>"), (Tokens{"<plaintext>", "'</plaintext><b>'", "EOF"}));
}

TEST(Tokenizer, CdataOnlyInForeignContent) {
  Harness r;
  r.sink.answer = [](const Token& t) {
    SinkResult res;
    res.in_foreign_content = t.kind == TokenKind::kStartTag && t.tag == Tag::kSvg;
    return res;
  };
  EXPECT_EQ(r.tokenize("<svg><![CDATA[a<b]]]>"), (Tokens{"<svg>", "'a<b]'", "EOF"}));
  EXPECT_EQ(r.tokenize("<p><![CDATA[a]]>"), (Tokens{"<p>", "<!--[CDATA[a]]-->", "EOF"}));
  EXPECT_EQ(r.error_codes(), (std::vector<std::string>{"cdata-in-html-content"}));
}

TEST(Tokenizer, CarriageReturnsBecomeLineFeeds) {
  Harness r;
  EXPECT_EQ(r.tokenize("a\r\nb\rc\n\r"), (Tokens{"'a\nb\nc\n\n'", "EOF"}));
  EXPECT_EQ(r.tokenize("<a title='x\r\ny'\r\nid=z>"), (Tokens{"<a title=x\ny id=z>", "EOF"}));
  EXPECT_EQ(r.tokenize("<!--\r\r\n-->"), (Tokens{"<!--\n\n-->", "EOF"}));
}

TEST(Tokenizer, NullCharacters) {
  Harness r;
  EXPECT_EQ(r.tokenize(std::string_view("a\0b<x\0y z\0='\0'>", 15)),
            (Tokens{std::string("'a\0b'", 5), "<x\xEF\xBF\xBDy z\xEF\xBF\xBD=\xEF\xBF\xBD>", "EOF"}));
  EXPECT_EQ(r.error_codes().size(), 4u);
  EXPECT_EQ(r.errors[0].offset, 1u);
}

TEST(Tokenizer, TagsCutByEndOfFile) {
  Harness r;
  EXPECT_EQ(r.tokenize("x<"), (Tokens{"'x<'", "EOF"}));
  EXPECT_EQ(r.tokenize("x</"), (Tokens{"'x</'", "EOF"}));
  EXPECT_EQ(r.tokenize("x<div class='a"), (Tokens{"'x'", "EOF"}));
  EXPECT_EQ(r.error_codes(), (std::vector<std::string>{"eof-in-tag"}));
  EXPECT_EQ(r.tokenize("a < b"), (Tokens{"'a < b'", "EOF"}));
}

TEST(Tokenizer, StopRequestEndsTheRun) {
  Harness r;
  r.sink.answer = [](const Token& t) {
    SinkResult res;
    res.stop = t.kind == TokenKind::kStartTag && t.tag == Tag::kB;
    return res;
  };
  EXPECT_EQ(r.tokenize("<a>x<b>y<c>"), (Tokens{"<a>", "'x'", "<b>"}));
}

TEST(Tokenizer, LastStartTagForFragments) {
  Harness r;
  r.arena.reset();
  r.tokenizer.reset("a</textarea>b", r.arena, nullptr);
  r.tokenizer.set_state(TokenizerSwitch::kRcdata);
  r.tokenizer.set_last_start_tag("textarea");
  r.tokenizer.run(r.sink);
  EXPECT_EQ(r.sink.tokens, (Tokens{"'a'", "</textarea>", "'b'", "EOF"}));
}

TEST(Tokenizer, ReusedAcrossDocuments) {
  Harness r;
  EXPECT_EQ(r.tokenize("<a x=1 y=2>"), (Tokens{"<a x=1 y=2>", "EOF"}));
  EXPECT_EQ(r.tokenize("<b>"), (Tokens{"<b>", "EOF"}));
  EXPECT_TRUE(r.sink.attrs[0].empty());
  EXPECT_EQ(r.tokenize(""), (Tokens{"EOF"}));
}

TEST(Tokenizer, InputStreamErrorsMergedByOffset) {
  Harness r;
  r.tokenize("a\x01<b>\xEF\xBF\xBF</b/>");
  EXPECT_EQ(r.error_codes(), (std::vector<std::string>{"control-character-in-input-stream",
                                                        "noncharacter-in-input-stream",
                                                        "end-tag-with-trailing-solidus"}));
  EXPECT_EQ(r.errors[0].offset, 1u);
  EXPECT_EQ(r.errors[1].offset, 5u);
}

TEST(Tokenizer, ErrorsAreCappedOnHostileInput) {
  Harness r;
  const std::string nuls(1 << 20, '\0');
  r.tokenize(nuls);
  ASSERT_EQ(r.sink.tokens.size(), 2u);  // one character token of all the NULs, then EOF
  EXPECT_EQ(r.sink.raw[0].data.size(), nuls.size());
  EXPECT_EQ(r.errors.size(), 65536u);
  const std::string controls(1 << 20, '\x01');
  r.tokenize(controls);
  EXPECT_EQ(r.errors.size(), 65536u);
}

}  // namespace
}  // namespace pith::detail
