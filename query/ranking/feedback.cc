#include "query/ranking/feedback.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "query/ranking/article_shape.h"
#include "query/ranking/stopwords.h"
#include "query/ranking/termlist_prefetch.h"
#include "common/schema.h"

namespace newsindex {

bool is_body_stem(std::string_view term, std::string_view prefix) {
  if (term.size() < prefix.size() + 2 || term.compare(0, prefix.size(), prefix) != 0) return false;
  const char c = term[prefix.size()];
  return !(c >= 'A' && c <= 'Z');
}

std::vector<WeightedTerm> relevance_model(const std::vector<FeedbackDoc>& docs, size_t max_terms) {
  std::vector<WeightedTerm> out;
  if (docs.empty() || max_terms == 0) return out;
  double best = docs.front().score;
  for (const auto& d : docs) best = std::max(best, d.score);
  std::map<std::string, double> p;
  for (const auto& d : docs) {
    if (d.length <= 0) continue;
    const double doc_weight = std::exp(d.score - best);
    for (const auto& [term, wdf] : d.terms) p[term] += doc_weight * wdf / d.length;
  }
  out.reserve(p.size());
  for (auto& [term, w] : p)
    if (w > 0) out.push_back({term, w});
  std::sort(out.begin(), out.end(), [](const WeightedTerm& a, const WeightedTerm& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.term < b.term;
  });
  if (out.size() > max_terms) out.resize(max_terms);
  double total = 0;
  for (const auto& t : out) total += t.weight;
  for (auto& t : out) t.weight /= total;
  return out;
}

std::vector<WeightedTerm> expansion_weights(const std::vector<WeightedTerm>& model, double weight,
                                            double original_length) {
  weight = std::clamp(weight, 0.0, 0.95);
  const double scale = weight / (1 - weight) * std::max(1.0, original_length);
  std::vector<WeightedTerm> out;
  if (scale <= 0) return out;
  for (const auto& t : model) out.push_back({t.term, t.weight * scale});
  return out;
}

FeedbackOptions for_article_shape(FeedbackOptions opts, double passages_per_article) {
  const bool long_ones = long_articles(passages_per_article);
  if (opts.long_articles_pivot > 0 && long_ones)
    opts.length_pivot =
        opts.length_pivot > 0 ? std::min(opts.length_pivot, opts.long_articles_pivot) : opts.long_articles_pivot;
  if (opts.from == FeedbackFrom::Auto) opts.from = long_ones ? FeedbackFrom::Passages : FeedbackFrom::Articles;
  return opts;
}

double adaptive_weight(const FeedbackOptions& opts, double query_length, double gap) {
  double w = opts.short_weight > 0 && query_length <= opts.short_words ? opts.short_weight : opts.weight;
  if (opts.length_pivot > 0 && query_length > opts.length_pivot) w *= opts.length_pivot / query_length;
  if (opts.gap_pivot > 0 && gap >= 0 && gap < opts.gap_pivot) w *= gap / opts.gap_pivot;
  return w;
}

std::vector<WeightedTerm> feedback_terms(const Xapian::Database& db, const Xapian::MSet& first_pass,
                                         double original_length, const FeedbackOptions& opts, const Xapian::Stem& stem) {
  std::vector<ScoredDoc> docs;
  for (auto m = first_pass.begin(); m != first_pass.end(); ++m) docs.push_back({*m, m.get_weight()});
  return feedback_terms(db, docs, original_length, opts, stem);
}

std::vector<WeightedTerm> feedback_terms(const Xapian::Database& db, const std::vector<ScoredDoc>& first_pass,
                                         double original_length, const FeedbackOptions& opts, const Xapian::Stem& stem) {
  return feedback_terms(db, first_pass, original_length, opts, stem, nullptr);
}

std::vector<WeightedTerm> feedback_terms(const Xapian::Database& db, const std::vector<ScoredDoc>& first_pass,
                                         double original_length, const FeedbackOptions& opts, const Xapian::Stem& stem,
                                         const DocTermsOf& read, schema::BodyForm form) {
  if (!opts.active() || first_pass.empty()) return {};
  // Nothing was ranked (a query of only exclusions weighs every match 0): no evidence to use.
  double best = 0;
  for (const auto& d : first_pass) best = std::max(best, d.score);
  if (best <= 0) return {};
  const std::string prefix = schema::stem_prefix(schema::body_field(form));
  const std::string article_prefix = schema::stem_prefix(schema::body_field(schema::BodyForm::Article));
  // A passage's stem, as the article records name it.
  const auto named = [&](std::string_view term) {
    return form == schema::BodyForm::Article ? std::string(term) : article_prefix + std::string(term.substr(prefix.size()));
  };
  std::set<std::string> stop;
  for (std::string_view w : query_stopwords()) stop.insert(prefix + stem(std::string(w)));
  std::vector<FeedbackDoc> docs;
  for (size_t n = 0; n < first_pass.size() && n < opts.docs; ++n) {
    const Xapian::docid id = first_pass[n].doc;
    FeedbackDoc d;
    d.score = first_pass[n].score;
    if (const DocTerms* terms = read ? read(id) : nullptr) {
      // The same terms and length, in the same order, as the termlist walk below.
      d.length = terms->length;
      terms->for_each([&](std::string_view term, Xapian::termcount wdf) {
        if (wdf > 0 && !stop.count(std::string(term))) d.terms.emplace_back(named(term), wdf);
      });
      docs.push_back(std::move(d));
      continue;
    }
    for (auto t = db.termlist_begin(id); t != db.termlist_end(id); ++t) {
      d.length += t.get_wdf();  // the document length is the sum of its wdfs: no lookup needed
      const std::string& term = *t;
      if (t.get_wdf() > 0 && is_body_stem(term, prefix) && !stop.count(term)) d.terms.emplace_back(named(term), t.get_wdf());
    }
    docs.push_back(std::move(d));
  }
  // Best first, so the last feedback article scores least; one article has no gap to measure.
  const double gap = docs.size() < 2 ? -1 : (best - docs.back().score) / best;
  return expansion_weights(relevance_model(docs, opts.terms), adaptive_weight(opts, original_length, gap),
                           original_length);
}

std::vector<WeightedTerm> in_passage_terms(const std::vector<WeightedTerm>& article_terms) {
  std::vector<WeightedTerm> out;
  out.reserve(article_terms.size());
  for (const auto& t : article_terms) out.push_back({schema::passage_form_name(t.term), t.weight});
  return out;
}

Xapian::Query with_expansion(const Xapian::Query& query, const std::vector<WeightedTerm>& terms) {
  if (terms.empty()) return query;
  std::vector<Xapian::Query> parts;
  parts.reserve(terms.size());
  for (const auto& t : terms) parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(t.term), t.weight);
  return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
}

}  // namespace newsindex
