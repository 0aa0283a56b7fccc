#include "terms.h"

#include <array>

#include "schema.h"

namespace newsindex {

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
  return schema::stem_prefix(field) + stem(tok.term);
}

std::string acronym_term(const Token& tok) { return schema::term("acronym", tok.term); }

Xapian::termpos add_text_terms(Xapian::Document& doc, const Analysis& analysis, std::string_view field,
                               const Xapian::Stem& stem, Xapian::termpos pos_base, bool positions) {
  Xapian::termpos last = pos_base;
  for (const Token& tok : analysis.tokens) {
    const Xapian::termpos pos = pos_base + tok.pos + 1;  // Xapian positions start at 1
    if (positions) doc.add_posting(raw_term(field, tok), pos);
    else doc.add_term(raw_term(field, tok));
    if (tok.stemmable) doc.add_term(stemmed_term(field, tok, stem));
    if (tok.acronym) {
      if (positions) doc.add_posting(acronym_term(tok), pos);
      else doc.add_term(acronym_term(tok));
    }
    last = pos;
  }
  return last;
}

}  // namespace newsindex
