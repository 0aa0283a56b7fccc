#include "terms.h"

#include <array>
#include <unordered_map>
#include <vector>

#include "schema.h"

namespace newsindex {

namespace {

// Stemming is the costliest step from word to term, and news text repeats its words: each
// thread remembers the stems it has computed, per stemmer (a Xapian::Stem is deterministic, so
// a remembered stem is the stem). Bounded: a full table starts again, which keeps the frequent
// words hot at no bookkeeping cost per lookup.
class StemTable {
 public:
  explicit StemTable(std::string stemmer) : stemmer_(std::move(stemmer)) {}
  const std::string& name() const { return stemmer_; }

  const std::string& stem(const Xapian::Stem& stemmer, const std::string& word) {
    auto it = stems_.find(word);
    if (it != stems_.end()) return it->second;
    if (stems_.size() >= kMaxWords) stems_.clear();
    return stems_.emplace(word, stemmer(word)).first->second;
  }

 private:
  static constexpr size_t kMaxWords = 1 << 16;
  std::string stemmer_;  // Xapian::Stem::get_description(), e.g. "Xapian::Stem(english)"
  std::unordered_map<std::string, std::string> stems_;
};

// This thread's table for a stemmer, found by the stemmer's description (which names its
// language); a thread meets a handful of languages at most.
StemTable& stem_table(const Xapian::Stem& stemmer) {
  constexpr size_t kMaxStemmers = 8;
  thread_local std::vector<StemTable> tables;
  thread_local size_t last = 0;
  const std::string name = stemmer.get_description();
  if (last < tables.size() && tables[last].name() == name) return tables[last];
  for (last = 0; last < tables.size(); ++last)
    if (tables[last].name() == name) return tables[last];
  if (tables.size() >= kMaxStemmers) tables.clear();
  last = tables.size();
  return tables.emplace_back(name);
}

// A field's prefixes, looked up once per text rather than once per word.
struct FieldTerms {
  explicit FieldTerms(std::string_view field)
      : field(field), prefix(schema::term(field, "")), stem_prefix(schema::stem_prefix(field)) {}

  // schema::term(field, word), without building a string when the term is the word itself.
  const std::string& raw(const std::string& word) {
    if (prefix.empty() && word.size() <= schema::kMaxTermBytes) return word;
    if (!word.empty() && word[0] >= 'A' && word[0] <= 'Z') return buf = schema::term(field, word);
    if (prefix.size() + word.size() > schema::kMaxTermBytes) return buf = schema::term(field, word);
    buf.assign(prefix).append(word);
    return buf;
  }

  const std::string& stemmed(const std::string& stem) {
    buf.assign(stem_prefix).append(stem);
    return buf;
  }

  std::string_view field;
  std::string prefix, stem_prefix, buf;
};

}  // namespace

Xapian::Stem stemmer_for(std::string_view lang) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> kCodes{{
      {"ar", "arabic"}, {"hy", "armenian"}, {"eu", "basque"}, {"ca", "catalan"}, {"da", "danish"},
      {"nl", "dutch"}, {"en", "english"}, {"fi", "finnish"}, {"fr", "french"}, {"de", "german"},
      {"hu", "hungarian"}, {"id", "indonesian"}, {"ga", "irish"}, {"it", "italian"}, {"lt", "lithuanian"},
      {"ne", "nepali"}, {"nb", "norwegian"}, {"no", "norwegian"}, {"pt", "portuguese"}, {"ro", "romanian"},
      {"ru", "russian"}, {"es", "spanish"}, {"sv", "swedish"}, {"tr", "turkish"}}};
  std::string l;
  for (char c : lang) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l.empty()) return Xapian::Stem("english");
  if (l == "none") return Xapian::Stem();
  std::string primary = l.substr(0, l.find_first_of("-_"));
  for (auto& [code, name] : kCodes)
    if (primary == code) return Xapian::Stem(std::string(name));
  try {
    return Xapian::Stem(l);
  } catch (const Xapian::InvalidArgumentError&) {
    return Xapian::Stem();  // a language Xapian has no stemmer for: exact words only
  }
}

std::string raw_term(std::string_view field, const Token& tok) { return schema::term(field, tok.term); }

std::string stemmed_term(std::string_view field, const Token& tok, const Xapian::Stem& stem) {
  std::string t = schema::stem_prefix(field);
  t.append(stem_table(stem).stem(stem, tok.term));
  return t;
}

std::string acronym_term(const Token& tok) { return schema::term("acronym", tok.term); }

Xapian::termpos add_text_terms(Xapian::Document& doc, const Analysis& analysis, std::string_view field,
                               const Xapian::Stem& stem, Xapian::termpos pos_base, bool positions) {
  Xapian::termpos last = pos_base;
  if (analysis.tokens.empty()) return last;
  FieldTerms terms(field);
  StemTable& stems = stem_table(stem);
  for (const Token& tok : analysis.tokens) {
    const Xapian::termpos pos = pos_base + tok.pos + 1;  // Xapian positions start at 1
    if (positions) doc.add_posting(terms.raw(tok.term), pos);
    else doc.add_term(terms.raw(tok.term));
    if (tok.stemmable) doc.add_term(terms.stemmed(stems.stem(stem, tok.term)));
    if (tok.acronym) {
      if (positions) doc.add_posting(acronym_term(tok), pos);
      else doc.add_term(acronym_term(tok));
    }
    last = pos;
  }
  return last;
}

}  // namespace newsindex
