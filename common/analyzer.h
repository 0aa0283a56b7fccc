// The ICU analyzer: one tokenizer for indexing, querying and highlighting, so that what is
// indexed, what is searched and what is highlighted always agree.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex {

struct Token {
  std::string term;       // normalized: NFKC case-folded, Latin/Greek/Cyrillic accents removed,
                          // apostrophes unified, possessive 's dropped, acronym dots removed
  uint32_t start = 0;     // byte offsets of the word in the analyzed UTF-8 text
  uint32_t end = 0;
  uint32_t pos = 0;       // word position, 0-based
  bool acronym = false;   // U.S., NATO (capitals in running text)
  bool stemmable = false; // a word of letters (not a number, not CJK)
  bool joined = false;    // glued to the previous token by a hyphen (Mar-a-Lago, Jong-un)
};

struct AnalyzeOptions {
  // Words in capitals are acronyms unless the text is mostly capitals (a pasted headline).
  bool caps_acronyms = true;
  // Text of ASCII and plain punctuation is split into words by a scanner that follows ICU's
  // root word rules, without ICU's break iterator (several times faster, same tokens). false
  // always takes ICU's iterator: tests compare the two.
  bool ascii_fast_path = true;
};

struct Analysis {
  std::vector<Token> tokens;
  size_t invalid_utf8 = 0;  // invalid sequences seen (treated as U+FFFD, never a term)
  bool shouting = false;    // mostly capitals: capitals were not taken as acronyms
};

// Not thread-safe: holds ICU break iterators. Use one Analyzer per thread.
class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  Analysis analyze(std::string_view utf8, const AnalyzeOptions& opts = {});
  // The same into `out`, reusing its storage: an indexer analyzing passage after passage then
  // allocates almost nothing.
  void analyze_into(std::string_view utf8, Analysis& out, const AnalyzeOptions& opts = {});

  // Sentence boundaries (byte offsets, ascending, ending with utf8.size()).
  std::vector<size_t> sentence_breaks(std::string_view utf8);

  // Words longer than this (in bytes, normalized) are not terms: base64 junk, URLs glued together.
  static constexpr size_t kMaxTermBytes = 64;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Normalizes one word the way the analyzer does (for field values and tests).
std::string normalize_word(std::string_view utf8);

}  // namespace newsindex
