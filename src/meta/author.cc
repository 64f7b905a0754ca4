// Author names: cleanup of byline text and a plausibility check. A byline as printed ("Written byDan
// Smith", "By Jane Doe - June 12, 2025", "Keith Barry Senior Autos Reporter", "Vader 6,796 gold badges",
// "F FutureBSD") is cut to the name: byline words in several languages are dropped from the front (also
// when glued to the name), and everything from the first date, "Updated"/"Published"/"Reviewed by"
// marker, role word, separator or count (with the lower-case words introducing it, "před 3 hodinami") on
// is cut; a value opening with a date names nobody. A cleaned value is rejected when it is empty, long,
// a URL, an e-mail, a number, under two letters, a reading time or a placeholder ("Author", "#identity").
// Visible bylines are found with byline_from_text ("By X", "Von X", "Por X", "X 기자", "文/X", "作者：X").
// Covered by tests/meta/author_test.cc.
#include <regex>

#include "base/ascii.h"
#include "extract/text_util.h"
#include "meta/meta.h"

namespace pith::detail {
namespace {


bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

// Byline words that precede a name; longest first so "written by" wins over "by".
constexpr std::string_view kPrefixes[] = {
    "this post was written by", "about the author", "read more about", "written and reviewed by", "written by",
    "authored by", "article by", "posted by", "published by", "text by", "words by", "story by", "recipe by",
    "guide by", "review by", "reviewed by", "post by", "authors", "author", "autor", "auteur", "autore", "by",
    "von", "par", "por", "door", "di", "av", "af", "from", "via", "oleh", "penulis", "yazar", "tekst", "texto",
    "testo", "\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80:", "\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80:",  // Автор:, автор:
    "\xe4\xbd\x9c\xe8\x80\x85", "\xe6\x96\x87/", "\xe6\x96\x87 /", "\xea\xb8\x80"};  // 作者, 文/, 글

// Where the name ends: markers that start dates, roles and page furniture.
constexpr std::string_view kCutMarkers[] = {
    " | ", "|", "\xe2\x80\xa2", "\xc2\xb7", "\xc2\xbb", " - ", " \xe2\x80\x93", " \xe2\x80\x94", "\n", " on behalf",
    "Published", "Updated", "Last Updated", "Last updated", "Reviewed by", "Edited by", "Fact checked",
    "Medically reviewed", "Posted", "Joined", "Messages", "Posts", " wrote", " says", " said", "min read", "mins read",
    "Read more", "View more", "More by", "More from", " on ", " in ", "Follow", "Contact", "Email", "Share",
    " is a ", " is an ", " gold badge", " silver badge", " bronze badge", "\xea\xb8\xb0\xec\x9e\x90",
    "\xe8\xa8\x98\xe8\x80\x85"};  // 기자, 記者

// Role words: they end the name only after it has two words ("Rachel MacDonald Writer"), so that
// "Community Editor" or "Former Member" stay whole.
constexpr std::string_view kRoleWords[] = {
    "Senior", "Former", "Contributing", "Staff", "Head", "Chief", "Managing", "Deputy", "Executive",
    "Associate", "Lead", "Founder", "Co-Founder", "Co-founder", "CEO", "Writer", "Editor", "Reporter",
    "Correspondent", "Contributor", "Consultant", "Journalist", "Columnist", "Photographer", "Member",
    "Moderator", "Veteran", "Premium", "Licensed", "Certified", "Expert", "Specialist", "Sponsored", "View",
    "Owner"};

constexpr std::string_view kGlueWords[] = {"Published", "Updated", "Posted", "Last", "Written", "Reviewed", "Founder",
                                           "Head", "Senior", "Writer", "Editor", "Research",
                                           "Marketing", "Director", "Contributor", "Staff", "Reporter"};

// Words that make a candidate page furniture rather than a name.
constexpr std::string_view kFurnitureWords[] = {"Search", "Advanced", "Cookies", "cookies", "Sign", "Login", "Log",
                                                "Subscribe", "Account", "Menu", "Newsletter", "List"};

constexpr std::string_view kMonthAndDayWords[] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Today", "Yesterday"};

bool is_name_char(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80) || c == '.' ||
         c == '\'' || c == '-';
}

std::string trim_punct(std::string s) {
  auto junk = [](char c) { return c == ' ' || c == ',' || c == ':' || c == ';' || c == '-' || c == '&' || c == '/'; };
  while (!s.empty() && junk(s.back())) s.pop_back();
  size_t i = 0;
  while (i < s.size() && junk(s[i])) ++i;
  return s.substr(i);
}

const std::regex& date_in_byline() {
  static const std::regex r(
      R"((\d{1,2}(st|nd|rd|th)?\.?\s*)?(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d)"
      R"(|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d+\s*(hours?|days?|minutes?|weeks?|months?|years?)\s+ago)"
      R"(|(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))");
  return r;
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> words;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == ' ') {
      if (i > start) words.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return words;
}

template <size_t N>
bool in_list(std::string_view w, const std::string_view (&list)[N]) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

// Word-level cuts: a lower-to-upper case join inside a long word ("RabinowitzTech"), role words from the
// third word on, the name printed twice ("Jane Doe Jane Doe is a writer"), trailing month or weekday names
// and avatar initials ("CM Craig McCarthy").
std::string cut_words(const std::string& s) {
  std::vector<std::string> words = split_words(s);
  size_t keep = words.size();
  for (size_t i = 0; i < keep; ++i) {
    const std::string& w = words[i];
    std::string_view bare(w);
    while (!bare.empty() && (bare.back() == ',' || bare.back() == ':' || bare.back() == ';')) bare.remove_suffix(1);
    if (i >= 2 && in_list(bare, kRoleWords)) {
      keep = i;
      // "Tom Krisher, AP Auto Writer": the role's qualifiers start after the comma.
      for (size_t j = 1; j < i; ++j) {
        if (words[j].back() == ',') {
          keep = j + 1;
          break;
        }
      }
    }
    if (i >= 1 && i < keep && w == words[0] && w.size() > 1) keep = i;
    // A word glued to the name's last word ("Harry RabinowitzTech", "Luke KimDecember"): only known
    // byline words count, so "ControlCAD" or "MacDonald" stay whole.
    for (size_t j = 2; j < w.size() && i < keep; ++j) {
      if (!std::islower(static_cast<unsigned char>(w[j - 1])) || !is_ascii_upper(w[j])) continue;
      std::string_view rest = std::string_view(w).substr(j);
      bool glued = false;
      for (std::string_view g : kGlueWords) glued |= rest.substr(0, g.size()) == g;
      for (std::string_view g : kMonthAndDayWords) glued |= g.size() > 3 && rest == g;
      if (glued) {
        words[i].resize(j);
        keep = i + 1;
      }
    }
  }
  words.resize(keep);
  while (words.size() > 2 && in_list(words.back(), kMonthAndDayWords)) words.pop_back();
  if (words.size() >= 3 && words[0].size() == words.size() - 1 && words[0].size() <= 3) {
    bool initials = true;
    for (size_t i = 0; i < words[0].size(); ++i) initials &= words[i + 1][0] == words[0][i];
    if (initials) words.erase(words.begin());
  }
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return trim_punct(out);
}

}  // namespace

