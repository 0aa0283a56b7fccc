#include "search.h"

#include <nlohmann/json.hpp>

#include "doc_builder.h"
#include "schema.h"
#include "terms.h"

namespace newsindex {

namespace {

Xapian::Query kind_filter(bool articles) {
  using schema::Kind;
  if (articles) return Xapian::Query(schema::term("type", schema::kind_name(Kind::Article)));
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(schema::term("type", schema::kind_name(Kind::Passage))),
                       Xapian::Query(schema::term("type", schema::kind_name(Kind::Link))));
}

std::string str_or_empty(const nlohmann::json& j, const char* k) {
  auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void configure(Xapian::Enquire& enq, const SearchOptions& o, const Bm25Params& p) {
  enq.set_weighting_scheme(Xapian::BM25Weight(p.k1, 0, 1, p.b, 0.5));
  switch (o.sort) {
    case SearchOptions::Sort::Relevance: enq.set_sort_by_relevance(); break;
    case SearchOptions::Sort::Date: enq.set_sort_by_value_then_relevance(schema::kSlotDate, false); break;
    case SearchOptions::Sort::DateDesc: enq.set_sort_by_value_then_relevance(schema::kSlotDate, true); break;
  }
}

}  // namespace

Searcher::Searcher(Xapian::Database db, Analyzer& analyzer) : db_(std::move(db)), analyzer_(analyzer) {}

Xapian::Query Searcher::full_query(const ParsedQuery& q, const SearchOptions& opts) const {
  Xapian::Query scored = q.query.empty() ? Xapian::Query::MatchAll : q.query;
  Xapian::Query filter = kind_filter(opts.articles);
  if (!q.filter.empty()) filter = Xapian::Query(Xapian::Query::OP_AND, filter, q.filter);
  return Xapian::Query(Xapian::Query::OP_FILTER, scored, filter);
}

void Searcher::fill_article(Hit& h) {
  auto it = article_cache_.find(h.article);
  if (it == article_cache_.end()) {
    std::string data;
    const std::string uid = schema::term("uid", h.article);
    Xapian::PostingIterator p = db_.postlist_begin(uid);
    if (p != db_.postlist_end(uid)) data = db_.get_document(*p).get_data();
    it = article_cache_.emplace(h.article, std::move(data)).first;
  }
  auto j = nlohmann::json::parse(it->second, nullptr, false);
  if (!j.is_object()) return;
  h.title = str_or_empty(j, "title");
  if (auto d = j.find("date"); d != j.end() && d->is_string()) h.date = d->get<std::string>();
  h.url = str_or_empty(j, "url");
  h.source = str_or_empty(j, "source");
  h.category = str_or_empty(j, "category");
}

SearchResult Searcher::search(const ParsedQuery& q, const SearchOptions& opts) {
  SearchResult out;
  Xapian::Enquire enq(db_);
  enq.set_query(full_query(q, opts));
  configure(enq, opts, opts.articles ? opts.article_bm25 : opts.passage_bm25);
  if (!opts.articles && opts.per_article) enq.set_collapse_key(schema::kSlotArticle, static_cast<Xapian::doccount>(opts.per_article));
  const Xapian::doccount want = opts.limit ? static_cast<Xapian::doccount>(opts.limit) : db_.get_doccount();
  Xapian::MSet mset = enq.get_mset(static_cast<Xapian::doccount>(opts.offset), want);
  out.total = mset.get_matches_estimated();
  const Xapian::Stem stem = stemmer_for(opts.language);
  size_t rank = opts.offset;
  for (auto m = mset.begin(); m != mset.end(); ++m) {
    Hit h;
    h.rank = ++rank;
    h.score = m.get_weight();
    Xapian::Document doc = m.get_document();
    h.type = doc.get_value(schema::kSlotKind);
    h.article = doc.get_value(schema::kSlotArticle);
    if (opts.need_text) fill_article(h);
    if (h.type == "article") {
      if (opts.need_text) {
        // The article's best passage stands for it.
        Xapian::Enquire best(db_);
        best.set_query(Xapian::Query(Xapian::Query::OP_FILTER, full_query(q, SearchOptions{}),
                                     Xapian::Query(schema::term("article", h.article))));
        configure(best, SearchOptions{}, opts.passage_bm25);
        Xapian::MSet top = best.get_mset(0, 1);
        if (!top.empty()) {
          auto d = nlohmann::json::parse(top.begin().get_document().get_data(), nullptr, false);
          if (d.is_object()) {
            h.text = str_or_empty(d, data_keys::kText);
            if (d.contains(data_keys::kPassage)) h.passage = d[data_keys::kPassage].get<uint32_t>();
            if (d.contains(data_keys::kSection)) h.section = str_or_empty(d, data_keys::kSection);
          }
        }
      }
    } else if (opts.need_text || !opts.articles) {
      auto d = nlohmann::json::parse(doc.get_data(), nullptr, false);
      if (d.is_object()) {
        h.text = str_or_empty(d, data_keys::kText);
        if (d.contains(data_keys::kPassage)) h.passage = d[data_keys::kPassage].get<uint32_t>();
        if (d.contains(data_keys::kSection)) h.section = str_or_empty(d, data_keys::kSection);
        h.caption = d.value(data_keys::kCaption, false);
        if (h.type == "link") {
          h.url = str_or_empty(d, data_keys::kUrl);
          if (d.contains(data_keys::kLinkDate)) h.link_date = str_or_empty(d, data_keys::kLinkDate);
        }
      }
    }
    if (opts.need_text) h.matches = find_matches(h.text, q.matches, analyzer_, stem);
    out.hits.push_back(std::move(h));
  }
  return out;
}

size_t Searcher::count(const ParsedQuery& q, const SearchOptions& opts) {
  Xapian::Enquire enq(db_);
  enq.set_query(full_query(q, opts));
  enq.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet m = enq.get_mset(0, 0, db_.get_doccount());
  return m.get_matches_estimated();
}

}  // namespace newsindex
