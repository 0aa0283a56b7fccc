#include "query/output/printer.h"

namespace newsindex {

std::unique_ptr<Printer> make_json_printer(std::ostream& out, const PrintOptions& o);
std::unique_ptr<Printer> make_trec_printer(std::ostream& out, const PrintOptions& o);
std::unique_ptr<Printer> make_text_printer(std::ostream& out, const PrintOptions& o);

std::optional<OutputFormat> output_format_from_name(std::string_view name) {
  if (name == "text") return OutputFormat::Text;
  if (name == "json" || name == "jsonl") return OutputFormat::Json;
  if (name == "tsv") return OutputFormat::Tsv;
  if (name == "csv") return OutputFormat::Csv;
  if (name == "trec") return OutputFormat::Trec;
  return std::nullopt;
}

StructuredFormat structured_format(OutputFormat f) {
  switch (f) {
    case OutputFormat::Json: return StructuredFormat::Json;
    case OutputFormat::Csv: return StructuredFormat::Csv;
    case OutputFormat::Text:
    case OutputFormat::Tsv:
    case OutputFormat::Trec: break;
  }
  return StructuredFormat::Text;
}

std::unique_ptr<Printer> make_printer(OutputFormat f, std::ostream& out, const PrintOptions& o) {
  switch (f) {
    case OutputFormat::Json: return make_json_printer(out, o);
    case OutputFormat::Tsv: return make_row_printer(make_tsv_sprinter(out), o.header ? RowHeader::First : RowHeader::None, o);
    // CSV readers take the first row for the column names: it is always there when there are hits.
    case OutputFormat::Csv: return make_row_printer(make_csv_sprinter(out), RowHeader::BeforeHits, o);
    case OutputFormat::Trec: return make_trec_printer(out, o);
    case OutputFormat::Text: break;
  }
  return make_text_printer(out, o);
}

}  // namespace newsindex
