// A posting source over the documents that hold one of a few unique terms (the uid terms of
// re-ranking candidates' articles): each shard looks its terms up itself, one postlist at a time,
// so a remote shard needs no round trip per term and a local one no cursor per term at once, as
// an OP_OR of the terms would open.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

#include "query/ranking/sorted_ids_source.h"

namespace newsindex {

class KeySetSource : public SortedIdsSource {
 public:
  // Each term's first document (a unique term has one).
  explicit KeySetSource(std::vector<std::string> terms);

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(terms_.size()); }
  Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(terms_.size()); }
  void init(const Xapian::Database& db) override;
  Xapian::PostingSource* clone() const override { return new KeySetSource(terms_); }
  std::string name() const override { return "newsindex.KeySetSource"; }
  std::string serialise() const override;
  KeySetSource* unserialise(const std::string& s) const override;

 private:
  std::vector<std::string> terms_;
};

}  // namespace newsindex
