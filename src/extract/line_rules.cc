// Rules on finished lines: what a block's text alone says it is. The segmenter asks some of them while it
// builds blocks (a breadcrumb trail, a loading placeholder, an ad's or a control's label, an address
// written out); the others run once the reading is chosen (drop_furniture_lines: picture credits and
// homoglyph-disguised text; drop_metadata_lines: bylines, datelines and comment-section labels at the
// edges), so the recall guard compares whole texts. Each rule was measured over the six dev sets; the
// numbers are in the comments. Covered by tests/extract/page_types_test.cc and extract_test.cc.
#include <cctype>
#include <cstring>

#include "base/ascii.h"
#include "extract/content.h"
#include "meta/meta.h"

namespace pith::detail {
namespace {

// Calls `visit` with each white-space separated word of `text` until it returns false; returns whether
// every word was visited.
template <typename Visit>
bool each_word(std::string_view text, Visit&& visit) {
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find_first_of(" \t\n", start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start && !visit(text.substr(start, end - start))) return false;
    start = end + 1;
  }
  return true;
}

// A picture agency named in a line of a few words ("GETTY IMAGES", "Reuters/Corbis", "AFP/Getty Images"):
// the credit under a photo. Agencies whose name is a common word or name elsewhere (WENN, German "if";
// Keystone, as in "Keystone XL") are not in the list.
bool is_agency_credit(std::string_view text) {
  if (text.size() > 60 || count_text(text).words > 5) return false;
  std::string lower = lower_ascii(text);
  size_t start = 0;
  while (start < lower.size()) {
    size_t end = start;
    while (end < lower.size() && std::isalnum(static_cast<unsigned char>(lower[end]))) ++end;
    std::string_view word = std::string_view(lower).substr(start, end - start);
    for (std::string_view agency : {"getty", "reuters", "afp", "dpa", "epa", "shutterstock", "istock", "istockphoto",
                                    "imago", "alamy", "corbis", "ansa"}) {
      if (word == agency) return true;
    }
    start = end + 1;
  }
  return false;
}

// A picture credit ("Foto: Ingo Pertramer", "Roman Prymula, photo: Archives", "Crédits photos :
// Bestimage") or a copyright sign closing a caption ("Ski star Marco Odermatt. © AFP"): a label naming
// the picture's source followed by a colon, at the start or after punctuation, or a © after the text.
// A line opening with © is a copyright notice that news truths keep (scrapinghub: "© 2019 Associated
// Press. All Rights Reserved."); "source" is left out (a study's "Funding source:" is text), and so is a
// label inside a phrase ("See more photos:"). A picture agency in a short line is a credit too.
bool is_credit_line(std::string_view text) {
  if (is_agency_credit(text)) return true;
  for (size_t pos = text.find("\xc2\xa9"); pos != std::string_view::npos; pos = text.find("\xc2\xa9", pos + 1)) {
    // After a space or an opening bracket: "manifesto™©" is a joke, not a credit.
    if (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '(' || text[pos - 1] == '[')) return true;
  }
  std::string lower = lower_ascii(text);
  for (std::string_view label : {"foto", "fotos", "photo", "photos", "bild", "bilder", "titelbild", "beitragsbild",
                                 "abbildung", "credit", "credits", "image", "crédits photos", "crédit photo"}) {
    for (size_t pos = lower.find(label); pos != std::string::npos; pos = lower.find(label, pos + 1)) {
      size_t b = pos;
      while (b > 0 && lower[b - 1] == ' ') --b;
      if (b > 0 && std::string_view(".,;:|(/-").find(lower[b - 1]) == std::string_view::npos) continue;
      size_t after = pos + label.size();
      while (after < lower.size() && lower[after] == ' ') ++after;
      if (after < lower.size() && lower[after] == ':') return true;
    }
  }
  return false;
}

// Text disguised from filters by homoglyphs: words spelled with Latin and Cyrillic or Greek letters
// mixed ("Аdvеrtіѕе wіth us", its А, е, і, ѕ Cyrillic), as advertisers and spammers write to slip past
// keyword lists; written language does not mix scripts inside a word. A word with digits or symbols is
// not one ("'Έ'U+0388", a code table's cell). Two such words, a fifth of the words with letters, make
// the line disguised.
bool is_disguised_text(std::string_view text) {
  // Most text has no Greek or Cyrillic letter at all: the homoglyphs (а е о р с і ѕ, α ο ν) have the
  // lead bytes 0xCE, 0xCF, 0xD0 and 0xD1, which memchr rules out fast.
  auto holds = [&](char lead) { return std::memchr(text.data(), lead, text.size()) != nullptr; };
  if (!holds('\xd0') && !holds('\xd1') && !holds('\xce') && !holds('\xcf')) return false;
  uint32_t words = 0, mixed = 0;
  bool latin = false, other = false, letters = false, symbols = false;
  auto end_word = [&] {
    if (letters) ++words;
    if (latin && other && !symbols) ++mixed;
    latin = other = letters = symbols = false;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      latin = letters = true;
    } else if (c >= 0xCD && c <= 0xD3 && i + 1 < text.size()) {  // U+0340-U+04FF: Greek and Cyrillic
      uint32_t cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
      if (cp >= 0x370) other = letters = true;
      ++i;
    } else if (c == ' ' || c == '\n' || c == '\t') {
      end_word();
    } else if (c >= 0x80) {
      letters = true;  // another script's letter (or a symbol): a word, not a mixed one
    } else if (std::string_view(".,;:!?()\"").find(static_cast<char>(c)) == std::string_view::npos) {
      symbols = true;  // a digit, quote, plus sign...: a code or a formula, not a word
    }
  }
  end_word();
  return mixed >= 2 && mixed * 5 >= words;
}

