// Fuzz target: query parsing plus search on a small in-memory index built from the seed
// article in corpus/. The first byte picks options; the rest is the query, as typed.
#include <xapian.h>

#include <filesystem>

#include "indexer/doc_builder.h"
#include "common/errors.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "indexer/readers/reader.h"
#include "query/search.h"
#include "indexer/source_files.h"
#include "common/text_decode.h"

using namespace newsindex;

namespace {

Xapian::Database build_seed_index() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::filesystem::path dir = std::filesystem::path(NEWSINDEX_SOURCE_DIR) / "corpus";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string path = entry.path().string();
    Decoded d = decode_text(read_file_bytes(path, 1 << 26));
    for (Article& a : read_source(d.text, path, Format::Auto).articles) {
      a.source = path;
      assign_article_id(a);
      BuiltArticle b = build_documents(a, fuzz::analyzer(), {});
      db.add_document(b.article_doc);
      for (auto& doc : b.passage_docs) db.add_document(doc);
      for (auto& doc : b.link_docs) db.add_document(doc);
    }
  }
  db.commit();
  if (db.get_doccount() < 10) fuzz::fail("the seed index is missing: no article under corpus/");
  return db;
}

Searcher& searcher() {
  static Searcher s(build_seed_index(), fuzz::analyzer());
  return s;
}

void check_hits(const SearchResult& r, size_t offset) {
  for (size_t i = 0; i < r.hits.size(); ++i) {
    const Hit& h = r.hits[i];
    fuzz::require(h.rank == offset + i + 1, "hit ranks are not consecutive");
    fuzz::require(h.type == "passage" || h.type == "link" || h.type == "article", "unknown hit type", h.type);
    for (auto [s, e] : h.matches) {
      fuzz::require(s < e && e <= h.text.size(), "match range outside the hit text", h.text);
      fuzz::require(fuzz::on_boundary(h.text, s) && fuzz::on_boundary(h.text, e), "match inside a character", h.text);
    }
  }
}

}  // namespace

NEWSINDEX_FUZZ_TARGET(query) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  std::string_view text = fuzz::as_text(data + 1, size - 1);
  Searcher& s = searcher();
  QueryOptions qo;
  qo.plain = flags & 1;
  qo.default_and = flags & 2;
  qo.max_wildcard = (flags & 4) ? 3 : 1000;
  SearchOptions so;
  so.articles = flags & 8;
  so.sort = static_cast<SearchOptions::Sort>((flags >> 4) % 3);
  so.limit = (flags & 64) ? 0 : 10;
  so.offset = (flags & 128) ? 2 : 0;
  ParsedQuery q;
  try {
    q = parse_query(text, fuzz::analyzer(), qo);
  } catch (const QueryError& e) {
    fuzz::require(e.column <= text.size(), "query error column outside the query");
    fuzz::require(*e.what() != '\0', "query error without a message");
    return 0;
  }
  try {
    SearchResult r = s.search(q, so);
    check_hits(r, so.offset);
    size_t n = s.count(q, so);
    // Articles mode fuses article and passage evidence, so an article can rank through its
    // passages while its article record does not match (e.g. "-word"): compare passages only.
    if (!so.articles) fuzz::require(n >= r.hits.size(), "count is below the number of hits returned");
  } catch (const Xapian::WildcardError&) {
    // A wildcard that expands past --max-wildcard: newsquery reports it (exit 2).
  } catch (const Xapian::Error& e) {
    fuzz::fail("search threw a Xapian error for a query the parser accepted", e.get_description());
  }
  return 0;
}
