// Property test over real, messy English: the npm package nlp-corpus (100,000 short texts: SMS,
// lyrics, transcripts, reviews, emoji). Hand-written rule tables cannot foresee what such text
// holds, so here the rules are checked as properties on every record:
//   - analysis never throws, and every token's offsets are valid (start < end <= size, on UTF-8
//     boundaries), ascending, with consecutive positions and valid, bounded terms;
//   - every indexed record is found by queries made of its own words: all its words OR'd (the
//     --plain query of its text), each of its words alone, and its text as a "phrase".
// "Found" means "among the matches" (all hits, not the first page): a record made only of
// common words ("It is what it is.") is matched by its words but rightly ranks below records
// where those words are rarer; how often it also ranks first is printed, not asserted.
//
// The analyzer's ASCII fast path (a scanner in place of ICU's word break iterator) must give the
// very tokens ICU gives: checked for every BMP character in a set of contexts and on random
// strings (always run), and on every corpus record.
//
// The corpus is not committed: scripts/fetch-corpus.sh nlp-corpus writes data/nlp-corpus.jsonl
// and scripts/test-nlp-corpus.sh runs this test. Without the file the tests are skipped.
// Environment: NEWSINDEX_NLP_CORPUS=path (a missing file is then a failure, not a skip);
// NEWSINDEX_NLP_SAMPLE=N records to index and query (default 5000, 0 = every record).
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <set>

#include "indexer/doc_builder.h"
#include "common/errors.h"
#include "query/query_parser.h"
#include "indexer/readers/jsonl_reader.h"
#include "common/schema.h"
#include "query/search.h"

using namespace newsindex;

namespace {

constexpr size_t kDefaultSample = 5000;
constexpr size_t kReportedFailures = 20;

struct CorpusFile {
  std::string path;
  bool explicit_path = false;  // named by NEWSINDEX_NLP_CORPUS: absence is an error
};

CorpusFile corpus_file() {
  if (const char* env = std::getenv("NEWSINDEX_NLP_CORPUS"); env && *env) return {env, true};
  std::string p = NEWSINDEX_SOURCE_DIR;
  p.append("/data/nlp-corpus.jsonl");
  return {p, false};
}

size_t sample_size() {
  const char* env = std::getenv("NEWSINDEX_NLP_SAMPLE");
  if (!env || !*env) return kDefaultSample;
  return static_cast<size_t>(std::strtoull(env, nullptr, 10));
}

// The corpus as articles, read once for all tests of this file.
struct Records {
  std::vector<Article> articles;
  size_t rejected = 0;
  std::string error;  // why nothing could be read
};

const Records& records() {
  static const Records r = [] {
    Records out;
    const CorpusFile f = corpus_file();
    std::ifstream in(f.path, std::ios::binary);
    if (!in) {
      out.error = f.path;
      out.error.append(" not found");
      return out;
    }
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.empty()) continue;
      try {
        out.articles.push_back(parse_jsonl_line(line, "nlp-corpus.jsonl", line_no));
      } catch (const InputError&) {
        ++out.rejected;
      }
    }
    return out;
  }();
  return r;
}

// Skips (or fails, when the path was given explicitly) without the corpus.
#define REQUIRE_CORPUS()                                                                      \
  do {                                                                                        \
    const Records& r_ = records();                                                            \
    if (r_.articles.empty()) {                                                                \
      if (corpus_file().explicit_path) FAIL() << "NEWSINDEX_NLP_CORPUS: " << r_.error;        \
      GTEST_SKIP() << "nlp-corpus not fetched (" << r_.error                                  \
                   << "); run scripts/fetch-corpus.sh nlp-corpus or scripts/test-nlp-corpus.sh"; \
    }                                                                                         \
  } while (0)

// Where code points (or invalid sequences, each read as one U+FFFD) start and end, as the
// analyzer's UTF-8 decoder sees them: offsets must fall on these, also in invalid input.
std::vector<bool> boundaries(std::string_view s) {
  std::vector<bool> at(s.size() + 1, false);
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  at[0] = true;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    at[static_cast<size_t>(i)] = true;
  }
  return at;
}

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

