// Re-ranking data read where the documents are: a registered Xapian::MatchSpy that, during a
// match restricted to a few candidates, reads each document's body stems and length on the shard
// that holds it, keyed by a value (the article key), so that a remote shard answers one request
// instead of one termlist round trip per document.
#pragma once
#include <xapian.h>

#include <map>
#include <set>
#include <string>

#include "query/ranking/termlist_prefetch.h"

namespace newsindex {

class RerankSpy : public Xapian::MatchSpy {
 public:
  // Keys documents by the value in `key_slot` and keeps their body stems under `stem_prefix`.
  RerankSpy(Xapian::valueno key_slot, std::string stem_prefix)
      : key_slot_(key_slot), stem_prefix_(std::move(stem_prefix)) {}

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
    const auto it = terms_.find(key);
    return it == terms_.end() ? nullptr : &it->second;
  }
  size_t size() const { return terms_.size(); }

 private:
  void add(const std::string& key, DocTerms terms);
  Xapian::valueno key_slot_;
  std::string stem_prefix_;
  std::map<std::string, DocTerms> terms_;
  std::set<std::string> ambiguous_;  // keys seen on more than one document
};

}  // namespace newsindex
