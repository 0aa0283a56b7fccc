// One printer interface for hits, one per output format (text, json, tsv, csv, trec): commands emit
// hits once, and each printer lays them out through a structured printer backend.
#pragma once
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/structured_printer.h"
#include "query/hit.h"

namespace newsindex {

enum class OutputFormat { Text, Json, Tsv, Csv, Trec };
std::optional<OutputFormat> output_format_from_name(std::string_view name);
// The backend of the outputs that are not hits (facets, the histogram, --show, --duplicates,
// --stats, -c): JSON for json, CSV for csv; text for the others, as TSV and TREC describe hits only.
StructuredFormat structured_format(OutputFormat f);

struct PrintOptions {
  bool color = false;        // ANSI colour (text only)
  bool header = false;       // TSV header line
  bool batch = false;        // hits carry their qid
  bool articles = false;     // TREC ids are article ids
  size_t snippet_length = 0; // text mode: trim around the matches (0 = whole passage)
};

class Printer {
 public:
  virtual ~Printer() = default;
  virtual void begin() {}
  // --batch: a query's hits follow (text output heads them with "# QID: query"); `note` says why
  // none do ("no hits"), "" when some do.
  virtual void batch_query(const std::string& /*qid*/, const std::string& /*query*/, std::string_view /*note*/) {}
  virtual void hit(const Hit& h) = 0;
  virtual void end() {}
};

std::unique_ptr<Printer> make_printer(OutputFormat f, std::ostream& out, const PrintOptions& o);

// When a row printer writes the names of its columns: never, first of all (TSV's --header), or
// before the first hit, so that an answer without hits has none.
enum class RowHeader { None, First, BeforeHits };
// A row per hit, the fields of kTsvFields through a row backend (TSV, CSV).
std::unique_ptr<Printer> make_row_printer(std::unique_ptr<StructuredPrinter> rows, RowHeader header, const PrintOptions& o);

// The record of one hit as a map (the JSON Lines contract), without its separator.
void sprint_hit(StructuredPrinter& out, const Hit& h, bool with_qid);

// TSV field order (documented in docs/output.md). New fields are appended (format version 2: category).
inline constexpr std::string_view kTsvFields =
    "rank\tscore\ttype\tarticle\tpassage\tdate\ttitle\tsection\turl\tsource\ttext\tmatches\tcategory";

// The part of `text` a snippet of about `length` bytes shows: around the first match, cut at
// spaces and character boundaries ([from, to) byte offsets; the whole text when length is 0).
std::pair<size_t, size_t> snippet_span(std::string_view text, const std::vector<ByteRange>& matches, size_t length);

}  // namespace newsindex
