#include "ranking/term_scores.h"

#include <algorithm>

namespace newsindex {

TermScorer::TermScorer(const Xapian::Database& db, std::vector<WeightedTerm> terms, Bm25Params p,
                       double average_length)
    : db_(db), terms_(std::move(terms)), params_(p), average_length_(average_length) {
  std::sort(terms_.begin(), terms_.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.term < b.term; });
  const double n = db_.get_doccount();
  for (auto& t : terms_) t.weight *= bm25_idf(n, db_.get_termfreq(t.term));
}

double TermScorer::score(Xapian::docid doc) const {
  if (terms_.empty()) return 0;
  const double length = db_.get_doclength(doc);
  double sum = 0;
  Xapian::TermIterator it = db_.termlist_begin(doc);
  const Xapian::TermIterator end = db_.termlist_end(doc);
  for (const auto& t : terms_) {  // sorted, so one forward walk of the termlist
    it.skip_to(t.term);
    if (it == end) break;
    if (*it == t.term) sum += t.weight * bm25_tf(it.get_wdf(), length, average_length_, params_);
  }
  return sum;
}

}  // namespace newsindex
