// Finds the words of a passage that the query matched, as UTF-8 byte ranges of the text.
#pragma once
#include <xapian.h>

#include <string_view>
#include <utility>
#include <vector>

#include "common/analyzer.h"
#include "query/query_parser.h"

namespace newsindex {

using ByteRange = std::pair<size_t, size_t>;  // [start, end)

std::vector<ByteRange> find_matches(std::string_view text, const MatchSet& m, Analyzer& analyzer,
                                    const Xapian::Stem& stem);

}  // namespace newsindex
