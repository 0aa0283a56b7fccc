// News feeds (RSS 2.0, RSS 1.0/RDF, Atom 1.0): one article per item or entry, its body from the
// full content the feed carries (content:encoded, Atom content) or else its summary.
#pragma once
#include <string>
#include <string_view>

#include "indexer/readers/reader.h"

namespace newsindex {

// True when the document's first element is <rss>, <feed> or <rdf:RDF>: a feed, not a page.
bool looks_like_feed(std::string_view head);

// Reads the feed's items from its raw bytes (XML declares its own encoding). A feed that breaks
// off (truncated or not well-formed) keeps the items before the break and names the line in a
// problem; an item without text is a problem of its own. Throws InputError when no item is usable.
ReadResult read_feed(std::string_view bytes, const std::string& source);

}  // namespace newsindex
