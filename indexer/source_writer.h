// What an indexing run asks of the database side: sources replaced, recorded and removed, articles
// added, batches committed. IndexWriter does it with one writer; PartitionedWriter with one per shard.
#pragma once
#include <xapian.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indexer/doc_builder.h"
#include "indexer/source_record.h"

namespace newsindex {

struct WriterOptions {
  double lock_timeout = 0;        // seconds to wait for another writer
  size_t batch_documents = 4000;  // documents per committed transaction (tuned: docs/benchmarks.md, Indexing)
  double near_duplicate = 0.8;    // MinHash similarity for a near-duplicate (> 1: exact copies only; 0: keep all)
  std::function<void(const std::string&)> on_note;  // notices for stderr (replacements, copies)
  bool note_copies = true;        // say each copy of an indexed story (--quiet-copies: not)
  size_t shards = 0;              // --shards: a new index is sharded this many ways (0: one database)
  bool parallel_shards = false;   // --parallel-shards: the new sharded index is written by one
                                  // writer per shard, its articles partitioned by key
};

class SourceWriter {
 public:
  virtual ~SourceWriter() = default;

  virtual std::optional<SourceRecord> source(const std::string& path) const = 0;
  virtual std::vector<SourceRecord> sources() const = 0;

  // Replaces everything `rec.path` contributed with `articles`, and records the source.
  // An article id already indexed from elsewhere is replaced (the newer copy wins).
  virtual void replace_source(const SourceRecord& rec, std::vector<BuiltArticle>& articles) = 0;
  // The pieces of replace_source, for a source written in several batches: forget what the
  // source had, add its articles (counting what was written into `counts`), record it.
  virtual void clear_source(const std::string& path) = 0;
  virtual void add_articles(const std::string& source, std::vector<BuiltArticle>& articles, SourceRecord& counts) = 0;
  // Records a source (also: seen again without changes, or how far a stopped run got).
  virtual void record_source(const SourceRecord& rec) = 0;
  // Removes a source and the articles read from it; returns how many articles went.
  virtual size_t remove_source(const std::string& path) = 0;
  // Removes one article (by id) with its passages and links; false when it is not indexed.
  virtual bool remove_article(const std::string& id) = 0;

  // Ends the current batch: everything so far is on disk. batch_full() says the batch is full.
  virtual void commit() = 0;
  virtual bool batch_full() const = 0;
  // Commits, then records the statistics queries read instead of walking the database
  // (common/kind_lengths.h). Call it at the end of a run.
  virtual void commit_with_stats() = 0;
  // Articles this writer indexed as copies of an indexed story.
  virtual size_t copies() const = 0;
  // Recorded sources that hold an article this writer removed with another source (the article
  // had replaced their copy): reading them again brings it back. Forgets them once asked.
  virtual std::vector<std::string> sources_to_read_again() = 0;
  // Where metadata and synonyms go: meta/ of a sharded index, else the database itself.
  virtual Xapian::WritableDatabase& meta() = 0;
};

// The writer an index takes: one per shard for an index created with --parallel-shards (its
// meta/ says so), else one ordered writer over the whole index.
std::unique_ptr<SourceWriter> open_writer(const std::string& path, const WriterOptions& opts);

}  // namespace newsindex
