#include "query/ranking/concepts.h"

#include <algorithm>
#include <cmath>

namespace newsindex {

std::vector<double> concept_factors(const std::vector<double>& idfs, double power) {
  std::vector<double> out(idfs.size(), 1.0);
  double sum = 0;
  size_t known = 0;
  for (double v : idfs)
    if (v > 0) {
      sum += v;
      ++known;
    }
  if (known == 0) return out;
  const double mean_idf = sum / static_cast<double>(known);
  double total = 0;
  for (size_t i = 0; i < idfs.size(); ++i) {
    if (idfs[i] > 0) out[i] = std::pow(idfs[i] / mean_idf, power);
    total += out[i];
  }
  const double mean = total / static_cast<double>(out.size());
  for (double& f : out) f /= mean;
  return out;
}

Xapian::Query weigh_concepts(const Xapian::Query& query, const std::function<double(const std::string&)>& idf,
                             double power, std::map<std::string, double>* factors) {
  if (power == 0 || query.get_type() != Xapian::Query::OP_OR || query.get_num_subqueries() < 2) return query;
  std::vector<Xapian::Query> parts;
  std::vector<double> idfs;
  for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
    parts.push_back(query.get_subquery(i));
    double best = 0;
    for (auto t = parts.back().get_unique_terms_begin(); t != parts.back().get_unique_terms_end(); ++t)
      best = std::max(best, idf(*t));
    idfs.push_back(best);
  }
  const std::vector<double> factor = concept_factors(idfs, power);
  std::vector<Xapian::Query> scaled;
  scaled.reserve(parts.size());
  for (size_t i = 0; i < parts.size(); ++i) {
    scaled.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, parts[i], factor[i]);
    if (factors)
      for (auto t = parts[i].get_unique_terms_begin(); t != parts[i].get_unique_terms_end(); ++t) (*factors)[*t] = factor[i];
  }
  return Xapian::Query(Xapian::Query::OP_OR, scaled.begin(), scaled.end());
}

}  // namespace newsindex
