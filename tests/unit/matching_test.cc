// Index side and query side together: a passage is found (or not) by a query, through the same
// analyzer, on an in-memory database. One row per rule of the analyzer issue.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "indexer/doc_builder.h"
#include "common/errors.h"
#include "query/query_parser.h"
#include "common/schema.h"
#include "query/search.h"

using namespace newsindex;

namespace {

struct Corpus {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Analyzer an;
  void add(const std::string& id, const std::string& text, const std::string& lang = "") {
    Article a;
    a.id = id;
    a.source = id;
    a.title = id;
    a.lang = lang;
    Block b;
    b.text = text;
    a.blocks.push_back(b);
    BuiltArticle built = build_documents(a, an, BuildOptions{});
    db.add_document(built.article_doc);
    for (auto& d : built.passage_docs) db.add_document(d);
    db.commit();
  }
  std::vector<std::string> search(const std::string& q, bool plain = false) {
    QueryOptions qo;
    qo.plain = plain;
    ParsedQuery pq = parse_query(q, an, qo);
    Searcher s(db, an);
    SearchOptions so;
    so.limit = 0;
    std::vector<std::string> out;
    for (const Hit& h : s.search(pq, so).hits) out.push_back(h.article);
    return out;
  }
};

struct MatchCase {
  const char* name;
  const char* text;
  const char* query;
  bool found;
};

}  // namespace

class Matching : public ::testing::TestWithParam<MatchCase> {};

TEST_P(Matching, QueryFindsPassage) {
  const MatchCase& c = GetParam();
  Corpus corpus;
  corpus.add("doc", c.text);
  corpus.add("other", "Completely unrelated words about weather and sport.");
  auto hits = corpus.search(c.query);
  bool found = std::find(hits.begin(), hits.end(), "doc") != hits.end();
  EXPECT_EQ(found, c.found) << "text: " << c.text << "\nquery: " << c.query;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, Matching,
    ::testing::Values(
        MatchCase{"stem_plural", "Growing fears of decoupling", "fear", true},
        MatchCase{"capitals_query", "growing fears of decoupling", "DECOUPLING", true},
        MatchCase{"accent_free_query", "Talks in Zürich ended", "Zurich", true},
        MatchCase{"accented_query", "Talks in Zurich ended", "Zürich", true},
        MatchCase{"pyongyang", "A visit to Pyŏngyang", "Pyongyang", true},
        MatchCase{"sao_paulo_phrase", "Markets in São Paulo rose", "\"Sao Paulo\"", true},
        MatchCase{"possessive", "Japan’s concerns", "Japan", true},
        MatchCase{"straight_vs_curly", "Japan's concerns", "Japan’s", true},
        MatchCase{"fullwidth", "ＴＯＫＹＯ talks", "tokyo", true},
        MatchCase{"ligature", "the ﬁnance minister", "finance", true},
        MatchCase{"zwsp_inside_word", "dis\xE2\x80\x8B" "appear quietly", "disappear", true},
        MatchCase{"soft_hyphen", "dis\xC2\xAD" "appear quietly", "disappear", true},
        MatchCase{"em_dash", "Trump—with a list", "with", true},
        MatchCase{"acronym_dotted", "leaders of the U.S. met", "U.S.", true},
        MatchCase{"acronym_undotted_query", "leaders of the U.S. met", "US", true},
        MatchCase{"acronym_no_final_dot", "leaders of the U.S met", "U.S.", true},
        MatchCase{"hyphen_as_written", "at Mar-a-Lago in Florida", "Mar-a-Lago", true},
        MatchCase{"hyphen_words", "at Mar-a-Lago in Florida", "Lago", true},
        MatchCase{"hyphen_phrase", "at Mar-a-Lago in Florida", "\"mar a lago\"", true},
        MatchCase{"jong_un", "Kim Jong Un met", "Jong-un", true},
        MatchCase{"intermediate_range", "intermediate-range missiles", "\"intermediate range\"", true},
        MatchCase{"year", "In 2018, talks", "2018", true},
        MatchCase{"decimal", "grew 1.5 percent", "1.5", true},
        MatchCase{"dollars", "a $1.5 billion deal", "$1.5", true},
        MatchCase{"score", "won 3-2 at home", "3-2", true},
        MatchCase{"chinese", "两国领导人讨论了贸易问题。", "贸易", true},
        MatchCase{"chinese_multiword", "两国领导人讨论了贸易问题。", "贸易问题", true},
        MatchCase{"chinese_wrong_order", "两国领导人讨论了贸易问题。", "问题贸易", false},
        MatchCase{"japanese", "東京で会談した", "東京", true},
        MatchCase{"thai", "ประเทศไทยและญี่ปุ่น", "ญี่ปุ่น", true},
        MatchCase{"korean", "북한 미사일 발사", "미사일", true},
        MatchCase{"hashtag", "Protesters chanted #NoNewBase 🇯🇵 today", "NoNewBase", true},
        MatchCase{"hashtag_query", "Protesters chanted #NoNewBase today", "#NoNewBase", true},
        MatchCase{"exact_word", "the fearful crowd", "=fears", false},
        MatchCase{"exact_word_hit", "their fears grew", "=fears", true},
        MatchCase{"phrase_unstemmed", "extended deterrence commitments", "\"extended deterrence\"", true},
        MatchCase{"wildcard", "decoupling fears", "decoup*", true},
        MatchCase{"not", "decoupling fears", "decoupling NOT fears", false},
        MatchCase{"minus", "decoupling fears", "decoupling -fears", false}),
    [](const auto& info) { return std::string(info.param.name); });

