// One search result as every output format sees it (DESIGN.md's output contract).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "highlight.h"

namespace newsindex {

struct Hit {
  std::string qid;                    // batch mode only
  size_t rank = 0;                    // 1-based
  double score = 0;
  std::string type;                   // passage | link | article
  std::string article, title;
  std::optional<std::string> date;    // YYYY-MM-DD
  std::string url, source, category;
  std::optional<uint32_t> passage;
  std::optional<std::string> section;
  bool caption = false;
  std::string text;
  std::vector<ByteRange> matches;
  std::optional<std::string> link_date;  // link hits: the date in the target URL
};

}  // namespace newsindex
