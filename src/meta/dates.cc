// Date recognition for metadata: ISO 8601 and numeric forms (Y-M-D, D.M.Y, M/D/Y, D-M-Y), month names in
// English, German, French, Spanish, Italian, Portuguese, Dutch, the Scandinavian languages, Indonesian,
// Polish, Czech, Russian, Ukrainian and Turkish (full, abbreviated or genitive as dates print them), the CJK
// forms 2020年6月24日 / 2020년 6월 24일; URL path dates. Patterns are precompiled once; input is cut to a
// short window so a page cannot make matching slow. Every date is checked for a plausible range
// (1990-2039, real month and day). Covered by tests/meta/dates_test.cc.
#include <regex>
#include <string>

#include "base/ascii.h"
#include "extract/text_util.h"
#include "meta/meta.h"

#include <algorithm>

namespace pith::detail {
namespace {

struct MonthName {
  const char* name;
  int month;
};
constexpr MonthName kMonths[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6}, {"july", 7},
    {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
    {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7}, {"aug", 8}, {"sep", 9},
    {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    {"januar", 1}, {"februar", 2}, {"märz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
    {"dezember", 12}, {"janvier", 1}, {"février", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"décembre", 12},
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6}, {"julio", 7},
    {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6}, {"luglio", 7},
    {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"janeiro", 1}, {"fevereiro", 2}, {"março", 3},
    {"maio", 5}, {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"dezembro", 12},
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    // Scandinavian, Indonesian
    {"maj", 5}, {"augusti", 8}, {"marts", 3}, {"maret", 3}, {"agustus", 8}, {"desember", 12},
    // Polish and Czech (genitive, as dates print them)
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
    {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10}, {"listopada", 11},
    {"grudnia", 12}, {"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5},
    {"června", 6}, {"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10}, {"listopadu", 11},
    {"prosince", 12},
    // Russian and Ukrainian (genitive)
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6}, {"июля", 7},
    {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11}, {"декабря", 12},
    {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5}, {"червня", 6},
    {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10}, {"листопада", 11}, {"грудня", 12},
    // Turkish
    {"ocak", 1}, {"şubat", 2}, {"mart", 3}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6}, {"temmuz", 7},
    {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
};

int month_from_name(std::string word) {
  for (char& c : word) c = ascii_lower(c);
  for (const MonthName& m : kMonths) {
    if (word == m.name) return m.month;
  }
  return 0;
}

std::string format_date(int y, int m, int d) {
  if (y < 1990 || y > 2039 || m < 1 || m > 12 || d < 1 || d > 31) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

struct Patterns {
  std::regex ymd{R"((\d{4})(?:[-/]|\. ?)(\d{1,2})(?:[-/]|\. ?)(\d{1,2}))"};
  std::regex dmy{R"((\d{1,2})([./-])(\d{1,2})[./-](\d{4}))"};
  std::regex cjk{"(\\d{4})\\s*(?:\xe5\xb9\xb4|\xeb\x85\x84)\\s*(\\d{1,2})\\s*(?:\xe6\x9c\x88|\xec\x9b\x94)\\s*"
                 "(\\d{1,2})"};
  std::regex month_day_year{R"(([^\s\d,.]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))"};
  std::regex day_month_year{R"((\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?([^\s\d,.]+)\.?,?\s+(?:de\s+)?(\d{4}))"};
  std::regex year_month_day{R"(^\s*(\d{4})\s+([A-Za-z]+)\.?\s+(\d{1,2})\b)"};  // whole value only
  std::regex url{R"(/((?:19|20)\d{2})[/-]?(\d{2})[/-]?(\d{2})(?:[/_.-]|$))"};
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

}  // namespace

bool slashes_day_first(std::string_view lang) {
  std::string l;
  for (char c : lang.substr(0, 8)) l.push_back(c == '_' ? '-' : ascii_lower(c));
  if (l.empty()) return false;
  if (l.compare(0, 2, "en") != 0) return true;
  for (const char* region : {"en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za"}) {
    if (l.compare(0, 5, region) == 0) return true;
  }
  return false;
}

std::string parse_date(std::string_view text, bool slashes_day_first, size_t* position) {
  if (position) *position = std::string_view::npos;
  if (text.size() > 400) text = text.substr(0, 400);
  // Every format has a run of four digits (the year); most text has none, and std::regex is slow. One
  // scan notes what stands around such runs, and a pattern is searched only when its frame is there.
  bool year_then_separator = false;  // ymd: 2020-06-24, 2020/6/24, 2020.06.24
  bool separator_then_year = false;  // dmy: 24.06.2020, 06/24/2020
  bool space_then_year = false;      // month names: June 24, 2020; 24 juin 2020
  bool any_year = false;
  auto digit = [&](size_t i) { return text[i] >= '0' && text[i] <= '9'; };
  auto is_separator = [](char c) { return c == '-' || c == '/' || c == '.'; };
  for (size_t i = 0; i < text.size();) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && digit(i)) ++i;
    if (i - start < 4) continue;
    any_year = true;
    if (i < text.size() && is_separator(text[i])) year_then_separator = true;
    if (start > 0 && is_separator(text[start - 1])) separator_then_year = true;
    if (start > 0 && (text[start - 1] == ' ' || text[start - 1] == '\t' || text[start - 1] == '\n' ||
                      text[start - 1] == '\r' || text[start - 1] == '\f' || text[start - 1] == '\v')) {
      space_then_year = true;
    }
  }
  if (!any_year) return {};
  bool cjk_year = text.find("\xe5\xb9\xb4") != std::string_view::npos || text.find("\xeb\x85\x84") != std::string_view::npos;
  std::string s(text);
  const Patterns& p = patterns();
  std::smatch m;
  std::string best;
  size_t best_pos = std::string::npos;
  auto consider = [&](std::string date, size_t pos) {
    if (!date.empty() && pos < best_pos) {
      best = std::move(date);
      best_pos = pos;
    }
  };
  if (year_then_separator && std::regex_search(s, m, p.ymd)) {
    consider(format_date(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])), m.position(0));
  }
  if (cjk_year && std::regex_search(s, m, p.cjk)) {
    consider(format_date(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3])), m.position(0));
  }
  if (separator_then_year && std::regex_search(s, m, p.dmy)) {
    int a = std::stoi(m[1]), b = std::stoi(m[3]), y = std::stoi(m[4]);
    // Slashes are month-first (US) unless the first number cannot be a month; dots and dashes are
    // day-first unless the second number cannot be a month (11-29-2024).
    bool month_first = m[2] == "/" && !slashes_day_first;
    if ((month_first && a <= 12) || (b > 12 && a <= 12)) consider(format_date(y, a, b), m.position(0));
    else consider(format_date(y, b, a), m.position(0));
  }
  // The first match whose month group names a month; the groups give year, month name and day.
  auto first_named_month = [&](bool framed, const std::regex& pattern, int year, int month_name, int day) {
    if (!framed) return;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), pattern); it != std::sregex_iterator(); ++it) {
      if (int month = month_from_name((*it)[month_name])) {
        consider(format_date(std::stoi((*it)[year]), month, std::stoi((*it)[day])), it->position(0));
        return;
      }
    }
  };
  first_named_month(space_then_year, p.month_day_year, 3, 1, 2);
  // "2023 Jan 7" (citation_publication_date, PubMed style), as a whole value only.
  size_t first = text.find_first_not_of(" \t\n\r\f\v");
  first_named_month(first != std::string_view::npos && digit(first), p.year_month_day, 1, 2, 3);
  first_named_month(space_then_year, p.day_month_year, 3, 2, 1);
  if (position) *position = best_pos;
  return best;
}

