// JSON Lines dumps: one article object per line (docs/formats.md); bad lines are reported
// with their line number and skipped. A file that is one JSON document instead (pretty-printed,
// an array of articles) goes to json_document.h.
#pragma once
#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/reader.h"

namespace newsindex {

// Parses one line (1-based `line_no`); throws InputError naming source:line when unusable.
Article parse_jsonl_line(std::string_view line, const std::string& source, size_t line_no);

// One article from a parsed JSON object (the fields of docs/formats.md and their other names);
// throws InputError naming `where` when unusable. `line_no` is stored as the article's line
// (0: none, as in a pretty-printed document).
Article article_from_json(const nlohmann::json& j, const std::string& source, const std::string& where, size_t line_no);

// The object's article text (the first of "text", "body", "content", "maintext", "article",
// "description", "summary", "short_description", "abstract" that is a string), or nullptr: an
// object without one is not an article.
const nlohmann::json* json_article_text(const nlohmann::json& j);

// The names json_article_text() reads, from the `from`-th on, quoted, for messages:
// "\"text\", \"body\", … or \"abstract\"".
std::string json_text_names(size_t from = 0);

// How errors name the index-th (0-based) article of a JSON array found at `where`.
std::string element_name(const std::string& where, size_t index);

// False when `text` is one pretty-printed JSON document rather than JSON Lines: its first
// non-blank line is "{" alone, or opens an array it does not close ("[", "[{", "[{…},"). True
// otherwise, also when that line runs past the end of `text` (a sniffed head cannot tell).
bool json_lines_shape(std::string_view text);

// A whole .json/.jsonl source: JSON Lines, or one JSON document (json_document.h) when its first
// line says so and the document gives articles (else its lines are read, as a dump whose first
// line is broken).
ReadResult read_jsonl(std::string_view text, const std::string& source);

// The reading loop on its own: each(article) for every usable line of `text` (numbered from
// `first_line`), and an InputError naming source:line in `problems` for each unusable one, or
// for one each() rejected. Blank lines are skipped; a line holding an array gives each of its
// objects. The indexer streams pieces of big dumps
// through it, building each article as it comes.
void for_each_jsonl_article(std::string_view text, const std::string& source, uint64_t first_line,
                            const std::function<void(Article&)>& each, std::vector<InputError>& problems);

// Splits text into paragraphs at blank lines; lines inside a paragraph are joined by a space.
std::vector<std::string> split_paragraphs(std::string_view text);

}  // namespace newsindex
