// --explain's data: how a hit's score was made, part by part, for the printers to render (a JSON
// object in JSON, one line in text).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace newsindex {

// One query term's part of a document's BM25 score.
struct TermPart {
  std::string term;   // as the passage index spells it
  double weight = 0;  // the term's weight in the query
  double wdf = 0, idf = 0, score = 0;
};

// The term parts of one document, largest first, and their sum.
struct TermParts {
  double sum = 0;
  std::vector<TermPart> terms;
};

// The article's or the passage's side of a score.
struct ScoreSide {
  double score = 0;
  std::optional<double> max, norm;  // article mode: the best score of the kind, and this one's share of it
  std::optional<double> passage;    // article mode: the ordinal of the passage read (stored as a number)
  std::optional<TermParts> terms;   // absent when the side has no document
};

struct Explanation {
  double score = 0;
  std::optional<double> fusion_weight;  // article mode: the article side's share of the score
  std::optional<ScoreSide> article;     // article mode
  std::optional<ScoreSide> passage;
  struct Proximity {
    double weight = 0, score = 0, max = 0, norm = 0;
  };
  std::optional<Proximity> proximity;  // article mode, with a proximity weight
  struct Context {
    double weight = 0, article_score = 0, score = 0;
  };
  std::optional<Context> context;       // passage mode, with a context weight
  std::optional<size_t> expansion_terms;  // feedback terms added to the query
  std::optional<double> concept_weight;   // long queries: the key-concept power (term weights carry it)
};

}  // namespace newsindex
