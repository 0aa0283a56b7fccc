#include "query_command.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <istream>
#include <ostream>

#include "errors.h"
#include "index_writer.h"
#include "schema.h"

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
  return fmt::format("malformed query at column {}: {} (in \"{}\")", e.column + 1, e.what(), q);
}

}  // namespace

int run_query_command(const QueryCommand& cmd, std::istream& in, std::ostream& out, std::ostream& err) {
  Xapian::Database db = open_for_reading(cmd.db);
  if (cmd.stats) {
    print_stats(db, cmd.db, out);
    return 0;
  }
  Analyzer analyzer;
  Searcher searcher(db, analyzer);
  SearchOptions so = cmd.search;
  so.need_text = cmd.format != OutputFormat::Trec;
  so.language = cmd.parse.language;
  PrintOptions po = cmd.print;
  po.batch = cmd.batch;
  po.articles = so.articles;
  auto printer = make_printer(cmd.format, out, po);
  printer->begin();
  bool any = false;
  auto run_one = [&](const std::string& qid, const std::string& text) {
    ParsedQuery pq = parse_query(text, analyzer, cmd.parse);
    if (cmd.count) {
      size_t n = searcher.count(pq, so);
      out << (cmd.batch ? qid + "\t" : "") << n << '\n';
      any = any || n > 0;
      return;
    }
    SearchResult r = searcher.search(pq, so);
    for (Hit& h : r.hits) {
      h.qid = qid;
      printer->hit(h);
    }
    any = any || !r.hits.empty();
  };
  if (!cmd.batch) {
    run_one("1", cmd.query);
  } else {
    std::string line;
    size_t line_no = 0, bad = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      std::string qid = std::to_string(line_no), text = line;
      if (size_t tab = line.find('\t'); tab != std::string::npos) qid = line.substr(0, tab), text = line.substr(tab + 1);
      try {
        run_one(qid, text);
      } catch (const QueryError& e) {
        err << fmt::format("newsquery: stdin:{}: {}\n", line_no, query_error_line(text, e));
        ++bad;
      } catch (const Xapian::Error& e) {
        err << fmt::format("newsquery: stdin:{}: {}\n", line_no, e.get_description());
        ++bad;
      }
    }
  }
  printer->end();
  out.flush();
  return any ? 0 : 1;
}

}  // namespace newsindex
