// A .json file that is one JSON document rather than JSON Lines, as scrapers and news APIs
// write them (pretty-printed): an array of article objects, one article object, or an object
// whose arrays hold the articles ({"status": "ok", "articles": [...]}). Each article is read
// as a JSON Lines record is (docs/formats.md).
#pragma once
#include <string>
#include <string_view>

#include "indexer/readers/reader.h"

namespace newsindex {

// Every usable article of the document, and an InputError for each unusable one (named by its
// place in the array). A document that breaks off keeps the articles of its array read before
// the break, and the break is one problem naming its line and column. Throws InputError when
// the document holds no article at all.
ReadResult read_json_document(std::string_view text, const std::string& source);

}  // namespace newsindex