// The query side analyzes like the index side: the same rule, written differently in the query
// and in the text.
INSTANTIATE_TEST_SUITE_P(
    QuerySide, Matching,
    ::testing::Values(
        MatchCase{"acronym_un_dotted", "a vote at the U.N. today", "U.N.", true},
        MatchCase{"acronym_un_undotted_query", "a vote at the U.N. today", "UN", true},
        MatchCase{"acronym_eu_undotted_text", "the EU summit ended", "E.U.", true},
        MatchCase{"acronym_eu_no_final_dot", "the E.U summit ended", "E.U.", true},
        MatchCase{"hashtag_lowercase_query", "Protesters chanted #NoNewBase today", "#nonewbase", true},
        MatchCase{"hashtag_in_query_word_in_text", "Protesters chanted no new base today", "#NoNewBase", false},
        MatchCase{"mention_query", "as reported by @nytimes today", "@nytimes", true},
        MatchCase{"mixed_scripts_latin", "Reuters报道了贸易问题", "Reuters", true},
        MatchCase{"mixed_scripts_cjk", "Reuters报道了贸易问题", "贸易问题", true},
        MatchCase{"emoji_zwj_in_text", "great👨‍👩‍👧news today", "news", true},
        MatchCase{"emoji_zwj_in_query", "great news today", "👨‍👩‍👧news", true},
        MatchCase{"devanagari", "भारत की राजधानी दिल्ली है", "दिल्ली", true},
        MatchCase{"devanagari_marks_kept", "भारत की राजधानी दिल्ली है", "दलल", false},
        MatchCase{"fullwidth_query", "Tokyo talks ended", "ＴＯＫＹＯ", true},
        MatchCase{"ligature_query", "the finance minister", "ﬁnance", true},
        MatchCase{"soft_hyphen_query", "they disappear quietly", "dis\xC2\xAD" "appear", true},
        MatchCase{"zwsp_query", "they disappear quietly", "dis\xE2\x80\x8B" "appear", true},
        MatchCase{"capitals_with_accent_query", "talks in Zurich ended", "ZÜRICH", true},
        MatchCase{"possessive_query", "Japan concerns grew", "Japan’s", true},
        MatchCase{"curly_contraction_query", "it doesn't matter", "doesn’t", true},
        MatchCase{"greek_accent_free_query", "ταξίδι στην Αθήνα", "Αθηνα", true},
        MatchCase{"cyrillic_stress_mark", "визит в Москва́", "Москва", true},
        MatchCase{"nbsp_phrase_query", "North Korea talks", "\"North\xC2\xA0Korea\"", true}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Matching, AcronymOutranksPronoun) {
  Corpus c;
  c.add("pronoun", "He told us that the talks went well and us again.");
  c.add("country", "He said the U.S. talks went well.");
  auto hits = c.search("U.S.");
  ASSERT_GE(hits.size(), 1u);
  EXPECT_EQ(hits[0], "country");
}

TEST(Matching, HeadlineInCapitalsRanksLikeLowerCase) {
  Corpus c;
  c.add("a", "Japan fears decoupling from the United States.");
  c.add("b", "Japan and trade.");
  EXPECT_EQ(c.search("JAPAN FEARS DECOUPLING"), c.search("japan fears decoupling"));
  EXPECT_EQ(c.search("JAPAN FEARS DECOUPLING", true), c.search("japan fears decoupling", true));
}

TEST(Matching, MatchOffsetsOnBoundaries) {
  Corpus c;
  c.add("a", "Japan’s “decoupling” fears — 東京で会談した Zürich");
  Analyzer an;
  ParsedQuery pq = parse_query("decoupling fear 東京 zurich japan", an, QueryOptions{});
  Searcher s(c.db, an);
  auto r = s.search(pq, SearchOptions{});
  ASSERT_EQ(r.hits.size(), 1u);
  const Hit& h = r.hits[0];
  ASSERT_EQ(h.matches.size(), 5u);
  std::vector<std::string> words;
  for (auto [b, e] : h.matches) words.push_back(h.text.substr(b, e - b));
  EXPECT_EQ(words, (std::vector<std::string>{"Japan’s", "decoupling", "fears", "東京", "Zürich"}));
}

struct BadQuery {
  const char* name;
  const char* query;
};
class MalformedQuery : public ::testing::TestWithParam<BadQuery> {};
TEST_P(MalformedQuery, Throws) {
  Analyzer an;
  EXPECT_THROW(parse_query(GetParam().query, an, QueryOptions{}), QueryError) << GetParam().query;
}
INSTANTIATE_TEST_SUITE_P(Errors, MalformedQuery,
                         ::testing::Values(BadQuery{"unclosed_paren", "(a b"}, BadQuery{"stray_paren", "a b)"},
                                           BadQuery{"unclosed_quote", "\"a b"}, BadQuery{"dangling_and", "a AND"},
                                           BadQuery{"leading_or", "OR a"}, BadQuery{"bad_date", "date:20x8"},
                                           BadQuery{"only_punct", "!!! ???"}, BadQuery{"near_phrase", "\"a b\" NEAR c"}),
                         [](const auto& info) { return std::string(info.param.name); });

// Passages and the article record keep their own copy of the body words (schema: article_body):
// each form of a query reaches only its own records, and a body-only query needs no kind filter.
struct FormCase {
  const char* name;
  const char* query;
  bool body_only;        // the passage form can reach nothing but passages and links
  bool article_matches;  // the article form finds the article record (phrases cannot: no positions;
                         // nor can exact stemmable words: the record keeps only their stems)
};
class BodyForms : public ::testing::TestWithParam<FormCase> {};
TEST_P(BodyForms, EachFormReachesItsOwnRecords) {
  const FormCase& fc = GetParam();
  Corpus c;
  c.add("doc", "The U.S. fears decoupling from China in 2018.");
  ParsedQuery pq = parse_query(fc.query, c.an, QueryOptions{});
  EXPECT_EQ(pq.body_only, fc.body_only);
  auto count = [&](const Xapian::Query& q, const char* kind) {
    Xapian::Enquire e(c.db);
    e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(schema::term(schema::FieldId::Type, kind))));
    return e.get_mset(0, 10).size();
  };
  EXPECT_EQ(count(pq.query, "passage"), 1u);
  if (fc.body_only) {
    EXPECT_EQ(count(pq.query, "article"), 0u);
  }
  EXPECT_EQ(count(pq.article_query, "article"), fc.article_matches ? 1u : 0u);
  if (fc.body_only) {
    EXPECT_EQ(count(pq.article_query, "passage"), 0u);
  }
}
INSTANTIATE_TEST_SUITE_P(
    Schema3, BodyForms,
    ::testing::Values(FormCase{"word", "decoupling", true, true}, FormCase{"acronym", "U.S.", true, true},
                      FormCase{"wildcard", "decoup*", true, true}, FormCase{"exact", "=fears", true, false},
                      FormCase{"quoted_word", "\"fears\"", true, false}, FormCase{"exact_number", "=2018", true, true},
                      FormCase{"exact_and_word", "=fears OR china", true, true},
                      FormCase{"number", "2018", true, true}, FormCase{"phrase", "\"fears decoupling\"", true, false},
                      FormCase{"near", "fears NEAR/2 china", true, false},
                      FormCase{"exclusion", "decoupling -weather", true, true},
                      FormCase{"or", "china OR tariffs", true, true},
                      FormCase{"title_field", "title:doc", false, true},
                      FormCase{"only_exclusion", "-weather", false, true}),
    [](const auto& info) { return std::string(info.param.name); });

