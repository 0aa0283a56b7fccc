// The ranking pipelines behind relevance order. Articles: article BM25 (with pseudo-relevance
// feedback) fused with the BM25 of each article's best passage. Passages: passage BM25 plus
// μ × the BM25 of their article for the same query, so on-topic articles lend their passages
// weight over stray mentions; computed as a re-ranking of the passage BM25 head.
#pragma once
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "query/ranking/bm25.h"
#include "query/ranking/concepts.h"
#include "query/ranking/feedback.h"
#include "common/kind_lengths.h"
#include "query/ranking/term_freqs.h"
#include "query/ranking/termlist_prefetch.h"

namespace newsindex {

struct RankingOptions {
  Bm25Params article_bm25{1.2, 0.75};
  Bm25Params passage_bm25{1.2, 0.75};
  double fusion_weight = 0.8;   // λ: articles mode, whole article vs its best passage
  double fusion_length_power = 0.7;  // λ falls as (m / 2)^-power when articles hold m > 2 passages
  double context_weight = 0.3;  // μ: passage mode, weight of the article's score
  double proximity_weight = 0;  // γ: articles mode, bonus for query terms close in the best passage
  size_t min_depth = 60;        // candidates fused/re-ranked at least, whatever the page size
  size_t candidate_widening = 3;// passage mode: candidates are the best of this many times as
                                // many by BM25 without lengths (b = 0); 1 = exact BM25 pass
  bool passage_feedback = true; // the best-passage pass also gets the feedback terms
  FeedbackOptions feedback;
  ConceptWeighting concepts;    // long queries: each word weighted by its idf (ranking/concepts.h)
};

// The query as ranking needs it: the ranked part and the two document filters.
struct RankQuery {
  Xapian::Query ranked;          // the user's ranked query (not empty), in the passages' terms
  Xapian::Query article_ranked;  // the same in the article records' terms
  double ranked_length = 1;      // word occurrences in it (RM3 normalizes by it)
  Xapian::Query article_filter;  // article documents (and the user's filters)
  Xapian::Query passage_filter;  // passage documents (and the user's filters)
  Xapian::Query hit_filter;      // passage mode: what may be returned (passages and links;
                                 // empty when `ranked` can match nothing else)
  Xapian::Stem stem;             // the query's stemmer (feedback leaves out stemmed stopwords)
  std::string language;          // what stemmer_for() made `stem` from (shards stem alike)
  std::map<std::string, double> concept_factors;  // term -> its key-concept factor (empty: none)
};

struct RankedArticle {
  std::string article;
  std::string story;               // schema::kSlotStory: "" unless the article is a copy
  Xapian::docid article_doc = 0;   // 0 when only its passage was among the candidates
  Xapian::docid passage_doc = 0;   // its best passage (0 when none was among the candidates)
  double article_score = 0, passage_score = 0;
  double proximity = 0;            // term proximity of the best passage (ranking/proximity.h)
  double article_norm = 0, passage_norm = 0, proximity_norm = 0;
  double score = 0;
};

struct ArticleRanking {
  std::vector<RankedArticle> articles;  // best first
  size_t total = 0;                     // matching articles (estimate)
  double article_max = 0, passage_max = 0, proximity_max = 0;
  std::vector<WeightedTerm> expansion;  // feedback terms added to the article query (article terms)
  std::map<std::string, double> concept_factors;  // the query's key-concept factors (RankQuery's)
};

struct RankedPassage {
  Xapian::docid doc = 0;
  std::string article;
  std::string story;         // schema::kSlotStory: "" unless its article is a copy
  double passage_score = 0;  // passage BM25, feedback terms included
  double context = 0;        // μ × its article's score
  double score = 0;          // passage_score + context
};

struct PassageRanking {
  std::vector<RankedPassage> passages;  // best first
  size_t total = 0;                     // matching passages (estimate)
  std::vector<WeightedTerm> expansion;  // feedback terms in passage terms (passages get them with
                                        // passage_feedback; their articles always)
  std::map<std::string, double> concept_factors;  // the query's key-concept factors (RankQuery's)
};

class Ranker {
 public:
  explicit Ranker(const Xapian::Database& db);
  // Where the recorded statistics are read (open_metadata: meta/ of a sharded index); default `db`.
  void set_metadata(const Xapian::Database& meta) {
    meta_ = meta;
    have_lengths_ = false;
  }

