// --explain's renderings: one explanation as a JSON object and as its line of text.
#include <gtest/gtest.h>

#include <sstream>

#include "query/output/explain_printer.h"

namespace newsindex {
namespace {

Explanation passage_mode() {
  Explanation e;
  e.score = 12.5;
  ScoreSide p;
  p.score = 10;
  p.terms = TermParts{10, {{"Ztariff", 1, 2, 1.5, 7.25}, {"Zsteel", 0.5, 1, 2, 2.75}}};
  e.passage = p;
  e.context = Explanation::Context{0.3, 8, 2.5};
  e.expansion_terms = 80;
  return e;
}

TEST(ExplainPrinter, PassageModeAsJsonAndText) {
  std::ostringstream json;
  sprint_explanation(*make_json_sprinter(json), passage_mode());
  EXPECT_EQ(json.str(),
            R"({"score":12.5,"passage":{"score":10.0,"terms_sum":10.0,"terms":[)"
            R"({"term":"Ztariff","weight":1.0,"wdf":2.0,"idf":1.5,"score":7.25},)"
            R"({"term":"Zsteel","weight":0.5,"wdf":1.0,"idf":2.0,"score":2.75}]},)"
            R"("context":{"weight":0.3,"article_score":8.0,"score":2.5},"expansion_terms":80})");
  EXPECT_EQ(explain_line(passage_mode()),
            "score 12.5000 = passage 10.000 (Ztariff 7.25, Zsteel 2.75) + context 2.500; 80 feedback terms");
}

TEST(ExplainPrinter, ArticleModeLineShowsBothSidesAndAtMostFiveTerms) {
  Explanation e;
  e.score = 0.9;
  e.fusion_weight = 0.8;
  ScoreSide a{4, 8, 0.5, std::nullopt, TermParts{}};
  for (int i = 0; i < 7; ++i) a.terms->terms.push_back({"t" + std::to_string(i), 1, 1, 1, 1.0 / (i + 1)});
  e.article = a;
  e.passage = ScoreSide{3, 6, 0.5, 2.0, std::nullopt};
  EXPECT_EQ(explain_line(e), "score 0.9000 = 0.80×article 0.500 (4.000/8.000: t0 1.00, t1 0.50, t2 0.33, t3 0.25, "
                             "t4 0.20, +2 more) + 0.20×passage 0.500 (3.000/6.000: )");
  std::ostringstream json;
  sprint_explanation(*make_json_sprinter(json), e);
  EXPECT_NE(json.str().find(R"("passage":{"score":3.0,"max":6.0,"norm":0.5,"passage":2.0})"), std::string::npos)
      << json.str();
}

}  // namespace
}  // namespace newsindex
