// newseval's examples and man page prose (the options describe themselves).
#pragma once
#include "common/program_doc.h"

namespace newsindex {

inline ProgramDoc newseval_doc() {
  ProgramDoc d;
  d.name = "newseval";
  d.summary = "score a TREC run against TREC qrels";
  d.synopsis = "newseval [OPTIONS] QRELS RUN";
  d.description =
      "newseval reads TREC relevance judgements (QRELS: qid iter docid rel) and a TREC run (RUN: qid Q0 "
      "docid rank score tag, as newsquery --format trec writes it) and prints nDCG@10, MAP, P@10, R@100 "
      "and MRR with trec_eval's conventions: the mean over the topics that have a relevant document, and "
      "with --per-topic each topic's figures.";
  d.examples = {
      {"newseval qrels.txt run.trec", "the mean of every measure"},
      {"newseval --json --per-topic qrels.txt run.trec", "one JSON object"},
  };
  d.sections = {
      {"EXIT STATUS", "0: the run was scored. 2: an error (a file that cannot be read, no judged topic)."},
  };
  d.see_also = {"newsquery(1)"};
  return d;
}

}  // namespace newsindex
