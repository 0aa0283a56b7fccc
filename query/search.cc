#include "query/search.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "query/article_store.h"
#include "common/data_keys.h"
#include "query/match_all.h"
#include "query/ranking/docid_set.h"
#include "query/ranking/explain.h"
#include "query/ranking/key_set_source.h"
#include "common/schema.h"
#include "query/story_groups.h"
#include "common/terms.h"
#include "query/json_fields.h"

namespace newsindex {

namespace {

Xapian::Query kind_query(schema::Kind k) { return Xapian::Query(schema::kind_term(k)); }

Xapian::Query kind_filter(bool articles) {
  using schema::Kind;
  if (articles) return kind_query(Kind::Article);
  return Xapian::Query(Xapian::Query::OP_OR, kind_query(Kind::Passage), kind_query(Kind::Link));
}

Xapian::Query with_filter(Xapian::Query kind, const ParsedQuery& q) {
  return q.filter.empty() ? kind : Xapian::Query(Xapian::Query::OP_AND, kind, q.filter);
}

void set_order(Xapian::Enquire& enq, const SearchOptions& o) {
  switch (o.sort) {
    case SearchOptions::Sort::Relevance: enq.set_sort_by_relevance(); break;
    case SearchOptions::Sort::Date: {
      // An undated record has no date value, which sorts before every date: oldest first would
      // open with them. A default past every YYYYMMDD puts them last, by relevance among themselves,
      // as newest first (where no value sorts last) does.
      auto* key = new Xapian::MultiValueKeyMaker();
      key->add_value(schema::kSlotDate, false, "~");
      enq.set_sort_by_key_then_relevance(key->release(), false);
      break;
    }
    case SearchOptions::Sort::DateDesc: enq.set_sort_by_value_then_relevance(schema::kSlotDate, true); break;
  }
}

// Text, ordinal, section and link fields from a passage or link document's data.
void fill_from_data(Hit& h, const Xapian::Document& doc) {
  auto d = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (!d.is_object()) return;
  h.text = json_string(d, data_keys::kText);
  if (d.contains(data_keys::kPassage)) h.passage = d[data_keys::kPassage].get<uint32_t>();
  if (d.contains(data_keys::kSection)) h.section = json_string(d, data_keys::kSection);
  h.caption = d.value(data_keys::kCaption, false);
  if (h.type == "link") {
    h.url = json_string(d, data_keys::kUrl);
    if (d.contains(data_keys::kLinkDate)) h.link_date = json_string(d, data_keys::kLinkDate);
  }
}

Xapian::doccount page_end(const SearchOptions& o, Xapian::doccount all) {
  return o.limit ? static_cast<Xapian::doccount>(o.offset + o.limit) : all;
}

// Ranks `end` deep (0: all) and keeps in `kept` the indices of the items a page shows: copies
// of a story after its first (`repeats`, StoryFolder) are left out, and while that leaves fewer
// than `end` items and the ranking had more, it ranks twice as deep. An index without copies
// ranks once. (Asking for as many distinct items as the depth instead would rank every match
// whenever each story has a copy or more.)
template <class Rank, class Items, class Repeats>
auto rank_distinct(const Xapian::Database& db, size_t end, std::vector<size_t>& kept, Rank rank, Items items,
                   Repeats repeats) {
  for (size_t depth = end;; depth *= 2) {
    auto ranking = rank(depth);
    const auto& list = items(ranking);
    StoryFolder folder(db);
    kept.clear();
    for (size_t i = 0; i < list.size(); ++i)
      if (!repeats(folder, list[i])) kept.push_back(i);
    if (depth == 0 || kept.size() >= end || list.size() < depth) return ranking;
  }
}

}  // namespace

Searcher::Searcher(Xapian::Database db, Analyzer& analyzer) : db_(std::move(db)), ranker_(db_), analyzer_(analyzer) {}

Xapian::Query Searcher::full_query(const ParsedQuery& q, const SearchOptions& opts) const {
  const Xapian::Query& ranked = opts.articles ? q.article_query : q.query;
  Xapian::Query scored = ranked.empty() ? match_all() : ranked;
  return Xapian::Query(Xapian::Query::OP_FILTER, scored, with_filter(kind_filter(opts.articles), q));
}

RankQuery Searcher::rank_query(const ParsedQuery& q, const SearchOptions& opts) const {
  RankQuery r;
  r.ranked = q.query;
  r.article_ranked = q.article_query;
  r.ranked_length = std::max<double>(1, q.query.get_length());
  r.article_filter = with_filter(kind_query(schema::Kind::Article), q);
  r.passage_filter = with_filter(kind_query(schema::Kind::Passage), q);
  // Body words alone reach only passages and links: the kind filter would cost a skip through
  // the long type:passage and type:link lists for every match and change nothing.
  r.hit_filter = q.body_only ? q.filter : with_filter(kind_filter(false), q);
  r.stem = stemmer_for(opts.language);
  r.language = opts.language;
  return r;
}

void Searcher::reopened() {
  ranker_.forget_statistics();
  article_cache_.clear();
}

const std::string& Searcher::article_data(const std::string& key) {
  auto it = article_cache_.find(key);
  if (it == article_cache_.end()) {
    if (article_cache_.size() >= kArticleCacheSize) article_cache_.clear();  // an endless batch stays bounded
    const auto doc = article_docid(db_, key);
    it = article_cache_.emplace(key, doc ? db_.get_document(*doc).get_data() : std::string()).first;
  }
  return it->second;
}

void Searcher::name_article(Hit& h) {
  if (h.article.size() <= schema::kArticleKeyBytes) return;  // a short id is its own key
  auto j = nlohmann::json::parse(article_data(h.article), nullptr, false);
  if (std::string id = j.is_object() ? json_string(j, "id") : std::string(); !id.empty()) h.article = std::move(id);
}

void Searcher::fill_article(Hit& h) {
  auto j = nlohmann::json::parse(article_data(h.article), nullptr, false);
  if (!j.is_object()) return;
  const std::string story = story_key(h.article, json_string(j, "story"));
  if (std::string id = json_string(j, "id"); !id.empty()) h.article = std::move(id);
  h.title = json_string(j, "title");
  if (auto d = j.find("date"); d != j.end() && d->is_string()) h.date = d->get<std::string>();
  h.url = json_string(j, "url");
  h.source = json_string(j, "source");
  h.category = json_string(j, "category");
  h.sources = story_sources(db_, story, h.source);
}

// The article's best passage stands for it when ranking did not already find it.
void Searcher::best_passage(Hit& h, const ParsedQuery& q, const SearchOptions& opts) {
  Xapian::Enquire best(db_);
  best.set_query(Xapian::Query(Xapian::Query::OP_FILTER, full_query(q, SearchOptions{}),
                               Xapian::Query(schema::term(schema::FieldId::Article, h.article))));
  best.set_weighting_scheme(ranker_.passage_weight(opts.ranking));
  Xapian::MSet top = best.get_mset(0, 1);
  if (!top.empty()) {
    const std::string type = h.type;
    fill_from_data(h, top.begin().get_document());
    h.type = type;
    h.caption = false;
  }
}

Hit Searcher::hit_for(const Xapian::Document& doc, size_t rank, double score, const ParsedQuery& q,
                      const SearchOptions& opts, const Xapian::Stem& stem) {
  Hit h;
  h.rank = rank;
  h.score = score;
  h.type = doc.get_value(schema::kSlotKind);
  h.article = doc.get_value(schema::kSlotArticle);
  if (opts.need_text) fill_article(h);
  else name_article(h);
  if (h.type == schema::kind_name(schema::Kind::Article)) {
    if (opts.need_text) best_passage(h, q, opts);
  } else if (opts.need_text || !opts.articles) {
    fill_from_data(h, doc);
  }
  if (opts.need_text) h.matches = find_matches(h.text, q.matches, analyzer_, stem);
  return h;
}

SearchResult Searcher::search(const ParsedQuery& q, const SearchOptions& opts) {
  if (opts.sort == SearchOptions::Sort::Relevance && !q.query.empty())
    return opts.articles ? ranked_articles(q, opts) : ranked_passages(q, opts);
  // Date order, or nothing to rank (only filters): one plain pass.
  SearchResult out;
  Xapian::Enquire enq(db_);
  // An article is listed when its record matches or, as ranked_articles fuses in its passages,
  // when one of its passages does (a phrase, =word or NEAR match only there): one row per article.
  const bool fused = opts.articles && !q.query.empty() && !q.article_query.empty() && opts.ranking.fusion_weight < 1;
  if (fused) {
    const Xapian::Query articles(Xapian::Query::OP_FILTER, q.article_query, with_filter(kind_query(schema::Kind::Article), q));
    const Xapian::Query passages(Xapian::Query::OP_FILTER, q.query, with_filter(kind_query(schema::Kind::Passage), q));
    enq.set_query(Xapian::Query(Xapian::Query::OP_OR, articles, passages));
    enq.set_collapse_key(schema::kSlotArticle, 1);
  } else {
    enq.set_query(full_query(q, opts));
  }
  enq.set_weighting_scheme(opts.articles ? ranker_.article_weight(opts.ranking) : ranker_.passage_weight(opts.ranking));
  set_order(enq, opts);
  if (!opts.articles && opts.per_article) enq.set_collapse_key(schema::kSlotArticle, static_cast<Xapian::doccount>(opts.per_article));
  // Copies of a story are left out after its first member (StoryFolder), so the matches are read
  // from the top, in growing windows, until the page is full.
  const size_t want = opts.limit ? opts.limit : db_.get_doccount();
  const Xapian::Stem stem = stemmer_for(opts.language);
  StoryFolder folder(db_);
  size_t shown = 0;  // distinct hits so far, the skipped offset included
  for (Xapian::doccount first = 0, window = static_cast<Xapian::doccount>(opts.offset + want);; first += window, window *= 2) {
    Xapian::MSet mset = enq.get_mset(first, window);
    out.total = mset.get_matches_estimated();
    for (auto m = mset.begin(); m != mset.end() && out.hits.size() < want; ++m) {
      const Xapian::Document doc = m.get_document();
      const std::string article = doc.get_value(schema::kSlotArticle), story = doc.get_value(schema::kSlotStory);
      const bool repeat = opts.articles ? folder.repeats_article(article, story) : folder.repeats_passage(*m, article, story);
      if (repeat || ++shown <= opts.offset) continue;
      Hit h = hit_for(doc, shown, m.get_weight(), q, opts, stem);
      if (opts.articles) h.type = std::string(schema::kind_name(schema::Kind::Article));  // a passage stands for it
      out.hits.push_back(std::move(h));
    }
    if (out.hits.size() >= want || mset.size() < window) break;
  }
  return out;
}

SearchResult Searcher::ranked_articles(const ParsedQuery& q, const SearchOptions& opts) {
  SearchResult out;
  const RankingOptions& ro = opts.ranking;
  // Copies of a story are left out after its best article; the ranking is deepened until the
  // page is full of distinct stories (one pass when the index has no copies).
  std::vector<size_t> kept;  // indices into ranking.articles of the hits to show
  const ArticleRanking ranking = rank_distinct(
      db_, page_end(opts, 0), kept, [&](size_t depth) { return ranker_.rank_articles(rank_query(q, opts), depth, ro); },
      [](const ArticleRanking& r) -> const auto& { return r.articles; },
      [](StoryFolder& f, const RankedArticle& a) { return f.repeats_article(a.article, a.story); });
  out.total = ranking.total;
  const Xapian::Stem stem = stemmer_for(opts.language);
  std::vector<WeightedTerm> article_terms, passage_terms;
  if (opts.explain) {
    article_terms = query_term_weights(q.article_query, ranking.expansion, ranking.concept_factors);
    passage_terms = query_term_weights(q.query, ro.passage_feedback ? in_passage_terms(ranking.expansion)
                                                                    : std::vector<WeightedTerm>{},
                                       ranking.concept_factors);
    prefetch_freqs({&article_terms, &passage_terms});
  }
  const size_t end = opts.limit ? std::min(kept.size(), opts.offset + opts.limit) : kept.size();
  std::vector<std::string> keys;
  std::vector<Xapian::docid> passage_docs;
  for (size_t k = opts.offset; k < end; ++k) {
    keys.push_back(ranking.articles[kept[k]].article);
    if (opts.need_text && ranking.articles[kept[k]].passage_doc) passage_docs.push_back(ranking.articles[kept[k]].passage_doc);
  }
  prefetch_articles(keys, opts.need_text);
  const std::map<Xapian::docid, Xapian::Document> fetched = fetch_page(passage_docs);
  for (size_t k = opts.offset; k < end; ++k) {
    const RankedArticle& r = ranking.articles[kept[k]];
    Hit h;
    h.rank = k + 1;
    h.score = r.score;
    h.type = std::string(schema::kind_name(schema::Kind::Article));
    h.article = r.article;
    if (!opts.need_text) {
      name_article(h);
    } else {
      fill_article(h);
      if (r.passage_doc) {
        const auto f = fetched.find(r.passage_doc);
        fill_from_data(h, f != fetched.end() ? f->second : db_.get_document(r.passage_doc));
        h.type = std::string(schema::kind_name(schema::Kind::Article));
        h.caption = false;
      } else {
        best_passage(h, q, opts);
      }
      h.matches = find_matches(h.text, q.matches, analyzer_, stem);
    }
    if (opts.explain)
      h.explain = explain_article(db_, ranker_.lengths(), ro, ranking, r, article_terms, passage_terms, &ranker_.term_freqs());
    out.hits.push_back(std::move(h));
  }
  return out;
}

SearchResult Searcher::ranked_passages(const ParsedQuery& q, const SearchOptions& opts) {
  SearchResult out;
  const RankingOptions& ro = opts.ranking;
  // Passages repeated by another copy of their story are left out; the ranking is deepened until
  // the page is full (one pass when the index has no copies).
  std::vector<size_t> kept;  // indices into ranking.passages of the hits to show
  const PassageRanking ranking = rank_distinct(
      db_, page_end(opts, 0), kept,
      [&](size_t depth) { return ranker_.rank_passages(rank_query(q, opts), depth, opts.per_article, ro); },
      [](const PassageRanking& r) -> const auto& { return r.passages; },
      [](StoryFolder& f, const RankedPassage& p) { return f.repeats_passage(p.doc, p.article, p.story); });
  out.total = ranking.total;
  const Xapian::Stem stem = stemmer_for(opts.language);
  const std::vector<WeightedTerm> terms =
      opts.explain ? query_term_weights(q.query, ro.passage_feedback ? ranking.expansion : std::vector<WeightedTerm>{},
                                        ranking.concept_factors)
                   : std::vector<WeightedTerm>{};
  if (opts.explain) prefetch_freqs({&terms});
  const size_t end = opts.limit ? std::min(kept.size(), opts.offset + opts.limit) : kept.size();
  std::vector<Xapian::docid> page;
  std::vector<std::string> keys;
  for (size_t k = opts.offset; k < end; ++k) {
    page.push_back(ranking.passages[kept[k]].doc);
    keys.push_back(ranking.passages[kept[k]].article);
  }
  const std::map<Xapian::docid, Xapian::Document> fetched = fetch_page(page);
  prefetch_articles(keys, opts.need_text);
  for (size_t k = opts.offset; k < end; ++k) {
    const RankedPassage& r = ranking.passages[kept[k]];
    const auto f = fetched.find(r.doc);
    Hit h = hit_for(f != fetched.end() ? f->second : db_.get_document(r.doc), k + 1, r.score, q, opts, stem);
    if (opts.explain) h.explain = explain_passage(db_, ranker_.lengths(), ro, ranking, r, terms, &ranker_.term_freqs());
    out.hits.push_back(std::move(h));
  }
  return out;
}

void Searcher::prefetch_articles(const std::vector<std::string>& keys, bool need_text) {
  if (!shard_side_reads_) return;
  std::vector<std::string> uids;
  std::vector<std::string> wanted;
  for (const auto& key : keys) {
    // Without text only a long key is named from its record (name_article).
    if (!need_text && key.size() <= schema::kArticleKeyBytes) continue;
    if (article_cache_.count(key) || std::find(wanted.begin(), wanted.end(), key) != wanted.end()) continue;
    wanted.push_back(key);
    uids.push_back(schema::term(schema::FieldId::Uid, key));
  }
  if (uids.size() < 2) return;
  if (article_cache_.size() + wanted.size() > kArticleCacheSize) article_cache_.clear();
  Xapian::Enquire enq(db_);
  enq.set_query(Xapian::Query((new KeySetSource(std::move(uids)))->release()));
  enq.set_weighting_scheme(Xapian::BoolWeight());
  // Each shard gives each uid term's first document: at most one a key per shard.
  const auto most = static_cast<Xapian::doccount>(wanted.size() * shard_uuids(db_).size());
  Xapian::MSet m = enq.get_mset(0, most);
  m.fetch();
  // Equal weights come in docid order: the first of a key is the one article_docid() finds.
  for (auto it = m.begin(); it != m.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const std::string key = doc.get_value(schema::kSlotArticle);
    if (std::find(wanted.begin(), wanted.end(), key) != wanted.end()) article_cache_.emplace(key, doc.get_data());
  }
  for (const auto& key : wanted) article_cache_.emplace(key, std::string());  // not indexed
}

void Searcher::prefetch_freqs(std::initializer_list<const std::vector<WeightedTerm>*> lists) {
  if (!shard_side_reads_) return;
  std::vector<std::string> terms;
  for (const auto* list : lists)
    for (const auto& t : *list) terms.push_back(t.term);
  ranker_.term_freqs().prefetch(terms);
}

std::map<Xapian::docid, Xapian::Document> Searcher::fetch_page(const std::vector<Xapian::docid>& ids) {
  std::map<Xapian::docid, Xapian::Document> out;
  if (!shard_side_reads_ || ids.size() < 2) return out;
  Xapian::Enquire enq(db_);
  enq.set_query(docid_filter(db_, ids));
  enq.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::MSet m = enq.get_mset(0, static_cast<Xapian::doccount>(ids.size()));
  m.fetch();
  for (auto it = m.begin(); it != m.end(); ++it) out.emplace(*it, it.get_document());
  return out;
}

size_t Searcher::count(const ParsedQuery& q, const SearchOptions& opts) {
  Xapian::Enquire enq(db_);
  enq.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::doccount all = db_.get_doccount();
  // A listing shows a story once (StoryFolder); an index without copies has nothing to fold and
  // its count needs no document read.
  const bool copies = db_.valuestream_begin(schema::kSlotStory) != db_.valuestream_end(schema::kSlotStory);
  // Ranked articles are the article records that match and, as ranked_articles fuses in each
  // article's best passage, the articles with a matching passage: an exact word, a phrase or
  // NEAR matches only there (the article record keeps stems, schema::kStemsOnly). So count the
  // articles among both, one per article (collapsed on its key), as the listing shows them.
  const bool fused = opts.articles && !q.query.empty() && !q.article_query.empty() && opts.ranking.fusion_weight < 1;
  if (fused) {
    const Xapian::Query articles(Xapian::Query::OP_FILTER, q.article_query, with_filter(kind_query(schema::Kind::Article), q));
    const Xapian::Query passages(Xapian::Query::OP_FILTER, q.query, with_filter(kind_query(schema::Kind::Passage), q));
    enq.set_query(Xapian::Query(Xapian::Query::OP_OR, articles, passages));
    enq.set_collapse_key(schema::kSlotArticle, 1);  // an article and its passages count once
  } else {
    enq.set_query(full_query(q, opts));
  }
  const bool capped = !opts.articles && opts.per_article > 0;  // --per-article N lists at most N hits of an article
  if (capped) enq.set_collapse_key(schema::kSlotArticle, static_cast<Xapian::doccount>(opts.per_article));
  // Nothing to collapse or fold: the matcher counts without building the list.
  if (!copies && !fused && !capped) return enq.get_mset(0, 0, all).get_matches_estimated();
  const Xapian::MSet m = enq.get_mset(0, all);
  if (!copies) return m.size();
  StoryFolder folder(db_);
  size_t n = 0;
  for (auto it = m.begin(); it != m.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const std::string article = doc.get_value(schema::kSlotArticle), story = doc.get_value(schema::kSlotStory);
    n += !(opts.articles ? folder.repeats_article(article, story) : folder.repeats_passage(*it, article, story));
  }
  return n;
}

}  // namespace newsindex
