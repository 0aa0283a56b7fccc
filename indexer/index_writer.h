// The database side of indexing: opening (schema check, lock wait), replacing a source's
// records, source bookkeeping for incremental runs, and batched transactional commits.
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

namespace newsindex {

struct SourceRecord {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  std::string hash;          // of the whole content; empty when not done (rejected parts, stopped)
  size_t articles = 0, passages = 0, links = 0;
  std::string indexed_at;    // ISO 8601 UTC
  // JSON Lines: how far the source is indexed, always at a line end, so that a file that grew
  // (or a run that was stopped) goes on from there after checking the prefix is unchanged.
  std::string format;        // "jsonl" when the fields below apply
  uint64_t indexed_bytes = 0;
  uint64_t lines = 0;        // lines in those bytes
  std::string prefix_hash;   // StreamHash of those bytes
  bool partial = false;      // a run stopped inside this source

  bool complete() const { return !hash.empty() && !partial; }
  bool resumable() const { return format == "jsonl" && indexed_bytes > 0 && !prefix_hash.empty(); }
};

struct WriterOptions {
  double lock_timeout = 0;        // seconds to wait for another writer
  size_t batch_documents = 4000;  // documents per committed transaction (tuned: docs/benchmarks.md, Indexing)
  double near_duplicate = 0.8;    // MinHash similarity for a near-duplicate (> 1: exact copies only; 0: keep all)
  std::function<void(const std::string&)> on_note;  // notices for stderr (replacements, copies)
  bool note_copies = true;        // say each copy of an indexed story (--quiet-copies: not)
  size_t shards = 0;              // --shards: a new index is sharded this many ways (0: one database)
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
  // The pieces of replace_source, for a source written in several batches: forget what the
  // source had, add its articles (counting what was written into `counts`), record it.
  void clear_source(const std::string& path);
  void add_articles(const std::string& source, std::vector<BuiltArticle>& articles, SourceRecord& counts);
  // Records a source (also: seen again without changes, or how far a stopped run got).
  void record_source(const SourceRecord& rec);
  // Removes a source and the articles read from it; returns how many articles went.
  size_t remove_source(const std::string& path);

  // Ends the current batch: everything so far is on disk, atomically. Callers decide when;
  // batch_full() says the batch has reached --batch-size documents.
  void commit();
  bool batch_full() const { return pending_ >= opts_.batch_documents; }
  // Commits, then records the statistics queries read instead of walking the database
  // (common/kind_lengths.h); a second commit, only when they changed. Call it at the end of a run.
  void commit_with_stats();
  const std::string& path() const { return path_; }
  // Articles this writer indexed as copies of an indexed story.
  size_t copies() const { return copies_; }
  // Recorded sources that hold an article this writer removed with another source (the article
  // had replaced their copy): reading them again brings it back. Forgets them once asked.
  std::vector<std::string> sources_to_read_again();
  Xapian::WritableDatabase& db() { return db_; }
  // Where metadata and synonyms go: meta/ of a sharded index, else the database itself.
  Xapian::WritableDatabase& meta() { return meta_; }
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

// Turns a Xapian failure while writing (disk full, unwritable directory) into a DatabaseError
// that names the database and says the last committed state is intact.
[[noreturn]] void throw_write_error(const std::string& path, const Xapian::Error& e);


}  // namespace newsindex
