#include "query/output/explain_printer.h"

#include <fmt/format.h>

#include <initializer_list>
#include <utility>

namespace newsindex {

namespace {

void numbers(StructuredPrinter& out, std::initializer_list<std::pair<const char*, double>> fields) {
  for (const auto& [key, value] : fields) {
    out.map_key(key);
    out.number(value);
  }
}

void sprint_side(StructuredPrinter& out, const ScoreSide& s) {
  out.begin_map();
  numbers(out, {{"score", s.score}});
  if (s.max) numbers(out, {{"max", *s.max}});
  if (s.norm) numbers(out, {{"norm", *s.norm}});
  if (s.passage) numbers(out, {{"passage", *s.passage}});
  if (s.terms) {
    numbers(out, {{"terms_sum", s.terms->sum}});
    out.map_key("terms");
    out.begin_list();
    for (const TermPart& t : s.terms->terms) {
      out.begin_map();
      out.map_key("term");
      out.string(t.term);
      numbers(out, {{"weight", t.weight}, {"wdf", t.wdf}, {"idf", t.idf}, {"score", t.score}});
      out.end();
    }
    out.end();
  }
  out.end();
}

// "Zfoo 1.23, bar 0.45, … (+3 more)" for the largest parts.
std::string top_terms(const std::optional<ScoreSide>& side) {
  std::string out;
  if (!side || !side->terms) return out;
  const std::vector<TermPart>& terms = side->terms->terms;
  size_t shown = 0;
  for (const TermPart& t : terms) {
    if (shown == 5) {
      out.append(fmt::format(", +{} more", terms.size() - shown));
      break;
    }
    if (shown++) out.append(", ");
    out.append(fmt::format("{} {:.2f}", t.term, t.score));
  }
  return out;
}

}  // namespace

void sprint_explanation(StructuredPrinter& out, const Explanation& e) {
  out.begin_map();
  numbers(out, {{"score", e.score}});
  if (e.fusion_weight) numbers(out, {{"fusion_weight", *e.fusion_weight}});
  if (e.article) {
    out.map_key("article");
    sprint_side(out, *e.article);
  }
  if (e.passage) {
    out.map_key("passage");
    sprint_side(out, *e.passage);
  }
  if (e.proximity) {
    out.map_key("proximity");
    out.begin_map();
    const auto& p = *e.proximity;
    numbers(out, {{"weight", p.weight}, {"score", p.score}, {"max", p.max}, {"norm", p.norm}});
    out.end();
  }
  if (e.context) {
    out.map_key("context");
    out.begin_map();
    const auto& c = *e.context;
    numbers(out, {{"weight", c.weight}, {"article_score", c.article_score}, {"score", c.score}});
    out.end();
  }
  if (e.expansion_terms) {
    out.map_key("expansion_terms");
    out.integer(static_cast<int64_t>(*e.expansion_terms));
  }
  if (e.concept_weight) numbers(out, {{"concept_weight", *e.concept_weight}});
  out.end();
}

std::string explain_line(const Explanation& e) {
  std::string out = fmt::format("score {:.4f} =", e.score);
  const ScoreSide none;
  const ScoreSide& a = e.article ? *e.article : none;
  const ScoreSide& p = e.passage ? *e.passage : none;
  if (e.fusion_weight) {
    const double l = *e.fusion_weight;
    out.append(fmt::format(" {:.2f}×article {:.3f} ({:.3f}/{:.3f}: {})", l, a.norm.value_or(0), a.score,
                           a.max.value_or(0), top_terms(e.article)));
    out.append(fmt::format(" + {:.2f}×passage {:.3f} ({:.3f}/{:.3f}: {})", 1 - l, p.norm.value_or(0), p.score,
                           p.max.value_or(0), top_terms(e.passage)));
  } else if (e.passage) {
    out.append(fmt::format(" passage {:.3f} ({})", p.score, top_terms(e.passage)));
    if (e.context) out.append(fmt::format(" + context {:.3f}", e.context->score));
  }
  if (e.expansion_terms) out.append(fmt::format("; {} feedback terms", *e.expansion_terms));
  if (e.concept_weight) out.append(fmt::format("; key concepts weighted (power {:g})", *e.concept_weight));
  return out;
}

}  // namespace newsindex
