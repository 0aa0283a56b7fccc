// The database side of indexing with one ordered writer: opening (schema check, lock wait),
// replacing a source's records, source bookkeeping for incremental runs, and batched
// transactional commits, over one database or every shard of a sharded index.
#pragma once
#include <xapian.h>

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/database.h"
#include "indexer/doc_builder.h"
#include "indexer/source_writer.h"

namespace newsindex {

class IndexWriter : public SourceWriter {
 public:
  IndexWriter(const std::string& path, const WriterOptions& opts);
  ~IndexWriter() override;

  std::optional<SourceRecord> source(const std::string& path) const override;
  std::vector<SourceRecord> sources() const override;
  void replace_source(const SourceRecord& rec, std::vector<BuiltArticle>& articles) override;
  void clear_source(const std::string& path) override;
  void add_articles(const std::string& source, std::vector<BuiltArticle>& articles, SourceRecord& counts) override;
  void record_source(const SourceRecord& rec) override;
  size_t remove_source(const std::string& path) override;
  bool remove_article(const std::string& id) override;
  // Batches are transactions: a commit puts everything so far on disk atomically.
  void commit() override;
  bool batch_full() const override { return pending_ >= opts_.batch_documents; }
  // The statistics go in a second commit, only when they changed.
  void commit_with_stats() override;
  size_t copies() const override { return copies_; }
  std::vector<std::string> sources_to_read_again() override;
  Xapian::WritableDatabase& meta() override { return meta_; }

  const std::string& path() const { return path_; }
  Xapian::WritableDatabase& db() { return db_; }
  bool sharded() const { return sharded_; }

 private:
  void maybe_begin();
  void hold_also_in(BuiltArticle& b, const std::string& source);
  static std::vector<std::string> held_also_in(const Xapian::Document& article, const std::string& except);
  size_t delete_records_of(const std::string& path);
  void store_languages();
  void count(size_t docs) { pending_ += docs; }
  std::string path_;
  bool sharded_;
  // One writer over every shard of a sharded index (a WritableDatabase on its stub): documents
  // go round-robin by docid, so the docids are those of one database.
  Xapian::WritableDatabase db_;
  Xapian::WritableDatabase meta_;
  WriterOptions opts_;
  std::set<std::string> languages_;  // stemmers of the articles added by this run
  bool new_language_ = false;        // one not yet written to the metadata
  bool in_txn_ = false;
  size_t pending_ = 0;
  size_t copies_ = 0;
  std::map<std::string, std::vector<std::string>> held_elsewhere_;  // removed article key -> other files with it
};

// Opens `where` for writing, waiting up to `lock_timeout` seconds for another writer's lock:
// `path` itself (created whole when missing), or the stub, a shard or meta/ of the sharded index
// at `path`. Failures are DatabaseErrors naming `path`.
Xapian::WritableDatabase open_writable(const std::string& path, const std::string& where, double lock_timeout);

// Refuses a --shards count (when given: not 0) other than the sharded index at `path` has.
void require_shard_count(const std::string& path, size_t shards);

// Turns a Xapian failure while writing (disk full, unwritable directory) into a DatabaseError
// that names the database and says the last committed state is intact.
[[noreturn]] void throw_write_error(const std::string& path, const Xapian::Error& e);


}  // namespace newsindex
