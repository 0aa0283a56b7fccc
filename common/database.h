// Opening a newsindex database for reading, and what both programs read of its metadata: the
// schema version (checked on open) and the languages its articles were analyzed in.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

namespace newsindex {

// Opens a database for reading, checking it exists and has our schema version.
Xapian::Database open_for_reading(const std::string& path);
void check_schema_version(const Xapian::Database& db, const std::string& path);
// The stemmers the index's articles were analyzed with (schema::kLanguagesKey), and the one a query
// uses unless told: the index's language when it has one, else English.
std::vector<std::string> index_languages(const Xapian::Database& db);
std::string default_query_language(const Xapian::Database& db);
// A comma-separated list of languages as stored in the metadata.
std::vector<std::string> split_languages(const std::string& list);

}  // namespace newsindex
