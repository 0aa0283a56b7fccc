// Fuzz target: the JSON Lines reader; bad lines must become problems naming their line, good
// lines articles that index.
#include "common/errors.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "indexer/readers/jsonl_reader.h"
#include "common/text_decode.h"

using namespace newsindex;

NEWSINDEX_FUZZ_TARGET(jsonl) {
  Decoded d = decode_text(fuzz::as_text(data, size));
  ReadResult r = read_jsonl(d.text, "fuzz.jsonl");
  for (const InputError& e : r.problems)
    fuzz::require(e.location.rfind("fuzz.jsonl:", 0) == 0, "a bad line is not named by source:line", e.what());
  for (Article& a : r.articles) {
    fuzz::require(!a.id.empty() || !a.url.empty(), "article without id or url");
    fuzz::check_article(a);
    fuzz::index_article(a);
  }
  return 0;
}
