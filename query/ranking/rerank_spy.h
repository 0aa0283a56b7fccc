// Re-ranking data read where the documents are: a registered Xapian::MatchSpy that, during a
// match restricted to a few candidates, reads each document's body stems and length on the shard
// that holds it, keyed by a value (the article key), so that a remote shard answers one request
// instead of one termlist round trip per document. Over a whole first pass it keeps only the
// best few documents by weight (RM3 feedback's articles), read once the match is over.
#pragma once
#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "query/ranking/termlist_prefetch.h"

namespace newsindex {

class RerankSpy : public Xapian::MatchSpy {
 public:
  // Keys documents by the value in `key_slot` and keeps their body stems under `stem_prefix`:
  // of every document it sees, or (`best` > 0) of the `best` keys whose best document has the
  // highest weights, one document a key (as a collapse on the slot keeps), ties by docid as
  // Xapian's relevance order breaks them. A shard's best contain every document of the combined
  // best that the shard holds, when a key's documents are all on one shard (an article's are).
  RerankSpy(Xapian::valueno key_slot, std::string stem_prefix, size_t best = 0)
      : key_slot_(key_slot), stem_prefix_(std::move(stem_prefix)), best_(best) {}

  void operator()(const Xapian::Document& doc, double weight) override;
  Xapian::MatchSpy* clone() const override;
  std::string name() const override { return "newsindex.RerankSpy"; }
  std::string serialise() const override;
  Xapian::MatchSpy* unserialise(const std::string& s, const Xapian::Registry& context) const override;
  std::string serialise_results() const override;
  void merge_results(const std::string& s) override;

  // The terms of the document keyed `key`; null when none or several documents had that key
  // (the caller then reads the termlist itself).
  const DocTerms* find(const std::string& key) const {
    settle();
    const auto it = terms_.find(key);
    return it == terms_.end() ? nullptr : &it->second;
  }
  size_t size() const {
    settle();
    return terms_.size();
  }

 private:
  struct Kept {
    double weight = 0;
    Xapian::docid id = 0;
    std::string key;
    DocTerms terms;
  };
  void add(const std::string& key, DocTerms terms) const;
  // Adds the kept best documents' terms (the match is over: they are the best).
  void settle() const;
  Xapian::valueno key_slot_;
  std::string stem_prefix_;
  size_t best_ = 0;
  // The best documents are known only once the match has seen them all: settle() adds them.
  mutable std::vector<Kept> kept_;  // best_ > 0: the best so far, unordered
  mutable std::map<std::string, DocTerms> terms_;
  mutable std::set<std::string> ambiguous_;  // keys seen on more than one document
};

}  // namespace newsindex
