// The database side of indexing: opening (schema check, lock wait), replacing a source's
// records, source bookkeeping for incremental runs, and batched transactional commits.
#pragma once
#include <xapian.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "doc_builder.h"

namespace newsindex {

struct SourceRecord {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  std::string hash;
  size_t articles = 0, passages = 0, links = 0;
  std::string indexed_at;  // ISO 8601 UTC
};

struct WriterOptions {
  double lock_timeout = 0;        // seconds to wait for another writer
  size_t batch_documents = 20000; // documents per committed transaction
  double near_duplicate = 0.8;    // MinHash similarity for a near-duplicate (> 1: exact copies only; 0: keep all)
  std::function<void(const std::string&)> on_note;  // notices for stderr (replacements, copies)
};

class IndexWriter {
 public:
  IndexWriter(const std::string& path, const WriterOptions& opts);
  ~IndexWriter();

  std::optional<SourceRecord> source(const std::string& path) const;
  std::vector<SourceRecord> sources() const;

  // Replaces everything `rec.path` contributed with `articles`, and records the source.
  // An article id already indexed from elsewhere is replaced (the newer copy wins).
  void replace_source(const SourceRecord& rec, std::vector<BuiltArticle>& articles);
  // Records a source as seen without touching its documents (unchanged content, new mtime).
  void record_source(const SourceRecord& rec);
  void remove_source(const std::string& path);

  void commit();  // ends the current batch
  Xapian::WritableDatabase& db() { return db_; }

 private:
  void maybe_begin();
  void note_replacement(const BuiltArticle& b, const std::string& source);
  void count(size_t docs);
  Xapian::WritableDatabase db_;
  WriterOptions opts_;
  bool in_txn_ = false;
  size_t pending_ = 0;
};

// Opens a database for reading, checking it exists and has our schema version.
Xapian::Database open_for_reading(const std::string& path);
void check_schema_version(const Xapian::Database& db, const std::string& path);

}  // namespace newsindex
