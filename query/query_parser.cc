#include "query/query_parser.h"

#include <fmt/format.h>

#include <unicode/utf8.h>

#include <algorithm>
#include <utility>

#include "common/dates.h"
#include "common/errors.h"
#include "common/schema.h"
#include "query/match_all.h"
#include "query/spelling.h"
#include "common/terms.h"
#include "query/ranking/request_language.h"
#include "query/ranking/stopwords.h"
#include "query/ranking/recency.h"
#include "common/url.h"
#include "common/ascii.h"

namespace newsindex {

namespace {

enum class T { Word, Phrase, LParen, RParen, And, Or, Not, Near, Adj, End };

struct Lexeme {
  T type = T::End;
  std::string text;     // word or phrase text
  std::string field;    // "title" for title:word
  size_t col = 0;
  int distance = 10;    // NEAR/n, ADJ/n
  int sign = 0;         // +1 required, -1 excluded
};

// Opening and closing quotes a pasted query may carry.
size_t quote_at(std::string_view s, size_t i) {
  if (s[i] == '"') return 1;
  if (i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0x9C || static_cast<unsigned char>(s[i + 2]) == 0x9D ||
       static_cast<unsigned char>(s[i + 2]) == 0x9E))
    return 3;
  return 0;
}

constexpr bool is_space(char c) { return is_ascii_space(c); }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::vector<Lexeme> lex(std::string_view s) {
  std::vector<Lexeme> out;
  size_t i = 0;
  while (i < s.size()) {
    if (is_space(s[i])) { ++i; continue; }
    Lexeme l;
    l.col = i;
    if (s[i] == '(') { l.type = T::LParen; out.push_back(l); ++i; continue; }
    if (s[i] == ')') { l.type = T::RParen; out.push_back(l); ++i; continue; }
    if ((s[i] == '+' || s[i] == '-') && i + 1 < s.size() && !is_space(s[i + 1]) && s[i + 1] != ')') {
      l.sign = s[i] == '+' ? 1 : -1;
      ++i;
      if (s[i] == '(') {  // -(a OR b): the sign is the group's
        l.type = T::LParen;
        out.push_back(l);
        ++i;
        continue;
      }
    }
    // field:value (classify_field_name says what counts as a field)
    size_t j = i;
    while (j < s.size() && is_ascii_letter(s[j])) ++j;
    if (j > i && j < s.size() && s[j] == ':') {
      const bool no_value = j + 1 == s.size() || is_space(s[j + 1]) || s[j + 1] == ')';
      FieldName f = classify_field_name(s.substr(i, j - i));
      if (f.kind == FieldName::Kind::Field) {
        if (no_value) throw QueryError(fmt::format("{}: needs a value right after the colon", f.name), i);
        l.field = std::move(f.name);
        i = j + 1;
      } else if (f.kind == FieldName::Kind::Misspelt && !no_value && s.substr(j + 1, 2) != "//") {
        // "Note: …" (a space after the colon) and urn://… stay words.
        throw UnknownFieldError(std::move(f.name), std::move(f.suggestion), i);
      }
    }
    if (size_t q = quote_at(s, i)) {
      size_t start = i + q, k = start;
      size_t close = 0;
      while (k < s.size() && !(close = quote_at(s, k))) ++k;
      if (k >= s.size()) throw QueryError("unterminated phrase: a \" is never closed", i);
      l.type = T::Phrase;
      l.text = std::string(s.substr(start, k - start));
      i = k + close;
      out.push_back(l);
      continue;
    }
    size_t k = i;
    while (k < s.size() && !is_space(s[k]) && s[k] != '(' && s[k] != ')' && !quote_at(s, k)) ++k;
    l.type = T::Word;
    l.text = std::string(s.substr(i, k - i));
    i = k;
    if (l.field.empty() && l.sign == 0) {
      const std::string& w = l.text;
      if (w == "AND") l.type = T::And;
      else if (w == "OR") l.type = T::Or;
      else if (w == "NOT") l.type = T::Not;
      else if (w.rfind("NEAR", 0) == 0 || w.rfind("ADJ", 0) == 0) {
        bool near = w[0] == 'N';
        std::string_view rest = std::string_view(w).substr(near ? 4 : 3);
        if (rest.empty() || (rest[0] == '/' && rest.size() > 1 &&
                             rest.substr(1).find_first_not_of("0123456789") == std::string_view::npos)) {
          l.type = near ? T::Near : T::Adj;
          if (!rest.empty()) {
            if (rest.size() > 5) throw QueryError("NEAR/ADJ distance too large", l.col);
            l.distance = std::stoi(std::string(rest.substr(1)));
          }
        }
      }
    }
    out.push_back(l);
  }
  Lexeme end;
  end.type = T::End;
  end.col = s.size();
  out.push_back(end);
  return out;
}

std::string pad_date(std::string_view v, bool upper, size_t col, const std::string& today) {
  if (auto span = span_days(v)) {  // 7d = seven days before today
    auto now = days_from_civil(today.empty() ? today_iso() : today);
    if (!now) throw QueryError("bad --now date", col);
    return civil_from_days(*now - *span);
  }
  std::string digits;
  for (char c : v)
    if (c != '-' && c != '/') digits += c;
  if (digits.find_first_not_of("0123456789") != std::string::npos ||
      (digits.size() != 4 && digits.size() != 6 && digits.size() != 8))
    throw QueryError(fmt::format("bad date \"{}\" (use YYYY, YYYY-MM or YYYY-MM-DD)", v), col);
  if (digits.size() == 4) digits += upper ? "1231" : "0101";
  else if (digits.size() == 6) digits += upper ? "31" : "01";
  int y = std::stoi(digits.substr(0, 4)), m = std::stoi(digits.substr(4, 2)), d = std::stoi(digits.substr(6, 2));
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1000) throw QueryError(fmt::format("bad date \"{}\"", v), col);
  return digits;
}

