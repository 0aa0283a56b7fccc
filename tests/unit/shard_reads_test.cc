// Re-ranking reads done on the shards (ranking/rerank_spy.h, key_set_source.h,
// term_score_source.h, proximity_source.h) give what reading each document directly gives: the same terms, the same
// scores to the bit, the same passage and article rankings; and each class survives its trip through
// serialise/unserialise as a remote shard's server makes it.
#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/schema.h"
#include "common/terms.h"
#include "indexer/doc_builder.h"
#include "query/query_parser.h"
#include "query/ranking/docid_set.h"
#include "query/ranking/key_set_source.h"
#include "query/ranking/proximity.h"
#include "query/ranking/proximity_source.h"
#include "query/ranking/registry.h"
#include "query/ranking/rerank_spy.h"
#include "query/ranking/term_freqs.h"
#include "query/ranking/term_score_source.h"
#include "query/ranking/term_scores.h"
#include "query/search.h"
#include "temp_dir.h"

namespace newsindex {
namespace {

std::vector<std::pair<std::string, Xapian::termcount>> terms_of(const DocTerms& d) {
  std::vector<std::pair<std::string, Xapian::termcount>> out;
  d.for_each([&](std::string_view t, Xapian::termcount wdf) { out.emplace_back(std::string(t), wdf); });
  return out;
}

// Documents keyed by kSlotArticle ("a1", "a2", ...), with stems and other terms.
void add_keyed(Xapian::WritableDatabase& w, unsigned n) {
  for (unsigned i = 1; i <= n; ++i) {
    Xapian::Document d;
    d.add_value(schema::kSlotArticle, "a" + std::to_string(i));
    d.add_term("ZXWword" + std::to_string(i % 7), 1 + i % 4);
    d.add_term("ZXWcommon", 1 + i % 3);
    d.add_term("XWword" + std::to_string(i % 5), 2);
    d.add_term("Zpassage" + std::to_string(i % 3), 1 + i % 2);
    d.add_boolean_term("Qa" + std::to_string(i));
    w.add_document(d);
  }
}

// A stub of three glass shards in `dir`, written by one writer as newsindex --shards 3 does.
std::string three_shards(const TempDir& dir) {
  std::ofstream stub(dir / "shards");
  for (int s = 0; s < 3; ++s) {
    Xapian::WritableDatabase(dir / ("shard-0" + std::to_string(s)), Xapian::DB_CREATE).commit();
    stub << "glass shard-0" << s << '\n';
  }
  return dir / "shards";
}

Xapian::Query all_docs() { return Xapian::Query(std::string()); }

TEST(RerankSpy, KeysTermsByValueAndSurvivesSerialising) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  add_keyed(db, 20);
  RerankSpy spy(schema::kSlotArticle, "ZXW");
  Xapian::Enquire enq(db);
  enq.set_query(all_docs());
  enq.add_matchspy(&spy);
  enq.get_mset(0, 20, 20);
  ASSERT_EQ(spy.size(), 20u);
  for (Xapian::docid d = 1; d <= 20; ++d) {
    const DocTerms* got = spy.find("a" + std::to_string(d));
    ASSERT_NE(got, nullptr) << d;
    const DocTerms direct = read_doc_terms(db, d, "ZXW");
    EXPECT_EQ(got->length, direct.length) << d;
    EXPECT_EQ(terms_of(*got), terms_of(direct)) << d;
  }
  // A server unserialises the spy by its registered name, runs it and sends its results back.
  const Xapian::Registry registry = ranking_registry();
  const Xapian::MatchSpy* kind = registry.get_match_spy(spy.name());
  ASSERT_NE(kind, nullptr);
  std::unique_ptr<Xapian::MatchSpy> copy(kind->unserialise(spy.serialise(), registry));
  EXPECT_EQ(copy->serialise(), spy.serialise());
  RerankSpy merged(schema::kSlotArticle, "ZXW");
  merged.merge_results(spy.serialise_results());
  ASSERT_EQ(merged.size(), spy.size());
  for (Xapian::docid d = 1; d <= 20; ++d) {
    const std::string key = "a" + std::to_string(d);
    EXPECT_EQ(merged.find(key)->length, spy.find(key)->length);
    EXPECT_EQ(terms_of(*merged.find(key)), terms_of(*spy.find(key)));
  }
  EXPECT_THROW(merged.merge_results("not cbor"), Xapian::SerialisationError);
}

TEST(RerankSpy, AKeyOnTwoDocumentsIsLeftToDirectReads) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  add_keyed(db, 3);
  Xapian::Document twin;
  twin.add_value(schema::kSlotArticle, "a2");
  twin.add_term("ZXWother");
  db.add_document(twin);
  RerankSpy spy(schema::kSlotArticle, "ZXW");
  Xapian::Enquire enq(db);
  enq.set_query(all_docs());
  enq.add_matchspy(&spy);
  enq.get_mset(0, 10, 10);
  EXPECT_EQ(spy.find("a2"), nullptr);
  EXPECT_NE(spy.find("a1"), nullptr);
  // Two shards that each saw one "a1": ambiguous once merged, whichever comes first.
  RerankSpy one(schema::kSlotArticle, "ZXW"), merged(schema::kSlotArticle, "ZXW");
  Xapian::Enquire single(db);
  single.set_query(Xapian::Query("Qa1"));
  single.add_matchspy(&one);
  single.get_mset(0, 10, 10);
  merged.merge_results(one.serialise_results());
  ASSERT_NE(merged.find("a1"), nullptr);
  merged.merge_results(one.serialise_results());
  EXPECT_EQ(merged.find("a1"), nullptr);
  merged.merge_results(spy.serialise_results());  // "a2" stays ambiguous
  EXPECT_EQ(merged.find("a2"), nullptr);
}