std::string clean_author(std::string_view raw) {
  std::string s;
  bool space = false;
  append_collapsed(s, raw, space);
  s = std::string(trim(s));
  if (s.size() > 400) s.resize(400);
  // Byline words in front, repeatedly ("Written By: By Jane"), also glued to the name ("ByJane").
  for (bool again = true; again;) {
    again = false;
    std::string low = lower_ascii(s);
    for (std::string_view p : kPrefixes) {
      if (low.size() <= p.size() || low.compare(0, p.size(), p) != 0) continue;
      char next = s[p.size()];
      bool glued = is_ascii_upper(next) && !is_ascii_upper(s[p.size() - 1]) && p.back() != '/';
      if (next != ' ' && next != ':' && next != '\xef' && !glued && p.back() != '/' && (p[0] & 0x80) == 0) continue;
      s = trim_punct(std::string(trim(std::string_view(s).substr(p.size()))));
      if (s.compare(0, 3, "\xef\xbc\x9a") == 0) s = std::string(trim(std::string_view(s).substr(3)));  // ：
      again = true;
      break;
    }
  }
  // A forum avatar's initial in front ("F FutureBSD") or behind ("JosephF J").
  if (s.size() > 3 && is_ascii_upper(s[0]) && s[1] == ' ' && std::tolower(s[2]) == std::tolower(s[0])) s.erase(0, 2);
  if (s.size() > 3 && is_ascii_upper(s.back()) && s[s.size() - 2] == ' ') s.resize(s.size() - 2);
  size_t cut = s.size();
  for (std::string_view marker : kCutMarkers) {
    size_t at = s.find(marker);
    if (at == std::string::npos) continue;
    // A value opening with a date marker ("Last Updated: January 7") names nobody.
    if (at == 0 && std::isupper(static_cast<unsigned char>(marker[0]))) return {};
    if (at > 0 && at < cut) cut = at;
  }
  std::smatch m;
  std::string head = s.substr(0, cut);
  if (std::regex_search(head, m, date_in_byline())) cut = static_cast<size_t>(m.position(0));
  // A value opening with a date ("1 mars 2019 à 15:20" in a *authors* element) names nobody.
  if (!s.empty() && std::isdigit(static_cast<unsigned char>(s[0])) && !parse_date(std::string_view(s).substr(0, 40)).empty()) {
    return {};
  }
  // A count after the name ("paulb203 Messages 196", "Vader 6,796"): cut at " <digit>", with the
  // lower-case words that introduce it ("Aleš Vávra před 3 hodinami", "Jane Doe vor 2 Stunden").
  bool counted = false;
  for (size_t i = 1; i + 1 < cut; ++i) {
    if (s[i] == ' ' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      cut = i, counted = true;
      break;
    }
  }
  s = trim_punct(s.substr(0, cut));
  while (counted) {
    size_t last_space = s.rfind(' ');
    if (last_space == std::string::npos || s.find(' ') == last_space) break;  // keep two words at least
    if (!std::islower(static_cast<unsigned char>(s[last_space + 1]))) break;
    s = trim_punct(s.substr(0, last_space));
  }
  s = cut_words(s);
  // "amondale (Amondale)": the same name again in parentheses.
  if (size_t open = s.find(" ("); open != std::string::npos && s.back() == ')') {
    if (lower_ascii(s.substr(open + 2, s.size() - open - 3)) == lower_ascii(s.substr(0, open))) s.resize(open);
  }
  while (!s.empty() && (s.back() == '.' || s.back() == '*') && s.size() > 2 && s[s.size() - 3] != ' ') s.pop_back();
  return s;
}

