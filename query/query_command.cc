#include "query/query_command.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <istream>
#include <memory>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include "query/article_store.h"
#include "common/errors.h"
#include "query/facets.h"
#include "query/output/article_printers.h"
#include "query/output/count_printers.h"
#include "common/database.h"
#include "common/terms.h"
#include "query/ordered_parallel.h"
#include "query/ranking/recency.h"
#include "common/schema.h"
#include "common/shard_layout.h"
#include "query/spelling.h"
#include "common/url.h"

namespace newsindex {

namespace {

// A view with `remote` stub lines: each per-document read there is a network round trip.
bool has_remote_shards(const std::string& path) {
  return shards::is_sharded(path) && shards::stub_lines(path).size() > shards::local_shards(path).size();
}

uint64_t dir_size(const std::string& path) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

// One record (JSON whatever the format: it is for programs).
void print_stats(const Xapian::Database& db, const Xapian::Database& meta, const std::string& path, StructuredPrinter& out) {
  auto kind_count = [&](schema::Kind k) { return db.get_termfreq(schema::kind_term(k)); };
  size_t terms = 0;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++terms;
  out.begin_map();
  out.map_key("schema_version");
  out.integer(schema::kSchemaVersion);
  out.map_key("format_version");
  out.integer(kOutputFormatVersion);
  out.map_key("db");
  out.string(path);
  // Copies of a story are articles of their own, each with a story term (schema: story).
  const std::string story_prefix = schema::term(schema::FieldId::Story, "");
  size_t copies = 0, orphaned = 0;  // orphaned: stories whose first article was removed
  for (auto t = db.allterms_begin(story_prefix); t != db.allterms_end(story_prefix); ++t) {
    copies += t.get_termfreq();
    orphaned += db.get_termfreq(schema::term(schema::FieldId::Uid, (*t).substr(story_prefix.size()))) == 0;
  }
  const size_t articles = kind_count(schema::Kind::Article);
  // Sources by their unique terms: an index written with --parallel-shards records each source
  // once per shard.
  const std::string source_prefix = schema::term(schema::FieldId::SourceKey, "");
  size_t sources = 0;
  for (auto t = db.allterms_begin(source_prefix); t != db.allterms_end(source_prefix); ++t) ++sources;
  const std::pair<const char*, uint64_t> counts[] = {
      {"articles", articles},
      {"copies", copies},
      {"stories", articles + orphaned - std::min(copies, articles)},
      {"passages", kind_count(schema::Kind::Passage)},
      {"links", kind_count(schema::Kind::Link)},
      {"sources", sources},
      {"documents", db.get_doccount()}};
  for (const auto& [key, n] : counts) {
    out.map_key(key);
    out.integer(n);
  }
  out.map_key("languages");
  out.begin_list();
  for (const auto& l : index_languages(meta)) out.string(l);
  out.end();
  out.map_key("terms");
  out.integer(terms);
  out.map_key("size_bytes");
  out.integer(dir_size(path));
  out.end();
  out.separator();
}

std::string query_error_line(const std::string& q, const QueryError& e) {
  return fmt::format("{} (in \"{}\")", query_error_message(e), printable_name(q));
}

// A printer that keeps only one field of each hit, once, for xargs and friends.
class FieldPrinter : public Printer {
 public:
  FieldPrinter(std::ostream& out, std::string field, bool nul) : out_(out), field_(std::move(field)), nul_(nul) {}
  void hit(const Hit& h) override {
    const std::string& v = field_ == "articles" ? h.article : field_ == "sources" ? h.source : h.url;
    if (v.empty() || !seen_.insert(v).second) return;
    out_ << v << (nul_ ? '\0' : '\n');
  }

