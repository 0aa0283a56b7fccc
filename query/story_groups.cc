#include "query/story_groups.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

#include "query/article_store.h"
#include "common/data_keys.h"
#include "common/hash.h"
#include "common/schema.h"

namespace newsindex {

namespace {

// The words of a passage as a set of hashes, whatever their case, punctuation or spacing: two
// copies of a wire story often differ in quotes, dashes and an edited word or two.
std::vector<uint64_t> word_set(const Xapian::Document& doc) {
  auto j = nlohmann::json::parse(doc.get_data(), nullptr, false);
  std::string text;
  if (auto t = j.is_object() ? j.find(data_keys::kText) : j.end(); j.is_object() && t != j.end() && t->is_string())
    text = t->get<std::string>();
  std::vector<uint64_t> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) out.push_back(hash64(word));
    word.clear();
  };
  for (unsigned char c : text) {
    if (c >= 0x80 || std::isalnum(c)) word.push_back(static_cast<char>(std::tolower(c)));
    else flush();
  }
  flush();
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Two passages say the same when most of their words are shared (Jaccard of the word sets).
bool same_passage(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty();
  size_t common = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) ++common, ++i, ++j;
    else if (a[i] < b[j]) ++i;
    else ++j;
  }
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common) >= kSamePassage;
}

}  // namespace

bool StoryFolder::repeats_article(const std::string& article, const std::string& story) {
  auto [it, fresh] = kept_.try_emplace(story_key(article, story));
  if (fresh) it->second.push_back({0, article, std::nullopt});
  return !fresh;
}

const std::vector<uint64_t>& StoryFolder::words_of(Kept& k) {
  if (!k.words) k.words = word_set(db_.get_document(k.doc));
  return *k.words;
}

bool StoryFolder::repeats_passage(Xapian::docid doc, const std::string& article, const std::string& story) {
  std::vector<Kept>& shown = kept_[story_key(article, story)];
  Kept self{doc, article, std::nullopt};
  for (Kept& k : shown)
    if (k.article != article && same_passage(words_of(k), words_of(self))) return true;
  shown.push_back(std::move(self));
  return false;
}

std::vector<std::string> story_sources(const Xapian::Database& db, const std::string& key, const std::string& first) {
  std::vector<std::string> out{first};
  if (db.get_value_freq(schema::kSlotStory) == 0) return out;  // an index without copies
  auto add = [&](Xapian::docid d) {
    std::string s = db.get_document(d).get_value(schema::kSlotSource);
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  };
  const std::string members = schema::term(schema::FieldId::Story, key);
  for (auto p = db.postlist_begin(members); p != db.postlist_end(members); ++p) add(*p);
  if (out.size() > 1 || db.get_termfreq(members) > 0)
    if (auto root = article_docid(db, key)) add(*root);
  return out;
}

}  // namespace newsindex
