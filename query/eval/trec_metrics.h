// TREC-style relevance measurement: qrels and run parsing plus nDCG@10, MAP, P@10, Recall@100
// and MRR, computed the way trec_eval (9.x) computes ndcg_cut.10, map, P.10, recall.100 and
// recip_rank, so that figures are comparable with published baselines.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsindex::eval {

// Orders topic ids numerically when both are all digits ("2" < "10"), else as strings, so
// per-topic tables read naturally. Purely cosmetic: no measure depends on topic order.
struct TopicLess {
  bool operator()(const std::string& a, const std::string& b) const;
};

// docid -> relevance value as given in the qrels (may be 0 or negative: non-relevant).
using Judgments = std::unordered_map<std::string, int>;
using Qrels = std::map<std::string, Judgments, TopicLess>;

struct RunEntry {
  std::string docid;
  double score = 0.0;
};
// Entries per topic in file order; evaluate() re-sorts them (see sort_run()).
using Run = std::map<std::string, std::vector<RunEntry>, TopicLess>;

// "qid iter docid rel" — whitespace separated, blank lines skipped. `name` is used in errors.
// Throws std::runtime_error("NAME:LINE: ...") on a malformed line or a repeated (qid, docid).
Qrels parse_qrels(std::istream& in, std::string_view name);
Qrels read_qrels(const std::string& path);

// "qid Q0 docid rank score tag". The rank column is checked to be an integer but otherwise
// ignored, as trec_eval ignores it. Throws std::runtime_error("NAME:LINE: ...") on a malformed
// line or a docid retrieved twice for one topic (trec_eval refuses such runs too).
Run parse_run(std::istream& in, std::string_view name);
Run read_run(const std::string& path);

// Puts a topic's hits in trec_eval's evaluation order: score descending, ties broken by docid in
// *descending* strcmp order. This is trec_eval's comp_sim_docno() in form_res_rels.c (it compares
// the scores as doubles, then returns strcmp(p2->docno, p1->docno)); the rank column of the run
// plays no part. So for equal scores "9" comes before "10" and "b" before "a".
void sort_run(std::vector<RunEntry>& entries);

struct TopicMetrics {
  std::string qid;
  double ndcg10 = 0.0;
  double ap = 0.0;      // average precision over the first kMaxRetrieved hits
  double p10 = 0.0;
  double recall100 = 0.0;
  double rr = 0.0;      // reciprocal rank of the first relevant hit
  std::size_t num_rel = 0;
  std::size_t num_ret = 0;
  std::size_t num_rel_ret = 0;
};

struct Evaluation {
  // One entry per qrels topic with at least one relevant document, in TopicLess order.
  std::vector<TopicMetrics> topics;
  // Arithmetic means over `topics` (qid "all"; counts are sums). A topic the run has no hits for
  // contributes zeros, like trec_eval -c.
  TopicMetrics mean;
  // Topics of the run that the qrels do not know (or that have no relevant document): ignored
  // for scoring, reported so that a qid mismatch does not pass silently.
  std::vector<std::string> ignored_run_topics;
};

// Only the first kMaxRetrieved hits of a topic count (trec_eval -M1000, the TREC convention).
inline constexpr std::size_t kMaxRetrieved = 1000;

// Scores one topic; `hits` need not be sorted.
TopicMetrics evaluate_topic(const Judgments& judgments, std::vector<RunEntry> hits);

Evaluation evaluate(const Qrels& qrels, const Run& run);

}  // namespace newsindex::eval
