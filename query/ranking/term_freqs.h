// Document frequencies of terms, remembered for one revision of one database handle. A batch
// asks for the same feedback terms (common words) query after query, and each lookup otherwise
// walks the posting table's B-tree.
#pragma once
#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace newsindex {

class TermFreqs {
 public:
  explicit TermFreqs(const Xapian::Database& db) : db_(db) {}
  Xapian::doccount get(const std::string& term);
  // Looks up those of `terms` not remembered in one match (MSet::get_termfreq): on remote
  // shards one request per shard, where get() is a round trip per term and shard.
  void prefetch(const std::vector<std::string>& terms);
  // After Database::reopen(): frequencies are those of the new revision.
  void forget() { cache_.clear(); }

 private:
  // Bounded so an endless batch of varied queries stays small; refilling is cheap.
  static constexpr size_t kMaxTerms = 200000;
  Xapian::Database db_;
  std::unordered_map<std::string, Xapian::doccount> cache_;
};

}  // namespace newsindex
