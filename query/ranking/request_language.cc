// Request phrases left out of --plain queries (docs/relevance.md), before stopwords.
//
// The list names how a request is worded, never a topic: a phrase is here only when its words,
// together, cannot be what a document is about. So "information about" is here, "information"
// alone is not (CISI is about information science); "retrieve" is here only in "please
// retrieve" and "retrieve documents/papers/articles" (retrieval is a topic); "describe",
// "discuss" and their forms are here alone (a topic is described, it is not "describing").
// Stopwords inside a phrase ("in", "on", "about") are part of it so that it matches the
// running text; they would be dropped anyway. Every topic is treated the same way.
#include "query/ranking/request_language.h"

#include <algorithm>
#include <iterator>
#include <sstream>

namespace newsindex {

namespace {

constexpr std::string_view kPhrases[] = {
    // Who asks and how.
    "i am interested in", "we are interested in", "i am interested", "interested in",
    "i would like", "i would also like", "we would like", "i should like",
    "i would be grateful for", "i would also be grateful for", "grateful for",
    "i am looking for", "we are looking for", "looking for", "i need", "we need",
    "please find", "please retrieve", "please list", "please",
    "my research concerns", "my research is on", "my interest is in",
    // What is asked for.
    "information about", "information on", "information concerning", "information regarding",
    "papers on", "papers about", "papers that", "papers which", "papers describing", "papers dealing with",
    "documents that", "documents which", "documents about", "documents on", "documents describing",
    "articles that", "articles which", "articles about", "articles on", "articles describing",
    "anything on",
    "retrieve documents", "retrieve papers", "retrieve articles",
    // The verbs of a request.
    "discuss", "discusses", "discussing", "discussed",
    "describe", "describes", "describing", "described",
    // Closing lines.
    "would also be relevant", "would be relevant", "are relevant", "also relevant", "relevant",
};

struct Phrase {
  std::vector<std::string> words;
};

std::vector<Phrase> split_phrases() {
  std::vector<Phrase> out;
  for (std::string_view p : kPhrases) {
    Phrase ph;
    std::istringstream in{std::string(p)};
    for (std::string w; in >> w;) ph.words.push_back(w);
    out.push_back(std::move(ph));
  }
  // Longest first: "i would also be grateful for" before "grateful for".
  std::stable_sort(out.begin(), out.end(),
                   [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
  return out;
}

}  // namespace

std::vector<bool> request_language_mask(const std::vector<std::string>& words) {
  static const std::vector<Phrase> phrases = split_phrases();
  std::vector<bool> mask(words.size(), false);
  for (size_t i = 0; i < words.size();) {
    size_t matched = 0;
    for (const Phrase& p : phrases) {
      if (i + p.words.size() > words.size()) continue;
      if (std::equal(p.words.begin(), p.words.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
        matched = p.words.size();
        break;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < matched; ++k) mask[i + k] = true;
    i += matched;
  }
  return mask;
}

std::vector<std::string_view> request_phrases() { return {std::begin(kPhrases), std::end(kPhrases)}; }

}  // namespace newsindex
