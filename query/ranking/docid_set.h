// A posting source over a fixed set of document ids: used as an OP_FILTER operand to score a few
// re-ranking candidates without running a query over the whole database. The ids are those of
// the database searched; over shards (local or remote) each shard's matcher gets its own
// shard-local ids, found by the shard's UUID, so it serialises for Xapian's remote backend.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include <string>
#include <vector>

#include "query/ranking/sorted_ids_source.h"

namespace newsindex {

class DocidSetSource : public SortedIdsSource {
 public:
  // `ids`: docids of a database whose shards have `shard_uuids` (Database::get_uuid, split at
  // ':'; one entry, possibly empty, for a single database).
  DocidSetSource(const std::vector<Xapian::docid>& ids, std::vector<std::string> shard_uuids);

  Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(ids().size()); }
  Xapian::doccount get_termfreq_est() const override { return static_cast<Xapian::doccount>(ids().size()); }
  Xapian::doccount get_termfreq_max() const override { return static_cast<Xapian::doccount>(ids().size()); }
  void init(const Xapian::Database& db) override;
  Xapian::PostingSource* clone() const override;
  std::string name() const override { return "newsindex.DocidSetSource"; }
  std::string serialise() const override;
  DocidSetSource* unserialise(const std::string& s) const override;

 protected:
  DocidSetSource() = default;
  // The parameters as JSON, and back into `out` (throws Xapian::SerialisationError).
  nlohmann::json to_json() const;
  static void from_json(const nlohmann::json& j, DocidSetSource& out);
  // The ids and shards into `out` (a clone's).
  void copy_ids_to(DocidSetSource& out) const;

  std::vector<std::string> uuids_;                 // shard order
  std::vector<std::vector<Xapian::docid>> local_;  // per shard: its sorted local ids
};

// The UUIDs of `db`'s shards in shard order (one, possibly empty, for a single database).
std::vector<std::string> shard_uuids(const Xapian::Database& db);

// A filter query matching exactly `ids` of `db`.
Xapian::Query docid_filter(const Xapian::Database& db, const std::vector<Xapian::docid>& ids);

}  // namespace newsindex
