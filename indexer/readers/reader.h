// Reading a source: format detection and dispatch to one reader per format.
#pragma once
#include <array>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/article.h"
#include "common/errors.h"

namespace newsindex {

enum class Format { Auto, News, Jsonl, Text, Html, Feed, Csv };  // stored by name, not number

struct ReadResult {
  std::vector<Article> articles;
  std::vector<InputError> problems;  // bad lines etc.; the rest of the source was read
};

// One row per input format: everything the indexer, the CLI and --help know of a format comes
// from here, so a new format is a reader file, a row and its tests.
struct ReaderEntry {
  Format format;
  std::string_view name;                       // --input-format NAME
  std::array<std::string_view, 4> extensions;  // lower case, no dot ("" = unused); .gz is looked through
  // The content says so before the extension is asked (JSON objects, markup) or only after it
  // (the news-text header); nullptr: never from content.
  bool (*sniff_first)(std::string_view head);
  bool (*sniff_after)(std::string_view head);
  ReadResult (*read)(std::string_view bytes, const std::string& source);
  bool lines;      // one article per line: cut into pieces of whole lines, an appended file read on
  bool raw_bytes;  // decodes its own bytes (a declared charset), so it is given them undecoded
  bool many;       // a whole file holds many articles (a feed): it is never cut to one article's
                   // size limit; each article is
};

// The formats in detection order; plain text, the fallback, comes last.
std::span<const ReaderEntry> readers();
const ReaderEntry& reader_for(Format f);  // f != Auto

std::optional<Format> format_from_name(std::string_view name);  // a reader's name, or "auto"
std::string_view format_name(Format f);
std::vector<std::string> format_names();  // "auto" and each reader's name, for the CLI

// A file name's extension in lower case, looking through ".gz" ("a/B.JSONL.gz" -> "jsonl"); empty
// when there is none.
std::string file_extension(std::string_view path);

// Picks a format from the content first (JSON object lines, markup), then from the extension,
// then from the content again (the news-text header); plain text when nothing says otherwise.
Format detect_format(std::string_view path, std::string_view text);

// Whether a source of format `f` (not Auto) beginning with `head` is read line by line and may be
// cut into pieces of lines: JSON Lines, but not a .json file that is one pretty-printed document.
bool reads_by_lines(Format f, std::string_view head);

// Reads a source in its format (detected when Auto): decoded UTF-8 text, or the raw bytes for a
// raw_bytes reader. Throws InputError when nothing in the source is usable.
ReadResult read_source(std::string_view bytes, const std::string& source, Format format);

}  // namespace newsindex
