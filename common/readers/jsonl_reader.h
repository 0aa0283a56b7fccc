// JSON Lines dumps: one article object per line (DESIGN.md schema); bad lines are reported
// with their line number and skipped.
#pragma once
#include <string>
#include <string_view>

#include "readers/reader.h"

namespace newsindex {

// Parses one line (1-based `line_no`); throws InputError naming source:line when unusable.
Article parse_jsonl_line(std::string_view line, const std::string& source, size_t line_no);

ReadResult read_jsonl(std::string_view text, const std::string& source);

// Splits text into paragraphs at blank lines; lines inside a paragraph are joined by a space.
std::vector<std::string> split_paragraphs(std::string_view text);

}  // namespace newsindex
