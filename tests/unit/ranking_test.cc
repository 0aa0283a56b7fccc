// The ranking math worked out by hand: BM25 parts, score fusion, term proximity, the RM3
// relevance model, the query stoplist, and the Xapian weighting scheme agreeing with the plain functions.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <map>
#include <memory>

#include "query/ranking/article_shape.h"
#include "query/ranking/bm25.h"
#include "query/ranking/docid_set.h"
#include "query/ranking/feedback.h"
#include "query/ranking/fusion.h"
#include "query/ranking/proximity.h"
#include "query/ranking/stopwords.h"
#include "query/ranking/term_scores.h"
#include "temp_dir.h"

namespace newsindex {
namespace {

// A document of the given terms and wdfs, no positions.
Xapian::docid add_terms(Xapian::WritableDatabase& db, std::initializer_list<std::pair<const char*, unsigned>> terms) {
  Xapian::Document d;
  for (auto [t, wdf] : terms) d.add_term(t, wdf);
  return db.add_document(d);
}

TEST(Bm25, IdfIsPositiveAndFallsWithDocumentFrequency) {
  EXPECT_NEAR(bm25_idf(1000, 10), std::log(1 + 990.5 / 10.5), 1e-12);
  EXPECT_GT(bm25_idf(1000, 1), bm25_idf(1000, 100));
  // A term in every document still weighs a little, never below zero.
  EXPECT_GT(bm25_idf(1000, 1000), 0);
  EXPECT_LT(bm25_idf(1000, 1000), 0.001);
  // Statistics of two revisions (more documents with the term than the count read earlier):
  // the same small positive weight, not a negative one that makes the matcher drop everything.
  EXPECT_EQ(bm25_idf(1000, 1500), bm25_idf(1000, 1000));
  EXPECT_EQ(bm25_idf(1000, 5000), bm25_idf(1000, 1000));
}

TEST(Bm25, TfSaturatesAndNormalizesLength) {
  const Bm25Params p{1.2, 0.75};
  EXPECT_EQ(bm25_tf(0, 100, 100, p), 0);
  // At average length: wdf (k1 + 1) / (wdf + k1).
  EXPECT_NEAR(bm25_tf(1, 100, 100, p), 2.2 / 2.2, 1e-12);
  EXPECT_NEAR(bm25_tf(3, 100, 100, p), 3 * 2.2 / 4.2, 1e-12);
  EXPECT_LT(bm25_tf(1000, 100, 100, p), p.k1 + 1);
  // Twice the average length: K = k1 (0.25 + 0.75 * 2) = 2.1.
  EXPECT_NEAR(bm25_tf(1, 200, 100, p), 2.2 / 3.1, 1e-12);
  // b = 0: length does not matter.
  EXPECT_NEAR(bm25_tf(2, 500, 100, {1.2, 0}), bm25_tf(2, 50, 100, {1.2, 0}), 1e-12);
  EXPECT_NEAR(bm25_part(0.5, 2.0, 1, 100, 100, p), 0.5 * 2.0 * 1.0, 1e-12);
}

TEST(Fusion, MaxNormalizesEachListThenMixes) {
  EXPECT_EQ(max_normalized(5, 10), 0.5);
  EXPECT_EQ(max_normalized(5, 0), 0);
  // Articles: a 10, b 5, c 0 (not retrieved). Best passages: a 2, b 4, c 3.
  std::vector<FusionInput> in{{"a", 10, 2}, {"b", 5, 4}, {"c", 0, 3}};
  auto out = fuse_scores(in, 0.5);
  ASSERT_EQ(out.size(), 3u);
  // a: .5*1 + .5*.5 = .75; b: .5*.5 + .5*1 = .75 (tie: higher article score first); c: .375.
  EXPECT_EQ(out[0].key, "a");
  EXPECT_EQ(out[1].key, "b");
  EXPECT_EQ(out[2].key, "c");
  EXPECT_NEAR(out[0].score, 0.75, 1e-12);
  EXPECT_NEAR(out[1].score, 0.75, 1e-12);
  EXPECT_NEAR(out[2].score, 0.375, 1e-12);
  EXPECT_NEAR(out[2].passage_norm, 0.75, 1e-12);
  // λ = 1 is the article ranking alone, λ = 0 the passage ranking alone; out of range is clamped.
  EXPECT_EQ(fuse_scores(in, 1)[0].key, "a");
  EXPECT_EQ(fuse_scores(in, 0)[0].key, "b");
  EXPECT_EQ(fuse_scores(in, 7)[0].key, "a");
  EXPECT_TRUE(fuse_scores({}, 0.5).empty());
}

TEST(Fusion, LongArticlesLeanOnTheirBestPassage) {
  struct Case {
    double lambda, power, articles, passages, share;  // the index's article and passage counts
  };
  const Case cases[] = {
      {0.8, 0.7, 100, 100, 0.8},                      // one passage each: the article is its passage
      {0.8, 0.7, 100, 200, 0.8},                      // up to two: unchanged
      {0.8, 0.7, 100, 400, 0.8 / std::pow(2, 0.7)},   // four passages each
      {0.8, 0.7, 10, 190, 0.8 / std::pow(9.5, 0.7)},  // news: 19 paragraphs an article
      {0.8, 0, 10, 190, 0.8},                         // power 0: the fixed share
      {1, 0.7, 10, 190, 1},                           // the article alone stays alone
      {0.8, 0.7, 0, 0, 0.8},                          // an empty index
      {1.5, 0.7, 100, 100, 1},                        // clamped like fuse_scores
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << c.lambda << " " << c.power << " " << c.articles << " " << c.passages);
    EXPECT_NEAR(article_share(c.lambda, c.power, passages_per_article(c.articles, c.passages)), c.share, 1e-12);
  }
}

TEST(Feedback, LongArticlesTakeTheLongArticlesPivot) {
  struct Case {
    double pivot, long_pivot, passages_per_article, expected;
  };
  const Case cases[] = {
      {0, 12, 1.1, 0},    // abstracts: the fixed share
      {0, 12, 2, 0},      // two passages an article is not long
      {0, 12, 19, 12},    // news
      {8, 12, 19, 8},     // the smaller pivot wins
      {16, 12, 19, 12},
      {16, 12, 1.1, 16},  // --feedback-pivot applies on any index
      {0, 0, 19, 0},      // the rule turned off
  };
  for (const Case& c : cases) {
    FeedbackOptions o;
    o.length_pivot = c.pivot;
    o.long_articles_pivot = c.long_pivot;
    SCOPED_TRACE(testing::Message() << c.pivot << " " << c.long_pivot << " " << c.passages_per_article);
    EXPECT_EQ(for_article_shape(o, c.passages_per_article).length_pivot, c.expected);
  }
}

TEST(Feedback, LongArticlesLendTheirBestPassages) {
  struct Case {
    FeedbackFrom from;
    double passages_per_article;
    FeedbackFrom expected;
  };
  const Case cases[] = {
      {FeedbackFrom::Auto, 1.1, FeedbackFrom::Articles},  // abstracts: an article is its passage
      {FeedbackFrom::Auto, 2, FeedbackFrom::Articles},
      {FeedbackFrom::Auto, 19, FeedbackFrom::Passages},   // news
      {FeedbackFrom::Articles, 19, FeedbackFrom::Articles},  // as asked
      {FeedbackFrom::Passages, 1.1, FeedbackFrom::Passages},
  };
  for (const Case& c : cases) {
    FeedbackOptions o;
    o.from = c.from;
    SCOPED_TRACE(testing::Message() << static_cast<int>(c.from) << " " << c.passages_per_article);
    EXPECT_EQ(for_article_shape(o, c.passages_per_article).from, c.expected);
  }
}

TEST(Feedback, PassagesLendTheirWordsAsArticleTerms) {
  // A passage's body stems come back named as the article records name them, so the expansion
  // scores articles and passages alike; its other fields' terms and stopwords stay out.
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document d;
  d.add_term("Zglacier", 3);
  d.add_term("Zice", 1);
  d.add_term("Zthe", 2);
  d.add_term("ZSheadline", 1);
  d.add_term("XWice", 1);
  const Xapian::docid doc = db.add_document(d);
  FeedbackOptions o;
  o.short_weight = 0;
  const Xapian::Stem stem("english");
  std::map<std::string, double> got;
  for (const auto& t : feedback_terms(db, std::vector<ScoredDoc>{{doc, 2.0}}, 1, o, stem, {}, schema::BodyForm::Passage))
    got[t.term] = t.weight;
  const std::string article = schema::stem_prefix(schema::body_field(schema::BodyForm::Article));
  ASSERT_EQ(got.size(), 2u);
  EXPECT_GT(got.at(article + "glacier"), got.at(article + "ice"));
}

TEST(Feedback, RelevanceModelWeighsDocumentsByScore) {
  // Two documents; the second scores 1 less, so it counts exp(-1) as much.
  std::vector<FeedbackDoc> docs{{5.0, 4, {{"x", 2}, {"y", 2}}}, {4.0, 2, {{"y", 1}, {"z", 1}}}};
  auto m = relevance_model(docs, 10);
  const double e = std::exp(-1.0);
  const double px = 0.5, py = 0.5 + e * 0.5, pz = e * 0.5, total = px + py + pz;
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].term, "y");
  EXPECT_NEAR(m[0].weight, py / total, 1e-12);
  EXPECT_EQ(m[1].term, "x");
  EXPECT_NEAR(m[1].weight, px / total, 1e-12);
  EXPECT_NEAR(m[2].weight, pz / total, 1e-12);
  // Cut to the most likely terms, renormalized.
  auto top = relevance_model(docs, 1);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].term, "y");
  EXPECT_NEAR(top[0].weight, 1.0, 1e-12);
  EXPECT_TRUE(relevance_model({}, 10).empty());
}

