#include "query/highlight.h"

#include "common/terms.h"

namespace newsindex {

std::vector<ByteRange> find_matches(std::string_view text, const MatchSet& m, Analyzer& analyzer,
                                    const Xapian::Stem& stem) {
  std::vector<ByteRange> out;
  if (m.empty()) return out;
  WordStemmer stemmed(stem);
  // A mixed-language index: the word may be in another language. WordStemmer keeps a reference
  // to its Xapian::Stem, so those live in a vector that no longer grows.
  std::vector<Xapian::Stem> other_stems;
  for (const auto& l : m.other_languages) other_stems.push_back(stemmer_for(l));
  std::vector<WordStemmer> others;
  others.reserve(other_stems.size());
  for (const Xapian::Stem& s : other_stems) others.emplace_back(s);
  auto stem_matches = [&](const std::string& word) {
    if (m.stems.count(stemmed(word))) return true;
    for (WordStemmer& o : others)
      if (m.stems.count(o(word))) return true;
    return false;
  };
  for (const Token& t : analyzer.analyze(text).tokens) {
    bool hit = m.raw.count(t.term) || (t.acronym && m.acronyms.count(t.term)) ||
               (t.stemmable && !m.stems.empty() && stem_matches(t.term));
    for (size_t i = 0; !hit && i < m.prefixes.size(); ++i) hit = t.term.rfind(m.prefixes[i], 0) == 0;
    if (hit) out.emplace_back(t.start, t.end);
  }
  return out;
}

}  // namespace newsindex
