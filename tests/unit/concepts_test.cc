// Key-concept weighting of long queries (query/ranking/concepts.h): the factors, and what they do
// to a small ranking.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "query/ranking/bm25.h"
#include "query/ranking/concepts.h"
#include "temp_dir.h"

namespace newsindex {
namespace {

TEST(ConceptFactors, RareWordsGainAndTheMeanStaysOne) {
  const std::vector<double> f = concept_factors({4.0, 1.0, 1.0}, 1.0);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_GT(f[0], 1.0);
  EXPECT_LT(f[1], 1.0);
  EXPECT_DOUBLE_EQ(f[1], f[2]);
  EXPECT_NEAR((f[0] + f[1] + f[2]) / 3, 1.0, 1e-12);
  EXPECT_NEAR(f[0] / f[1], 4.0, 1e-12);  // (idf ratio)^power
}

TEST(ConceptFactors, PowerZeroAndEqualIdfsChangeNothing) {
  for (double v : concept_factors({3.0, 0.5, 2.0}, 0.0)) EXPECT_DOUBLE_EQ(v, 1.0);
  for (double v : concept_factors({2.0, 2.0, 2.0}, 1.5)) EXPECT_DOUBLE_EQ(v, 1.0);
}

TEST(ConceptFactors, NegativePowerFavoursCommonWordsAndUnknownWordsKeepTheMean) {
  const std::vector<double> f = concept_factors({4.0, 1.0}, -0.5);
  EXPECT_LT(f[0], f[1]);
  const std::vector<double> g = concept_factors({0.0, 2.0, 8.0}, 1.0);
  EXPECT_NEAR(g[0] * 3 / (g[0] + g[1] + g[2]), 1.0, 1e-12);
  EXPECT_TRUE(concept_factors({}, 1.0).empty());
}

TEST(WeighConcepts, OnlyTopLevelOrPartsAreScaled) {
  std::map<std::string, double> idf{{"rare", 4.0}, {"common", 1.0}, {"x", 2.0}};
  auto lookup = [&](const std::string& t) { return idf.at(t); };
  const Xapian::Query one("rare");
  EXPECT_EQ(weigh_concepts(one, lookup, 1.0).get_description(), one.get_description());
  const Xapian::Query both(Xapian::Query::OP_AND, Xapian::Query("rare"), Xapian::Query("common"));
  EXPECT_EQ(weigh_concepts(both, lookup, 1.0).get_description(), both.get_description());
  const Xapian::Query any(Xapian::Query::OP_OR, Xapian::Query("rare"), Xapian::Query("common"));
  EXPECT_EQ(weigh_concepts(any, lookup, 0.0).get_description(), any.get_description());
  std::map<std::string, double> factors;
  const Xapian::Query w = weigh_concepts(any, lookup, 1.0, &factors);
  EXPECT_EQ(w.get_type(), Xapian::Query::OP_OR);
  ASSERT_EQ(factors.size(), 2u);
  EXPECT_NEAR(factors["rare"], 1.6, 1e-12);    // 4/2.5 before the mean, whose mean is 1
  EXPECT_NEAR(factors["common"], 0.4, 1e-12);
}

// Two documents each match one word of a two-word query equally well by BM25 except for idf;
// sharpening idf widens the gap in the rarer word's favour and never reverses it.
TEST(WeighConcepts, RankingFavoursTheRareWordMore) {
  TempDir dir("concepts");
  Xapian::WritableDatabase db(dir.path() + "/db", Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::Document rare, common;
  rare.add_term("rare");
  common.add_term("common");
  const Xapian::docid r = db.add_document(rare), c = db.add_document(common);
  for (int i = 0; i < 6; ++i) {
    Xapian::Document filler;
    filler.add_term("common");
    filler.add_term("other");
    db.add_document(filler);
  }
  db.commit();
  const double n = db.get_doccount();
  auto idf = [&](const std::string& t) { return bm25_idf(n, db.get_termfreq(t)); };
  const Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query("rare"), Xapian::Query("common"));
  auto gap = [&](const Xapian::Query& query) {
    Xapian::Enquire enq(db);
    enq.set_weighting_scheme(KindBm25Weight(Bm25Params{}, 0));
    enq.set_query(query);
    std::map<Xapian::docid, double> s;
    Xapian::MSet m = enq.get_mset(0, 10);
    for (auto it = m.begin(); it != m.end(); ++it) s[*it] = it.get_weight();
    return s.at(r) / s.at(c);
  };
  const double plain = gap(q), sharpened = gap(weigh_concepts(q, idf, 1.0));
  EXPECT_GT(plain, 1.0);
  EXPECT_GT(sharpened, plain);
}

}  // namespace
}  // namespace newsindex
