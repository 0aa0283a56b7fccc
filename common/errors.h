// Error types carried up to the program edge, where they become one stderr line and an exit status.
#pragma once
#include <stdexcept>
#include <string>

namespace newsindex {

// Input that cannot be used (bad file, bad line). The indexer reports it and goes on.
struct InputError : std::runtime_error {
  InputError(std::string where, const std::string& why)
      : std::runtime_error(where.empty() ? why : where + ": " + why), location(std::move(where)) {}
  std::string location;
};

// A query the parser rejects; `column` is the byte offset of the problem in the query.
struct QueryError : std::runtime_error {
  QueryError(const std::string& why, size_t col) : std::runtime_error(why), column(col) {}
  size_t column;
};

// A problem with the database itself (missing, locked, wrong schema version).
struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace newsindex
