#include "query_command.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <istream>
#include <ostream>
#include <set>

#include "article_store.h"
#include "errors.h"
#include "facets.h"
#include "index_writer.h"
#include "recency.h"
#include "schema.h"
#include "spelling.h"
#include "url.h"

namespace newsindex {

namespace {

uint64_t dir_size(const std::string& path) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

void print_stats(const Xapian::Database& db, const std::string& path, std::ostream& out) {
  auto kind_count = [&](schema::Kind k) { return db.get_termfreq(schema::term("type", schema::kind_name(k))); };
  size_t terms = 0;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++terms;
  nlohmann::ordered_json j;
  j["schema_version"] = schema::kSchemaVersion;
  j["format_version"] = kOutputFormatVersion;
  j["db"] = path;
  j["articles"] = kind_count(schema::Kind::Article);
  j["passages"] = kind_count(schema::Kind::Passage);
  j["links"] = kind_count(schema::Kind::Link);
  j["sources"] = kind_count(schema::Kind::Source);
  j["documents"] = db.get_doccount();
  j["terms"] = terms;
  j["size_bytes"] = dir_size(path);
  out << j.dump() << '\n';
}

std::string query_error_line(const std::string& q, const QueryError& e) {
  return fmt::format("malformed query at column {}: {} (in \"{}\")", e.column + 1, e.what(), printable_name(q));
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
    err << "newsquery: no article " << id << " in " << cmd.db << '\n';
    return 1;
  }
  print_article(store, *resolved, jump, cmd.format == OutputFormat::Json, out);
  return 0;
}

// --recent: rank a wide window by relevance x recency and cut the page out of it.
SearchResult search_recent(Searcher& s, const ParsedQuery& pq, SearchOptions so, double half_life, const std::string& now) {
  const size_t offset = so.offset, limit = so.limit;
  so.offset = 0;
  so.limit = limit ? std::max<size_t>(offset + limit, 1000) : 0;
  so.need_text = true;
  SearchResult r = s.search(pq, so);
  const auto today = days_from_civil(now.empty() ? today_iso() : now);
  for (Hit& h : r.hits) {
    std::optional<double> age;
    if (h.date && today)
      if (auto d = days_from_civil(*h.date)) age = static_cast<double>(*today - *d);
    h.score *= recency_weight(age, half_life);
  }
  std::stable_sort(r.hits.begin(), r.hits.end(), [](const Hit& a, const Hit& b) { return a.score > b.score; });
  std::vector<Hit> page;
  for (size_t i = offset; i < r.hits.size() && (!limit || page.size() < limit); ++i) {
    page.push_back(std::move(r.hits[i]));
    page.back().rank = i + 1;
  }
  r.hits = std::move(page);
  return r;
}

}  // namespace

