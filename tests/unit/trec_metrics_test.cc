// Checks the relevance measures against examples worked out by hand, so that newseval's figures
// can be trusted to match trec_eval's.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

#include "query/eval/trec_metrics.h"

using newsindex::eval::evaluate;
using newsindex::eval::evaluate_topic;
using newsindex::eval::Evaluation;
using newsindex::eval::parse_qrels;
using newsindex::eval::parse_run;
using newsindex::eval::Qrels;
using newsindex::eval::read_run;
using newsindex::eval::RunEntry;
using newsindex::eval::sort_run;
using newsindex::eval::TopicMetrics;
// Not `Run`: inside a TEST body that name is testing::Test::Run().
using TrecRun = newsindex::eval::Run;

namespace {

Qrels qrels_from(const std::string& text) {
  std::istringstream in(text);
  return parse_qrels(in, "qrels.txt");
}

TrecRun run_from(const std::string& text) {
  std::istringstream in(text);
  return parse_run(in, "run.txt");
}

// Expects a std::runtime_error whose message contains `needle` (file name and line number).
template <typename Fn>
void expect_error_mentions(Fn fn, const std::string& needle) {
  try {
    fn();
    FAIL() << "no exception; expected one mentioning " << needle;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
  }
}

}  // namespace

// Topic 1: d1 rel 3, d2 rel 2, d3 rel 1, d4 judged 0. Run: d4 d3 d1 d5 (d2 not retrieved).
//   rank 1 d4 gain 0
//   rank 2 d3 gain 1 -> 1 / log2(3)          = 0.6309298
//   rank 3 d1 gain 3 -> 3 / log2(4) = 3 / 2  = 1.5
//   rank 4 d5 unjudged -> 0
//   DCG@10  = 2.1309298
//   ideal: 3, 2, 1 -> 3/log2(2) + 2/log2(3) + 1/log2(4) = 3 + 1.2618595 + 0.5 = 4.7618595
//   nDCG@10 = 2.1309298 / 4.7618595 = 0.4474995
// AP: relevant at ranks 2 (precision 1/2) and 3 (precision 2/3); d2 never retrieved adds 0;
//   AP = (0.5 + 0.6666667) / 3 = 0.3888889
// P@10 = 2 relevant / 10 (only 4 hits, still divided by 10) = 0.2
// R@100 = 2 / 3; MRR = 1 / 2 (first relevant at rank 2).
TEST(TrecMetrics, GradedNdcgApAndShortRun) {
  Qrels q = qrels_from("1 0 d1 3\n1 0 d2 2\n1 0 d3 1\n1 0 d4 0\n");
  TrecRun r = run_from(
      "1 Q0 d4 1 4.0 t\n"
      "1 Q0 d3 2 3.0 t\n"
      "1 Q0 d1 3 2.0 t\n"
      "1 Q0 d5 4 1.0 t\n");
  TopicMetrics m = evaluate_topic(q.at("1"), r.at("1"));
  EXPECT_NEAR(m.ndcg10, 0.4474995, 1e-6);
  EXPECT_NEAR(m.ap, 0.3888889, 1e-6);
  EXPECT_DOUBLE_EQ(m.p10, 0.2);
  EXPECT_NEAR(m.recall100, 2.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(m.rr, 0.5);
  EXPECT_EQ(m.num_rel, 3u);
  EXPECT_EQ(m.num_ret, 4u);
  EXPECT_EQ(m.num_rel_ret, 2u);
}

// The run is re-sorted by score: file order and the rank column do not matter.
// Same scores as above, listed backwards with nonsense ranks -> same figures.
TEST(TrecMetrics, OrderComesFromScoresNotFileOrder) {
  Qrels q = qrels_from("1 0 d1 3\n1 0 d2 2\n1 0 d3 1\n1 0 d4 0\n");
  TrecRun r = run_from(
      "1 Q0 d5 1 1.0 t\n"
      "1 Q0 d1 1 2.0 t\n"
      "1 Q0 d3 1 3.0 t\n"
      "1 Q0 d4 1 4.0 t\n");
  TopicMetrics m = evaluate_topic(q.at("1"), r.at("1"));
  EXPECT_NEAR(m.ndcg10, 0.4474995, 1e-6);
  EXPECT_DOUBLE_EQ(m.rr, 0.5);
}

// Relevant r1..r4; 150 hits where r1 is at rank 50, r2 at 100, r3 at 101, r4 never retrieved.
//   R@100 = 2 / 4 = 0.5 (r3 at 101 is past the cut)
//   AP = (1/50 + 2/100 + 3/101 + 0) / 4 = (0.02 + 0.02 + 0.0297030) / 4 = 0.0174257
//   MRR = 1/50; P@10 = 0; nDCG@10 = 0 (nothing relevant in the top 10).
TEST(TrecMetrics, RecallAt100AndApWithUnretrievedRelevant) {
  Qrels q = qrels_from("7 0 r1 1\n7 0 r2 1\n7 0 r3 1\n7 0 r4 1\n");
  std::vector<RunEntry> hits;
  for (int rank = 1; rank <= 150; ++rank) {
    std::string doc = rank == 50 ? "r1" : rank == 100 ? "r2" : rank == 101 ? "r3" : "n" + std::to_string(rank);
    hits.push_back({doc, 1000.0 - rank});
  }
  TopicMetrics m = evaluate_topic(q.at("7"), hits);
  EXPECT_DOUBLE_EQ(m.recall100, 0.5);
  EXPECT_NEAR(m.ap, 0.0174257, 1e-6);
  EXPECT_DOUBLE_EQ(m.rr, 1.0 / 50.0);
  EXPECT_DOUBLE_EQ(m.p10, 0.0);
  EXPECT_DOUBLE_EQ(m.ndcg10, 0.0);
  EXPECT_EQ(m.num_rel_ret, 3u);
}

// MRR: first relevant at rank 3 -> 1/3, later relevant hits do not change it.
// A ranking with no relevant hit has MRR 0.
TEST(TrecMetrics, ReciprocalRank) {
  Qrels q = qrels_from("1 0 a 1\n1 0 b 2\n");
  TopicMetrics m = evaluate_topic(q.at("1"), {{"x", 5}, {"y", 4}, {"b", 3}, {"a", 2}});
  EXPECT_DOUBLE_EQ(m.rr, 1.0 / 3.0);
  TopicMetrics none = evaluate_topic(q.at("1"), {{"x", 5}, {"y", 4}});
  EXPECT_DOUBLE_EQ(none.rr, 0.0);
  EXPECT_DOUBLE_EQ(none.ap, 0.0);
}

// Equal scores: trec_eval orders by docid in descending strcmp order, so "a" > "9" > "10"
// (byte 'a' 0x61 > '9' 0x39 > '1' 0x31). The relevant "10" therefore sits at rank 3 although the
// run lists it first with rank 1: MRR = 1/3, and nDCG@10 = (1/log2(4)) / (1/log2(2)) = 0.5.
TEST(TrecMetrics, TiesBrokenByDocidDescending) {
  Qrels q = qrels_from("1 0 10 1\n");
  TrecRun r = run_from(
      "1 Q0 10 1 1.5 t\n"
      "1 Q0 9 2 1.5 t\n"
      "1 Q0 a 3 1.5 t\n");
  std::vector<RunEntry> hits = r.at("1");
  sort_run(hits);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].docid, "a");
  EXPECT_EQ(hits[1].docid, "9");
  EXPECT_EQ(hits[2].docid, "10");
  TopicMetrics m = evaluate_topic(q.at("1"), r.at("1"));
  EXPECT_DOUBLE_EQ(m.rr, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.ndcg10, 0.5);
}

