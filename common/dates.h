// Dates as news text writes them ("June 6, 2018", "6 June 2018", "2018-06-06T10:00Z", ...) to ISO.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace newsindex {

// Parses a date written in common English news spellings or ISO 8601 / RFC 2822 and returns
// YYYY-MM-DD. With `whole_line`, the text must be (almost) only the date — a dateline such as
// "- June 6, 2018", "Updated: Wed, June 6, 2018 at 5:01 p.m. EDT" — not a sentence mentioning one.
std::optional<std::string> parse_date(std::string_view text, bool whole_line = false);

// The one calendar every date in the program goes through.
// True when y-m-d is a real calendar date in 1800..2200 (the years news is dated in).
bool valid_ymd(int y, int m, int d);
int days_in_month(int y, int m);
// Days since 1970-01-01 for YYYY-MM-DD or YYYYMMDD; nullopt when not a valid date.
std::optional<long> days_from_civil(std::string_view ymd);
// YYYYMMDD of a day number.
std::string civil_from_days(long days);

}  // namespace newsindex
