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
// A remote shard (a `remote` stub line) has `remote_timeout` seconds to connect and to answer
// each request (0: Xapian's default, 10 s); one that does not is named in the DatabaseError.
// A database or shard that is briefly missing or changing as it opens (a replica switching to a
// full copy from xapian-replicate) is opened again, twice at most (see worth_reopening).
Xapian::Database open_for_reading(const std::string& path, double remote_timeout = 0);
// True for the errors a reader gets while its database is replaced or updated under it, which
// opening it again from its path can cure: DatabaseModifiedError, DatabaseOpeningError (with
// DatabaseNotFoundError) and a NetworkError that is not a timeout (a server's connection closed).
// A timeout (NetworkTimeoutError) is not: a stalled shard fails within --timeout, not three times that.
bool worth_reopening(const Xapian::Error& e);
// After a Xapian::NetworkError: "shard N (STUB LINE): why" for the first shard of `path` that
// does not answer within `remote_timeout`, or "" when every shard answers (or `path` has none).
std::string unreachable_shard(const std::string& path, double remote_timeout);
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
