// One structured printer for every output of both programs, after notmuch's sprinter: a command
// emits its maps, lists and scalars once, and a backend per format (JSON, TSV, CSV, text) writes them.
#pragma once
#include <concepts>
#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace newsindex {

enum class StructuredFormat { Json, Tsv, Csv, Text };

// "json" (or "jsonl"), "tsv", "csv", "text"; nullopt for any other name.
std::optional<StructuredFormat> structured_format_from_name(std::string_view name);

class StructuredPrinter {
 public:
  virtual ~StructuredPrinter() = default;
  virtual void begin_map() = 0;
  virtual void begin_list() = 0;
  virtual void end() = 0;  // closes the innermost open map or list
  virtual void map_key(std::string_view key) = 0;
  virtual void string(std::string_view s) = 0;
  virtual void integer(int64_t n) = 0;
  virtual void number(double x) = 0;
  virtual void boolean(bool b) = 0;
  virtual void null() = 0;
  // Ends a record: a line of JSON Lines, a row of TSV, a line of text.
  virtual void separator() = 0;
  // The text backend is for people: an output with a layout of its own (aligned columns, bars,
  // colour) emits its lines as strings there, and its structure to the other backends.
  virtual bool is_text() const { return false; }

  // A string, or null when absent.
  void string_or_null(const std::optional<std::string>& s) { s ? string(*s) : null(); }

  // Members of the open map, given as key, value, key, value ...: a record's scalars in one call.
  // An absent optional string is null.
  template <class V, class... Rest>
  void fields(std::string_view key, const V& value, const Rest&... rest) {
    map_key(key);
    scalar(value);
    if constexpr (sizeof...(rest) > 0) fields(rest...);
  }

 private:
  void scalar(std::string_view s) { string(s); }
  void scalar(const char* s) { string(s); }
  void scalar(const std::string& s) { string(s); }
  void scalar(const std::optional<std::string>& s) { string_or_null(s); }
  void scalar(double x) { number(x); }
  void scalar(bool b) { boolean(b); }
  template <std::integral T>
  void scalar(T n) {
    integer(static_cast<int64_t>(n));
  }
};

// JSON: compact, keys in emitted order, numbers and escapes as nlohmann::json writes them, invalid
// UTF-8 replaced by U+FFFD; separator() ends a line (JSON Lines).
std::unique_ptr<StructuredPrinter> make_json_sprinter(std::ostream& out);
// TSV: every scalar of a record is a field (keys and nesting are not written), tab, newline, CR
// and backslash escaped as \t \n \r \\, null an empty field, numbers with 6 significant digits.
std::unique_ptr<StructuredPrinter> make_tsv_sprinter(std::ostream& out);
// CSV (RFC 4180): every scalar of a record is a field as in TSV, fields separated by commas, rows
// ending in LF; a field with a comma, double quote, CR or LF is quoted and its quotes doubled.
std::unique_ptr<StructuredPrinter> make_csv_sprinter(std::ostream& out);
// Text: the scalars of a record as they are, one space between them (keys and nesting are not
// written), numbers in their shortest exact form.
std::unique_ptr<StructuredPrinter> make_text_sprinter(std::ostream& out);

std::unique_ptr<StructuredPrinter> make_structured_printer(StructuredFormat format, std::ostream& out);

}  // namespace newsindex
