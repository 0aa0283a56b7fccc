// Duplicate stories at index time: an article whose words equal (or nearly equal, by MinHash)
// an indexed article's is not indexed again; the original lists it among its copies.
#pragma once
#include <xapian.h>

#include <optional>
#include <string>

#include "doc_builder.h"

namespace newsindex {

struct DuplicateMatch {
  std::string original;   // id of the indexed article
  double similarity = 1;  // 1 for an exact copy
};

// An indexed article other than `b` itself that `b` copies, exactly or with estimated
// similarity >= threshold. Candidates come from the hash and band terms (no scan).
std::optional<DuplicateMatch> find_duplicate(const Xapian::Database& db, const BuiltArticle& b, double threshold);

// Adds `b` (id, source) to the original's list of copies and marks the original.
void record_duplicate(Xapian::WritableDatabase& db, const DuplicateMatch& m, const BuiltArticle& b);

}  // namespace newsindex
