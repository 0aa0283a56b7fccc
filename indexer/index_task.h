// The unit of work of an indexing run: a piece of one source (a block of JSON Lines, or a whole
// file) and what a worker thread makes of it — built documents and the problems found.
#pragma once
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <vector>

#include "common/analyzer.h"
#include "indexer/doc_builder.h"
#include "common/errors.h"
#include "indexer/source_record.h"
#include "indexer/readers/reader.h"

namespace newsindex {

struct Piece {
  enum class Kind {
    Start,    // a JSON Lines source begins: from scratch (`fresh`) or resumed after what is indexed
    Lines,    // complete JSON Lines, the first numbered first_line
    Whole,    // a whole source in one piece (raw bytes, any format)
    Done,     // a JSON Lines source was read to its end
    Touched,  // content unchanged, only the file's time moved: re-record it
    Failed,   // the source could not be read
  };
  Kind kind = Kind::Lines;
  uint64_t seq = 0;
  std::string source;     // the name it is recorded under (the path, or stdin:HASH)
  Format format = Format::Auto;
  bool fresh = false;     // Start: drop what the source had before
  std::string text;       // Lines / Whole
  uint64_t first_line = 1;
  // The source's record as it stands once this piece is written: size, mtime, and for JSON
  // Lines the resume point (indexed_bytes, lines, prefix_hash); `hash` is set only by Done,
  // Touched and Whole, which complete a source.
  SourceRecord record;
  std::optional<InputError> error;  // Failed
  uint64_t input_bytes = 0;         // bytes of the source this piece covers (progress)
  uint64_t charge = 0;              // bytes held against --memory-limit until written
};

struct PieceResult {
  Piece piece;                        // its text released
  std::vector<BuiltArticle> built;
  std::vector<InputError> problems;   // rejected lines, or the whole source (Whole)
  std::vector<std::string> warnings;  // one line each, for stderr
  bool rejected_whole = false;        // Whole: nothing of the source is usable
  Format format = Format::Auto;       // the format it was read as (detected, or forced)
  std::exception_ptr fatal;           // an unexpected failure, rethrown by the writer
};

// Parses, segments and analyzes a piece (a worker's job; `analyzer` is the worker's own).
PieceResult process_piece(Piece piece, Analyzer& analyzer, const BuildOptions& opts);

// Roughly the memory held by built documents (for --memory-limit): each term of an in-memory
// Xapian::Document costs a map node, its string and its positions.
uint64_t estimate_bytes(const std::vector<BuiltArticle>& built);

}  // namespace newsindex
