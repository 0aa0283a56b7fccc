#include "indexer/dedup.h"

#include <nlohmann/json.hpp>

#include "common/records.h"
#include "indexer/near_duplicates.h"
#include "common/schema.h"

namespace newsindex {

namespace {

// The article record (not its passages) among the documents indexing `term`.
std::optional<Xapian::docid> article_with(const Xapian::Database& db, const std::string& term, const std::string& self,
                                          const Signature* sig, double threshold, double* best_sim) {
  const std::string article_kind(schema::kind_name(schema::Kind::Article));
  const std::string self_key = schema::article_key(self);
  std::optional<Xapian::docid> best;
  for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) {
    Xapian::Document d = db.get_document(*p);
    if (d.get_value(schema::kSlotKind) != article_kind || d.get_value(schema::kSlotArticle) == self_key) continue;
    double sim = 1;
    if (sig) {
      sim = similarity(*sig, unserialise_signature(d.get_value(schema::kSlotMinhash)));
      if (sim < threshold || sim <= *best_sim) continue;
    }
    *best_sim = sim;
    best = *p;
    if (!sig) break;
  }
  return best;
}

}  // namespace

std::optional<DuplicateMatch> find_duplicate(const Xapian::Database& db, const BuiltArticle& b, double threshold) {
  if (!b.copy_candidate) return std::nullopt;
  double sim = 0;
  auto id = article_with(db, schema::term(schema::FieldId::Hash, b.content_hash), b.id, nullptr, 1, &sim);
  if (!id && threshold > 0 && threshold <= 1 && !b.signature.empty()) {
    for (auto t = b.article_doc.termlist_begin(); t != b.article_doc.termlist_end(); ++t) {
      const std::string term = *t;
      if (term.rfind(schema::field(schema::FieldId::Band).prefix, 0) != 0) continue;
      if (auto c = article_with(db, term, b.id, &b.signature, threshold, &sim)) id = c;
    }
  }
  if (!id) return std::nullopt;
  const Xapian::Document original = db.get_document(*id);
  std::string story = original.get_value(schema::kSlotStory);
  if (story.empty()) story = original.get_value(schema::kSlotArticle);
  return DuplicateMatch{article_id_of(original), std::move(story), sim};
}

void join_story(BuiltArticle& b, const DuplicateMatch& m) {
  b.article_doc.add_boolean_term(schema::term(schema::FieldId::Story, m.story));
  b.article_doc.add_value(schema::kSlotStory, m.story);
  for (auto& d : b.passage_docs) d.add_value(schema::kSlotStory, m.story);
  for (auto& d : b.link_docs) d.add_value(schema::kSlotStory, m.story);
  auto j = nlohmann::json::parse(b.article_doc.get_data(), nullptr, false);
  if (!j.is_object()) return;
  j["story"] = m.story;
  j["copy_of"] = m.original;
  j["similarity"] = m.similarity;
  b.article_doc.set_data(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

}  // namespace newsindex
