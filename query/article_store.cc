#include "query/article_store.h"

#include <nlohmann/json.hpp>

#include <set>

#include "common/data_keys.h"
#include "common/records.h"
#include "common/schema.h"
#include "common/paths.h"
#include "query/story_groups.h"
#include "common/url.h"
#include "query/json_fields.h"

namespace newsindex {

namespace {

Xapian::Query kind(schema::Kind k) { return Xapian::Query(schema::kind_term(k)); }

// The documents matching `q` in ordinal order (docid order where there is none), the first
// `max` of them (0: all).
std::vector<Xapian::Document> docs_of(const Xapian::Database& db, const Xapian::Query& q, Xapian::doccount max = 0) {
  Xapian::Enquire enq(db);
  enq.set_query(q);
  enq.set_weighting_scheme(Xapian::BoolWeight());
  enq.set_sort_by_value(schema::kSlotOrdinal, false);
  std::vector<Xapian::Document> out;
  Xapian::MSet m = enq.get_mset(0, max ? max : db.get_doccount());
  for (auto it = m.begin(); it != m.end(); ++it) out.push_back(it.get_document());
  return out;
}

}  // namespace

std::string ArticleStore::article_json(const std::string& id) const {
  const auto doc = article_docid(db_, id);
  return doc ? db_.get_document(*doc).get_data() : std::string();
}

std::optional<std::string> ArticleStore::resolve(const std::string& id_or_url) const {
  if (!article_json(id_or_url).empty()) return id_or_url;
  std::string c = canonical_url(id_or_url);
  if (!c.empty()) {
    if (!article_json(c).empty()) return c;
    return article_at_url(c);
  }
  return std::nullopt;
}

std::vector<std::string> ArticleStore::articles_from_source(const std::string& source, size_t max) const {
  // Sources are recorded by their canonical path; "stdin:…" names are not paths.
  const std::string path = source.rfind("stdin:", 0) == 0 ? source : canonical_path(source);
  const Xapian::Query q(Xapian::Query::OP_FILTER, kind(schema::Kind::Article), Xapian::Query(schema::term(schema::FieldId::Source, path)));
  std::vector<std::string> out;
  for (const auto& d : docs_of(db_, q, static_cast<Xapian::doccount>(max))) out.push_back(article_id_of(d));
  return out;
}

std::vector<StoredPassage> ArticleStore::passages(const std::string& id, uint32_t from, uint32_t to) const {
  Xapian::Query q(Xapian::Query::OP_FILTER, kind(schema::Kind::Passage), Xapian::Query(schema::term(schema::FieldId::Article, id)));
  if (from > 0 || to < UINT32_MAX)
    q = Xapian::Query(Xapian::Query::OP_FILTER, q,
                      Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotOrdinal, Xapian::sortable_serialise(from),
                                    Xapian::sortable_serialise(to)));
  std::vector<StoredPassage> out;
  for (const auto& d : docs_of(db_, q)) {
    auto j = nlohmann::json::parse(d.get_data(), nullptr, false);
    if (!j.is_object()) continue;
    StoredPassage p;
    p.ordinal = j.value(data_keys::kPassage, 0u);
    p.text = json_string(j, data_keys::kText);
    p.section = json_string(j, data_keys::kSection);
    p.caption = j.value(data_keys::kCaption, false);
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<StoredLink> ArticleStore::links(const std::string& id) const {
  Xapian::Query q(Xapian::Query::OP_FILTER, kind(schema::Kind::Link), Xapian::Query(schema::term(schema::FieldId::Article, id)));
  std::vector<StoredLink> out;
  for (const auto& d : docs_of(db_, q)) {
    auto j = nlohmann::json::parse(d.get_data(), nullptr, false);
    if (!j.is_object()) continue;
    StoredLink l;
    l.url = json_string(j, data_keys::kUrl);
    l.text = json_string(j, data_keys::kText);
    l.passage = j.value(data_keys::kPassage, 0u);
    if (j.contains(data_keys::kLinkDate)) l.link_date = json_string(j, data_keys::kLinkDate);
    l.target_article = article_at_url(l.url);
    out.push_back(std::move(l));
  }
  return out;
}

// The citing articles' keys (schema::article_key), which is all a link record holds.
std::vector<std::string> ArticleStore::citing_articles(const std::string& url) const {
  std::set<std::string> ids;
  const std::string t = schema::term(schema::FieldId::LinkTo, url);
  for (auto p = db_.postlist_begin(t); p != db_.postlist_end(t); ++p)
    ids.insert(db_.get_document(*p).get_value(schema::kSlotArticle));
  return {ids.begin(), ids.end()};
}

std::optional<std::string> ArticleStore::article_at_url(const std::string& url) const {
  if (url.empty()) return std::nullopt;
  const std::string t = schema::term(schema::FieldId::Url, url);
  const std::string article_kind(schema::kind_name(schema::Kind::Article));
  for (auto p = db_.postlist_begin(t); p != db_.postlist_end(t); ++p) {
    Xapian::Document d = db_.get_document(*p);
    if (d.get_value(schema::kSlotKind) == article_kind) return article_id_of(d);
  }
  return std::nullopt;
}

void ArticleStore::enrich(Hit& h, uint32_t before, uint32_t after) const {
  if (h.type == "link") {
    h.target_article = article_at_url(h.url);
  } else {
    // The searcher has filled url and sources from the article's data; read it only if not.
    std::string url = h.url;
    if (h.sources.empty()) {
      auto j = nlohmann::json::parse(article_json(h.article), nullptr, false);
      url = j.is_object() ? json_string(j, "url") : std::string();
      const std::string story = j.is_object() ? json_string(j, "story") : std::string();
      h.sources = story_sources(db_, story_key(schema::article_key(h.article), story), h.source);
    }
    size_t n = 0;
    const std::string self = schema::article_key(h.article);
    for (const auto& a : citing_articles(url))
      if (a != self) ++n;
    h.cited_by = n;
  }
  if ((before || after) && h.passage && h.type != "link") {
    h.with_context = true;
    const uint32_t p = *h.passage;
    for (const auto& sp : passages(h.article, p > before ? p - before : 1, p + after)) {
      if (sp.ordinal < p) h.context_before.push_back({sp.ordinal, sp.text});
      else if (sp.ordinal > p) h.context_after.push_back({sp.ordinal, sp.text});
    }
  }
}

std::vector<Heading> headings_of(const std::vector<StoredPassage>& passages, std::optional<uint32_t> only) {
  std::vector<Heading> out;
  std::string section;
  for (const auto& p : passages) {
    // The passage jumped to shows the heading it stands under, even when that began earlier.
    const bool starts = p.section != section || (only && p.ordinal == *only);
    section = p.section;
    if (!starts || p.section.empty() || (only && p.ordinal != *only)) continue;
    out.push_back({p.section, p.ordinal});
  }
  return out;
}

}  // namespace newsindex