bool plausible_author(std::string_view name) {
  if (name.empty() || name.size() > 80) return false;
  if (name.find("://") != std::string_view::npos || name.find('@') != std::string_view::npos) return false;
  if (name.find("{{") != std::string_view::npos || name[0] == '#') return false;
  // Two letters at least ("()x" is an icon's text); a non-ASCII letter's bytes count each.
  int letters = 0;
  for (char c : name) letters += is_name_char(c) && c != '.' && c != '\'' && c != '-';
  if (letters < 2) return false;
  // Template keys ("page.head.extra.author") and placeholders.
  if (name.find(' ') == std::string_view::npos && std::count(name.begin(), name.end(), '.') >= 2) return false;
  std::string low = lower_ascii(name);
  for (std::string_view generic : {"author", "the author", "by", "admin", "administrator", "unknown", "anonymous",
                                   "staff", "guest", "editor", "sign in", "log in", "login", "menu", "share",
                                   "sign up", "signup", "register", "search", "members", "users", "user", "list",
                                   "profile", "account", "settings", "logout", "join", "updated", "written by",
                                   "published", "more", "home", "our", "topic author", "youtube",
                                   "facebook", "twitter", "instagram", "linkedin"}) {
    if (low == generic) return false;
  }
  if (name.find_first_of("{}=;<>") != std::string_view::npos) return false;
  std::vector<std::string> words = split_words(name);
  if (words.size() == 1 && in_list(words[0], kMonthAndDayWords)) return false;
  for (const std::string& w : words) {
    if (in_list(w, kFurnitureWords)) return false;
  }
  // A sentence ("Ray graduated from NYU with a degree") is a bio, not a name: five words or more, two of
  // them lower-case besides particles ("van", "de") and "and" ("Contributors to Wikimedia projects" stays).
  int lowercase_words = 0;
  for (const std::string& w : words) {
    bool particle = w == "and" || w == "van" || w == "von" || w == "de" || w == "der" || w == "den" ||
                    w == "da" || w == "di" || w == "del" || w == "la" || w == "le" || w == "bin" || w == "du";
    if (!particle && std::islower(static_cast<unsigned char>(w[0]))) ++lowercase_words;
  }
  if (lowercase_words >= 2 && words.size() >= 5) return false;
  // Initials alone ("NB") are an avatar, not a name.
  if (name.size() <= 3 && std::none_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); })) return false;
  return count_text(name).words <= 12;
}

