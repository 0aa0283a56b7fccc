#include "indexer/source_writer.h"

#include <fmt/format.h>

#include "common/errors.h"
#include "common/shard_layout.h"
#include "indexer/index_writer.h"
#include "indexer/partitioned_writer.h"

namespace newsindex {

std::unique_ptr<SourceWriter> open_writer(const std::string& path, const WriterOptions& opts) {
  if (opts.parallel_shards && opts.shards > 0) shards::create_sharded(path, opts.shards, true);
  const bool partitioned = shards::is_partitioned(path);
  if (opts.parallel_shards && !partitioned)
    throw DatabaseError(fmt::format("{}: --parallel-shards applies when creating a sharded index (with --shards N); "
                                    "this index is written by one ordered writer",
                                    printable_name(path)));
  if (!partitioned) return std::make_unique<IndexWriter>(path, opts);
  require_shard_count(path, opts.shards);
  return std::make_unique<PartitionedWriter>(path, opts);
}

}  // namespace newsindex
