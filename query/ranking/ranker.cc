#include "query/ranking/ranker.h"

#include <algorithm>
#include <memory>
#include <set>
#include <system_error>
#include <tuple>
#include <unordered_map>

#include "query/article_store.h"
#include "query/match_all.h"
#include "query/ranking/article_shape.h"
#include "query/ranking/docid_set.h"
#include "query/ranking/fusion.h"
#include "query/ranking/key_set_source.h"
#include "query/ranking/proximity.h"
#include "query/ranking/proximity_source.h"
#include "query/ranking/rerank_spy.h"
#include "query/ranking/term_score_source.h"
#include "query/ranking/term_scores.h"
#include "common/schema.h"

namespace newsindex {

namespace {

bool one_database(const Xapian::Database& db) {
  try {
    db.get_revision();
    return true;
  } catch (const Xapian::InvalidOperationError&) {  // "requires exactly one subdatabase"
    return false;
  } catch (const Xapian::UnimplementedError&) {  // a remote database
    return false;
  }
}

}  // namespace

Ranker::Ranker(const Xapian::Database& db)
    : db_(db),
      meta_(db),
      single_database_(one_database(db_)),
      shard_side_reads_(false),
      term_freqs_(db_) {}

const KindLengths& Ranker::lengths() {
  if (!have_lengths_) {
    lengths_ = kind_lengths(db_, meta_);
    have_lengths_ = true;
  }
  return lengths_;
}

double Ranker::article_share(const RankingOptions& o) {
  return newsindex::article_share(o.fusion_weight, o.fusion_length_power,
                                  passages_per_article(lengths().article_docs, lengths().passage_docs));
}

FeedbackOptions Ranker::feedback_options(const RankingOptions& o) {
  return for_article_shape(o.feedback, passages_per_article(lengths().article_docs, lengths().passage_docs));
}

KindBm25Weight Ranker::article_weight(const RankingOptions& o) {
  return KindBm25Weight(o.article_bm25, lengths().article, lengths().article_docs);
}
KindBm25Weight Ranker::passage_weight(const RankingOptions& o) {
  return KindBm25Weight(o.passage_bm25, lengths().passage, lengths().passage_docs);
}

std::vector<WeightedTerm> Ranker::first_pass_feedback(const RankQuery& q, const FeedbackOptions& fo,
                                                      const RankingOptions& o) {
  const bool passages = fo.from == FeedbackFrom::Passages;
  const schema::BodyForm form = passages ? schema::BodyForm::Passage : schema::BodyForm::Article;
  Xapian::Enquire enq(db_);
  if (passages) {
    enq.set_weighting_scheme(passage_weight(o));
    enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q.ranked, q.passage_filter));
  } else {
    enq.set_weighting_scheme(article_weight(o));
    enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q.article_ranked, q.article_filter));
  }
  // One document an article: an article's record is its only one, of its passages the best.
  // The collapse also brings each one's article key with the MSet (shard-side reads).
  if (passages || shard_side_reads_) enq.set_collapse_key(schema::kSlotArticle, 1);
  if (!shard_side_reads_) {
    const Xapian::MSet first = enq.get_mset(0, fo.docs);
    std::vector<ScoredDoc> best;
    for (auto m = first.begin(); m != first.end(); ++m) best.push_back({*m, m.get_weight()});
    return feedback_terms(db_, best, q.ranked_length, fo, q.stem, {}, form);
  }
  // The feedback documents' terms are read on their shards during the pass, by a spy that keeps
  // each shard's best.
  RerankSpy spy(schema::kSlotArticle, schema::stem_prefix(schema::body_field(form)), fo.docs);
  enq.add_matchspy(&spy);
  const Xapian::MSet first = enq.get_mset(0, fo.docs);
  std::vector<ScoredDoc> best;
  std::map<Xapian::docid, std::string> key;
  for (auto m = first.begin(); m != first.end(); ++m) {
    best.push_back({*m, m.get_weight()});
    key.emplace(*m, m.get_collapse_key());
  }
  return feedback_terms(
      db_, best, q.ranked_length, fo, q.stem,
      [&](Xapian::docid doc) -> const DocTerms* {
        const auto k = key.find(doc);
        return k == key.end() ? nullptr : spy.find(k->second);
      },
      form);
}

