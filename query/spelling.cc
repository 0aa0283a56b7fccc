#include "query/spelling.h"

#include <algorithm>
#include <vector>

#include "common/schema.h"
#include "common/terms.h"
#include "query/ranking/term_freqs.h"

namespace newsindex {

size_t edit_distance(std::string_view a, std::string_view b, size_t limit) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    size_t row_min = limit + 1;
    for (size_t j = 1; j <= m; ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      row_min = std::min(row_min, d[i][j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return d[n][m];
}

namespace {

bool plain_word(std::string_view w) {
  if (w.empty() || w == "AND" || w == "OR" || w == "NOT" || w.rfind("NEAR", 0) == 0 || w.rfind("ADJ", 0) == 0) return false;
  return w.find_first_of(":*\"()=") == std::string_view::npos;
}

// Quotes (straight or curly) and parentheses around a word, as bytes at its start or end.
size_t grouping_mark(std::string_view s, bool at_end) {
  for (std::string_view mark : {"\"", "(", ")", "\u201C", "\u201D", "\u201E"}) {
    if (s.size() < mark.size()) continue;
    if ((at_end ? s.substr(s.size() - mark.size()) : s.substr(0, mark.size())) == mark) return mark.size();
  }
  return 0;
}

size_t grouping_prefix(std::string_view s) {
  size_t n = 0;
  while (size_t m = grouping_mark(s.substr(n), false)) n += m;
  return n;
}

size_t grouping_suffix(std::string_view s) {
  size_t n = 0;
  while (size_t m = grouping_mark(s.substr(0, s.size() - n), true)) n += m;
  return n;
}

// A space-separated piece of the query: its sign, the quotes or parentheses around it, the word.
struct Piece {
  std::string_view sign, open, word, close;
};

std::vector<Piece> pieces(std::string_view query) {
  std::vector<Piece> out;
  size_t i = 0;
  while (i < query.size()) {
    size_t j = query.find(' ', i);
    if (j == std::string_view::npos) j = query.size();
    Piece p;
    std::string_view chunk = query.substr(i, j - i);
    if (!chunk.empty() && (chunk[0] == '+' || chunk[0] == '-')) p.sign = chunk.substr(0, 1), chunk.remove_prefix(1);
    // The words of a phrase or a group are words too: "gordn brown" -> "gordon brown".
    p.open = chunk.substr(0, grouping_prefix(chunk));
    chunk.remove_prefix(p.open.size());
    p.close = chunk.substr(chunk.size() - grouping_suffix(chunk));
    chunk.remove_suffix(p.close.size());
    p.word = chunk;
    out.push_back(p);
    i = j + 1;
  }
  return out;
}

std::optional<std::string> closest(const Xapian::Database& db, const std::string& word) {
  const size_t limit = word.size() <= 4 ? 1 : 2;
  std::string best;
  size_t best_dist = limit + 1;
  Xapian::doccount best_freq = 0;
  size_t scanned = 0;
  // Candidates share the first letter: the usual case for typing mistakes, and it keeps the
  // scan to a slice of the vocabulary.
  const std::string first = word.substr(0, 1);
  for (auto t = db.allterms_begin(first); t != db.allterms_end(first) && scanned < 200000; ++t, ++scanned) {
    const std::string cand = *t;
    if (cand.size() + limit < word.size() || cand.size() > word.size() + limit) continue;
    size_t dist = edit_distance(word, cand, limit);
    if (dist > limit) continue;
    Xapian::doccount f = t.get_termfreq();
    if (dist < best_dist || (dist == best_dist && f > best_freq)) best = cand, best_dist = dist, best_freq = f;
  }
  if (best.empty()) return std::nullopt;
  return best;
}

}  // namespace

std::optional<std::string> suggest_correction(const Xapian::Database& db, std::string_view query, Analyzer& analyzer,
                                              const std::vector<std::string>& languages, bool batch_lookups) {
  std::vector<Xapian::Stem> stems;
  for (const auto& l : languages) stems.push_back(stemmer_for(l));
  const std::string stem_prefix = schema::stem_prefix(schema::FieldId::Body);
  TermFreqs freqs(db);
  auto stem_terms = [&](const std::string& word) {
    std::vector<std::string> out;
    for (const Xapian::Stem& s : stems) out.push_back(stem_prefix + WordStemmer(s)(word));
    return out;
  };
  auto stem_indexed = [&](const std::string& word) {
    for (const std::string& t : stem_terms(word))
      if (freqs.get(t) > 0) return true;
    return false;
  };
  // The word's analysis when it is a candidate for correction: one stemmable token of 3+ bytes.
  auto candidate = [&](std::string_view chunk) -> std::optional<std::string> {
    if (!plain_word(chunk)) return std::nullopt;
    Analysis a = analyzer.analyze(chunk);
    if (a.tokens.size() == 1 && a.tokens[0].stemmable && a.tokens[0].term.size() >= 3) return a.tokens[0].term;
    return std::nullopt;
  };
  if (batch_lookups) {
    // Every word's terms in one match: one request per shard instead of a round trip per term.
    std::vector<std::string> terms;
    for (const Piece& p : pieces(query)) {
      if (auto w = candidate(p.word)) {
        terms.push_back(schema::term(schema::FieldId::Body, *w));
        for (auto& t : stem_terms(*w)) terms.push_back(std::move(t));
      }
    }
    freqs.prefetch(terms);
  }
  std::string out;
  bool changed = false;
  for (const Piece& p : pieces(query)) {
    std::string replaced(p.word);
    if (auto w = candidate(p.word)) {
      if (freqs.get(schema::term(schema::FieldId::Body, *w)) == 0 && !stem_indexed(*w)) {
        if (auto c = closest(db, *w)) {
          replaced = *c;
          changed = true;
        }
      }
    }
    if (!out.empty()) out += ' ';
    out.append(p.sign).append(p.open).append(replaced).append(p.close);
  }
  if (!changed) return std::nullopt;
  return out;
}

}  // namespace newsindex