int days_apart(std::string_view a, std::string_view b) {
  // Days since a fixed origin: whole years (with their leap days) plus the days of the months before.
  auto day_number = [](std::string_view iso, long& out) {
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return false;
    long y = 0;
    for (size_t i = 0; i < 4; ++i) y = y * 10 + (iso[i] - '0');
    int m = (iso[5] - '0') * 10 + (iso[6] - '0'), d = (iso[8] - '0') * 10 + (iso[9] - '0');
    if (m < 1 || m > 12) return false;
    static constexpr int kDaysBeforeMonth[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    long prior = y - 1;
    out = prior * 365 + prior / 4 - prior / 100 + prior / 400 + kDaysBeforeMonth[m - 1] + (leap && m > 2) + d;
    return true;
  };
  long x = 0, y = 0;
  if (!day_number(a, x) || !day_number(b, y)) return -1;
  return static_cast<int>(x > y ? x - y : y - x);
}

std::string date_from_url(std::string_view url) {
  if (url.size() > 1000) url = url.substr(0, 1000);
  std::string s(url);
  std::smatch m;
  if (std::regex_search(s, m, patterns().url)) {
    return format_date(std::stoi(m[1]), std::stoi(m[2]), std::stoi(m[3]));
  }
  return {};
}

std::string language_from_script(std::string_view text) {
  size_t hangul = 0, kana = 0, han = 0, thai = 0, greek = 0, hebrew = 0, armenian = 0, georgian = 0, letters = 0;
  size_t limit = std::min<size_t>(text.size(), 20000);
  for (size_t i = 0; i < limit;) {
    char32_t cp;
    i += decode_utf8(text, i, cp);
    if (cp < 0x41) continue;
    ++letters;
    if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F)) ++hangul;
    else if (cp >= 0x3040 && cp <= 0x30FF) ++kana;
    else if (cp >= 0x4E00 && cp <= 0x9FFF) ++han;
    else if (cp >= 0x0E00 && cp <= 0x0E7F) ++thai;
    else if (cp >= 0x0370 && cp <= 0x03FF) ++greek;
    else if (cp >= 0x0590 && cp <= 0x05FF) ++hebrew;
    else if (cp >= 0x0530 && cp <= 0x058F) ++armenian;
    else if (cp >= 0x10A0 && cp <= 0x10FF) ++georgian;
  }
  if (letters == 0) return {};
  auto major = [&](size_t n) { return n * 10 >= letters * 4; };
  if (major(hangul)) return "ko";
  if (kana * 20 >= letters && major(kana + han)) return "ja";
  if (major(han)) return "zh";
  if (major(thai)) return "th";
  if (major(greek)) return "el";
  if (major(hebrew)) return "he";
  if (major(armenian)) return "hy";
  if (major(georgian)) return "ka";
  return {};
}

}  // namespace pith::detail
