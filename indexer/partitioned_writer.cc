#include "indexer/partitioned_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "common/database.h"
#include "common/errors.h"
#include "common/kind_lengths.h"
#include "common/schema.h"
#include "common/shard_layout.h"

namespace newsindex {

namespace {

// What must agree among a source's records for the source to count as indexed (not the time).
auto identity(const SourceRecord& r) {
  return std::tie(r.size, r.mtime_ns, r.hash, r.articles, r.passages, r.links, r.format, r.indexed_bytes, r.lines,
                  r.prefix_hash, r.partial);
}

}  // namespace

std::vector<SourceRecord> merge_shard_records(const std::vector<std::vector<SourceRecord>>& per_shard) {
  std::vector<std::string> order;
  std::map<std::string, std::vector<const SourceRecord*>> by_path;
  for (const auto& records : per_shard)
    for (const SourceRecord& r : records) {
      auto& seen = by_path[r.path];
      if (seen.empty()) order.push_back(r.path);
      seen.push_back(&r);
    }
  std::vector<SourceRecord> out;
  for (const std::string& path : order) {
    const auto& seen = by_path[path];
    SourceRecord merged = *seen.front();
    bool agree = seen.size() == per_shard.size();
    for (const SourceRecord* r : seen) {
      agree = agree && identity(*r) == identity(merged);
      merged.indexed_at = std::max(merged.indexed_at, r->indexed_at);
    }
    if (!agree) {
      // A run stopped between two shards' commits: neither complete nor resumable, so the next
      // run clears the source in every shard and reads it whole.
      merged.hash.clear();
      merged.indexed_bytes = merged.lines = 0;
      merged.prefix_hash.clear();
      merged.partial = false;
    }
    out.push_back(std::move(merged));
  }
  return out;
}

PartitionedWriter::PartitionedWriter(const std::string& path, const WriterOptions& opts)
    : path_(path), opts_(opts), meta_(open_writable(path, shards::meta_path(path), opts.lock_timeout)) {
  check_schema_version(meta_, path);
  const std::vector<std::string> dirs = shards::local_shards(path);
  if (dirs.size() != shards::stub_lines(path).size() || dirs.empty())
    throw DatabaseError(fmt::format("{}: a partitioned index is written only where all its shards are local",
                                    printable_name(path)));
  WriterOptions one = opts;
  one.shards = 0;
  one.parallel_shards = false;
  one.on_note = [this](const std::string& note) {
    std::lock_guard lock(notes_m_);
    notes_.push_back(note);
  };
  for (const std::string& dir : dirs) {
    auto s = std::make_unique<Shard>();
    s->writer = std::make_unique<IndexWriter>(dir, one);
    Shard& ref = *s;
    shards_.push_back(std::move(s));
    ref.thread = std::thread([this, &ref] { serve(ref); });
  }
}

PartitionedWriter::Shard::~Shard() {
  {
    std::lock_guard lock(m);
    stop = true;
    tasks.clear();  // not committed: dropped, as an unfinished batch is
  }
  cv.notify_all();
  if (thread.joinable()) thread.join();
}

PartitionedWriter::~PartitionedWriter() = default;

void PartitionedWriter::serve(Shard& s) {
  std::unique_lock lock(s.m);
  while (true) {
    s.cv.wait(lock, [&] { return s.stop || !s.tasks.empty(); });
    if (s.tasks.empty()) return;  // stopped
    Task task = std::move(s.tasks.front());
    s.tasks.pop_front();
    s.busy = true;
    const bool skip = static_cast<bool>(s.failed);
    lock.unlock();
    std::exception_ptr failure;
    if (!skip) {
      try {
        task(*s.writer);
      } catch (...) {  // handed to the caller's thread by drain(), which rethrows it
        failure = std::current_exception();
      }
    }
    s.copies = s.writer->copies();
    lock.lock();
    if (failure && !s.failed) s.failed = failure;
    s.busy = false;
    s.cv.notify_all();
  }
}

void PartitionedWriter::post(size_t shard, Task t) {
  say_notes();
  Shard& s = *shards_[shard];
  {
    std::lock_guard lock(s.m);
    if (s.failed) std::rethrow_exception(s.failed);
    s.tasks.push_back(std::move(t));
  }
  s.cv.notify_all();
}

void PartitionedWriter::post_all(const Task& t) {
  for (size_t i = 0; i < shards_.size(); ++i) post(i, t);
}

void PartitionedWriter::drain() const {
  for (const auto& s : shards_) {
    std::unique_lock lock(s->m);
    s->cv.wait(lock, [&] { return s->tasks.empty() && !s->busy; });
  }
  say_notes();
  for (const auto& s : shards_) {
    std::lock_guard lock(s->m);
    if (s->failed) std::rethrow_exception(s->failed);
  }
}

void PartitionedWriter::say_notes() const {
  std::vector<std::string> notes;
  {
    std::lock_guard lock(notes_m_);
    notes.swap(notes_);
  }
  if (opts_.on_note)
    for (const auto& n : notes) opts_.on_note(n);
}

std::vector<std::vector<BuiltArticle>> PartitionedWriter::partition(std::vector<BuiltArticle>& articles) const {
  std::vector<std::vector<BuiltArticle>> parts(shards_.size());
  for (BuiltArticle& b : articles) parts[shards::partition_of(schema::article_key(b.id), shards_.size())].push_back(std::move(b));
  articles.clear();
  return parts;
}

std::optional<SourceRecord> PartitionedWriter::source(const std::string& path) const {
  drain();
  std::vector<std::vector<SourceRecord>> per_shard;
  for (const auto& s : shards_) {
    per_shard.emplace_back();
    if (auto r = s->writer->source(path)) per_shard.back().push_back(std::move(*r));
  }
  std::vector<SourceRecord> merged = merge_shard_records(per_shard);
  if (merged.empty()) return std::nullopt;
  return merged.front();
}

std::vector<SourceRecord> PartitionedWriter::sources() const {
  drain();
  std::vector<std::vector<SourceRecord>> per_shard;
  for (const auto& s : shards_) per_shard.push_back(s->writer->sources());
  return merge_shard_records(per_shard);
}

void PartitionedWriter::replace_source(const SourceRecord& rec, std::vector<BuiltArticle>& articles) {
  // Every shard records the source's totals: their records then agree (merge_shard_records).
  SourceRecord total = rec;
  total.articles = articles.size();
  total.passages = total.links = 0;
  total.indexed_at.clear();
  for (const BuiltArticle& b : articles) total.passages += b.passage_docs.size(), total.links += b.link_docs.size();
  auto parts = partition(articles);
  for (size_t i = 0; i < shards_.size(); ++i) {
    auto part = std::make_shared<std::vector<BuiltArticle>>(std::move(parts[i]));
    pending_ += 1;
    for (const BuiltArticle& b : *part) pending_ += 1 + b.passage_docs.size() + b.link_docs.size();
    post(i, [part, total](IndexWriter& w) {
      w.clear_source(total.path);
      SourceRecord ignored;
      w.add_articles(total.path, *part, ignored);
      w.record_source(total);
    });
  }
}

void PartitionedWriter::clear_source(const std::string& path) {
  pending_ += shards_.size();
  post_all([path](IndexWriter& w) { w.clear_source(path); });
}

void PartitionedWriter::add_articles(const std::string& source, std::vector<BuiltArticle>& articles,
                                     SourceRecord& counts) {
  counts.articles += articles.size();
  for (const BuiltArticle& b : articles) {
    counts.passages += b.passage_docs.size(), counts.links += b.link_docs.size();
    pending_ += 1 + b.passage_docs.size() + b.link_docs.size();
  }
  auto parts = partition(articles);
  for (size_t i = 0; i < shards_.size(); ++i) {
    if (parts[i].empty()) continue;
    auto part = std::make_shared<std::vector<BuiltArticle>>(std::move(parts[i]));
    post(i, [part, source](IndexWriter& w) {
      SourceRecord ignored;
      w.add_articles(source, *part, ignored);
    });
  }
}

void PartitionedWriter::record_source(const SourceRecord& rec) {
  pending_ += shards_.size();
  post_all([rec](IndexWriter& w) { w.record_source(rec); });
}

size_t PartitionedWriter::remove_source(const std::string& path) {
  auto removed = std::make_shared<std::vector<size_t>>(shards_.size());
  for (size_t i = 0; i < shards_.size(); ++i)
    post(i, [removed, i, path](IndexWriter& w) { (*removed)[i] = w.remove_source(path); });
  pending_ += shards_.size();
  drain();
  size_t total = 0;
  for (size_t n : *removed) total += n;
  return total;
}

bool PartitionedWriter::remove_article(const std::string& id) {
  auto removed = std::make_shared<bool>(false);
  post(shards::partition_of(schema::article_key(id), shards_.size()),
       [removed, id](IndexWriter& w) { *removed = w.remove_article(id); });
  pending_ += 1;
  drain();
  return *removed;
}

void PartitionedWriter::commit() {
  post_all([](IndexWriter& w) { w.commit(); });
  drain();
  pending_ = 0;
  store_languages();
}

// Each shard's writer records the languages of its articles in its own metadata; queries read
// them from meta/, which gets their union.
void PartitionedWriter::store_languages() {
  const std::string old = meta_.get_metadata(schema::kLanguagesKey);
  std::set<std::string> all;
  for (auto& l : split_languages(old)) all.insert(std::move(l));
  for (const auto& s : shards_)
    for (auto& l : split_languages(s->writer->db().get_metadata(schema::kLanguagesKey))) all.insert(std::move(l));
  std::string joined;
  for (const auto& l : all) joined.append(joined.empty() ? "" : ",").append(l);
  if (joined == old) return;
  try {
    meta_.set_metadata(schema::kLanguagesKey, joined);
    meta_.commit();
  } catch (const Xapian::DatabaseError& e) {
    throw_write_error(path_, e);
  }
}

void PartitionedWriter::commit_with_stats() {
  commit();
  try {
    store_kind_lengths(Xapian::Database(shards::stub_path(path_)), meta_);
  } catch (const Xapian::DatabaseError& e) {
    throw_write_error(path_, e);
  }
}

size_t PartitionedWriter::copies() const {
  size_t n = 0;
  for (const auto& s : shards_) n += s->copies;
  return n;
}

std::vector<std::string> PartitionedWriter::sources_to_read_again() {
  drain();
  std::set<std::string> out;
  for (const auto& s : shards_)
    for (auto& p : s->writer->sources_to_read_again()) out.insert(std::move(p));
  return {out.begin(), out.end()};
}

}  // namespace newsindex
