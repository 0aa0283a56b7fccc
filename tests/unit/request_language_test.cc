// Request-language removal for --plain queries and the feedback share that adapts to the
// query's length (docs/relevance.md).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "common/analyzer.h"
#include "query/query_parser.h"
#include "query/ranking/feedback.h"
#include "query/ranking/request_language.h"

using namespace newsindex;

namespace {

std::vector<std::string> split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// The words a --plain query searches for.
std::string plain_words(const std::string& text, bool request_language = true) {
  Analyzer an;
  QueryOptions o;
  o.plain = true;
  o.request_language = request_language;
  return join(parse_query(text, an, o).words);
}

}  // namespace

TEST(RequestLanguage, MaskMarksWholePhrasesLongestFirst) {
  struct Case {
    const char* words;
    const char* request;  // the words the mask marks, in order
  } cases[] = {
      {"i am interested in heat transfer", "i am interested in"},
      {"i would also be grateful for papers on methods", "i would also be grateful for papers on"},
      {"please find papers on boundary layers", "please find papers on"},
      {"information about information retrieval", "information about"},
      {"information retrieval systems", ""},  // "information" alone is a topic
      {"documents that discuss indexing", "documents that discuss"},
      {"articles describing related studies would also be relevant", "articles describing would also be relevant"},
      {"retrieval of documents", ""},  // "retrieve" only in a request
      {"please retrieve articles about this", "please retrieve articles about"},
      {"interested", ""},  // a phrase's word alone is not the phrase
      {"", ""},
  };
  for (const auto& c : cases) {
    const auto words = split(c.words);
    const auto mask = request_language_mask(words);
    ASSERT_EQ(mask.size(), words.size()) << c.words;
    std::vector<std::string> marked;
    for (size_t i = 0; i < words.size(); ++i)
      if (mask[i]) marked.push_back(words[i]);
    EXPECT_EQ(join(marked), c.request) << c.words;
  }
}

TEST(RequestLanguage, PhrasesAreLowerCaseWords) {
  for (std::string_view p : request_phrases()) {
    EXPECT_FALSE(p.empty());
    for (char ch : p) EXPECT_FALSE(ch >= 'A' && ch <= 'Z') << p;
    EXPECT_EQ(p.find("  "), std::string_view::npos) << p;
  }
}

TEST(RequestLanguage, PlainQueriesLeaveOutRequestsThenStopwords) {
  struct Case {
    const char* text;
    const char* words;
  } cases[] = {
      {"I am interested in heated aircraft models.", "heated aircraft models"},
      {"Please find papers on lens proteins. I would also be grateful for work on methodological approaches.",
       "lens proteins work methodological approaches"},
      {"I would like information about what is information science?", "information science"},
      {"My research concerns cell growth. Please retrieve articles about this topic.", "cell growth topic"},
      {"what are the effects of heat", "effects heat"},  // no request: stopwords only
      {"papers on", "papers"},                           // nothing but a request: its content words stay
      {"relevant", "relevant"},
  };
  for (const auto& c : cases) EXPECT_EQ(plain_words(c.text), c.words) << c.text;
  EXPECT_EQ(plain_words("I am interested in heat", false), "interested heat");
}

TEST(AdaptiveFeedback, ShareFallsAsPivotOverWordsPastThePivot) {
  struct Case {
    double weight, pivot, words, share;
  } cases[] = {
      {0.5, 0, 40, 0.5},     // no pivot: a fixed share
      {0.5, 12, 3, 0.5},     // short queries keep the share
      {0.5, 12, 12, 0.5},    // at the pivot
      {0.5, 12, 24, 0.25},   // twice the pivot: half
      {0.5, 12, 48, 0.125},
      {0.3, 10, 20, 0.15},
      {0, 12, 40, 0},        // feedback weight 0 stays 0
  };
  for (const auto& c : cases) {
    FeedbackOptions o;
    o.weight = c.weight;
    o.length_pivot = c.pivot;
    o.short_weight = 0;  // the length rule alone
    EXPECT_DOUBLE_EQ(adaptive_weight(o, c.words), c.share) << c.weight << " " << c.pivot << " " << c.words;
  }
}

TEST(AdaptiveFeedback, ShortQueriesTakeTheirOwnShare) {
  struct Case {
    double short_weight, short_words, words, share;
  } cases[] = {
      {0, 5, 3, 0.5},      // no rule: the share
      {0.8, 5, 3, 0.8},    // a short query
      {0.8, 5, 5, 0.8},    // at the limit
      {0.8, 5, 6, 0.5},    // one word more: the share
      {0.8, 5, 40, 0.5},
  };
  for (const auto& c : cases) {
    FeedbackOptions o;
    o.weight = 0.5;
    o.short_weight = c.short_weight;
    o.short_words = c.short_words;
    EXPECT_DOUBLE_EQ(adaptive_weight(o, c.words), c.share) << c.short_weight << " " << c.words;
  }
}

TEST(AdaptiveFeedback, ShareFallsWithAFlatFirstPass) {
  struct Case {
    double pivot, gap_pivot, words, gap, share;
  } cases[] = {
      {0, 0, 10, 0.05, 0.5},    // no check
      {0, 0.2, 10, 0.4, 0.5},   // a clear first pass keeps the share
      {0, 0.2, 10, 0.2, 0.5},   // at the pivot
      {0, 0.2, 10, 0.1, 0.25},  // half the pivot's gap: half
      {0, 0.2, 10, 0, 0},       // feedback articles that all score alike lend nothing
      {0, 0.2, 10, -1, 0.5},    // no gap measured (one feedback article)
      {12, 0.2, 24, 0.1, 0.125},// both rules multiply
  };
  for (const auto& c : cases) {
    FeedbackOptions o;
    o.weight = 0.5;
    o.length_pivot = c.pivot;
    o.gap_pivot = c.gap_pivot;
    EXPECT_DOUBLE_EQ(adaptive_weight(o, c.words, c.gap), c.share) << c.gap_pivot << " " << c.gap;
  }
}

TEST(AdaptiveFeedback, ExpansionWeightOfALongQueryStopsGrowing) {
  // RM3 scales the expansion with the query's length; past the pivot the share falls as fast,
  // so the expansion's total weight stays between weight × pivot and its value at the pivot.
  FeedbackOptions o;
  o.weight = 0.5;
  o.length_pivot = 10;
  const std::vector<WeightedTerm> model{{"ZXWa", 1.0}};
  auto total = [&](double words) { return expansion_weights(model, adaptive_weight(o, words), words)[0].weight; };
  EXPECT_DOUBLE_EQ(total(10), 10.0);
  double previous = total(10);
  for (double words : {20.0, 40.0, 80.0, 160.0}) {
    EXPECT_LT(total(words), previous) << words;
    EXPECT_GT(total(words), 0.5 * 10) << words;
    previous = total(words);
  }
  o.length_pivot = 0;  // a fixed share: the expansion grows with the query
  EXPECT_DOUBLE_EQ(total(40), 40.0);
}
