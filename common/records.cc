#include "common/records.h"

#include <nlohmann/json.hpp>

#include "common/schema.h"

namespace newsindex {

std::optional<Xapian::docid> article_docid(const Xapian::Database& db, const std::string& id) {
  const std::string uid = schema::term(schema::FieldId::Uid, id);
  auto p = db.postlist_begin(uid);
  if (p == db.postlist_end(uid)) return std::nullopt;
  return *p;
}

std::string article_id_of(const Xapian::Document& article_record) {
  auto j = nlohmann::json::parse(article_record.get_data(), nullptr, false);
  auto id = j.is_object() ? j.find("id") : j.end();
  if (j.is_object() && id != j.end() && id->is_string() && !id->get<std::string>().empty()) return id->get<std::string>();
  return article_record.get_value(schema::kSlotArticle);
}

}  // namespace newsindex