class Parser {
 public:
  Parser(std::string_view text, Analyzer& an, const QueryOptions& o, schema::BodyForm form)
      : text_(text),
        an_(an),
        opts_(o),
        stem_(stemmer_for(o.language)),
        other_stems_(stemmers(o.other_languages)),
        body_(schema::body_field(form)),
        stems_only_(schema::field(body_).flags & schema::kStemsOnly) {
    // A query typed in capitals is a pasted headline, not a row of acronyms.
    caps_acronyms_ = !an_.analyze(text).shouting;
  }

  ParsedQuery parse_structured() {
    lx_ = lex(text_);
    Xapian::Query q = parse_or(0);
    if (peek().type == T::RParen) throw QueryError("unbalanced parenthesis: ')' without '('", peek().col);
    if (peek().type != T::End) throw QueryError("unexpected text", peek().col);
    return finish(q);
  }

  ParsedQuery parse_plain() {
    Analysis a = an_.analyze(text_, AnalyzeOptions{caps_acronyms_});
    // "I am interested in papers on ..." asks for a topic in words that are not about it
    // (ranking/request_language.cc); a query of nothing but such words keeps them all.
    if (opts_.request_language && stoplist_applies(opts_.language)) {
      std::vector<std::string> words;
      for (const Token& t : a.tokens) words.push_back(t.term);
      const std::vector<bool> request = request_language_mask(words);
      std::vector<Token> topic;
      for (size_t i = 0; i < a.tokens.size(); ++i)
        if (!request[i]) topic.push_back(a.tokens[i]);
      if (!topic.empty()) a.tokens = std::move(topic);
    }
    // "what are the effects of ..." ranks better on its content words; a query of nothing but
    // function words ("The Who") keeps them all.
    if (opts_.stopwords && stoplist_applies(opts_.language)) {
      std::vector<Token> content;
      for (const Token& t : a.tokens)
        if (t.acronym || !is_query_stopword(t.term)) content.push_back(t);
      if (!content.empty()) a.tokens = std::move(content);
    }
    std::vector<Xapian::Query> parts;
    for (const Token& t : a.tokens) parts.push_back(word_query(t, false));
    check_terms(parts.size(), 0);
    return finish(Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end()));
  }

 private:
  const Lexeme& peek() const { return lx_[pos_]; }
  const Lexeme& take() { return lx_[pos_++]; }

  // The filters collected so far as one query (empty = none): values of one field are
  // alternatives; different fields must all hold.
  Xapian::Query combined_filters() const {
    if (filters_.empty()) return {};
    std::vector<Xapian::Query> per_field;
    for (auto& [field, qs] : filters_) per_field.emplace_back(Xapian::Query::OP_OR, qs.begin(), qs.end());
    return Xapian::Query(Xapian::Query::OP_AND, per_field.begin(), per_field.end());
  }

  ParsedQuery finish(Xapian::Query q) {
    ParsedQuery out;
    out.query = q;
    out.filter = combined_filters();
    if (out.query.empty() && out.filter.empty() && !saw_negative_)
      throw QueryError("the query has no searchable words", 0);
    matches_.other_languages = opts_.other_languages;
    out.matches = std::move(matches_);
    out.words = std::move(words_);
    out.body_only = !any_kind_;
    return out;
  }

  void check_terms(size_t n, size_t col) {
    terms_ += n;
    if (terms_ > opts_.max_terms)
      throw QueryError(fmt::format("query too long: more than {} terms", opts_.max_terms), col);
  }

  Xapian::Query parse_or(size_t depth) {
    Xapian::Query left = parse_group(depth);
    while (peek().type == T::Or) {
      size_t col = take().col;
      Xapian::Query right = parse_group(depth);
      if (right.empty() || left.empty()) throw QueryError("OR needs something on both sides", col);
      left = Xapian::Query(Xapian::Query::OP_OR, left, right);
    }
    return left;
  }

  // Words side by side: optional (default OR), +required, -excluded. Under NOT or - a group's
  // filters narrow that group (flood NOT (site:a OR tag:b) leaves out both).
  Xapian::Query parse_group(size_t depth) {
    if (negated_ == 0) return parse_group_words(depth);
    return with_own_filters([&] { return parse_group_words(depth); });
  }

  Xapian::Query parse_group_words(size_t depth) {
    std::vector<Xapian::Query> optional, required, excluded;
    auto* outer_excluded = std::exchange(group_excluded_, &excluded);
    while (true) {
      T t = peek().type;
      if (t == T::End || t == T::RParen || t == T::Or) break;
      int sign = peek().sign;
      if (t == T::Not) {  // NOT at the start of an operand: exclude it
        take();
        excluded.push_back(negated([&] { return parse_and(depth); }));
        continue;
      }
      if (t == T::And) throw QueryError("AND needs something on its left", peek().col);
      Xapian::Query q = sign < 0 ? negated([&] { return parse_and(depth); }) : parse_and(depth);
      if (q.empty()) continue;
      (sign > 0 ? required : sign < 0 ? excluded : optional).push_back(q);
    }
    group_excluded_ = outer_excluded;
    Xapian::Query pos;
    if (opts_.default_and) required.insert(required.end(), optional.begin(), optional.end()), optional.clear();
    if (!required.empty()) {
      pos = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
      if (!optional.empty())
        pos = Xapian::Query(Xapian::Query::OP_AND_MAYBE, pos,
                            Xapian::Query(Xapian::Query::OP_OR, optional.begin(), optional.end()));
    } else if (!optional.empty()) {
      pos = Xapian::Query(Xapian::Query::OP_OR, optional.begin(), optional.end());
    }
    if (!excluded.empty()) {
      saw_negative_ = true;
      if (pos.empty()) pos = match_all(), any_kind_ = true;
      pos = Xapian::Query(Xapian::Query::OP_AND_NOT, pos,
                          Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    }
    return pos;
  }

  Xapian::Query parse_and(size_t depth) {
    Xapian::Query left = parse_near(depth);
    while (peek().type == T::And || peek().type == T::Not) {
      bool is_not = take().type == T::Not;
      size_t col = peek().col;
      if (!is_not && peek().type == T::Not) {  // "a AND NOT b"
        take();
        is_not = true;
      }
      Xapian::Query right = is_not ? negated([&] { return parse_near(depth); }) : parse_near(depth);
      if (right.empty()) throw QueryError(is_not ? "NOT needs something after it" : "AND needs something after it", col);
      if (is_not) saw_negative_ = true;
      if (is_not && left.empty() && group_excluded_) {
        // Nothing but filters on the left (site:x NOT tokyo): the whole group goes without it,
        // as with site:x -tokyo, rather than everything else being let in beside its words.
        group_excluded_->push_back(right);
        continue;
      }
      if (left.empty()) left = match_all(), any_kind_ = true;
      left = Xapian::Query(is_not ? Xapian::Query::OP_AND_NOT : Xapian::Query::OP_AND, left, right);
    }
    return left;
  }

  Xapian::Query parse_near(size_t depth) {
    size_t col = peek().col;
    std::vector<std::string> terms;
    bool positional = peek().type == T::Word && peek().field.empty() && peek().sign == 0;
    if (positional) terms = positional_terms(peek());
    Xapian::Query first = parse_unary(depth);
    if (peek().type != T::Near && peek().type != T::Adj) return first;
    bool ordered = peek().type == T::Adj;
    int distance = 0;
    while (peek().type == T::Near || peek().type == T::Adj) {
      const Lexeme& op = take();
      distance = std::max(distance, op.distance);
      if (!positional || terms.size() != 1) throw QueryError("NEAR and ADJ join single words", col);
      const Lexeme& w = peek();
      if (w.type != T::Word || !w.field.empty() || w.sign != 0) throw QueryError("NEAR and ADJ join single words", w.col);
      std::vector<std::string> more = positional_terms(w);
      if (more.size() != 1) throw QueryError("NEAR and ADJ join single words", w.col);
      parse_unary(depth);  // records the word for highlighting
      terms.push_back(more[0]);
    }
    const auto window = static_cast<Xapian::termcount>(distance + terms.size());
    return Xapian::Query(ordered ? Xapian::Query::OP_PHRASE : Xapian::Query::OP_NEAR, terms.begin(), terms.end(), window);
  }

  // The unstemmed, positional terms a word stands for (for NEAR/ADJ).
  std::vector<std::string> positional_terms(const Lexeme& l) {
    std::vector<std::string> out;
    std::string_view w = l.text;
    if (!w.empty() && w[0] == '=') w.remove_prefix(1);
    for (const Token& t : an_.analyze(w, AnalyzeOptions{caps_acronyms_}).tokens) out.push_back(raw_term(body_, t));
    return out;
  }

  Xapian::Query parse_unary(size_t depth) {
    const Lexeme& l = peek();
    switch (l.type) {
      case T::LParen: {
        if (depth >= opts_.max_depth) throw QueryError("parentheses nested too deeply", l.col);
        take();
        Xapian::Query q = parse_or(depth + 1);
        if (peek().type != T::RParen) throw QueryError("unbalanced parenthesis: '(' is never closed", l.col);
        take();
        return q;
      }
      case T::Phrase:
        take();
        if (!l.field.empty()) return field_query(l);
        return phrase_query(l.text, l.col);
      case T::Word:
        take();
        if (!l.field.empty()) return field_query(l);
        return word_lexeme(l);
      case T::Near:
      case T::Adj:
        throw QueryError("NEAR and ADJ join two words", l.col);
      case T::RParen:
        throw QueryError("unbalanced parenthesis: ')' without '('", l.col);
      default:
        throw QueryError("expected a word", l.col);
    }
  }

  Xapian::Query word_lexeme(const Lexeme& l) {
    std::string_view w = l.text;
    bool exact = false;
    if (w.size() > 1 && w[0] == '=') exact = true, w.remove_prefix(1);
    if (w.size() > 1 && w.back() == '*') return wildcard(w.substr(0, w.size() - 1), l.col);
    Analysis a = an_.analyze(w, AnalyzeOptions{caps_acronyms_});
    if (a.tokens.empty()) return Xapian::Query();  // punctuation only
    check_terms(a.tokens.size(), l.col);
    if (a.tokens.size() == 1) return word_query(a.tokens[0], exact);
    return tokens_phrase(a, l.col);  // Mar-a-Lago, U.S.-China, CJK runs
  }

  Xapian::Query word_query(const Token& t, bool exact) {
    words_.push_back(t.term);
    std::string raw = raw_term(body_, t);
    if (exact || !t.stemmable) {
      matches_.raw.insert(t.term);
      if (t.acronym && !exact) return acronym_query(t, Xapian::Query(raw));
      // In records that keep only stems (schema::kStemsOnly) the raw term of a stemmable word
      // matches nothing, as a phrase matches nothing there: they cannot tell the word from its
      // inflections, and the exact word is found in the passages.
      return Xapian::Query(raw);
    }
    matches_.stems.insert(stem_(t.term));
    Xapian::Query stemmed = in_every_language(t);
    if (t.acronym) return acronym_query(t, stemmed);
    return with_synonyms(t, stemmed);
  }

  // The word's stem, and its stem in each of the index's other languages where that differs,
  // weighted as one term.
  Xapian::Query in_every_language(const Token& t) {
    std::vector<std::string> forms{stemmed_term(body_, t, stem_)};
    for (const Xapian::Stem& other : other_stems_) {
      std::string form = stemmed_term(body_, t, other);
      if (std::find(forms.begin(), forms.end(), form) != forms.end()) continue;
      forms.push_back(std::move(form));
      matches_.stems.insert(other(t.term));
    }
    if (forms.size() == 1) return Xapian::Query(forms.front());
    return Xapian::Query(Xapian::Query::OP_SYNONYM, forms.begin(), forms.end());
  }

  static std::vector<Xapian::Stem> stemmers(const std::vector<std::string>& languages) {
    std::vector<Xapian::Stem> out;
    for (const auto& l : languages) out.push_back(stemmer_for(l));
    return out;
  }

  // A word with synonym groups stands for all of them, weighted as one term (OP_SYNONYM).
  Xapian::Query with_synonyms(const Token& t, Xapian::Query q) {
    if (!opts_.synonyms) return q;
    std::vector<Xapian::Query> alts{q};
    for (auto it = opts_.synonyms->synonyms_begin(t.term); it != opts_.synonyms->synonyms_end(t.term); ++it) {
      Analysis a = an_.analyze(*it);
      if (a.tokens.size() == 1 && a.tokens[0].stemmable) {
        matches_.stems.insert(stem_(a.tokens[0].term));
        alts.emplace_back(stemmed_term(body_, a.tokens[0], stem_));
      } else if (!a.tokens.empty()) {
        alts.push_back(tokens_phrase(a, 0));
      }
    }
    if (alts.size() == 1) return q;
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end());
  }

  // U.S. / NATO: the acronym term carries the weight; the plain word still counts a little, so
  // "U.S." ranks passages about the U.S. above those with only the pronoun "us".
  Xapian::Query acronym_query(const Token& t, Xapian::Query plain) {
    matches_.acronyms.insert(t.term);
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(acronym_term(t, body_)),
                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, plain, 0.25));
  }

  Xapian::Query tokens_phrase(const Analysis& a, size_t) {
    std::vector<std::string> terms;
    for (const Token& t : a.tokens) {
      terms.push_back(raw_term(body_, t));
      matches_.raw.insert(t.term);
      words_.push_back(t.term);
    }
    if (terms.size() == 1) return Xapian::Query(terms[0]);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
  }

  Xapian::Query phrase_query(std::string_view text, size_t col) {
    Analysis a = an_.analyze(text, AnalyzeOptions{caps_acronyms_});
    if (a.tokens.empty()) return Xapian::Query();
    check_terms(a.tokens.size(), col);
    return tokens_phrase(a, col);  // a headline is a phrase in its lead passage (doc_builder)
  }

  // The words of `a` as a phrase of the title's raw terms (passages keep them with positions).
  Xapian::Query title_phrase(const Analysis& a) {
    std::vector<std::string> terms;
    for (const Token& t : a.tokens) terms.push_back(raw_term(schema::FieldId::Title, t));
    if (terms.size() == 1) return Xapian::Query(terms[0]);
    return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), static_cast<Xapian::termcount>(terms.size()));
  }

  Xapian::Query wildcard(std::string_view prefix, size_t col) {
    std::string p = normalize_word(prefix);
    if (p.empty()) throw QueryError("a wildcard needs at least one letter before '*'", col);
    matches_.prefixes.push_back(p);
    check_terms(1, col);
    Xapian::Query raw(Xapian::Query::OP_WILDCARD, schema::term(body_, p), opts_.max_wildcard,
                      Xapian::Query::WILDCARD_LIMIT_ERROR);
    if (!stems_only_) return raw;
    // Stems begin like their words, so the stems under the prefix stand for the words (and the
    // raw terms for words that have no stem).
    Xapian::Query stems(Xapian::Query::OP_WILDCARD, schema::stem_prefix(body_) + p, opts_.max_wildcard,
                        Xapian::Query::WILDCARD_LIMIT_ERROR);
    return Xapian::Query(Xapian::Query::OP_OR, raw, stems);
  }

  Xapian::Query field_query(const Lexeme& l) {
    const schema::Field& f = *schema::user_field(l.field);
    if (l.text.find_first_not_of(" \t\n\r\f\v") == std::string::npos)
      throw QueryError(fmt::format("{}: needs a value", l.field), l.col);
    if (f.id == schema::FieldId::Date) {
      auto [lo, hi] = parse_date_range(l.text, l.col, opts_.today);
      Xapian::Query q;
      if (!lo.empty() && !hi.empty()) q = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, lo, hi);
      else if (!lo.empty()) q = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotDate, lo);
      else q = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kSlotDate, hi);
      return add_filter(l, q);
    }
    if (f.flags & schema::kBoolean) {
      std::string v = l.text;
      if (f.id == schema::FieldId::Url) {
        std::string c = canonical_url(v);
        if (!c.empty()) v = c;
      } else if (f.id == schema::FieldId::Site) {
        v = normalize_word(v);
      } else if (f.id != schema::FieldId::Article) {
        v = normalize_word(v);
        if (f.id == schema::FieldId::Type && v != "passage" && v != "link" && v != "caption" && v != "lead" && v != "article")
          throw QueryError("type: is one of passage, link, caption, lead, article", l.col);
      }
      return add_filter(l, Xapian::Query(schema::term(f.id, v)));
    }
    // A free-text field: its words, all required, through the analyzer, by their stems (the
    // field keeps raw terms only for words without one: schema::kStemsOnly).
    Analysis a = an_.analyze(l.text, AnalyzeOptions{caps_acronyms_});
    if (a.tokens.empty()) throw QueryError(fmt::format("{}: needs a word", l.field), l.col);
    check_terms(a.tokens.size(), l.col);
    any_kind_ = true;
    if (f.id == schema::FieldId::Title && l.type == T::Phrase && a.tokens.size() > 1) {
      // title:"…" is a phrase of the passages' positioned title words; article records keep stems
      // only, so in articles mode the articles come through their passages, as other phrases do.
      for (const Token& t : a.tokens) words_.push_back(t.term);
      return title_phrase(a);
    }
    std::vector<Xapian::Query> parts;
    for (const Token& t : a.tokens) {
      words_.push_back(t.term);
      parts.emplace_back(t.stemmable ? stemmed_term(f.id, t, stem_) : raw_term(f.id, t));
    }
    any_kind_ = true;
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
  }

  // What follows NOT (or -) is excluded, its filters included: flood NOT site:x and
  // flood -(site:x) are flood -site:x.
  template <class Parse>
  Xapian::Query negated(Parse parse) {
    ++negated_;
    auto* outer_excluded = std::exchange(group_excluded_, nullptr);  // its own exclusions stay in it
    Xapian::Query q = with_own_filters(parse);
    group_excluded_ = outer_excluded;
    --negated_;
    return q;
  }

  // The query `parse` reads, narrowed by the filters inside it (only those filters, when it has
  // no words); the filters gathered outside it stay apart.
  template <class Parse>
  Xapian::Query with_own_filters(Parse parse) {
    auto outer = std::exchange(filters_, {});
    Xapian::Query q = parse();
    Xapian::Query own = combined_filters();
    filters_ = std::move(outer);
    if (own.empty()) return q;
    if (q.empty()) return own;
    return Xapian::Query(Xapian::Query::OP_FILTER, q, own);
  }

  // Filters apply to the whole query; inside a -/NOT they exclude instead.
  Xapian::Query add_filter(const Lexeme& l, Xapian::Query q) {
    if (l.sign < 0) return q;  // the group turns it into an exclusion
    filters_[l.field].push_back(q);
    return Xapian::Query();
  }

  std::string_view text_;
  Analyzer& an_;
  const QueryOptions& opts_;
  Xapian::Stem stem_;
  std::vector<Xapian::Stem> other_stems_;
  schema::FieldId body_;      // Body or ArticleBody: which copy of the words the terms name
  bool stems_only_;           // that copy has no raw term for a stemmable word (schema::kStemsOnly)
  bool any_kind_ = false;     // the ranked part can match any record: a title:/author:/... word, MatchAll
  bool caps_acronyms_ = true;
  bool saw_negative_ = false;
  int negated_ = 0;           // NOT operands being read around the current token
  std::vector<Xapian::Query>* group_excluded_ = nullptr;  // the exclusions of the group being read
  std::vector<Lexeme> lx_;
  size_t pos_ = 0;
  size_t terms_ = 0;
  std::map<std::string, std::vector<Xapian::Query>> filters_;
  MatchSet matches_;
  std::vector<std::string> words_;
};

}  // namespace

