// CSV and TSV news dumps with a header row (Kaggle's news datasets, spreadsheet and database
// exports): one article a row, its columns named as JSON Lines fields are, with the same other
// names (docs/formats.md). Parsed by libcsv (RFC 4180: a quoted field may hold the delimiter,
// quotes and newlines).
#pragma once
#include <string>
#include <string_view>

#include "indexer/readers/reader.h"

namespace newsindex {

// Every usable row as an article, and an InputError naming "source: row N" (the header is row 1,
// as a spreadsheet counts) for each unusable one. The delimiter is the header line's commonest of
// comma, tab and semicolon. Throws InputError when the header names no text or title column.
ReadResult read_csv(std::string_view text, const std::string& source);

}  // namespace newsindex
