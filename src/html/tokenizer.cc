// The WHATWG HTML tokenizer (https://html.spec.whatwg.org/multipage/parsing.html#tokenization) as one
// state machine over UTF-8 bytes. Only ASCII characters steer the spec's states, so multi-byte sequences
// pass through as "anything else"; CR LF and lone CR become LF as they are consumed (input-stream
// preprocessing). Text runs, tag and attribute names and attribute values are found with table or SSE2
// scans and handed out as views into the input; only strings the input does not hold verbatim (lower-cased
// names, replacements, character references, normalised newlines) are built, in reused buffers, and copied
// into the document's arena. Guarantees: every input ends in exactly one end-of-file token (unless the sink
// stops), character tokens are maximal runs, parse errors are recorded with byte offsets. Covered by
// tests/html/tokenizer_test.cc and tests/html/tokenizer_conformance_test.cc (html5lib tokenizer suite).
#include "html/tokenizer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string>

#include "html/char_refs.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace pith::detail {
namespace {

enum class State : uint8_t {
  kDataState,
  kRcdataState,
  kRawtextState,
  kScriptDataState,
  kPlaintextState,
  kTagOpenState,
  kEndTagOpenState,
  kTagNameState,
  kRcdataLessThanSignState,
  kRcdataEndTagOpenState,
  kRcdataEndTagNameState,
  kRawtextLessThanSignState,
  kRawtextEndTagOpenState,
  kRawtextEndTagNameState,
  kScriptDataLessThanSignState,
  kScriptDataEndTagOpenState,
  kScriptDataEndTagNameState,
  kScriptDataEscapeStartState,
  kScriptDataEscapeStartDashState,
  kScriptDataEscapedState,
  kScriptDataEscapedDashState,
  kScriptDataEscapedDashDashState,
  kScriptDataEscapedLessThanSignState,
  kScriptDataEscapedEndTagOpenState,
  kScriptDataEscapedEndTagNameState,
  kScriptDataDoubleEscapeStartState,
  kScriptDataDoubleEscapedState,
  kScriptDataDoubleEscapedDashState,
  kScriptDataDoubleEscapedDashDashState,
  kScriptDataDoubleEscapedLessThanSignState,
  kScriptDataDoubleEscapeEndState,
  kBeforeAttributeNameState,
  kAttributeNameState,
  kAfterAttributeNameState,
  kBeforeAttributeValueState,
  kAttributeValueDoubleQuotedState,
  kAttributeValueSingleQuotedState,
  kAttributeValueUnquotedState,
  kAfterAttributeValueQuotedState,
  kSelfClosingStartTagState,
  kBogusCommentState,
  kMarkupDeclarationOpenState,
  kCommentStartState,
  kCommentStartDashState,
  kCommentState,
  kCommentLessThanSignState,
  kCommentLessThanSignBangState,
  kCommentLessThanSignBangDashState,
  kCommentLessThanSignBangDashDashState,
  kCommentEndDashState,
  kCommentEndState,
  kCommentEndBangState,
  kDoctypeState,
  kBeforeDoctypeNameState,
  kDoctypeNameState,
  kAfterDoctypeNameState,
  kAfterDoctypePublicKeywordState,
  kBeforeDoctypePublicIdentifierState,
  kDoctypePublicIdentifierDoubleQuotedState,
  kDoctypePublicIdentifierSingleQuotedState,
  kAfterDoctypePublicIdentifierState,
  kBetweenDoctypePublicAndSystemIdentifiersState,
  kAfterDoctypeSystemKeywordState,
  kBeforeDoctypeSystemIdentifierState,
  kDoctypeSystemIdentifierDoubleQuotedState,
  kDoctypeSystemIdentifierSingleQuotedState,
  kAfterDoctypeSystemIdentifierState,
  kBogusDoctypeState,
  kCdataSectionState,
  kCdataSectionBracketState,
  kCdataSectionEndState,
  kCharacterReferenceState,
  kNamedCharacterReferenceState,
  kAmbiguousAmpersandState,
  kNumericCharacterReferenceState,
  kHexadecimalCharacterReferenceStartState,
  kDecimalCharacterReferenceStartState,
  kHexadecimalCharacterReferenceState,
  kDecimalCharacterReferenceState,
  kNumericCharacterReferenceEndState,
};

constexpr int kEof = -1;

// Parse errors recorded per run() (state machine and input stream each); later ones are dropped, so a
// file of a million NULs costs bounded memory.
constexpr size_t kMaxParseErrors = 65536;

// Buffer capacity a reused tokenizer keeps between documents (see reset()).
constexpr size_t kKeptBufferBytes = 1 << 20;

// The states most documents spend their time in are inlined into the dispatch loop, so a transition
// between them is a jump, not a call.
#define PITH_HOT [[gnu::always_inline]] inline
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER

bool is_ascii_alpha(int c) { return static_cast<unsigned>((c | 0x20) - 'a') < 26; }
bool is_ascii_upper_alpha(int c) { return static_cast<unsigned>(c - 'A') < 26; }
bool is_ascii_digit(int c) { return static_cast<unsigned>(c - '0') < 10; }
bool is_ascii_hex_digit(int c) { return is_ascii_digit(c) || static_cast<unsigned>((c | 0x20) - 'a') < 6; }
bool is_ascii_alphanumeric(int c) { return is_ascii_alpha(c) || is_ascii_digit(c); }
char to_ascii_lower(int c) { return static_cast<char>(is_ascii_upper_alpha(c) ? c + 0x20 : c); }

// The first of `a`, `b`, `c`, `d` in [p, end), or end. SSE2 compares 16 bytes at a time: text runs are
// where a tokenizer spends its time.
template <char A, char B, char C, char D>
const char* find_any_of(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i va = _mm_set1_epi8(A), vb = _mm_set1_epi8(B), vc = _mm_set1_epi8(C), vd = _mm_set1_epi8(D);
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, va), _mm_cmpeq_epi8(v, vb)),
                                      _mm_or_si128(_mm_cmpeq_epi8(v, vc), _mm_cmpeq_epi8(v, vd)));
    if (const int mask = _mm_movemask_epi8(hits)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  while (p < end && *p != A && *p != B && *p != C && *p != D) ++p;
  return p;
}

// Bytes that end a run inside a tag name, an attribute name or an unquoted attribute value: the states'
// special characters, CR (preprocessing) and upper-case letters (lower-cased one by one).
enum : uint8_t { kEndsTagName = 1, kEndsAttributeName = 2, kEndsUnquotedValue = 4 };

constexpr auto kRunEnds = [] {
  std::array<uint8_t, 256> t{};
  for (unsigned char c : std::string_view("\t\n\f\r />\0", 8)) t[c] |= kEndsTagName | kEndsAttributeName;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] |= kEndsTagName | kEndsAttributeName;
  for (unsigned char c : std::string_view("=\"'<")) t[c] |= kEndsAttributeName;
  for (unsigned char c : std::string_view("\t\n\f\r &>\0\"'<=`", 13)) t[c] |= kEndsUnquotedValue;
  return t;
}();

// The end of a run of tag or attribute name characters: the first byte at or below U+0020 SPACE (the
// whitespace, NUL and CR the states look for, plus other controls, which are harmless extra stops), an
// ASCII upper alpha, '/' or '>', and for attribute names also '=', '"', '\'' and '<'. Names are short,
// so one 16-byte compare usually finds the end without a mispredicted loop exit per name.
template <bool kAttributeName>
const char* find_name_end(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20), upper_span = _mm_set1_epi8(25);
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i at_most_space = _mm_cmpeq_epi8(_mm_max_epu8(v, space), space);
    const __m128i from_a = _mm_sub_epi8(v, _mm_set1_epi8('A'));
    const __m128i upper = _mm_cmpeq_epi8(_mm_max_epu8(from_a, upper_span), upper_span);
    __m128i hits = _mm_or_si128(_mm_or_si128(at_most_space, upper),
                                _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('/')),
                                             _mm_cmpeq_epi8(v, _mm_set1_epi8('>'))));
    if constexpr (kAttributeName) {
      hits = _mm_or_si128(hits, _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('=')),
                                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('"'))),
                                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')),
                                                          _mm_cmpeq_epi8(v, _mm_set1_epi8('<')))));
    }
    if (const int mask = _mm_movemask_epi8(hits)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  constexpr uint8_t kClass = kAttributeName ? kEndsAttributeName : kEndsTagName;
  while (p < end && !(kRunEnds[static_cast<unsigned char>(*p)] & kClass)) ++p;
  return p;
}

// The first byte in [p, end) that can start an input-stream error: a C0 control other than NUL and
// ASCII whitespace, U+007F, or a UTF-8 lead byte whose sequences include controls, surrogates or
// noncharacters (0xC2: U+0080-009F, 0xED: surrogates, 0xEF: U+FDD0-FDEF and U+FFFE/F, 0xF0-0xF4: the
// other planes' noncharacters). Continuation bytes never match, so a hit is always a sequence start in
// valid input; clean text (ASCII and most CJK) is skipped 16 bytes at a time.
const unsigned char* find_input_stream_error_candidate(const unsigned char* p, const unsigned char* end) {
#if defined(__SSE2__)
  const __m128i below_space = _mm_set1_epi8(0x1F), f0 = _mm_set1_epi8(static_cast<char>(0xF0));
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i control = _mm_cmpeq_epi8(_mm_max_epu8(v, below_space), below_space);
    const __m128i allowed = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_setzero_si128()), _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'))),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\f'))),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
    const __m128i leads = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)), _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xC2)))),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xED))),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(0xEF)))),
                     _mm_cmpeq_epi8(_mm_max_epu8(v, f0), v)));
    const __m128i hits = _mm_or_si128(_mm_andnot_si128(allowed, control), leads);
    if (const int mask = _mm_movemask_epi8(hits)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    const unsigned char c = *p;
    if ((c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F || c == 0xC2 ||
        c == 0xED || c == 0xEF || c >= 0xF0)
      return p;
  }
  return p;
}

template <uint8_t kClass>
const char* skip_run(const char* p, const char* end) {
  while (p < end && !(kRunEnds[static_cast<unsigned char>(*p)] & kClass)) ++p;
  return p;
}

// Whether `s` starts with `word` (upper-case ASCII letters), ASCII case-insensitively.
bool starts_with_ignoring_case(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i)
    if ((s[i] & ~0x20) != word[i]) return false;
  return true;
}

