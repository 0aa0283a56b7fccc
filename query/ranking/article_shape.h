// An index's article shape, which some ranking rules depend on: how many passages its articles
// hold on average, and whether that makes them long (news of 10 to 20 paragraphs) rather than
// abstracts of one or two, whose article is its own passage.
#pragma once

namespace newsindex {

// Passages per article from the index's counts of each kind (1 for an empty index).
inline double passages_per_article(double article_count, double passage_count) {
  return article_count > 0 && passage_count > 0 ? passage_count / article_count : 1.0;
}

// More than two passages an article on average.
inline bool long_articles(double passages_per_article) { return passages_per_article > 2; }

}  // namespace newsindex
