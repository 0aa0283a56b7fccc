// Running a parsed query against the database: passages and links ranked by BM25, or whole
// articles in articles mode, turned into Hits ready for a printer.
#pragma once
#include <xapian.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "common/analyzer.h"
#include "query/hit.h"
#include "query/query_parser.h"
#include "query/ranking/ranker.h"

namespace newsindex {

struct SearchOptions {
  size_t limit = 10;       // 0 = all
  size_t offset = 0;
  bool articles = false;   // one row per article
  enum class Sort { Relevance, Date, DateDesc } sort = Sort::Relevance;
  RankingOptions ranking;  // BM25 parameters, fusion, article context, feedback
  bool explain = false;    // attach how each score was made (Hit::explain)
  bool need_text = true;   // false: ids and scores only (TREC runs)
  size_t per_article = 0;  // passage mode: at most this many hits per article (0 = no cap)
  std::string language = "english";
};

struct SearchResult {
  std::vector<Hit> hits;
  size_t total = 0;        // matches in all (estimate when not counted exactly)
};

class Searcher {
 public:
  Searcher(Xapian::Database db, Analyzer& analyzer);
  SearchResult search(const ParsedQuery& q, const SearchOptions& opts);
  // Exact number of matching hits (articles in articles mode).
  size_t count(const ParsedQuery& q, const SearchOptions& opts);
  Xapian::Database& db() { return db_; }
  // See Ranker::set_metadata.
  void set_metadata(const Xapian::Database& meta) { ranker_.set_metadata(meta); }
  // A single query with a core to spare: see Ranker::set_second_reader.
  void set_second_reader(DatabaseOpener open) { ranker_.set_second_reader(std::move(open)); }
  // Remote shards: see Ranker::set_shard_side_reads.
  void set_shard_side_reads(bool on) {
    ranker_.set_shard_side_reads(on);
    shard_side_reads_ = on;
  }
  // After the database was reopened at a newer revision: drop what was read from the old one.
  void reopened();
  // The query with its filters and the document-kind filter of the mode, as searched.
  Xapian::Query full_query(const ParsedQuery& q, const SearchOptions& opts) const;

 private:
  // Records hold their article's key (schema::article_key): these turn it into the article's id,
  // fill_article with the article's title, date, URL and sources too.
  void fill_article(Hit& h);
  void name_article(Hit& h);
  const std::string& article_data(const std::string& key);  // the article record's data, cached
  SearchResult ranked_articles(const ParsedQuery& q, const SearchOptions& opts);
  SearchResult ranked_passages(const ParsedQuery& q, const SearchOptions& opts);
  RankQuery rank_query(const ParsedQuery& q, const SearchOptions& opts) const;
  void best_passage(Hit& h, const ParsedQuery& q, const SearchOptions& opts);
  // A hit for a matched document: its fields, its article's, the text and the match offsets.
  Hit hit_for(const Xapian::Document& doc, size_t rank, double score, const ParsedQuery& q, const SearchOptions& opts,
              const Xapian::Stem& stem);
  // The documents of a page of hits: on remote shards from one match restricted to them, whose
  // documents MSet::fetch requests together, where get_document is a round trip each. Empty on
  // local databases, which read each document directly.
  std::map<Xapian::docid, Xapian::Document> fetch_page(const std::vector<Xapian::docid>& ids);
  // The article records of a page of hits (`keys`), into the cache: on remote shards in one
  // match whose documents MSet::fetch requests together, where each is a postlist lookup per
  // shard and a document read. Nothing on local databases.
  void prefetch_articles(const std::vector<std::string>& keys, bool need_text);
  // --explain's terms' document frequencies: on remote shards looked up in one match per shard,
  // where each is a round trip per term and shard. Nothing on local databases.
  void prefetch_freqs(std::initializer_list<const std::vector<WeightedTerm>*> lists);
  Xapian::Database db_;
  Ranker ranker_;
  bool shard_side_reads_ = false;
  Analyzer& analyzer_;
  static constexpr size_t kArticleCacheSize = 4096;
  std::map<std::string, std::string> article_cache_;  // article key -> article data JSON
};

}  // namespace newsindex
