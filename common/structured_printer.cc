#include "common/structured_printer.h"

namespace newsindex {

std::optional<StructuredFormat> structured_format_from_name(std::string_view name) {
  if (name == "json" || name == "jsonl") return StructuredFormat::Json;
  if (name == "tsv") return StructuredFormat::Tsv;
  if (name == "csv") return StructuredFormat::Csv;
  if (name == "text") return StructuredFormat::Text;
  return std::nullopt;
}

std::unique_ptr<StructuredPrinter> make_structured_printer(StructuredFormat format, std::ostream& out) {
  switch (format) {
    case StructuredFormat::Json: return make_json_sprinter(out);
    case StructuredFormat::Tsv: return make_tsv_sprinter(out);
    case StructuredFormat::Csv: return make_csv_sprinter(out);
    case StructuredFormat::Text: break;
  }
  return make_text_sprinter(out);
}

}  // namespace newsindex
