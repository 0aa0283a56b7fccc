#include "query/query_man.h"

#include <string_view>

#include "common/cli_docs.h"
#include "common/schema.h"
#include "query/query_help.h"

namespace newsindex {

namespace {

constexpr const char* kIntro =
    "newsquery(1) joins its arguments (or each line of standard input, with --batch) into one query. "
    "This page is the query language; newsquery --help-query prints the same summary.\n\n"
    "Words rank passages that hold more of them higher; with --and every word without an operator "
    "is required. --plain turns all syntax off: every word is a word, as for test-collection topics.";

constexpr const char* kAnalysis =
    "Every word, in the text, in a field and in the query, goes through the same ICU analysis: "
    "Unicode is NFKC case-folded; accents are ignored in Latin, Greek and Cyrillic (Zurich finds "
    "Zürich); curly and straight apostrophes are the same and possessives match the bare word; "
    "acronyms written in capitals (U.S., US, NATO) are one term that ranks above the pronoun \"us\"; "
    "hyphenated compounds match as written, as words and as a phrase; numbers are words; Chinese, "
    "Japanese, Thai, Khmer, Lao and Burmese are split into dictionary words. Words are stemmed in "
    "the index's language (English unless the articles declare another, or --language), and the "
    "unstemmed words are kept for phrases and =word.\n\n"
    "Operators AND OR NOT NEAR ADJ count only in capitals; apart from them and acronyms, letter "
    "case never changes what a query matches.\n\n"
    "A malformed query exits 2 with the column of the problem, for example:\n"
    "  newsquery: malformed query at column 1: unbalanced parenthesis: '(' is never closed\n"
    "A word the index has never seen, when a close one exists, gets \"did you mean\" on standard "
    "error (--correct searches the corrected query).";

constexpr const char* kExamples =
    "  newsquery 'nuclear NEAR/5 missiles'\n"
    "  newsquery --articles 'title:\"trade war\" date:2018-06..2018-07'\n"
    "  newsquery '(trade OR tariffs) AND japan -china'\n"
    "  newsquery 'site:www.washingtonpost.com decoup*'\n"
    "  newsquery --plain 'What is information science?'";

std::string_view after_first_line(std::string_view s) {
  const size_t nl = s.find('\n');
  return nl == std::string_view::npos ? s : s.substr(nl + 1);
}

}  // namespace

std::string query_man_page() {
  std::string out = roff_header("newsquery-query", "7", "the newsquery query language", "Miscellaneous");
  out += ".SH DESCRIPTION\n" + roff_prose(kIntro);
  out += ".SH SYNTAX\n" + roff_prose(after_first_line(kQueryHelpWords));
  out += ".SH FIELDS\n.PP\nA field's words go through the same analysis as the text.\n";
  for (const schema::Field& f : schema::kFields) {
    if (!(f.flags & schema::kUserField)) continue;
    out += ".TP\n\\fB" + roff_escape(std::string(f.name) + ":") + "\\fR\n" + roff_escape(f.description) + ".";
    if (auto example = query_field_example(f.id); !example.empty()) out += " Example: " + roff_escape(example);
    out += "\n";
  }
  out += roff_prose(kQueryHelpFieldRule);
  out += ".SH ANALYSIS\n" + roff_prose(kAnalysis);
  out += ".SH EXAMPLES\n" + roff_prose(kExamples);
  out += roff_see_also({"newsquery(1)", "newsindex(1)"});
  return out;
}

}  // namespace newsindex
