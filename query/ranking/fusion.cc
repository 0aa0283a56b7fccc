#include "query/ranking/fusion.h"

#include <algorithm>
#include <cmath>

#include "query/ranking/article_shape.h"

namespace newsindex {

double max_normalized(double score, double max_score) { return max_score > 0 ? score / max_score : 0.0; }

double article_share(double lambda, double power, double passages_per_article) {
  lambda = std::clamp(lambda, 0.0, 1.0);
  if (lambda >= 1 || power <= 0 || !long_articles(passages_per_article)) return lambda;
  return lambda / std::pow(passages_per_article / 2, power);
}

std::vector<FusedScore> fuse_scores(const std::vector<FusionInput>& inputs, double lambda, double gamma) {
  lambda = std::clamp(lambda, 0.0, 1.0);
  gamma = std::max(0.0, gamma);
  double max_article = 0, max_passage = 0, max_proximity = 0;
  for (const auto& in : inputs) {
    max_article = std::max(max_article, in.article_score);
    max_passage = std::max(max_passage, in.passage_score);
    max_proximity = std::max(max_proximity, in.proximity);
  }
  std::vector<FusedScore> out;
  out.reserve(inputs.size());
  for (const auto& in : inputs) {
    FusedScore f;
    f.key = in.key;
    f.article_norm = max_normalized(in.article_score, max_article);
    f.passage_norm = max_normalized(in.passage_score, max_passage);
    f.proximity_norm = max_normalized(in.proximity, max_proximity);
    f.score = lambda * f.article_norm + (1 - lambda) * f.passage_norm + gamma * f.proximity_norm;
    out.push_back(std::move(f));
  }
  std::sort(out.begin(), out.end(), [](const FusedScore& a, const FusedScore& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.article_norm != b.article_norm) return a.article_norm > b.article_norm;
    return a.key < b.key;
  });
  return out;
}

}  // namespace newsindex
