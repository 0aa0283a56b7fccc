// Index management behind newsindex --remove, --list and --compact.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "common/structured_printer.h"
#include "indexer/source_writer.h"

namespace newsindex {

struct RemoveResult {
  size_t sources = 0, articles = 0, not_found = 0;
  std::vector<std::string> read_again;  // sources holding an article removed with another (to index)
};

// Removes each target: a recorded source path, every source under a directory, or an article
// id / URL. A target found nowhere is named on `err` and counted in not_found.
RemoveResult remove_targets(SourceWriter& w, const std::vector<std::string>& targets, std::ostream& err);

// The recorded sources with their article counts and last indexed time, a record each: all of
// them, or those that are or lie under one of `paths`.
void list_sources(const SourceWriter& w, const std::vector<std::string>& paths, StructuredPrinter& out);

struct CompactResult {
  uint64_t before_bytes = 0, after_bytes = 0;
};
// Rewrites the database compactly (Xapian compaction) and swaps it in place, holding the
// write lock throughout so no writer races it; readers keep their open revision.
CompactResult compact_database(const std::string& path, double lock_timeout);

uint64_t directory_bytes(const std::string& path);

}  // namespace newsindex
