#include "query/ranking/proximity_source.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>

#include "common/terms.h"

namespace newsindex {

ProximitySource::ProximitySource(const std::vector<Xapian::docid>& ids, std::vector<std::string> shard_uuids,
                                 ProximityTerms terms, std::string language, Bm25Params params, double average_length)
    : DocidSetSource(ids, std::move(shard_uuids)),
      terms_(std::move(terms)),
      language_(std::move(language)),
      params_(params),
      average_length_(average_length) {}

void ProximitySource::init(const Xapian::Database& db) {
  DocidSetSource::init(db);
  db_ = db;
  // Each term's part of proximity_score() stays below min(1, idf) (k1 + 1) while its K is not
  // negative (k1 ≥ 0, 0 ≤ b ≤ 1); the matcher may rely on the bound, so other parameters get none.
  double max = std::numeric_limits<double>::max();
  if (params_.k1 >= 0 && params_.b >= 0 && params_.b <= 1) {
    max = 0;
    for (double w : terms_.weights) max += std::clamp(w, 0.0, 1.0) * (params_.k1 + 1);
    max = max * (1 + 1e-9) + 1e-9;
  }
  set_maxweight(max);
}

double ProximitySource::get_weight() const {
  return document_proximity(db_, get_docid(), terms_, average_length_, params_);
}

Xapian::PostingSource* ProximitySource::clone() const {
  auto* out = new ProximitySource();
  copy_ids_to(*out);
  out->terms_ = terms_;
  out->language_ = language_;
  out->params_ = params_;
  out->average_length_ = average_length_;
  return out;
}

std::string ProximitySource::serialise() const {
  nlohmann::json j = to_json();
  nlohmann::json index = nlohmann::json::array();
  for (const auto& [term, i] : terms_.index) index.push_back({term, i});
  j["index"] = std::move(index);
  j["weights"] = terms_.weights;
  j["language"] = language_;
  j["k1"] = params_.k1;
  j["b"] = params_.b;
  j["average_length"] = average_length_;
  // CBOR keeps every double's bits.
  const std::vector<std::uint8_t> out = nlohmann::json::to_cbor(j);
  return std::string(out.begin(), out.end());
}

ProximitySource* ProximitySource::unserialise(const std::string& s) const {
  auto out = std::unique_ptr<ProximitySource>(new ProximitySource());
  nlohmann::json j;
  try {
    j = nlohmann::json::from_cbor(s);
    out->terms_.weights = j.at("weights").get<std::vector<double>>();
    for (const auto& t : j.at("index")) {
      const auto i = t.at(1).get<size_t>();
      if (i >= out->terms_.weights.size()) throw Xapian::SerialisationError("bad ProximitySource parameters: a term without a weight");
      out->terms_.index.emplace(t.at(0).get<std::string>(), i);
    }
    out->language_ = j.at("language").get<std::string>();
    out->params_ = {j.at("k1").get<double>(), j.at("b").get<double>()};
    out->average_length_ = j.at("average_length").get<double>();
  } catch (const nlohmann::json::exception& e) {
    throw Xapian::SerialisationError(std::string("bad ProximitySource parameters: ") + e.what());
  }
  out->terms_.stem = stemmer_for(out->language_);
  from_json(j, *out);
  return out.release();
}

std::map<Xapian::docid, double> shard_proximities(const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
                                                  const ProximityTerms& terms, const std::string& language,
                                                  const Bm25Params& p, double average_length) {
  std::map<Xapian::docid, double> out;
  if (docs.empty()) return out;
  Xapian::Enquire enq(db);
  // The source's weight is the whole of each document's weight: no term of the query adds to it.
  enq.set_query(Xapian::Query((new ProximitySource(docs, shard_uuids(db), terms, language, p, average_length))->release()));
  const auto n = static_cast<Xapian::doccount>(docs.size());
  Xapian::MSet m = enq.get_mset(0, n, n);
  for (auto it = m.begin(); it != m.end(); ++it) out.emplace(*it, it.get_weight());
  return out;
}

}  // namespace newsindex
