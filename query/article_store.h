// Reading an indexed article back: its metadata, passages by ordinal, links, and the link
// graph around it (who cites it, which article a link points to) — all by term lookups.
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

#include "query/hit.h"
#include "common/records.h"

namespace newsindex {

struct StoredPassage {
  uint32_t ordinal = 0;
  std::string text, section;
  bool caption = false;
};

struct StoredLink {
  std::string url, text;
  uint32_t passage = 0;
  std::optional<std::string> link_date, target_article;
};

class ArticleStore {
 public:
  explicit ArticleStore(const Xapian::Database& db) : db_(db) {}

  // The article record's data (JSON) or "" when the id is unknown.
  std::string article_json(const std::string& id) const;
  // Resolves an id or a URL (canonicalized) to an article id.
  std::optional<std::string> resolve(const std::string& id_or_url) const;
  // The articles read from source path `source` (any spelling of it: common/paths.h), in index order,
  // at most `max` (0: all).
  std::vector<std::string> articles_from_source(const std::string& source, size_t max) const;
  std::vector<StoredPassage> passages(const std::string& id, uint32_t from = 0, uint32_t to = UINT32_MAX) const;
  std::vector<StoredLink> links(const std::string& id) const;
  // Articles (distinct) whose links point at `url`.
  std::vector<std::string> citing_articles(const std::string& url) const;
  // The indexed article whose canonical URL is `url`.
  std::optional<std::string> article_at_url(const std::string& url) const;

  // Adds sources (when the searcher has not), target_article / cited_by, and the passages around
  // a hit when before/after > 0.
  void enrich(Hit& h, uint32_t before, uint32_t after) const;

 private:
  Xapian::Database db_;
};

// A heading of the article body and the passage it stands above (the first of its section).
struct Heading {
  std::string text;
  uint32_t passage = 0;
};
// The headings of passages in order (a heading is the section of the passages below it, so it
// begins where the section changes); with `only`, just the heading above that passage.
std::vector<Heading> headings_of(const std::vector<StoredPassage>& passages, std::optional<uint32_t> only = {});

}  // namespace newsindex
