// The threads of an indexing run: a reader cuts the sources into pieces, `jobs` workers parse
// and analyze them (each with its own Analyzer), and the calling thread gets the results in
// input order, so the database comes out the same whatever the number of workers. The pieces
// in flight are bounded by --memory-limit.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "indexer/doc_builder.h"
#include "indexer/index_task.h"
#include "indexer/source_pieces.h"

namespace newsindex {

struct PipelineOptions {
  size_t jobs = 1;
  uint64_t memory_limit = 256ULL << 20;  // bytes of pieces and their documents in flight
  CutOptions cut;
  BuildOptions build;
};

// Calls `write` on this thread for every piece, in order. Returns false when it stopped early
// because stop_requested(); an exception from `write` or a worker stops everything and is
// rethrown here.
bool run_pipeline(const std::vector<SourcePlan>& plans, const PipelineOptions& opts,
                  const std::function<void(PieceResult&)>& write);

}  // namespace newsindex