// Every invariant of one analysis; returns the first broken one ("" when all hold).
std::string check_analysis(std::string_view text, const std::vector<bool>& bound, const Analysis& a) {
  uint32_t prev_end = 0;
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    const std::string at = std::to_string(i);
    if (!(t.start < t.end && t.end <= text.size())) return "offsets out of range at token " + at;
    if (!bound[t.start]) return "start inside a UTF-8 sequence at token " + at;
    if (!bound[t.end]) return "end inside a UTF-8 sequence at token " + at;
    if (t.start < prev_end) return "tokens overlap or go backwards at token " + at;
    if (t.pos != i) return "positions not consecutive at token " + at;
    if (t.term.empty() || t.term.size() > Analyzer::kMaxTermBytes) return "empty or oversized term at token " + at;
    if (!valid_utf8(t.term)) return "term is not valid UTF-8 at token " + at;
    prev_end = t.end;
  }
  return {};
}

std::string check_sentences(std::string_view text, const std::vector<bool>& bound, const std::vector<size_t>& b) {
  if (b.empty() || b.back() != text.size()) return "sentence breaks do not end at the text's end";
  for (size_t i = 0; i < b.size(); ++i) {
    if (i > 0 && b[i] <= b[i - 1]) return "sentence breaks not ascending";
    if (!bound[b[i]]) return "sentence break inside a UTF-8 sequence";
  }
  return {};
}

// The first difference between two analyses of one text ("" when they agree).
std::string difference(const Analysis& a, const Analysis& b) {
  if (a.shouting != b.shouting) return "shouting differs";
  if (a.invalid_utf8 != b.invalid_utf8) return "invalid_utf8 differs";
  for (size_t i = 0; i < std::max(a.tokens.size(), b.tokens.size()); ++i) {
    if (i >= a.tokens.size() || i >= b.tokens.size()) return "token count differs at " + std::to_string(i);
    const Token &x = a.tokens[i], &y = b.tokens[i];
    if (x.term != y.term || x.start != y.start || x.end != y.end || x.pos != y.pos || x.acronym != y.acronym ||
        x.stemmable != y.stemmable || x.joined != y.joined) {
      std::string d = "token ";
      d.append(std::to_string(i)).append(": fast \"").append(x.term).append("\" [");
      d.append(std::to_string(x.start)).append(",").append(std::to_string(x.end)).append(") stem=");
      d.append(std::to_string(x.stemmable)).append(" acr=").append(std::to_string(x.acronym));
      d.append(" join=").append(std::to_string(x.joined)).append(" vs ICU \"").append(y.term).append("\" [");
      d.append(std::to_string(y.start)).append(",").append(std::to_string(y.end)).append(") stem=");
      d.append(std::to_string(y.stemmable)).append(" acr=").append(std::to_string(y.acronym));
      d.append(" join=").append(std::to_string(y.joined));
      return d;
    }
  }
  return {};
}

// Fast path and ICU on one text.
std::string fast_vs_icu(Analyzer& an, std::string_view text) {
  AnalyzeOptions icu;
  icu.ascii_fast_path = false;
  return difference(an.analyze(text), an.analyze(text, icu));
}

std::string utf8_of(char32_t c) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, static_cast<UChar32>(c));
  return std::string(buf, static_cast<size_t>(len));
}

// Collects failures with enough context to reproduce them, reporting only the first few.
struct Failures {
  size_t count = 0;
  std::string report;
  void add(const std::string& what, std::string_view text) {
    if (count++ < kReportedFailures) {
      report.append(what);
      report.append("\n    text: ");
      report.append(text.substr(0, 300));
      report.append("\n");
    }
  }
};

}  // namespace

// Each character (every BMP one, and the punctuation and symbols beyond) between letters, digits, underscores and mid-word punctuation, alone and
// doubled: where the fast path takes it, ICU must agree on every token.
TEST(AsciiFastPath, EveryCharacterInContextAgreesWithIcu) {
  static const char* const kContexts[] = {"a%b", "1%2", "%a", "a%", "%%", "1%", "%1", "_%_", "%_", "a.%b",
                                          "1,%2", "%", "x%'s", "U.%S.", "a%.b", "1%.5", "@%", "%@x", "%'t"};
  Analyzer an;
  Failures bad;
  for (char32_t c = 1; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    // Beyond the BMP only punctuation and symbols can take the fast path: the rest would only
    // make the test slow.
    if (c > 0xFFFF && !(U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_P_MASK | U_GC_S_MASK))) continue;
    const std::string ch = utf8_of(c);
    std::string text;
    for (const char* ctx : kContexts) {
      for (const char* p = ctx; *p; ++p) {
        if (*p == '%') text.append(ch);
        else text += *p;
      }
      text += ' ';
    }
    if (std::string d = fast_vs_icu(an, text); !d.empty()) {
      char code[16];
      std::snprintf(code, sizeof code, "U+%04X: ", static_cast<unsigned>(c));
      bad.add(code + d, text);
    }
  }
  EXPECT_EQ(bad.count, 0u) << bad.report;
}

