// newsquery's help groups, examples and man page prose (the options describe themselves).
#pragma once
#include "common/program_doc.h"

namespace newsindex {

inline ProgramDoc newsquery_doc() {
  ProgramDoc d;
  d.name = "newsquery";
  d.summary = "search a newsindex database; passages ranked by relevance";
  d.synopsis = "newsquery [OPTIONS] QUERY...";
  d.description =
      "newsquery ranks the passages (paragraphs) of the articles in a newsindex database by "
      "relevance to QUERY and prints them, best first, with the matched words highlighted: for a "
      "person at a terminal, and for shell pipelines (JSON Lines, TSV, TREC runs, grep-like exit "
      "statuses, queries from standard input with --batch).\n\n"
      "The words of QUERY are joined into one query in the query language of newsquery-query(7) "
      "(newsquery --help-query): words, \"phrases\", =exact words, prefix*, AND OR NOT NEAR ADJ, "
      "+required -excluded, fields such as title: site: date:. --plain reads every word as a word. "
      "A query word that begins with - (anywhere in the query) must follow -- or sit inside one quoted argument.\n\n"
      "The database is --db PATH, else $NEWSINDEX_DB, else ./newsindex.db.";
  d.groups = {
      {"Answers instead of hits",
       {"--count", "--output", "--null", "--facet", "--histogram", "--histogram-unit", "--show", "--links-to",
        "--duplicates", "--stats"}},
      {"Output",
       {"--format", "--color", "--header", "--snippet-length", "--context", "--after-context", "--before-context",
        "--explain", "--format-version"}},
      {"Ranking tuning",
       {"--k1", "--b", "--article-k1", "--article-b", "--fusion-weight", "--fusion-length-power",
        "--proximity-weight", "--context-weight", "--candidates", "--widening", "--feedback", "--feedback-docs",
        "--feedback-terms", "--feedback-weight", "--feedback-pivot", "--feedback-long-pivot", "--feedback-from",
        "--feedback-gap",
        "--feedback-short-weight", "--feedback-short-words",
        "--passage-feedback", "--stopwords", "--request-language", "--mmap"}},
      {"Limits", {"--max-wildcard", "--max-terms", "--max-depth"}},
  };
  d.examples = {
      {"newsquery decoupling japan", "passages with either word, best first"},
      {"newsquery --articles '\"extended deterrence\"'", "one row per article"},
      {"newsquery -f json 'title:brown date:2005..' | jq .text", "JSON Lines to jq"},
      {"newsquery --batch -f trec < topics.tsv", "one query per line, QID<TAB>query"},
      {"newsquery --output sources -0 japan | xargs -0 ls -l", "the files that match"},
  };
  d.sections = {
      {"EXIT STATUS",
       "0: something matched. 1: nothing matched (nothing is printed on standard output); --show of an unknown "
       "article or of a passage past its last. 2: an error (missing or incompatible database, malformed query, "
       "a mistyped or empty field, a bad option), with one line on standard error.\n\n"
       "With --batch, a line that cannot be parsed is reported on standard error with its line number and the "
       "batch goes on; the status is 0 when any query matched."},
      {"ENVIRONMENT",
       "NEWSINDEX_DB: the database when --db is not given.\n\n"
       "NO_COLOR: when set and not empty, --color auto does not colour.\n\n"
       "COLUMNS: the width text output wraps to when standard output is not a terminal."},
      {"FILES", "./newsindex.db: the database when neither --db nor NEWSINDEX_DB is given."},
  };
  d.see_also = {"newsindex(1)", "newsquery-query(7)", "newsindex-formats(5)", "newseval(1)", "jq(1)"};
  d.query_words = true;
  return d;
}

}  // namespace newsindex
