// Fusing whole-article evidence with best-passage evidence (docs/relevance.md): each list is
// normalized by its best score, then final = λ·article + (1 − λ)·passage + γ·proximity, the last
// being the term proximity of the best passage (ranking/proximity.h). Pure math, tested.
#pragma once
#include <string>
#include <vector>

namespace newsindex {

// One candidate of the fused list. A score of 0 means "not retrieved by that ranking".
struct FusionInput {
  std::string key;           // article id
  double article_score = 0;  // BM25 of the article document
  double passage_score = 0;  // BM25 of its best passage
  double proximity = 0;      // term proximity of its best passage
};

struct FusedScore {
  std::string key;
  double article_norm = 0, passage_norm = 0, proximity_norm = 0;
  double score = 0;
};

// Scores divided by the largest of their list (0 when the list has no positive score).
double max_normalized(double score, double max_score);

// The whole article's share λ for an index whose articles hold m passages on average
// (ranking/article_shape.h): lambda / (m / 2)^power when they are long (m > 2), else lambda;
// lambda 1 (the article alone) stays 1. A long article's words spread over many subjects, and
// the passage that is about the query is better evidence than the whole.
double article_share(double lambda, double power, double passages_per_article);

// Fuses and sorts best first (ties: higher article score, then key, so runs are reproducible).
// lambda is clamped to [0, 1], gamma (the proximity bonus) to [0, ∞).
std::vector<FusedScore> fuse_scores(const std::vector<FusionInput>& inputs, double lambda, double gamma = 0);

}  // namespace newsindex
