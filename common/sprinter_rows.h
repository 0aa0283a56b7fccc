// The flat backends of the structured printer (TSV, CSV, text): they write a record's scalars in
// order and none of its structure, so one row writer serves every delimited format.
#pragma once
#include <iosfwd>
#include <memory>
#include <string_view>

#include "common/structured_printer.h"

namespace newsindex {

// Maps, lists and keys are structure a flat backend does not write.
class FlatSprinter : public StructuredPrinter {
 public:
  void begin_map() override {}
  void begin_list() override {}
  void end() override {}
  void map_key(std::string_view) override {}
};

// Writes a string field to `out` as a format spells it (escaped, or quoted).
using FieldWriter = void (*)(std::ostream& out, std::string_view field);

// A record is a row ending in a newline: every scalar is a field, `delimiter` between fields,
// strings written by `write_string`, null an empty field, numbers with 6 significant digits,
// booleans `true` and `false`.
std::unique_ptr<StructuredPrinter> make_row_sprinter(std::ostream& out, char delimiter, FieldWriter write_string);

}  // namespace newsindex
