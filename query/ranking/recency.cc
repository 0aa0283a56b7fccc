#include "query/ranking/recency.h"

#include <fmt/format.h>

#include <algorithm>
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

void blend_recency(std::vector<Hit>& hits, double half_life_days, const std::string& today) {
  const auto today_days = days_from_civil(today.empty() ? today_iso() : today);
  for (Hit& h : hits) {
    std::optional<double> age;
    if (h.date && today_days)
      if (auto d = days_from_civil(*h.date)) age = static_cast<double>(*today_days - *d);
    h.score *= recency_weight(age, half_life_days);
  }
  std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
}

}  // namespace newsindex