Xapian::MSet Ranker::article_pass(const RankQuery& q, size_t depth, const RankingOptions& o,
                                  std::vector<WeightedTerm>& expansion) {
  Xapian::Enquire enq(db_);
  enq.set_weighting_scheme(article_weight(o));
  const Xapian::Query query(Xapian::Query::OP_FILTER, q.article_ranked, q.article_filter);
  enq.set_query(query);
  if (o.feedback.enabled && o.feedback.docs > 0) {
    expansion = first_pass_feedback(q, feedback_options(o), o);
    enq.set_query(with_expansion(query, expansion));
  }
  return enq.get_mset(0, static_cast<Xapian::doccount>(depth));
}

RankQuery Ranker::with_concepts(const RankQuery& user, const RankingOptions& o) {
  if (!o.concepts.active(user.ranked_length)) return user;
  RankQuery q = user;
  const double passages = lengths().passage_docs, articles = lengths().article_docs;
  q.ranked = weigh_concepts(
      user.ranked, [&](const std::string& t) { return bm25_idf(passages, term_freqs_.get(t)); }, o.concepts.power,
      &q.concept_factors);
  q.article_ranked = weigh_concepts(
      user.article_ranked, [&](const std::string& t) { return bm25_idf(articles, term_freqs_.get(t)); },
      o.concepts.power, &q.concept_factors);
  return q;
}

ArticleRanking Ranker::rank_articles(const RankQuery& user, size_t depth, const RankingOptions& o) {
  const RankQuery q = with_concepts(user, o);
  ArticleRanking out;
  out.concept_factors = q.concept_factors;
  if (depth == 0) depth = db_.get_doccount();
  depth = std::max(depth, o.min_depth);
  Xapian::MSet articles = article_pass(q, depth, o, out.expansion);
  out.total = articles.get_matches_estimated();
  // The best passage of each article in one pass: collapse on the article slot.
  Xapian::MSet passages;
  if (o.fusion_weight < 1) {
    Xapian::Enquire enq(db_);
    enq.set_weighting_scheme(passage_weight(o));
    Xapian::Query passage_query(Xapian::Query::OP_FILTER, q.ranked, q.passage_filter);
    enq.set_query(o.passage_feedback ? with_expansion(passage_query, in_passage_terms(out.expansion)) : passage_query);
    enq.set_collapse_key(schema::kSlotArticle, 1);
    passages = enq.get_mset(0, static_cast<Xapian::doccount>(depth));
  }
  // The results' article and story values: on remote shards from one match over them all
  // (keys_of), where a document read is a round trip each.
  std::map<Xapian::docid, Rescored> keys;
  if (shard_side_reads_) {
    std::vector<Xapian::docid> ids;
    for (auto m = articles.begin(); m != articles.end(); ++m) ids.push_back(*m);
    for (auto m = passages.begin(); m != passages.end(); ++m) ids.push_back(*m);
    keys = keys_of(std::move(ids));
  }
  const auto values = [&](const Xapian::MSetIterator& m) -> std::pair<std::string, std::string> {
    if (const auto k = keys.find(*m); k != keys.end()) return {k->second.article, k->second.story};
    const Xapian::Document doc = m.get_document();
    return {doc.get_value(schema::kSlotArticle), doc.get_value(schema::kSlotStory)};
  };

  std::vector<FusionInput> inputs;
  std::unordered_map<std::string, size_t> at;  // article id -> index in inputs / out.articles
  for (auto m = articles.begin(); m != articles.end(); ++m) {
    RankedArticle r;
    std::tie(r.article, r.story) = values(m);
    r.article_doc = *m;
    r.article_score = m.get_weight();
    at.emplace(r.article, inputs.size());
    inputs.push_back({r.article, r.article_score, 0});
    out.articles.push_back(std::move(r));
  }
  for (auto m = passages.begin(); m != passages.end(); ++m) {
    auto [id, story] = values(m);
    auto [it, fresh] = at.emplace(id, inputs.size());
    if (fresh) {
      RankedArticle r;
      r.article = id;
      r.story = std::move(story);
      out.articles.push_back(std::move(r));
      inputs.push_back({id, 0, 0});
    }
    out.articles[it->second].passage_doc = *m;
    out.articles[it->second].passage_score = m.get_weight();
    inputs[it->second].passage_score = m.get_weight();
  }
  if (o.proximity_weight > 0 && o.fusion_weight < 1) {
    // Only the user's own words: feedback terms are scattered by nature.
    if (shard_side_reads_) {
      std::vector<std::string> words;
      for (auto t = q.ranked.get_unique_terms_begin(); t != q.ranked.get_unique_terms_end(); ++t) words.push_back(*t);
      term_freqs_.prefetch(words);
    }
    const double passages = lengths().passage_docs > 0 ? lengths().passage_docs : db_.get_doccount();
    const ProximityTerms terms =
        proximity_terms(q.ranked, q.stem, passages, [&](const std::string& t) { return term_freqs_.get(t); });
    // Remote shards send no positions: each shard computes its passages' proximity.
    std::map<Xapian::docid, double> computed;
    if (shard_side_reads_ && terms.weights.size() > 1) {
      std::vector<Xapian::docid> docs;
      for (const RankedArticle& r : out.articles)
        if (r.passage_doc) docs.push_back(r.passage_doc);
      computed = shard_proximities(db_, docs, terms, q.language, o.passage_bm25, lengths().passage);
    }
    for (size_t i = 0; i < inputs.size(); ++i) {
      RankedArticle& r = out.articles[i];
      if (!r.passage_doc) continue;
      const auto c = computed.find(r.passage_doc);
      r.proximity = c != computed.end() ? c->second
                                        : document_proximity(db_, r.passage_doc, terms, lengths().passage, o.passage_bm25);
      inputs[i].proximity = r.proximity;
    }
  }
  for (const auto& in : inputs) {
    out.article_max = std::max(out.article_max, in.article_score);
    out.passage_max = std::max(out.passage_max, in.passage_score);
    out.proximity_max = std::max(out.proximity_max, in.proximity);
  }
  std::vector<RankedArticle> ranked;
  ranked.reserve(out.articles.size());
  for (const FusedScore& f : fuse_scores(inputs, article_share(o), o.proximity_weight)) {
    RankedArticle r = std::move(out.articles[at.at(f.key)]);
    r.article_norm = f.article_norm;
    r.passage_norm = f.passage_norm;
    r.proximity_norm = f.proximity_norm;
    r.score = f.score;
    ranked.push_back(std::move(r));
  }
  out.articles = std::move(ranked);
  out.total = std::max(out.total, out.articles.size());
  return out;
}