FieldName classify_field_name(std::string_view name) {
  FieldName out;
  if (name.empty() || !std::all_of(name.begin(), name.end(), is_ascii_letter)) return out;
  std::string lower(name);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (schema::user_field(lower)) {
    out.kind = FieldName::Kind::Field;
    out.name = std::move(lower);
    return out;
  }
  if (lower.size() < 3) return out;  // re:, ur: … are too short to be read as a slip
  const size_t limit = lower.size() >= 7 ? 2 : 1;  // "update:" is no slip of "date:"
  size_t best = limit + 1;
  for (const schema::Field& f : schema::kFields) {
    if (!(f.flags & schema::kUserField)) continue;
    // Fields in table order: of two at the same distance the first, a stable choice.
    if (size_t d = edit_distance(lower, f.name, limit); d < best) best = d, out.suggestion = f.name;
  }
  if (best > limit) return out;
  out.kind = FieldName::Kind::Misspelt;
  out.name = std::string(name);
  return out;
}

std::pair<std::string, std::string> parse_date_range(std::string_view value, size_t column,
                                                     const std::string& today) {
  size_t dots = value.find("..");
  if (dots == std::string_view::npos) {
    if (span_days(value)) return {pad_date(value, false, column, today), ""};  // date:7d = the last week
    return {pad_date(value, false, column, today), pad_date(value, true, column, today)};
  }
  std::string_view a = value.substr(0, dots), b = value.substr(dots + 2);
  if (a.empty() && b.empty()) throw QueryError("date: range needs at least one end", column);
  return {a.empty() ? "" : pad_date(a, false, column, today), b.empty() ? "" : pad_date(b, true, column, today)};
}

ParsedQuery parse_query(std::string_view text, Analyzer& analyzer, const QueryOptions& opts) {
  auto parse = [&](schema::BodyForm form) {
    Parser p(text, analyzer, opts, form);
    return opts.plain ? p.parse_plain() : p.parse_structured();
  };
  // The same text twice, once per copy of the body words; everything but the terms is the same.
  ParsedQuery out = parse(schema::BodyForm::Passage);
  out.article_query = parse(schema::BodyForm::Article).query;
  return out;
}

}  // namespace newsindex
