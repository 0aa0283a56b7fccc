#include "query/ranking/term_freqs.h"

namespace newsindex {

Xapian::doccount TermFreqs::get(const std::string& term) {
  if (auto it = cache_.find(term); it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxTerms) cache_.clear();
  const Xapian::doccount f = db_.get_termfreq(term);
  cache_.emplace(term, f);
  return f;
}

}  // namespace newsindex
