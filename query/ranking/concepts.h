// Key-concept weighting of long queries. In a request of many words the rare words name its
// topic and the common ones its setting ("effects", "methods", "results"); BM25's idf favours the
// rare words once, and in a long query the many common ones still add up. Past `min_words` words
// each word's part of the query is scaled by (idf / mean idf)^power, renormalized to a mean of 1,
// so the query's weight gathers on its key concepts (Bendersky & Croft 2008 find a word's idf the
// strongest single sign of a key concept) while its total stays what feedback is mixed against.
#pragma once
#include <xapian.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace newsindex {

struct ConceptWeighting {
  double power = 0;        // 0 = off
  double min_words = 8;    // query words (after stopwords) before a query counts as long
  bool active(double query_words) const { return power != 0 && query_words >= min_words; }
};

// Each part's factor: (idf / mean idf)^power, then divided by their mean. Parts with no idf
// (0: a term in no document) keep the mean factor 1.
std::vector<double> concept_factors(const std::vector<double>& idfs, double power);

// `query` with each of its top-level OR parts scaled by its factor; a part's idf is that of its
// rarest term. Any other query (one word, a structured query's AND) comes back as it is.
// `factors`, when given, receives each term's factor (for --explain).
Xapian::Query weigh_concepts(const Xapian::Query& query, const std::function<double(const std::string&)>& idf,
                             double power, std::map<std::string, double>* factors = nullptr);

}  // namespace newsindex