// With `best`, the spy keeps the terms of the best documents by weight, as the MSet ranks them
// (ties by docid), read while the match runs: the matcher's document is only a view of its
// current position.
void expect_best_kept(const Xapian::Database& db) {
  RerankSpy spy(schema::kSlotArticle, "ZXW", 4);
  Xapian::Enquire enq(db);
  // Weights vary with wdf and repeat, so the cut falls among ties.
  enq.set_query(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("ZXWword3"), Xapian::Query("ZXWcommon")));
  enq.add_matchspy(&spy);
  const Xapian::MSet m = enq.get_mset(0, 4);
  ASSERT_EQ(m.size(), 4u);
  for (auto it = m.begin(); it != m.end(); ++it) {
    const std::string key = it.get_document().get_value(schema::kSlotArticle);
    const DocTerms* got = spy.find(key);
    ASSERT_NE(got, nullptr) << key;
    const DocTerms direct = read_doc_terms(db, *it, "ZXW");
    EXPECT_EQ(got->length, direct.length) << key;
    EXPECT_EQ(terms_of(*got), terms_of(direct)) << key;
  }
  EXPECT_EQ(spy.size(), 4u);
}

// Passages: several documents share a key (their article); the spy keeps the best of each of the
// best keys, the document a collapse on the key keeps.
void expect_best_per_key(const Xapian::Database& db) {
  RerankSpy spy(schema::kSlotArticle, "Z", 3);
  Xapian::Enquire enq(db);
  enq.set_query(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query("Zpassage1"), Xapian::Query("Zpassage2")));
  enq.set_collapse_key(schema::kSlotArticle, 1);
  enq.add_matchspy(&spy);
  const Xapian::MSet m = enq.get_mset(0, 3);
  ASSERT_EQ(m.size(), 3u);
  for (auto it = m.begin(); it != m.end(); ++it) {
    const DocTerms* got = spy.find(it.get_collapse_key());
    ASSERT_NE(got, nullptr) << it.get_collapse_key();
    EXPECT_EQ(terms_of(*got), terms_of(read_doc_terms(db, *it, "Z"))) << it.get_collapse_key();
  }
  EXPECT_EQ(spy.size(), 3u);
}

// Five passages an article, each weighted differently for the query.
void add_passages(Xapian::WritableDatabase& w, unsigned articles) {
  for (unsigned a = 1; a <= articles; ++a)
    for (unsigned p = 1; p <= 5; ++p) {
      Xapian::Document d;
      d.add_value(schema::kSlotArticle, "a" + std::to_string(a));
      d.add_term("Zpassage" + std::to_string(p % 3), 1 + (a * p) % 4);
      d.add_term("Zonly" + std::to_string(a) + "x" + std::to_string(p), 1);
      w.add_document(d);
    }
}

