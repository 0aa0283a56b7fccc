#include "query/ranking/explain.h"

#include <algorithm>
#include <map>

#include "common/schema.h"

namespace newsindex {

std::vector<WeightedTerm> query_term_weights(const Xapian::Query& ranked, const std::vector<WeightedTerm>& expansion) {
  std::map<std::string, double> w;
  for (auto t = ranked.get_terms_begin(); t != ranked.get_terms_end(); ++t) w[*t] += 1;
  for (const auto& e : expansion) w[e.term] += e.weight;
  std::vector<WeightedTerm> out;
  for (auto& [term, weight] : w) out.push_back({term, weight});
  return out;
}

TermParts explain_document(const Xapian::Database& db, Xapian::docid doc, const std::vector<WeightedTerm>& terms,
                           const Bm25Params& p, double average_length, double collection_size) {
  const double length = db.get_doclength(doc);
  const double n = collection_size > 0 ? collection_size : db.get_doccount();
  TermParts out;
  Xapian::TermIterator it = db.termlist_begin(doc);
  for (const auto& t : terms) {  // sorted by term, so one forward walk of the termlist
    it.skip_to(t.term);
    if (it == db.termlist_end(doc)) break;
    if (*it != t.term || it.get_wdf() == 0) continue;
    const double idf = bm25_idf(n, db.get_termfreq(t.term));
    out.terms.push_back({schema::passage_form_name(t.term), t.weight, static_cast<double>(it.get_wdf()), idf,
                         bm25_part(t.weight, idf, it.get_wdf(), length, average_length, p)});
  }
  std::sort(out.terms.begin(), out.terms.end(), [](const TermPart& a, const TermPart& b) { return a.score > b.score; });
  for (const auto& t : out.terms) out.sum += t.score;
  return out;
}

}  // namespace newsindex
