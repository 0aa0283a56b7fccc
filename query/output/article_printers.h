// Whole articles and groups of copies through the structured printer: --show and --duplicates.
#pragma once
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "common/structured_printer.h"
#include "query/article_store.h"

namespace newsindex {

// Prints a whole article as indexed (title, date, url, sections, passages, links): its stored
// data with its passages, headings and links as one record, or the text for people.
void print_article(const ArticleStore& store, const std::string& id, std::optional<uint32_t> jump,
                   StructuredPrinter& out);

// Prints every story that has copies, a record each: the article it began with (when still
// indexed) and its copies, each with its source. Returns the number of groups.
size_t print_duplicate_groups(const Xapian::Database& db, StructuredPrinter& out);

}  // namespace newsindex
