// Reading a source: format detection and dispatch to one reader per format.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/article.h"
#include "common/errors.h"

namespace newsindex {

enum class Format { Auto, News, Jsonl, Text, Html };

std::optional<Format> format_from_name(std::string_view name);  // news|jsonl|text|html|auto
std::string_view format_name(Format f);

// Picks a format from the content first (JSON object lines, markup, the news-text header),
// then from the extension.
Format detect_format(std::string_view path, std::string_view text);

struct ReadResult {
  std::vector<Article> articles;
  std::vector<InputError> problems;  // bad lines etc.; the rest of the source was read
};

// Reads already-decoded UTF-8 text (HTML takes raw bytes: it decodes by its own declaration).
// Throws InputError when nothing in the source is usable.
ReadResult read_source(std::string_view bytes, const std::string& source, Format format);

}  // namespace newsindex