TEST(Feedback, ExpansionKeepsTheOriginalQueryScale) {
  std::vector<WeightedTerm> model{{"a", 0.75}, {"b", 0.25}};
  // RM3 with α = 0.6 over a 4-word query: original words 0.6/4 each, model 0.4·P(t); scaled so
  // an original word weighs 1: model terms weigh 0.4/0.6·4·P(t).
  auto w = expansion_weights(model, 0.4, 4);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_NEAR(w[0].weight, 0.4 / 0.6 * 4 * 0.75, 1e-12);
  EXPECT_NEAR(w[1].weight, 0.4 / 0.6 * 4 * 0.25, 1e-12);
  EXPECT_TRUE(expansion_weights(model, 0, 4).empty());
  EXPECT_NEAR(expansion_weights(model, 3, 1)[0].weight, 0.95 / 0.05 * 0.75, 1e-9);  // clamped
}

TEST(Stopwords, FunctionWordsOnly) {
  for (const char* w : {"the", "what", "of", "are", "which", "between"}) EXPECT_TRUE(is_query_stopword(w)) << w;
  for (const char* w : {"trade", "new", "problems", "us", "who's", ""}) EXPECT_FALSE(is_query_stopword(w)) << w;
  auto all = query_stopwords();
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end()));
  EXPECT_TRUE(stoplist_applies("english"));
  EXPECT_TRUE(stoplist_applies("en-GB"));
  EXPECT_TRUE(stoplist_applies(""));
  EXPECT_FALSE(stoplist_applies("french"));
  EXPECT_FALSE(stoplist_applies("de"));
}