namespace {

std::map<std::string, Xapian::termcount> wdfs(const Xapian::Document& d) {
  std::map<std::string, Xapian::termcount> out;
  for (auto it = d.termlist_begin(); it != d.termlist_end(); ++it) out[*it] = it.get_wdf();
  return out;
}

Xapian::termcount length(const std::map<std::string, Xapian::termcount>& wdfs) {
  Xapian::termcount sum = 0;
  for (const auto& [term, wdf] : wdfs) sum += wdf;
  return sum;
}

// A record's length in schema 2: raw + stem for each stemmable word, raw for the rest, acronyms.
Xapian::termcount schema2_length(Analyzer& an, std::initializer_list<std::string> texts) {
  Xapian::termcount sum = 0;
  for (const std::string& text : texts)
    for (const Token& t : an.analyze(text).tokens) sum += 1 + t.stemmable + t.acronym;
  return sum;
}

}  // namespace

// Schema 3: the article record stores a stemmable word only as its stem, keeps the raw term of a
// word without one, and its length is still what it was with both (raw + stem per word), so BM25
// and feedback score it as before.
TEST(ArticleRecord, StemsOnlyWithTheSameLength) {
  Analyzer an;
  Article a;
  a.id = a.source = "doc";
  Block b;
  b.text = "Tariffs rose in 2018 as NATO talks stalled.";
  a.blocks.push_back(b);
  BuildOptions opts;
  opts.title_weight = 0;
  const BuiltArticle built = build_documents(a, an, opts);
  auto terms = wdfs(built.article_doc);
  EXPECT_EQ(terms.count("XWtariffs"), 0u);
  EXPECT_EQ(terms.count("ZXWtariff"), 1u);
  EXPECT_EQ(terms.count("XW2018"), 1u);  // no stem: the raw term stays
  EXPECT_EQ(terms.count("XWAnato"), 1u);
  // Eight words, 2018 the only one without a stem.
  const Analysis words = an.analyze(b.text);
  Xapian::termcount stemmable = 0;
  for (const Token& t : words.tokens) stemmable += t.stemmable;
  EXPECT_EQ(stemmable, 7u);
  EXPECT_EQ(terms[schema::term(schema::FieldId::LengthPad, "")], stemmable);
  EXPECT_EQ(length(terms), schema2_length(an, {b.text}));
}

