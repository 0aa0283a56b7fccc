// Opening a newsindex database for reading, and what both programs read of its metadata: the
// schema version (checked on open) and the languages its articles were analyzed in.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

namespace newsindex {

// Opens a database for reading, checking it exists and has our schema version. A sharded index
// (common/shard_layout.h) opens as the combination of its shards, whose documents and docids are
// those of one database.
Xapian::Database open_for_reading(const std::string& path);
// Where the index's metadata and synonyms are read: meta/ of a sharded index (a combined
// Database would give shard 0's only), else `db`, the database opened from `path`.
Xapian::Database open_metadata(const std::string& path, const Xapian::Database& db);
void check_schema_version(const Xapian::Database& db, const std::string& path);
// The stemmers the index's articles were analyzed with (schema::kLanguagesKey), and the one a query
// uses unless told: the index's language when it has one, else English.
std::vector<std::string> index_languages(const Xapian::Database& db);
std::string default_query_language(const Xapian::Database& db);
// A comma-separated list of languages as stored in the metadata.
std::vector<std::string> split_languages(const std::string& list);

}  // namespace newsindex
