#include "common/kind_lengths.h"

#include <cstdio>
#include <optional>
#include <string>

#include "common/schema.h"

namespace newsindex {

namespace {

// The document counts of the three kinds, from one match: on remote shards one request per
// shard, where each get_termfreq is a round trip per shard.
struct KindCounts {
  Xapian::doccount article = 0, passage = 0, link = 0;
};

KindCounts kind_counts(const Xapian::Database& db) {
  const std::string terms[] = {schema::kind_term(schema::Kind::Article), schema::kind_term(schema::Kind::Passage),
                               schema::kind_term(schema::Kind::Link)};
  Xapian::Enquire enq(db);
  enq.set_query(Xapian::Query(Xapian::Query::OP_OR, std::begin(terms), std::end(terms)));
  const Xapian::MSet m = enq.get_mset(0, 0);
  return {m.get_termfreq(terms[0]), m.get_termfreq(terms[1]), m.get_termfreq(terms[2])};
}

struct ArticleTotal {
  unsigned long long length = 0;  // sum of the article documents' lengths
  unsigned long long count = 0;   // article documents
};

ArticleTotal walk_articles(const Xapian::Database& db) {
  ArticleTotal t;
  const std::string type = schema::kind_term(schema::Kind::Article);
  for (auto it = db.postlist_begin(type); it != db.postlist_end(type); ++it) {
    t.length += it.get_doclength();
    ++t.count;
  }
  return t;
}

// "1 DOCCOUNT LASTDOCID TOTALLENGTH ARTICLES ARTICLELENGTH": the stamp, then the figures.
std::string stamp(const Xapian::Database& db) {
  return "1 " + std::to_string(db.get_doccount()) + ' ' + std::to_string(db.get_lastdocid()) + ' ' +
         std::to_string(db.get_total_length()) + ' ';
}

std::optional<ArticleTotal> recorded(const Xapian::Database& db, const Xapian::Database& meta,
                                     Xapian::doccount articles) {
  const std::string v = meta.get_metadata(schema::kKindLengthsKey);
  const std::string s = stamp(db);
  if (v.size() <= s.size() || v.compare(0, s.size(), s) != 0) return std::nullopt;
  ArticleTotal t;
  int used = 0;
  if (std::sscanf(v.c_str() + s.size(), "%llu %llu%n", &t.count, &t.length, &used) != 2 ||
      s.size() + static_cast<size_t>(used) != v.size())
    return std::nullopt;
  // The type term's count is in the stamp's state too: a cheap check that the record is sane.
  if (t.count != articles) return std::nullopt;
  return t;
}

}  // namespace

KindLengths kind_lengths(const Xapian::Database& db, const Xapian::Database& meta) {
  KindLengths out;
  const KindCounts counts = kind_counts(db);
  ArticleTotal a;
  if (auto r = recorded(db, meta, counts.article)) a = *r;
  else a = walk_articles(db);
  // Integers below 2^53: the same doubles as summing the lengths as doubles.
  const double article_total = static_cast<double>(a.length);
  if (a.count) out.article = article_total / static_cast<double>(a.count);
  out.article_docs = static_cast<double>(a.count);
  // Source records carry only boolean terms (length 0): everything else is passages and links.
  const double rest_docs = static_cast<double>(counts.passage) + static_cast<double>(counts.link);
  const double rest_total = static_cast<double>(db.get_total_length()) - article_total;
  if (rest_docs > 0 && rest_total > 0) out.passage = rest_total / rest_docs;
  out.passage_docs = rest_docs;
  return out;
}

void store_kind_lengths(const Xapian::Database& db, Xapian::WritableDatabase& meta) {
  if (recorded(db, meta, db.get_termfreq(schema::kind_term(schema::Kind::Article)))) return;
  const ArticleTotal a = walk_articles(db);
  meta.set_metadata(schema::kKindLengthsKey, stamp(db) + std::to_string(a.count) + ' ' + std::to_string(a.length));
  meta.commit();
}

}  // namespace newsindex