// The Xapian weighting scheme scores a document as the plain functions say.
TEST(KindBm25Weight, MatcherAgreesWithTheFormula) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](std::initializer_list<std::pair<const char*, unsigned>> terms) { return add_terms(db, terms); };
  Xapian::docid a = add({{"cat", 3}, {"dog", 1}});
  add({{"dog", 2}, {"fish", 6}});
  add({{"bird", 4}});
  const Bm25Params p{1.5, 0.6};
  const double avg = 7.0;  // as if the kind's average length were 7, not the database's 6
  Xapian::Enquire enq(db);
  enq.set_query(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("cat"),
                              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query("dog"), 0.5)));
  enq.set_weighting_scheme(KindBm25Weight(p, avg));
  Xapian::MSet m = enq.get_mset(0, 10);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(*m.begin(), a);
  const double want = bm25_part(1, bm25_idf(3, 1), 3, 4, avg, p) + bm25_part(0.5, bm25_idf(3, 2), 1, 4, avg, p);
  EXPECT_NEAR(m.begin().get_weight(), want, 1e-9);
  // idf over the documents of the kind ranked (here as if there were 10 of it), not the database's.
  enq.set_weighting_scheme(KindBm25Weight(p, avg, 10));
  m = enq.get_mset(0, 10);
  ASSERT_EQ(m.size(), 2u);
  const double kind_want = bm25_part(1, bm25_idf(10, 1), 3, 4, avg, p) + bm25_part(0.5, bm25_idf(10, 2), 1, 4, avg, p);
  EXPECT_NEAR(m.begin().get_weight(), kind_want, 1e-9);
  // Round trip through the remote backend's serialisation.
  KindBm25Weight w(p, avg, 10);
  std::unique_ptr<KindBm25Weight> back(w.unserialise(w.serialise()));
  EXPECT_EQ(back->serialise(), w.serialise());
  EXPECT_THROW(std::unique_ptr<KindBm25Weight>(w.unserialise("\x09")), Xapian::SerialisationError);
}

