#include "query/ranking/term_scores.h"

#include <algorithm>

namespace newsindex {

TermScorer::TermScorer(const Xapian::Database& db, std::vector<WeightedTerm> terms, double collection_size,
                       TermFreqs* freqs)
    : db_(db), terms_(std::move(terms)) {
  std::sort(terms_.begin(), terms_.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.term < b.term; });
  const double n = collection_size > 0 ? collection_size : db_.get_doccount();
  for (auto& t : terms_) t.weight *= bm25_idf(n, freqs ? freqs->get(t.term) : db_.get_termfreq(t.term));
}

double TermScorer::score(Xapian::docid doc, const Bm25Params& p, double average_length) const {
  return termlist_score(db_, doc, terms_, p, average_length);
}

double termlist_score(const Xapian::Database& db, Xapian::docid doc, const std::vector<WeightedTerm>& terms,
                      const Bm25Params& p, double average_length) {
  if (terms.empty()) return 0;
  // One walk of the termlist gives both the wdfs and the length (Xapian's document length is
  // the sum of the wdfs), sparing a lookup in the length list per document.
  double length = 0;
  std::vector<std::pair<double, double>> found;  // (weight × idf, wdf)
  size_t j = 0;
  for (auto it = db.termlist_begin(doc); it != db.termlist_end(doc); ++it) {
    const double wdf = it.get_wdf();
    length += wdf;
    if (j == terms.size()) continue;
    const std::string& term = *it;
    while (j < terms.size() && terms[j].term < term) ++j;
    if (j < terms.size() && terms[j].term == term) found.emplace_back(terms[j].weight, wdf);
  }
  double sum = 0;
  for (auto [w, wdf] : found) sum += w * bm25_tf(wdf, length, average_length, p);
  return sum;
}

double TermScorer::score(const DocTerms& doc, const Bm25Params& p, double average_length) const {
  if (terms_.empty()) return 0;
  std::vector<std::pair<double, double>> found;  // (weight × idf, wdf), as above
  size_t j = 0;
  doc.for_each([&](std::string_view term, Xapian::termcount wdf) {
    while (j < terms_.size() && terms_[j].term < term) ++j;
    if (j < terms_.size() && terms_[j].term == term) found.emplace_back(terms_[j].weight, wdf);
  });
  double sum = 0;
  for (auto [w, wdf] : found) sum += w * bm25_tf(wdf, doc.length, average_length, p);
  return sum;
}

bool TermScorer::covered_by(std::string_view stem_prefix) const {
  return std::all_of(terms_.begin(), terms_.end(),
                     [&](const WeightedTerm& t) { return is_body_stem(t.term, stem_prefix); });
}

}  // namespace newsindex