// Random strings over the characters the rules care about, plain separators and a few that
// send the text to ICU (accents, marks, CJK, emoji).
TEST(AsciiFastPath, RandomStringsAgreeWithIcu) {
  std::vector<std::string> alphabet;
  for (char c = 0x20; c < 0x7F; ++c) alphabet.emplace_back(1, c);
  for (const char* s : {"a", "e", "S", "U", "s", "t", "1", "5", ".", ".", "'", "'", ",", ";", ":", "_", "@", "#",
                        "-", " ", " ", "\n", "\t", "\r", "\x01", "\x7F", "\xE2\x80\x9C", "\xE2\x80\x94",
                        "\xE2\x80\x99", "\xC2\xA0", "\xC2\xAD", "\xE2\x80\x8B", "\xE2\x80\xA6", "\xC2\xB0",
                        "\xE2\x82\xAC", "\xEF\xBF\xBD", "\xFF", "\xC3\xA9", "\xCC\x81", "\xE4\xB8\xAD",
                        "\xF0\x9F\x91\x8D", "\xC2\xB7", "\xE2\x80\x8D"})
    alphabet.emplace_back(s);
  std::mt19937 rng(20240229);
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1), length(1, 40);
  Analyzer an;
  Failures bad;
  constexpr int kStrings = 50000;
  for (int i = 0; i < kStrings; ++i) {
    std::string text;
    for (size_t n = length(rng); n > 0; --n) text.append(alphabet[pick(rng)]);
    if (std::string d = fast_vs_icu(an, text); !d.empty()) bad.add(d, text);
  }
  EXPECT_EQ(bad.count, 0u) << bad.report;
}

TEST(NlpCorpus, FastPathAgreesWithIcu) {
  REQUIRE_CORPUS();
  Analyzer an;
  Failures bad;
  size_t texts = 0;
  for (const Article& a : records().articles)
    for (const Block& b : a.blocks) {
      ++texts;
      if (std::string d = fast_vs_icu(an, b.text); !d.empty()) bad.add(d, b.text);
    }
  std::cout << "[ nlp-corpus ] fast path and ICU compared on " << texts << " texts, " << bad.count << " differ\n";
  EXPECT_EQ(bad.count, 0u) << bad.report;
}

TEST(NlpCorpus, AnalysisNeverBreaksOffsets) {
  REQUIRE_CORPUS();
  Analyzer an;
  Failures bad;
  size_t texts = 0, tokens = 0, invalid = 0;
  auto check = [&](std::string_view text, const char* variant) {
    ++texts;
    try {
      Analysis a = an.analyze(text);
      tokens += a.tokens.size();
      invalid += a.invalid_utf8;
      const std::vector<bool> bound = boundaries(text);
      std::string why = check_analysis(text, bound, a);
      if (why.empty()) why = check_sentences(text, bound, an.sentence_breaks(text));
      if (!why.empty()) bad.add(std::string(variant) + ": " + why, text);
    } catch (const std::exception& e) {
      bad.add(std::string(variant) + ": threw " + e.what(), text);
    }
  };
  for (const Article& a : records().articles) {
    for (const Block& b : a.blocks) {
      check(b.text, "text");
      // Cut in the middle of the bytes: often inside a multi-byte character, so invalid UTF-8.
      check(std::string_view(b.text).substr(0, b.text.size() / 2 + 1), "truncated");
      // Stray bytes spliced in: lone continuation byte, overlong form, bytes never valid.
      std::string spliced = b.text;
      spliced.insert(spliced.size() / 3, "\x80\xC0\xAF\xFF");
      check(spliced, "spliced");
    }
  }
  std::cout << "[ nlp-corpus ] " << records().articles.size() << " records (" << records().rejected
            << " rejected lines), " << texts << " texts analyzed, " << tokens << " tokens, " << invalid
            << " invalid UTF-8 sequences replaced, " << bad.count << " failures\n";
  EXPECT_EQ(records().rejected, 0u);
  EXPECT_EQ(bad.count, 0u) << bad.report;
}

