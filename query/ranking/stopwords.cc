#include "query/ranking/stopwords.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace newsindex {

namespace {

// Sorted for binary search. Pronouns, articles, auxiliaries, prepositions, conjunctions and
// question words; nothing that names a topic (no "new", "state", "problem").
constexpr std::array<std::string_view, 126> kStopwords{
    "a",       "about",  "above",    "after", "again", "against", "all",     "am",      "an",
    "and",     "any",    "are",      "as",    "at",    "be",      "because", "been",    "before",
    "being",   "below",  "between",  "both",  "but",   "by",      "can",     "could",   "did",
    "do",      "does",   "doing",    "down",  "during", "each",   "few",     "for",     "from",
    "further", "had",    "has",      "have",  "having", "he",     "her",     "here",    "hers",
    "herself", "him",    "himself",  "his",   "how",   "i",       "if",      "in",      "into",
    "is",      "it",     "its",      "itself", "just", "me",      "more",    "most",    "my",
    "myself",  "no",     "nor",      "not",   "now",   "of",      "off",     "on",      "once",
    "only",    "or",     "other",    "our",   "ours",  "ourselves", "out",   "over",    "own",
    "same",    "she",    "should",   "so",    "some",  "such",    "than",    "that",    "the",
    "their",   "theirs", "them",     "themselves", "then", "there", "these", "they",    "this",
    "those",   "through", "to",      "too",   "under", "until",   "up",      "very",    "was",
    "we",      "were",   "what",     "when",  "where", "which",   "while",   "who",     "whom",
    "why",     "will",   "with",     "would", "you",   "your",    "yours",   "yourself", "yourselves",
};

}  // namespace

bool is_query_stopword(std::string_view word) {
  return std::binary_search(kStopwords.begin(), kStopwords.end(), word);
}

bool stoplist_applies(std::string_view language) {
  std::string l;
  for (char c : language) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l.empty() || l == "english" || l == "en" || l.rfind("en-", 0) == 0 || l.rfind("en_", 0) == 0;
}

std::span<const std::string_view> query_stopwords() { return kStopwords; }

}  // namespace newsindex
