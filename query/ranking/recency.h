// Time in queries: "today" (or --now), relative dates (7d, 2w, 3m, 1y) and the recency decay
// that --recent blends into the ranking.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/dates.h"  // days_from_civil, civil_from_days
#include "query/hit.h"

namespace newsindex {

// Today's date (UTC) as YYYY-MM-DD.
std::string today_iso();

// "7d", "2w", "3m", "1y" -> days; nullopt when `s` is not a relative span.
std::optional<long> span_days(std::string_view s);

// The ranking multiplier for an article `age_days` old with the given half-life: old news
// keeps a floor so a highly relevant old story still shows; undated articles get the floor.
double recency_weight(std::optional<double> age_days, double half_life_days);

// --recent: each hit's score times the recency weight of its date's age on `today` (YYYY-MM-DD,
// "" for today_iso()), then the hits in the order of the new scores (ties keep their order).
void blend_recency(std::vector<Hit>& hits, double half_life_days, const std::string& today);

}  // namespace newsindex
