#include "common/database.h"

#include <fmt/format.h>

#include <chrono>
#include <exception>
#include <filesystem>
#include <optional>
#include <string_view>
#include <thread>

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

bool worth_reopening(const Xapian::Error& e) {
  // Xapian::Error is not polymorphic: its type name says which subclass was thrown.
  const std::string_view type = e.get_type();
  return type == "DatabaseModifiedError" || type == "DatabaseOpeningError" || type == "DatabaseNotFoundError" ||
         type == "NetworkError";
}

namespace {

// Opens a local database, again after a pause when it is being switched under us: xapian-replicate
// writes a full copy beside the live one, points the replica's stub at it and deletes the old one,
// so a reader that read the stub just before can find the old directory gone.
template <class Open>
Xapian::Database opened_steadily(Open open) {
  for (int attempt = 0;; ++attempt) {
    try {
      return open();
    } catch (const Xapian::DatabaseOpeningError&) {
      if (attempt == 2) throw;
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == 2) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(attempt == 0 ? 20 : 200));
  }
}

Xapian::Database open_meta(const std::string& path) {
  try {
    return opened_steadily([&] {
      Xapian::Database meta(shards::meta_path(path));
      check_schema_version(meta, path);
      return meta;
    });
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError(fmt::format("{}: a sharded index without its meta/ database: {}", printable_name(path), e.get_msg()));
  }
}

// One stub line: "glass DIR", "auto DIR", "remote HOST:PORT" or "remote :PROGRAM ARGS...".
Xapian::Database open_shard(const std::string& path, const std::string& line, double remote_timeout) {
  const size_t space = line.find_first_of(" \t");
  const std::string type = line.substr(0, space);
  const std::string rest = space == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", space));
  if (type != "remote") {
    const std::string dir = shards::local_shard_dir(path, line);
    if (dir.empty()) throw DatabaseError(fmt::format("{}: stub line \"{}\": not glass DIR, auto DIR or remote", printable_name(path), line));
    return opened_steadily([&] { return Xapian::Database(dir); });
  }
  const auto ms = static_cast<unsigned>(remote_timeout > 0 ? remote_timeout * 1000 : 10000);
  if (!rest.empty() && rest[0] == ':') {
    const size_t args = rest.find(' ');
    return Xapian::Remote::open(rest.substr(1, args == std::string::npos ? std::string::npos : args - 1),
                                args == std::string::npos ? "" : rest.substr(args + 1), ms);
  }
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos) throw DatabaseError(fmt::format("{}: stub line \"{}\": not remote HOST:PORT", printable_name(path), line));
  return Xapian::Remote::open(rest.substr(0, colon), static_cast<unsigned>(std::stoul(rest.substr(colon + 1))), ms, ms);
}

std::string shard_failure(size_t i, const std::string& line, const Xapian::Error& e) {
  return fmt::format("shard {} ({}) does not answer: {}", i, line, e.get_msg().empty() ? e.get_type() : e.get_msg());
}

Xapian::Database open_shards(const std::string& path, double remote_timeout) {
  Xapian::Database all;
  const std::vector<std::string> lines = shards::stub_lines(path);
  if (lines.empty()) throw DatabaseError(fmt::format("{}: the shards stub lists no shard", printable_name(path)));
  // Remote shards connect at once, each in a thread of its own: one after another, a process
  // waits for each server's greeting in turn (and a slow shard's timeout delays the others').
  std::vector<std::optional<Xapian::Database>> opened(lines.size());
  std::vector<std::exception_ptr> failed(lines.size());
  {
    std::vector<std::jthread> connecting;
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].rfind("remote", 0) != 0) continue;
      connecting.emplace_back([&, i] {
        try {
          opened[i] = open_shard(path, lines[i], remote_timeout);
        } catch (...) {
          failed[i] = std::current_exception();  // rethrown below, in shard order
        }
      });
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    try {
      if (failed[i]) std::rethrow_exception(failed[i]);
      all.add_database(opened[i] ? *opened[i] : open_shard(path, lines[i], remote_timeout));
    } catch (const Xapian::NetworkError& e) {
      throw DatabaseError(fmt::format("{}: {}", printable_name(path), shard_failure(i, lines[i], e)));
    } catch (const Xapian::DatabaseOpeningError& e) {
      throw DatabaseError(fmt::format("{}: shard {} ({}): {}", printable_name(path), i, lines[i], e.get_msg()));
    }
  }
  return all;
}

}  // namespace

std::string unreachable_shard(const std::string& path, double remote_timeout) {
  if (!shards::is_sharded(path)) return "";
  const std::vector<std::string> lines = shards::stub_lines(path);
  for (size_t i = 0; i < lines.size(); ++i) {
    try {
      Xapian::Database db = open_shard(path, lines[i], remote_timeout);
      db.get_doccount();
    } catch (const Xapian::NetworkError& e) {
      return shard_failure(i, lines[i], e);
    }
  }
  return "";
}

Xapian::Database open_for_reading(const std::string& path, double remote_timeout) {
  if (!std::filesystem::exists(path))
    throw DatabaseError(fmt::format("{}: no such database (create it with newsindex --db {} PATH...)", printable_name(path), printable_name(path)));
  try {
    if (shards::is_sharded(path)) {
      open_meta(path);
      return open_shards(path, remote_timeout);
    }
    return opened_steadily([&] {
      Xapian::Database db(path);
      check_schema_version(db, path);
      return db;
    });
  } catch (const Xapian::DatabaseOpeningError& e) {
    throw DatabaseError(fmt::format("{}: not a newsindex database: {}", printable_name(path), e.get_msg()));
  }
}

Xapian::Database open_metadata(const std::string& path, const Xapian::Database& db) {
  return shards::is_sharded(path) ? open_meta(path) : db;
}

}  // namespace newsindex
