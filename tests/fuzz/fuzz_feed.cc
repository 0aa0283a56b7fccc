// Fuzz target: the feed reader (RSS, Atom); a broken feed must become a named problem or an
// InputError, each item read an article that indexes.
#include "common/errors.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "indexer/readers/feed_reader.h"

using namespace newsindex;

NEWSINDEX_FUZZ_TARGET(feed) {
  ReadResult r;
  try {
    r = read_feed(fuzz::as_text(data, size), "fuzz.rss");
  } catch (const InputError& e) {
    fuzz::require(e.location.rfind("fuzz.rss", 0) == 0, "a bad feed is not named", e.what());
    return 0;
  }
  for (const InputError& e : r.problems)
    fuzz::require(e.location.rfind("fuzz.rss", 0) == 0, "a feed problem is not named by its source", e.what());
  for (Article& a : r.articles) {
    fuzz::require(!a.id.empty() || !a.url.empty(), "feed item without id or url");
    fuzz::check_article(a);
    fuzz::index_article(a);
  }
  return 0;
}
