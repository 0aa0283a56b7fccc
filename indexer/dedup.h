// Duplicate stories at index time: an article whose words equal (or nearly equal, by MinHash) an
// indexed article's is a copy of its story. A copy is indexed whole, like any article (its own
// words, headline and source stay searchable), and names its story so that queries can group the
// copies of one story (schema: story).
#pragma once
#include <xapian.h>

#include <optional>
#include <string>

#include "indexer/doc_builder.h"

namespace newsindex {

struct DuplicateMatch {
  std::string original;   // id of the indexed article it copies
  std::string story;      // key of the article the story began with (the original's story)
  double similarity = 1;  // 1 for an exact copy
};

// An indexed article other than `b` itself that `b` copies, exactly or with estimated
// similarity >= threshold. Candidates come from the hash and band terms (no scan).
std::optional<DuplicateMatch> find_duplicate(const Xapian::Database& db, const BuiltArticle& b, double threshold);

// Marks every record of `b` as a member of the story `m` names, and says so in its data.
void join_story(BuiltArticle& b, const DuplicateMatch& m);

}  // namespace newsindex