namespace {

// Relevance order for scored documents; ties go by docid, as in Xapian's own relevance order.
constexpr auto best_first = [](const auto& a, const auto& b) {
  return a.score != b.score ? a.score > b.score : a.doc < b.doc;
};

}  // namespace

Xapian::Enquire Ranker::among(const Xapian::Query& query, const Xapian::Weight& weight,
                              const std::vector<Xapian::docid>& docs) {
  Xapian::Enquire enq(db_);
  enq.set_weighting_scheme(weight);
  enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, docid_filter(db_, docs)));
  return enq;
}

std::map<Xapian::docid, double> Ranker::rescore(const Xapian::Query& query, const Xapian::Weight& weight,
                                                std::vector<Xapian::docid> docs) {
  std::map<Xapian::docid, double> out;
  if (docs.empty()) return out;
  const auto n = static_cast<Xapian::doccount>(docs.size());
  Xapian::MSet m = among(query, weight, docs).get_mset(0, n);
  for (auto it = m.begin(); it != m.end(); ++it) out.emplace(*it, it.get_weight());
  return out;
}

std::map<Xapian::docid, Ranker::Rescored> Ranker::keys_of(std::vector<Xapian::docid> docs) {
  return rescore_with_keys(match_all(), Xapian::BoolWeight(), std::move(docs));
}

std::map<Xapian::docid, Ranker::Rescored> Ranker::rescore_with_keys(const Xapian::Query& query,
                                                                  const Xapian::Weight& weight,
                                                                  std::vector<Xapian::docid> docs) {
  std::map<Xapian::docid, Rescored> out;
  if (docs.empty()) return out;
  const auto n = static_cast<Xapian::doccount>(docs.size());
  Xapian::Enquire enq = among(query, weight, docs);
  // Every candidate comes back, so neither key changes which: the collapse key (its limit never
  // reached) brings each one's article value with the MSet, and the sort key, which orders only
  // equal scores, its story value — no document read per candidate.
  enq.set_collapse_key(schema::kSlotArticle, n);
  enq.set_sort_by_relevance_then_value(schema::kSlotStory, false);
  Xapian::MSet m = enq.get_mset(0, n, n);
  for (auto it = m.begin(); it != m.end(); ++it) out.emplace(*it, Rescored{it.get_weight(), it.get_collapse_key(), it.get_sort_key()});
  return out;
}