// A string being built: a view into the input while the appended pieces are adjacent there, a copy in a
// reused std::string once they are not (or once a piece the input does not hold is appended).
class PieceBuffer {
 public:
  bool empty() const { return size_ == 0 && !owned_; }
  void clear() {
    begin_ = nullptr;
    size_ = 0;
    owned_ = false;
    copy_.clear();
  }
  void clear_and_trim(size_t max_kept_bytes) {
    clear();
    if (copy_.capacity() > max_kept_bytes) std::string().swap(copy_);
  }
  [[gnu::always_inline]] void append_input(const char* p, size_t n) {
    if (!owned_) {
      if (size_ == 0) {
        begin_ = p;
        size_ = n;
        return;
      }
      if (begin_ + size_ == p) {
        size_ += n;
        return;
      }
      make_owned();
    }
    copy_.append(p, n);
  }
  void append_built(std::string_view s) {
    if (!owned_) make_owned();
    copy_.append(s);
  }
  void append_built(char c) {
    if (!owned_) make_owned();
    copy_.push_back(c);
  }
  std::string_view view() const { return owned_ ? std::string_view(copy_) : std::string_view(begin_, size_); }
  // Whether 16 bytes may be read from view().data(): a std::string always holds at least 16 bytes of
  // storage (15 and the terminator); a view into the input needs 16 bytes before `input_end`.
  bool readable16(const char* input_end) const { return owned_ || (begin_ && input_end - begin_ >= 16); }
  // The final string: the input view, or the copy moved into the arena.
  std::string_view finish(Arena& arena) const { return owned_ ? arena.copy(copy_) : view(); }

 private:
  void make_owned() {
    copy_.assign(begin_ ? begin_ : "", size_);
    owned_ = true;
  }
  const char* begin_ = nullptr;
  size_t size_ = 0;
  bool owned_ = false;
  std::string copy_;
};

// A direct-mapped memo in front of lookup_tag()/lookup_attr() for names of up to 16 bytes (nearly all):
// the name itself, packed into two words, is the key, so a hit costs a multiply and two compares. Names
// never contain a NUL byte (the tokenizer replaces it), so zero padding cannot make two names collide.
template <typename Id, Id (*kLookup)(std::string_view)>
class NameMemo {
 public:
  // `readable16`: the 16 bytes at name.data() may be read even when the name is shorter.
  Id lookup(std::string_view name, bool readable16) {
    if (name.empty() || name.size() > 16) return kLookup(name);
    uint64_t word[2] = {0, 0};
    if (std::endian::native == std::endian::little && readable16) {
      std::memcpy(word, name.data(), 16);
      // Little-endian: a word's first bytes are its low ones; clear those past the name's end.
      if (name.size() <= 8) {
        word[0] &= ~uint64_t{0} >> (64 - 8 * name.size());
        word[1] = 0;
      } else {
        word[1] &= ~uint64_t{0} >> (128 - 8 * name.size());
      }
    } else {
      for (size_t i = 0; i < name.size(); ++i)
        word[i / 8] |= uint64_t{static_cast<uint8_t>(name[i])} << (8 * (i % 8));
    }
    Entry& e = entries_[((word[0] ^ (word[1] * 0xC2B2AE3D27D4EB4Full)) * 0x9E3779B97F4A7C15ull) >> 56];
    if (e.word[0] != word[0] || e.word[1] != word[1]) {
      e.word[0] = word[0];
      e.word[1] = word[1];
      e.id = kLookup(name);
    }
    return e.id;
  }

 private:
  struct Entry {
    uint64_t word[2] = {0, 0};  // all zero: empty (no name packs to 0)
    Id id{};
  };
  std::array<Entry, 256> entries_{};
};

}  // namespace

struct Tokenizer::Impl {
  // Input and position. `cur_` is where the current input character starts, `pos_` the next one.
  const char* begin_ = nullptr;
  const char* end_ = nullptr;
  const char* pos_ = nullptr;
  const char* cur_ = nullptr;
  Arena* arena_ = nullptr;
  std::vector<ParseError>* errors_ = nullptr;
  std::vector<ParseError> input_stream_errors_;
  size_t errors_start_ = 0;  // errors_ entries before this run() are not ours to reorder

  State state_ = State::kDataState;
  State return_state_ = State::kDataState;
  TokenSink* sink_ = nullptr;
  bool stop_ = false;
  bool in_foreign_content_ = false;
  std::string_view last_start_tag_;
  std::string last_start_tag_storage_;

  // Pending character token.
  PieceBuffer text_;
  uint32_t text_offset_ = 0;

  // Current tag token.
  bool tag_is_end_ = false;
  bool self_closing_ = false;
  const char* tag_start_ = nullptr;
  PieceBuffer tag_name_;
  std::vector<Attribute> attrs_;
  bool attr_pending_ = false;
  bool attr_dropped_ = false;
  const char* attr_start_ = nullptr;
  Attribute attr_;
  PieceBuffer attr_name_;
  PieceBuffer attr_value_;
  std::vector<uint32_t> attr_index_;  // open-addressed set of attrs_ positions + 1, for many attributes
  NameMemo<Tag, lookup_tag> tag_ids_;
  NameMemo<Attr, lookup_attr> attr_ids_;
  bool attr_index_active_ = false;

  // Current comment or doctype token.
  const char* markup_start_ = nullptr;
  PieceBuffer comment_;
  PieceBuffer doctype_name_, public_id_, system_id_;
  bool name_missing_ = true, public_id_missing_ = true, system_id_missing_ = true, force_quirks_ = false;

  // The spec's temporary buffer where it is more than the input just read: the script data double
  // escape states compare it with "script". (End tag names and character references are re-read from
  // the input instead: those characters are the bytes right before the current one.)
  std::string temp_;
  const char* amp_start_ = nullptr;  // the '&' of the character reference being read
  uint32_t char_ref_code_ = 0;

  void reset(std::string_view input, Arena& arena, std::vector<ParseError>* errors);
  void run();
  void scan_input_stream_errors();
  void merge_input_stream_errors();

  // --- consuming input ---
  [[gnu::always_inline]] int next() {
    cur_ = pos_;
    if (pos_ == end_) return kEof;
    const unsigned char c = static_cast<unsigned char>(*pos_++);
    if (c == '\r') {  // input-stream preprocessing: CR LF and lone CR become LF
      if (pos_ != end_ && *pos_ == '\n') ++pos_;
      return '\n';
    }
    return c;
  }
  void reconsume_in(State s) {
    pos_ = cur_;
    state_ = s;
  }
  uint32_t offset(const char* p) const { return static_cast<uint32_t>(p - begin_); }
  void error(std::string_view code) { error_at(cur_, code); }
  void error_at(const char* p, std::string_view code) {
    if (errors_ && errors_->size() - errors_start_ < kMaxParseErrors) errors_->push_back({offset(p), code});
  }

  // Appends the current input character (LF for a preprocessed CR) to `b`.
  void append_consumed(PieceBuffer& b) {
    if (*cur_ == '\r')
      b.append_built('\n');
    else
      b.append_input(cur_, 1);
  }

  // --- character tokens ---
  void text_starts(const char* p) {
    if (text_.empty()) text_offset_ = offset(p);
  }
  void emit_input(const char* p, size_t n) {
    text_starts(p);
    text_.append_input(p, n);
  }
  void emit_consumed() {
    text_starts(cur_);
    append_consumed(text_);
  }
  void emit_built(std::string_view s) {
    text_starts(cur_);
    text_.append_built(s);
  }
  void flush_text();

  // --- other tokens ---
  void emit(const Token& token);
  void apply(const SinkResult& r);
  void emit_eof();
  void start_tag_token(bool is_end, const char* lt);
  void emit_tag();
  bool is_appropriate_end_tag() const { return !last_start_tag_.empty() && tag_name_.view() == last_start_tag_; }
  void start_attribute(const char* p);
  void finish_attribute_name();
  void commit_attribute();
  bool attribute_exists(std::string_view name);
  void index_attribute(uint32_t position);
  void start_comment(const char* lt) {
    markup_start_ = lt;
    comment_.clear();
  }
  void emit_comment();
  void start_doctype();
  void emit_doctype();

  // --- character references ---
  bool returns_to_attribute() const {
    return return_state_ == State::kAttributeValueDoubleQuotedState ||
           return_state_ == State::kAttributeValueSingleQuotedState ||
           return_state_ == State::kAttributeValueUnquotedState;
  }
  // "Flush code points consumed as a character reference", for the raw input from the '&' to `end`.
  void flush_consumed_as_char_ref(const char* end) {
    if (returns_to_attribute()) {
      attr_value_.append_input(amp_start_, end - amp_start_);
    } else {
      emit_input(amp_start_, end - amp_start_);
    }
  }
  void flush_built_char_ref(std::string_view s) {
    if (returns_to_attribute()) {
      attr_value_.append_built(s);
    } else {
      text_starts(amp_start_);
      text_.append_built(s);
    }
  }

  // The "Anything else" branch of the end tag name states: emit "</" and the temporary buffer, then
  // reconsume in `back`. Those characters are all ASCII letters right before the current character.
  void end_tag_name_anything_else(State back) {
    emit_input(tag_start_, cur_ - tag_start_);
    reconsume_in(back);
  }
  // The end tag name states of RCDATA, RAWTEXT and script data, which differ only in where they go back to.
  PITH_HOT void end_tag_name_state(State back);

  void doctype_eof() {
    error("eof-in-doctype");
    force_quirks_ = true;
    emit_doctype();
    emit_eof();
  }
  void eof_in_script_html_comment_like_text() {
    error("eof-in-script-html-comment-like-text");
    emit_eof();
  }

  PITH_HOT void step();
  PITH_HOT void data_state();
  PITH_HOT void rcdata_state();
  PITH_HOT void rawtext_state();
  PITH_HOT void script_data_state();
  void plaintext_state();
  PITH_HOT void tag_open_state();
  PITH_HOT void end_tag_open_state();
  PITH_HOT void tag_states();
  PITH_HOT void less_than_sign_state(State end_tag_open, State back);
  void end_tag_open_state(State end_tag_name, State back);
  void script_data_escaped_state(bool doubly);
  void script_data_escaped_dash_state(bool doubly);
  void script_data_escaped_dash_dash_state(bool doubly);
  void script_data_double_escape_boundary_state(State if_script, State otherwise);
  void bogus_comment_state();
  PITH_HOT void markup_declaration_open_state();
  PITH_HOT void comment_state();
  PITH_HOT void comment_end_state();
  void doctype_state();
  void before_doctype_name_state();
  void doctype_name_state();
  void after_doctype_name_state();
  void after_doctype_keyword_state(PieceBuffer& id, bool* missing, State before, std::string_view whitespace_error,
                                   std::string_view missing_error, std::string_view quote_error, State double_quoted,
                                   State single_quoted);
  void before_doctype_identifier_state(PieceBuffer& id, bool* missing, std::string_view missing_error,
                                       std::string_view quote_error, State double_quoted, State single_quoted);
  void doctype_identifier_state(PieceBuffer& id, char quote, State after, std::string_view abrupt_error);
  void after_doctype_public_identifier_state(bool between);
  void after_doctype_system_identifier_state();
  void bogus_doctype_state();
  void cdata_section_state();
  PITH_HOT void character_reference_state();
  void named_character_reference_state();
  void ambiguous_ampersand_state();
  void numeric_character_reference_state();
  void character_reference_start_state(bool hex);
  void character_reference_digits_state(bool hex);
  void numeric_character_reference_end_state();
};

