// A posting source over a fixed, sorted set of document ids: used as an OP_FILTER operand to
// score a few re-ranking candidates without running a query over the whole database.
#pragma once
#include <xapian.h>

#include <vector>

namespace newsindex {

class DocidSetSource : public Xapian::PostingSource {
 public:
  explicit DocidSetSource(std::vector<Xapian::docid> ids);  // sorted and deduplicated here

  Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(ids_.size()); }
  Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(ids_.size()); }
  Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(ids_.size()); }
  Xapian::docid get_docid() const override { return ids_[pos_]; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return pos_ >= ids_.size(); }
  void init(const Xapian::Database& db) override;
  Xapian::PostingSource* clone() const override { return new DocidSetSource(ids_); }

 private:
  std::vector<Xapian::docid> ids_;
  size_t pos_ = 0;
  bool started_ = false;
};

// A filter query matching exactly `ids`.
Xapian::Query docid_filter(std::vector<Xapian::docid> ids);

}  // namespace newsindex