TEST(NlpCorpus, EveryRecordFoundByItsOwnWords) {
  REQUIRE_CORPUS();
  const std::vector<Article>& all = records().articles;
  const size_t want = sample_size();
  const size_t step = want == 0 || want >= all.size() ? 1 : all.size() / want;

  Analyzer an;
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  struct Indexed {
    const Article* article;
    size_t passages;
  };
  std::vector<Indexed> sample;
  for (size_t i = 0; i < all.size() && (want == 0 || sample.size() < want); i += step) {
    BuiltArticle built = build_documents(all[i], an, BuildOptions{});
    db.add_document(built.article_doc);
    for (auto& d : built.passage_docs) db.add_document(d);
    sample.push_back({&all[i], built.passage_docs.size()});
  }
  db.commit();

  Searcher searcher(db, an);
  QueryOptions plain;
  plain.plain = true;
  plain.max_terms = 100000;  // a record's whole text is one query
  QueryOptions structured;
  structured.max_terms = 100000;

  // The record is among the hits: the query restricted to the record's own documents matches.
  auto found = [&](ParsedQuery pq, const std::string& id) {
    Xapian::Query mine(schema::term(schema::FieldId::Article, id));
    pq.filter = pq.filter.empty() ? mine : Xapian::Query(Xapian::Query::OP_AND, pq.filter, mine);
    return searcher.count(pq, SearchOptions{}) > 0;
  };

  Failures bad;
  size_t wordless = 0, whole_queries = 0, word_queries = 0, phrase_queries = 0;
  size_t ranked_first = 0, ranked_top10 = 0;
  for (const Indexed& rec : sample) {
    const Article& a = *rec.article;
    std::string text;
    for (const Block& b : a.blocks) {
      if (!text.empty()) text.append("\n\n");
      text.append(b.text);
    }
    Analysis words = an.analyze(text);
    if (words.tokens.empty()) {
      // Only emoji or punctuation: nothing to search by, and nothing was indexed as a word.
      ++wordless;
      EXPECT_THROW(parse_query(text, an, plain), QueryError) << text;
      continue;
    }
    try {
      // All its words OR'd.
      ++whole_queries;
      ParsedQuery whole = parse_query(text, an, plain);
      if (!found(whole, a.id)) bad.add("not found by its whole text (--plain)", text);
      SearchOptions top;
      top.need_text = false;
      SearchResult r = searcher.search(whole, top);
      for (size_t k = 0; k < r.hits.size(); ++k) {
        if (r.hits[k].article != a.id) continue;
        ranked_first += k == 0;
        ++ranked_top10;
        break;
      }
      // Each word alone, as written in the text (so "Japan’s" is queried as "Japan’s").
      std::set<std::string> seen;
      for (const Token& t : words.tokens) {
        std::string word = text.substr(t.start, t.end - t.start);
        if (!seen.insert(word).second) continue;
        ++word_queries;
        if (found(parse_query(word, an, plain), a.id)) continue;
        std::string what = "not found by its word \"";
        what.append(word).append("\"");
        bad.add(what, text);
      }
      // The whole text as a phrase (positions agree), when it is one passage without quotes.
      if (rec.passages == 1 && text.find_first_of("\"") == std::string::npos &&
          text.find("\xE2\x80\x9C") == std::string::npos && text.find("\xE2\x80\x9D") == std::string::npos &&
          text.find("\xE2\x80\x9E") == std::string::npos) {
        ++phrase_queries;
        std::string phrase = "\"";
        phrase.append(text);
        phrase.append("\"");
        if (!found(parse_query(phrase, an, structured), a.id)) bad.add("not found by its text as a phrase", text);
      }
    } catch (const std::exception& e) {
      bad.add(std::string("query threw: ") + e.what(), text);
    }
  }
  std::cout << "[ nlp-corpus ] " << sample.size() << " records indexed (" << db.get_doccount() << " documents), "
            << wordless << " without words; " << whole_queries << " whole-text, " << word_queries
            << " single-word and " << phrase_queries << " phrase queries; " << bad.count << " not found\n"
            << "[ nlp-corpus ] whole-text query ranks its record first for " << ranked_first << ", in the top 10 for "
            << ranked_top10 << " of " << whole_queries << " (duplicates and short records tie)\n";
  EXPECT_EQ(bad.count, 0u) << bad.report;
}