std::string choose_author(const std::vector<std::string>& candidates, std::string_view sitename) {
  std::vector<std::string> site = title_words(sitename);
  std::string fallback;
  for (const std::string& c : candidates) {
    std::string name = clean_author(c);
    if (!plausible_author(name)) continue;
    // The site's own name is a publisher, not a byline: only when no person is named.
    if (!site.empty() && title_words(name) == site) {
      if (fallback.empty()) fallback = name;
      continue;
    }
    return name;
  }
  return fallback;
}

std::string byline_from_text(std::string_view text) {
  if (text.size() > 4000) text = text.substr(0, 4000);
  std::string s(text);
  // "By Jane Doe", "Von Anna Muster", "Por María López", "Written by Dan Smith": a byline word at a block
  // start or after a separator, then one to four capitalised words.
  static const std::regex latin(
      R"(^\s*(?:[Ww]ritten [Bb]y|[Pp]osted [Bb]y|[Aa]rticle [Bb]y|[Tt]ext [Bb]y|By|BY|Von|Por|Par|Door|Di)\s*:?\s+)"
      R"(((?:[A-Z][A-Za-z\x80-\xff'.-]*)(?:\s+(?:[A-Z][A-Za-z\x80-\xff'.-]*|van|von|de|der|den|da|di|del|la|le|bin|al-?[A-Za-z]*)){0,4}))");
  // "김지연 기자" (Korean reporter), "記者 X", "文/X", "作者：X".
  static const std::regex cjk(
      "([\\xea-\\xed][\\x80-\\xbf][\\x80-\\xbf](?:[\\xea-\\xed][\\x80-\\xbf][\\x80-\\xbf]){1,3})\\s*\\xea\\xb8\\xb0\\xec\\x9e\\x90"
      "|(?:\\xe6\\x96\\x87|\\xe4\\xbd\\x9c\\xe8\\x80\\x85|\\xe8\\xa8\\x98\\xe8\\x80\\x85)\\s*(?:/|\\xef\\xbc\\x8f|:|\\xef\\xbc\\x9a)\\s*"
      "((?:[\\xe4-\\xe9][\\x80-\\xbf][\\x80-\\xbf]){2,4})");
  std::smatch m;
  std::string best;
  // Only lines that open with a byline word go to the regex (a page's text is long, std::regex slow).
  for (size_t start = 0; start < s.size() && best.empty();) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    size_t first = s.find_first_not_of(' ', start);
    if (first < end) {
      std::string head = lower_ascii(std::string_view(s).substr(first, std::min<size_t>(12, end - first)));
      bool opens = false;
      for (std::string_view w : {"by", "written by", "posted by", "article by", "text by", "von ", "por ", "par ", "door "}) {
        opens |= head.compare(0, w.size(), w) == 0;
      }
      if (opens) {
        std::string line = s.substr(first, std::min<size_t>(end - first, 200));
        if (std::regex_search(line, m, latin)) {
          std::string name = clean_author(m[1].str());
          if (plausible_author(name) && name.find(' ') != std::string::npos) best = name;
        }
      }
    }
    start = end + 1;
  }
  if (s.find("\xea\xb8\xb0\xec\x9e\x90") != std::string::npos || s.find("\xe6\x96\x87") != std::string::npos ||
      s.find("\xe8\x80\x85") != std::string::npos) {
    std::string window = s.substr(0, 1500);
    if (std::regex_search(window, m, cjk) && best.empty()) best = m[1].matched ? m[1].str() : m[2].str();
  }
  return best;
}

}  // namespace pith::detail
