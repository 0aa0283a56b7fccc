#include "ranking/ranker.h"

#include <unordered_map>

#include "ranking/fusion.h"
#include "ranking/proximity.h"
#include "schema.h"

namespace newsindex {

Ranker::Ranker(const Xapian::Database& db) : db_(db) {}

const KindLengths& Ranker::lengths() {
  if (!have_lengths_) {
    lengths_ = kind_lengths(db_);
    have_lengths_ = true;
  }
  return lengths_;
}

KindBm25Weight Ranker::article_weight(const RankingOptions& o) { return KindBm25Weight(o.article_bm25, lengths().article); }
KindBm25Weight Ranker::passage_weight(const RankingOptions& o) { return KindBm25Weight(o.passage_bm25, lengths().passage); }

Xapian::MSet Ranker::article_pass(const RankQuery& q, size_t depth, const RankingOptions& o,
                                  std::vector<WeightedTerm>& expansion) {
  Xapian::Enquire enq(db_);
  enq.set_weighting_scheme(article_weight(o));
  Xapian::Query query(Xapian::Query::OP_FILTER, q.ranked, q.article_filter);
  enq.set_query(query);
  if (o.feedback.enabled && o.feedback.docs > 0) {
    expansion = feedback_terms(db_, enq.get_mset(0, o.feedback.docs), q.ranked_length, o.feedback, q.stem);
    enq.set_query(with_expansion(query, expansion));
  }
  return enq.get_mset(0, static_cast<Xapian::doccount>(depth));
}

ArticleRanking Ranker::rank_articles(const RankQuery& q, size_t depth, const RankingOptions& o) {
  ArticleRanking out;
  if (depth == 0) depth = db_.get_doccount();
  depth = std::max(depth, o.min_depth);
  Xapian::MSet articles = article_pass(q, depth, o, out.expansion);
  out.total = articles.get_matches_estimated();

  std::vector<FusionInput> inputs;
  std::unordered_map<std::string, size_t> at;  // article id -> index in inputs / out.articles
  for (auto m = articles.begin(); m != articles.end(); ++m) {
    RankedArticle r;
    r.article = m.get_document().get_value(schema::kSlotArticle);
    r.article_doc = *m;
    r.article_score = m.get_weight();
    at.emplace(r.article, inputs.size());
    inputs.push_back({r.article, r.article_score, 0});
    out.articles.push_back(std::move(r));
  }
  if (o.fusion_weight < 1) {
    // The best passage of each article in one pass: collapse on the article slot.
    Xapian::Enquire enq(db_);
    enq.set_weighting_scheme(passage_weight(o));
    Xapian::Query passage_query(Xapian::Query::OP_FILTER, q.ranked, q.passage_filter);
    enq.set_query(o.passage_feedback ? with_expansion(passage_query, out.expansion) : passage_query);
    enq.set_collapse_key(schema::kSlotArticle, 1);
    Xapian::MSet passages = enq.get_mset(0, static_cast<Xapian::doccount>(depth));
    for (auto m = passages.begin(); m != passages.end(); ++m) {
      std::string id = m.get_document().get_value(schema::kSlotArticle);
      auto [it, fresh] = at.emplace(id, inputs.size());
      if (fresh) {
        RankedArticle r;
        r.article = id;
        out.articles.push_back(std::move(r));
        inputs.push_back({id, 0, 0});
      }
      out.articles[it->second].passage_doc = *m;
      out.articles[it->second].passage_score = m.get_weight();
      inputs[it->second].passage_score = m.get_weight();
    }
  }
  if (o.proximity_weight > 0 && o.fusion_weight < 1) {
    // Only the user's own words: feedback terms are scattered by nature.
    const ProximityTerms terms = proximity_terms(db_, q.ranked, q.stem);
    for (size_t i = 0; i < inputs.size(); ++i) {
      RankedArticle& r = out.articles[i];
      if (!r.passage_doc) continue;
      r.proximity = document_proximity(db_, r.passage_doc, terms, lengths().passage, o.passage_bm25);
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
  for (const FusedScore& f : fuse_scores(inputs, o.fusion_weight, o.proximity_weight)) {
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

Ranker::PassageQuery Ranker::passage_query(const RankQuery& q, const RankingOptions& o) {
  PassageQuery out;
  Xapian::Query passages(Xapian::Query::OP_FILTER, q.ranked, q.hit_filter);
  out.query = passages;
  if (o.context_weight <= 0) return out;
  Xapian::MSet articles = article_pass(q, std::max<size_t>(o.min_depth, 1000), o, out.expansion);
  if (o.passage_feedback) out.query = with_expansion(passages, out.expansion);
  if (articles.empty()) return out;
  auto* source = new Xapian::ValueMapPostingSource(schema::kSlotArticle);
  for (auto m = articles.begin(); m != articles.end(); ++m) {
    const double w = o.context_weight * m.get_weight();
    std::string id = m.get_document().get_value(schema::kSlotArticle);
    source->add_mapping(id, w);
    out.context.emplace(std::move(id), w);
  }
  source->set_default_weight(0);
  // AND_MAYBE: the context only adds to passages that match the query themselves.
  out.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, out.query, Xapian::Query(source->release()));
  return out;
}

}  // namespace newsindex
