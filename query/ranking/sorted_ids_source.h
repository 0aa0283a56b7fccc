// What a posting source over a sorted list of one shard's docids shares: Xapian's next / skip_to /
// at_end protocol over the list. A subclass finds its list (in init, for the shard being matched)
// and serialises itself.
#pragma once
#include <xapian.h>

#include <vector>

namespace newsindex {

class SortedIdsSource : public Xapian::PostingSource {
 public:
  Xapian::docid get_docid() const override { return ids_[pos_]; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return pos_ >= ids_.size(); }

 protected:
  // Starts over on `ids` (sorted, without repeats).
  void restart(std::vector<Xapian::docid> ids);
  const std::vector<Xapian::docid>& ids() const { return ids_; }

 private:
  std::vector<Xapian::docid> ids_;
  size_t pos_ = 0;
  bool started_ = false;
};

}  // namespace newsindex