void Tokenizer::Impl::reset(std::string_view input, Arena& arena, std::vector<ParseError>* errors) {
  begin_ = input.data();
  end_ = begin_ + input.size();
  pos_ = cur_ = begin_;
  arena_ = &arena;
  errors_ = errors;
  state_ = return_state_ = State::kDataState;
  stop_ = false;
  in_foreign_content_ = false;
  last_start_tag_ = {};
  // Buffers keep their capacity from document to document, up to a bound: one freak page (a 100 MB text
  // with CRs, 100,000 attributes) must not pin its memory for the rest of the process.
  for (PieceBuffer* b : {&text_, &tag_name_, &attr_name_, &attr_value_, &comment_, &doctype_name_, &public_id_,
                         &system_id_})
    b->clear_and_trim(kKeptBufferBytes);
  if (attrs_.capacity() * sizeof(Attribute) > kKeptBufferBytes) std::vector<Attribute>().swap(attrs_);
  if (attr_index_.capacity() * sizeof(uint32_t) > kKeptBufferBytes) std::vector<uint32_t>().swap(attr_index_);
  if (input_stream_errors_.capacity() * sizeof(ParseError) > kKeptBufferBytes)
    std::vector<ParseError>().swap(input_stream_errors_);
  attrs_.clear();
  attr_pending_ = false;
  attr_index_active_ = false;
  temp_.clear();
}

// ---------------------------------------------------------------------------------------------------
// Token emission

void Tokenizer::Impl::apply(const SinkResult& r) {
  in_foreign_content_ = r.in_foreign_content;
  if (r.stop) stop_ = true;
  switch (r.next_state) {
    case TokenizerSwitch::kNone:
      break;
    case TokenizerSwitch::kData:
      state_ = State::kDataState;
      break;
    case TokenizerSwitch::kRcdata:
      state_ = State::kRcdataState;
      break;
    case TokenizerSwitch::kRawtext:
      state_ = State::kRawtextState;
      break;
    case TokenizerSwitch::kScriptData:
      state_ = State::kScriptDataState;
      break;
    case TokenizerSwitch::kPlaintext:
      state_ = State::kPlaintextState;
      break;
  }
}

void Tokenizer::Impl::flush_text() {
  if (text_.empty() || stop_) return;
  Token t;
  t.kind = TokenKind::kCharacter;
  t.data = text_.finish(*arena_);
  t.offset = text_offset_;
  text_.clear();
  apply(sink_->process(t));
}

void Tokenizer::Impl::emit(const Token& token) {
  flush_text();
  if (stop_) return;
  apply(sink_->process(token));
}

void Tokenizer::Impl::emit_eof() {
  Token t;
  t.kind = TokenKind::kEndOfFile;
  t.offset = offset(end_);
  emit(t);
  stop_ = true;
}

void Tokenizer::Impl::start_tag_token(bool is_end, const char* lt) {
  tag_is_end_ = is_end;
  self_closing_ = false;
  tag_start_ = lt;
  tag_name_.clear();
  attrs_.clear();
  attr_pending_ = false;
  attr_index_active_ = false;
}

void Tokenizer::Impl::emit_tag() {
  commit_attribute();
  Token t;
  t.kind = tag_is_end_ ? TokenKind::kEndTag : TokenKind::kStartTag;
  t.tag = tag_ids_.lookup(tag_name_.view(), tag_name_.readable16(end_));
  t.name = t.tag != Tag::kUnknown ? tag_name(t.tag) : tag_name_.finish(*arena_);
  t.self_closing = self_closing_;
  t.offset = offset(tag_start_);
  if (tag_is_end_) {
    if (!attrs_.empty()) error_at(tag_start_, "end-tag-with-attributes");
    if (self_closing_) error_at(tag_start_, "end-tag-with-trailing-solidus");
  } else {
    t.attributes = std::span<Attribute>(attrs_.data(), attrs_.size());
    last_start_tag_ = t.name;
  }
  emit(t);
}

void Tokenizer::Impl::start_attribute(const char* p) {
  commit_attribute();
  attr_pending_ = true;
  attr_dropped_ = false;
  attr_start_ = p;
  attr_name_.clear();
  attr_value_.clear();
}

// Called when the attribute name state is left: the name is final, so duplicates are detected here, as the
// spec asks ("when the user agent leaves the attribute name state").
void Tokenizer::Impl::finish_attribute_name() {
  const std::string_view name = attr_name_.view();
  attr_.id = attr_ids_.lookup(name, attr_name_.readable16(end_));
  attr_.name = attr_.id != Attr::kUnknown ? attr_name(attr_.id) : attr_name_.finish(*arena_);
  attr_.ns = AttrNamespace::kNone;
  if (attribute_exists(attr_.name)) {
    error_at(attr_start_, "duplicate-attribute");
    attr_dropped_ = true;
  }
}

void Tokenizer::Impl::commit_attribute() {
  if (!attr_pending_) return;
  attr_pending_ = false;
  if (attr_dropped_) return;
  attr_.value = attr_value_.finish(*arena_);
  attrs_.push_back(attr_);
  if (attr_index_active_ || attrs_.size() >= 16) index_attribute(static_cast<uint32_t>(attrs_.size() - 1));
}

namespace {
uint32_t hash_name(std::string_view s) {
  uint32_t h = 2166136261u;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}
}  // namespace

// Small attribute lists are searched linearly; from 16 on, an open-addressed index keeps a tag with
// 100,000 attributes linear in time.
bool Tokenizer::Impl::attribute_exists(std::string_view name) {
  if (!attr_index_active_) {
    // Known names are compared by id, which also tells them from every unknown name.
    if (attr_.id != Attr::kUnknown) {
      for (const Attribute& a : attrs_)
        if (a.id == attr_.id) return true;
      return false;
    }
    for (const Attribute& a : attrs_)
      if (a.id == Attr::kUnknown && a.name == name) return true;
    return false;
  }
  const size_t mask = attr_index_.size() - 1;
  for (size_t slot = hash_name(name) & mask; attr_index_[slot] != 0; slot = (slot + 1) & mask)
    if (attrs_[attr_index_[slot] - 1].name == name) return true;
  return false;
}

void Tokenizer::Impl::index_attribute(uint32_t position) {
  if (!attr_index_active_ || attrs_.size() * 2 > attr_index_.size()) {
    size_t size = attr_index_active_ ? attr_index_.size() * 2 : 64;
    while (size < attrs_.size() * 2) size *= 2;
    attr_index_.assign(size, 0);
    attr_index_active_ = true;
    const size_t mask = size - 1;
    for (uint32_t i = 0; i < attrs_.size(); ++i) {
      size_t slot = hash_name(attrs_[i].name) & mask;
      while (attr_index_[slot] != 0) slot = (slot + 1) & mask;
      attr_index_[slot] = i + 1;
    }
    return;
  }
  const size_t mask = attr_index_.size() - 1;
  size_t slot = hash_name(attrs_[position].name) & mask;
  while (attr_index_[slot] != 0) slot = (slot + 1) & mask;
  attr_index_[slot] = position + 1;
}

void Tokenizer::Impl::emit_comment() {
  Token t;
  t.kind = TokenKind::kComment;
  t.data = comment_.finish(*arena_);
  t.offset = offset(markup_start_);
  emit(t);
}

void Tokenizer::Impl::start_doctype() {
  doctype_name_.clear();
  public_id_.clear();
  system_id_.clear();
  name_missing_ = public_id_missing_ = system_id_missing_ = true;
  force_quirks_ = false;
}

void Tokenizer::Impl::emit_doctype() {
  Token t;
  t.kind = TokenKind::kDoctype;
  t.name = doctype_name_.finish(*arena_);
  t.public_id = public_id_.finish(*arena_);
  t.system_id = system_id_.finish(*arena_);
  t.name_missing = name_missing_;
  t.public_id_missing = public_id_missing_;
  t.system_id_missing = system_id_missing_;
  t.force_quirks = force_quirks_;
  t.offset = offset(markup_start_);
  emit(t);
}

// ---------------------------------------------------------------------------------------------------
// Input-stream errors (https://html.spec.whatwg.org/multipage/parsing.html#preprocessing-the-input-stream):
// surrogates, controls and noncharacters are parse errors wherever they occur. They are found in one pass over the
// input, only when errors are collected, and merged into the state machine's errors by offset.

void Tokenizer::Impl::scan_input_stream_errors() {
  input_stream_errors_.clear();
  const auto* p = reinterpret_cast<const unsigned char*>(begin_);
  const auto* end = reinterpret_cast<const unsigned char*>(end_);
  while (input_stream_errors_.size() < kMaxParseErrors) {
    p = find_input_stream_error_candidate(p, end);
    if (p == end) break;
    const unsigned char c = *p;
    const char* at = reinterpret_cast<const char*>(p);
    if (c < 0x80) {
      // C0 controls other than NUL (its own error, per state) and ASCII whitespace; U+007F DELETE.
      if (c != 0 && c != '\t' && c != '\n' && c != '\f' && c != '\r')
        input_stream_errors_.push_back({offset(at), "control-character-in-input-stream"});
      ++p;
      continue;
    }
    uint32_t cp = 0;
    size_t len = 1;
    if ((c & 0xE0) == 0xC0 && end - p >= 2) {
      cp = ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
      len = 2;
    } else if ((c & 0xF0) == 0xE0 && end - p >= 3) {
      cp = ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
      len = 3;
    } else if ((c & 0xF8) == 0xF0 && end - p >= 4) {
      cp = ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
      len = 4;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      // Not valid UTF-8, but a generalised (WTF-8) encoding of a lone surrogate is what such input holds.
      input_stream_errors_.push_back({offset(at), "surrogate-in-input-stream"});
    } else if (cp >= 0x80 && cp <= 0x9F) {
      input_stream_errors_.push_back({offset(at), "control-character-in-input-stream"});
    } else if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp >= 0xFFFE && (cp & 0xFFFE) == 0xFFFE)) {
      input_stream_errors_.push_back({offset(at), "noncharacter-in-input-stream"});
    }
    p += len;
  }
}

void Tokenizer::Impl::merge_input_stream_errors() {
  if (!errors_ || input_stream_errors_.empty()) return;
  const uint32_t reached = offset(pos_);
  std::vector<ParseError> merged(errors_->begin(), errors_->begin() + errors_start_);
  merged.reserve(errors_->size() + input_stream_errors_.size());
  size_t i = 0;
  for (size_t k = errors_start_; k < errors_->size(); ++k) {
    const ParseError& e = (*errors_)[k];
    while (i < input_stream_errors_.size() && input_stream_errors_[i].offset <= e.offset &&
           input_stream_errors_[i].offset < reached)
      merged.push_back(input_stream_errors_[i++]);
    merged.push_back(e);
  }
  for (; i < input_stream_errors_.size() && input_stream_errors_[i].offset < reached; ++i)
    merged.push_back(input_stream_errors_[i]);
  if (merged.size() - errors_start_ > kMaxParseErrors) merged.resize(errors_start_ + kMaxParseErrors);
  errors_->swap(merged);
}

// ---------------------------------------------------------------------------------------------------
// The states. step() dispatches on the current state; each case cites its section of the spec. Hot
// states loop internally until they switch, so a long text run or tag costs one dispatch.

