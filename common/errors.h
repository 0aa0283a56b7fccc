// Error types carried up to the program edge, where they become one stderr line and an exit status.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace newsindex {

// A file name as it is printed in a message: control characters (a newline in a name would
// split the line) and bytes that are not UTF-8 become C-style escapes (\n, \xFF).
std::string printable_name(std::string_view name);

// Input that cannot be used (bad file, bad line). The indexer reports it and goes on.
struct InputError : std::runtime_error {
  InputError(std::string where, const std::string& why)
      : std::runtime_error(where.empty() ? why : printable_name(where) + ": " + why), location(std::move(where)) {}
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
