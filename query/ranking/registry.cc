#include "query/ranking/registry.h"

#include "common/schema.h"
#include "query/ranking/bm25.h"
#include "query/ranking/docid_set.h"
#include "query/ranking/key_set_source.h"
#include "query/ranking/proximity_source.h"
#include "query/ranking/rerank_spy.h"
#include "query/ranking/term_score_source.h"

namespace newsindex {

Xapian::Registry ranking_registry() {
  Xapian::Registry r;
  r.register_weighting_scheme(KindBm25Weight(Bm25Params{}, 0));
  r.register_posting_source(DocidSetSource({}, {}));
  r.register_posting_source(KeySetSource({}));
  r.register_posting_source(TermScoreSource({}, {}, {}, Bm25Params{}, 0));
  r.register_posting_source(ProximitySource({}, {}, ProximityTerms{}, "", Bm25Params{}, 0));
  r.register_match_spy(RerankSpy(schema::kSlotArticle, ""));
  return r;
}

}  // namespace newsindex