void Tokenizer::Impl::step() {
  switch (state_) {
    // https://html.spec.whatwg.org/multipage/parsing.html#data-state
    case State::kDataState:
      return data_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#rcdata-state
    case State::kRcdataState:
      return rcdata_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#rawtext-state
    case State::kRawtextState:
      return rawtext_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-state
    case State::kScriptDataState:
      return script_data_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#plaintext-state
    case State::kPlaintextState:
      return plaintext_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#tag-open-state
    case State::kTagOpenState:
      return tag_open_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#end-tag-open-state
    case State::kEndTagOpenState:
      return end_tag_open_state();
    // The tag states, from tag name to self-closing start tag: one function with a label per state.
    case State::kTagNameState:
    case State::kBeforeAttributeNameState:
    case State::kAttributeNameState:
    case State::kAfterAttributeNameState:
    case State::kBeforeAttributeValueState:
    case State::kAttributeValueDoubleQuotedState:
    case State::kAttributeValueSingleQuotedState:
    case State::kAttributeValueUnquotedState:
    case State::kAfterAttributeValueQuotedState:
    case State::kSelfClosingStartTagState:
      return tag_states();
    // https://html.spec.whatwg.org/multipage/parsing.html#rcdata-less-than-sign-state
    case State::kRcdataLessThanSignState:
      return less_than_sign_state(State::kRcdataEndTagOpenState, State::kRcdataState);
    // https://html.spec.whatwg.org/multipage/parsing.html#rcdata-end-tag-open-state
    case State::kRcdataEndTagOpenState:
      return end_tag_open_state(State::kRcdataEndTagNameState, State::kRcdataState);
    // https://html.spec.whatwg.org/multipage/parsing.html#rcdata-end-tag-name-state
    case State::kRcdataEndTagNameState:
      return end_tag_name_state(State::kRcdataState);
    // https://html.spec.whatwg.org/multipage/parsing.html#rawtext-less-than-sign-state
    case State::kRawtextLessThanSignState:
      return less_than_sign_state(State::kRawtextEndTagOpenState, State::kRawtextState);
    // https://html.spec.whatwg.org/multipage/parsing.html#rawtext-end-tag-open-state
    case State::kRawtextEndTagOpenState:
      return end_tag_open_state(State::kRawtextEndTagNameState, State::kRawtextState);
    // https://html.spec.whatwg.org/multipage/parsing.html#rawtext-end-tag-name-state
    case State::kRawtextEndTagNameState:
      return end_tag_name_state(State::kRawtextState);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-less-than-sign-state
    case State::kScriptDataLessThanSignState:
      return less_than_sign_state(State::kScriptDataEndTagOpenState, State::kScriptDataState);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-end-tag-open-state
    case State::kScriptDataEndTagOpenState:
      return end_tag_open_state(State::kScriptDataEndTagNameState, State::kScriptDataState);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-end-tag-name-state
    case State::kScriptDataEndTagNameState:
      return end_tag_name_state(State::kScriptDataState);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-escape-start-state
    case State::kScriptDataEscapeStartState:
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-escape-start-dash-state
    case State::kScriptDataEscapeStartDashState: {
      const bool dash = state_ == State::kScriptDataEscapeStartDashState;
      if (next() == '-') {  // U+002D HYPHEN-MINUS (-)
        state_ = dash ? State::kScriptDataEscapedDashDashState : State::kScriptDataEscapeStartDashState;
        emit_input(cur_, 1);
      } else {  // Anything else
        reconsume_in(State::kScriptDataState);
      }
      return;
    }
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-escaped-state
    case State::kScriptDataEscapedState:
      return script_data_escaped_state(false);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-escaped-dash-state
    case State::kScriptDataEscapedDashState:
      return script_data_escaped_dash_state(false);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-escaped-dash-dash-state
    case State::kScriptDataEscapedDashDashState:
      return script_data_escaped_dash_dash_state(false);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-escaped-less-than-sign-state
    case State::kScriptDataEscapedLessThanSignState: {
      const char* lt = pos_ - 1;
      const int c = next();
      if (c == '/') {  // U+002F SOLIDUS (/)
        tag_start_ = lt;
        state_ = State::kScriptDataEscapedEndTagOpenState;
      } else if (is_ascii_alpha(c)) {  // ASCII alpha
        temp_.clear();
        emit_input(lt, 1);
        reconsume_in(State::kScriptDataDoubleEscapeStartState);
      } else {  // Anything else
        emit_input(lt, 1);
        reconsume_in(State::kScriptDataEscapedState);
      }
      return;
    }
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-escaped-end-tag-open-state
    case State::kScriptDataEscapedEndTagOpenState:
      return end_tag_open_state(State::kScriptDataEscapedEndTagNameState, State::kScriptDataEscapedState);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-escaped-end-tag-name-state
    case State::kScriptDataEscapedEndTagNameState:
      return end_tag_name_state(State::kScriptDataEscapedState);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-double-escape-start-state
    case State::kScriptDataDoubleEscapeStartState:
      return script_data_double_escape_boundary_state(State::kScriptDataDoubleEscapedState,
                                                      State::kScriptDataEscapedState);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-double-escaped-state
    case State::kScriptDataDoubleEscapedState:
      return script_data_escaped_state(true);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-double-escaped-dash-state
    case State::kScriptDataDoubleEscapedDashState:
      return script_data_escaped_dash_state(true);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-double-escaped-dash-dash-state
    case State::kScriptDataDoubleEscapedDashDashState:
      return script_data_escaped_dash_dash_state(true);
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-double-escaped-less-than-sign-state
    case State::kScriptDataDoubleEscapedLessThanSignState:
      if (next() == '/') {  // U+002F SOLIDUS (/)
        temp_.clear();
        state_ = State::kScriptDataDoubleEscapeEndState;
        emit_input(cur_, 1);
      } else {  // Anything else
        reconsume_in(State::kScriptDataDoubleEscapedState);
      }
      return;
    // https://html.spec.whatwg.org/multipage/parsing.html#script-data-double-escape-end-state
    case State::kScriptDataDoubleEscapeEndState:
      return script_data_double_escape_boundary_state(State::kScriptDataEscapedState,
                                                      State::kScriptDataDoubleEscapedState);
    // https://html.spec.whatwg.org/multipage/parsing.html#bogus-comment-state
    case State::kBogusCommentState:
      return bogus_comment_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#markup-declaration-open-state
    case State::kMarkupDeclarationOpenState:
      return markup_declaration_open_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-start-state
    case State::kCommentStartState:
      switch (next()) {
        case '-':  // U+002D HYPHEN-MINUS (-)
          state_ = State::kCommentStartDashState;
          return;
        case '>':  // U+003E GREATER-THAN SIGN (>)
          error("abrupt-closing-of-empty-comment");
          state_ = State::kDataState;
          return emit_comment();
        default:  // Anything else
          return reconsume_in(State::kCommentState);
      }
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-start-dash-state
    case State::kCommentStartDashState:
      switch (next()) {
        case '-':  // U+002D HYPHEN-MINUS (-)
          state_ = State::kCommentEndState;
          return;
        case '>':  // U+003E GREATER-THAN SIGN (>)
          error("abrupt-closing-of-empty-comment");
          state_ = State::kDataState;
          return emit_comment();
        case kEof:  // EOF
          error("eof-in-comment");
          emit_comment();
          return emit_eof();
        default:  // Anything else: the '-' just before goes into the data
          comment_.append_input(cur_ - 1, 1);
          return reconsume_in(State::kCommentState);
      }
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-state
    case State::kCommentState:
      return comment_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-less-than-sign-state
    case State::kCommentLessThanSignState:
      switch (next()) {
        case '!':  // U+0021 EXCLAMATION MARK (!)
          comment_.append_input(cur_, 1);
          state_ = State::kCommentLessThanSignBangState;
          return;
        case '<':  // U+003C LESS-THAN SIGN (<)
          comment_.append_input(cur_, 1);
          return;
        default:  // Anything else
          return reconsume_in(State::kCommentState);
      }
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-less-than-sign-bang-state
    case State::kCommentLessThanSignBangState:
      if (next() == '-')  // U+002D HYPHEN-MINUS (-)
        state_ = State::kCommentLessThanSignBangDashState;
      else  // Anything else
        reconsume_in(State::kCommentState);
      return;
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-less-than-sign-bang-dash-state
    case State::kCommentLessThanSignBangDashState:
      if (next() == '-')  // U+002D HYPHEN-MINUS (-)
        state_ = State::kCommentLessThanSignBangDashDashState;
      else  // Anything else
        reconsume_in(State::kCommentEndDashState);
      return;
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-less-than-sign-bang-dash-dash-state
    case State::kCommentLessThanSignBangDashDashState: {
      const int c = next();
      if (c != '>' && c != kEof) error("nested-comment");  // Anything else (U+003E and EOF: no error)
      return reconsume_in(State::kCommentEndState);
    }
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-end-dash-state
    case State::kCommentEndDashState:
      switch (next()) {
        case '-':  // U+002D HYPHEN-MINUS (-)
          state_ = State::kCommentEndState;
          return;
        case kEof:  // EOF
          error("eof-in-comment");
          emit_comment();
          return emit_eof();
        default:  // Anything else: the '-' just before goes into the data
          comment_.append_input(cur_ - 1, 1);
          return reconsume_in(State::kCommentState);
      }
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-end-state
    case State::kCommentEndState:
      return comment_end_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#comment-end-bang-state
    case State::kCommentEndBangState:
      switch (next()) {
        case '-':  // U+002D HYPHEN-MINUS (-): the "--!" just before goes into the data
          comment_.append_input(cur_ - 3, 3);
          state_ = State::kCommentEndDashState;
          return;
        case '>':  // U+003E GREATER-THAN SIGN (>)
          error("incorrectly-closed-comment");
          state_ = State::kDataState;
          return emit_comment();
        case kEof:  // EOF
          error("eof-in-comment");
          emit_comment();
          return emit_eof();
        default:  // Anything else
          comment_.append_input(cur_ - 3, 3);
          return reconsume_in(State::kCommentState);
      }
    // https://html.spec.whatwg.org/multipage/parsing.html#doctype-state
    case State::kDoctypeState:
      return doctype_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#before-doctype-name-state
    case State::kBeforeDoctypeNameState:
      return before_doctype_name_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#doctype-name-state
    case State::kDoctypeNameState:
      return doctype_name_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#after-doctype-name-state
    case State::kAfterDoctypeNameState:
      return after_doctype_name_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#after-doctype-public-keyword-state
    case State::kAfterDoctypePublicKeywordState:
      return after_doctype_keyword_state(
          public_id_, &public_id_missing_, State::kBeforeDoctypePublicIdentifierState,
          "missing-whitespace-after-doctype-public-keyword", "missing-doctype-public-identifier",
          "missing-quote-before-doctype-public-identifier", State::kDoctypePublicIdentifierDoubleQuotedState,
          State::kDoctypePublicIdentifierSingleQuotedState);
    // https://html.spec.whatwg.org/multipage/parsing.html#before-doctype-public-identifier-state
    case State::kBeforeDoctypePublicIdentifierState:
      return before_doctype_identifier_state(public_id_, &public_id_missing_, "missing-doctype-public-identifier",
                                             "missing-quote-before-doctype-public-identifier",
                                             State::kDoctypePublicIdentifierDoubleQuotedState,
                                             State::kDoctypePublicIdentifierSingleQuotedState);
    // https://html.spec.whatwg.org/multipage/parsing.html#doctype-public-identifier-(double-quoted)-state
    case State::kDoctypePublicIdentifierDoubleQuotedState:
      return doctype_identifier_state(public_id_, '"', State::kAfterDoctypePublicIdentifierState,
                                      "abrupt-doctype-public-identifier");
    // https://html.spec.whatwg.org/multipage/parsing.html#doctype-public-identifier-(single-quoted)-state
    case State::kDoctypePublicIdentifierSingleQuotedState:
      return doctype_identifier_state(public_id_, '\'', State::kAfterDoctypePublicIdentifierState,
                                      "abrupt-doctype-public-identifier");
    // https://html.spec.whatwg.org/multipage/parsing.html#after-doctype-public-identifier-state
    case State::kAfterDoctypePublicIdentifierState:
      return after_doctype_public_identifier_state(false);
    // https://html.spec.whatwg.org/multipage/parsing.html#between-doctype-public-and-system-identifiers-state
    case State::kBetweenDoctypePublicAndSystemIdentifiersState:
      return after_doctype_public_identifier_state(true);
    // https://html.spec.whatwg.org/multipage/parsing.html#after-doctype-system-keyword-state
    case State::kAfterDoctypeSystemKeywordState:
      return after_doctype_keyword_state(
          system_id_, &system_id_missing_, State::kBeforeDoctypeSystemIdentifierState,
          "missing-whitespace-after-doctype-system-keyword", "missing-doctype-system-identifier",
          "missing-quote-before-doctype-system-identifier", State::kDoctypeSystemIdentifierDoubleQuotedState,
          State::kDoctypeSystemIdentifierSingleQuotedState);
    // https://html.spec.whatwg.org/multipage/parsing.html#before-doctype-system-identifier-state
    case State::kBeforeDoctypeSystemIdentifierState:
      return before_doctype_identifier_state(system_id_, &system_id_missing_, "missing-doctype-system-identifier",
                                             "missing-quote-before-doctype-system-identifier",
                                             State::kDoctypeSystemIdentifierDoubleQuotedState,
                                             State::kDoctypeSystemIdentifierSingleQuotedState);
    // https://html.spec.whatwg.org/multipage/parsing.html#doctype-system-identifier-(double-quoted)-state
    case State::kDoctypeSystemIdentifierDoubleQuotedState:
      return doctype_identifier_state(system_id_, '"', State::kAfterDoctypeSystemIdentifierState,
                                      "abrupt-doctype-system-identifier");
    // https://html.spec.whatwg.org/multipage/parsing.html#doctype-system-identifier-(single-quoted)-state
    case State::kDoctypeSystemIdentifierSingleQuotedState:
      return doctype_identifier_state(system_id_, '\'', State::kAfterDoctypeSystemIdentifierState,
                                      "abrupt-doctype-system-identifier");
    // https://html.spec.whatwg.org/multipage/parsing.html#after-doctype-system-identifier-state
    case State::kAfterDoctypeSystemIdentifierState:
      return after_doctype_system_identifier_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#bogus-doctype-state
    case State::kBogusDoctypeState:
      return bogus_doctype_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#cdata-section-state
    case State::kCdataSectionState:
      return cdata_section_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#cdata-section-bracket-state
    case State::kCdataSectionBracketState:
      if (next() == ']') {  // U+005D RIGHT SQUARE BRACKET (])
        state_ = State::kCdataSectionEndState;
      } else {  // Anything else: emit the ']' just before
        emit_input(cur_ - 1, 1);
        reconsume_in(State::kCdataSectionState);
      }
      return;
    // https://html.spec.whatwg.org/multipage/parsing.html#cdata-section-end-state
    case State::kCdataSectionEndState:
      switch (next()) {
        case ']':  // U+005D RIGHT SQUARE BRACKET (]): the first of the three is emitted
          emit_input(cur_ - 2, 1);
          return;
        case '>':  // U+003E GREATER-THAN SIGN (>)
          state_ = State::kDataState;
          return;
        default:  // Anything else: emit the "]]" just before
          emit_input(cur_ - 2, 2);
          return reconsume_in(State::kCdataSectionState);
      }
    // https://html.spec.whatwg.org/multipage/parsing.html#character-reference-state
    case State::kCharacterReferenceState:
      return character_reference_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#named-character-reference-state
    case State::kNamedCharacterReferenceState:
      return named_character_reference_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#ambiguous-ampersand-state
    case State::kAmbiguousAmpersandState:
      return ambiguous_ampersand_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#numeric-character-reference-state
    case State::kNumericCharacterReferenceState:
      return numeric_character_reference_state();
    // https://html.spec.whatwg.org/multipage/parsing.html#hexadecimal-character-reference-start-state
    case State::kHexadecimalCharacterReferenceStartState:
      return character_reference_start_state(true);
    // https://html.spec.whatwg.org/multipage/parsing.html#decimal-character-reference-start-state
    case State::kDecimalCharacterReferenceStartState:
      return character_reference_start_state(false);
    // https://html.spec.whatwg.org/multipage/parsing.html#hexadecimal-character-reference-state
    case State::kHexadecimalCharacterReferenceState:
      return character_reference_digits_state(true);
    // https://html.spec.whatwg.org/multipage/parsing.html#decimal-character-reference-state
    case State::kDecimalCharacterReferenceState:
      return character_reference_digits_state(false);
    // https://html.spec.whatwg.org/multipage/parsing.html#numeric-character-reference-end-state
    case State::kNumericCharacterReferenceEndState:
      return numeric_character_reference_end_state();
  }
}

