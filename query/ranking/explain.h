// --explain: how a hit's score was made (explanation.h). Term parts are recomputed with the same
// BM25 functions the matcher uses.
#pragma once
#include <xapian.h>

#include <vector>

#include "query/ranking/bm25.h"
#include "query/ranking/explanation.h"
#include "query/ranking/feedback.h"

namespace newsindex {

// The terms a ranked query weighs, each with its number of occurrences as the weight, plus
// the expansion terms with theirs. Phrases and NEAR count their words; acronym and synonym
// subtleties are not modelled, so parts may not sum exactly to the score for such queries.
std::vector<WeightedTerm> query_term_weights(const Xapian::Query& ranked, const std::vector<WeightedTerm>& expansion);

// The parts of the terms of `terms` the document holds, largest first (collection_size as
// KindBm25Weight's).
TermParts explain_document(const Xapian::Database& db, Xapian::docid doc, const std::vector<WeightedTerm>& terms,
                           const Bm25Params& p, double average_length, double collection_size = 0);

}  // namespace newsindex