// Re-ranking filters a query down to given candidates: exactly those that match, none else,
// whatever order the ids come in and however the matcher skips; over shards too, whose matchers
// see shard-local ids, and after a trip through serialisation (Xapian's remote backend).
void expect_docid_filtering(const Xapian::Database& db, bool serialised) {
  auto filter = [&](std::vector<Xapian::docid> ids) {
    Xapian::Query q = docid_filter(db, ids);
    if (!serialised) return q;
    Xapian::Registry registry;
    registry.register_posting_source(DocidSetSource({}, {}));
    return Xapian::Query::unserialise(q.serialise(), registry);
  };
  auto matches = [&](const Xapian::Query& q) {
    Xapian::Enquire enq(db);
    enq.set_query(q);
    enq.set_docid_order(Xapian::Enquire::ASCENDING);
    enq.set_weighting_scheme(Xapian::BoolWeight());
    std::vector<Xapian::docid> out;
    Xapian::MSet m = enq.get_mset(0, 100);
    for (auto it = m.begin(); it != m.end(); ++it) out.push_back(*it);
    return out;
  };
  using V = std::vector<Xapian::docid>;
  EXPECT_EQ(matches(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("odd"), filter({40, 7, 3, 7, 8, 49}))),
            (V{3, 7, 49}));
  EXPECT_EQ(matches(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("all"), filter({50, 1, 99}))), (V{1, 50}));
  EXPECT_EQ(matches(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("even"), filter({}))), V{});
  // As the sparse side of an AND the source is skipped into; as the dense side it is walked.
  EXPECT_EQ(matches(Xapian::Query(Xapian::Query::OP_AND, filter({2, 4, 5, 6}), Xapian::Query("even"))), (V{2, 4, 6}));
}

void add_numbered(Xapian::WritableDatabase& db) {
  for (int i = 1; i <= 50; ++i) {
    Xapian::Document d;
    d.add_term(i % 2 ? "odd" : "even");
    d.add_term("all");
    db.add_document(d);
  }
}

TEST(DocidSet, FiltersAQueryToTheGivenDocuments) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  add_numbered(db);
  expect_docid_filtering(db, false);
  expect_docid_filtering(db, true);
}

TEST(DocidSet, FiltersOverShards) {
  TempDir dir("docid-shards");
  {
    std::ofstream stub(dir / "shards");
    for (int s = 0; s < 3; ++s) {
      Xapian::WritableDatabase(dir / ("shard-0" + std::to_string(s)), Xapian::DB_CREATE).commit();
      stub << "glass shard-0" << s << '\n';
    }
  }
  {
    Xapian::WritableDatabase writer(dir / "shards", Xapian::DB_OPEN);
    add_numbered(writer);
    writer.commit();
  }
  Xapian::Database db(dir / "shards");
  expect_docid_filtering(db, false);
  expect_docid_filtering(db, true);
}

// Re-scoring candidates from their termlists gives what the matcher gives the same query
// expanded with AND_MAYBE: the expansion part of the score, term for term.
TEST(TermScorer, AgreesWithTheMatchersExpansionPart) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](std::initializer_list<std::pair<const char*, unsigned>> terms) { return add_terms(db, terms); };
  add({{"cat", 3}, {"dog", 1}, {"eel", 2}});
  add({{"cat", 1}, {"fish", 6}});
  add({{"cat", 2}, {"dog", 4}, {"fish", 1}, {"gnu", 1}});
  add({{"bird", 4}});
  const Bm25Params p{1.2, 0.75};
  const double avg = 6.5;
  const std::vector<WeightedTerm> expansion{{"fish", 0.4}, {"dog", 0.25}, {"zebra", 1}, {"eel", 0.1}};
  for (double kind_docs : {0.0, 25.0}) {  // 0: idf over the database's documents
    Xapian::Enquire base(db), expanded(db);
    base.set_weighting_scheme(KindBm25Weight(p, avg, kind_docs));
    expanded.set_weighting_scheme(KindBm25Weight(p, avg, kind_docs));
    base.set_query(Xapian::Query("cat"));
    expanded.set_query(with_expansion(Xapian::Query("cat"), expansion));
    Xapian::MSet b = base.get_mset(0, 10), e = expanded.get_mset(0, 10);
    ASSERT_EQ(e.size(), 3u);
    std::map<Xapian::docid, double> base_score;
    for (auto it = b.begin(); it != b.end(); ++it) base_score[*it] = it.get_weight();
    const TermScorer scorer(db, expansion, kind_docs);
    for (auto it = e.begin(); it != e.end(); ++it) {
      ASSERT_TRUE(base_score.count(*it));
      EXPECT_NEAR(base_score[*it] + scorer.score(*it, p, avg), it.get_weight(), 1e-9)
          << "document " << *it << ", kind size " << kind_docs;
    }
    EXPECT_EQ(scorer.score(4, p, avg), 0);  // holds none of the terms
  }
  EXPECT_EQ(TermScorer(db, {}).score(1, p, avg), 0);
  // The idfs from a session's remembered frequencies: the same scores.
  TermFreqs freqs(db);
  const TermScorer direct(db, expansion, 0), remembered(db, expansion, 0, &freqs);
  for (Xapian::docid d = 1; d <= 4; ++d) EXPECT_EQ(direct.score(d, p, avg), remembered.score(d, p, avg)) << d;
  const TermScorer again(db, expansion, 0, &freqs);  // now every frequency comes from memory
  for (Xapian::docid d = 1; d <= 4; ++d) EXPECT_EQ(direct.score(d, p, avg), again.score(d, p, avg)) << d;
}