// --- Text states ---

void Tokenizer::Impl::data_state() {
  for (;;) {
    const char* run_end = find_any_of<'<', '&', '\r', '\0'>(pos_, end_);
    if (run_end != pos_) emit_input(pos_, run_end - pos_);
    pos_ = run_end;
    switch (next()) {
      case '&':  // U+0026 AMPERSAND (&)
        return_state_ = State::kDataState;
        state_ = State::kCharacterReferenceState;
        return;
      case '<':  // U+003C LESS-THAN SIGN (<)
        // Straight on through the tag open, end tag open and tag states (each sets the next state): the
        // usual text-tag-text sequence then never goes back through the dispatcher.
        state_ = State::kTagOpenState;
        tag_open_state();
        if (state_ == State::kEndTagOpenState) end_tag_open_state();
        if (state_ == State::kTagNameState) tag_states();
        if (state_ != State::kDataState || stop_) return;
        break;
      case 0:  // U+0000 NULL: emitted as it is
        error("unexpected-null-character");
        emit_input(cur_, 1);
        break;
      case kEof:  // EOF
        return emit_eof();
      default:  // Anything else (only a CR stops the scan here; it was consumed as LF)
        emit_consumed();
        break;
    }
  }
}

void Tokenizer::Impl::rcdata_state() {
  for (;;) {
    const char* run_end = find_any_of<'<', '&', '\r', '\0'>(pos_, end_);
    if (run_end != pos_) emit_input(pos_, run_end - pos_);
    pos_ = run_end;
    switch (next()) {
      case '&':  // U+0026 AMPERSAND (&)
        return_state_ = State::kRcdataState;
        state_ = State::kCharacterReferenceState;
        return;
      case '<':  // U+003C LESS-THAN SIGN (<)
        state_ = State::kRcdataLessThanSignState;
        return;
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        emit_built(kReplacementCharacter);
        break;
      case kEof:  // EOF
        return emit_eof();
      default:  // Anything else
        emit_consumed();
        break;
    }
  }
}

void Tokenizer::Impl::rawtext_state() {
  for (;;) {
    const char* run_end = find_any_of<'<', '\r', '\0', '\0'>(pos_, end_);
    if (run_end != pos_) emit_input(pos_, run_end - pos_);
    pos_ = run_end;
    switch (next()) {
      case '<':  // U+003C LESS-THAN SIGN (<)
        state_ = State::kRawtextLessThanSignState;
        return;
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        emit_built(kReplacementCharacter);
        break;
      case kEof:  // EOF
        return emit_eof();
      default:  // Anything else
        emit_consumed();
        break;
    }
  }
}

void Tokenizer::Impl::script_data_state() {
  for (;;) {
    const char* run_end = find_any_of<'<', '\r', '\0', '\0'>(pos_, end_);
    if (run_end != pos_) emit_input(pos_, run_end - pos_);
    pos_ = run_end;
    switch (next()) {
      case '<':  // U+003C LESS-THAN SIGN (<)
        state_ = State::kScriptDataLessThanSignState;
        return;
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        emit_built(kReplacementCharacter);
        break;
      case kEof:  // EOF
        return emit_eof();
      default:  // Anything else
        emit_consumed();
        break;
    }
  }
}

void Tokenizer::Impl::plaintext_state() {
  for (;;) {
    const char* run_end = find_any_of<'\r', '\0', '\0', '\0'>(pos_, end_);
    if (run_end != pos_) emit_input(pos_, run_end - pos_);
    pos_ = run_end;
    switch (next()) {
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        emit_built(kReplacementCharacter);
        break;
      case kEof:  // EOF
        return emit_eof();
      default:  // Anything else
        emit_consumed();
        break;
    }
  }
}

// --- Tags ---

void Tokenizer::Impl::tag_open_state() {
  const char* lt = pos_ - 1;  // entered right after the '<'
  const int c = next();
  if (c == '!') {  // U+0021 EXCLAMATION MARK (!)
    markup_start_ = lt;
    state_ = State::kMarkupDeclarationOpenState;
  } else if (c == '/') {  // U+002F SOLIDUS (/)
    state_ = State::kEndTagOpenState;
  } else if (is_ascii_alpha(c)) {  // ASCII alpha
    start_tag_token(false, lt);
    reconsume_in(State::kTagNameState);
  } else if (c == '?') {  // U+003F QUESTION MARK (?)
    error("unexpected-question-mark-instead-of-tag-name");
    start_comment(lt);
    reconsume_in(State::kBogusCommentState);
  } else if (c == kEof) {  // EOF
    error("eof-before-tag-name");
    emit_input(lt, 1);
    emit_eof();
  } else {  // Anything else
    error("invalid-first-character-of-tag-name");
    emit_input(lt, 1);
    reconsume_in(State::kDataState);
  }
}

void Tokenizer::Impl::end_tag_open_state() {
  const char* lt = pos_ - 2;  // entered right after "</"
  const int c = next();
  if (is_ascii_alpha(c)) {  // ASCII alpha
    start_tag_token(true, lt);
    reconsume_in(State::kTagNameState);
  } else if (c == '>') {  // U+003E GREATER-THAN SIGN (>)
    error("missing-end-tag-name");
    state_ = State::kDataState;
  } else if (c == kEof) {  // EOF
    error("eof-before-tag-name");
    emit_input(lt, 2);
    emit_eof();
  } else {  // Anything else
    error("invalid-first-character-of-tag-name");
    start_comment(lt);
    reconsume_in(State::kBogusCommentState);
  }
}

