// Where the database lives: --db, else $NEWSINDEX_DB, else ./newsindex.db.
#pragma once
#include <cstdlib>
#include <string>

namespace newsindex {
inline std::string resolve_db_path(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("NEWSINDEX_DB"); env && *env) return env;
  return "newsindex.db";
}
}  // namespace newsindex