// Whether a line names the comment section ("Comments", "3 Kommentare", "Tus comentarios", "댓글"): a word
// for comments in one of several languages, beside nothing but numbers and short words. Asked of lines of
// at most three words at the end of the text: a sentence ("did not respond to a request for comment") is
// the story's own, and so is a French heading ("Comment faire ?", "how").
bool names_comments(std::string_view text) {
  static constexpr std::string_view kWords[] = {
      "comment", "kommentar", "kommentier", "comentar", "commento", "commenti", "komentarz",
      "\xd0\xba\xd0\xbe\xd0\xbc\xd0\xbc\xd0\xb5\xd0\xbd\xd1\x82",  // коммент
      "\xe8\xaf\x84\xe8\xae\xba", "\xe3\x82\xb3\xe3\x83\xa1\xe3\x83\xb3\xe3\x83\x88",
      "\xeb\x8c\x93\xea\xb8\x80"};  // 评论 コメント 댓글
  constexpr size_t kMaxOtherWordBytes = 4;  // "3", "your", "tus", "les"
  bool named = false;
  bool short_others = each_word(lower_ascii(text), [&](std::string_view word) {
    bool comment_word = false;
    for (std::string_view stem : kWords) comment_word |= word.find(stem) != std::string_view::npos;
    named |= comment_word;
    return comment_word || word.size() <= kMaxOtherWordBytes;
  });
  return named && short_others;
}

}  // namespace

// "Home > News > Politics": two or more trail separators between short items.
bool is_breadcrumb_trail(std::string_view text) {
  int separators = 0;
  for (std::string_view sep : {" > ", " \xc2\xbb ", " \xe2\x80\xba ", " / "}) {
    for (size_t pos = text.find(sep); pos != std::string_view::npos; pos = text.find(sep, pos + 1)) ++separators;
  }
  return separators >= 2 && count_text(text).stops == 0;
}

// A script's placeholder left in the page ("Loading...", WordPress's "Like Loading..."): UI text that
// a browser replaces, never content. On wcxb-dev 60 such lines were junk and 1 was in the truth.
bool is_loading_placeholder(std::string_view text) {
  if (text.size() > 24) return false;
  std::string key = normalise_for_compare(text);  // lower-case letters and digits: "likeloading…"
  if (key.size() >= 3 && key.compare(key.size() - 3, 3, "\xe2\x80\xa6") == 0) key.resize(key.size() - 3);  // …
  return key == "loading" || key == "likeloading";
}

// An advertisement's label standing alone ("Anzeige", "- Werbung -", "ADVERTISEMENT", "Sponsored"):
// it marks the ad beside it and is never content. On the dev sets 38 such lines were kept, 1 was in a truth.
bool is_ad_label(std::string_view text) {
  if (text.size() > 40) return false;
  std::string key;  // lower-case ASCII letters and other scripts' characters, without punctuation
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    i += decode_utf8(text, i, cp);
    if (cp < 0x80) {
      char lower = ascii_lower(static_cast<char>(cp));
      if (lower >= 'a' && lower <= 'z') key.push_back(lower);
    } else if (!is_space(cp) && !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xB7 && cp != 0xAB && cp != 0xBB) {
      append_utf8(key, cp);  // General Punctuation (dashes, bullets), middle dot and guillemets left out
    }
  }
  static constexpr std::string_view kLabels[] = {
      "advertisement", "advertisements", "sponsored", "sponsoredcontent", "paidcontent", "paidpost",
      "anzeige", "werbung", "publicidad", "anuncio", "publicidade", "publicit\xc3\xa9", "publicit\xc3\x89",
      "pubblicit\xc3\xa0", "pubblicit\xc3\x80", "reklama", "reklame", "annons", "advertentie", "mainos",
      "\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0",  // реклама
      "\xd0\xa0\xd0\x95\xd0\x9a\xd0\x9b\xd0\x90\xd0\x9c\xd0\x90",  // РЕКЛАМА
      "\xe5\xb9\xbf\xe5\x91\x8a", "\xe5\xba\x83\xe5\x91\x8a", "\xea\xb4\x91\xea\xb3\xa0"};  // 广告 広告 광고
  for (std::string_view label : kLabels) {
    if (key == label) return true;
  }
  return false;
}

