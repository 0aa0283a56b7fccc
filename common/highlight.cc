#include "highlight.h"

#include "terms.h"

namespace newsindex {

std::vector<ByteRange> find_matches(std::string_view text, const MatchSet& m, Analyzer& analyzer,
                                    const Xapian::Stem& stem) {
  std::vector<ByteRange> out;
  if (m.empty()) return out;
  WordStemmer stemmed(stem);
  for (const Token& t : analyzer.analyze(text).tokens) {
    bool hit = m.raw.count(t.term) || (t.acronym && m.acronyms.count(t.term)) ||
               (t.stemmable && !m.stems.empty() && m.stems.count(stemmed(t.term)));
    for (size_t i = 0; !hit && i < m.prefixes.size(); ++i) hit = t.term.rfind(m.prefixes[i], 0) == 0;
    if (hit) out.emplace_back(t.start, t.end);
  }
  return out;
}

}  // namespace newsindex
