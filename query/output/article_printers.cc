#include "query/output/article_printers.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "common/records.h"
#include "common/schema.h"
#include "common/sprint_json_value.h"
#include "query/json_fields.h"

namespace newsindex {

namespace {

// A list of maps, one an item (those `keep` keeps), its members written by `members`.
template <class Item, class Keep, class Members>
void sprint_maps(StructuredPrinter& out, const std::vector<Item>& items, Keep keep, Members members) {
  out.begin_list();
  for (const Item& item : items) {
    if (!keep(item)) continue;
    out.begin_map();
    members(item);
    out.end();
  }
  out.end();
}

void sprint_passages(StructuredPrinter& out, const std::vector<StoredPassage>& passages, std::optional<uint32_t> jump) {
  sprint_maps(
      out, passages, [&](const StoredPassage& p) { return !jump || p.ordinal == *jump; },
      [&](const StoredPassage& p) {
        const auto section = p.section.empty() ? std::nullopt : std::optional<std::string>(p.section);
        out.fields("passage", p.ordinal, "section", section, "caption", p.caption, "text", p.text);
      });
}

void sprint_headings(StructuredPrinter& out, const std::vector<Heading>& headings) {
  sprint_maps(
      out, headings, [](const Heading&) { return true; },
      [&](const Heading& h) { out.fields("text", h.text, "passage", h.passage); });
}

void sprint_links(StructuredPrinter& out, const std::vector<StoredLink>& links) {
  sprint_maps(
      out, links, [](const StoredLink&) { return true; },
      [&](const StoredLink& l) {
        out.fields("url", l.url, "text", l.text, "passage", l.passage, "link_date", l.link_date, "target_article",
                   l.target_article);
      });
}

void print_article_text(const nlohmann::ordered_json& meta, const std::vector<StoredPassage>& passages,
                        const std::vector<StoredLink>& links, std::optional<uint32_t> jump, StructuredPrinter& out) {
  auto str = [&](const char* k) {
    return meta.is_object() && meta.contains(k) && meta[k].is_string() ? meta[k].get<std::string>() : std::string();
  };
  auto line = [&](const std::string& s) {
    out.string(s);
    out.separator();
  };
  line(str("title"));
  if (!str("date").empty()) line(str("date"));
  if (!str("url").empty()) line(str("url"));
  if (!str("author").empty()) line("by " + str("author"));
  line("source: " + str("source"));
  const std::vector<Heading> headings = headings_of(passages, jump);
  auto heading = headings.begin();
  for (const auto& p : passages) {
    if (jump && p.ordinal != *jump) continue;
    for (; heading != headings.end() && heading->passage == p.ordinal; ++heading) {
      out.separator();
      line("## " + heading->text);
    }
    out.separator();
    line(fmt::format("[{}]{} {}", p.ordinal, p.caption ? " (caption)" : "", p.text));
    for (const auto& l : links)
      if (l.passage == p.ordinal) line(fmt::format("    → {} <{}>", l.text, l.url));
  }
}

}  // namespace

void print_article(const ArticleStore& store, const std::string& id, std::optional<uint32_t> jump,
                   StructuredPrinter& out) {
  const auto meta = nlohmann::ordered_json::parse(store.article_json(id), nullptr, false);
  const auto passages = store.passages(id);
  const auto links = store.links(id);
  if (out.is_text()) return print_article_text(meta, passages, links, jump, out);
  // The stored data, with these fields set (where the data has one of them, in its place) or
  // added after it: each heading with the passage it stands above, with the passages, is the
  // article whole.
  static constexpr std::array<std::string_view, 5> kSet = {"type", "article", "passages", "headings", "links"};
  auto sprint_set = [&](std::string_view key) {
    out.map_key(key);
    if (key == "type") out.string(schema::kind_name(schema::Kind::Article));
    else if (key == "article") out.string(id);
    else if (key == "passages") sprint_passages(out, passages, jump);
    else if (key == "headings") sprint_headings(out, headings_of(passages, jump));
    else sprint_links(out, links);
  };
  out.begin_map();
  std::vector<std::string_view> placed;
  if (meta.is_object()) {
    for (auto it = meta.begin(); it != meta.end(); ++it) {
      if (std::find(kSet.begin(), kSet.end(), it.key()) != kSet.end()) {
        sprint_set(it.key());
        placed.push_back(it.key());
        continue;
      }
      out.map_key(it.key());
      sprint_json_value(out, it.value());
    }
  }
  for (std::string_view key : kSet)
    if (std::find(placed.begin(), placed.end(), key) == placed.end()) sprint_set(key);
  out.end();
  out.separator();
}

size_t print_duplicate_groups(const Xapian::Database& db, StructuredPrinter& out) {
  // Each story with copies has a story term on its copies' article records.
  const std::string prefix = schema::term(schema::FieldId::Story, "");
  size_t groups = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string key = (*t).substr(prefix.size());
    std::vector<nlohmann::json> members;
    if (auto root = article_docid(db, key)) members.push_back(nlohmann::json::parse(db.get_document(*root).get_data(), nullptr, false));
    for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p)
      members.push_back(nlohmann::json::parse(db.get_document(*p).get_data(), nullptr, false));
    std::erase_if(members, [](const nlohmann::json& j) { return !j.is_object(); });
    if (members.size() < 2) continue;  // the others of the story were removed
    ++groups;
    const nlohmann::json& first = members.front();
    if (out.is_text()) {
      out.string(json_string(first, "id") + "  " + json_string(first, "title"));
      out.separator();
      out.string("  " + json_string(first, "source"));
      out.separator();
      for (size_t i = 1; i < members.size(); ++i) {
        out.string(fmt::format("  = {} ({}, similarity {:.2f})", json_string(members[i], "source"),
                               json_string(members[i], "id"), members[i].value("similarity", 1.0)));
        out.separator();
      }
      continue;
    }
    out.begin_map();
    out.fields("story", key, "article", json_string(first, "id"), "title", json_string(first, "title"), "source",
               json_string(first, "source"));
    out.map_key("copies");
    out.begin_list();
    for (size_t i = 1; i < members.size(); ++i) {
      out.begin_map();
      const nlohmann::json& m = members[i];
      out.fields("article", json_string(m, "id"), "title", json_string(m, "title"), "source", json_string(m, "source"),
                 "copy_of", json_string(m, "copy_of"), "similarity", m.value("similarity", 1.0));
      out.end();
    }
    out.end();
    out.end();
    out.separator();
  }
  return groups;
}

}  // namespace newsindex
