// Bulk writing of a sharded index created with --parallel-shards: one IndexWriter per shard, each
// on its own thread, each article (with its passages and links) sent whole to the shard its key
// chooses (shards::partition_of). Ingest then scales with the shards instead of one writer's core.
#pragma once
#include <xapian.h>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "indexer/index_writer.h"
#include "indexer/source_writer.h"

namespace newsindex {

// What it gives up against one ordered writer (docs/scale-out.md): near-duplicates are found only
// among the articles of the same shard, and docids differ from one database's, so equal scores may
// come in another order. What it keeps: an article id always goes to the same shard, so the newer
// copy of an id replaces the older; every shard records every source (with the source's totals),
// and a source counts as indexed only when all shards' records agree, so a run killed between two
// shards' commits reads the source again instead of losing what one shard had not committed.
class PartitionedWriter : public SourceWriter {
 public:
  PartitionedWriter(const std::string& path, const WriterOptions& opts);
  ~PartitionedWriter() override;

  std::optional<SourceRecord> source(const std::string& path) const override;
  std::vector<SourceRecord> sources() const override;
  void replace_source(const SourceRecord& rec, std::vector<BuiltArticle>& articles) override;
  void clear_source(const std::string& path) override;
  void add_articles(const std::string& source, std::vector<BuiltArticle>& articles, SourceRecord& counts) override;
  void record_source(const SourceRecord& rec) override;
  size_t remove_source(const std::string& path) override;
  bool remove_article(const std::string& id) override;
  // Every shard commits; returns when all have (a batch is then on disk in every shard).
  void commit() override;
  bool batch_full() const override { return pending_ >= opts_.batch_documents * shards_.size(); }
  void commit_with_stats() override;
  // The copies the shards have written so far (all of them once a commit returned).
  size_t copies() const override;
  std::vector<std::string> sources_to_read_again() override;
  Xapian::WritableDatabase& meta() override { return meta_; }

 private:
  using Task = std::function<void(IndexWriter&)>;
  struct Shard {
    std::unique_ptr<IndexWriter> writer;
    std::mutex m;
    std::condition_variable cv;
    std::deque<Task> tasks;
    bool busy = false, stop = false;
    std::exception_ptr failed;  // the first failure: later tasks are dropped, the caller gets it
    std::atomic<size_t> copies{0};
    std::thread thread;
    ~Shard();  // stops and joins the thread, dropping what it was not yet given to do
  };
  void serve(Shard& s);
  void post(size_t shard, Task t);
  void post_all(const Task& t);
  // Waits until every shard has run what it was given; rethrows a shard's failure.
  void drain() const;
  // Notes from the shards' threads, said on the caller's thread (Progress is not thread-safe).
  void say_notes() const;
  std::vector<std::vector<BuiltArticle>> partition(std::vector<BuiltArticle>& articles) const;
  void store_languages();

  std::string path_;
  WriterOptions opts_;
  Xapian::WritableDatabase meta_;
  size_t pending_ = 0;
  mutable std::mutex notes_m_;
  mutable std::vector<std::string> notes_;
  // Last: destroyed first, so that a task still running when a failure unwinds the writer finds
  // the notes and meta/ in place while its thread is joined.
  std::vector<std::unique_ptr<Shard>> shards_;
};

// Sources as a partitioned index records them, one record per shard, merged into one per path:
// a source whose records are not all there or do not agree is not complete (read it again).
std::vector<SourceRecord> merge_shard_records(const std::vector<std::vector<SourceRecord>>& per_shard);

}  // namespace newsindex
