// One search result as every output format sees it (docs/output.md).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "query/highlight.h"
#include "query/ranking/explanation.h"

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
  std::optional<std::string> target_article;  // link hits: the indexed article the link points to
  std::optional<size_t> cited_by;        // indexed articles linking to this hit's article
  struct Context {
    uint32_t passage = 0;
    std::string text;
  };
  std::vector<Context> context_before, context_after;  // -B/-A/-C
  bool with_context = false;
  std::vector<std::string> sources;      // the article's source, then those of its copies
  std::optional<Explanation> explain;    // --explain: how the score was made
};

}  // namespace newsindex
