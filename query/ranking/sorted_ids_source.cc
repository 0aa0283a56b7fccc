#include "query/ranking/sorted_ids_source.h"

#include <algorithm>

namespace newsindex {

void SortedIdsSource::restart(std::vector<Xapian::docid> ids) {
  ids_ = std::move(ids);
  pos_ = 0;
  started_ = false;
}

// Xapian calls next() once before reading the first entry.
void SortedIdsSource::next(double) {
  if (started_) ++pos_;
  started_ = true;
}

void SortedIdsSource::skip_to(Xapian::docid did, double) {
  started_ = true;
  if (pos_ < ids_.size() && ids_[pos_] >= did) return;
  pos_ = static_cast<size_t>(std::lower_bound(ids_.begin() + static_cast<std::ptrdiff_t>(pos_), ids_.end(), did) - ids_.begin());
}

}  // namespace newsindex
