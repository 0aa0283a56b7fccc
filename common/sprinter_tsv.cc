// The TSV backend of the structured printer: a record is a row, each scalar in it a field.
#include <ostream>

#include "common/sprinter_rows.h"

namespace newsindex {

namespace {

// Tab, newline, CR and backslash escaped as \t \n \r \\, so a field never holds a delimiter.
void write_tsv_field(std::ostream& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '\t': out << "\\t"; break;
      case '\n': out << "\\n"; break;
      case '\r': out << "\\r"; break;
      case '\\': out << "\\\\"; break;
      default: out << c;
    }
  }
}

}  // namespace

std::unique_ptr<StructuredPrinter> make_tsv_sprinter(std::ostream& out) {
  return make_row_sprinter(out, '\t', write_tsv_field);
}

}  // namespace newsindex
