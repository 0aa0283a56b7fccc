// Synonym groups: a file of one group per line ("car, automobile, motor car"), stored in the
// database at index time and applied to query words at search time.
#pragma once
#include <xapian.h>

#include <string>

#include "common/analyzer.h"

namespace newsindex {

// Reads the file and stores every member as a synonym of every other. Returns the number of
// groups. Throws InputError naming the file (and line) when it cannot be read.
size_t load_synonyms(Xapian::WritableDatabase& db, const std::string& path, Analyzer& analyzer);

// The key a word or phrase is stored under: its analyzed terms joined by spaces.
std::string synonym_key(const std::string& text, Analyzer& analyzer);

}  // namespace newsindex
