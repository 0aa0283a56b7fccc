// Counts over the whole match set: facets (month, year, site, author, section, category, type)
// and the date histogram that shows how a topic rises and falls over time.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "query/search.h"

namespace newsindex {

struct FacetCount {
  std::string value;
  size_t count = 0;
};

struct FacetResult {
  std::string facet;
  size_t total = 0;              // matches counted
  std::vector<FacetCount> counts;
};

// Known facet names: month, year, site, author, section (the heading above a passage), category
// (the article's breadcrumb or desk), type. Returns nullopt otherwise.
std::optional<unsigned> facet_slot(const std::string& name);

FacetResult facet_counts(Searcher& s, const ParsedQuery& q, const SearchOptions& o, const std::string& facet);

// Matches per day, month or year (chosen by the span of dates unless `unit` is given), with
// empty buckets filled in between the first and the last.
struct Histogram {
  std::string unit;              // day | month | year
  size_t total = 0, undated = 0;
  std::vector<FacetCount> buckets;
};
Histogram date_histogram(Searcher& s, const ParsedQuery& q, const SearchOptions& o, const std::string& unit = "");

}  // namespace newsindex
