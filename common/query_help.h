// The query language reference printed by `newsquery --help-query` (and kept in README.md).
#pragma once

namespace newsindex {

inline constexpr const char* kQueryHelp = R"(newsquery query language

  decoupling japan        words; passages with more of them rank higher (--and: all required)
  "extended deterrence"   a phrase: the words in this order, as written (not stemmed)
  =fears                  exactly this word (not stemmed: "fear" does not match)
  decoup*                 words starting with "decoup" (--max-wildcard caps the expansion)
  trade AND china         both;  trade OR tariffs  either;  trade NOT china  without china
  +japan -china           japan required, china excluded; others optional
  (trade OR tariffs) AND japan                 parentheses group
  nuclear NEAR/5 missiles within 5 words, any order;  north ADJ/2 korea  in this order
  U.S.  US  NATO          acronyms in capitals match the acronym before the pronoun "us";
                          a query all in capitals is read as ordinary words
  Mar-a-Lago  Jong-un     hyphenated words match as written, as words and as a phrase
  贸易问题                 Chinese/Japanese/Thai/... text is split into words; several words
                          in one run behave as a phrase

Fields (a field's words go through the same analysis as the text):
  title:abe  author:cooper  section:"what about china"  category:news
  site:www.washingtonpost.com   url:https://…   article:ID   lang:en
  type:passage | type:link | type:caption | type:article
  date:2018-06-01..2018-06-30   date:2018-06..2018-07   date:2018..   date:..2017   date:2018-06-06

Operators AND OR NOT NEAR ADJ are recognised only in capitals; --plain turns all syntax off
(every word is a word), as for IR test-collection topics.
)";

}  // namespace newsindex
