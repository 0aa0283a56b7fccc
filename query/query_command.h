// What `newsquery` does once its options are parsed: search, batch, count, stats.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "query/output/printer.h"
#include "query/query_parser.h"
#include "query/search.h"

namespace newsindex {

// Output format version (`--format-version`, `--stats`); bump on changes to what is printed.
// 2: TSV has a category column after matches.
inline constexpr int kOutputFormatVersion = 2;

struct QueryCommand {
  std::string db;
  double timeout = 0;          // --timeout: seconds a remote shard has to answer (0: Xapian's 10)
  std::string query;           // words joined by spaces
  OutputFormat format = OutputFormat::Text;
  PrintOptions print;
  QueryOptions parse;
  SearchOptions search;
  bool batch = false;
  size_t jobs = 0;             // --batch: queries answered at once (0 = one per core)
  bool mapped_reads = true;    // read much-read database files through mappings (mapped_reads.h; newsquery's main)
  bool count = false;
  bool stats = false;
  std::string facet;           // month|year|site|author|section|type
  bool histogram = false;
  std::string histogram_unit;  // "" = by span, else day|month|year
  std::string output;          // articles|sources|urls: just those, unique
  bool null_separated = false; // -0
  bool correct = false;        // search the spelling-corrected query
  std::string links_to;        // URL or article id: the links pointing at it
  uint32_t before = 0, after = 0;  // passages of context around each hit
  std::string show;            // ARTICLE or ARTICLE#PASSAGE: print it whole
  bool duplicates = false;     // list the groups of copies of one story
  size_t terminal_width = 80;
  double recent_half_life_days = 0;  // --recent: blend a date decay into the ranking (0 = off)
  std::string now;                   // --now YYYY-MM-DD ("" = today)
};

// Returns the exit status: 0 something matched, 1 nothing did, 2 error (message on `err`).
int run_query_command(const QueryCommand& cmd, std::istream& in, std::ostream& out, std::ostream& err);

// The stderr line (without "newsquery: ") for a query the parser refused.
std::string query_error_message(const QueryError& e);

// One line for a wildcard that expands to more than --max-wildcard words.
std::string wildcard_error_line(const Xapian::WildcardError& e, Xapian::termcount max);

}  // namespace newsindex
