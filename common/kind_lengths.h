// Average document lengths per document kind: BM25 must normalize an article by the average
// article and a passage by the average passage, not by the mix the database holds.
#pragma once
#include <xapian.h>

namespace newsindex {

struct KindLengths {
  double article = 0;  // average length of article documents (0 = none indexed)
  double passage = 0;  // average length of passage and link documents
  // How many there are: BM25's collection size for each kind, whose words have their own terms
  // (schema: article_body), so that idf compares like with like.
  double article_docs = 0, passage_docs = 0;
};

// The article documents' total length is what the figures need; a walk over every article
// document finds it (tens of ms at a few hundred thousand articles: too much for each query
// process), so the indexer records it in the database's metadata (store_kind_lengths) with a
// stamp of the state it describes. kind_lengths() takes the recorded total when the stamp
// matches the database (document count, last docid, total length), else walks; the figures are
// the same either way. Callers cache the result for the life of their Database.
// A sharded index keeps the record in `meta` (its meta/ database), stamped with the combined
// shards' state.
KindLengths kind_lengths(const Xapian::Database& db, const Xapian::Database& meta);
inline KindLengths kind_lengths(const Xapian::Database& db) { return kind_lengths(db, db); }

// Records the article documents' total length for kind_lengths(), when the recorded figure does
// not already describe this state of the database; commits then. Call it after a commit.
void store_kind_lengths(const Xapian::Database& db, Xapian::WritableDatabase& meta);
inline void store_kind_lengths(Xapian::WritableDatabase& db) { store_kind_lengths(db, db); }

}  // namespace newsindex
