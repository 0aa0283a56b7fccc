// Average document lengths per document kind: BM25 must normalize an article by the average
// article and a passage by the average passage, not by the mix the database holds.
#pragma once
#include <xapian.h>

namespace newsindex {

struct KindLengths {
  double article = 0;  // average length of article documents (0 = none indexed)
  double passage = 0;  // average length of passage and link documents
};

// Walks the article documents' lengths once (the passage figure is what the rest of the
// database's total length leaves); callers cache it for the life of their Database.
KindLengths kind_lengths(const Xapian::Database& db);

}  // namespace newsindex