// The states of a tag from its name to its '>': tag name, before/after attribute name, attribute name,
// before attribute value, the three attribute value states, after attribute value (quoted) and
// self-closing start tag. They are one function with a label per state, so that moving from one to the
// next is a direct jump rather than a trip through the dispatcher (whose indirect jump the branch predictor
// gets wrong often enough to dominate tag-heavy markup). Entered in any of these states; returns once
// the tag is emitted or another state takes over (a character reference, EOF).
void Tokenizer::Impl::tag_states() {
  int c;
  switch (state_) {
    case State::kTagNameState:
      goto tag_name;
    case State::kBeforeAttributeNameState:
      goto before_attribute_name;
    case State::kAttributeNameState:
      goto attribute_name;
    case State::kAfterAttributeNameState:
      goto after_attribute_name;
    case State::kBeforeAttributeValueState:
      goto before_attribute_value;
    case State::kAttributeValueDoubleQuotedState:
      goto attribute_value_double_quoted;
    case State::kAttributeValueSingleQuotedState:
      goto attribute_value_single_quoted;
    case State::kAttributeValueUnquotedState:
      goto attribute_value_unquoted;
    case State::kAfterAttributeValueQuotedState:
      goto after_attribute_value_quoted;
    case State::kSelfClosingStartTagState:
      goto self_closing_start_tag;
    default:
      return;
  }

// https://html.spec.whatwg.org/multipage/parsing.html#tag-name-state
tag_name:
  for (;;) {
    const char* run_end = find_name_end<false>(pos_, end_);
    if (run_end != pos_) tag_name_.append_input(pos_, run_end - pos_);
    pos_ = run_end;
    c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE
        goto before_attribute_name;
      case '/':  // U+002F SOLIDUS (/)
        goto self_closing_start_tag;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_tag();
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        tag_name_.append_built(kReplacementCharacter);
        continue;
      case kEof:  // EOF
        error("eof-in-tag");
        return emit_eof();
      default:
        if (is_ascii_upper_alpha(c))  // ASCII upper alpha
          tag_name_.append_built(to_ascii_lower(c));
        else  // Anything else (a control character the scan stopped at)
          tag_name_.append_input(cur_, 1);
        continue;
    }
  }

// https://html.spec.whatwg.org/multipage/parsing.html#before-attribute-name-state
before_attribute_name:
  for (;;) {
    c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE: ignore
        continue;
      case '/':   // U+002F SOLIDUS (/)
      case '>':   // U+003E GREATER-THAN SIGN (>)
      case kEof:  // EOF
        pos_ = cur_;  // reconsume
        goto after_attribute_name;
      case '=':  // U+003D EQUALS SIGN (=)
        error("unexpected-equals-sign-before-attribute-name");
        start_attribute(cur_);
        attr_name_.append_input(cur_, 1);
        goto attribute_name;
      default:  // Anything else
        start_attribute(cur_);
        pos_ = cur_;  // reconsume
        goto attribute_name;
    }
  }

// https://html.spec.whatwg.org/multipage/parsing.html#attribute-name-state
attribute_name:
  for (;;) {
    const char* run_end = find_name_end<true>(pos_, end_);
    if (run_end != pos_) attr_name_.append_input(pos_, run_end - pos_);
    pos_ = run_end;
    c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE
      case '/':   // U+002F SOLIDUS (/)
      case '>':   // U+003E GREATER-THAN SIGN (>)
      case kEof:  // EOF
        finish_attribute_name();
        pos_ = cur_;  // reconsume
        goto after_attribute_name;
      case '=':  // U+003D EQUALS SIGN (=)
        finish_attribute_name();
        goto before_attribute_value;
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        attr_name_.append_built(kReplacementCharacter);
        continue;
      case '"':   // U+0022 QUOTATION MARK (")
      case '\'':  // U+0027 APOSTROPHE (')
      case '<':   // U+003C LESS-THAN SIGN (<)
        error("unexpected-character-in-attribute-name");
        attr_name_.append_input(cur_, 1);
        continue;
      default:
        if (is_ascii_upper_alpha(c))  // ASCII upper alpha
          attr_name_.append_built(to_ascii_lower(c));
        else  // Anything else (a control character the scan stopped at)
          attr_name_.append_input(cur_, 1);
        continue;
    }
  }

// https://html.spec.whatwg.org/multipage/parsing.html#after-attribute-name-state
after_attribute_name:
  for (;;) {
    c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE: ignore
        continue;
      case '/':  // U+002F SOLIDUS (/)
        goto self_closing_start_tag;
      case '=':  // U+003D EQUALS SIGN (=)
        goto before_attribute_value;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_tag();
      case kEof:  // EOF
        error("eof-in-tag");
        return emit_eof();
      default:  // Anything else
        start_attribute(cur_);
        pos_ = cur_;  // reconsume
        goto attribute_name;
    }
  }

// https://html.spec.whatwg.org/multipage/parsing.html#before-attribute-value-state
before_attribute_value:
  for (;;) {
    c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE: ignore
        continue;
      case '"':  // U+0022 QUOTATION MARK (")
        goto attribute_value_double_quoted;
      case '\'':  // U+0027 APOSTROPHE (')
        goto attribute_value_single_quoted;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        error("missing-attribute-value");
        state_ = State::kDataState;
        return emit_tag();
      default:  // Anything else
        pos_ = cur_;  // reconsume
        goto attribute_value_unquoted;
    }
  }

// https://html.spec.whatwg.org/multipage/parsing.html#attribute-value-(double-quoted)-state
attribute_value_double_quoted:
  for (;;) {
    const char* run_end = find_any_of<'"', '&', '\r', '\0'>(pos_, end_);
    if (run_end != pos_) attr_value_.append_input(pos_, run_end - pos_);
    pos_ = run_end;
    c = next();
    switch (c) {
      case '"':  // U+0022 QUOTATION MARK (")
        goto after_attribute_value_quoted;
      case '&':  // U+0026 AMPERSAND (&)
        return_state_ = State::kAttributeValueDoubleQuotedState;
        state_ = State::kCharacterReferenceState;
        return;
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        attr_value_.append_built(kReplacementCharacter);
        continue;
      case kEof:  // EOF
        error("eof-in-tag");
        return emit_eof();
      default:  // Anything else (a CR, consumed as LF)
        append_consumed(attr_value_);
        continue;
    }
  }

// https://html.spec.whatwg.org/multipage/parsing.html#attribute-value-(single-quoted)-state
attribute_value_single_quoted:
  for (;;) {
    const char* run_end = find_any_of<'\'', '&', '\r', '\0'>(pos_, end_);
    if (run_end != pos_) attr_value_.append_input(pos_, run_end - pos_);
    pos_ = run_end;
    c = next();
    switch (c) {
      case '\'':  // U+0027 APOSTROPHE (')
        goto after_attribute_value_quoted;
      case '&':  // U+0026 AMPERSAND (&)
        return_state_ = State::kAttributeValueSingleQuotedState;
        state_ = State::kCharacterReferenceState;
        return;
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        attr_value_.append_built(kReplacementCharacter);
        continue;
      case kEof:  // EOF
        error("eof-in-tag");
        return emit_eof();
      default:  // Anything else (a CR, consumed as LF)
        append_consumed(attr_value_);
        continue;
    }
  }

// https://html.spec.whatwg.org/multipage/parsing.html#attribute-value-(unquoted)-state
attribute_value_unquoted:
  for (;;) {
    const char* run_end = skip_run<kEndsUnquotedValue>(pos_, end_);
    if (run_end != pos_) attr_value_.append_input(pos_, run_end - pos_);
    pos_ = run_end;
    c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE
        goto before_attribute_name;
      case '&':  // U+0026 AMPERSAND (&)
        return_state_ = State::kAttributeValueUnquotedState;
        state_ = State::kCharacterReferenceState;
        return;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_tag();
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        attr_value_.append_built(kReplacementCharacter);
        continue;
      case '"':   // U+0022 QUOTATION MARK (")
      case '\'':  // U+0027 APOSTROPHE (')
      case '<':   // U+003C LESS-THAN SIGN (<)
      case '=':   // U+003D EQUALS SIGN (=)
      case '`':   // U+0060 GRAVE ACCENT (`)
        error("unexpected-character-in-unquoted-attribute-value");
        attr_value_.append_input(cur_, 1);
        continue;
      case kEof:  // EOF
        error("eof-in-tag");
        return emit_eof();
      default:  // Anything else
        append_consumed(attr_value_);
        continue;
    }
  }

// https://html.spec.whatwg.org/multipage/parsing.html#after-attribute-value-(quoted)-state
after_attribute_value_quoted:
  c = next();
  switch (c) {
    case '\t':  // U+0009 CHARACTER TABULATION (tab)
    case '\n':  // U+000A LINE FEED (LF)
    case '\f':  // U+000C FORM FEED (FF)
    case ' ':   // U+0020 SPACE
      goto before_attribute_name;
    case '/':  // U+002F SOLIDUS (/)
      goto self_closing_start_tag;
    case '>':  // U+003E GREATER-THAN SIGN (>)
      state_ = State::kDataState;
      return emit_tag();
    case kEof:  // EOF
      error("eof-in-tag");
      return emit_eof();
    default:  // Anything else
      error("missing-whitespace-between-attributes");
      pos_ = cur_;  // reconsume
      goto before_attribute_name;
  }

// https://html.spec.whatwg.org/multipage/parsing.html#self-closing-start-tag-state
self_closing_start_tag:
  c = next();
  switch (c) {
    case '>':  // U+003E GREATER-THAN SIGN (>)
      self_closing_ = true;
      state_ = State::kDataState;
      return emit_tag();
    case kEof:  // EOF
      error("eof-in-tag");
      return emit_eof();
    default:  // Anything else
      error("unexpected-solidus-in-tag");
      pos_ = cur_;  // reconsume
      goto before_attribute_name;
  }
}

// RCDATA, RAWTEXT, script data and script data escaped less-than sign states share "</" handling.
void Tokenizer::Impl::less_than_sign_state(State end_tag_open, State back) {
  const char* lt = pos_ - 1;
  const int c = next();
  if (c == '/') {  // U+002F SOLIDUS (/)
    tag_start_ = lt;
    state_ = end_tag_open;
  } else if (c == '!' && back == State::kScriptDataState) {  // U+0021 EXCLAMATION MARK (!), script data only
    state_ = State::kScriptDataEscapeStartState;
    emit_input(lt, 2);
  } else {  // Anything else
    emit_input(lt, 1);
    reconsume_in(back);
  }
}

void Tokenizer::Impl::end_tag_open_state(State end_tag_name, State back) {
  const int c = next();
  if (is_ascii_alpha(c)) {  // ASCII alpha
    start_tag_token(true, tag_start_);
    reconsume_in(end_tag_name);
  } else {  // Anything else: emit "</"
    emit_input(tag_start_, 2);
    reconsume_in(back);
  }
}

