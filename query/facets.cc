#include "query/facets.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "query/article_store.h"
#include "query/json_fields.h"
#include "common/dates.h"
#include "common/schema.h"
#include "query/story_groups.h"

namespace newsindex {

namespace {

std::map<std::string, size_t> spy_counts(Searcher& s, const ParsedQuery& q, const SearchOptions& o, unsigned slot,
                                         size_t& total) {
  Xapian::Enquire enq(s.db());
  enq.set_query(s.full_query(q, o));
  enq.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy spy(slot);
  enq.add_matchspy(&spy);
  const Xapian::doccount all = s.db().get_doccount();
  Xapian::MSet m = enq.get_mset(0, 0, all);
  total = spy.get_total();
  std::map<std::string, size_t> out;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) out[*it] = it.get_termfreq();
  return out;
}

// --articles counts what the listing shows: the articles whose record matches and those with a
// matching passage (an exact word, a phrase or NEAR matches only there, see Searcher::count),
// each story once, with the values of each article's own record.
std::map<std::string, size_t> article_counts(Searcher& s, const ParsedQuery& q, const SearchOptions& o, unsigned slot,
                                             size_t& total) {
  const Xapian::Database& db = s.db();
  auto of_kind = [&](schema::Kind k) {
    Xapian::Query kind(schema::kind_term(k));
    return q.filter.empty() ? kind : Xapian::Query(Xapian::Query::OP_AND, kind, q.filter);
  };
  Xapian::Query query = s.full_query(q, o);
  if (!q.query.empty() && !q.article_query.empty() && o.ranking.fusion_weight < 1)
    query = Xapian::Query(Xapian::Query::OP_OR, query,
                          Xapian::Query(Xapian::Query::OP_FILTER, q.query, of_kind(schema::Kind::Passage)));
  Xapian::Enquire enq(db);
  enq.set_query(query);
  enq.set_weighting_scheme(Xapian::BoolWeight());
  enq.set_collapse_key(schema::kSlotArticle, 1);
  const Xapian::MSet m = enq.get_mset(0, db.get_doccount());
  StoryFolder folder(db);
  std::map<std::string, size_t> out;
  total = 0;
  for (auto it = m.begin(); it != m.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    const std::string article = doc.get_value(schema::kSlotArticle);
    if (folder.repeats_article(article, doc.get_value(schema::kSlotStory))) continue;
    ++total;
    if (slot == schema::kSlotArticle) {
      ++out[article];
    } else if (const auto record = article_docid(db, article)) {
      if (std::string v = db.get_document(*record).get_value(slot); !v.empty()) ++out[v];
    }
  }
  return out;
}

// Passage mode in an index with copies: a passage that another copy of its story repeats is
// listed once (StoryFolder), so it is counted once; this reads every match's values.
std::map<std::string, size_t> folded_passage_counts(Searcher& s, const ParsedQuery& q, const SearchOptions& o,
                                                    unsigned slot, size_t& total) {
  Xapian::Enquire enq(s.db());
  enq.set_query(s.full_query(q, o));
  enq.set_weighting_scheme(Xapian::BoolWeight());
  const Xapian::MSet m = enq.get_mset(0, s.db().get_doccount());
  StoryFolder folder(s.db());
  std::map<std::string, size_t> out;
  total = 0;
  for (auto it = m.begin(); it != m.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    if (folder.repeats_passage(*it, doc.get_value(schema::kSlotArticle), doc.get_value(schema::kSlotStory))) continue;
    ++total;
    if (std::string v = doc.get_value(slot); !v.empty()) ++out[v];
  }
  return out;
}

// The counts per value of `slot` over the match set (passages and links, or articles), as the
// listing shows it: copies of a story once, as -c counts.
std::map<std::string, size_t> value_counts(Searcher& s, const ParsedQuery& q, const SearchOptions& o, unsigned slot,
                                           size_t& total) {
  if (o.articles) return article_counts(s, q, o, slot, total);
  const bool copies = s.db().valuestream_begin(schema::kSlotStory) != s.db().valuestream_end(schema::kSlotStory);
  return copies ? folded_passage_counts(s, q, o, slot, total) : spy_counts(s, q, o, slot, total);
}

// "2018-06" -> next month, "2018" -> next year, "20180606" -> next day.
std::string next_key(const std::string& key, const std::string& unit) {
  int y = std::stoi(key.substr(0, 4));
  if (unit == "year") return std::to_string(y + 1);
  int m = std::stoi(key.substr(5, 2));
  if (unit == "month") return m == 12 ? fmt::format("{:04d}-01", y + 1) : fmt::format("{:04d}-{:02d}", y, m + 1);
  int d = std::stoi(key.substr(8, 2));
  if (++d > days_in_month(y, m)) d = 1, ++m;
  if (m > 12) m = 1, ++y;
  return fmt::format("{:04d}-{:02d}-{:02d}", y, m, d);
}

// The article's category (its breadcrumb or desk), read from its record's data.
std::string article_category(const Xapian::Database& db, const std::string& key) {
  const auto doc = article_docid(db, key);
  if (!doc) return {};
  return json_string(nlohmann::json::parse(db.get_document(*doc).get_data(), nullptr, false), "category");
}

// Categories have no value slot (schema: a free-text field): the matches are counted per
// article, one read of each distinct article's record then names its category.
std::map<std::string, size_t> category_counts(Searcher& s, const ParsedQuery& q, const SearchOptions& o,
                                              size_t& total) {
  std::map<std::string, size_t> out;
  for (const auto& [key, n] : value_counts(s, q, o, schema::kSlotArticle, total))
    if (std::string category = article_category(s.db(), key); !category.empty()) out[category] += n;
  return out;
}

}  // namespace

