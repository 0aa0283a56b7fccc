// TREC qrels/run parsing and the five ranking measures; conventions follow trec_eval 9.x
// (form_res_rels.c, m_ndcg_cut.c, m_map.c, m_P.c, m_recall.c, m_recip_rank.c).
#include "query/eval/trec_metrics.h"
#include "common/ascii.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <istream>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include <fmt/core.h>

namespace newsindex::eval {
namespace {

[[noreturn]] void fail(std::string_view name, std::size_t line, const std::string& what) {
  throw std::runtime_error(fmt::format("{}:{}: {}", name, line, what));
}

std::vector<std::string> split_fields(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream ss(line);
  std::string field;
  while (ss >> field) fields.push_back(std::move(field));
  return fields;
}

bool parse_int(const std::string& s, long long& out) {
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && ptr == end;
}

bool parse_double(const std::string& s, double& out) {
  const char* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, out);
  // NaN has no place in a total order; it would make the sort undefined.
  return ec == std::errc() && ptr == end && !std::isnan(out);
}

std::ifstream open_or_throw(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  return in;
}

// Visits the non-blank lines, tolerating CRLF files (the SMART collections circulate with them).
void for_each_line(std::istream& in, const std::function<void(std::size_t, const std::string&)>& fn) {
  std::string line;
  std::size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t\v\f") == std::string::npos) continue;
    fn(lineno, line);
  }
}

}  // namespace

bool TopicLess::operator()(const std::string& a, const std::string& b) const {
  if (all_digits(a) && all_digits(b)) {
    // Compare as numbers without overflow: strip leading zeros, then shorter is smaller.
    auto strip = [](const std::string& s) {
      std::size_t i = s.find_first_not_of('0');
      return i == std::string::npos ? std::string_view() : std::string_view(s).substr(i);
    };
    std::string_view x = strip(a), y = strip(b);
    if (x.size() != y.size()) return x.size() < y.size();
    if (x != y) return x < y;
    // "01" vs "1": numerically equal but distinct topics; keep the order strict.
  }
  return a < b;
}

Qrels parse_qrels(std::istream& in, std::string_view name) {
  Qrels qrels;
  for_each_line(in, [&](std::size_t lineno, const std::string& line) {
    auto f = split_fields(line);
    if (f.size() != 4) fail(name, lineno, fmt::format("expected 4 fields 'qid iter docid rel', got {}", f.size()));
    long long rel = 0;
    if (!parse_int(f[3], rel) || rel < -1000000 || rel > 1000000)
      fail(name, lineno, fmt::format("relevance '{}' is not an integer", f[3]));
    auto [it, inserted] = qrels[f[0]].emplace(f[2], static_cast<int>(rel));
    if (!inserted) fail(name, lineno, fmt::format("document '{}' judged twice for topic '{}'", f[2], f[0]));
  });
  return qrels;
}

Qrels read_qrels(const std::string& path) {
  auto in = open_or_throw(path);
  return parse_qrels(in, path);
}

Run parse_run(std::istream& in, std::string_view name) {
  Run run;
  std::map<std::string, std::unordered_set<std::string>> seen;
  for_each_line(in, [&](std::size_t lineno, const std::string& line) {
    auto f = split_fields(line);
    if (f.size() != 6)
      fail(name, lineno, fmt::format("expected 6 fields 'qid Q0 docid rank score tag', got {}", f.size()));
    long long rank = 0;
    if (!parse_int(f[3], rank)) fail(name, lineno, fmt::format("rank '{}' is not an integer", f[3]));
    double score = 0.0;
    if (!parse_double(f[4], score)) fail(name, lineno, fmt::format("score '{}' is not a number", f[4]));
    if (!seen[f[0]].insert(f[2]).second)
      fail(name, lineno, fmt::format("document '{}' retrieved twice for topic '{}'", f[2], f[0]));
    run[f[0]].push_back(RunEntry{f[2], score});
  });
  return run;
}

Run read_run(const std::string& path) {
  auto in = open_or_throw(path);
  return parse_run(in, path);
}

void sort_run(std::vector<RunEntry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const RunEntry& a, const RunEntry& b) {
    if (a.score != b.score) return a.score > b.score;
    // std::string's operator< compares bytes as unsigned char, exactly like strcmp.
    return a.docid > b.docid;
  });
}

