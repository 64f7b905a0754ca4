// The Extractor: bytes -> encoding sniff and decode (double-encoded UTF-8 and self-closed <iframe>s in
// <noscript> repaired) -> HTML parse -> metadata -> page analysis (prune + statistics) -> content choice
// -> blocks (+ comments) -> Result; a script-rendered shell is read from its JSON-LD instead. The
// analysis, choice and blocks run once strictly and, when that keeps little, again with rules relaxed
// (the recall guard below). Parser, decoder and analysis buffers are kept between pages. Nothing here
// throws; limits are cut-flag-continue (input bytes, parser limits), reported in Result::status.
// Covered by tests/extract/extract_test.cc, page_types_test.cc and the dataset runs.
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include "base/ascii.h"
#include "extract/content.h"
#include "meta/meta.h"
#include "pith/encoding.h"
#include "pith/extract.h"
#include "pith/html.h"

namespace pith {
namespace {
constexpr const char* kReadingNames[] = {"content:", "content:lenient:", "content:permissive:"};

// Whether the page's OpenGraph type is "website" (home, listing, product and service pages declare it;
// articles declare "article"). Treating og:type "product" the same way measured no better.
bool declares_website(const Document& doc) {
  const Node* root = doc.root();
  for (const Node* n = next_in_preorder(root, root); n; n = next_in_preorder(n, root)) {
    if (n->is(Tag::kBody)) break;
    if (!n->is(Tag::kMeta) || n->attr(Attr::kProperty) != "og:type") continue;
    std::string_view type = n->attr(Attr::kContent);
    return type == "website";
  }
  return false;
}
size_t skip_spaces(std::string_view text, size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t' || text[pos] == '\r')) ++pos;
  return pos;
}

// `<noscript><iframe src=... /></noscript>` (a tag manager's snippet as some frameworks print it): HTML
// ignores the slash, so with scripting off, as a crawler parses, the <iframe> never closes and its raw
// text swallows the rest of the page. A browser running scripts reads the noscript as text and shows
// the page. Writes the page with "</iframe>" after each such tag into `out`; returns how many.
size_t close_noscript_iframes(std::string_view in, std::string& out) {
  size_t closed = 0, copied = 0;
  for (size_t pos = in.find("<noscript"); pos != std::string_view::npos; pos = in.find("<noscript", pos + 1)) {
    size_t open_end = in.find('>', pos);
    if (open_end == std::string_view::npos) break;
    size_t iframe = skip_spaces(in, open_end + 1);
    if (!detail::starts_with_ascii_ci(in.substr(iframe), "<iframe")) continue;
    size_t tag_end = in.find('>', iframe);
    if (tag_end == std::string_view::npos || in[tag_end - 1] != '/') continue;
    if (!detail::starts_with_ascii_ci(in.substr(skip_spaces(in, tag_end + 1)), "</noscript")) continue;
    if (closed == 0) out.clear();
    out.append(in.substr(copied, tag_end + 1 - copied)).append("</iframe>");
    copied = tag_end + 1;
    ++closed;
  }
  if (closed > 0) out.append(in.substr(copied));
  return closed;
}

}  // namespace

struct Extractor::Impl {
  HtmlParser parser{make_parse_options()};
  Decoder decoder;
  std::string repaired;  // the decoded page after repair_double_encoding, when it repaired something
  std::string closed_iframes;  // the page after close_noscript_iframes, when it closed one
  bool discussion_thread = false;  // of the page being extracted (detail::PageSignals)
  detail::PageAnalysis page, trial;  // the kept reading's analysis, and a retry's
  detail::WalkMemo memo;  // the strict reading's counts, replayed by later walks of the same page

  Impl() {
    page.use_memo(&memo);
    trial.use_memo(&memo);
  }

  // Analysis -> choice of the content -> blocks; returns the characters kept (CJK-weighted).
  uint32_t extract_pass(detail::PageAnalysis& page, const Node* root, bool keep_comments,
                        const detail::SegmentOptions& seg, std::vector<Block>& blocks,
                        std::vector<ExplainedBlock>* explained, bool& orphan_heading_last) {
    page.analyse(root, keep_comments, seg.reading, discussion_thread);
    detail::ContentChoice choice = detail::choose_content(page);
    if (explained) {
      ExplainedBlock e;
      e.rule = std::string(kReadingNames[static_cast<int>(seg.reading)]) + choice.rule;
      e.kept = true;
      for (const Node* n : choice.roots) {
        if (!e.path.empty()) e.path += " + ";
        e.path += std::string(n->name);
        std::string_view id = n->attr(Attr::kId), cls = n->attr(Attr::kClass);
        if (!id.empty()) e.path.append("#").append(id);
        if (!cls.empty()) e.path.append(".").append(cls.substr(0, cls.find(' ')));
      }
      explained->push_back(std::move(e));
    }
    uint32_t chars = 0;  // blocks is empty here: the characters written are the pass's
    orphan_heading_last = detail::segment_blocks(page, choice.roots, seg, blocks, explained, &chars);
    return chars;
  }

