// --explain: how a hit's score was made (explanation.h). Term parts are recomputed with the same
// BM25 functions the matcher uses.
#pragma once
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "query/ranking/bm25.h"
#include "query/ranking/explanation.h"
#include "common/kind_lengths.h"
#include "query/ranking/feedback.h"
#include "query/ranking/ranker.h"
#include "query/ranking/term_freqs.h"

namespace newsindex {

// The terms a ranked query weighs, each with its number of occurrences times its key-concept
// factor (`factors`, ranking/concepts.h; 1 when absent) as the weight, plus the expansion terms
// with theirs. Phrases and NEAR count their words; acronym and synonym subtleties are not
// modelled, so parts may not sum exactly to the score for such queries.
std::vector<WeightedTerm> query_term_weights(const Xapian::Query& ranked, const std::vector<WeightedTerm>& expansion,
                                             const std::map<std::string, double>& factors = {});

// The parts of the terms of `terms` the document holds, largest first (collection_size as
// KindBm25Weight's). Document frequencies come from `freqs` when given (on remote shards
// prefetched: a lookup is otherwise a round trip per term and shard).
TermParts explain_document(const Xapian::Database& db, Xapian::docid doc, const std::vector<WeightedTerm>& terms,
                           const Bm25Params& p, double average_length, double collection_size = 0,
                           TermFreqs* freqs = nullptr);

// An article-mode hit: the fusion of its article record's score and its best passage's (with
// proximity), each side with its term parts. `article_terms` and `passage_terms` are the ranked
// queries' query_term_weights.
Explanation explain_article(const Xapian::Database& db, const KindLengths& lengths, const RankingOptions& o,
                            const ArticleRanking& ranking, const RankedArticle& r,
                            const std::vector<WeightedTerm>& article_terms, const std::vector<WeightedTerm>& passage_terms,
                            TermFreqs* freqs = nullptr);

// A passage-mode hit: the passage's score with its term parts, plus its article's context score.
Explanation explain_passage(const Xapian::Database& db, const KindLengths& lengths, const RankingOptions& o,
                            const PassageRanking& ranking, const RankedPassage& r, const std::vector<WeightedTerm>& terms,
                            TermFreqs* freqs = nullptr);

}  // namespace newsindex
