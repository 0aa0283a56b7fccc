// Fuzz target: format detection and the plain-text reader; every non-space character of the
// input must come out in the title or the passages.
#include "common/errors.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "indexer/readers/plain_text_reader.h"
#include "indexer/readers/reader.h"
#include "common/text_decode.h"

using namespace newsindex;

NEWSINDEX_FUZZ_TARGET(plain_text) {
  std::string_view bytes = fuzz::as_text(data, size);
  (void)looks_binary(bytes);
  Decoded d = decode_text(bytes);
  (void)detect_format("fuzz.txt", d.text);
  Article a;
  try {
    a = read_plain_text(d.text, "fuzz.txt");
  } catch (const InputError&) {
    fuzz::require(fuzz::without_spaces(d.text).empty(), "text with words refused");
    return 0;
  }
  fuzz::check_article(a);
  fuzz::check_normalized(a.title, "title is not valid UTF-8");
  std::string body;
  for (const Block& b : a.blocks) body += fuzz::without_spaces(b.text);
  const std::string all = fuzz::without_spaces(d.text), title = fuzz::without_spaces(a.title);
  // A one-line file is its own body; otherwise the title line plus the paragraphs is everything,
  // unless the first line was too long for a title (cut, with an ellipsis) and stayed in the body.
  const bool cut = a.title.size() >= 3 && a.title.compare(a.title.size() - 3, 3, "\u2026") == 0;
  fuzz::require(all == title + body || (all == title && body == title) || (cut && all == body),
                "plain text lost or duplicated text", d.text);
  fuzz::index_article(a);
  return 0;
}
