// Fuzz target: the HTML reader on arbitrary bytes (it decodes by BOM, <meta charset> or
// detection itself), then the article through segmentation and document building.
#include <algorithm>

#include "common/errors.h"
#include "fuzz_support.h"
#include "fuzz_target.h"
#include "indexer/readers/html_dom.h"
#include "indexer/readers/html_reader.h"

using namespace newsindex;

NEWSINDEX_FUZZ_TARGET(html) {
  std::string_view bytes = fuzz::as_text(data, size);
  // The nesting limiter must keep every line break (line numbers) and be idempotent: what it
  // returns is within the limit, or gumbo's quadratic cost comes back.
  std::string limited = html::limit_nesting(bytes, 4);
  fuzz::require(std::count(limited.begin(), limited.end(), '\n') == std::count(bytes.begin(), bytes.end(), '\n'),
                "limit_nesting changed the number of lines");
  fuzz::require(html::limit_nesting(limited, 4) == limited, "limit_nesting output is still too deep", limited);
  Article a;
  try {
    a = read_html(bytes, "fuzz.html");
  } catch (const InputError&) {
    return 0;
  }
  fuzz::check_article(a);
  fuzz::index_article(a);
  return 0;
}