  // Script-rendered pages (React apps) show a few lines of HTML and state the whole text in JSON-LD
  // (articleBody, a HowTo's steps). When the HTML gave under 300 characters and that text has 500+, it
  // replaces them, with a warning saying so. A paywalled story's teaser (longer) stays: its readers see
  // the teaser, not the body declared for search engines.
  void read_structured_body(const std::string& body_html, detail::SegmentOptions seg, uint32_t kept_chars, Result& r,
                            std::vector<ExplainedBlock>* explained) {
    constexpr uint32_t kMaxHtmlChars = 300, kMinChars = 500;
    if (kept_chars >= kMaxHtmlChars || body_html.size() < kMinChars) return;
    if (!body_parser) body_parser = std::make_unique<HtmlParser>(make_parse_options());
    std::string page_html = "<!doctype html><body>" + body_html;
    const Document& doc = body_parser->parse(page_html);
    const Node* body = doc.body();
    if (!body) return;
    detail::PageAnalysis analysis;
    seg.reading = detail::Reading::kStrict;
    analysis.analyse(body, false, seg.reading, false);
    std::vector<Block> blocks;
    std::vector<ExplainedBlock> body_explained;
    uint32_t chars = 0;
    detail::segment_blocks(analysis, {body}, seg, blocks, explained ? &body_explained : nullptr, &chars);
    if (chars < kMinChars) return;
    r.blocks_ = std::move(blocks);
    if (explained) {
      for (ExplainedBlock& shell : *explained) {
        if (shell.kept) shell.kept = false, shell.rule = "drop:replaced-by-structured-data";
      }
      ExplainedBlock e;
      e.rule = "content:structured-data";
      e.path = "script[type=application/ld+json]";
      e.kept = true;
      explained->push_back(std::move(e));
      explained->insert(explained->end(), body_explained.begin(), body_explained.end());
    }
    r.status.warnings.push_back("content: taken from the page's JSON-LD (its HTML text was " +
                                std::to_string(kept_chars) + " characters)");
  }
  std::unique_ptr<HtmlParser> body_parser;  // made on the first page that needs it