// Remembered frequencies are those of the handle's revision until forget() (after a reopen).
TEST(TermFreqs, RememberUntilForgotten) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  add_terms(db, {{"cat", 1}});
  TermFreqs freqs(db);
  EXPECT_EQ(freqs.get("cat"), 1u);
  EXPECT_EQ(freqs.get("dog"), 0u);
  add_terms(db, {{"cat", 2}, {"dog", 1}});
  EXPECT_EQ(freqs.get("cat"), 1u);  // as first read
  freqs.forget();
  EXPECT_EQ(freqs.get("cat"), 2u);
  EXPECT_EQ(freqs.get("dog"), 1u);
}

TEST(Fusion, ProximityIsAThirdNormalizedList) {
  std::vector<FusionInput> in{{"a", 10, 5, 0}, {"b", 10, 5, 2}};
  auto out = fuse_scores(in, 0.5, 0.25);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].key, "b");
  EXPECT_DOUBLE_EQ(out[0].proximity_norm, 1.0);
  EXPECT_DOUBLE_EQ(out[0].score, 1.25);
  EXPECT_DOUBLE_EQ(out[1].score, 1.0);
  // gamma 0 (the default) ignores proximity: the tie falls back to the key.
  EXPECT_EQ(fuse_scores(in, 0.5)[0].key, "a");
}

TEST(Proximity, NeighboursOfDifferentTermsScoreByInverseSquareDistance) {
  const Bm25Params p{1.2, 0.0};  // b 0: K = k1 whatever the length
  const std::vector<double> w{2.0, 0.5};
  // Term 0 at 1, term 1 at 3: acc0 = 0.5 / 4, acc1 = 2 / 4; min(1, w) caps term 0's weight.
  const double acc0 = 0.5 / 4, acc1 = 2.0 / 4;
  const double want = 1.0 * acc0 * 2.2 / (acc0 + 1.2) + 0.5 * acc1 * 2.2 / (acc1 + 1.2);
  EXPECT_NEAR(proximity_score({{3, 1}, {1, 0}}, w, 10, 10, p), want, 1e-12);
}

TEST(Proximity, CloserIsBetterAndRepeatsOfOneTermCountNothing) {
  const Bm25Params p{1.2, 0.75};
  const std::vector<double> w{1.0, 1.0};
  EXPECT_GT(proximity_score({{1, 0}, {2, 1}}, w, 10, 10, p), proximity_score({{1, 0}, {5, 1}}, w, 10, 10, p));
  EXPECT_EQ(proximity_score({{1, 0}, {2, 0}, {3, 0}}, w, 10, 10, p), 0);
  EXPECT_EQ(proximity_score({{1, 0}}, w, 10, 10, p), 0);
}

TEST(Proximity, ReadsPositionsOfTheWordsBehindStemmedQueryTerms) {
  // Stemmed terms carry no positions: the positioned words are stemmed to meet the query.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document near, far;
  near.add_posting("heating", 1);
  near.add_posting("transfer", 2);
  far.add_posting("heating", 1);
  far.add_posting("transfer", 9);
  for (auto* d : {&near, &far}) {
    d->add_term("Zheat");
    d->add_term("Ztransfer");
  }
  const Xapian::docid a = db.add_document(near), b = db.add_document(far);
  const Xapian::Query q(Xapian::Query::OP_OR, Xapian::Query("Zheat"), Xapian::Query("Ztransfer"));
  const ProximityTerms terms = proximity_terms(db, q, Xapian::Stem("english"));
  const Bm25Params p{1.2, 0.75};
  EXPECT_GT(document_proximity(db, a, terms, 2, p), document_proximity(db, b, terms, 2, p));
  EXPECT_GT(document_proximity(db, b, terms, 2, p), 0);
}

}  // namespace
}  // namespace newsindex