  // At least `depth` articles (0 = all), fused as RankingOptions says.
  ArticleRanking rank_articles(const RankQuery& q, size_t depth, const RankingOptions& o);

  // Passage mode: the best `depth` passages (0 = all) by passage BM25 (with the feedback terms)
  // plus μ × the BM25 of their article. Candidates come from plain passage BM25, at least
  // RankingOptions::min_depth deep, and only they are re-scored: RM3 feedback is drawn from the
  // best of their articles, and the feedback terms and the article context reorder the head of
  // the list instead of costing passes over every match.
  // `per_article` > 0 keeps at most that many passages of one article.
  PassageRanking rank_passages(const RankQuery& q, size_t depth, size_t per_article, const RankingOptions& o);

  // Weighting schemes with the right average length for each kind.
  KindBm25Weight article_weight(const RankingOptions& o);
  KindBm25Weight passage_weight(const RankingOptions& o);
  const KindLengths& lengths();
  // Articles mode's λ for this index (ranking/fusion.h: article_share).
  double article_share(const RankingOptions& o);
  // The feedback options for this index: on long articles, FeedbackOptions::long_articles_pivot.
  FeedbackOptions feedback_options(const RankingOptions& o);
  // The document frequencies remembered for this revision (prefetch them on remote shards).
  TermFreqs& term_freqs() { return term_freqs_; }
  // After Database::reopen(): the statistics are read again from the new revision.
  void forget_statistics() {
    have_lengths_ = false;
    term_freqs_.forget();
  }
  // With a core to spare (a single query): passage re-ranking reads its termlists on a second
  // handle from `open` as well (ranking/termlist_prefetch.h). Empty: one thread.
  void set_second_reader(DatabaseOpener open) { second_reader_ = std::move(open); }
  // Whether passage re-ranking reads the candidates' values and termlists on the shards, during
  // matches restricted to the candidates (ranking/rerank_spy.h, ranking/term_score_source.h,
  // ranking/key_set_source.h), rather than one document at a time: for remote shards, where
  // each read is a round trip. Local databases read directly (as fast, and one database reads
  // on a second core); the scores are the same either way.
  void set_shard_side_reads(bool on) { shard_side_reads_ = on; }

 private:
  // `q` with its ranked parts weighted by key concept when the query is long (o.concepts).
  RankQuery with_concepts(const RankQuery& q, const RankingOptions& o);
  Xapian::MSet article_pass(const RankQuery& q, size_t depth, const RankingOptions& o, std::vector<WeightedTerm>& expansion);
  // RM3's expansion from a first pass over every article: from the best `fo.docs` articles'
  // records, or their best passages (FeedbackOptions::from).
  std::vector<WeightedTerm> first_pass_feedback(const RankQuery& q, const FeedbackOptions& fo, const RankingOptions& o);
  // An enquire of `query` with `weight` restricted to `docs` (the matcher scores just them).
  Xapian::Enquire among(const Xapian::Query& query, const Xapian::Weight& weight, const std::vector<Xapian::docid>& docs);
  std::map<Xapian::docid, double> rescore(const Xapian::Query& query, const Xapian::Weight& weight,
                                          std::vector<Xapian::docid> docs);
  // rescore() that also gives each document's article and story values from the MSet.
  struct Rescored {
    double score = 0;
    std::string article, story;
  };
  std::map<Xapian::docid, Rescored> rescore_with_keys(const Xapian::Query& query, const Xapian::Weight& weight,
                                                      std::vector<Xapian::docid> docs);
  // Just the article and story values of `docs` (score 0), from one match.
  std::map<Xapian::docid, Rescored> keys_of(std::vector<Xapian::docid> docs);
  Xapian::Database db_;
  Xapian::Database meta_;
  bool single_database_;  // not a combination of shards
  bool shard_side_reads_;
  DatabaseOpener second_reader_;
  bool have_lengths_ = false;
  KindLengths lengths_;
  TermFreqs term_freqs_;
};

}  // namespace newsindex
