// Turns one Article into its Xapian documents: the article record, one document per passage,
// one per related link. Pure and thread-friendly: each thread brings its own Analyzer.
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

#include "common/analyzer.h"
#include "indexer/article.h"
#include "common/data_keys.h"
#include "indexer/segment.h"

namespace newsindex {

struct BuildOptions {
  std::string language;        // forces a stemming language ("" = the article's, else English)
  SegmentOptions segment;
  // The article document's body counts each title word this many times (BM25F-style field
  // weight: a word in the headline says more about the article than one in the text); 0 = off.
  unsigned title_weight = 3;
  // An article's text past this many bytes is not indexed (said as a warning): one huge "article"
  // (a 50 MB one-line dump) would otherwise cost about 30 times its size in memory at once.
  size_t max_article_bytes = size_t{4} << 20;
  // The article's MinHash signature and its LSH band terms, which only a run that looks for near
  // copies reads (8 scattered terms and 128 bytes per article: 8% of a --keep-duplicates index).
  bool near_duplicate_keys = true;
  // An article without a category takes its file's folder name (business/001.txt: "business").
  bool category_from_dir = false;
};

// Words an article needs to take part in duplicate detection (as original or copy).
inline constexpr size_t kMinCopyWords = 20;

struct BuiltArticle {
  std::string id;
  std::string source;           // the source it was read from
  bool copy_candidate = false;  // long enough, and with a body, to be compared with others
  bool body_missing = false;    // HTML: no article body found (Article::body_missing)
  uint64_t page_text_bytes = 0;
  std::string content_hash;     // of the normalized words: exact duplicates
  std::vector<uint32_t> signature;  // MinHash of the words: near duplicates
  Xapian::Document article_doc;
  std::vector<Xapian::Document> passage_docs;
  std::vector<Xapian::Document> link_docs;
  size_t invalid_utf8 = 0;
  std::string language;  // the stemmer's name (stemmer_name)
};

// Fills a missing id: canonical URL, else the source path.
void assign_article_id(Article& a);

BuiltArticle build_documents(const Article& a, Analyzer& analyzer, const BuildOptions& opts);


}  // namespace newsindex
