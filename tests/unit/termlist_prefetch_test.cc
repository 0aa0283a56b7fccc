// Termlists read ahead by a helper thread give the same terms and the same scores as reading
// them on the query's handle, whatever the helper manages: all, nothing (a newer revision, a
// failed open) or nothing asked of it.
#include "query/ranking/termlist_prefetch.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <stdexcept>
#include <string>

#include "query/ranking/term_scores.h"
#include "temp_dir.h"

namespace newsindex {
namespace {

class TermlistPrefetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase w(path_, Xapian::DB_CREATE);
    for (unsigned i = 1; i <= 400; ++i) add(w, i);
    w.commit();
  }

  // Stems and other terms, with wdfs that differ from document to document.
  static void add(Xapian::WritableDatabase& w, unsigned i) {
    Xapian::Document d;
    d.add_term("Zword" + std::to_string(i % 37), 1 + i % 5);
    d.add_term("Zcommon", 1 + i % 3);
    d.add_term("XWword" + std::to_string(i % 11), 2);
    d.add_term("ZXWword" + std::to_string(i % 11), 1 + i % 4);
    d.add_term("plain" + std::to_string(i % 7), 3);
    d.add_boolean_term("XIid" + std::to_string(i));
    w.add_document(d);
  }

  DatabaseOpener opener() const {
    return [p = path_] { return Xapian::Database(p); };
  }
  static std::vector<Xapian::docid> every(unsigned step, unsigned from) {
    std::vector<Xapian::docid> out;
    for (unsigned d = from; d <= 400; d += step) out.push_back(d);
    return out;
  }

  // What finish() delivers equals a direct read, and scores are bit-identical.
  static void expect_same(const Xapian::Database& db, TermlistPrefetch& f, const std::vector<Xapian::docid>& passages,
                          const std::vector<Xapian::docid>& articles) {
    const TermScorer passage_scorer(db, {{"Zcommon", 0.5}, {"Zword3", 1.5}, {"Zzz", 2}}, 0);
    const TermScorer article_scorer(db, {{"ZXWword4", 0.25}, {"ZXWword7", 1}}, 0);
    ASSERT_TRUE(passage_scorer.covered_by("Z"));
    ASSERT_TRUE(article_scorer.covered_by("ZXW"));
    const Bm25Params p{1.2, 0.75};
    auto check = [&](const TermScorer& scorer, const DocTerms& got, Xapian::docid doc, const std::string& prefix) {
      EXPECT_EQ(got.length, read_doc_terms(db, doc, prefix).length) << doc;
      EXPECT_EQ(terms_of(got), terms_of(read_doc_terms(db, doc, prefix))) << doc;
      EXPECT_EQ(scorer.score(got, p, 9.5), scorer.score(doc, p, 9.5)) << doc;
    };
    for (size_t i = 0; i < passages.size(); ++i) check(passage_scorer, f.passage(i), passages[i], "Z");
    for (size_t i = 0; i < articles.size(); ++i) check(article_scorer, f.article(i), articles[i], "ZXW");
  }

  // Passages then articles given, finished on the query's handle, checked.
  static void run(const Xapian::Database& db, TermlistPrefetch& f, const std::vector<Xapian::docid>& passages,
                  const std::vector<Xapian::docid>& articles) {
    f.add_passages(passages, "Z");
    f.add_articles(articles, "ZXW");
    f.finish(db);
    expect_same(db, f, passages, articles);
  }

  static std::vector<std::pair<std::string, Xapian::termcount>> terms_of(const DocTerms& d) {
    std::vector<std::pair<std::string, Xapian::termcount>> out;
    d.for_each([&](std::string_view t, Xapian::termcount wdf) { out.emplace_back(std::string(t), wdf); });
    return out;
  }

  TempDir dir_{"prefetch"};
  std::string path_ = dir_ / "db";
};

TEST_F(TermlistPrefetchTest, DocTermsKeepOnePrefixsBodyStemsInTermlistOrderAndTheWholeLength) {
  Xapian::Database db(path_);
  using Terms = std::vector<std::pair<std::string, Xapian::termcount>>;
  const DocTerms passage = read_doc_terms(db, 3, "Z");
  EXPECT_EQ(passage.length, 4 + 1 + 2 + 4 + 3);  // every wdf, boolean terms' 0 included
  EXPECT_EQ(terms_of(passage), (Terms{{"Zcommon", 1}, {"Zword3", 4}}));
  EXPECT_EQ(terms_of(read_doc_terms(db, 3, "ZXW")), (Terms{{"ZXWword3", 4}}));
  EXPECT_FALSE(TermScorer(db, {{"plain3", 1}}).covered_by("Z"));
  EXPECT_FALSE(TermScorer(db, {{"ZXWword3", 1}}).covered_by("Z"));  // an article stem is not a passage's
}

TEST(DocTerms, ATermLongerThanAnyDatabaseHoldsIsRefusedNotMispacked) {
  DocTerms d;
  d.add("Zshort", 2);
  EXPECT_THROW(d.add("Z" + std::string(300, 'x'), 1), std::length_error);
}

TEST_F(TermlistPrefetchTest, HelperAndQueryThreadTogetherReadEveryDocument) {
  Xapian::Database db(path_);
  for (int round = 0; round < 20; ++round) {
    TermlistPrefetch f(opener(), db.get_revision());
    const auto passages = every(3, 1 + round % 3), articles = every(7, 2);
    run(db, f, passages, articles);
  }
}

TEST_F(TermlistPrefetchTest, AHandleAtAnotherRevisionReadsNothingAndTheQueryThreadReadsAll) {
  Xapian::Database db(path_);
  {
    Xapian::WritableDatabase w(path_, Xapian::DB_OPEN);
    Xapian::Document d;
    d.add_term("Zcommon", 50);
    w.replace_document(5, d);  // the newer revision's document 5 differs
    w.commit();
  }
  TermlistPrefetch f(opener(), db.get_revision());
  const std::vector<Xapian::docid> passages{1, 5, 9}, articles{5, 400};
  run(db, f, passages, articles);
  EXPECT_EQ(f.passage(1).length, read_doc_terms(db, 5, "Z").length);
}

TEST_F(TermlistPrefetchTest, AFailedOpenLeavesTheWorkToTheQueryThread) {
  Xapian::Database db(path_);
  TermlistPrefetch f([]() -> Xapian::Database { throw Xapian::DatabaseOpeningError("no such database"); },
                     db.get_revision());
  const auto passages = every(2, 1), articles = every(50, 10);
  run(db, f, passages, articles);
}

TEST_F(TermlistPrefetchTest, FinishingBeforeTheArticlesAreKnownOrAbandoningDoesNotWait) {
  Xapian::Database db(path_);
  {
    TermlistPrefetch f(opener(), db.get_revision());
    const auto passages = every(5, 1);
    f.add_passages(passages, "Z");
    f.finish(db);  // no articles: the helper must not wait for them
    expect_same(db, f, passages, {});
  }
  {
    TermlistPrefetch f(opener(), db.get_revision());
    f.add_passages(every(1, 1), "Z");
  }  // abandoned (an exception in the query's thread): the destructor stops and joins
  TermlistPrefetch never_used(opener(), db.get_revision());
}

}  // namespace
}  // namespace newsindex