// Qrels topics: 1 (d1 relevant), 2 (d2 relevant), 3 (judged but nothing relevant: not averaged).
// The run answers topic 1 perfectly (d1 at rank 1), has nothing for 2, and has a topic 99 that
// the qrels do not know (ignored, but reported).
//   topic 1: nDCG 1, AP 1, P@10 0.1, R@100 1, RR 1;  topic 2: all 0.
//   means over 2 topics: nDCG 0.5, MAP 0.5, P@10 0.05, R@100 0.5, MRR 0.5.
TEST(TrecMetrics, TopicWithoutHitsCountsZero) {
  Qrels q = qrels_from("1 0 d1 1\n2 0 d2 1\n3 0 d3 0\n");
  TrecRun r = run_from("1 Q0 d1 1 2.0 t\n1 Q0 d9 2 1.0 t\n99 Q0 d1 1 1.0 t\n");
  Evaluation ev = evaluate(q, r);
  ASSERT_EQ(ev.topics.size(), 2u);
  EXPECT_EQ(ev.topics[0].qid, "1");
  EXPECT_EQ(ev.topics[1].qid, "2");
  EXPECT_DOUBLE_EQ(ev.topics[1].ndcg10, 0.0);
  EXPECT_DOUBLE_EQ(ev.mean.ndcg10, 0.5);
  EXPECT_DOUBLE_EQ(ev.mean.ap, 0.5);
  EXPECT_DOUBLE_EQ(ev.mean.p10, 0.05);
  EXPECT_DOUBLE_EQ(ev.mean.recall100, 0.5);
  EXPECT_DOUBLE_EQ(ev.mean.rr, 0.5);
  ASSERT_EQ(ev.ignored_run_topics.size(), 1u);
  EXPECT_EQ(ev.ignored_run_topics[0], "99");
}

