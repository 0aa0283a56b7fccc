#include "indexer/readers/csv_reader.h"

#include <csv.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string_view>
#include <vector>

#include "common/ascii.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/segment.h"

namespace newsindex {

namespace {

using Row = std::vector<std::string>;

char header_delimiter(std::string_view text) {
  const std::string_view header = text.substr(0, text.find('\n'));
  char best = ',';
  long most = 0;
  for (char d : {',', '\t', ';'})
    if (long n = std::count(header.begin(), header.end(), d); n > most) {
      most = n;
      best = d;
    }
  return best;
}

// libcsv calls back once a field and once a row; rows are gathered whole.
struct Rows {
  std::vector<Row> rows;
  Row current;
  static void field(void* s, size_t len, void* self) {
    static_cast<Rows*>(self)->current.emplace_back(s ? static_cast<const char*>(s) : "", s ? len : 0);
  }
  static void row_end(int, void* self) {
    Rows& r = *static_cast<Rows*>(self);
    r.rows.push_back(std::move(r.current));
    r.current.clear();
  }
};

std::vector<Row> parse_rows(std::string_view text, char delimiter, const std::string& source) {
  csv_parser p;
  if (csv_init(&p, 0) != 0) throw InputError(source, "cannot start the CSV parser");
  csv_set_delim(&p, static_cast<unsigned char>(delimiter));
  Rows rows;
  const size_t parsed = csv_parse(&p, text.data(), text.size(), Rows::field, Rows::row_end, &rows);
  const int error = parsed == text.size() ? CSV_SUCCESS : csv_error(&p);
  csv_fini(&p, Rows::field, Rows::row_end, &rows);
  csv_free(&p);
  if (error != CSV_SUCCESS) throw InputError(source, std::string("CSV: ") + csv_strerror(error));
  return std::move(rows.rows);
}

bool blank(const Row& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& f) { return f.find_first_not_of(" \t\r") == std::string::npos; });
}

}  // namespace

ReadResult read_csv(std::string_view text, const std::string& source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<Row> rows = parse_rows(text, header_delimiter(text), source);
  if (rows.empty()) throw InputError(source, "empty file: no text to index");
  // Column names as the JSON fields are spelled; a name JSON does not know is carried and ignored.
  std::vector<std::string> names;
  for (const std::string& h : rows.front()) names.push_back(ascii_lower(normalize_space(h)));
  nlohmann::json probe = nlohmann::json::object();
  for (const std::string& n : names)
    if (!n.empty()) probe[n] = "x";
  if (!json_article_text(probe) && !probe.contains("title") && !probe.contains("headline"))
    throw InputError(source + ": row 1",
                     "the header names no text column (" + json_text_names() + ") and no title: not a news table");
  ReadResult r;
  for (size_t i = 1; i < rows.size(); ++i) {
    if (blank(rows[i])) continue;
    nlohmann::json j = nlohmann::json::object();
    for (size_t c = 0; c < rows[i].size() && c < names.size(); ++c)
      if (!names[c].empty() && !rows[i][c].empty() && !j.contains(names[c])) j[names[c]] = std::move(rows[i][c]);
    const std::string where = source + ": row " + std::to_string(i + 1);
    try {
      if (!json_article_text(j)) j["text"] = "";  // a row with only a headline is still an article
      r.articles.push_back(article_from_json(j, source, where, 0));
    } catch (const InputError& e) {
      r.problems.push_back(e);
    }
  }
  if (r.articles.empty() && r.problems.empty()) throw InputError(source, "no rows under the header: no text to index");
  return r;
}

}  // namespace newsindex