 private:
  std::ostream& out_;
  std::string field_;
  bool nul_;
  std::set<std::string> seen_;
};

int show_article(const QueryCommand& cmd, const Xapian::Database& db, std::ostream& out, std::ostream& err) {
  ArticleStore store(db);
  std::string id = cmd.show;
  std::optional<uint32_t> jump;
  if (size_t hash = id.rfind('#'); hash != std::string::npos && hash + 1 < id.size() &&
                                   id.find_first_not_of("0123456789", hash + 1) == std::string::npos) {
    jump = static_cast<uint32_t>(std::stoul(id.substr(hash + 1)));
    id.resize(hash);
  }
  auto resolved = store.resolve(id);
  if (!resolved) {
    // A file's path names its article when the file holds just one (an HTML page whose id is
    // its canonical URL, say).
    const std::vector<std::string> from_file = store.articles_from_source(id, 4);
    if (from_file.size() == 1) {
      resolved = from_file.front();
    } else if (from_file.size() > 1) {
      err << "newsquery: " << id << " holds several articles (" << from_file[0] << ", " << from_file[1]
          << (from_file.size() > 2 ? ", ..." : "") << "): --show one of their ids\n";
      return 1;
    } else {
      err << "newsquery: no article " << id << " in " << cmd.db << '\n';
      return 1;
    }
  }
  if (jump) {
    // A passage past the end is a miss, said as such: a header alone would look like an empty passage.
    const std::vector<StoredPassage> passages = store.passages(*resolved);
    const bool found = std::any_of(passages.begin(), passages.end(), [&](const StoredPassage& p) { return p.ordinal == *jump; });
    if (!found) {
      err << fmt::format("newsquery: {} has {} passage{}; there is no passage {}\n", printable_name(*resolved),
                         passages.size(), passages.size() == 1 ? "" : "s", *jump);
      return 1;
    }
  }
  print_article(store, *resolved, jump, *make_structured_printer(structured_format(cmd.format), out));
  return 0;
}

// --recent: rank a wide window by relevance x recency and cut the page out of it.
SearchResult search_recent(Searcher& s, const ParsedQuery& pq, SearchOptions so, double half_life, const std::string& now) {
  const size_t offset = so.offset, limit = so.limit;
  so.offset = 0;
  so.limit = limit ? std::max<size_t>(offset + limit, 1000) : 0;
  so.need_text = true;
  SearchResult r = s.search(pq, so);
  blend_recency(r.hits, half_life, now);
  std::vector<Hit> page;
  for (size_t i = offset; i < r.hits.size() && (!limit || page.size() < limit); ++i) {
    page.push_back(std::move(r.hits[i]));
    page.back().rank = i + 1;
  }
  r.hits = std::move(page);
  return r;
}

// What one query produced, kept until its turn to be printed.
struct QueryOutcome {
  std::string qid, query; // --batch: which line it answers
  std::vector<Hit> hits;  // for the printer
  std::string printed;    // --facet, --histogram, --count: already formatted
  std::string error;      // a batch line's malformed query: one line for stderr
  std::string notes;      // a batch line's "searched for" (--correct): lines for stderr
  bool matched = false;
};

// The per-thread state of a search: Xapian handles and ICU iterators are not shared between
// threads, so each --batch worker has its own.
class QuerySession {
 public:
  QuerySession(const QueryCommand& cmd, Xapian::Database db, Xapian::Database meta)
      : cmd_(cmd), db_(std::move(db)), meta_(std::move(meta)), remote_(has_remote_shards(cmd.db)) {
    attach();
    qo_ = cmd.parse;
    if (qo_.language.empty()) {
      qo_.language = default_query_language(meta_);
      for (auto& l : index_languages(meta_))
        if (l != qo_.language) qo_.other_languages.push_back(std::move(l));
    }
    qo_.synonyms = &meta_;
    qo_.today = cmd.now;
    so_ = cmd.search;
    so_.need_text = cmd.format != OutputFormat::Trec || !cmd.output.empty();
    so_.language = qo_.language;
  }

