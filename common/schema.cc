#include "common/schema.h"

#include "common/hash.h"

namespace newsindex::schema {

namespace {
constexpr std::array<std::string_view, 4> kKindNames{"passage", "link", "article", "source"};
}

std::string_view kind_name(Kind k) { return kKindNames[static_cast<size_t>(k)]; }

std::optional<Kind> kind_from_name(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i)
    if (kKindNames[i] == name) return static_cast<Kind>(i);
  return std::nullopt;
}

const Field* user_field(std::string_view name) {
  for (const auto& f : kFields)
    if (f.name == name && (f.flags & kUserField)) return &f;
  return nullptr;
}

std::string article_key(std::string_view id) {
  if (id.size() <= kArticleKeyBytes) return std::string(id);
  const bool is_key = id.size() == kArticleKeyBytes + 1 && id[0] == '~' &&
                      id.find_first_not_of("0123456789abcdef", 1) == std::string_view::npos;
  if (is_key) return std::string(id);
  return "~" + hex_digest(id).substr(0, kArticleKeyBytes);
}

std::string term(FieldId field_id, std::string_view value) {
  const Field& f = field(field_id);
  std::string key;
  if (f.flags & kKeyed) value = key = article_key(value);
  std::string t(f.prefix);
  // A raw term starting with an upper-case letter would read as a prefix; prefixed
  // terms whose value starts with upper case get Xapian's ":" separator.
  if (!f.prefix.empty() && !value.empty() && value[0] >= 'A' && value[0] <= 'Z') t += ':';
  t.append(value);
  if (t.size() > kMaxTermBytes) {
    const std::string digest = hex_digest(value).substr(0, 16);
    t.resize(kMaxTermBytes - 17);
    t.append(1, '#').append(digest);
  }
  return t;
}

std::string kind_term(Kind k) { return term(FieldId::Type, kind_name(k)); }

std::string stem_prefix(FieldId field_id) {
  std::string p(1, 'Z');
  p.append(field(field_id).prefix);
  return p;
}

FieldId body_field(BodyForm form) { return form == BodyForm::Article ? FieldId::ArticleBody : FieldId::Body; }

FieldId acronym_field(FieldId body) { return body == FieldId::ArticleBody ? FieldId::ArticleAcronym : FieldId::Acronym; }

std::string passage_form_name(std::string_view term) {
  // Longest prefix first: XWA (acronyms) and ZXW (stems) both begin like XW.
  const std::string stem_from = stem_prefix(FieldId::ArticleBody), stem_to = stem_prefix(FieldId::Body);
  const std::string_view acr_from = field(FieldId::ArticleAcronym).prefix, acr_to = field(FieldId::Acronym).prefix;
  const std::string_view raw_from = field(FieldId::ArticleBody).prefix, raw_to = field(FieldId::Body).prefix;
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{stem_from, stem_to}, {acr_from, acr_to},
                          {raw_from, raw_to}}) {
    if (term.substr(0, from.size()) != from) continue;
    std::string_view rest = term.substr(from.size());
    if (to.empty() && !rest.empty() && rest[0] == ':') rest.remove_prefix(1);  // no prefix, no separator
    if (from == raw_from && !rest.empty() && rest[0] >= 'A' && rest[0] <= 'Z') break;  // another prefix
    return std::string(to).append(rest);
  }
  return std::string(term);
}

}  // namespace newsindex::schema
