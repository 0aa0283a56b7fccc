// The indexing run behind `newsindex`: sources in, documents written, problems reported.
#pragma once
#include <iosfwd>
#include <set>
#include <string>
#include <vector>

#include "indexer/doc_builder.h"
#include "indexer/source_writer.h"
#include "indexer/readers/reader.h"
#include "indexer/source_files.h"

namespace newsindex {

struct IndexOptions {
  std::string db;
  Format format = Format::Auto;
  BuildOptions build;
  WriterOptions writer;
  WalkOptions walk;
  bool prune = false;     // remove sources under the given directories that are gone
  bool force = false;     // re-read sources even when unchanged
  bool quiet = false;     // no progress line
  bool verbose = false;   // name each source's format and what became of it
  uint64_t max_file_bytes = 1ULL << 30;
  size_t jobs = 0;                       // worker threads (0: one per core)
  uint64_t memory_limit = 256ULL << 20;  // bytes of input and built documents in flight
  size_t chunk_bytes = 256 << 10;        // JSON Lines are analyzed in blocks of about this size
};

struct IndexSummary {
  size_t articles = 0, passages = 0, links = 0;  // indexed (every article read that was not rejected)
  size_t copies = 0;     // of the articles: copies of an indexed story (indexed, grouped with it)
  size_t no_body = 0;    // of the articles: HTML pages whose article body was not found
  size_t rejected = 0;   // inputs (files or lines) refused, each reported on stderr
  size_t unchanged = 0;  // sources passed over because nothing changed
  size_t resumed = 0;    // JSON Lines sources continued after their indexed prefix (grown, or stopped)
  size_t removed = 0;    // sources pruned
  // Files a directory walk passed over for their type (styles, scripts, images, media, archives:
  // source_files.h), and their extensions, for the summary.
  size_t not_read = 0;
  std::set<std::string> not_read_types;
  uint64_t bytes = 0;    // input bytes read and analyzed
  bool interrupted = false;  // stopped by SIGINT/SIGTERM: what was done is committed
  double seconds = 0;
};

// Indexes `paths` (files, directories, "-" for stdin). Per-input problems are written to `err`
// as one line each and counted; database problems throw DatabaseError. A stop request
// (signals.h) ends the run early with what was done committed and `interrupted` set.
IndexSummary run_indexing(const std::vector<std::string>& paths, const IndexOptions& opts, std::ostream& err);

// Reads `sources` again whatever their record says (a file that holds an article whose newer
// copy was removed); the summary of that run.
IndexSummary read_again(const std::vector<std::string>& sources, const IndexOptions& opts, std::ostream& err);
void add_summary(IndexSummary& into, const IndexSummary& more);

std::string format_summary(const IndexSummary& s);

}  // namespace newsindex
