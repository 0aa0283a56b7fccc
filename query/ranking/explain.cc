#include "query/ranking/explain.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "common/schema.h"

namespace newsindex {

std::vector<WeightedTerm> query_term_weights(const Xapian::Query& ranked, const std::vector<WeightedTerm>& expansion) {
  std::map<std::string, double> w;
  for (auto t = ranked.get_terms_begin(); t != ranked.get_terms_end(); ++t) w[*t] += 1;
  for (const auto& e : expansion) w[e.term] += e.weight;
  std::vector<WeightedTerm> out;
  for (auto& [term, weight] : w) out.push_back({term, weight});
  return out;
}

nlohmann::ordered_json explain_document(const Xapian::Database& db, Xapian::docid doc,
                                        const std::vector<WeightedTerm>& terms, const Bm25Params& p,
                                        double average_length, double collection_size) {
  const double length = db.get_doclength(doc);
  const double n = collection_size > 0 ? collection_size : db.get_doccount();
  struct Part {
    const WeightedTerm* t;
    double wdf, idf, score;
  };
  std::vector<Part> parts;
  Xapian::TermIterator it = db.termlist_begin(doc);
  for (const auto& t : terms) {  // sorted by term, so one forward walk of the termlist
    it.skip_to(t.term);
    if (it == db.termlist_end(doc)) break;
    if (*it != t.term || it.get_wdf() == 0) continue;
    const double idf = bm25_idf(n, db.get_termfreq(t.term));
    parts.push_back({&t, static_cast<double>(it.get_wdf()), idf,
                     bm25_part(t.weight, idf, it.get_wdf(), length, average_length, p)});
  }
  std::sort(parts.begin(), parts.end(), [](const Part& a, const Part& b) { return a.score > b.score; });
  double sum = 0;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& x : parts) {
    sum += x.score;
    list.push_back({{"term", schema::passage_form_name(x.t->term)}, {"weight", x.t->weight}, {"wdf", x.wdf}, {"idf", x.idf}, {"score", x.score}});
  }
  nlohmann::ordered_json j;
  j["score"] = sum;
  j["length"] = length;
  j["average_length"] = average_length;
  j["terms"] = std::move(list);
  return j;
}

namespace {

// "Zfoo 1.23, bar 0.45, … (+3 more)" for the largest parts.
std::string top_terms(const nlohmann::ordered_json& part) {
  std::string out;
  size_t shown = 0;
  const auto& terms = part.value("terms", nlohmann::ordered_json::array());
  for (const auto& t : terms) {
    if (shown == 5) {
      out.append(fmt::format(", +{} more", terms.size() - shown));
      break;
    }
    if (shown++) out.append(", ");
    out.append(fmt::format("{} {:.2f}", t.value("term", ""), t.value("score", 0.0)));
  }
  return out;
}

}  // namespace

std::string explain_line(const nlohmann::ordered_json& e) {
  if (!e.is_object()) return {};
  std::string out = fmt::format("score {:.4f} =", e.value("score", 0.0));
  if (e.contains("fusion_weight")) {
    const double l = e.value("fusion_weight", 0.0);
    const auto& a = e["article"];
    const auto& p = e["passage"];
    out.append(fmt::format(" {:.2f}×article {:.3f} ({:.3f}/{:.3f}: {})", l, a.value("norm", 0.0), a.value("score", 0.0),
                           a.value("max", 0.0), top_terms(a)));
    out.append(fmt::format(" + {:.2f}×passage {:.3f} ({:.3f}/{:.3f}: {})", 1 - l, p.value("norm", 0.0),
                           p.value("score", 0.0), p.value("max", 0.0), top_terms(p)));
  } else if (e.contains("passage")) {
    const auto& p = e["passage"];
    out.append(fmt::format(" passage {:.3f} ({})", p.value("score", 0.0), top_terms(p)));
    if (e.contains("context")) out.append(fmt::format(" + context {:.3f}", e["context"].value("score", 0.0)));
  }
  if (e.contains("expansion_terms")) out.append(fmt::format("; {} feedback terms", e.value("expansion_terms", 0)));
  return out;
}

}  // namespace newsindex