  ArticleStore& store() { return *store_; }
  // A single query with a core to spare: see Ranker::set_second_reader.
  void set_second_reader(DatabaseOpener open) {
    second_reader_ = std::move(open);
    searcher_->set_second_reader(second_reader_);
  }
  const SearchOptions& search_options() const { return so_; }
  void set_links_filter(Xapian::Query q) { links_filter_ = std::move(q); }

  // A writer committing meanwhile can retire the revision being read (DatabaseModifiedError), a
  // replica's full copy can delete the files being read (DatabaseOpeningError) and a remote shard
  // serving one can drop the connection (NetworkError): open the database again from its path and
  // run the query again, twice at most (worth_reopening in common/database.h).
  // Notes on stderr ("did you mean", "searched for") go to `notes`, each line naming `where`
  // ("stdin:4: " in a batch). A batch looks for corrections only when told to (--correct): the
  // vocabulary scan would slow every query of a long batch for a line of stderr.
  QueryOutcome run(const std::string& qid, const std::string& text, std::ostream* notes, const std::string& where = "") {
    for (int attempt = 0;; ++attempt) {
      try {
        return run_once(qid, text, notes, where);
      } catch (const Xapian::Error& e) {
        if (attempt == 2 || !worth_reopening(e)) throw;
        db_ = open_for_reading(cmd_.db, cmd_.timeout);
        meta_ = open_metadata(cmd_.db, db_);
        attach();
      }
    }
  }

 private:
  // Readers over db_ and meta_, made anew when they are reopened: each holds its own handle.
  void attach() {
    searcher_ = std::make_unique<Searcher>(db_, analyzer_);
    searcher_->set_metadata(meta_);
    searcher_->set_shard_side_reads(remote_);
    if (second_reader_) searcher_->set_second_reader(second_reader_);
    store_ = std::make_unique<ArticleStore>(db_);
  }

  ParsedQuery parse(const std::string& text) {
    ParsedQuery pq;
    if (!text.empty() || links_filter_.empty()) pq = parse_query(text, analyzer_, qo_);
    if (!links_filter_.empty())
      pq.filter = pq.filter.empty() ? links_filter_ : Xapian::Query(Xapian::Query::OP_AND, pq.filter, links_filter_);
    return pq;
  }

  // -c: the number, after its query's id in a batch. Text and JSON print the line scripts read
  // (QID<TAB>N); a format with a backend of its own prints it as a record there.
  void print_count(const std::string* qid, size_t n, std::ostream& printed) const {
    const StructuredFormat sf = structured_format(cmd_.format);
    if (sf == StructuredFormat::Text || sf == StructuredFormat::Json) {
      printed << (qid ? *qid + "\t" : "") << n << '\n';
      return;
    }
    auto out = make_structured_printer(sf, printed);
    if (qid) out->string(*qid);
    out->integer(static_cast<int64_t>(n));
    out->separator();
  }

