// The indexing run behind `newsindex`: sources in, documents written, problems reported.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "doc_builder.h"
#include "index_writer.h"
#include "readers/reader.h"
#include "source_files.h"

namespace newsindex {

struct IndexOptions {
  std::string db;
  Format format = Format::Auto;
  BuildOptions build;
  WriterOptions writer;
  WalkOptions walk;
  bool prune = false;     // remove sources under the given directories that are gone
  bool force = false;     // re-read sources even when unchanged
  bool quiet = false;
  uint64_t max_file_bytes = 1ULL << 30;
};

struct IndexSummary {
  size_t articles = 0, passages = 0, links = 0;
  size_t rejected = 0;   // inputs (files or lines) refused, each reported on stderr
  size_t unchanged = 0;  // sources passed over because nothing changed
  size_t removed = 0;    // sources pruned
  double seconds = 0;
};

// Indexes `paths` (files, directories, "-" for stdin). Per-input problems are written to `err`
// as one line each and counted; database problems throw DatabaseError.
IndexSummary run_indexing(const std::vector<std::string>& paths, const IndexOptions& opts, std::ostream& err);

std::string format_summary(const IndexSummary& s);

}  // namespace newsindex
