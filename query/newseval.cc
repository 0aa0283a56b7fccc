// newseval: scores a TREC run against TREC qrels (nDCG@10, MAP, P@10, R@100, MRR) with
// trec_eval's conventions, so the project can measure relevance without trec_eval installed.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <nlohmann/json.hpp>

#include "common/cli_docs.h"
#include "common/cli_format.h"
#include "common/version.h"
#include "query/eval/trec_metrics.h"
#include "query/newseval_doc.h"

namespace {

using newsindex::eval::Evaluation;
using newsindex::eval::TopicMetrics;

nlohmann::ordered_json to_json(const TopicMetrics& m) {
  nlohmann::ordered_json j;
  j["qid"] = m.qid;
  j["ndcg_10"] = m.ndcg10;
  j["map"] = m.ap;
  j["p_10"] = m.p10;
  j["recall_100"] = m.recall100;
  j["mrr"] = m.rr;
  j["num_rel"] = m.num_rel;
  j["num_ret"] = m.num_ret;
  j["num_rel_ret"] = m.num_rel_ret;
  return j;
}

void print_row(const TopicMetrics& m) {
  fmt::print("{:<10} {:>8.4f} {:>8.4f} {:>8.4f} {:>8.4f} {:>8.4f} {:>8} {:>8} {:>8}\n", m.qid, m.ndcg10, m.ap,
             m.p10, m.recall100, m.rr, m.num_rel, m.num_ret, m.num_rel_ret);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Score a TREC run against TREC qrels: nDCG@10, MAP, P@10, R@100, MRR (trec_eval conventions).",
               "newseval"};
  std::string qrels_path, run_path;
  bool per_topic = false, json = false;
  app.add_option("QRELS", qrels_path, "qrels file: qid iter docid rel")->required();
  app.add_option("RUN", run_path, "run file: qid Q0 docid rank score tag")->required();
  app.add_flag("--per-topic", per_topic, "also print each topic's measures");
  app.add_flag("--json", json, "print one JSON object instead of a table");
  app.set_version_flag("--version", newsindex::version_text("newseval"),
                       "Print the version, the schema version and the Xapian and ICU versions, and exit");
  newsindex::use_help_formatter(app, newsindex::newseval_doc());
  newsindex::add_generate_option(app, newsindex::newseval_doc());
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 returns 0 for --help; any real usage error must be 2 like the other tools.
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }

  try {
    auto qrels = newsindex::eval::read_qrels(qrels_path);
    auto run = newsindex::eval::read_run(run_path);
    Evaluation ev = newsindex::eval::evaluate(qrels, run);

    if (!ev.ignored_run_topics.empty()) {
      fmt::print(stderr, "newseval: {} run topic(s) not in the qrels (or without relevant documents) ignored, e.g. '{}'\n",
                 ev.ignored_run_topics.size(), ev.ignored_run_topics.front());
    }
    if (ev.topics.empty()) {
      fmt::print(stderr, "newseval: {}: no topic has a relevant document\n", qrels_path);
      return 2;
    }

    if (json) {
      nlohmann::ordered_json out = to_json(ev.mean);
      out.erase("qid");
      out["num_topics"] = ev.topics.size();
      if (per_topic) {
        auto& arr = out["per_topic"] = nlohmann::ordered_json::array();
        for (const auto& m : ev.topics) arr.push_back(to_json(m));
      }
      std::cout << out.dump() << '\n';
    } else {
      fmt::print("{:<10} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}\n", "topic", "nDCG@10", "MAP", "P@10",
                 "R@100", "MRR", "rel", "ret", "rel_ret");
      if (per_topic)
        for (const auto& m : ev.topics) print_row(m);
      TopicMetrics mean = ev.mean;
      mean.qid = fmt::format("all({})", ev.topics.size());
      print_row(mean);
    }
    std::fflush(stdout);
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "newseval: {}\n", e.what());
    return 2;
  }
}
