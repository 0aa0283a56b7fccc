// Fuzz target: the JSON Lines reader, and the JSON documents it hands on; bad lines and articles
// must become problems naming their source, good ones articles that index.
#include "common/errors.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "indexer/readers/jsonl_reader.h"
#include "common/text_decode.h"

using namespace newsindex;

NEWSINDEX_FUZZ_TARGET(jsonl) {
  Decoded d = decode_text(fuzz::as_text(data, size));
  ReadResult r;
  try {
    r = read_jsonl(d.text, "fuzz.jsonl");
  } catch (const InputError& e) {  // a JSON document without articles: one error naming the file
    fuzz::require(e.location.rfind("fuzz.jsonl", 0) == 0, "an unusable document is not named", e.what());
    return 0;
  }
  // A line is named source:line, an article of a document by its place, a document's break by the
  // file (its message gives the line and column).
  for (const InputError& e : r.problems)
    fuzz::require(e.location.rfind("fuzz.jsonl", 0) == 0, "a problem does not name its source", e.what());
  for (Article& a : r.articles) {
    fuzz::require(!a.id.empty() || !a.url.empty(), "article without id or url");
    fuzz::check_article(a);
    fuzz::index_article(a);
  }
  return 0;
}
