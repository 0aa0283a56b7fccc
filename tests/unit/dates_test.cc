// The one calendar: valid dates in the years news is dated in, day numbers both ways.
#include <gtest/gtest.h>

#include "common/dates.h"

using namespace newsindex;

TEST(Dates, ValidDates) {
  struct Case {
    int y, m, d;
    bool ok;
  };
  for (const Case& c : std::initializer_list<Case>{{2024, 2, 29, true},  {2023, 2, 29, false}, {1900, 2, 29, false},
                                                  {2000, 2, 29, true},  {2024, 4, 31, false},  {2024, 12, 31, true},
                                                  {1799, 12, 31, false}, {1800, 1, 1, true},    {2200, 12, 31, true},
                                                  {2201, 1, 1, false},  {2024, 0, 1, false},   {2024, 13, 1, false},
                                                  {2024, 1, 0, false},  {2024, 1, 32, false}})
    EXPECT_EQ(valid_ymd(c.y, c.m, c.d), c.ok) << c.y << "-" << c.m << "-" << c.d;
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2100, 2), 28);
  EXPECT_EQ(days_in_month(2024, 9), 30);
}

TEST(Dates, DayNumbers) {
  EXPECT_EQ(days_from_civil("1970-01-01"), 0);
  EXPECT_EQ(days_from_civil("19700102"), 1);
  EXPECT_EQ(days_from_civil("1969-12-31"), -1);
  EXPECT_EQ(days_from_civil("2000-03-01"), 11017);
  EXPECT_FALSE(days_from_civil("2023-02-29"));
  EXPECT_FALSE(days_from_civil("2023-2-1"));
  EXPECT_FALSE(days_from_civil("abcd-ef-gh"));
  // Every day from 1800 to 2200 goes there and back.
  const long first = *days_from_civil("18000101"), last = *days_from_civil("22001231");
  for (long d = first; d <= last; ++d) ASSERT_EQ(days_from_civil(civil_from_days(d)), d) << civil_from_days(d);
  EXPECT_EQ(civil_from_days(last), "22001231");
}

TEST(Dates, NewsSpellings) {
  EXPECT_EQ(parse_date("June 6, 2018"), "2018-06-06");
  EXPECT_EQ(parse_date("Tue, 11 Jun 2024 08:30:00 +0000"), "2024-06-11");
  EXPECT_EQ(parse_date("2024-02-29T10:00Z"), "2024-02-29");
  EXPECT_FALSE(parse_date("February 30, 2024"));
}
