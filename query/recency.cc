#include "query/recency.h"

#include <fmt/format.h>

#include <cmath>
#include <ctime>

#include "common/dates.h"

namespace newsindex {

std::string today_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04d}-{:02d}-{:02d}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

// Howard Hinnant's days-from-civil algorithm (public domain arithmetic).
std::optional<long> days_from_civil(std::string_view ymd) {
  std::string digits;
  for (char c : ymd)
    if (c != '-') digits += c;
  if (digits.size() != 8 || digits.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  long y = std::stol(digits.substr(0, 4));
  const long m = std::stol(digits.substr(4, 2)), d = std::stol(digits.substr(6, 2));
  if (!valid_ymd(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d))) return std::nullopt;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long d = doy - (153 * mp + 2) / 5 + 1;
  const long m = mp + (mp < 10 ? 3 : -9);
  y += m <= 2;
  return fmt::format("{:04d}{:02d}{:02d}", y, m, d);
}

std::optional<long> span_days(std::string_view s) {
  if (s.size() < 2 || s.size() > 7) return std::nullopt;
  const char unit = s.back();
  std::string_view n = s.substr(0, s.size() - 1);
  if (n.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  long v = std::stol(std::string(n));
  switch (unit) {
    case 'd': return v;
    case 'w': return v * 7;
    case 'm': return v * 30;
    case 'y': return v * 365;
    default: return std::nullopt;
  }
}

double recency_weight(std::optional<double> age_days, double half_life_days) {
  constexpr double kFloor = 0.2;
  if (!age_days || half_life_days <= 0) return kFloor;
  const double age = std::max(0.0, *age_days);
  return kFloor + (1 - kFloor) * std::exp2(-age / half_life_days);
}

}  // namespace newsindex
