#include "common/dates.h"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <cctype>
#include <vector>

namespace newsindex {

namespace {

constexpr std::array<std::string_view, 12> kMonths{"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
constexpr std::array<std::string_view, 7> kDays{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
// Words a dateline may carry besides the date itself.
constexpr std::array<std::string_view, 14> kDatelineWords{
    "updated", "published", "posted", "on", "at", "am", "pm", "a.m", "p.m", "edt", "est", "gmt",
    "utc", "by"};

struct Tok {
  std::string text;  // lower-cased
  bool number = false;
};

std::vector<Tok> tokenize(std::string_view s) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (std::isalnum(c)) {
      Tok t;
      t.number = std::isdigit(c);
      while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i])) &&
             (std::isdigit(static_cast<unsigned char>(s[i])) != 0) == t.number)
        t.text += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
      // "a.m." and "p.m." stay one word so a time after the date is recognised
      if (!t.number && (t.text == "a" || t.text == "p") && i + 1 < s.size() && s[i] == '.' &&
          (s[i + 1] == 'm' || s[i + 1] == 'M')) {
        t.text += ".m";
        i += 2;
      }
      out.push_back(std::move(t));
    } else {
      ++i;
    }
  }
  return out;
}

int month_of(std::string_view w) {
  if (w.size() < 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m)
    if (w.substr(0, 3) == kMonths[m]) {
      // "march" and "mar" but not "marching"; "sept" is accepted
      static constexpr std::array<std::string_view, 12> full{
          "january", "february", "march", "april", "may", "june", "july",
          "august", "september", "october", "november", "december"};
      if (w.size() == 3 || full[m] == w || (m == 8 && w == "sept")) return static_cast<int>(m) + 1;
    }
  return 0;
}

bool is_day_name(std::string_view w) {
  if (w.size() < 3) return false;
  for (auto d : kDays)
    if (w.substr(0, 3) == d) return true;
  return false;
}

bool is_dateline_word(std::string_view w) {
  for (auto d : kDatelineWords)
    if (w == d) return true;
  return is_day_name(w) || w == "st" || w == "nd" || w == "rd" || w == "th" || w == "t" || w == "z";
}

std::string iso(int y, int m, int d) { return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d); }

int num(const Tok& t) { return t.text.size() <= 4 ? std::stoi(t.text) : -1; }

}  // namespace

// The calendar is <chrono>'s; the year range is the one news is dated in.
namespace {
std::chrono::year_month_day ymd_of(int y, int m, int d) {
  return std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} / std::chrono::day{static_cast<unsigned>(d)};
}
}  // namespace

int days_in_month(int y, int m) {
  const auto last = std::chrono::year{y} / std::chrono::month{static_cast<unsigned>(m)} / std::chrono::last;
  return static_cast<int>(static_cast<unsigned>(last.day()));
}

bool valid_ymd(int y, int m, int d) {
  return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && ymd_of(y, m, d).ok();
}

std::optional<long> days_from_civil(std::string_view ymd) {
  std::string digits;
  for (char c : ymd)
    if (c != '-') digits += c;
  if (digits.size() != 8 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const int y = std::stoi(digits.substr(0, 4)), m = std::stoi(digits.substr(4, 2)), d = std::stoi(digits.substr(6, 2));
  if (!valid_ymd(y, m, d)) return std::nullopt;
  return static_cast<long>(std::chrono::sys_days{ymd_of(y, m, d)}.time_since_epoch().count());
}

std::string civil_from_days(long days) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{days}}};
  return fmt::format("{:04d}{:02d}{:02d}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::optional<std::string> parse_date(std::string_view text, bool whole_line) {
  if (text.size() > 200) text = text.substr(0, 200);
  // ISO 8601 first: YYYY-MM-DD possibly followed by a time.
  for (size_t i = 0; i + 10 <= text.size(); ++i) {
    auto d = [&](size_t k) { return std::isdigit(static_cast<unsigned char>(text[i + k])) != 0; };
    if (d(0) && d(1) && d(2) && d(3) && (text[i + 4] == '-' || text[i + 4] == '/') && d(5) && d(6) &&
        text[i + 7] == text[i + 4] && d(8) && d(9) && (i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1])))) {
      int y = std::stoi(std::string(text.substr(i, 4)));
      int m = std::stoi(std::string(text.substr(i + 5, 2)));
      int dd = std::stoi(std::string(text.substr(i + 8, 2)));
      if (valid_ymd(y, m, dd) && (!whole_line || i < 24)) return iso(y, m, dd);
    }
  }
  std::vector<Tok> toks = tokenize(text);
  std::optional<std::string> found;
  size_t used_from = 0, used_to = 0;
  for (size_t i = 0; i < toks.size() && !found; ++i) {
    // Month D, YYYY  /  Month D YYYY
    if (int m = month_of(toks[i].text); m && i + 2 < toks.size() && toks[i + 1].number &&
                                        toks[i + 2].number && toks[i + 2].text.size() == 4) {
      size_t k = i + 2;
      if (valid_ymd(num(toks[k]), m, num(toks[i + 1]))) {
        found = iso(num(toks[k]), m, num(toks[i + 1]));
        used_from = i, used_to = k + 1;
      }
    } else if (m && i + 3 < toks.size() && toks[i + 1].number &&
               (toks[i + 2].text == "st" || toks[i + 2].text == "nd" || toks[i + 2].text == "rd" ||
                toks[i + 2].text == "th") && toks[i + 3].number && toks[i + 3].text.size() == 4) {
      if (valid_ymd(num(toks[i + 3]), m, num(toks[i + 1]))) {
        found = iso(num(toks[i + 3]), m, num(toks[i + 1]));
        used_from = i, used_to = i + 4;
      }
    }
    // D Month YYYY
    if (!found && toks[i].number && i + 2 < toks.size()) {
      size_t k = i + 1;
      if (k < toks.size() && (toks[k].text == "st" || toks[k].text == "nd" || toks[k].text == "rd" || toks[k].text == "th")) ++k;
      if (k + 1 < toks.size()) {
        int m = month_of(toks[k].text);
        if (m && toks[k + 1].number && toks[k + 1].text.size() == 4 &&
            valid_ymd(num(toks[k + 1]), m, num(toks[i]))) {
          found = iso(num(toks[k + 1]), m, num(toks[i]));
          used_from = i, used_to = k + 2;
        }
      }
    }
    // M/D/YYYY (US order, as American news writes it)
    if (!found && toks[i].number && i + 2 < toks.size() && toks[i + 1].number && toks[i + 2].number &&
        toks[i + 2].text.size() == 4 && toks[i].text.size() <= 2 && toks[i + 1].text.size() <= 2) {
      int a = num(toks[i]), b = num(toks[i + 1]), y = num(toks[i + 2]);
      if (valid_ymd(y, a, b)) found = iso(y, a, b);
      else if (valid_ymd(y, b, a)) found = iso(y, b, a);
      if (found) used_from = i, used_to = i + 3;
    }
  }
  if (!found || !whole_line) return found;
  // A dateline holds little besides the date: day names, times, "Updated", time zones.
  for (size_t i = 0; i < toks.size(); ++i) {
    if (i >= used_from && i < used_to) continue;
    if (toks[i].number && toks[i].text.size() <= 2) continue;  // times
    if (!is_dateline_word(toks[i].text)) return std::nullopt;
  }
  return found;
}

}  // namespace newsindex