TEST(RerankSpy, KeepsTheBestDocumentOfEachBestKey) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  add_passages(db, 8);
  expect_best_per_key(db);
  TempDir dir("best-key-spy-shards");
  {
    // An article's passages on one shard, as both writers place them.
    const std::string stub = three_shards(dir);
    for (int s = 0; s < 3; ++s) {
      Xapian::WritableDatabase shard(dir / ("shard-0" + std::to_string(s)), Xapian::DB_OPEN);
      Xapian::WritableDatabase one("", Xapian::DB_BACKEND_INMEMORY);
      add_passages(one, 8);
      for (Xapian::docid id = 1; id <= one.get_doccount(); ++id)
        if ((id - 1) / 5 % 3 == static_cast<unsigned>(s)) shard.add_document(one.get_document(id));
      shard.commit();
    }
  }
  expect_best_per_key(Xapian::Database(dir / "shards"));
}

TEST(RerankSpy, KeepsTheBestDocumentsOfAWholeMatch) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  add_keyed(db, 40);
  expect_best_kept(db);
  TempDir dir("best-spy-shards");
  {
    Xapian::WritableDatabase writer(three_shards(dir), Xapian::DB_OPEN);
    add_keyed(writer, 40);
    writer.commit();
  }
  expect_best_kept(Xapian::Database(dir / "shards"));
  // The limit crosses to the server; each shard's best come back and merge.
  const RerankSpy spy(schema::kSlotArticle, "ZXW", 4);
  const Xapian::Registry registry = ranking_registry();
  std::unique_ptr<Xapian::MatchSpy> copy(registry.get_match_spy(spy.name())->unserialise(spy.serialise(), registry));
  EXPECT_EQ(copy->serialise(), spy.serialise());
  EXPECT_NE(spy.serialise(), RerankSpy(schema::kSlotArticle, "ZXW").serialise());
  Xapian::Enquire enq(db);
  enq.set_query(Xapian::Query("ZXWcommon"));
  enq.add_matchspy(copy.get());
  enq.get_mset(0, 4);
  RerankSpy merged(schema::kSlotArticle, "ZXW");
  merged.merge_results(copy->serialise_results());
  EXPECT_EQ(merged.size(), 4u);
}

// The MSet weights are TermScorer::score() to the bit, on one database and over shards, before
// and after the source's trip through serialise/unserialise.
void expect_shard_scores(const Xapian::Database& db, Xapian::doccount docs) {
  const std::vector<WeightedTerm> expansion{{"ZXWword3", 0.4}, {"ZXWcommon", 0.25}, {"ZXWnone", 1}, {"ZXWword5", 0.1}};
  const TermScorer scorer(db, expansion, 0);
  const Bm25Params p{1.2, 0.75};
  std::vector<Xapian::docid> ids;
  for (Xapian::docid d = 2; d <= docs; d += 3) ids.push_back(d);
  const auto scores = shard_term_scores(db, ids, scorer.weighted_terms(), p, 4.5);
  ASSERT_EQ(scores.size(), ids.size());
  for (Xapian::docid d : ids) EXPECT_EQ(scores.at(d), scorer.score(d, p, 4.5)) << d;

  const TermScoreSource source(ids, shard_uuids(db), scorer.weighted_terms(), p, 4.5);
  const Xapian::Registry registry = ranking_registry();
  const Xapian::PostingSource* kind = registry.get_posting_source(source.name());
  ASSERT_NE(kind, nullptr);
  Xapian::Enquire enq(db);
  enq.set_query(Xapian::Query(kind->unserialise(source.serialise())->release()));
  const Xapian::MSet m = enq.get_mset(0, docs, docs);
  ASSERT_EQ(m.size(), ids.size());
  for (auto it = m.begin(); it != m.end(); ++it) EXPECT_EQ(it.get_weight(), scorer.score(*it, p, 4.5)) << *it;
}

TEST(TermScoreSource, WeighsEachCandidateAsTheTermScorerDoes) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  add_keyed(db, 30);
  expect_shard_scores(db, 30);
  TempDir dir("term-score-shards");
  {
    Xapian::WritableDatabase writer(three_shards(dir), Xapian::DB_OPEN);
    add_keyed(writer, 30);
    writer.commit();
  }
  expect_shard_scores(Xapian::Database(dir / "shards"), 30);
}

// Documents whose positioned words ("heating", "heated", "transfer") lie nearer or farther apart.
void add_positioned(Xapian::WritableDatabase& w, unsigned n) {
  for (unsigned i = 1; i <= n; ++i) {
    Xapian::Document d;
    d.add_posting(i % 2 ? "heating" : "heated", 1);
    d.add_posting("transfer", 2 + i % 6);
    d.add_posting("heating", 9 + i % 4);
    d.add_posting("other", 3);
    d.add_term("Zheat");
    d.add_term("Ztransfer");
    w.add_document(d);
  }
}