// Schema 5: every passage keeps the title's raw words with positions (title:"…" phrases) and its
// stems; the lead also reads the headline as body words after a gap (a headline finds the first
// paragraph, and no phrase spans the two). A record's length counts each word raw and stemmed.
TEST(PassageRecord, TitleWordsWithPositionsAndTheHeadlineInTheLead) {
  Analyzer an;
  Article a;
  a.id = a.source = "doc";
  a.title = "Tariff talks in 2018";
  for (const char* text : {"Negotiators met again.", "Talks resume on Monday."}) {
    Block b;
    b.text = text;
    a.blocks.push_back(b);
  }
  const BuiltArticle built = build_documents(a, an, BuildOptions{});
  ASSERT_EQ(built.passage_docs.size(), 2u);
  const Xapian::Document& lead = built.passage_docs[0];
  const auto terms = wdfs(lead);
  EXPECT_EQ(terms.count("Stariff"), 1u);
  EXPECT_EQ(terms.count("ZStariff"), 1u);
  EXPECT_EQ(terms.count("S2018"), 1u);
  EXPECT_EQ(terms.count("negotiators"), 1u);  // body words keep every raw term (phrases, =word)
  EXPECT_EQ(terms.count("tariff"), 1u);       // the headline, read with the lead
  EXPECT_EQ(terms.count(schema::term(schema::FieldId::Type, "lead")), 1u);
  EXPECT_EQ(length(terms), schema2_length(an, {a.title, a.blocks[0].text, a.title}));
  // The headline follows the text after a gap: "again tariff" is no phrase.
  auto pos = [&](const Xapian::Document& d, const std::string& t) {
    for (auto it = d.termlist_begin(); it != d.termlist_end(); ++it)
      if (*it == t) return *it.positionlist_begin();
    return Xapian::termpos(0);
  };
  EXPECT_GT(pos(lead, "tariff"), pos(lead, "again") + 1);
  EXPECT_EQ(pos(lead, "Stalks"), pos(lead, "Stariff") + 1);  // title words are a phrase
  const auto second = wdfs(built.passage_docs[1]);
  EXPECT_EQ(second.count("tariff"), 0u);
  EXPECT_EQ(second.count("Stariff"), 1u);
  EXPECT_EQ(second.count(schema::term(schema::FieldId::Type, "lead")), 0u);
  EXPECT_EQ(length(second), schema2_length(an, {a.title, a.blocks[1].text}));
}