void Tokenizer::Impl::end_tag_name_state(State back) {
  for (;;) {
    const int c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE
        if (!is_appropriate_end_tag()) return end_tag_name_anything_else(back);
        state_ = State::kBeforeAttributeNameState;
        return;
      case '/':  // U+002F SOLIDUS (/)
        if (!is_appropriate_end_tag()) return end_tag_name_anything_else(back);
        state_ = State::kSelfClosingStartTagState;
        return;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        if (!is_appropriate_end_tag()) return end_tag_name_anything_else(back);
        state_ = State::kDataState;
        return emit_tag();
      default:
        if (is_ascii_upper_alpha(c)) {  // ASCII upper alpha
          tag_name_.append_built(to_ascii_lower(c));
        } else if (is_ascii_alpha(c)) {  // ASCII lower alpha
          tag_name_.append_input(cur_, 1);
        } else {  // Anything else
          return end_tag_name_anything_else(back);
        }
    }
  }
}

// --- Script data escapes ---

// Script data (double) escaped state.
void Tokenizer::Impl::script_data_escaped_state(bool doubly) {
  for (;;) {
    const char* run_end = find_any_of<'-', '<', '\r', '\0'>(pos_, end_);
    if (run_end != pos_) emit_input(pos_, run_end - pos_);
    pos_ = run_end;
    const int c = next();
    switch (c) {
      case '-':  // U+002D HYPHEN-MINUS (-)
        state_ = doubly ? State::kScriptDataDoubleEscapedDashState : State::kScriptDataEscapedDashState;
        return emit_input(cur_, 1);
      case '<':  // U+003C LESS-THAN SIGN (<)
        if (doubly) {
          state_ = State::kScriptDataDoubleEscapedLessThanSignState;
          return emit_input(cur_, 1);
        }
        state_ = State::kScriptDataEscapedLessThanSignState;
        return;
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        emit_built(kReplacementCharacter);
        break;
      case kEof:  // EOF
        return eof_in_script_html_comment_like_text();
      default:  // Anything else
        emit_consumed();
        break;
    }
  }
}

// Script data (double) escaped dash state.
void Tokenizer::Impl::script_data_escaped_dash_state(bool doubly) {
  const State escaped = doubly ? State::kScriptDataDoubleEscapedState : State::kScriptDataEscapedState;
  const int c = next();
  switch (c) {
    case '-':  // U+002D HYPHEN-MINUS (-)
      state_ = doubly ? State::kScriptDataDoubleEscapedDashDashState : State::kScriptDataEscapedDashDashState;
      return emit_input(cur_, 1);
    case '<':  // U+003C LESS-THAN SIGN (<)
      if (doubly) {
        state_ = State::kScriptDataDoubleEscapedLessThanSignState;
        return emit_input(cur_, 1);
      }
      state_ = State::kScriptDataEscapedLessThanSignState;
      return;
    case 0:  // U+0000 NULL
      error("unexpected-null-character");
      state_ = escaped;
      return emit_built(kReplacementCharacter);
    case kEof:  // EOF
      return eof_in_script_html_comment_like_text();
    default:  // Anything else
      state_ = escaped;
      return emit_consumed();
  }
}

// Script data (double) escaped dash dash state.
void Tokenizer::Impl::script_data_escaped_dash_dash_state(bool doubly) {
  const State escaped = doubly ? State::kScriptDataDoubleEscapedState : State::kScriptDataEscapedState;
  for (;;) {
    const int c = next();
    switch (c) {
      case '-':  // U+002D HYPHEN-MINUS (-)
        emit_input(cur_, 1);
        continue;
      case '<':  // U+003C LESS-THAN SIGN (<)
        if (doubly) {
          state_ = State::kScriptDataDoubleEscapedLessThanSignState;
          return emit_input(cur_, 1);
        }
        state_ = State::kScriptDataEscapedLessThanSignState;
        return;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kScriptDataState;
        return emit_input(cur_, 1);
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        state_ = escaped;
        return emit_built(kReplacementCharacter);
      case kEof:  // EOF
        return eof_in_script_html_comment_like_text();
      default:  // Anything else
        state_ = escaped;
        return emit_consumed();
    }
  }
}

// Script data double escape start and end states: the same test on the temporary buffer, opposite outcomes.
void Tokenizer::Impl::script_data_double_escape_boundary_state(State if_script, State otherwise) {
  for (;;) {
    const int c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE
      case '/':   // U+002F SOLIDUS (/)
      case '>':   // U+003E GREATER-THAN SIGN (>)
        state_ = temp_ == "script" ? if_script : otherwise;
        return emit_consumed();
      default:
        if (is_ascii_alpha(c)) {  // ASCII upper alpha, ASCII lower alpha
          temp_.push_back(to_ascii_lower(c));
          emit_input(cur_, 1);
          continue;
        }
        // Anything else: back to the state the sequence started in
        return reconsume_in(otherwise);
    }
  }
}

// --- Comments ---

void Tokenizer::Impl::bogus_comment_state() {
  for (;;) {
    const char* run_end = find_any_of<'>', '\r', '\0', '\0'>(pos_, end_);
    if (run_end != pos_) comment_.append_input(pos_, run_end - pos_);
    pos_ = run_end;
    switch (next()) {
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_comment();
      case kEof:  // EOF
        emit_comment();
        return emit_eof();
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        comment_.append_built(kReplacementCharacter);
        break;
      default:  // Anything else
        append_consumed(comment_);
        break;
    }
  }
}

void Tokenizer::Impl::markup_declaration_open_state() {
  const std::string_view rest(pos_, end_ - pos_);
  cur_ = pos_;
  if (rest.starts_with("--")) {  // Two U+002D HYPHEN-MINUS characters (-)
    pos_ += 2;
    start_comment(markup_start_);
    state_ = State::kCommentStartState;
  } else if (starts_with_ignoring_case(rest, "DOCTYPE")) {  // ASCII case-insensitive match for "DOCTYPE"
    pos_ += 7;
    state_ = State::kDoctypeState;
  } else if (rest.starts_with("[CDATA[")) {  // The string "[CDATA[" (case-sensitive)
    pos_ += 7;
    // deviation: pending characters are handed to the sink first, so that its answer about the adjusted
    // current node is current (the spec's tree builder sees every character before this point).
    flush_text();
    if (stop_) return;
    if (in_foreign_content_) {
      state_ = State::kCdataSectionState;
    } else {
      error("cdata-in-html-content");
      start_comment(markup_start_);
      comment_.append_input(cur_, 7);
      state_ = State::kBogusCommentState;
    }
  } else {  // Anything else
    error("incorrectly-opened-comment");
    start_comment(markup_start_);
    state_ = State::kBogusCommentState;
  }
}

void Tokenizer::Impl::comment_state() {
  for (;;) {
    const char* run_end = find_any_of<'<', '-', '\r', '\0'>(pos_, end_);
    if (run_end != pos_) comment_.append_input(pos_, run_end - pos_);
    pos_ = run_end;
    switch (next()) {
      case '<':  // U+003C LESS-THAN SIGN (<)
        comment_.append_input(cur_, 1);
        state_ = State::kCommentLessThanSignState;
        return;
      case '-':  // U+002D HYPHEN-MINUS (-)
        state_ = State::kCommentEndDashState;
        return;
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        comment_.append_built(kReplacementCharacter);
        break;
      case kEof:  // EOF
        error("eof-in-comment");
        emit_comment();
        return emit_eof();
      default:  // Anything else
        append_consumed(comment_);
        break;
    }
  }
}

// The two hyphens this state was reached with are the two bytes before the current character, so the
// hyphens the spec appends to the data are appended as views of those bytes.
void Tokenizer::Impl::comment_end_state() {
  for (;;) {
    switch (next()) {
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_comment();
      case '!':  // U+0021 EXCLAMATION MARK (!)
        state_ = State::kCommentEndBangState;
        return;
      case '-':  // U+002D HYPHEN-MINUS (-)
        comment_.append_input(cur_ - 2, 1);
        continue;
      case kEof:  // EOF
        error("eof-in-comment");
        emit_comment();
        return emit_eof();
      default:  // Anything else
        comment_.append_input(cur_ - 2, 2);
        return reconsume_in(State::kCommentState);
    }
  }
}

// --- DOCTYPE ---

void Tokenizer::Impl::doctype_state() {
  switch (next()) {
    case '\t':  // U+0009 CHARACTER TABULATION (tab)
    case '\n':  // U+000A LINE FEED (LF)
    case '\f':  // U+000C FORM FEED (FF)
    case ' ':   // U+0020 SPACE
      state_ = State::kBeforeDoctypeNameState;
      return;
    case '>':  // U+003E GREATER-THAN SIGN (>)
      return reconsume_in(State::kBeforeDoctypeNameState);
    case kEof:  // EOF
      start_doctype();
      return doctype_eof();
    default:  // Anything else
      error("missing-whitespace-before-doctype-name");
      return reconsume_in(State::kBeforeDoctypeNameState);
  }
}

void Tokenizer::Impl::before_doctype_name_state() {
  for (;;) {
    const int c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE: ignore
        continue;
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        start_doctype();
        name_missing_ = false;
        doctype_name_.append_built(kReplacementCharacter);
        state_ = State::kDoctypeNameState;
        return;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        error("missing-doctype-name");
        start_doctype();
        force_quirks_ = true;
        state_ = State::kDataState;
        return emit_doctype();
      case kEof:  // EOF
        start_doctype();
        return doctype_eof();
      default:  // ASCII upper alpha (lower-cased) and anything else
        start_doctype();
        name_missing_ = false;
        if (is_ascii_upper_alpha(c))
          doctype_name_.append_built(to_ascii_lower(c));
        else
          doctype_name_.append_input(cur_, 1);
        state_ = State::kDoctypeNameState;
        return;
    }
  }
}

void Tokenizer::Impl::doctype_name_state() {
  for (;;) {
    const int c = next();
    switch (c) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE
        state_ = State::kAfterDoctypeNameState;
        return;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_doctype();
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        doctype_name_.append_built(kReplacementCharacter);
        continue;
      case kEof:  // EOF
        return doctype_eof();
      default:
        if (is_ascii_upper_alpha(c))  // ASCII upper alpha
          doctype_name_.append_built(to_ascii_lower(c));
        else  // Anything else
          doctype_name_.append_input(cur_, 1);
        continue;
    }
  }
}

void Tokenizer::Impl::after_doctype_name_state() {
  for (;;) {
    switch (next()) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE: ignore
        continue;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_doctype();
      case kEof:  // EOF
        return doctype_eof();
      default: {  // Anything else
        const std::string_view rest(cur_, end_ - cur_);
        if (starts_with_ignoring_case(rest, "PUBLIC")) {
          pos_ = cur_ + 6;
          state_ = State::kAfterDoctypePublicKeywordState;
        } else if (starts_with_ignoring_case(rest, "SYSTEM")) {
          pos_ = cur_ + 6;
          state_ = State::kAfterDoctypeSystemKeywordState;
        } else {
          error("invalid-character-sequence-after-doctype-name");
          force_quirks_ = true;
          reconsume_in(State::kBogusDoctypeState);
        }
        return;
      }
    }
  }
}

