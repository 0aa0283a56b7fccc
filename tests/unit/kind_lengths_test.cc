// The per-kind average lengths (and counts) BM25 normalizes by: the same figures whether walked or read from
// the record the indexer stores, and a record of another state of the database is not used.
#include <gtest/gtest.h>

#include <string>

#include "common/kind_lengths.h"
#include "common/schema.h"

namespace newsindex {
namespace {

Xapian::Document doc_of(schema::Kind k, int words) {
  Xapian::Document d;
  d.add_boolean_term(schema::kind_term(k));
  for (int i = 0; i < words; ++i) d.add_term("w" + std::to_string(i % 7));
  return d;
}

TEST(KindLengths, RecordedFiguresEqualTheWalk) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  db.add_document(doc_of(schema::Kind::Article, 30));
  db.add_document(doc_of(schema::Kind::Passage, 10));
  db.add_document(doc_of(schema::Kind::Passage, 21));
  db.add_document(doc_of(schema::Kind::Article, 41));
  db.commit();
  const KindLengths walked = kind_lengths(db);
  EXPECT_DOUBLE_EQ(walked.article, 35.5);
  EXPECT_DOUBLE_EQ(walked.passage, 15.5);
  EXPECT_DOUBLE_EQ(walked.article_docs, 2);
  EXPECT_DOUBLE_EQ(walked.passage_docs, 2);
  store_kind_lengths(db);
  EXPECT_FALSE(db.get_metadata(schema::kKindLengthsKey).empty());
  const KindLengths recorded = kind_lengths(db);
  EXPECT_EQ(recorded.article, walked.article);
  EXPECT_EQ(recorded.passage, walked.passage);
  EXPECT_EQ(recorded.article_docs, walked.article_docs);
  EXPECT_EQ(recorded.passage_docs, walked.passage_docs);
}

TEST(KindLengths, ARecordOfAnotherStateIsIgnored) {
  Xapian::WritableDatabase db("", Xapian::DB_BACKEND_INMEMORY);
  db.add_document(doc_of(schema::Kind::Article, 30));
  db.add_document(doc_of(schema::Kind::Passage, 10));
  store_kind_lengths(db);
  db.add_document(doc_of(schema::Kind::Article, 50));  // the record now describes an older state
  db.commit();
  EXPECT_DOUBLE_EQ(kind_lengths(db).article, 40);
  // A record whose figures were tampered with but whose stamp matches is still sanity-checked.
  std::string v = db.get_metadata(schema::kKindLengthsKey);
  db.set_metadata(schema::kKindLengthsKey, "garbage");
  EXPECT_DOUBLE_EQ(kind_lengths(db).article, 40);
  store_kind_lengths(db);
  EXPECT_DOUBLE_EQ(kind_lengths(db).article, 40);
  EXPECT_NE(db.get_metadata(schema::kKindLengthsKey), v);
}

}  // namespace
}  // namespace newsindex
