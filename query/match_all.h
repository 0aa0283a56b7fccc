// A query matching every document, safe to build on any thread. Xapian::Query::MatchAll is one
// static object whose reference count is not atomic (xapian/query.h says so): copies made on
// several threads at once (newsquery --batch, one query a thread) race on the count and can free
// it while in use. match_all() builds Xapian::Query(std::string()), the same query, afresh.
#pragma once
#include <xapian.h>

#include <string>

namespace newsindex {

inline Xapian::Query match_all() { return Xapian::Query(std::string()); }

}  // namespace newsindex
