// A posting source over the documents that hold one of a few unique terms (the uid terms of
// re-ranking candidates' articles): each shard looks its terms up itself, one postlist at a time,
// so a remote shard needs no round trip per term and a local one no cursor per term at once, as
// an OP_OR of the terms would open.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

namespace newsindex {

class KeySetSource : public Xapian::PostingSource {
 public:
  // Each term's first document (a unique term has one).
  explicit KeySetSource(std::vector<std::string> terms);

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(terms_.size()); }
  Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(terms_.size()); }
  Xapian::docid get_docid() const override { return ids_[pos_]; }
  void next(double min_wt) override;
  void skip_to(Xapian::docid did, double min_wt) override;
  bool at_end() const override { return pos_ >= ids_.size(); }
  void init(const Xapian::Database& db) override;
  Xapian::PostingSource* clone() const override { return new KeySetSource(terms_); }
  std::string name() const override { return "newsindex.KeySetSource"; }
  std::string serialise() const override;
  KeySetSource* unserialise(const std::string& s) const override;

 private:
  std::vector<std::string> terms_;
  std::vector<Xapian::docid> ids_;  // the shard's documents (set by init)
  size_t pos_ = 0;
  bool started_ = false;
};

}  // namespace newsindex
