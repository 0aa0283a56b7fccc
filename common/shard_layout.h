// A sharded index's layout: D/shards (a Xapian stub file naming the shards in order), D/shard-NN/
// (glass databases) and D/meta/ (schema version, languages, synonyms, statistics; never in the stub).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace newsindex::shards {

inline constexpr const char* kStubName = "shards";
inline constexpr const char* kMetaName = "meta";

// True when `path` is a directory holding a `shards` stub (a local index or a remote view).
bool is_sharded(const std::string& path);
std::string stub_path(const std::string& path);
std::string meta_path(const std::string& path);
// "shard-00", "shard-01", ...: the directory of shard `i`.
std::string shard_name(size_t i);
// The stub's lines that name local shards ("glass shard-00", "auto shard-01"), as paths under
// `path`, in stub order; remote lines are left out.
std::vector<std::string> local_shards(const std::string& path);
// The directory a local stub line ("glass shard-00") names, as a path under `path`.
std::string local_shard_dir(const std::string& path, const std::string& line);
// The stub's lines, blank lines and comments left out (for naming a failing shard).
std::vector<std::string> stub_lines(const std::string& path);
// Creates a new sharded index with `count` empty shards and a meta database holding the schema
// version (and, when `partitioned`, that each article lives whole in the shard its key chooses:
// is_partitioned), made whole beside `path` and renamed into place. An existing `path` is left alone.
void create_sharded(const std::string& path, size_t count, bool partitioned = false);
// True when the sharded index at `path` was created partitioned by article key (--parallel-shards).
bool is_partitioned(const std::string& path);
// The shard (0 .. count-1) that holds the article with this key in a partitioned index.
size_t partition_of(std::string_view article_key, size_t count);

}  // namespace newsindex::shards
