// newsquery: ranks passages (or articles) of a newsindex database and prints them.
#include <CLI/CLI.hpp>
#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "common/cli_docs.h"
#include "common/cli_format.h"
#include "common/database.h"
#include "common/db_path.h"
#include "common/errors.h"
#include "query/mapped_reads.h"
#include "query/query_command.h"
#include "query/newsquery_doc.h"
#include "query/query_help.h"
#include "query/query_man.h"
#include "common/version.h"
#include "query/dash_words.h"
#include "query/ranking/recency.h"
#include <sys/ioctl.h>
#include "common/schema.h"

int main(int argc, char** argv) {
  using namespace newsindex;
  CLI::App app{"newsquery: search a newsindex database; passages ranked by relevance", "newsquery"};
  QueryCommand cmd;
  std::string db, format = "text", color = "auto", sort = "relevance";
  std::vector<std::string> words;
  int format_version = kOutputFormatVersion;
  app.add_option("--db", db, "Database path (default: $NEWSINDEX_DB, else ./newsindex.db)");
  app.add_option("-f,--format", format, "Output format")->check(CLI::IsMember({"text", "json", "jsonl", "tsv", "csv", "trec"}));
  app.add_option("-n,--limit", cmd.search.limit, "Hits to print (0 = all; default 10)");
  app.add_option("--offset", cmd.search.offset, "Skip this many hits first (paging)");
  app.add_flag("--articles", cmd.search.articles, "One row per article, ranked by the article's evidence");
  app.add_flag("--plain", cmd.parse.plain, "Natural-language query: no operators or syntax");
  app.add_flag("--and", cmd.parse.default_and, "Words without an operator must all match (default: any, ranked)");
  app.add_flag("--batch", cmd.batch, "Queries from stdin, one per line, optionally QID<TAB>query");
  app.add_option("--timeout", cmd.timeout,
                 "Seconds a remote shard (a view's \"remote\" stub line) has to connect and answer (default 10)")
      ->check(CLI::PositiveNumber);
  app.add_option("-j,--jobs", cmd.jobs, "Threads (default: one per core). --batch: queries answered at once, output still in input order; one query: its re-ranking reads on two threads when N > 1")
      ->check(CLI::Range(1, 256));
  app.add_flag("--mmap,!--no-mmap", cmd.mapped_reads,
               "Read database files that are read often (a batch) through memory mappings instead of a system call per block (default on)");
  app.add_flag("-c,--count", cmd.count, "Print the number of matching hits");
  app.add_flag("--stats", cmd.stats, "Print one JSON object describing the database");
  app.add_option("--sort", sort, "relevance, date (oldest first) or -date (newest first)")
      ->check(CLI::IsMember({"relevance", "date", "-date"}));
  app.add_option("--color", color, "Colour matches: auto (terminal, no NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--header", cmd.print.header, "TSV: print the field names first (CSV always does)");
  app.add_option("--snippet-length", cmd.print.snippet_length,
                 "Text mode: trim passages to about N bytes around the matches (context passages to their first N)");
  cmd.parse.language.clear();  // unless given: the index's language (default_query_language)
  app.add_option("--language", cmd.parse.language,
                 "Stemming language of the query (default: the index's, when all its articles have one; else english)");
  RankingOptions& rank = cmd.search.ranking;
  app.add_option("--k1", rank.passage_bm25.k1, "BM25 k1 for passages")->capture_default_str();
  app.add_option("--b", rank.passage_bm25.b, "BM25 b for passages")->capture_default_str();
  app.add_option("--article-k1", rank.article_bm25.k1, "BM25 k1 for articles")->capture_default_str();
  app.add_option("--article-b", rank.article_bm25.b, "BM25 b for articles")->capture_default_str();
  app.add_option("--fusion-weight", rank.fusion_weight,
                 "Articles mode: weight of the whole article against its best passage (0..1)")->capture_default_str();
  app.add_option("--fusion-length-power", rank.fusion_length_power,
                 "Articles mode: when the index's articles hold m > 2 passages on average, the whole article's "
                 "weight is --fusion-weight / (m/2)^this (0 = fixed)")
      ->capture_default_str()->check(CLI::Range(0.0, 10.0));
  app.add_option("--proximity-weight", rank.proximity_weight,
                 "Articles mode: bonus for query words close together in the best passage (0 = none)")
      ->capture_default_str();
  app.add_option("--context-weight", rank.context_weight,
                 "Passage mode: weight of the passage's article score added to its own (0 = none)")->capture_default_str();
  app.add_option("--candidates", rank.min_depth,
                 "Candidates re-ranked (passages) or fused (articles) at least, whatever the page size")
      ->capture_default_str()->check(CLI::Range(1, 100000000));
  app.add_option("--widening", rank.candidate_widening,
                 "Passage mode: candidates are the best of this many times as many by BM25 without document "
                 "lengths, then scored exactly (1 = one exact pass)")
      ->capture_default_str()->check(CLI::Range(1, 1000));
  app.add_flag("--feedback,!--no-feedback", rank.feedback.enabled,
               "Pseudo-relevance feedback: expand the article query from the best first-pass articles (default on)");
  app.add_option("--feedback-docs", rank.feedback.docs, "Feedback: first-pass articles used")->capture_default_str();
  app.add_option("--feedback-terms", rank.feedback.terms, "Feedback: expansion terms kept")->capture_default_str();
  app.add_option("--feedback-weight", rank.feedback.weight, "Feedback: share of the expansion in the query (0..0.95)")
      ->capture_default_str();
  app.add_option("--feedback-pivot", rank.feedback.length_pivot,
                 "Feedback: above this many query words the share falls as pivot / words (0 = fixed share)")
      ->capture_default_str()->check(CLI::Range(0.0, 1000.0));
  app.add_option("--feedback-long-pivot", rank.feedback.long_articles_pivot,
                 "Feedback: the pivot on an index whose articles hold more than 2 passages on average (0 = "
                 "--feedback-pivot alone)")
      ->capture_default_str()->check(CLI::Range(0.0, 1000.0));
  app.add_option_function<std::string>(
         "--feedback-from",
         [&rank](const std::string& from) {
           rank.feedback.from = from == "articles"   ? FeedbackFrom::Articles
                                : from == "passages" ? FeedbackFrom::Passages
                                                     : FeedbackFrom::Auto;
         },
         "Feedback: read each feedback article's whole text or its best passage; auto: passages on an index "
         "whose articles hold more than 2 passages on average (default auto)")
      ->check(CLI::IsMember({"auto", "articles", "passages"}));
  app.add_option("--feedback-gap", rank.feedback.gap_pivot,
                 "Feedback: below this score gap between the first and last feedback article (relative to the "
                 "first) the share falls in proportion (0 = no check)")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  app.add_option("--feedback-short-weight", rank.feedback.short_weight,
                 "Feedback: the share for queries of at most --feedback-short-words words (0 = --feedback-weight)")
      ->capture_default_str()->check(CLI::Range(0.0, 0.95));
  app.add_option("--feedback-short-words", rank.feedback.short_words,
                 "Feedback: the most words a query has to count as short")->capture_default_str()
      ->check(CLI::Range(0.0, 1000.0));
  app.add_option("--concept-weight", rank.concepts.power,
                 "Long queries: each word's weight times (its idf / the query's mean idf) to this power (0 = off)")
      ->capture_default_str()->check(CLI::Range(-4.0, 4.0));
  app.add_option("--concept-words", rank.concepts.min_words,
                 "The fewest query words (after stopwords) for --concept-weight to apply")->capture_default_str()
      ->check(CLI::Range(0.0, 1000.0));
  app.add_flag("--passage-feedback,!--no-passage-feedback", rank.passage_feedback,
               "Passages are ranked with the feedback terms too (default on)");
  app.add_flag("--stopwords,!--no-stopwords", cmd.parse.stopwords,
               "With --plain: leave out English function words (default on)");
  app.add_flag("--request-language,!--no-request-language", cmd.parse.request_language,
               "With --plain: leave out request phrases such as \"I am interested in\", \"papers on\" (default on)");
  app.add_flag("--explain", cmd.search.explain, "Show how each hit's score was made (JSON: an \"explain\" object)");
  app.add_option("--max-wildcard", cmd.parse.max_wildcard,
                 "A wildcard may expand to at most this many words, else the query is refused (default 1000)")
      ->check(CLI::Range(1, 100000000));
  app.add_option("--max-terms", cmd.parse.max_terms, "Refuse queries of more than this many terms (default 1000)")
      ->check(CLI::Range(1, 1000000));
  app.add_option("--max-depth", cmd.parse.max_depth, "Refuse parentheses nested deeper than this (default 100)")
      ->check(CLI::Range(1, 10000));
  app.add_option("--per-article", cmd.search.per_article, "Passage mode: at most N passages per article (default: no cap)");
  app.add_option("--facet", cmd.facet,
                 "Counts over all matches by month, year, site, author, section (the heading above a passage), "
                 "category (the article's breadcrumb or desk) or type")
      ->check(CLI::IsMember({"month", "year", "site", "author", "section", "category", "type"}));
  app.add_flag("--histogram", cmd.histogram, "Matches per day/month/year as a bar chart (JSON with --format json)");
  app.add_option("--histogram-unit", cmd.histogram_unit, "Force the histogram's bucket: day, month or year")
      ->check(CLI::IsMember({"day", "month", "year"}));
  app.add_option("--output", cmd.output, "Print only article ids, source paths or URLs, unique, one per line")
      ->check(CLI::IsMember({"articles", "sources", "urls"}));
  app.add_flag("-0,--null", cmd.null_separated, "With --output: end each value with NUL (for xargs -0)");
  app.add_flag("--correct", cmd.correct, "Search the spelling-corrected query when a word is unknown");
  app.add_option("--links-to", cmd.links_to, "List the links pointing at this URL or article id");
  uint32_t context = 0;
  app.add_option("-C,--context", context,
                 "Show N passages before and after each hit (text: lines marked as grep -n marks them, ORDINAL: for the hit, ORDINAL- for context)");
  app.add_option("-A,--after-context", cmd.after, "Show N passages after each hit");
  app.add_option("-B,--before-context", cmd.before, "Show N passages before each hit");
  app.add_option("--show", cmd.show, "Print a whole article as indexed (ARTICLE or ARTICLE#PASSAGE; ARTICLE: id, URL or the path of a one-article file)");
  std::string recent;
  app.add_option("--recent", recent, "Blend recency into the ranking with this half-life (e.g. 30d, 2w, 1y)");
  app.add_option("--now", cmd.now, "Today's date for --recent and relative dates (YYYY-MM-DD)");
  app.add_flag("--duplicates", cmd.duplicates, "List the groups of copies of one story found at index time");
  bool help_query = false;
  app.add_flag("--help-query", help_query, "Describe the query language and exit");
  app.add_option("--format-version", format_version, "Refuse to run unless this output format version (JSON, TSV) can be produced");
  app.set_version_flag("--version", version_text("newsquery", "format " + std::to_string(kOutputFormatVersion)),
                       "Print the version, the schema and output format versions and the Xapian and ICU versions, and exit");
  app.add_option("query", words, "Query words (joined by spaces)");
  use_help_formatter(app, newsquery_doc());
  add_generate_option(app, newsquery_doc(), {{"query-man", query_man_page}});
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (auto line = dash_word_error(app, e, std::vector<std::string>(argv + 1, argv + argc))) {
      std::cerr << *line << '\n';
      return 2;
    }
    return cli_parse_error(app, e, "newsquery");
  }
  if (help_query) {
    std::cout << query_help();
    return 0;
  }
  if (!recent.empty()) {
    auto days = span_days(recent);
    if (!days || *days <= 0) {
      std::cerr << "newsquery: --recent needs a half-life such as 30d, 2w, 6m or 1y (got \"" << recent << "\")\n";
      return 2;
    }
    cmd.recent_half_life_days = static_cast<double>(*days);
  }
  if (!cmd.now.empty() && !days_from_civil(cmd.now)) {
    std::cerr << "newsquery: --now needs a date YYYY-MM-DD (got \"" << cmd.now << "\")\n";
    return 2;
  }
  if (context) {
    if (!app.count("--after-context")) cmd.after = context;
    if (!app.count("--before-context")) cmd.before = context;
  }
  if (cmd.null_separated && cmd.output.empty()) {
    std::cerr << "newsquery: -0/--null ends --output values with NUL; give --output articles, sources or urls too\n";
    return 2;
  }
  if (!cmd.output.empty() && !app.count("--limit")) cmd.search.limit = 0;  // all matches, as notmuch does
  if (winsize ws{}; isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20)
    cmd.terminal_width = ws.ws_col;
  else if (const char* cols = std::getenv("COLUMNS"); cols && std::atoi(cols) > 20)
    cmd.terminal_width = static_cast<size_t>(std::atoi(cols));
  if (format_version != kOutputFormatVersion) {
    std::cerr << "newsquery: output format version " << format_version << " is not supported (this newsquery writes version "
              << kOutputFormatVersion << ")\n";
    return 2;
  }
  cmd.db = resolve_db_path(db);
  cmd.format = *output_format_from_name(format);
  cmd.search.sort = sort == "date" ? SearchOptions::Sort::Date
                    : sort == "-date" ? SearchOptions::Sort::DateDesc : SearchOptions::Sort::Relevance;
  const bool no_color = std::getenv("NO_COLOR") && *std::getenv("NO_COLOR");
  cmd.print.color = cmd.format == OutputFormat::Text &&
                    (color == "always" || (color == "auto" && !no_color && isatty(STDOUT_FILENO)));
  for (const auto& w : words) cmd.query += (cmd.query.empty() ? "" : " ") + w;
  if (!cmd.batch && !cmd.stats && cmd.query.empty() && cmd.show.empty() && cmd.links_to.empty() && !cmd.duplicates) {
    std::cerr << "newsquery: no query given (words as arguments, or --batch to read queries from stdin)\n";
    return 2;
  }
  // Before the database is opened: its files are read through the interposed calls from then on.
  if (cmd.mapped_reads) enable_mapped_reads();
  try {
    return run_query_command(cmd, std::cin, std::cout, std::cerr);
  } catch (const QueryError& e) {
    std::cerr << "newsquery: " << query_error_message(e) << '\n';
  } catch (const DatabaseError& e) {
    std::cerr << "newsquery: " << e.what() << '\n';
  } catch (const Xapian::WildcardError& e) {
    std::cerr << "newsquery: " << wildcard_error_line(e, cmd.parse.max_wildcard) << '\n';
  } catch (const Xapian::NetworkError& e) {
    // A remote shard died or stalled during the query: name it (the error does not).
    const std::string shard = unreachable_shard(cmd.db, cmd.timeout);
    std::cerr << "newsquery: " << printable_name(cmd.db) << ": " << (shard.empty() ? e.get_description() : shard) << '\n';
  } catch (const Xapian::DatabaseLockError& e) {
    std::cerr << "newsquery: " << printable_name(cmd.db) << ": " << e.get_description() << '\n';
  } catch (const Xapian::Error& e) {
    std::cerr << "newsquery: " << printable_name(cmd.db) << ": " << e.get_description() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "newsquery: " << e.what() << '\n';
  }
  return 2;
}
