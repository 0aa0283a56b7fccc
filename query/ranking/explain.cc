#include "query/ranking/explain.h"

#include <algorithm>
#include <map>

#include "common/schema.h"
#include "query/ranking/article_shape.h"
#include "query/ranking/fusion.h"

namespace newsindex {

std::vector<WeightedTerm> query_term_weights(const Xapian::Query& ranked, const std::vector<WeightedTerm>& expansion,
                                             const std::map<std::string, double>& factors) {
  std::map<std::string, double> w;
  for (auto t = ranked.get_terms_begin(); t != ranked.get_terms_end(); ++t) {
    const auto f = factors.find(*t);
    w[*t] += f == factors.end() ? 1.0 : f->second;
  }
  for (const auto& e : expansion) w[e.term] += e.weight;
  std::vector<WeightedTerm> out;
  for (auto& [term, weight] : w) out.push_back({term, weight});
  return out;
}

TermParts explain_document(const Xapian::Database& db, Xapian::docid doc, const std::vector<WeightedTerm>& terms,
                           const Bm25Params& p, double average_length, double collection_size, TermFreqs* freqs) {
  const double length = db.get_doclength(doc);
  const double n = collection_size > 0 ? collection_size : db.get_doccount();
  TermParts out;
  Xapian::TermIterator it = db.termlist_begin(doc);
  for (const auto& t : terms) {  // sorted by term, so one forward walk of the termlist
    it.skip_to(t.term);
    if (it == db.termlist_end(doc)) break;
    if (*it != t.term || it.get_wdf() == 0) continue;
    const double idf = bm25_idf(n, freqs ? freqs->get(t.term) : db.get_termfreq(t.term));
    out.terms.push_back({schema::passage_form_name(t.term), t.weight, static_cast<double>(it.get_wdf()), idf,
                         bm25_part(t.weight, idf, it.get_wdf(), length, average_length, p)});
  }
  std::sort(out.terms.begin(), out.terms.end(), [](const TermPart& a, const TermPart& b) { return a.score > b.score; });
  for (const auto& t : out.terms) out.sum += t.score;
  return out;
}

Explanation explain_article(const Xapian::Database& db, const KindLengths& lengths, const RankingOptions& o,
                            const ArticleRanking& ranking, const RankedArticle& r,
                            const std::vector<WeightedTerm>& article_terms, const std::vector<WeightedTerm>& passage_terms,
                            TermFreqs* freqs) {
  Explanation e;
  e.score = r.score;
  e.fusion_weight = article_share(o.fusion_weight, o.fusion_length_power,
                                  passages_per_article(lengths.article_docs, lengths.passage_docs));
  ScoreSide a{r.article_score, ranking.article_max, r.article_norm, std::nullopt, std::nullopt};
  if (r.article_doc)
    a.terms = explain_document(db, r.article_doc, article_terms, o.article_bm25, lengths.article, lengths.article_docs, freqs);
  e.article = std::move(a);
  ScoreSide p{r.passage_score, ranking.passage_max, r.passage_norm, std::nullopt, std::nullopt};
  if (r.passage_doc) {
    std::string ord = db.get_document(r.passage_doc).get_value(schema::kSlotOrdinal);
    if (!ord.empty()) p.passage = Xapian::sortable_unserialise(ord);
    p.terms = explain_document(db, r.passage_doc, passage_terms, o.passage_bm25, lengths.passage, lengths.passage_docs, freqs);
  }
  e.passage = std::move(p);
  if (o.proximity_weight > 0)
    e.proximity = Explanation::Proximity{o.proximity_weight, r.proximity, ranking.proximity_max, r.proximity_norm};
  e.expansion_terms = ranking.expansion.size();
  if (!ranking.concept_factors.empty()) e.concept_weight = o.concepts.power;
  return e;
}

Explanation explain_passage(const Xapian::Database& db, const KindLengths& lengths, const RankingOptions& o,
                            const PassageRanking& ranking, const RankedPassage& r, const std::vector<WeightedTerm>& terms,
                            TermFreqs* freqs) {
  Explanation e;
  e.score = r.score;
  ScoreSide p;
  p.score = r.passage_score;
  p.terms = explain_document(db, r.doc, terms, o.passage_bm25, lengths.passage, lengths.passage_docs, freqs);
  e.passage = std::move(p);
  if (o.context_weight > 0) {
    e.context = Explanation::Context{o.context_weight, r.context / o.context_weight, r.context};
    e.expansion_terms = ranking.expansion.size();
  }
  if (!ranking.concept_factors.empty()) e.concept_weight = o.concepts.power;
  return e;
}

}  // namespace newsindex