  QueryOutcome run_once(const std::string& qid, std::string text, std::ostream* notes, const std::string& where) {
    QueryOutcome o;
    if (notes && !text.empty() && (!cmd_.batch || cmd_.correct)) {
      std::vector<std::string> languages{qo_.language};
      languages.insert(languages.end(), qo_.other_languages.begin(), qo_.other_languages.end());
      if (auto fixed = suggest_correction(db_, text, analyzer_, languages, remote_)) {
        if (cmd_.correct) {
          text = *fixed;
          *notes << "newsquery: " << where << "searched for: " << text << '\n';
        } else if (cmd_.format == OutputFormat::Text) {
          *notes << "newsquery: " << where << "did you mean: " << *fixed << " ? (--correct searches it)\n";
        }
      }
    }
    ParsedQuery pq = parse(text);
    std::ostringstream printed;
    if (!cmd_.facet.empty()) {
      FacetResult f = facet_counts(*searcher_, pq, so_, cmd_.facet);
      print_facet(f, *make_structured_printer(structured_format(cmd_.format), printed));
      o.matched = f.total > 0;
    } else if (cmd_.histogram) {
      Histogram h = date_histogram(*searcher_, pq, so_, cmd_.histogram_unit);
      print_histogram(h, cmd_.terminal_width, *make_structured_printer(structured_format(cmd_.format), printed));
      o.matched = h.total > 0;
    } else if (cmd_.count) {
      size_t n = searcher_->count(pq, so_);
      print_count(cmd_.batch ? &qid : nullptr, n, printed);
      o.matched = n > 0;
    } else {
      SearchResult r = cmd_.recent_half_life_days > 0
                           ? search_recent(*searcher_, pq, so_, cmd_.recent_half_life_days, cmd_.now)
                           : searcher_->search(pq, so_);
      for (Hit& h : r.hits) {
        h.qid = qid;
        if (so_.need_text) store_->enrich(h, cmd_.before, cmd_.after);
      }
      o.matched = !r.hits.empty();
      o.hits = std::move(r.hits);
    }
    o.printed = printed.str();
    return o;
  }

