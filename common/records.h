// Finding an article's own record by its id or key: the lookups the index writer (replacements,
// copies) and the query side (hits, --show) share.
#pragma once
#include <xapian.h>

#include <optional>
#include <string>

namespace newsindex {

// The docid of article `id`'s own record (found by its unique uid term), if it is indexed; `id`
// may also be the article's key (schema::article_key).
std::optional<Xapian::docid> article_docid(const Xapian::Database& db, const std::string& id);
// The article id an article record stands for (its data's "id"; records carry only the key).
std::string article_id_of(const Xapian::Document& article_record);

}  // namespace newsindex