// The MSet weights are document_proximity() to the bit, on one database and over shards, before
// and after the source's trip through serialise/unserialise (the shard stems as the query does).
void expect_shard_proximities(const Xapian::Database& db, Xapian::doccount docs) {
  const std::vector<Xapian::Query> words{Xapian::Query("Zheat"), Xapian::Query("Ztransfer"), Xapian::Query("other")};
  const Xapian::Query q(Xapian::Query::OP_OR, words.begin(), words.end());
  const ProximityTerms terms = proximity_terms(db, q, stemmer_for("en"));
  const Bm25Params p{1.2, 0.75};
  std::vector<Xapian::docid> ids;
  for (Xapian::docid d = 1; d <= docs; d += 2) ids.push_back(d);
  const auto got = shard_proximities(db, ids, terms, "en", p, 5);
  ASSERT_EQ(got.size(), ids.size());
  for (Xapian::docid d : ids) {
    EXPECT_GT(got.at(d), 0) << d;
    EXPECT_EQ(got.at(d), document_proximity(db, d, terms, 5, p)) << d;
  }
  const ProximitySource source(ids, shard_uuids(db), terms, "en", p, 5);
  const Xapian::Registry registry = ranking_registry();
  const Xapian::PostingSource* kind = registry.get_posting_source(source.name());
  ASSERT_NE(kind, nullptr);
  std::unique_ptr<Xapian::PostingSource> copy(kind->unserialise(source.serialise()));
  EXPECT_EQ(copy->serialise(), source.serialise());
  Xapian::Enquire enq(db);
  enq.set_query(Xapian::Query(copy.release()->release()));
  const Xapian::MSet m = enq.get_mset(0, docs, docs);
  ASSERT_EQ(m.size(), ids.size());
  for (auto it = m.begin(); it != m.end(); ++it) EXPECT_EQ(it.get_weight(), document_proximity(db, *it, terms, 5, p)) << *it;
  EXPECT_THROW(kind->unserialise("not cbor"), Xapian::SerialisationError);
}

TEST(ProximitySource, WeighsEachPassageAsDocumentProximityDoes) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  add_positioned(db, 12);
  expect_shard_proximities(db, 12);
  TempDir dir("proximity-shards");
  {
    Xapian::WritableDatabase writer(three_shards(dir), Xapian::DB_OPEN);
    add_positioned(writer, 12);
    writer.commit();
  }
  expect_shard_proximities(Xapian::Database(dir / "shards"), 12);
}

void expect_key_filtering(const Xapian::Database& db) {
  const std::vector<std::string> uids{"Qa4", "Qa17", "Qa9", "Qmissing", "Qa4"};
  const KeySetSource source(uids);
  const Xapian::Registry registry = ranking_registry();
  const Xapian::PostingSource* kind = registry.get_posting_source(source.name());
  ASSERT_NE(kind, nullptr);
  for (const Xapian::PostingSource* s : {static_cast<const Xapian::PostingSource*>(&source), kind}) {
    std::unique_ptr<Xapian::PostingSource> made(s == kind ? kind->unserialise(source.serialise()) : source.clone());
    Xapian::Enquire enq(db);
    enq.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("ZXWcommon"), Xapian::Query(made.release()->release())));
    const Xapian::MSet m = enq.get_mset(0, 10);
    std::vector<std::string> keys;
    for (auto it = m.begin(); it != m.end(); ++it) keys.push_back(it.get_document().get_value(schema::kSlotArticle));
    std::sort(keys.begin(), keys.end());
    EXPECT_EQ(keys, (std::vector<std::string>{"a17", "a4", "a9"}));
  }
}

TEST(KeySetSource, FiltersToTheDocumentsOfTheTerms) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  add_keyed(db, 20);
  expect_key_filtering(db);
  TempDir dir("key-set-shards");
  {
    Xapian::WritableDatabase writer(three_shards(dir), Xapian::DB_OPEN);
    add_keyed(writer, 20);
    writer.commit();
  }
  expect_key_filtering(Xapian::Database(dir / "shards"));
}

