// Term proximity (Büttcher, Clarke & Lushman 2006, "Term proximity scoring for ad-hoc retrieval
// on very large text collections"): query terms that occur close together in a passage are
// better evidence than the same terms scattered. Pure math (tested) plus a reader of positions.
#pragma once
#include <xapian.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "query/ranking/bm25.h"

namespace newsindex {

struct TermOccurrence {
  Xapian::termpos pos = 0;
  size_t term = 0;  // index into the query's terms
};

// Walks the occurrences in position order; each pair of neighbours that are different terms at
// distance d adds w(other) / d² to both terms' accumulators. The score is
// Σ_t min(1, w_t) · acc_t (k1 + 1) / (acc_t + K), K = k1 (1 − b + b len/avg) as in BM25.
// `weights` holds each query term's idf; occurrences need not be sorted.
double proximity_score(std::vector<TermOccurrence> occurrences, const std::vector<double>& weights,
                       double doc_length, double average_length, const Bm25Params& p);

// The query's distinct terms with their idf over `db`, for proximity_score().
struct ProximityTerms {
  std::map<std::string, size_t> index;  // query term -> its index in weights
  std::vector<double> weights;
  Xapian::Stem stem;
};
// collection_size: the passages' count, for idf (0 = the database's).
ProximityTerms proximity_terms(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Stem& stem,
                               double collection_size = 0);
// The same with each term's document frequency from `termfreq` (e.g. TermFreqs, looked up
// beforehand in one request per shard).
ProximityTerms proximity_terms(const Xapian::Query& query, const Xapian::Stem& stem, double collection_size,
                               const std::function<Xapian::doccount(const std::string&)>& termfreq);

// proximity_score() of document `doc` from its positional index (0 when it has no positions).
// Stemmed terms carry no positions, so each positioned word of the document is stemmed and
// looked up among the query's terms.
double document_proximity(const Xapian::Database& db, Xapian::docid doc, const ProximityTerms& q,
                          double average_length, const Bm25Params& p);

}  // namespace newsindex
