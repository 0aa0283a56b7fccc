// Fuzz target: the ICU analyzer on both sides. Index side: tokens of raw and repaired text,
// sentence breaks. Query side: the same text parsed as a query, its words found back in the
// text by the highlighter. Every offset must fall on a character boundary inside the text.
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include "common/errors.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "query/highlight.h"
#include "query/query_parser.h"
#include "common/terms.h"
#include "common/text_decode.h"

using namespace newsindex;

namespace {

void check_sentences(std::string_view text) {
  std::vector<size_t> breaks = fuzz::analyzer().sentence_breaks(text);
  fuzz::require(!breaks.empty() && breaks.back() == text.size(), "sentence breaks do not end at the text's end", text);
  size_t prev = 0;
  for (size_t b : breaks) {
    fuzz::require(b >= prev && b <= text.size(), "sentence breaks not ascending", text);
    fuzz::require(fuzz::on_boundary(text, b), "sentence break inside a character", text);
    prev = b;
  }
}

// True when ICU segments the word by dictionary (Han, kana and the marks used with them such as 々,
// Thai, Lao, Khmer, Burmese) or it holds CJK radicals: there a word's boundaries depend on the
// text around it by design, so the same characters alone may split differently. The user-facing rule for these scripts is that a query is
// analyzed as a whole, like the text (a multi-word CJK query is a phrase): checked by the tests.
bool segmented_by_context(std::string_view word) {
  static const icu::UnicodeSet kDictionary = [] {
    UErrorCode err = U_ZERO_ERROR;
    icu::UnicodeSet set(
        icu::UnicodeString::fromUTF8("[[:Line_Break=Complex_Context:][:Ideographic:][:Radical:][:scx=Hani:][:scx=Hira:][:scx=Kana:]]"),
        err);
    set.freeze();
    return set;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  return kDictionary.containsSome(u);
}

// A word found while indexing is found again when it is the whole query (what is indexed is
// what is searched).
void check_word_alone(std::string_view text, const Token& t) {
  std::string_view word = text.substr(t.start, t.end - t.start);
  if (segmented_by_context(word)) return;
  Analysis alone = fuzz::analyzer().analyze(word);
  fuzz::check_tokens(word, alone);
  fuzz::require(!alone.tokens.empty() && alone.tokens[0].term == t.term, "a word analyzed alone gives another term",
                std::string(word) + " | " + t.term);
}

void check_matches(std::string_view text, const std::vector<ByteRange>& ranges) {
  for (auto [s, e] : ranges) {
    fuzz::require(s < e && e <= text.size(), "highlight range outside the text", text);
    fuzz::require(fuzz::on_boundary(text, s) && fuzz::on_boundary(text, e), "highlight inside a character", text);
  }
}

}  // namespace

NEWSINDEX_FUZZ_TARGET(analyzer) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  std::string_view raw = fuzz::as_text(data + 1, size - 1);
  Analyzer& an = fuzz::analyzer();

  // Index side: the analyzer gets repaired text from the indexer, but must cope with anything.
  Analysis a = an.analyze(raw, AnalyzeOptions{(flags & 1) != 0});
  fuzz::check_tokens(raw, a);
  std::string text(raw);
  repair_utf8(text);
  Analysis valid = an.analyze(text);
  fuzz::check_tokens(text, valid);
  for (size_t i = 0; i < valid.tokens.size() && i < 8; ++i) check_word_alone(text, valid.tokens[i]);
  check_sentences(text);
  fuzz::require(fuzz::valid_utf8(normalize_word(raw)), "normalize_word returned invalid UTF-8");

  // Query side: raw bytes, as they come from a command line or a --batch line.
  QueryOptions qo;
  qo.plain = (flags & 2) != 0;
  qo.default_and = (flags & 4) != 0;
  ParsedQuery q;
  try {
    q = parse_query(raw, an, qo);
  } catch (const QueryError& e) {
    fuzz::require(e.column <= raw.size(), "query error column outside the query");
    return 0;
  }
  for (const auto* set : {&q.matches.raw, &q.matches.stems, &q.matches.acronyms})
    for (const std::string& w : *set) fuzz::require(fuzz::valid_utf8(w), "query term is not valid UTF-8", w);
  check_matches(text, find_matches(text, q.matches, an, stemmer_for("english")));
  return 0;
}
