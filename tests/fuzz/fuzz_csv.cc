// Fuzz target: the CSV/TSV reader; bad rows must become problems naming their row, a table
// without news one error naming the file, good rows articles that index.
#include "common/errors.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "indexer/readers/csv_reader.h"
#include "common/text_decode.h"

using namespace newsindex;

NEWSINDEX_FUZZ_TARGET(csv) {
  Decoded d = decode_text(fuzz::as_text(data, size));
  ReadResult r;
  try {
    r = read_csv(d.text, "fuzz.csv");
  } catch (const InputError& e) {
    fuzz::require(e.location.rfind("fuzz.csv", 0) == 0, "an unusable table is not named", e.what());
    return 0;
  }
  for (const InputError& e : r.problems)
    fuzz::require(e.location.rfind("fuzz.csv: row ", 0) == 0, "a bad row is not named by its number", e.what());
  for (Article& a : r.articles) {
    fuzz::require(!a.id.empty() || !a.url.empty(), "article without id or url");
    fuzz::check_article(a);
    fuzz::index_article(a);
  }
  return 0;
}
