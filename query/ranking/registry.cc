#include "query/ranking/registry.h"

#include "query/ranking/bm25.h"
#include "query/ranking/docid_set.h"

namespace newsindex {

Xapian::Registry ranking_registry() {
  Xapian::Registry r;
  r.register_weighting_scheme(KindBm25Weight(Bm25Params{}, 0));
  r.register_posting_source(DocidSetSource({}, {}));
  return r;
}

}  // namespace newsindex
