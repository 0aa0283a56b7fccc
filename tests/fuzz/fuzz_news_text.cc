// Fuzz target: the news-text reader on arbitrary bytes, decoded as the indexer does, then the
// article through segmentation and document building.
#include "common/errors.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "indexer/readers/news_text_reader.h"
#include "common/text_decode.h"

using namespace newsindex;

NEWSINDEX_FUZZ_TARGET(news_text) {
  Decoded d = decode_text(fuzz::as_text(data, size));
  fuzz::require(fuzz::valid_utf8(d.text), "decoded text is not valid UTF-8");
  (void)looks_like_news_text(d.text);
  Article a;
  try {
    a = read_news_text(d.text, "fuzz.txt");
  } catch (const InputError&) {
    return 0;  // refused with a reason: fine
  }
  fuzz::check_article(a);
  fuzz::index_article(a);
  return 0;
}