TEST(TermFreqs, PrefetchedFrequenciesAreTheDatabases) {
  TempDir dir("freq-shards");
  {
    Xapian::WritableDatabase writer(three_shards(dir), Xapian::DB_OPEN);
    add_keyed(writer, 20);
    writer.commit();
  }
  const Xapian::Database db(dir / "shards");
  TermFreqs freqs(db);
  const std::vector<std::string> terms{"ZXWcommon", "ZXWword3", "Zpassage1", "nothing", "Qa5"};
  freqs.prefetch(terms);
  for (const auto& t : terms) EXPECT_EQ(freqs.get(t), db.get_termfreq(t)) << t;
}

// Articles on one topic with varied vocabulary, so that feedback has terms to add; one of them a
// copy (a story value on its records).
void add_articles(Xapian::WritableDatabase& db, Analyzer& an) {
  const std::vector<std::string> words{"tariff", "trade", "steel", "export", "market", "port", "ship",
                                       "grain", "harvest", "summit", "minister", "bank", "currency"};
  for (unsigned i = 0; i < 40; ++i) {
    Article a;
    a.id = "art" + std::to_string(i);
    a.source = a.id;
    a.title = words[i % words.size()] + " news";
    for (unsigned b = 0; b < 3; ++b) {
      Block block;
      for (unsigned w = 0; w < 12 + (i + b) % 5; ++w) block.text += words[(i * 7 + b * 3 + w * (1 + i % 4)) % words.size()] + " ";
      block.text += ".";
      a.blocks.push_back(block);
    }
    BuiltArticle built = build_documents(a, an, BuildOptions{});
    if (i == 7) {
      built.article_doc.add_value(schema::kSlotStory, schema::article_key("art3"));
      for (auto& d : built.passage_docs) d.add_value(schema::kSlotStory, schema::article_key("art3"));
    }
    db.add_document(built.article_doc);
    for (auto& d : built.passage_docs) db.add_document(d);
  }
  db.commit();
}

struct Ranked {
  std::string article;
  std::optional<uint32_t> passage;
  double score;
  bool operator==(const Ranked&) const = default;
};

// The articles of add_articles written twice: into three glass shards and into one in-memory
// database. Reading on the shards (spies, posting sources) must rank as reading each document
// directly does, feedback drawn from whole articles or from their best passages.
class ShardSideReads : public testing::Test {
 protected:
  void SetUp() override {
    {
      Xapian::WritableDatabase writer(three_shards(dir_), Xapian::DB_OPEN);
      add_articles(writer, an_);
    }
    add_articles(one_, an_);
    shards_ = Xapian::Database(dir_ / "shards");
  }
  std::vector<Ranked> search(const Xapian::Database& db, const std::string& q, bool shard_side, SearchOptions so) {
    Searcher s(db, an_);
    s.set_shard_side_reads(shard_side);
    so.limit = 30;
    std::vector<Ranked> out;
    for (const Hit& h : s.search(parse_query(q, an_, QueryOptions{}), so).hits) out.push_back({h.article, h.passage, h.score});
    return out;
  }
  // The same ranking with and without shard-side reads, on the shards and on one database.
  void expect_same_rankings(const SearchOptions& so) {
    for (const std::string q : {"steel tariff", "grain harvest port", "currency"}) {
      for (FeedbackFrom from : {FeedbackFrom::Articles, FeedbackFrom::Passages}) {
        SearchOptions o = so;
        o.ranking.feedback.from = from;
        SCOPED_TRACE(testing::Message() << q << ", feedback from " << (from == FeedbackFrom::Articles ? "articles" : "passages"));
        const auto direct = search(shards_, q, false, o);
        ASSERT_FALSE(direct.empty());
        EXPECT_EQ(search(shards_, q, true, o), direct);
        EXPECT_EQ(search(one_, q, true, o), search(one_, q, false, o));
      }
    }
  }
  Analyzer an_;
  TempDir dir_{"side-reads"};
  Xapian::WritableDatabase one_{"", Xapian::DB_BACKEND_INMEMORY};
  Xapian::Database shards_;
};

TEST_F(ShardSideReads, RankArticlesAsDirectReadsDo) {
  for (double proximity : {0.0, 0.3}) {
    SearchOptions so;
    so.articles = true;
    so.ranking.proximity_weight = proximity;
    expect_same_rankings(so);
  }
}

TEST_F(ShardSideReads, RankPassagesAsDirectReadsDo) {
  for (size_t per_article : {0, 1}) {
    SearchOptions so;
    so.per_article = per_article;
    expect_same_rankings(so);
  }
}

}  // namespace
}  // namespace newsindex
