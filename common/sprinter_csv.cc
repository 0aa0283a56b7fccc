// The CSV backend of the structured printer (RFC 4180): a record is a row, each scalar in it a
// field, rows ending in LF.
#include <ostream>

#include "common/sprinter_rows.h"

namespace newsindex {

namespace {

// A field holding a comma, a double quote, CR or LF is quoted, its quotes doubled; others are
// written as they are.
void write_csv_field(std::ostream& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out << s;
    return;
  }
  out << '"';
  for (char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace

std::unique_ptr<StructuredPrinter> make_csv_sprinter(std::ostream& out) {
  return make_row_sprinter(out, ',', write_csv_field);
}

}  // namespace newsindex
