// newsindex's help groups, examples and man page prose (the options describe themselves).
#pragma once
#include "common/program_doc.h"

namespace newsindex {

inline ProgramDoc newsindex_doc() {
  ProgramDoc d;
  d.name = "newsindex";
  d.summary = "index news articles for passage search";
  d.synopsis = "newsindex [OPTIONS] PATH...";
  d.description =
      "newsindex reads news articles (news text, HTML pages, RSS and Atom feeds, JSON Lines dumps, plain text; see "
      "newsindex-formats(5)), splits them into paragraph-sized passages, analyzes every word with ICU "
      "and writes articles, passages and their links into a Xapian database, which newsquery(1) "
      "searches.\n\n"
      "PATH is a file, a directory (walked recursively, in sorted order) or - for standard input. Each "
      "file's format is detected from its content, then its extension; .gz files are decompressed.\n\n"
      "Indexing is incremental: an unchanged file is passed over without being opened, a changed file's "
      "records are replaced, and a JSON Lines file that grew is read on from where it was indexed. Work "
      "is committed in batches; killed at any moment, the database opens and holds every committed batch, "
      "and the same command run again finishes the work. Copies of one story (wire copies, a page saved "
      "twice) are found and grouped with it.\n\n"
      "The database is --db PATH, else $NEWSINDEX_DB, else ./newsindex.db. A final line on standard "
      "error sums up the run.";
  d.groups = {
      {"Maintenance", {"--force", "--prune", "--remove", "--list", "--compact"}},
      {"Output", {"--quiet", "--verbose", "--quiet-copies", "--format"}},
      {"Copies of a story", {"--near-duplicates", "--keep-duplicates"}},
      {"Indexing tuning",
       {"--jobs", "--shards", "--parallel-shards", "--memory-limit", "--batch-size", "--lock-timeout", "--max-words", "--title-weight",
        "--max-file-size", "--max-article-size"}},
  };
  d.examples = {
      {"newsindex ~/saved-articles/", "index a folder (again: only what changed)"},
      {"newsindex --db news.db dump.jsonl.gz", "a JSON Lines dump into news.db"},
      {"newsindex --prune ~/saved-articles/", "also drop articles whose files are gone"},
      {"newsindex --list --format json", "indexed sources as JSON Lines"},
  };
  d.sections = {
      {"EXIT STATUS",
       "0: everything was indexed (or unchanged). 1: some input was rejected; each rejected file or JSON "
       "line is named on standard error with the reason, and is read again by the next run. 2: a fatal "
       "error (database missing, locked, of another schema version, unwritable) or an interrupted run "
       "(SIGINT or SIGTERM: the work done so far is committed)."},
      {"ENVIRONMENT",
       "NEWSINDEX_DB: the database when --db is not given. XAPIAN_MAX_CHANGESETS: how many commits' "
       "changesets each database (each shard and meta/) keeps for its replicas when --changesets is not "
       "given (default none); see docs/scale-out.md."},
      {"FILES", "./newsindex.db: the database when neither --db nor NEWSINDEX_DB is given."},
  };
  d.see_also = {"newsquery(1)", "newsindex-formats(5)", "newsquery-query(7)"};
  return d;
}

}  // namespace newsindex
