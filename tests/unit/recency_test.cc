// Calendar arithmetic and the recency decay behind --recent and relative dates.
#include <gtest/gtest.h>

#include "common/errors.h"
#include "query/query_parser.h"
#include "query/ranking/recency.h"

using namespace newsindex;

TEST(Recency, CivilDaysRoundTrip) {
  EXPECT_EQ(*days_from_civil("1970-01-01"), 0);
  EXPECT_EQ(*days_from_civil("2018-06-06"), 17688);
  EXPECT_EQ(civil_from_days(17688), "20180606");
  EXPECT_EQ(civil_from_days(*days_from_civil("2020-03-01") - 1), "20200229");
  EXPECT_FALSE(days_from_civil("2018-02-30"));
}

TEST(Recency, Spans) {
  EXPECT_EQ(*span_days("7d"), 7);
  EXPECT_EQ(*span_days("2w"), 14);
  EXPECT_EQ(*span_days("1y"), 365);
  EXPECT_FALSE(span_days("soon"));
  EXPECT_FALSE(span_days("2018"));
}

TEST(Recency, WeightHalvesTowardTheFloor) {
  EXPECT_DOUBLE_EQ(recency_weight(0.0, 30), 1.0);
  EXPECT_NEAR(recency_weight(30.0, 30), 0.2 + 0.8 * 0.5, 1e-12);
  EXPECT_GT(recency_weight(10.0, 30), recency_weight(20.0, 30));
  EXPECT_DOUBLE_EQ(recency_weight(std::nullopt, 30), 0.2);
}

// A newer hit overtakes an older one of the same relevance; an undated hit keeps the floor.
TEST(Recency, BlendReordersByRelevanceTimesRecency) {
  std::vector<Hit> hits(3);
  hits[0].article = "old";
  hits[0].score = 1.0;
  hits[0].date = "2018-05-20";
  hits[1].article = "undated";
  hits[1].score = 1.0;
  hits[2].article = "new";
  hits[2].score = 1.0;
  hits[2].date = "2018-07-20";
  blend_recency(hits, 30, "2018-07-20");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].article, "new");
  EXPECT_DOUBLE_EQ(hits[0].score, 1.0);
  EXPECT_EQ(hits[1].article, "old");
  EXPECT_EQ(hits[2].article, "undated");
  EXPECT_DOUBLE_EQ(hits[2].score, 0.2);
}

struct RangeCase {
  const char* value;
  const char* lo;
  const char* hi;
};
class DateRange : public ::testing::TestWithParam<RangeCase> {};
TEST_P(DateRange, Bounds) {
  auto [lo, hi] = parse_date_range(GetParam().value, 0, "2018-07-20");
  EXPECT_EQ(lo, GetParam().lo);
  EXPECT_EQ(hi, GetParam().hi);
}
INSTANTIATE_TEST_SUITE_P(Ranges, DateRange,
                         ::testing::Values(RangeCase{"2018-06-01..2018-06-30", "20180601", "20180630"},
                                           RangeCase{"2018-06..2018-07", "20180601", "20180731"},
                                           RangeCase{"2018..", "20180101", ""}, RangeCase{"..2017", "", "20171231"},
                                           RangeCase{"2018-06-06", "20180606", "20180606"},
                                           RangeCase{"7d..", "20180713", ""}, RangeCase{"..1y", "", "20170720"},
                                           RangeCase{"30d", "20180620", ""}));

TEST(DateRange, Malformed) {
  EXPECT_THROW(parse_date_range("2018-13", 0, ""), QueryError);
  EXPECT_THROW(parse_date_range("..", 0, ""), QueryError);
  EXPECT_THROW(parse_date_range("yesterday", 0, ""), QueryError);
}
