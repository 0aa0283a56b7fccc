// The query language: words, "phrases", AND/OR/NOT, +/-, parentheses, NEAR/n, ADJ/n, trailing
// wildcards, =exact words, field:value and date ranges. Every word goes through the Analyzer,
// so queries match exactly what was indexed.
#pragma once
#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/analyzer.h"
#include "common/errors.h"

namespace newsindex {

// How `name:` at the start of a query word reads (docs/manual.md, "Query language"). A known field name,
// in any letter case, is a field. A name of three or more ASCII letters that is one edit from a
// known field (two for names of seven letters or more) is a mistyped field: an error naming the
// field meant, since a silent zero hits would hide the slip. Anything else is part of a word:
// https://…, 10:30, re:invent, std::vector.
struct FieldName {
  enum class Kind { Word, Field, Misspelt };
  Kind kind = Kind::Word;
  std::string name;        // Field: the field, lower-cased; Misspelt: the name as typed
  std::string suggestion;  // Misspelt: the nearest known field
};
FieldName classify_field_name(std::string_view name);

// `categroy:tech`: a field name that is a slip of a known one. The column is the name's.
struct UnknownFieldError : QueryError {
  UnknownFieldError(std::string field_name, std::string nearest, size_t col)
      : QueryError("unknown field \"" + field_name + "\"", col), name(std::move(field_name)),
        suggestion(std::move(nearest)) {}
  std::string name, suggestion;
};

// What the highlighter marks in a passage: the same forms the query searched.
struct MatchSet {
  std::set<std::string> raw;        // exact words (phrases, =word, non-stemmable words)
  std::set<std::string> stems;      // stems of stemmable words (in the query's language and others')
  std::vector<std::string> other_languages;  // QueryOptions::other_languages: their stems count too
  std::set<std::string> acronyms;   // acronym terms (normalized, no prefix)
  std::vector<std::string> prefixes;// wildcard prefixes
  bool empty() const { return raw.empty() && stems.empty() && acronyms.empty() && prefixes.empty(); }
};

struct QueryOptions {
  bool plain = false;             // natural-language text: no operators, every word a word
  bool default_and = false;       // words without an operator must all match
  bool stopwords = true;          // plain: leave out English function words (unless only they are left)
  bool request_language = true;   // plain: leave out request phrases ("I am interested in", "papers on")
  std::string language = "english";  // newsquery leaves it empty unless told: the index's language
  // The index's other languages, when it has several and none was asked for: a word also matches
  // its stem in each (one synonym group), so "Entkopplungen" finds German articles in a mixed index.
  std::vector<std::string> other_languages;
  Xapian::termcount max_wildcard = 1000;  // a wildcard expanding to more terms is an error
  size_t max_terms = 1000;                // longer queries are refused
  size_t max_depth = 100;                 // parenthesis nesting
  const Xapian::Database* synonyms = nullptr;  // synonym groups stored at index time
  std::string today;                      // YYYY-MM-DD for relative dates ("" = the clock's)
};

struct ParsedQuery {
  Xapian::Query query;    // the ranked part (empty = match everything, e.g. only filters)
  Xapian::Query article_query;  // the same in the article records' terms (schema: article_body)
  Xapian::Query filter;   // boolean filters (empty = none)
  // The ranked part names only body words (no title:/author:/... words, no NOT): it can match
  // passages and links but never an article or source record, so needs no kind filter.
  bool body_only = false;
  MatchSet matches;
  std::vector<std::string> words;  // normalized query words, for spelling suggestions
};

// Throws QueryError (with the byte column of the problem) on a malformed query.
ParsedQuery parse_query(std::string_view text, Analyzer& analyzer, const QueryOptions& opts);

// Date range bounds for date:FROM..TO ("2018", "2018-06", "2018-06-01", or relative to
// `today`: "7d", "2w", "3m", "1y"); open ends allowed. Returns YYYYMMDD strings for the value
// range (lo "" / hi "" = open).
std::pair<std::string, std::string> parse_date_range(std::string_view value, size_t column,
                                                     const std::string& today);

}  // namespace newsindex
