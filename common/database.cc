#include "common/database.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/errors.h"
#include "common/schema.h"
#include "common/shard_layout.h"

namespace newsindex {

void check_schema_version(const Xapian::Database& db, const std::string& path) {
  std::string v = db.get_metadata(schema::kVersionKey);
  if (v.empty() && db.get_doccount() == 0) return;  // new, empty database
  if (v != std::to_string(schema::kSchemaVersion))
    throw DatabaseError(fmt::format(
        "{}: database schema version {} is not the version this newsindex uses ({}); re-index into a new database",
        printable_name(path), v.empty() ? "(none)" : v, schema::kSchemaVersion));
}

std::vector<std::string> split_languages(const std::string& list) {
  std::vector<std::string> out;
  for (size_t start = 0; start < list.size();) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) out.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> index_languages(const Xapian::Database& db) {
  return split_languages(db.get_metadata(schema::kLanguagesKey));
}

std::string default_query_language(const Xapian::Database& db) {
  const std::vector<std::string> langs = index_languages(db);
  return langs.size() == 1 ? langs.front() : "english";
}

namespace {

Xapian::Database open_meta(const std::string& path) {
  try {
    return Xapian::Database(shards::meta_path(path));
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError(fmt::format("{}: a sharded index without its meta/ database: {}", printable_name(path), e.get_msg()));
  }
}

}  // namespace

Xapian::Database open_for_reading(const std::string& path) {
  if (!std::filesystem::exists(path))
    throw DatabaseError(fmt::format("{}: no such database (create it with newsindex --db {} PATH...)", printable_name(path), printable_name(path)));
  try {
    if (shards::is_sharded(path)) {
      check_schema_version(open_meta(path), path);
      return Xapian::Database(shards::stub_path(path));
    }
    Xapian::Database db(path);
    check_schema_version(db, path);
    return db;
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError(fmt::format("{}: not a newsindex database: {}", printable_name(path), e.get_msg()));
  }
}

Xapian::Database open_metadata(const std::string& path, const Xapian::Database& db) {
  return shards::is_sharded(path) ? open_meta(path) : db;
}

}  // namespace newsindex
