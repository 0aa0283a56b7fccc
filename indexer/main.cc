// newsindex: reads news articles (news text, HTML, JSON Lines, plain text) into a Xapian database.
#include <CLI/CLI.hpp>
#include <xapian.h>

#include <cstdlib>
#include <iostream>

#include "common/cli_docs.h"
#include "common/cli_format.h"
#include "common/db_path.h"
#include "common/errors.h"
#include "indexer/indexing.h"
#include "common/schema.h"
#include "indexer/signals.h"
#include "indexer/synonyms.h"
#include "indexer/index_admin.h"
#include "indexer/formats_man.h"
#include "indexer/newsindex_doc.h"
#include "common/version.h"

int main(int argc, char** argv) {
  using namespace newsindex;
  CLI::App app{"newsindex: index news articles for passage search", "newsindex"};
  IndexOptions o;
  std::string db, format = "auto";
  std::vector<std::string> paths;
  app.add_option("--db", db, "Database path (default: $NEWSINDEX_DB, else ./newsindex.db)");
  std::string names;
  for (const auto& n : format_names()) names += (names.empty() ? "" : ", ") + n;
  app.add_option("--input-format", format, "Force the input format instead of detecting it: " + names)
      ->check(CLI::IsMember(format_names()));
  app.add_option("--language", o.build.language,
                 "Stemming language for all articles (BCP 47 or Xapian name; default: the article's, else English)");
  app.add_option("--include", o.walk.include, "Only index files whose name or path matches this glob (repeatable); they are read whatever their type (a walk otherwise passes over styles, scripts, images, media, archives)")
      ->allow_extra_args(false);
  app.add_option("--exclude", o.walk.exclude, "Skip files whose name or path matches this glob (repeatable)")
      ->allow_extra_args(false);
  app.add_flag("--hidden", o.walk.hidden, "Also index hidden files and directories found while walking");
  app.add_flag("--prune", o.prune, "Remove sources under the given directories that no longer exist");
  app.add_flag("--force", o.force, "Re-index sources even when unchanged");
  app.add_option("--lock-timeout", o.writer.lock_timeout, "Seconds to wait for another writer's lock (default 0)");
  app.add_option("--shards", o.writer.shards,
                 "Create the index as this many shards (DB/shards stub, DB/shard-NN, DB/meta); every later run finds them")
      ->check(CLI::Range(1, 99));
  app.add_flag("--parallel-shards", o.writer.parallel_shards,
               "With --shards when creating the index: one writer per shard, each article in the shard its key "
               "chooses (faster bulk loads; copies are found only within a shard); every later run finds it");
  app.add_option("--batch-size", o.writer.batch_documents,
                 "Documents per committed transaction: the most a kill can lose (default 4000)")
      ->check(CLI::PositiveNumber);
  int changesets = -1;
  app.add_option("--changesets", changesets,
                 "Keep each database's last N commits' changesets, so replicas (xapian-replicate) catch up "
                 "with them instead of a full copy (default: XAPIAN_MAX_CHANGESETS, else none)")
      ->check(CLI::Range(0, 100000));
  app.add_option("-j,--jobs", o.jobs, "Worker threads for parsing and analysis (default: one per core)")
      ->check(CLI::Range(1, 256));
  double memory_mb = static_cast<double>(o.memory_limit >> 20);
  app.add_option("--memory-limit", memory_mb,
                 "Megabytes of input and built documents in flight between reader, workers and writer (default 256)")
      ->check(CLI::Range(8.0, 1e6));
  app.add_option("--max-words", o.build.segment.max_words, "Split paragraphs longer than this many words (default 150)");
  app.add_option("--title-weight", o.build.title_weight,
                 "Article ranking: a title word counts as this many words of text (default 3; 0 = only for title:)");
  app.add_option("--max-file-size", o.max_file_bytes, "Refuse files larger than this many bytes (default 1 GiB)");
  app.add_option("--max-article-size", o.build.max_article_bytes,
                 "Index at most this many bytes of one article's text; the rest is cut, with a warning (default 4 MiB)")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 40));
  app.add_option("--near-duplicates", o.writer.near_duplicate,
                 "MinHash similarity above which an article is a copy of an indexed one (default 0.8; 1 = exact copies only)")
      ->check(CLI::Range(0.0, 1.0));
  bool keep_duplicates = false;
  app.add_flag("--keep-duplicates", keep_duplicates, "Index copies of the same story separately");
  std::string synonyms;
  app.add_option("--synonyms", synonyms, "Synonym groups, one per line (\"car, automobile\"), used by every query");
  app.add_flag("-q,--quiet", o.quiet, "No progress output (the summary line is always printed)");
  app.add_flag("-v,--verbose", o.verbose, "Name each source's format and what became of it (indexed, unchanged, rejected)");
  bool quiet_copies = false;
  app.add_flag("--quiet-copies", quiet_copies, "Do not name each copy of an indexed story on stderr (errors still are)");
  app.add_flag("--category-from-dir", o.build.category_from_dir,
               "An article without a category takes its file's folder name (business/001.txt: business)");
  app.set_version_flag("--version", version_text("newsindex"), "Print the version, the schema version and the Xapian and ICU versions, and exit");
  bool remove = false, list = false, compact = false;
  std::string list_format = "text";
  app.add_flag("--remove", remove, "Remove the given sources (files, directories) or article ids from the index");
  app.add_flag("--list", list, "List indexed sources (all, or those under the given paths) with their counts and last indexed time");
  app.add_flag("--compact", compact, "Compact the database (Xapian compaction), reporting size before and after");
  app.add_option("--format", list_format, "Output of --list: text, json (JSON Lines) or csv")->check(CLI::IsMember({"text", "json", "csv"}));
  app.add_option("paths", paths, "Files, directories (recursive) or - for standard input");
  use_help_formatter(app, newsindex_doc());
  add_generate_option(app, newsindex_doc(), {{"formats-man", formats_man_page}});
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return cli_parse_error(app, e, "newsindex");
  }
  // Xapian reads the variable at each commit. Changesets cost disk and write time (a batch's
  // changeset is about the blocks it rewrote: more than the index itself over a bulk load), so
  // only a database that is replicated keeps them. Set before any thread starts.
  if (changesets >= 0) ::setenv("XAPIAN_MAX_CHANGESETS", std::to_string(changesets).c_str(), 1);
  o.db = resolve_db_path(db);
  o.memory_limit = static_cast<uint64_t>(memory_mb * (1 << 20));
  if (keep_duplicates) o.writer.near_duplicate = 0;
  else if (o.writer.near_duplicate >= 1) o.writer.near_duplicate = 1.01;  // exact copies only
  o.build.near_duplicate_keys = o.writer.near_duplicate > 0 && o.writer.near_duplicate <= 1;
  o.writer.on_note = [](const std::string& note) { std::cerr << "newsindex: " << note << '\n'; };
  o.writer.note_copies = !quiet_copies;
  if (paths.empty() && !list && !compact) {
    std::cerr << "newsindex: nothing to do: give files or directories to index (see --help)\n";
    return 2;
  }
  o.format = *format_from_name(format);
  try {
    if (list || remove || compact) {
      int status = 0;
      if (remove) {
        RemoveResult r;
        {
          auto w = open_writer(o.db, o.writer);
          r = remove_targets(*w, paths, std::cerr);
        }
        std::cerr << "newsindex: removed " << r.sources << " sources, " << r.articles << " articles\n";
        status = r.not_found ? 1 : 0;
        // A removed file held the newer copy of an article another file still holds: index that one.
        for (const auto& p : r.read_again)
          std::cerr << "newsindex: " << printable_name(p) << ": holds an article removed with another file: read again\n";
        if (!r.read_again.empty()) {
          o.quiet = true;
          IndexSummary s = read_again(r.read_again, o, std::cerr);
          std::cerr << format_summary(s) << '\n';
          if (s.rejected) status = 1;
        }
      }
      if (compact) {
        CompactResult c = compact_database(o.db, o.writer.lock_timeout);
        std::cerr << "newsindex: compacted " << o.db << ": " << c.before_bytes << " -> " << c.after_bytes << " bytes\n";
      }
      if (list) {
        auto w = open_writer(o.db, o.writer);
        auto printer = make_structured_printer(*structured_format_from_name(list_format), std::cout);
        list_sources(*w, paths, *printer);
      }
      return status;
    }
    install_stop_signals();  // SIGINT/SIGTERM: commit what is done, then exit 2 below
    IndexSummary s = run_indexing(paths, o, std::cerr);
    if (!synonyms.empty()) {
      auto writer = open_writer(o.db, o.writer);
      Analyzer analyzer;
      try {
        size_t groups = load_synonyms(writer->meta(), synonyms, analyzer);
        std::cerr << "newsindex: " << groups << " synonym groups from " << synonyms << '\n';
      } catch (const InputError& e) {
        std::cerr << "newsindex: " << e.what() << '\n';
        s.rejected++;
      }
    }
    std::cerr << format_summary(s) << '\n';
    if (s.interrupted) {
      std::cerr << "newsindex: interrupted: the work done so far is committed; run the same command again to "
                   "finish\n";
      return 2;
    }
    return s.rejected ? 1 : 0;
  } catch (const DatabaseError& e) {
    std::cerr << "newsindex: " << e.what() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "newsindex: " << printable_name(o.db) << ": " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "newsindex: " << e.what() << '\n';
  }
  return 2;
}
