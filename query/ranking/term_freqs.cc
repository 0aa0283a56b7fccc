#include "query/ranking/term_freqs.h"

namespace newsindex {

Xapian::doccount TermFreqs::get(const std::string& term) {
  if (auto it = cache_.find(term); it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxTerms) cache_.clear();
  const Xapian::doccount f = db_.get_termfreq(term);
  cache_.emplace(term, f);
  return f;
}

void TermFreqs::prefetch(const std::vector<std::string>& terms) {
  std::vector<std::string> missing;
  for (const auto& t : terms)
    if (!cache_.count(t)) missing.push_back(t);
  if (missing.empty()) return;
  if (cache_.size() + missing.size() > kMaxTerms) cache_.clear();
  Xapian::Enquire enq(db_);
  enq.set_query(Xapian::Query(Xapian::Query::OP_OR, missing.begin(), missing.end()));
  const Xapian::MSet m = enq.get_mset(0, 0);
  for (auto& t : missing) {
    const Xapian::doccount f = m.get_termfreq(t);
    cache_.emplace(std::move(t), f);
  }
}

}  // namespace newsindex
