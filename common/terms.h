// Analyzer tokens to Xapian terms: the one place that decides raw, stemmed and acronym forms,
// used by the document builder, the query parser and the highlighter alike.
#pragma once
#include <xapian.h>

#include <string>
#include <string_view>

#include "analyzer.h"

namespace newsindex {

// Xapian stemmer for a BCP 47 tag or Xapian language name ("en", "en-GB", "english", "none").
// Unknown languages get no stemming rather than an error.
Xapian::Stem stemmer_for(std::string_view lang);

// Adds a text's terms to a document: raw terms (with positions from pos_base when
// `positions`), stemmed "Z" terms, and acronym terms. Returns the next free position.
Xapian::termpos add_text_terms(Xapian::Document& doc, const Analysis& analysis, std::string_view field,
                               const Xapian::Stem& stem, Xapian::termpos pos_base, bool positions);

std::string raw_term(std::string_view field, const Token& tok);
std::string stemmed_term(std::string_view field, const Token& tok, const Xapian::Stem& stem);
// The acronym term of a word in a body field: "acronym" for the passages' body, its own
// field for the article record's copy (schema::acronym_field).
std::string acronym_term(const Token& tok, std::string_view field = "body");

}  // namespace newsindex