// Only the first 1000 hits count: a relevant document at rank 1001 earns nothing.
TEST(TrecMetrics, RunCutAt1000) {
  Qrels q = qrels_from("1 0 rel 1\n");
  std::vector<RunEntry> hits;
  for (int rank = 1; rank <= 1001; ++rank) hits.push_back({rank == 1001 ? "rel" : "n" + std::to_string(rank), -1.0 * rank});
  TopicMetrics m = evaluate_topic(q.at("1"), hits);
  EXPECT_EQ(m.num_ret, 1000u);
  EXPECT_DOUBLE_EQ(m.ap, 0.0);
  EXPECT_DOUBLE_EQ(m.rr, 0.0);
}

// Topics sort numerically when numeric, so per-topic tables read 1, 2, 10.
TEST(TrecMetrics, TopicOrder) {
  Qrels q = qrels_from("10 0 a 1\n2 0 a 1\n1 0 a 1\n");
  std::vector<std::string> order;
  for (const auto& [qid, j] : q) order.push_back(qid);
  EXPECT_EQ(order, (std::vector<std::string>{"1", "2", "10"}));
}

TEST(TrecMetrics, ToleratesBlankLinesCrlfAndTabs) {
  Qrels q = qrels_from("\n1\t0\td1\t1\r\n\n1 0 d2 0\r\n");
  ASSERT_EQ(q.at("1").size(), 2u);
  TrecRun r = run_from("1\tQ0\td1\t1\t-0.5\tx\r\n\n");
  EXPECT_DOUBLE_EQ(r.at("1").at(0).score, -0.5);
}

TEST(TrecMetrics, MalformedQrelsNameFileAndLine) {
  expect_error_mentions([] { qrels_from("1 0 d1 1\n1 0 d2\n"); }, "qrels.txt:2");
  expect_error_mentions([] { qrels_from("1 0 d1 high\n"); }, "qrels.txt:1");
  expect_error_mentions([] { qrels_from("1 0 d1 1\n\n1 0 d1 1\n"); }, "qrels.txt:3");
}

TEST(TrecMetrics, MalformedRunNameFileAndLine) {
  expect_error_mentions([] { run_from("1 Q0 d1 1 2.0\n"); }, "run.txt:1");
  expect_error_mentions([] { run_from("1 Q0 d1 1 2.0 t\n1 Q0 d2 2 abc t\n"); }, "run.txt:2");
  expect_error_mentions([] { run_from("1 Q0 d1 one 2.0 t\n"); }, "run.txt:1");
  expect_error_mentions([] { run_from("1 Q0 d1 1 nan t\n"); }, "run.txt:1");
  expect_error_mentions([] { run_from("1 Q0 d1 1 2.0 t\n1 Q0 d1 2 1.0 t\n"); }, "run.txt:2");
  expect_error_mentions([] { read_run("/nonexistent/run.txt"); }, "/nonexistent/run.txt");
}
