#include "indexer/synonyms.h"

#include <fstream>
#include <vector>

#include "common/errors.h"
#include "indexer/segment.h"

namespace newsindex {

std::string synonym_key(const std::string& text, Analyzer& analyzer) {
  std::string key;
  for (const Token& t : analyzer.analyze(text).tokens) {
    if (!key.empty()) key += ' ';
    key += t.term;
  }
  return key;
}

size_t load_synonyms(Xapian::WritableDatabase& db, const std::string& path, Analyzer& analyzer) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot read synonyms file");
  std::string line;
  size_t line_no = 0, groups = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos || line[line.find_first_not_of(" \t")] == '#') continue;
    const char sep = line.find(',') != std::string::npos ? ',' : ' ';
    std::vector<std::string> members;
    size_t pos = 0;
    while (pos <= line.size()) {
      size_t e = line.find(sep, pos);
      if (e == std::string::npos) e = line.size();
      std::string key = synonym_key(normalize_space(line.substr(pos, e - pos)), analyzer);
      if (!key.empty()) members.push_back(key);
      pos = e + 1;
    }
    if (members.size() < 2) throw InputError(path + ":" + std::to_string(line_no), "a synonym group needs two or more members");
    for (const auto& m : members) {
      db.clear_synonyms(m);
      for (const auto& o : members)
        if (o != m) db.add_synonym(m, o);
    }
    ++groups;
  }
  db.commit();
  return groups;
}

}  // namespace newsindex
