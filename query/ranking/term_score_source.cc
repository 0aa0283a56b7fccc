#include "query/ranking/term_score_source.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

#include "query/ranking/term_scores.h"

namespace newsindex {

TermScoreSource::TermScoreSource(const std::vector<Xapian::docid>& ids, std::vector<std::string> shard_uuids,
                                 std::vector<WeightedTerm> weighted_terms, Bm25Params params, double average_length)
    : DocidSetSource(ids, std::move(shard_uuids)),
      terms_(std::move(weighted_terms)),
      params_(params),
      average_length_(average_length) {}

void TermScoreSource::init(const Xapian::Database& db) {
  DocidSetSource::init(db);
  db_ = db;
  // bm25_tf stays below k1 + 1: the matcher may rely on this bound, never exceeded.
  double max = 0;
  for (const auto& t : terms_) max += std::max(0.0, t.weight);
  set_maxweight(max * (params_.k1 + 1) * (1 + 1e-9) + 1e-9);
}

double TermScoreSource::get_weight() const {
  return termlist_score(db_, get_docid(), terms_, params_, average_length_);
}

Xapian::PostingSource* TermScoreSource::clone() const {
  auto* out = new TermScoreSource();
  copy_ids_to(*out);
  out->terms_ = terms_;
  out->params_ = params_;
  out->average_length_ = average_length_;
  return out;
}

std::string TermScoreSource::serialise() const {
  nlohmann::json j = to_json();
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& t : terms_) terms.push_back({t.term, t.weight});
  j["terms"] = std::move(terms);
  j["k1"] = params_.k1;
  j["b"] = params_.b;
  j["average_length"] = average_length_;
  // CBOR keeps every double's bits; the terms are bytes as the index holds them.
  const std::vector<std::uint8_t> out = nlohmann::json::to_cbor(j);
  return std::string(out.begin(), out.end());
}

TermScoreSource* TermScoreSource::unserialise(const std::string& s) const {
  auto out = std::unique_ptr<TermScoreSource>(new TermScoreSource());
  nlohmann::json j;
  try {
    j = nlohmann::json::from_cbor(s);
    for (const auto& t : j.at("terms")) out->terms_.push_back({t.at(0).get<std::string>(), t.at(1).get<double>()});
    out->params_ = {j.at("k1").get<double>(), j.at("b").get<double>()};
    out->average_length_ = j.at("average_length").get<double>();
  } catch (const nlohmann::json::exception& e) {
    throw Xapian::SerialisationError(std::string("bad TermScoreSource parameters: ") + e.what());
  }
  from_json(j, *out);
  return out.release();
}

std::map<Xapian::docid, double> shard_term_scores(const Xapian::Database& db, const std::vector<Xapian::docid>& docs,
                                                  const std::vector<WeightedTerm>& weighted_terms,
                                                  const Bm25Params& p, double average_length) {
  std::map<Xapian::docid, double> out;
  if (docs.empty()) return out;
  Xapian::Enquire enq(db);
  // The source's weight is the whole of each document's weight: no term of the query adds to it.
  enq.set_query(Xapian::Query(
      (new TermScoreSource(docs, shard_uuids(db), weighted_terms, p, average_length))->release()));
  const auto n = static_cast<Xapian::doccount>(docs.size());
  Xapian::MSet m = enq.get_mset(0, n, n);
  for (auto it = m.begin(); it != m.end(); ++it) out.emplace(*it, it.get_weight());
  return out;
}

}  // namespace newsindex
