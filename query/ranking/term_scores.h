// BM25 of a bag of plain terms in a few given documents, read from their termlists. Re-ranking
// re-scores a couple of hundred candidates this way: one termlist per document, where a matcher
// pass would skip through the posting list of every expansion term once per candidate.
#pragma once
#include <xapian.h>

#include <vector>

#include "query/ranking/bm25.h"
#include "query/ranking/feedback.h"
#include "query/ranking/term_freqs.h"
#include "query/ranking/termlist_prefetch.h"

namespace newsindex {

class TermScorer {
 public:
  // Each term's idf is looked up once here (in `freqs` when given), whatever the documents
  // scored later; collection_size as KindBm25Weight's.
  TermScorer(const Xapian::Database& db, std::vector<WeightedTerm> terms, double collection_size = 0,
             TermFreqs* freqs = nullptr);

  // Σ over the terms `doc` holds of weight × idf × saturated tf — the parts KindBm25Weight gives
  // a term of query weight `weight` (OP_SCALE_WEIGHT); 0 without terms.
  double score(Xapian::docid doc, const Bm25Params& p, double average_length) const;
  // The same from the document's terms read beforehand (the same sum, in the same order).
  // Valid only when every term is a body stem under the prefix the DocTerms kept (covered_by).
  double score(const DocTerms& doc, const Bm25Params& p, double average_length) const;
  bool covered_by(std::string_view stem_prefix) const;
  // The terms sorted by term, each weight × its idf: what a shard needs to score its documents
  // (TermScoreSource) with the same sums as score().
  const std::vector<WeightedTerm>& weighted_terms() const { return terms_; }

 private:
  Xapian::Database db_;
  std::vector<WeightedTerm> terms_;  // sorted by term, weight already × idf
};

// TermScorer::score() of `doc` of `db` from its termlist, given TermScorer::weighted_terms().
double termlist_score(const Xapian::Database& db, Xapian::docid doc, const std::vector<WeightedTerm>& weighted_terms,
                      const Bm25Params& p, double average_length);

}  // namespace newsindex
