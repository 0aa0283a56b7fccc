// Cuts one source into pieces for the workers, deciding on the way what changed: a JSON Lines
// file goes in blocks of whole lines (and only its new lines when its indexed prefix is
// unchanged), any other source whole; content that did not change is only re-recorded.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "indexer/index_task.h"
#include "indexer/source_record.h"
#include "indexer/source_files.h"

namespace newsindex {

struct SourcePlan {
  std::string path;  // a file, or "-" for standard input
  FoundFile file;    // size and mtime as walked
  std::optional<SourceRecord> previous;
};

struct CutOptions {
  Format format = Format::Auto;
  uint64_t max_file_bytes = 1ULL << 30;
  size_t chunk_bytes = 256 << 10;  // JSON Lines block size (whole lines, so a little more or less)
  bool force = false;            // re-read everything, ignoring what is recorded
  double expansion = 80;         // memory held by a piece's documents per byte of input (a guess)
};

// Emits the pieces of one source in order. `emit` returns false to stop early (interrupted).
// Read errors become a Failed piece; nothing throws.
void cut_source(const SourcePlan& plan, const CutOptions& opts, const std::function<bool(Piece&&)>& emit);

}  // namespace newsindex
