#include "ranking/kind_lengths.h"

#include "schema.h"

namespace newsindex {

namespace {

Xapian::doccount kind_count(const Xapian::Database& db, schema::Kind k) {
  return db.get_termfreq(schema::term("type", schema::kind_name(k)));
}

}  // namespace

KindLengths kind_lengths(const Xapian::Database& db) {
  KindLengths out;
  const std::string type = schema::term("type", schema::kind_name(schema::Kind::Article));
  double article_total = 0;
  Xapian::doccount articles = 0;
  for (auto it = db.postlist_begin(type); it != db.postlist_end(type); ++it) {
    article_total += it.get_doclength();
    ++articles;
  }
  if (articles) out.article = article_total / articles;
  // Source records carry only boolean terms (length 0): everything else is passages and links.
  const double rest_docs = static_cast<double>(kind_count(db, schema::Kind::Passage)) +
                           static_cast<double>(kind_count(db, schema::Kind::Link));
  const double rest_total = static_cast<double>(db.get_total_length()) - article_total;
  if (rest_docs > 0 && rest_total > 0) out.passage = rest_total / rest_docs;
  return out;
}

}  // namespace newsindex
