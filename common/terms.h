// Analyzer tokens to Xapian terms: the one place that decides raw, stemmed and acronym forms,
// used by the document builder, the query parser and the highlighter alike.
#pragma once
#include <xapian.h>

#include <string>
#include <string_view>

#include "common/analyzer.h"
#include "common/schema.h"

namespace newsindex {

// Xapian stemmer for a BCP 47 tag or Xapian language name ("en", "en-GB", "english", "none").
// Unknown languages get no stemming rather than an error.
Xapian::Stem stemmer_for(std::string_view lang);
// The stemmer's Xapian language name ("english"; "none" for no stemming).
std::string stemmer_name(const Xapian::Stem& stem);

// Adds a text's terms to a document: raw terms (with positions from pos_base when
// `positions`), stemmed "Z" terms, and acronym terms. Returns the next free position.
Xapian::termpos add_text_terms(Xapian::Document& doc, const Analysis& analysis, schema::FieldId field,
                               const Xapian::Stem& stem, Xapian::termpos pos_base, bool positions);

class StemTable;
// Stems words as `stem` does, through this thread's table of recent stems (terms.cc): for a loop
// over one text's words. A returned stem is valid until the next call on this thread.
class WordStemmer {
 public:
  explicit WordStemmer(const Xapian::Stem& stem);
  const std::string& operator()(const std::string& word);

 private:
  const Xapian::Stem& stem_;
  StemTable& table_;
};

std::string raw_term(schema::FieldId field, const Token& tok);
std::string stemmed_term(schema::FieldId field, const Token& tok, const Xapian::Stem& stem);
// The acronym term of a word in a body field: Acronym for the passages' body, its own field for
// the article record's copy (schema::acronym_field).
std::string acronym_term(const Token& tok, schema::FieldId body = schema::FieldId::Body);

}  // namespace newsindex