TopicMetrics evaluate_topic(const Judgments& judgments, std::vector<RunEntry> hits) {
  TopicMetrics m;
  std::vector<int> ideal_gains;
  for (const auto& [doc, rel] : judgments) {
    // trec_eval's default relevance level is 1: rel >= 1 is relevant, and only positive values
    // contribute gain (a negative value marks an unjudged pool document, gain 0).
    if (rel > 0) ideal_gains.push_back(rel);
  }
  m.num_rel = ideal_gains.size();

  sort_run(hits);
  if (hits.size() > kMaxRetrieved) hits.resize(kMaxRetrieved);
  m.num_ret = hits.size();

  double dcg = 0.0, precision_sum = 0.0;
  std::size_t rel_in_10 = 0, rel_in_100 = 0;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    auto it = judgments.find(hits[i].docid);
    const int rel = it == judgments.end() ? 0 : it->second;  // unjudged = non-relevant
    if (rel <= 0) continue;
    const std::size_t rank = i + 1;
    ++m.num_rel_ret;
    if (rank <= 10) {
      dcg += rel / std::log2(static_cast<double>(rank) + 1.0);
      ++rel_in_10;
    }
    if (rank <= 100) ++rel_in_100;
    precision_sum += static_cast<double>(m.num_rel_ret) / static_cast<double>(rank);
    if (m.rr == 0.0) m.rr = 1.0 / static_cast<double>(rank);
  }

  // The ideal ranking puts every judged document in decreasing gain order, whether or not the
  // run retrieved it (trec_eval builds it from the qrels' relevance-level counts).
  std::sort(ideal_gains.begin(), ideal_gains.end(), std::greater<>());
  double idcg = 0.0;
  for (std::size_t i = 0; i < ideal_gains.size() && i < 10; ++i)
    idcg += ideal_gains[i] / std::log2(static_cast<double>(i) + 2.0);

  if (idcg > 0.0) m.ndcg10 = dcg / idcg;
  // P@10 divides by 10 even when fewer than 10 documents were retrieved (trec_eval's P.10).
  m.p10 = static_cast<double>(rel_in_10) / 10.0;
  if (m.num_rel > 0) {
    // Relevant documents never retrieved contribute precision 0, hence the division by num_rel.
    m.ap = precision_sum / static_cast<double>(m.num_rel);
    m.recall100 = static_cast<double>(rel_in_100) / static_cast<double>(m.num_rel);
  }
  return m;
}

Evaluation evaluate(const Qrels& qrels, const Run& run) {
  Evaluation ev;
  ev.mean.qid = "all";
  for (const auto& [qid, judgments] : qrels) {
    if (std::none_of(judgments.begin(), judgments.end(), [](const auto& j) { return j.second > 0; })) continue;
    auto hits_it = run.find(qid);
    TopicMetrics m = evaluate_topic(judgments, hits_it == run.end() ? std::vector<RunEntry>{} : hits_it->second);
    m.qid = qid;
    ev.mean.ndcg10 += m.ndcg10;
    ev.mean.ap += m.ap;
    ev.mean.p10 += m.p10;
    ev.mean.recall100 += m.recall100;
    ev.mean.rr += m.rr;
    ev.mean.num_rel += m.num_rel;
    ev.mean.num_ret += m.num_ret;
    ev.mean.num_rel_ret += m.num_rel_ret;
    ev.topics.push_back(std::move(m));
  }
  if (!ev.topics.empty()) {
    const double n = static_cast<double>(ev.topics.size());
    ev.mean.ndcg10 /= n;
    ev.mean.ap /= n;
    ev.mean.p10 /= n;
    ev.mean.recall100 /= n;
    ev.mean.rr /= n;
  }
  for (const auto& [qid, hits] : run) {
    auto it = qrels.find(qid);
    bool scored = it != qrels.end() &&
                  std::any_of(it->second.begin(), it->second.end(), [](const auto& j) { return j.second > 0; });
    if (!scored) ev.ignored_run_topics.push_back(qid);
  }
  return ev;
}

}  // namespace newsindex::eval