// A mixed-language index: a word matches its stem in the query's language and in each of the
// index's others, as one synonym group; highlighting follows.
TEST(MatchingLanguages, EveryLanguagesStemInAMixedIndex) {
  Corpus corpus;
  corpus.add("de", "Europa fürchtet die wirtschaftliche Entkopplung.", "de");
  corpus.add("en", "Europe fears an economic decoupling.", "en");
  QueryOptions only_english;
  QueryOptions mixed;
  mixed.other_languages = {"german"};
  Searcher s(corpus.db, corpus.an);
  SearchOptions so;
  so.limit = 0;
  so.need_text = true;
  EXPECT_TRUE(s.search(parse_query("Entkopplungen", corpus.an, only_english), so).hits.empty());
  const auto hits = s.search(parse_query("Entkopplungen", corpus.an, mixed), so).hits;
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].article, "de");
  EXPECT_EQ(hits[0].matches.size(), 1u);
  ASSERT_EQ(s.search(parse_query("decouplings", corpus.an, mixed), so).hits.size(), 1u);
  EXPECT_EQ(s.search(parse_query("decouplings", corpus.an, mixed), so).hits[0].article, "en");
}

namespace newsindex {
namespace {

// newsquery --batch parses and ranks one query a thread. A query of only exclusions matches
// everything else; building that on many threads at once must not corrupt any query
// (Xapian::Query::MatchAll is one static object whose reference count is not atomic).
TEST(Matching, ExclusionOnlyQueriesParseOnManyThreadsAtOnce) {
  std::vector<std::thread> threads;
  std::vector<std::string> described(4);
  for (size_t t = 0; t < described.size(); ++t)
    threads.emplace_back([&, t] {
      Analyzer an;
      for (int i = 0; i < 20000; ++i) {
        const ParsedQuery q = parse_query("-storm NOT flood", an, QueryOptions{});
        if (i == 0) described[t] = q.query.get_description();
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& d : described) EXPECT_EQ(d, described[0]);
  EXPECT_NE(described[0].find("<alldocuments>"), std::string::npos) << described[0];
}

}  // namespace
}  // namespace newsindex
