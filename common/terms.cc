#include "common/terms.h"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <vector>

#include "common/schema.h"

namespace newsindex {

// Stemming is the costliest step from word to term (a few thousand instructions a word), and
// news text repeats its words: each thread remembers recent stems, per stemmer (a Xapian::Stem
// is deterministic, so a remembered stem is the stem). A small direct-mapped table of short
// words stays in the CPU cache; a node-based hash map of every word did not, and was slower than
// stemming again.
class StemTable {
 public:
  // calloc: a table this size comes straight from mmap, already zero, so a page costs a fault
  // only once a word lands in it; writing the zeros (a vector) would fault in every page of the
  // table for each query.
  explicit StemTable(std::string stemmer)
      : stemmer_(std::move(stemmer)), slots_(static_cast<Slot*>(std::calloc(kSlots, sizeof(Slot)))) {
    if (!slots_) throw std::bad_alloc();
  }
  const std::string& name() const { return stemmer_; }

  const std::string& stem(const Xapian::Stem& stemmer, const std::string& word) {
    if (word.size() > kMaxLen) return out_ = stemmer(word);
    Slot& s = slots_[hash(word) & (kSlots - 1)];
    if (s.word_len == word.size() && std::memcmp(s.word, word.data(), word.size()) == 0 && s.word_len) {
      out_.assign(s.stem, s.stem_len);
      return out_;
    }
    out_ = stemmer(word);
    if (out_.size() <= kMaxLen) {
      s.word_len = static_cast<uint8_t>(word.size());
      std::memcpy(s.word, word.data(), word.size());
      s.stem_len = static_cast<uint8_t>(out_.size());
      std::memcpy(s.stem, out_.data(), out_.size());
    }
    return out_;
  }

 private:
  static constexpr size_t kMaxLen = 22;    // a slot is 48 bytes: longer words are rare, and stemmed
  static constexpr size_t kSlots = 8192;   // 384 KB: the frequent words of a language
  struct Slot {  // all zero bytes: empty
    uint8_t word_len, stem_len;
    char word[kMaxLen], stem[kMaxLen];
  };
  struct Free {
    void operator()(Slot* p) const { std::free(p); }
  };
  static uint32_t hash(const std::string& w) {  // FNV-1a: cheap, and spreads short words well
    uint32_t h = 2166136261u;
    for (unsigned char c : w) h = (h ^ c) * 16777619u;
    return h ^ (h >> 15);
  }

  std::string stemmer_;  // Xapian::Stem::get_description(), e.g. "Xapian::Stem(english)"
  std::unique_ptr<Slot[], Free> slots_;
  std::string out_;
};

namespace {

// This thread's table for a stemmer, found by the stemmer's description (which names its
// language); a thread meets a handful of languages at most. Room for all of them is reserved,
// so a table stays where it is while others are added (callers hold one through a loop).
StemTable& stem_table(const Xapian::Stem& stemmer) {
  constexpr size_t kMaxStemmers = 8;
  thread_local std::vector<StemTable> tables;
  if (tables.capacity() < kMaxStemmers) tables.reserve(kMaxStemmers);
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
  explicit FieldTerms(schema::FieldId field)
      : field(field),
        prefix(schema::term(field, "")),
        stem_prefix(schema::stem_prefix(field)),
        stems_only(schema::field(field).flags & schema::kStemsOnly) {}

  const std::string& pad() { return buf = schema::term(schema::FieldId::LengthPad, ""); }

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

  schema::FieldId field;
  std::string prefix, stem_prefix, buf;
  bool stems_only;
};

}  // namespace

WordStemmer::WordStemmer(const Xapian::Stem& stem) : stem_(stem), table_(stem_table(stem)) {}

const std::string& WordStemmer::operator()(const std::string& word) { return table_.stem(stem_, word); }

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

std::string stemmer_name(const Xapian::Stem& stem) {
  if (stem.is_none()) return "none";
  const std::string d = stem.get_description();  // "Xapian::Stem(english)"
  const size_t open = d.find('('), close = d.rfind(')');
  return open != std::string::npos && close > open ? d.substr(open + 1, close - open - 1) : d;
}

std::string raw_term(schema::FieldId field, const Token& tok) { return schema::term(field, tok.term); }

std::string stemmed_term(schema::FieldId field, const Token& tok, const Xapian::Stem& stem) {
  std::string t = schema::stem_prefix(field);
  t.append(stem_table(stem).stem(stem, tok.term));
  return t;
}

std::string acronym_term(const Token& tok, schema::FieldId body) {
  return schema::term(schema::acronym_field(body), tok.term);
}

Xapian::termpos add_text_terms(Xapian::Document& doc, const Analysis& analysis, schema::FieldId field,
                               const Xapian::Stem& stem, Xapian::termpos pos_base, bool positions) {
  Xapian::termpos last = pos_base;
  if (analysis.tokens.empty()) return last;
  FieldTerms terms(field);
  StemTable& stems = stem_table(stem);
  Xapian::termcount not_stored = 0;  // raw words a stems-only field leaves out
  for (const Token& tok : analysis.tokens) {
    const Xapian::termpos pos = pos_base + tok.pos + 1;  // Xapian positions start at 1
    if (positions) doc.add_posting(terms.raw(tok.term), pos);
    else if (terms.stems_only && tok.stemmable) ++not_stored;
    else doc.add_term(terms.raw(tok.term));
    if (tok.stemmable) doc.add_term(terms.stemmed(stems.stem(stem, tok.term)));
    if (tok.acronym) {
      if (positions) doc.add_posting(acronym_term(tok, field), pos);
      else doc.add_term(acronym_term(tok, field));
    }
    last = pos;
  }
  if (not_stored) doc.add_term(terms.pad(), not_stored);
  return last;
}

}  // namespace newsindex