std::optional<unsigned> facet_slot(const std::string& name) {
  if (name == "month" || name == "year") return schema::kSlotDate;  // bucketed from YYYYMMDD
  if (name == "site") return schema::kSlotSite;
  if (name == "author") return schema::kSlotAuthor;
  if (name == "section") return schema::kSlotSection;
  if (name == "type") return schema::kSlotKind;
  if (name == "category") return schema::kSlotArticle;  // counted per article, then by its category
  return std::nullopt;
}

FacetResult facet_counts(Searcher& s, const ParsedQuery& q, const SearchOptions& o, const std::string& facet) {
  FacetResult r;
  r.facet = facet;
  auto counts = facet == "category" ? category_counts(s, q, o, r.total) : value_counts(s, q, o, *facet_slot(facet), r.total);
  if (facet == "month" || facet == "year") {
    std::map<std::string, size_t> buckets;
    for (auto& [ymd, c] : counts)
      if (ymd.size() == 8) buckets[facet == "year" ? ymd.substr(0, 4) : ymd.substr(0, 4) + "-" + ymd.substr(4, 2)] += c;
    counts = std::move(buckets);
  }
  for (auto& [v, c] : counts) r.counts.push_back({v, c});
  if (facet != "month" && facet != "year")  // time runs in order; the rest by size
    std::stable_sort(r.counts.begin(), r.counts.end(), [](auto& a, auto& b) { return a.count > b.count; });
  return r;
}

Histogram date_histogram(Searcher& s, const ParsedQuery& q, const SearchOptions& o, const std::string& unit) {
  Histogram h;
  auto days = value_counts(s, q, o, schema::kSlotDate, h.total);
  size_t dated = 0;
  for (auto& [k, c] : days) dated += c;
  h.undated = h.total - dated;
  if (days.empty()) {
    h.unit = unit.empty() ? "month" : unit;
    return h;
  }
  const std::string first = days.begin()->first, last = days.rbegin()->first;  // YYYYMMDD
  const int span_days = (std::stoi(last.substr(0, 4)) - std::stoi(first.substr(0, 4))) * 365 +
                        (std::stoi(last.substr(4, 2)) - std::stoi(first.substr(4, 2))) * 30 +
                        (std::stoi(last.substr(6, 2)) - std::stoi(first.substr(6, 2)));
  h.unit = !unit.empty() ? unit : span_days > 365 * 15 ? "year" : span_days < 62 ? "day" : "month";
  auto key_of = [&](const std::string& ymd) {
    if (h.unit == "year") return ymd.substr(0, 4);
    if (h.unit == "month") return ymd.substr(0, 4) + "-" + ymd.substr(4, 2);
    return ymd.substr(0, 4) + "-" + ymd.substr(4, 2) + "-" + ymd.substr(6, 2);
  };
  std::map<std::string, size_t> buckets;
  for (auto& [k, c] : days) buckets[key_of(k)] += c;
  const std::string end = key_of(last);
  for (std::string k = key_of(first);; k = next_key(k, h.unit)) {
    h.buckets.push_back({k, buckets.count(k) ? buckets[k] : 0});
    if (k >= end || h.buckets.size() > 100000) break;
  }
  return h;
}

}  // namespace newsindex