// After DOCTYPE public keyword and after DOCTYPE system keyword states.
void Tokenizer::Impl::after_doctype_keyword_state(PieceBuffer& id, bool* missing, State before,
                                                  std::string_view whitespace_error, std::string_view missing_error,
                                                  std::string_view quote_error, State double_quoted,
                                                  State single_quoted) {
  switch (next()) {
    case '\t':  // U+0009 CHARACTER TABULATION (tab)
    case '\n':  // U+000A LINE FEED (LF)
    case '\f':  // U+000C FORM FEED (FF)
    case ' ':   // U+0020 SPACE
      state_ = before;
      return;
    case '"':  // U+0022 QUOTATION MARK (")
      error(whitespace_error);
      id.clear();
      *missing = false;
      state_ = double_quoted;
      return;
    case '\'':  // U+0027 APOSTROPHE (')
      error(whitespace_error);
      id.clear();
      *missing = false;
      state_ = single_quoted;
      return;
    case '>':  // U+003E GREATER-THAN SIGN (>)
      error(missing_error);
      force_quirks_ = true;
      state_ = State::kDataState;
      return emit_doctype();
    case kEof:  // EOF
      return doctype_eof();
    default:  // Anything else
      error(quote_error);
      force_quirks_ = true;
      return reconsume_in(State::kBogusDoctypeState);
  }
}

// Before DOCTYPE public identifier and before DOCTYPE system identifier states.
void Tokenizer::Impl::before_doctype_identifier_state(PieceBuffer& id, bool* missing, std::string_view missing_error,
                                                      std::string_view quote_error, State double_quoted,
                                                      State single_quoted) {
  for (;;) {
    switch (next()) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE: ignore
        continue;
      case '"':  // U+0022 QUOTATION MARK (")
        id.clear();
        *missing = false;
        state_ = double_quoted;
        return;
      case '\'':  // U+0027 APOSTROPHE (')
        id.clear();
        *missing = false;
        state_ = single_quoted;
        return;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        error(missing_error);
        force_quirks_ = true;
        state_ = State::kDataState;
        return emit_doctype();
      case kEof:  // EOF
        return doctype_eof();
      default:  // Anything else
        error(quote_error);
        force_quirks_ = true;
        return reconsume_in(State::kBogusDoctypeState);
    }
  }
}

// DOCTYPE public/system identifier (double-quoted/single-quoted) states.
void Tokenizer::Impl::doctype_identifier_state(PieceBuffer& id, char quote, State after,
                                               std::string_view abrupt_error) {
  for (;;) {
    const int c = next();
    if (c == quote) {  // U+0022 QUOTATION MARK (") or U+0027 APOSTROPHE ('), as the state says
      state_ = after;
      return;
    }
    switch (c) {
      case 0:  // U+0000 NULL
        error("unexpected-null-character");
        id.append_built(kReplacementCharacter);
        continue;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        error(abrupt_error);
        force_quirks_ = true;
        state_ = State::kDataState;
        return emit_doctype();
      case kEof:  // EOF
        return doctype_eof();
      default:  // Anything else
        append_consumed(id);
        continue;
    }
  }
}

// After DOCTYPE public identifier state and (`between`) between DOCTYPE public and system identifiers state.
void Tokenizer::Impl::after_doctype_public_identifier_state(bool between) {
  for (;;) {
    switch (next()) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE
        if (between) continue;  // ignore
        state_ = State::kBetweenDoctypePublicAndSystemIdentifiersState;
        return;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_doctype();
      case '"':  // U+0022 QUOTATION MARK (")
        if (!between) error("missing-whitespace-between-doctype-public-and-system-identifiers");
        system_id_.clear();
        system_id_missing_ = false;
        state_ = State::kDoctypeSystemIdentifierDoubleQuotedState;
        return;
      case '\'':  // U+0027 APOSTROPHE (')
        if (!between) error("missing-whitespace-between-doctype-public-and-system-identifiers");
        system_id_.clear();
        system_id_missing_ = false;
        state_ = State::kDoctypeSystemIdentifierSingleQuotedState;
        return;
      case kEof:  // EOF
        return doctype_eof();
      default:  // Anything else
        error("missing-quote-before-doctype-system-identifier");
        force_quirks_ = true;
        return reconsume_in(State::kBogusDoctypeState);
    }
  }
}

void Tokenizer::Impl::after_doctype_system_identifier_state() {
  for (;;) {
    switch (next()) {
      case '\t':  // U+0009 CHARACTER TABULATION (tab)
      case '\n':  // U+000A LINE FEED (LF)
      case '\f':  // U+000C FORM FEED (FF)
      case ' ':   // U+0020 SPACE: ignore
        continue;
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_doctype();
      case kEof:  // EOF
        return doctype_eof();
      default:  // Anything else (this does not set the force-quirks flag)
        error("unexpected-character-after-doctype-system-identifier");
        return reconsume_in(State::kBogusDoctypeState);
    }
  }
}

void Tokenizer::Impl::bogus_doctype_state() {
  for (;;) {
    switch (next()) {
      case '>':  // U+003E GREATER-THAN SIGN (>)
        state_ = State::kDataState;
        return emit_doctype();
      case 0:  // U+0000 NULL: ignore
        error("unexpected-null-character");
        continue;
      case kEof:  // EOF
        emit_doctype();
        return emit_eof();
      default:  // Anything else: ignore
        continue;
    }
  }
}

// --- CDATA ---

void Tokenizer::Impl::cdata_section_state() {
  for (;;) {
    const char* run_end = find_any_of<']', '\r', ']', ']'>(pos_, end_);
    if (run_end != pos_) emit_input(pos_, run_end - pos_);
    pos_ = run_end;
    switch (next()) {
      case ']':  // U+005D RIGHT SQUARE BRACKET (])
        state_ = State::kCdataSectionBracketState;
        return;
      case kEof:  // EOF
        error("eof-in-cdata");
        return emit_eof();
      default:  // Anything else (U+0000 NULL included: emitted as it is)
        emit_consumed();
        break;
    }
  }
}

// --- Character references ---

void Tokenizer::Impl::character_reference_state() {
  amp_start_ = pos_ - 1;  // entered right after the '&'; the temporary buffer is "&"
  const int c = next();
  if (is_ascii_alphanumeric(c)) {  // ASCII alphanumeric
    reconsume_in(State::kNamedCharacterReferenceState);
  } else if (c == '#') {  // U+0023 NUMBER SIGN (#)
    state_ = State::kNumericCharacterReferenceState;
  } else {  // Anything else
    flush_consumed_as_char_ref(cur_);
    reconsume_in(return_state_);
  }
}

void Tokenizer::Impl::named_character_reference_state() {
  const NamedCharRefMatch match = match_named_char_ref(std::string_view(pos_, end_ - pos_));
  if (match.length == 0) {
    flush_consumed_as_char_ref(pos_);
    state_ = State::kAmbiguousAmpersandState;
    return;
  }
  const char* after = pos_ + match.length;
  pos_ = after;
  cur_ = after - 1;
  // The legacy rule for attributes: "&amp=" or "&ampx" in an attribute value stays as it is written.
  if (returns_to_attribute() && !match.ends_with_semicolon && after != end_ &&
      (*after == '=' || is_ascii_alphanumeric(static_cast<unsigned char>(*after)))) {
    flush_consumed_as_char_ref(after);
    state_ = return_state_;
    return;
  }
  if (!match.ends_with_semicolon) error_at(after, "missing-semicolon-after-character-reference");
  flush_built_char_ref(match.value);
  state_ = return_state_;
}

void Tokenizer::Impl::ambiguous_ampersand_state() {
  for (;;) {
    const int c = next();
    if (is_ascii_alphanumeric(c)) {  // ASCII alphanumeric
      if (returns_to_attribute())
        attr_value_.append_input(cur_, 1);
      else
        emit_input(cur_, 1);
      continue;
    }
    if (c == ';') error("unknown-named-character-reference");  // U+003B SEMICOLON (;)
    return reconsume_in(return_state_);  // Anything else
  }
}

void Tokenizer::Impl::numeric_character_reference_state() {
  char_ref_code_ = 0;
  const int c = next();
  if (c == 'x' || c == 'X') {  // U+0078 LATIN SMALL LETTER X, U+0058 LATIN CAPITAL LETTER X
    state_ = State::kHexadecimalCharacterReferenceStartState;
  } else {  // Anything else
    reconsume_in(State::kDecimalCharacterReferenceStartState);
  }
}

// Hexadecimal and decimal character reference start states.
void Tokenizer::Impl::character_reference_start_state(bool hex) {
  const int c = next();
  if (hex ? is_ascii_hex_digit(c) : is_ascii_digit(c)) {  // ASCII (hex) digit
    reconsume_in(hex ? State::kHexadecimalCharacterReferenceState : State::kDecimalCharacterReferenceState);
  } else {  // Anything else
    error("absence-of-digits-in-numeric-character-reference");
    flush_consumed_as_char_ref(cur_);
    reconsume_in(return_state_);
  }
}

// Hexadecimal and decimal character reference states.
void Tokenizer::Impl::character_reference_digits_state(bool hex) {
  for (;;) {
    const int c = next();
    int digit;
    if (is_ascii_digit(c)) {  // ASCII digit
      digit = c - '0';
    } else if (hex && is_ascii_hex_digit(c)) {  // ASCII upper/lower hex digit
      digit = (c | 0x20) - 'a' + 10;
    } else if (c == ';') {  // U+003B SEMICOLON
      state_ = State::kNumericCharacterReferenceEndState;
      return;
    } else {  // Anything else
      error("missing-semicolon-after-character-reference");
      return reconsume_in(State::kNumericCharacterReferenceEndState);
    }
    // Values past U+10FFFF all end the same way; saturating keeps the arithmetic in range.
    char_ref_code_ = std::min<uint32_t>(char_ref_code_ * (hex ? 16 : 10) + digit, 0x110000);
  }
}

void Tokenizer::Impl::numeric_character_reference_end_state() {
  const NumericCharRefResult r = resolve_numeric_char_ref(char_ref_code_);
  if (!r.error.empty()) error(r.error);
  char utf8[4];
  const size_t n = encode_utf8(r.code_point, utf8);
  flush_built_char_ref(std::string_view(utf8, n));
  state_ = return_state_;
}

void Tokenizer::Impl::run() {
  errors_start_ = errors_ ? errors_->size() : 0;
  if (errors_) scan_input_stream_errors();
  while (!stop_) step();
  merge_input_stream_errors();
}

// ---------------------------------------------------------------------------------------------------

Tokenizer::Tokenizer() : impl_(new Impl) {}
Tokenizer::~Tokenizer() { delete impl_; }

void Tokenizer::reset(std::string_view input, Arena& arena, std::vector<ParseError>* errors) {
  impl_->reset(input, arena, errors);
}

void Tokenizer::set_state(TokenizerSwitch state) {
  SinkResult r;
  r.next_state = state;
  r.in_foreign_content = impl_->in_foreign_content_;
  impl_->apply(r);
}

void Tokenizer::set_last_start_tag(std::string_view name) {
  impl_->last_start_tag_storage_.assign(name);
  impl_->last_start_tag_ = impl_->last_start_tag_storage_;
}

void Tokenizer::run(TokenSink& sink) {
  impl_->sink_ = &sink;
  impl_->run();
}

}  // namespace pith::detail