int run_query_command(const QueryCommand& cmd, std::istream& in, std::ostream& out, std::ostream& err) {
  Xapian::Database db = open_for_reading(cmd.db);
  if (cmd.stats) {
    print_stats(db, cmd.db, out);
    return 0;
  }
  if (!cmd.show.empty()) return show_article(cmd, db, out, err);
  if (cmd.duplicates) return print_duplicate_groups(db, cmd.format == OutputFormat::Json, out) ? 0 : 1;
  Analyzer analyzer;
  Searcher searcher(db, analyzer);
  ArticleStore store(db);
  QueryOptions qo = cmd.parse;
  qo.synonyms = &db;
  qo.today = cmd.now;
  SearchOptions so = cmd.search;
  so.need_text = cmd.format != OutputFormat::Trec || !cmd.output.empty();
  so.language = qo.language;
  PrintOptions po = cmd.print;
  po.batch = cmd.batch;
  po.articles = so.articles;
  std::unique_ptr<Printer> printer = cmd.output.empty() ? make_printer(cmd.format, out, po)
                                                        : std::make_unique<FieldPrinter>(out, cmd.output, cmd.null_separated);
  Xapian::Query links_filter;
  if (!cmd.links_to.empty()) {
    std::string url = canonical_url(cmd.links_to);
    if (url.empty()) {
      auto j = nlohmann::json::parse(store.article_json(cmd.links_to), nullptr, false);
      if (j.is_object() && j.contains("url") && j["url"].is_string()) url = j["url"].get<std::string>();
    }
    if (url.empty()) throw QueryError("--links-to needs a URL or the id of an indexed article with a URL", 0);
    links_filter = Xapian::Query(schema::term("linkto", url));
  }
  printer->begin();
  bool any = false;
  auto parse = [&](const std::string& text) {
    ParsedQuery pq;
    if (!text.empty() || links_filter.empty()) pq = parse_query(text, analyzer, qo);
    if (!links_filter.empty())
      pq.filter = pq.filter.empty() ? links_filter : Xapian::Query(Xapian::Query::OP_AND, pq.filter, links_filter);
    return pq;
  };
  auto run_one = [&](const std::string& qid, std::string text) {
    if (!cmd.batch && !text.empty()) {
      if (auto fixed = suggest_correction(db, text, analyzer)) {
        if (cmd.correct) text = *fixed;
        else if (cmd.format == OutputFormat::Text) err << "newsquery: did you mean: " << *fixed << " ? (--correct searches it)\n";
      }
    }
    ParsedQuery pq = parse(text);
    if (!cmd.facet.empty()) {
      FacetResult f = facet_counts(searcher, pq, so, cmd.facet);
      print_facet(f, cmd.format == OutputFormat::Json, out);
      any = any || f.total > 0;
      return;
    }
    if (cmd.histogram) {
      Histogram h = date_histogram(searcher, pq, so, cmd.histogram_unit);
      print_histogram(h, cmd.format == OutputFormat::Json, cmd.terminal_width, out);
      any = any || h.total > 0;
      return;
    }
    if (cmd.count) {
      size_t n = searcher.count(pq, so);
      out << (cmd.batch ? qid + "\t" : "") << n << '\n';
      any = any || n > 0;
      return;
    }
    SearchResult r = cmd.recent_half_life_days > 0 ? search_recent(searcher, pq, so, cmd.recent_half_life_days, cmd.now)
                                                   : searcher.search(pq, so);
    for (Hit& h : r.hits) {
      h.qid = qid;
      if (so.need_text) store.enrich(h, cmd.before, cmd.after);
    }
    for (const Hit& h : r.hits) printer->hit(h);  // printed only once all is read: a retry prints nothing twice
    any = any || !r.hits.empty();
  };
  // A writer committing meanwhile can retire the revision being read (DatabaseModifiedError):
  // reopen at the latest revision and run the query again, twice at most.
  auto run_one_retrying = [&](const std::string& qid, const std::string& text) {
    for (int attempt = 0;; ++attempt) {
      try {
        return run_one(qid, text);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 2) throw;
        db.reopen();
      }
    }
  };
  if (!cmd.batch) {
    run_one_retrying("1", cmd.query);
  } else {
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      std::string qid = std::to_string(line_no), text = line;
      if (size_t tab = line.find('\t'); tab != std::string::npos) qid = line.substr(0, tab), text = line.substr(tab + 1);
      try {
        run_one_retrying(qid, text);
      } catch (const QueryError& e) {
        err << fmt::format("newsquery: stdin:{}: {}\n", line_no, query_error_line(text, e));
      } catch (const Xapian::QueryParserError& e) {
        err << fmt::format("newsquery: stdin:{}: {}\n", line_no, e.get_description());
      } catch (const Xapian::WildcardError& e) {
        err << fmt::format("newsquery: stdin:{}: {}\n", line_no, wildcard_error_line(e, cmd.parse.max_wildcard));
      }
    }
  }
  printer->end();
  out.flush();
  return any ? 0 : 1;
}

std::string wildcard_error_line(const Xapian::WildcardError& e, Xapian::termcount max) {
  // Xapian says "Wildcard decoup* expands to more than N terms".
  return fmt::format("{}: narrow the wildcard or raise --max-wildcard (now {})", printable_name(e.get_msg()), max);
}

}  // namespace newsindex
