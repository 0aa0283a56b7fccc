// Term proximity (ranking/proximity.h) of a few passages, computed by the shard that holds each
// one: positions are read where they are, since Xapian's remote backend does not send them. A
// registered posting source over the passages' docids (DocidSetSource) whose weight is
// document_proximity() from the shard's own termlist and positions; the value comes back as
// the passage's MSet weight under its combined docid.
#pragma once
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "query/ranking/bm25.h"
#include "query/ranking/docid_set.h"
#include "query/ranking/proximity.h"

namespace newsindex {

class ProximitySource : public DocidSetSource {
 public:
  // `language`: the name stemmer_for() made `terms.stem` from (a shard stems positioned words
  // with the same stemmer).
  ProximitySource(const std::vector<Xapian::docid>& ids, std::vector<std::string> shard_uuids, ProximityTerms terms,
                  std::string language, Bm25Params params, double average_length);

  double get_weight() const override;
  void init(const Xapian::Database& db) override;
  Xapian::PostingSource* clone() const override;
  std::string name() const override { return "newsindex.ProximitySource"; }
  std::string serialise() const override;
  ProximitySource* unserialise(const std::string& s) const override;

 private:
  ProximitySource() = default;
  ProximityTerms terms_;
  std::string language_;
  Bm25Params params_;
  double average_length_ = 0;
  Xapian::Database db_;  // the shard being matched (set by init)
};

// document_proximity() of each of `docs` of `db`, each computed on the shard that holds it.
std::map<Xapian::docid, double> shard_proximities(const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
                                                  const ProximityTerms& terms, const std::string& language,
                                                  const Bm25Params& p, double average_length);

}  // namespace newsindex
