#include "query/ranking/docid_set.h"

#include <algorithm>

namespace newsindex {

DocidSetSource::DocidSetSource(std::vector<Xapian::docid> ids) : ids_(std::move(ids)) {
  std::sort(ids_.begin(), ids_.end());
  ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
}

void DocidSetSource::init(const Xapian::Database&) {
  pos_ = 0;
  started_ = false;
}

// Xapian calls next() once before reading the first entry.
void DocidSetSource::next(double) {
  if (started_) ++pos_;
  started_ = true;
}

void DocidSetSource::skip_to(Xapian::docid did, double) {
  started_ = true;
  if (pos_ < ids_.size() && ids_[pos_] >= did) return;
  pos_ = static_cast<size_t>(std::lower_bound(ids_.begin() + static_cast<std::ptrdiff_t>(pos_), ids_.end(), did) - ids_.begin());
}

Xapian::Query docid_filter(std::vector<Xapian::docid> ids) {
  return Xapian::Query((new DocidSetSource(std::move(ids)))->release());
}

}  // namespace newsindex
