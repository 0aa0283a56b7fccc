// The query language reference printed by `newsquery --help-query` (and in docs/manual.md and the newsquery-query(7) man page).
// The field list comes from the schema's own descriptions, so a new query field shows up here.
#pragma once
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "common/schema.h"

namespace newsindex {

inline constexpr const char* kQueryHelpWords = R"(newsquery query language

  decoupling japan        words; passages with more of them rank higher (--and: all required)
  "extended deterrence"   a phrase: the words in this order, as written (not stemmed)
  =fears                  exactly this word (not stemmed: "fear" does not match)
  decoup*                 words starting with "decoup" (--max-wildcard caps the expansion)
  trade AND china         both;  trade OR tariffs  either;  trade NOT china  without china
  +japan -china           japan required, china excluded; others optional
  flood NOT site:x.com    a filter after NOT excludes, as after -; NOT tag:x alone: all else
  (trade OR tariffs) AND japan                 parentheses group
  nuclear NEAR/5 missiles within 5 words, any order;  north ADJ/2 korea  in this order
  U.S.  US  NATO          acronyms in capitals match the acronym before the pronoun "us";
                          a query all in capitals is read as ordinary words
  Mar-a-Lago  Jong-un     hyphenated words match as written, as words and as a phrase
  贸易问题                 Chinese/Japanese/Thai/... text is split into words; several words
                          in one run behave as a phrase
)";

inline constexpr const char* kQueryHelpFieldRule = R"(
NAME:VALUE is a field when NAME is one of the fields above (any letter case) and the value
follows the colon directly (title: alone is an error). A name of three or more letters that is
one letter off a field (two for seven letters or more), such as categroy:tech, is an error that
names the field meant; any other word with a colon (https://…, 10:30, re:invent) is a word.
Quote it ("data:x") to search such a word as words.

Operators AND OR NOT NEAR ADJ are recognised only in capitals; --plain turns all syntax off
(every word is a word), as for IR test-collection topics.
)";

// An example value per query field, beside the schema's description.
inline std::string_view query_field_example(schema::FieldId field) {
  using schema::FieldId;
  switch (field) {
    case FieldId::Title: return "title:abe";
    case FieldId::Author: return "author:cooper";
    case FieldId::Section: return "section:\"what about china\"";
    case FieldId::Category: return "category:business";
    case FieldId::Site: return "site:www.washingtonpost.com";
    case FieldId::Url: return "url:https://…";
    case FieldId::Type: return "type:caption";
    case FieldId::Lang: return "lang:en";
    case FieldId::Article: return "article:ID";
    case FieldId::Date: return "date:2018-06..2018-07  date:..2017  date:7d..";
    case FieldId::Tag: return "tag:climate  tag:\"climate change\"";
    default: return {};
  }
}

inline std::string query_help() {
  std::string out = kQueryHelpWords;
  out += "\nFields (a field's words go through the same analysis as the text):\n";
  for (const schema::Field& f : schema::kFields) {
    if (!(f.flags & schema::kUserField)) continue;
    out += fmt::format("  {:<10}{}\n", std::string(f.name) + ":", f.description);
    if (auto example = query_field_example(f.id); !example.empty()) out += fmt::format("  {:<10}  {}\n", "", example);
  }
  out += kQueryHelpFieldRule;
  return out;
}

}  // namespace newsindex