namespace {

// The candidates' articles, by key, scored for the article query by the matcher among just them
// while `spy` reads their terms on the shards that hold them.
struct KeyedArticles {
  std::map<Xapian::docid, double> scores;
  std::map<Xapian::docid, std::string> key;  // docid -> article key
};

KeyedArticles rescore_articles(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Weight& weight,
                               std::map<std::string, Xapian::docid>& article_doc, RerankSpy& spy) {
  KeyedArticles out;
  std::vector<std::string> uids;
  for (const auto& [key, doc] : article_doc) uids.push_back(schema::term(schema::FieldId::Uid, key));
  if (uids.empty()) return out;
  const auto n = static_cast<Xapian::doccount>(uids.size());
  Xapian::Enquire enq(db);
  enq.set_weighting_scheme(weight);
  enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new KeySetSource(std::move(uids)))->release())));
  enq.set_collapse_key(schema::kSlotArticle, n);  // never reached: brings each article's key
  enq.add_matchspy(&spy);
  Xapian::MSet m = enq.get_mset(0, n, n);  // n checked: the spy sees every candidate
  for (auto it = m.begin(); it != m.end(); ++it) {
    out.scores.emplace(*it, it.get_weight());
    std::string key = it.get_collapse_key();
    // The article's docid, as article_docid() finds it (the first posting of its uid term).
    auto found = article_doc.find(key);
    if (found != article_doc.end() && (!found->second || *it < found->second)) found->second = *it;
    out.key.emplace(*it, std::move(key));
  }
  return out;
}

}  // namespace

