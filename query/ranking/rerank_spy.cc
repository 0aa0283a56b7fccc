#include "query/ranking/rerank_spy.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace newsindex {

namespace {

nlohmann::json::binary_t bytes(const std::string& s) { return nlohmann::json::binary_t(std::vector<std::uint8_t>(s.begin(), s.end())); }

std::string text(const nlohmann::json& j) {
  const auto& b = j.get_binary();
  return std::string(b.begin(), b.end());
}

}  // namespace

void RerankSpy::add(const std::string& key, DocTerms terms) const {
  if (ambiguous_.count(key)) return;
  if (!terms_.emplace(key, std::move(terms)).second) {
    terms_.erase(key);
    ambiguous_.insert(key);
  }
}

void RerankSpy::operator()(const Xapian::Document& doc, double weight) {
  if (best_ == 0) {
    add(doc.get_value(key_slot_), read_doc_terms(doc, stem_prefix_));
    return;
  }
  // A document enters when it ranks above the worst kept one (higher weight, or equal and an
  // earlier docid). Its key and terms are read now: the matcher's document is a view of the
  // current match position, not a handle to keep.
  const Xapian::docid id = doc.get_docid();
  const auto below = [](const Kept& a, double w, Xapian::docid d) { return a.weight != w ? a.weight < w : a.id > d; };
  std::string key = doc.get_value(key_slot_);
  auto slot = std::find_if(kept_.begin(), kept_.end(), [&](const Kept& k) { return k.key == key; });
  if (slot != kept_.end()) {
    if (!below(*slot, weight, id)) return;  // the key's kept document ranks above this one
  } else if (kept_.size() < best_) {
    slot = kept_.emplace(kept_.end());
  } else {
    auto worst = kept_.begin();
    for (auto it = kept_.begin(); it != kept_.end(); ++it)
      if (below(*it, worst->weight, worst->id)) worst = it;
    if (!below(*worst, weight, id)) return;
    slot = worst;
  }
  *slot = Kept{weight, id, std::move(key), read_doc_terms(doc, stem_prefix_)};
}

void RerankSpy::settle() const {
  for (Kept& k : kept_) add(k.key, std::move(k.terms));
  kept_.clear();
}

Xapian::MatchSpy* RerankSpy::clone() const { return new RerankSpy(key_slot_, stem_prefix_, best_); }

std::string RerankSpy::serialise() const {
  return nlohmann::json{{"slot", key_slot_}, {"prefix", stem_prefix_}, {"best", best_}}.dump();
}

Xapian::MatchSpy* RerankSpy::unserialise(const std::string& s, const Xapian::Registry&) const {
  const auto j = nlohmann::json::parse(s, nullptr, false);
  try {
    if (!j.is_object()) throw std::invalid_argument("not an object");
    return new RerankSpy(j.at("slot").get<Xapian::valueno>(), j.at("prefix").get<std::string>(),
                         j.at("best").get<size_t>());
  } catch (const std::exception& e) {
    throw Xapian::SerialisationError(std::string("bad RerankSpy parameters: ") + e.what());
  }
}

// CBOR: the terms are bytes (a packed DocTerms), not text.
std::string RerankSpy::serialise_results() const {
  settle();
  nlohmann::json docs = nlohmann::json::array(), ambiguous = nlohmann::json::array();
  for (const auto& [key, terms] : terms_) docs.push_back({bytes(key), terms.length, bytes(terms.packed())});
  for (const auto& key : ambiguous_) ambiguous.push_back(bytes(key));
  const std::vector<std::uint8_t> out = nlohmann::json::to_cbor(nlohmann::json{{"docs", docs}, {"ambiguous", ambiguous}});
  return std::string(out.begin(), out.end());
}

void RerankSpy::merge_results(const std::string& s) {
  settle();
  try {
    const auto j = nlohmann::json::from_cbor(s);
    for (const auto& key : j.at("ambiguous")) {
      const std::string k = text(key);
      terms_.erase(k);
      ambiguous_.insert(k);
    }
    for (const auto& d : j.at("docs"))
      add(text(d.at(0)), DocTerms::from_packed(text(d.at(2)), d.at(1).get<double>()));
  } catch (const std::exception& e) {
    throw Xapian::SerialisationError(std::string("bad RerankSpy results: ") + e.what());
  }
}

}  // namespace newsindex
