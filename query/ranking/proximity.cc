#include "query/ranking/proximity.h"

#include <algorithm>

#include "common/schema.h"

namespace newsindex {

double proximity_score(std::vector<TermOccurrence> occurrences, const std::vector<double>& weights,
                       double doc_length, double average_length, const Bm25Params& p) {
  if (occurrences.size() < 2) return 0;
  std::sort(occurrences.begin(), occurrences.end(), [](const TermOccurrence& a, const TermOccurrence& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.term < b.term;
  });
  std::vector<double> acc(weights.size(), 0.0);
  for (size_t i = 1; i < occurrences.size(); ++i) {
    const TermOccurrence& a = occurrences[i - 1];
    const TermOccurrence& b = occurrences[i];
    if (a.term == b.term || a.term >= weights.size() || b.term >= weights.size() || b.pos == a.pos) continue;
    const double d = static_cast<double>(b.pos - a.pos);
    acc[a.term] += weights[b.term] / (d * d);
    acc[b.term] += weights[a.term] / (d * d);
  }
  const double norm = average_length > 0 ? doc_length / average_length : 1.0;
  const double k = p.k1 * (1 - p.b + p.b * norm);
  double score = 0;
  for (size_t t = 0; t < acc.size(); ++t)
    if (acc[t] > 0) score += std::min(1.0, weights[t]) * acc[t] * (p.k1 + 1) / (acc[t] + k);
  return score;
}

ProximityTerms proximity_terms(const Xapian::Database& db, const Xapian::Query& query, const Xapian::Stem& stem,
                               double collection_size) {
  return proximity_terms(query, stem, collection_size > 0 ? collection_size : db.get_doccount(),
                         [&](const std::string& t) { return db.get_termfreq(t); });
}

ProximityTerms proximity_terms(const Xapian::Query& query, const Xapian::Stem& stem, double collection_size,
                               const std::function<Xapian::doccount(const std::string&)>& termfreq) {
  ProximityTerms out;
  out.stem = stem;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    if (out.index.count(*t)) continue;
    out.index.emplace(*t, out.weights.size());
    out.weights.push_back(bm25_idf(collection_size, termfreq(*t)));
  }
  return out;
}

double document_proximity(const Xapian::Database& db, Xapian::docid doc, const ProximityTerms& q,
                          double average_length, const Bm25Params& p) {
  if (q.weights.size() < 2) return 0;
  const std::string stem_prefix = schema::stem_prefix(schema::FieldId::Body);
  std::vector<TermOccurrence> occ;
  for (auto t = db.termlist_begin(doc); t != db.termlist_end(doc); ++t) {
    if (t.positionlist_count() == 0) continue;
    const std::string& term = *t;
    // Body words are unprefixed (lower case); a query may hold the word itself (exact or
    // unstemmable) or its stem.
    auto hit = q.index.find(term);
    if (hit == q.index.end() && !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'))
      hit = q.index.find(stem_prefix + q.stem(term));
    if (hit == q.index.end()) continue;
    for (auto pos = t.positionlist_begin(); pos != t.positionlist_end(); ++pos) occ.push_back({*pos, hit->second});
  }
  return proximity_score(std::move(occ), q.weights, db.get_doclength(doc), average_length, p);
}

}  // namespace newsindex
