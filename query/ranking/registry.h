// The Xapian registry of newsindex's own ranking classes: what a remote shard's server must know
// to run the matcher on the query newsquery sends it (weighting schemes, posting sources, match
// spies).
#pragma once
#include <xapian.h>

namespace newsindex {

Xapian::Registry ranking_registry();

}  // namespace newsindex
