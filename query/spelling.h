// "Did you mean": a query word the index has never seen is replaced by the closest frequent
// word of the vocabulary (edit distance 1 for short words, 2 for longer ones).
#pragma once
#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/analyzer.h"

namespace newsindex {

// The query with unknown words corrected, or nullopt when every word is known or nothing
// close enough exists. A word is known when it, or its stem in one of `languages` (the query's
// first), is in the index: "elections" finds "election" and is no typo. Operators, fields,
// phrases and wildcards are left alone. `batch_lookups` looks every word up in one match first
// (on remote shards one request per shard, where each lookup is a round trip per shard).
std::optional<std::string> suggest_correction(const Xapian::Database& db, std::string_view query, Analyzer& analyzer,
                                              const std::vector<std::string>& languages, bool batch_lookups = false);

// Damerau-Levenshtein distance, giving up (returning limit + 1) beyond `limit`.
size_t edit_distance(std::string_view a, std::string_view b, size_t limit);

}  // namespace newsindex