bool is_control_label(std::string_view text) {
  // The controls' verbs (and "more", "less"); a label needs one. Their companions alone ("Photo",
  // "Sources") are captions and headings.
  static constexpr std::string_view kVerbs[] = {
      "read", "more", "less", "show", "hide", "close", "open", "expand", "collapse", "view", "see", "continue",
      "mehr", "weniger", "anzeigen", "ausblenden", "einblenden", "schlie\xc3\x9f" "en", "\xc3\xb6" "ffnen",
      "weiterlesen", "lire", "voir", "plus", "moins", "fermer", "afficher", "masquer", "leer", "m\xc3\xa1s",
      "ver", "menos", "cerrar", "mostrar", "ocultar", "leggi", "altro", "chiudi", "mostra", "nascondi", "fechar"};
  static constexpr std::string_view kCompanions[] = {"all", "reading", "image", "images", "photo", "photos",
                                                     "sources", "alle", "bild", "bilder", "quellen", "la",
                                                     "suite", "di"};
  // A label ending in a colon introduces what follows ("See more photos:" over a gallery).
  if (text.size() > 60 || (!text.empty() && text.back() == ':')) return false;
  int words = 0;
  bool verb = false;
  bool all_known = each_word(lower_ascii(text), [&](std::string_view word) {
    constexpr std::string_view kPunctuation = ".,:;!?()[]\"'+->";
    while (!word.empty() && kPunctuation.find(word.back()) != std::string_view::npos) word.remove_suffix(1);
    while (!word.empty() && kPunctuation.find(word.front()) != std::string_view::npos) word.remove_prefix(1);
    if (word.empty()) return true;
    bool is_verb = false, is_companion = false;
    for (std::string_view v : kVerbs) is_verb |= word == v;
    for (std::string_view c : kCompanions) is_companion |= word == c;
    verb |= is_verb;
    return (is_verb || is_companion) && ++words <= 4;
  });
  return all_known && verb;
}

// A block that is one web or e-mail address written out ("http://www.openpetition.de",
// "info@example.org"): a single word with a scheme or "www." in front, or an "@" with a dot after it.
bool is_written_address(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > 120 || text.find_first_of(" \n\t") != std::string_view::npos) return false;
  if (text.substr(0, 7) == "http://" || text.substr(0, 8) == "https://" || text.substr(0, 4) == "www.") return true;
  size_t at = text.find('@');
  return at != std::string_view::npos && at > 0 && text.find('.', at) != std::string_view::npos;
}

void drop_furniture_lines(std::vector<Block>& blocks, std::vector<ExplainedBlock>* explained) {
  // Longer: a caption written as prose, or text. 120 and 200 measured 4 and 2 pages fewer gaining, none losing.
  constexpr uint32_t kMaxCreditChars = 300;
  std::vector<Block> kept;
  kept.reserve(blocks.size());
  for (Block& b : blocks) {
    bool line = b.kind == BlockKind::kParagraph || b.kind == BlockKind::kCaption;
    const char* rule = nullptr;
    if (line && count_text(b.text).chars <= kMaxCreditChars && is_credit_line(b.text)) rule = "drop:credit-line";
    else if (is_disguised_text(b.text)) rule = "drop:disguised-text";
    if (!rule) {
      kept.push_back(std::move(b));
      continue;
    }
    explain_dropped_block(explained, b, rule);
  }
  blocks = std::move(kept);
}

void drop_metadata_lines(std::vector<Block>& blocks, std::string_view author,
                         std::vector<ExplainedBlock>* explained) {
  constexpr size_t kEdgeBlocks = 3;  // bylines and datelines sit just above or below the text
  constexpr uint32_t kMaxBylineChars = 100, kMaxDateChars = 40;
  if (blocks.size() < 2) return;
  std::vector<Block> kept;
  kept.reserve(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    bool line = b.kind == BlockKind::kParagraph || b.kind == BlockKind::kListItem;
    // Counted among the lines kept: a dateline under a dropped one ("Publiziert: ..." over "Aktualisiert:
    // ...") is still at the edge.
    bool top = kept.size() < kEdgeBlocks;
    bool edge = top || i + kEdgeBlocks >= blocks.size();
    uint32_t chars = line && edge ? count_text(b.text).chars : 0;  // only edge lines are asked about
    // A sign-off at the end ("Kim Ji-yeon, Arirang News.") is the report's own: bylines only above.
    const char* rule = nullptr;
    if (line && top && author.size() >= 4 && chars < kMaxBylineChars &&
        b.text.find(author) != std::string::npos) {
      rule = "drop:byline";
    } else if (line && edge && chars < kMaxDateChars &&
               !parse_date(b.text).empty()) {
      rule = "drop:dateline";
    } else if (i + kEdgeBlocks >= blocks.size() && count_text(b.text).words <= 3 && names_comments(b.text)) {
      rule = "drop:comment-prompt";
    }
    if (!rule) {
      kept.push_back(std::move(b));
      continue;
    }
    explain_dropped_block(explained, b, rule);
  }
  blocks = std::move(kept);
}

}  // namespace pith::detail