  static ParseOptions make_parse_options() {
    ParseOptions o;
    o.record_errors = false;
    return o;
  }
};

Extractor::Extractor(Options options) : options_(std::move(options)), impl_(std::make_unique<Impl>()) {}
Extractor::~Extractor() = default;

Result Extractor::extract(std::string_view bytes) {
  bool truncated = false;
  if (bytes.size() > options_.max_input_bytes) {
    bytes = bytes.substr(0, options_.max_input_bytes);
    truncated = true;
  }
  SniffOptions sniff_options;
  sniff_options.transport_charset = options_.transport_charset;
  SniffResult sniffed = sniff_encoding(bytes, sniff_options);
  std::string_view utf8 = impl_->decoder.decode(bytes, sniffed.encoding);
  size_t repaired = options_.repair_double_encoding ? repair_double_encoding(utf8, impl_->repaired) : 0;
  if (repaired > 0) utf8 = impl_->repaired;
  size_t closed_iframes = close_noscript_iframes(utf8, impl_->closed_iframes);
  if (closed_iframes > 0) utf8 = impl_->closed_iframes;
  Document& doc = impl_->parser.parse(utf8);
  Result r = extract_document(doc);
  r.encoding_ = std::string(encoding_name(sniffed.encoding));
  r.encoding_source_ = std::string(encoding_source_name(sniffed.source));
  if (impl_->decoder.replacements() > 0) {
    std::string warning = "decoding: ";
    warning.append(std::to_string(impl_->decoder.replacements())).append(" invalid sequences replaced by U+FFFD");
    r.status.warnings.push_back(std::move(warning));
  }
  if (repaired > 0) {
    r.status.warnings.push_back("encoding: " + std::to_string(repaired) + " double-encoded UTF-8 sequences repaired");
  }
  if (closed_iframes > 0) {
    r.status.warnings.push_back("markup: " + std::to_string(closed_iframes) +
                                " self-closed <iframe> in <noscript> closed (it swallowed the page)");
  }
  if (sniffed.overridden_declaration) r.status.warnings.push_back("encoding: declaration contradicted by bytes");
  if (truncated) {
    r.status.input_truncated = true;
    r.status.ok = false;
    r.status.warnings.push_back("input longer than max_input_bytes: cut");
  }
  return r;
}

Result Extractor::extract_document(const Document& doc) {
  impl_->memo.clear();
  Result r;
  detail::PageSignals signals;
  detail::extract_metadata(doc, options_.url, r.meta_, &signals);
  impl_->discussion_thread = signals.discussion_thread;
  if (!doc.status.ok()) {
    r.status.parse_limited = true;
    r.status.ok = false;
    r.status.warnings.push_back("parser limit reached: the tree is incomplete");
  }
  const Node* body = doc.body();
  const Node* root = body ? body : doc.root();
  detail::SegmentOptions seg;
  seg.tables = options_.include_tables;
  seg.links = options_.include_links;
  seg.images = options_.include_images;
  seg.explain = options_.explain;
  seg.title = r.meta_.title;
  std::vector<ExplainedBlock>* explained = options_.explain ? &r.explained_ : nullptr;
  // Recall guard: a page whose strict reading keeps little (listings, product grids, forums whose
  // containers carry furniture-like class names, content in hidden tabs) is read again with rules
  // relaxed step by step; a relaxed reading replaces the kept one when it finds at least twice the text.
  // The thresholds were chosen over all six dev sets together (none may lose), not page by page.
  // A page that declares itself a website rather than an article is read leniently whenever that finds
  // half as much text again, and permissively below 3000 characters.
  struct Retry {
    detail::Reading reading;
    uint32_t below_chars;   // tried when the kept reading has fewer characters
    uint32_t ratio_tenths;  // and taken when it finds this many tenths of the kept text
  };
  constexpr uint32_t kMinRetryChars = 50;  // less is a stray heading, not content found
  constexpr Retry kArticleRetries[] = {{detail::Reading::kLenient, 1000, 20}, {detail::Reading::kPermissive, 300, 20}};
  constexpr Retry kWebsiteRetries[] = {{detail::Reading::kLenient, UINT32_MAX, 15},
                                          {detail::Reading::kPermissive, 3000, 15}};
  const Retry* retries = declares_website(doc) ? kWebsiteRetries : kArticleRetries;
  detail::PageAnalysis* page = &impl_->page;
  detail::PageAnalysis* trial = &impl_->trial;
  bool orphan_heading_last = false;
  uint32_t kept_chars =
      impl_->extract_pass(*page, root, options_.include_comments, seg, r.blocks_, explained, orphan_heading_last);
  for (size_t i = 0; i < 2; ++i) {
    const Retry& retry = retries[i];
    if (kept_chars >= retry.below_chars) continue;
    seg.reading = retry.reading;
    std::vector<Block> blocks;
    std::vector<ExplainedBlock> trial_explained;
    bool trial_orphan = false;
    uint32_t chars = impl_->extract_pass(*trial, root, options_.include_comments, seg, blocks,
                                         explained ? &trial_explained : nullptr, trial_orphan);
    if (uint64_t(chars) * 10 >= uint64_t(kept_chars) * retry.ratio_tenths && chars >= kMinRetryChars) {
      r.blocks_ = std::move(blocks);
      if (explained) *explained = std::move(trial_explained);
      kept_chars = chars;
      orphan_heading_last = trial_orphan;
      std::swap(page, trial);
    }
  }
  // A closing heading whose section was dropped introduces nothing: dropped once the reading is chosen.
  if (orphan_heading_last && !r.blocks_.empty()) {
    detail::explain_dropped_block(explained, r.blocks_.back(), "drop:orphan-heading");
    r.blocks_.pop_back();
  }
  detail::drop_metadata_lines(r.blocks_, r.meta_.author, explained);
  detail::drop_furniture_lines(r.blocks_, explained);
  detail::add_summary_lead(root, r.meta_.description, r.blocks_, explained);
  if (options_.include_comments && !page->comment_roots().empty()) {
    detail::SegmentOptions cseg = seg;
    cseg.title.clear();
    cseg.reading = detail::Reading::kStrict;
    detail::segment_blocks(*page, page->comment_roots(), cseg, r.comments_, nullptr);
  }
  impl_->read_structured_body(signals.structured_body, seg, kept_chars, r, explained);
  if (r.meta_.language.empty()) r.meta_.language = detail::language_from_script(r.text());
  if (r.blocks_.empty()) {
    r.status.empty = true;
    r.status.warnings.push_back("no main content found");
  }
  impl_->page.clear();
  impl_->trial.clear();
  impl_->memo.clear();  // node addresses are reused by the next document
  return r;
}

}  // namespace pith
