// The feedback terms' BM25 of a few candidates, computed by the shard that holds each one: a
// registered posting source over the candidates' docids (DocidSetSource) whose weight is
// TermScorer::score() of the document from the shard's own termlist. The score comes back as
// the document's MSet weight under its combined docid, so nothing needs joining by key and a
// remote shard answers one request instead of one termlist round trip per candidate. A
// MatchSpy could read the termlists too, but a spy sees shard-local docids: its results would
// need a key per passage that the MSet does not carry.
#pragma once
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "query/ranking/bm25.h"
#include "query/ranking/docid_set.h"
#include "query/ranking/feedback.h"

namespace newsindex {

class TermScoreSource : public DocidSetSource {
 public:
  // `weighted_terms`: TermScorer::weighted_terms() (sorted, weights × idf).
  TermScoreSource(const std::vector<Xapian::docid>& ids, std::vector<std::string> shard_uuids,
                  std::vector<WeightedTerm> weighted_terms, Bm25Params params, double average_length);

  double get_weight() const override;
  void init(const Xapian::Database& db) override;
  Xapian::PostingSource* clone() const override;
  std::string name() const override { return "newsindex.TermScoreSource"; }
  std::string serialise() const override;
  TermScoreSource* unserialise(const std::string& s) const override;

 private:
  TermScoreSource() = default;
  std::vector<WeightedTerm> terms_;
  Bm25Params params_;
  double average_length_ = 0;
  Xapian::Database db_;  // the shard being matched (set by init)
};

// TermScorer::score() of each of `docs` of `db`, each from the shard that holds it.
std::map<Xapian::docid, double> shard_term_scores(const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
                                                  const std::vector<WeightedTerm>& weighted_terms,
                                                  const Bm25Params& p, double average_length);

}  // namespace newsindex