  const QueryCommand& cmd_;
  Xapian::Database db_;
  Xapian::Database meta_;  // metadata and synonyms (open_metadata)
  Analyzer analyzer_;
  std::unique_ptr<Searcher> searcher_;
  std::unique_ptr<ArticleStore> store_;
  DatabaseOpener second_reader_;
  bool remote_;  // the view has remote shards: look terms up in matches, not one by one
  QueryOptions qo_;
  SearchOptions so_;
  Xapian::Query links_filter_;
};

struct BatchLine {
  size_t line_no;
  std::string qid, text;
};

}  // namespace

int run_query_command(const QueryCommand& cmd, std::istream& in, std::ostream& out, std::ostream& err) {
  // A file is mapped only once read a few queries' worth, so a single query still reads with
  // pread (a fresh mapping's page faults made it a third slower) and a batch maps.
  Xapian::Database db = open_for_reading(cmd.db, cmd.timeout);
  const Xapian::Database meta = open_metadata(cmd.db, db);
  if (cmd.stats) {
    // The statistics have no layout for people: JSON, unless the format has a backend of its own.
    const StructuredFormat sf = structured_format(cmd.format);
    print_stats(db, meta, cmd.db, *make_structured_printer(sf == StructuredFormat::Text ? StructuredFormat::Json : sf, out));
    return 0;
  }
  if (!cmd.show.empty()) return show_article(cmd, db, out, err);
  if (cmd.duplicates) return print_duplicate_groups(db, *make_structured_printer(structured_format(cmd.format), out)) ? 0 : 1;
  std::vector<std::unique_ptr<QuerySession>> sessions;
  sessions.push_back(std::make_unique<QuerySession>(cmd, db, meta));
  PrintOptions po = cmd.print;
  po.batch = cmd.batch;
  po.articles = sessions[0]->search_options().articles;
  std::unique_ptr<Printer> printer = cmd.output.empty() ? make_printer(cmd.format, out, po)
                                                        : std::make_unique<FieldPrinter>(out, cmd.output, cmd.null_separated);
  Xapian::Query links_filter;
  if (!cmd.links_to.empty()) {
    std::string url = canonical_url(cmd.links_to);
    if (url.empty()) {
      auto j = nlohmann::json::parse(sessions[0]->store().article_json(cmd.links_to), nullptr, false);
      if (j.is_object() && j.contains("url") && j["url"].is_string()) url = j["url"].get<std::string>();
    }
    if (url.empty()) throw QueryError("--links-to needs a URL or the id of an indexed article with a URL", 0);
    links_filter = Xapian::Query(schema::term(schema::FieldId::LinkTo, url));
  }
  sessions[0]->set_links_filter(links_filter);
  printer->begin();
  bool any = false;
  // Batch text output heads each query's answer, so a query without hits is seen too.
  const bool headed = cmd.batch && cmd.format == OutputFormat::Text && !cmd.count;
  auto emit = [&](QueryOutcome& o) {
    err << o.notes;
    if (!o.error.empty()) err << o.error << '\n';
    if (headed)
      printer->batch_query(o.qid, o.query, !o.error.empty() ? "not searched (malformed, see stderr)" : o.matched ? "" : "no hits");
    out << o.printed;
    for (const Hit& h : o.hits) printer->hit(h);
    any = any || o.matched;
  };
  const size_t workers = cmd.jobs ? cmd.jobs : std::max(1u, std::thread::hardware_concurrency());
  if (!cmd.batch) {
    // One query, several cores: its re-ranking reads termlists on two threads.
    if (workers > 1) sessions[0]->set_second_reader([&cmd] { return open_for_reading(cmd.db, cmd.timeout); });
    QueryOutcome o = sessions[0]->run("1", cmd.query, &err);
    emit(o);
  } else {
    for (size_t w = 1; w < workers; ++w) {
      Xapian::Database more = open_for_reading(cmd.db, cmd.timeout);
      sessions.push_back(std::make_unique<QuerySession>(cmd, more, open_metadata(cmd.db, more)));
      sessions.back()->set_links_filter(links_filter);
    }
    // Lines are read a group at a time, so memory stays bounded on an endless stdin and the
    // answers still come out in input order.
    const size_t group = workers == 1 ? 1 : 32 * workers;
    std::vector<BatchLine> lines;
    std::string line;
    size_t line_no = 0;
    bool eof = false;
    while (!eof) {
      lines.clear();
      while (lines.size() < group && !(eof = !std::getline(in, line))) {
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        BatchLine b{line_no, std::to_string(line_no), line};
        if (size_t tab = line.find('\t'); tab != std::string::npos) b.qid = line.substr(0, tab), b.text = line.substr(tab + 1);
        lines.push_back(std::move(b));
      }
      for_each_ordered<QueryOutcome>(
          lines.size(), workers,
          [&](size_t worker, size_t i) {
            // A malformed line is reported and skipped; any other error is not the line's fault.
            const BatchLine& b = lines[i];
            QueryOutcome failed;
            failed.qid = b.qid;
            failed.query = b.text;
            try {
              std::ostringstream notes;
              QueryOutcome o = sessions[worker]->run(b.qid, b.text, &notes, fmt::format("stdin:{}: ", b.line_no));
              o.notes = notes.str();
              o.qid = b.qid;
              o.query = b.text;
              return o;
            } catch (const QueryError& e) {
              failed.error = fmt::format("newsquery: stdin:{}: {}", b.line_no, query_error_line(b.text, e));
            } catch (const Xapian::QueryParserError& e) {
              failed.error = fmt::format("newsquery: stdin:{}: {}", b.line_no, e.get_description());
            } catch (const Xapian::WildcardError& e) {
              failed.error =
                  fmt::format("newsquery: stdin:{}: {}", b.line_no, wildcard_error_line(e, cmd.parse.max_wildcard));
            }
            return failed;
          },
          emit);
    }
  }
  printer->end();
  out.flush();
  return any ? 0 : 1;
}

std::string query_error_message(const QueryError& e) {
  if (const auto* field = dynamic_cast<const UnknownFieldError*>(&e))
    return fmt::format("unknown field \"{}\" at column {}; did you mean \"{}\"?", printable_name(field->name),
                       e.column + 1, field->suggestion);
  return fmt::format("malformed query at column {}: {}", e.column + 1, e.what());
}

std::string wildcard_error_line(const Xapian::WildcardError& e, Xapian::termcount max) {
  // Xapian says "Wildcard decoup* expands to more than N terms".
  return fmt::format("{}: narrow the wildcard or raise --max-wildcard (now {})", printable_name(e.get_msg()), max);
}

}  // namespace newsindex