PassageRanking Ranker::rank_passages(const RankQuery& user, size_t depth, size_t per_article, const RankingOptions& o) {
  const RankQuery q = with_concepts(user, o);
  PassageRanking out;
  out.concept_factors = q.concept_factors;
  if (depth == 0) depth = db_.get_doccount();
  const bool rerank = o.context_weight > 0;
  const Xapian::Query passages =
      q.hit_filter.empty() ? q.ranked : Xapian::Query(Xapian::Query::OP_FILTER, q.ranked, q.hit_filter);
  Xapian::Enquire enq(db_);
  enq.set_query(passages);
  enq.set_weighting_scheme(passage_weight(o));
  if (per_article) enq.set_collapse_key(schema::kSlotArticle, static_cast<Xapian::doccount>(per_article));
  // Whole blocks of min_depth: pages cut from the same block come from one re-ranking, so
  // paging through it neither repeats nor skips a hit.
  const size_t block = std::max<size_t>(o.min_depth, 1);
  const size_t candidates = rerank ? (std::max(depth, block) + block - 1) / block * block : depth;
  // The helper opens its handle while this thread finds the candidates.
  const std::string passage_stems = schema::stem_prefix(schema::body_field(schema::BodyForm::Passage));
  const std::string article_stems = schema::stem_prefix(schema::body_field(schema::BodyForm::Article));
  std::unique_ptr<TermlistPrefetch> prefetch;
  // A combined database (shards) has no one revision to hold the helper's handle to: it reads alone.
  if (rerank && o.feedback.active() && second_reader_ && single_database_) {
    try {
      prefetch = std::make_unique<TermlistPrefetch>(second_reader_, db_.get_revision());
    } catch (const std::system_error&) {
      // No thread to be had (a process limit): this thread reads everything, as with -j 1.
    }
  }
  std::vector<ScoredDoc> head;
  std::map<Xapian::docid, Rescored> keyed;  // shard-side reads: the candidates' values, from their rescoring
  if (rerank && o.passage_bm25.b > 0 && o.candidate_widening > 1) {
    // BM25 needs every match's length, which Xapian finds by scanning a list as long as the
    // database, the bulk of this pass on a large index. So the pass ranks without lengths (b = 0),
    // widened, and only its head gets its exact BM25, from the matcher restricted to it.
    RankingOptions flat = o;
    flat.passage_bm25.b = 0;
    enq.set_weighting_scheme(passage_weight(flat));
    Xapian::MSet wide = enq.get_mset(0, static_cast<Xapian::doccount>(candidates * o.candidate_widening));
    out.total = wide.get_matches_estimated();
    std::vector<Xapian::docid> ids;
    for (auto m = wide.begin(); m != wide.end(); ++m) ids.push_back(*m);
    if (shard_side_reads_) {
      keyed = rescore_with_keys(passages, passage_weight(o), std::move(ids));
      for (const auto& [doc, r] : keyed) head.push_back({doc, r.score});
    } else {
      for (const auto& [doc, score] : rescore(passages, passage_weight(o), std::move(ids))) head.push_back({doc, score});
    }
    std::sort(head.begin(), head.end(), best_first);
    if (head.size() > candidates) head.resize(candidates);
  } else {
    Xapian::MSet m = enq.get_mset(0, static_cast<Xapian::doccount>(candidates));
    out.total = m.get_matches_estimated();
    for (auto it = m.begin(); it != m.end(); ++it) head.push_back({*it, it.get_weight()});
  }
  for (const ScoredDoc& d : head) {
    RankedPassage p;
    p.doc = d.doc;
    p.passage_score = p.score = d.score;
    out.passages.push_back(std::move(p));
  }
  // The candidates' values and termlists are read in docid order: a B-tree lookup re-reads only
  // the blocks that differ from the previous lookup's path, and neighbours share them.
  std::vector<RankedPassage*> by_doc;
  for (auto& p : out.passages) by_doc.push_back(&p);
  std::sort(by_doc.begin(), by_doc.end(), [](const RankedPassage* a, const RankedPassage* b) { return a->doc < b->doc; });
  if (prefetch) {
    std::vector<Xapian::docid> docs;
    if (o.passage_feedback)
      for (const RankedPassage* p : by_doc) docs.push_back(p->doc);
    prefetch->add_passages(std::move(docs), passage_stems);
  }
  if (!keyed.empty()) {
    for (RankedPassage* p : by_doc) {
      const Rescored& r = keyed.at(p->doc);
      p->article = r.article;
      p->story = r.story;
    }
  } else {
    // An index without copies has no story values: a second value read per candidate saved.
    const bool stories = db_.get_value_freq(schema::kSlotStory) > 0;
    for (RankedPassage* p : by_doc) {
      const Xapian::Document doc = db_.get_document(p->doc, Xapian::DOC_ASSUME_VALID);
      p->article = doc.get_value(schema::kSlotArticle);
      if (stories) p->story = doc.get_value(schema::kSlotStory);
    }
  }
  if (!rerank || out.passages.empty()) return out;

  // The candidates' articles, scored for the user's query by the matcher among just them.
  std::map<std::string, Xapian::docid> article_doc;
  for (const auto& p : out.passages) article_doc.emplace(p.article, 0);
  const Xapian::Query article_query(Xapian::Query::OP_FILTER, q.article_ranked, q.article_filter);
  std::map<Xapian::docid, double> article_scores;
  std::vector<Xapian::docid> articles_in_order;  // neighbours share B-tree blocks
  RerankSpy spy(schema::kSlotArticle, article_stems);
  KeyedArticles keyed_articles;
  if (shard_side_reads_) {
    // Found by their uid terms in the scoring match itself, their terms read by the spy meanwhile.
    keyed_articles = rescore_articles(db_, article_query, article_weight(o), article_doc, spy);
    article_scores = keyed_articles.scores;
  } else {
    std::vector<Xapian::docid> articles;
    for (auto& [id, doc] : article_doc) {
      if (const auto found = article_docid(db_, id)) {
        doc = *found;
        articles.push_back(doc);
      }
    }
    articles_in_order = articles;
    std::sort(articles_in_order.begin(), articles_in_order.end());
    if (prefetch) prefetch->add_articles(articles_in_order, article_stems);
    article_scores = rescore(article_query, article_weight(o), articles);
  }
  // The terms the spy read (shard-side reads), or null where the termlist is to be read.
  const DocTermsOf spied = [&](Xapian::docid doc) -> const DocTerms* {
    const auto key = keyed_articles.key.find(doc);
    return key == keyed_articles.key.end() ? nullptr : spy.find(key->second);
  };
  // Feedback from the best of these articles rather than from a pass over every article: the
  // best articles nearly always have a passage among the candidates (eval.sh --passages: the
  // same nDCG@10 to ±0.0004), and the pass cost a quarter of the query.
  // From passages: the best candidate of each of the first articles, in the candidates' order.
  const FeedbackOptions feedback = feedback_options(o);
  std::vector<WeightedTerm> article_expansion;
  if (feedback.from == FeedbackFrom::Passages) {
    std::vector<ScoredDoc> best;
    std::map<Xapian::docid, std::string> article_of;
    std::set<std::string> seen;
    for (const auto& p : out.passages) {
      if (best.size() >= feedback.docs) break;
      if (!seen.insert(p.article).second) continue;
      best.push_back({p.doc, p.passage_score});
      article_of.emplace(p.doc, p.article);
    }
    RerankSpy passage_spy(schema::kSlotArticle, passage_stems);
    if (shard_side_reads_ && feedback.active()) {
      std::vector<Xapian::docid> ids;
      for (const auto& d : best) ids.push_back(d.doc);
      const auto n = static_cast<Xapian::doccount>(ids.size());
      Xapian::Enquire enq = among(match_all(), Xapian::BoolWeight(), ids);
      enq.add_matchspy(&passage_spy);
      enq.get_mset(0, n, n);  // n checked: the spy sees every one
    }
    const DocTermsOf spied_passage = [&](Xapian::docid doc) -> const DocTerms* {
      return passage_spy.find(article_of.at(doc));
    };
    article_expansion = feedback_terms(db_, best, q.ranked_length, feedback, q.stem,
                                       shard_side_reads_ ? spied_passage : DocTermsOf(), schema::BodyForm::Passage);
  } else {
    std::vector<ScoredDoc> best;
    for (const auto& [doc, score] : article_scores) best.push_back({doc, score});
    std::sort(best.begin(), best.end(), best_first);
    article_expansion = feedback_terms(db_, best, q.ranked_length, feedback, q.stem, shard_side_reads_ ? spied : DocTermsOf());
  }
  out.expansion = in_passage_terms(article_expansion);
  if (shard_side_reads_) {
    // The idfs below in one request per shard.
    std::vector<std::string> terms;
    for (const auto& t : article_expansion) terms.push_back(t.term);
    if (o.passage_feedback)
      for (const auto& t : out.expansion) terms.push_back(t.term);
    term_freqs_.prefetch(terms);
  }
  const TermScorer passage_expansion(db_, o.passage_feedback ? out.expansion : std::vector<WeightedTerm>{},
                                     lengths().passage_docs, &term_freqs_);
  // The feedback terms from the articles' termlists: the sum the article pass's AND_MAYBE makes.
  const TermScorer article_expansion_scorer(db_, article_expansion, lengths().article_docs, &term_freqs_);
  // The termlists from the helper's reading when the feedback terms are all stems it kept.
  if (prefetch && passage_expansion.covered_by(passage_stems) && article_expansion_scorer.covered_by(article_stems))
    prefetch->finish(db_);
  else
    prefetch.reset();
  if (o.passage_feedback && shard_side_reads_ && !passage_expansion.weighted_terms().empty()) {
    // Each shard scores its own candidates: one request per shard instead of a termlist each.
    std::vector<Xapian::docid> docs;
    for (const RankedPassage* p : by_doc) docs.push_back(p->doc);
    const auto scores = shard_term_scores(db_, docs, passage_expansion.weighted_terms(), o.passage_bm25, lengths().passage);
    for (RankedPassage* p : by_doc) {
      const auto it = scores.find(p->doc);
      p->passage_score += it != scores.end() ? it->second : passage_expansion.score(p->doc, o.passage_bm25, lengths().passage);
    }
  } else if (o.passage_feedback) {
    for (size_t i = 0; i < by_doc.size(); ++i)
      by_doc[i]->passage_score += prefetch ? passage_expansion.score(prefetch->passage(i), o.passage_bm25, lengths().passage)
                                           : passage_expansion.score(by_doc[i]->doc, o.passage_bm25, lengths().passage);
  }
  auto prefetched_article = [&](Xapian::docid doc) -> const DocTerms& {
    return prefetch->article(std::lower_bound(articles_in_order.begin(), articles_in_order.end(), doc) - articles_in_order.begin());
  };
  const bool spied_terms_cover = article_expansion_scorer.covered_by(article_stems);
  for (auto& [doc, score] : article_scores) {
    const DocTerms* terms = shard_side_reads_ && spied_terms_cover ? spied(doc) : nullptr;
    score += prefetch ? article_expansion_scorer.score(prefetched_article(doc), o.article_bm25, lengths().article)
             : terms  ? article_expansion_scorer.score(*terms, o.article_bm25, lengths().article)
                      : article_expansion_scorer.score(doc, o.article_bm25, lengths().article);
  }
  for (auto& p : out.passages) {
    auto it = article_scores.find(article_doc[p.article]);
    p.context = it == article_scores.end() ? 0.0 : o.context_weight * it->second;
    p.score = p.passage_score + p.context;
  }
  std::sort(out.passages.begin(), out.passages.end(), best_first);
  if (out.passages.size() > depth) out.passages.resize(depth);
  return out;
}

}  // namespace newsindex
