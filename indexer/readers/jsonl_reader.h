// JSON Lines dumps: one article object per line (docs/formats.md); bad lines are reported
// with their line number and skipped.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/reader.h"

namespace newsindex {

// Parses one line (1-based `line_no`); throws InputError naming source:line when unusable.
Article parse_jsonl_line(std::string_view line, const std::string& source, size_t line_no);

ReadResult read_jsonl(std::string_view text, const std::string& source);

// The reading loop on its own: each(article) for every usable line of `text` (numbered from
// `first_line`), and an InputError naming source:line in `problems` for each unusable one, or
// for one each() rejected. Blank lines are skipped. The indexer streams pieces of big dumps
// through it, building each article as it comes.
void for_each_jsonl_article(std::string_view text, const std::string& source, uint64_t first_line,
                            const std::function<void(Article&)>& each, std::vector<InputError>& problems);

// Splits text into paragraphs at blank lines; lines inside a paragraph are joined by a space.
std::vector<std::string> split_paragraphs(std::string_view text);

}  // namespace newsindex
