// Copies of one story at query time. Every copy is indexed as an article of its own (so its own
// words and headline stay searchable); a result list shows a story once: its best article, or,
// in passage mode, each distinct passage once, with the sources of every copy.
#pragma once
#include <xapian.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace newsindex {

// The key a record's story goes by: its story (schema::kSlotStory) when it is a copy, else its
// own article key.
inline const std::string& story_key(const std::string& article, const std::string& story) {
  return story.empty() ? article : story;
}

inline constexpr double kSamePassage = 0.8;

// Decides, hit by hit in rank order, which hits repeat an earlier one of the same story.
class StoryFolder {
 public:
  explicit StoryFolder(const Xapian::Database& db) : db_(db) {}
  // Articles mode: a member of this story came earlier.
  bool repeats_article(const std::string& article, const std::string& story);
  // Passage mode: an earlier passage of another copy of this story has (nearly) the same words:
  // kSamePassage of their distinct words in common.
  bool repeats_passage(Xapian::docid doc, const std::string& article, const std::string& story);

 private:
  struct Kept {
    Xapian::docid doc;
    std::string article;
    std::optional<std::vector<uint64_t>> words;  // the passage's word set, read when first compared
  };
  const std::vector<uint64_t>& words_of(Kept& k);
  Xapian::Database db_;
  std::unordered_map<std::string, std::vector<Kept>> kept_;  // story key -> passages shown
};

// Where a story was read: the sources of every article of the story `key` (the story key of one
// of its articles), `first` (the hit's own source) first. A lone article gives just `first`.
std::vector<std::string> story_sources(const Xapian::Database& db, const std::string& key, const std::string& first);

}  // namespace newsindex
