#include "indexer/index_writer.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "common/records.h"
#include "indexer/dedup.h"
#include "common/errors.h"
#include "common/kind_lengths.h"
#include "common/schema.h"
#include "common/shard_layout.h"

namespace newsindex {

namespace {

std::string now_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Who holds the write lock, when known: a writer leaves its pid in this file next to Xapian's
// lock (Xapian's own lock does not say who holds it).
std::string holder_file(const std::string& path) { return path + "/newsindex.writer"; }

std::string lock_holder(const std::string& path) {
  std::ifstream in(holder_file(path));
  long pid = 0;
  std::string since;
  if (!(in >> pid >> since) || pid <= 0) return {};
  if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM) return {};  // stale: that process is gone
  return fmt::format(" by newsindex (pid {}, writing since {})", pid, since);
}

void write_holder(const std::string& path) {
  const std::string file = holder_file(path), tmp = file + ".tmp";
  std::ofstream out(tmp, std::ios::trunc);
  out << ::getpid() << ' ' << now_iso() << '\n';
  out.close();
  std::error_code ec;
  if (out) std::filesystem::rename(tmp, file, ec);
  else std::filesystem::remove(tmp, ec);  // informational only: never fail a run over it
}

// A new database is made whole beside its final path and renamed into place: a kill while Xapian
// is still creating its files must never leave a directory that looks like a database but cannot
// be opened. Two writers racing to create it: the second rename fails and that one opens the first's.
void create_whole(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec) || ec) return;  // an existing path is opened (or refused) by Xapian itself
  std::string base = path;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  const std::string tmp = fmt::format("{}.creating-{}", base, ::getpid());
  fs::remove_all(tmp, ec);
  {
    Xapian::WritableDatabase db(tmp, Xapian::DB_CREATE);
    db.set_metadata(schema::kVersionKey, std::to_string(schema::kSchemaVersion));
    db.commit();
  }
  fs::rename(tmp, base, ec);
  if (ec) fs::remove_all(tmp, ec);
}

}  // namespace

Xapian::WritableDatabase open_writable(const std::string& path, const std::string& where, double lock_timeout) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(lock_timeout);
  while (true) {
    try {
      if (where == path) create_whole(path);
      return Xapian::WritableDatabase(where, where == path ? Xapian::DB_CREATE_OR_OPEN : Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseLockError& e) {
      if (std::chrono::steady_clock::now() >= deadline)
        throw DatabaseError(fmt::format(
            "{}: database is locked{} (another writer; waited {:g}s, --lock-timeout SECONDS to wait longer)", printable_name(path),
            lock_holder(path), lock_timeout));
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    } catch (const Xapian::DatabaseOpeningError& e) {
      throw DatabaseError(fmt::format("{}: cannot open or create database: {}", printable_name(path), e.get_msg()));
    } catch (const Xapian::DatabaseCreateError& e) {
      throw DatabaseError(fmt::format("{}: cannot create database: {}", printable_name(path), e.get_msg()));
    } catch (const Xapian::DatabaseError& e) {
      throw_write_error(path, e);
    }
  }
}

namespace {

SourceRecord record_from_json(const std::string& data) {
  SourceRecord r;
  auto j = nlohmann::json::parse(data, nullptr, false);
  if (!j.is_object()) return r;
  r.path = j.value("path", "");
  r.size = j.value("size", uint64_t{0});
  r.mtime_ns = j.value("mtime_ns", int64_t{0});
  r.hash = j.value("hash", "");
  r.articles = j.value("articles", size_t{0});
  r.passages = j.value("passages", size_t{0});
  r.links = j.value("links", size_t{0});
  r.indexed_at = j.value("indexed_at", "");
  r.format = j.value("format", "");
  r.indexed_bytes = j.value("indexed_bytes", uint64_t{0});
  r.lines = j.value("lines", uint64_t{0});
  r.prefix_hash = j.value("prefix_hash", "");
  r.partial = j.value("partial", false);
  return r;
}

}  // namespace

[[noreturn]] void throw_write_error(const std::string& path, const Xapian::Error& e) {
  std::string why = e.get_msg().empty() ? e.get_type() : e.get_msg();
  if (const char* sys = e.get_error_string()) why.append(": ").append(sys);
  throw DatabaseError(fmt::format("{}: cannot write to the database: {} (disk full, or the directory not writable?); "
                                  "the last committed state is intact",
                                  printable_name(path), why));
}

void require_shard_count(const std::string& path, size_t shards) {
  if (shards == 0) return;
  const size_t has = shards::stub_lines(path).size();
  if (has != shards)
    throw DatabaseError(fmt::format("{}: has {} shards, not {} (--shards)", printable_name(path), has, shards));
}

namespace {

// Creates a sharded index when asked to (--shards) and none is there; refuses a shard count that
// differs from the existing index's. True when `path` is a sharded index.
bool prepare_layout(const std::string& path, size_t shards) {
  if (shards > 0) shards::create_sharded(path, shards);
  const bool sharded = shards::is_sharded(path);
  if (shards > 0 && !sharded)
    throw DatabaseError(fmt::format("{}: is one database, not a sharded index: --shards applies when creating an index",
                                    printable_name(path)));
  require_shard_count(path, shards);
  return sharded;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, const WriterOptions& opts)
    : path_(path),
      sharded_(prepare_layout(path, opts.shards)),
      db_(open_writable(path, sharded_ ? shards::stub_path(path) : path, opts.lock_timeout)),
      meta_(sharded_ ? open_writable(path, shards::meta_path(path), opts.lock_timeout) : db_),
      opts_(opts) {
  check_schema_version(meta_, path);
  try {
    if (meta_.get_metadata(schema::kVersionKey).empty()) {
      meta_.set_metadata(schema::kVersionKey, std::to_string(schema::kSchemaVersion));
      meta_.commit();
    }
  } catch (const Xapian::DatabaseError& e) {
    throw_write_error(path, e);
  }
  write_holder(path);
}

IndexWriter::~IndexWriter() {
  // An unfinished batch is cancelled by Xapian when the database closes: the last committed
  // state stays intact. Normal paths call commit() first.
  std::error_code ec;
  std::filesystem::remove(holder_file(path_), ec);
}

void IndexWriter::maybe_begin() {
  if (!in_txn_) {
    db_.begin_transaction(true);
    in_txn_ = true;
  }
}

void IndexWriter::commit() {
  if (in_txn_) {
    in_txn_ = false;
    try {
      if (new_language_) store_languages();
      db_.commit_transaction();
      // meta/ of a sharded index commits after the shards: its languages then never name
      // articles that are not on disk.
      if (sharded_) meta_.commit();
    } catch (const Xapian::DatabaseError& e) {
      throw_write_error(path_, e);
    }
  }
  pending_ = 0;
}

void IndexWriter::commit_with_stats() {
  commit();
  try {
    store_kind_lengths(db_, meta_);
  } catch (const Xapian::DatabaseError& e) {
    throw_write_error(path_, e);
  }
}

// The union of the languages recorded and this run's, written in the batch that brought a new one;
// a language whose articles were all removed since stays listed (a query then falls back to
// English, as with several languages).
void IndexWriter::store_languages() {
  const std::string old = meta_.get_metadata(schema::kLanguagesKey);
  std::set<std::string> all = languages_;
  for (auto& l : split_languages(old)) all.insert(std::move(l));
  std::string joined;
  for (const auto& l : all) joined.append(joined.empty() ? "" : ",").append(l);
  if (joined != old) meta_.set_metadata(schema::kLanguagesKey, joined);
  new_language_ = false;
}

std::optional<SourceRecord> IndexWriter::source(const std::string& path) const {
  const std::string key = schema::term(schema::FieldId::SourceKey, path);
  Xapian::PostingIterator it = db_.postlist_begin(key);
  if (it == db_.postlist_end(key)) return std::nullopt;
  return record_from_json(db_.get_document(*it).get_data());
}

std::vector<SourceRecord> IndexWriter::sources() const {
  std::vector<SourceRecord> out;
  const std::string kind = schema::kind_term(schema::Kind::Source);
  for (auto it = db_.postlist_begin(kind); it != db_.postlist_end(kind); ++it)
    out.push_back(record_from_json(db_.get_document(*it).get_data()));
  return out;
}

void IndexWriter::record_source(const SourceRecord& rec) {
  maybe_begin();
  Xapian::Document doc;
  const std::string key = schema::term(schema::FieldId::SourceKey, rec.path);
  doc.add_boolean_term(key);
  doc.add_boolean_term(schema::kind_term(schema::Kind::Source));
  doc.add_value(schema::kSlotKind, std::string(schema::kind_name(schema::Kind::Source)));
  doc.add_value(schema::kSlotSource, rec.path);
  doc.add_value(schema::kSlotHash, rec.hash);
  nlohmann::json j{{"path", rec.path},         {"size", rec.size},         {"mtime_ns", rec.mtime_ns},
                   {"hash", rec.hash},         {"articles", rec.articles}, {"passages", rec.passages},
                   {"links", rec.links},       {"indexed_at", rec.indexed_at.empty() ? now_iso() : rec.indexed_at}};
  if (!rec.format.empty()) {
    j["format"] = rec.format;
    j["indexed_bytes"] = rec.indexed_bytes;
    j["lines"] = rec.lines;
    j["prefix_hash"] = rec.prefix_hash;
  }
  if (rec.partial) j["partial"] = true;
  doc.set_data(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  db_.replace_document(key, doc);
  count(1);
}

void IndexWriter::replace_source(const SourceRecord& rec, std::vector<BuiltArticle>& articles) {
  clear_source(rec.path);
  SourceRecord r = rec;
  r.articles = r.passages = r.links = 0;
  r.indexed_at.clear();
  add_articles(rec.path, articles, r);
  record_source(r);
}

void IndexWriter::clear_source(const std::string& path) {
  maybe_begin();
  delete_records_of(path);
  count(1);
}

// Only article records carry the source term (schema 4): each takes its passages and links,
// which share its article term, with it.
size_t IndexWriter::delete_records_of(const std::string& path) {
  const std::string source = schema::term(schema::FieldId::Source, path);
  std::vector<std::string> keys;
  for (auto p = db_.postlist_begin(source); p != db_.postlist_end(source); ++p) {
    const Xapian::Document d = db_.get_document(*p);
    keys.push_back(d.get_value(schema::kSlotArticle));
    // Other files that hold this article (it replaced their copy): one of them brings it back.
    if (std::vector<std::string> others = held_also_in(d, path); !others.empty()) held_elsewhere_[keys.back()] = others;
  }
  for (const auto& key : keys) db_.delete_document(schema::term(schema::FieldId::Article, key));
  db_.delete_document(schema::term(schema::FieldId::SourceKey, path));
  return keys.size();
}

void IndexWriter::add_articles(const std::string& source, std::vector<BuiltArticle>& articles, SourceRecord& r) {
  maybe_begin();
  size_t docs = 0;
  r.articles += articles.size();
  for (BuiltArticle& b : articles) {
    if (languages_.insert(b.language).second) new_language_ = true;
    hold_also_in(b, source);
    db_.delete_document(schema::term(schema::FieldId::Article, b.id));
    if (opts_.near_duplicate > 0) {
      if (auto m = find_duplicate(db_, b, opts_.near_duplicate)) {
        join_story(b, *m);
        ++copies_;
        if (opts_.on_note && opts_.note_copies)
          opts_.on_note(fmt::format("{}: article {} is a copy of {} (similarity {:.2f}): indexed, and grouped with its story",
                                    printable_name(source), printable_name(b.id), printable_name(m->original),
                                    m->similarity));
      }
    }
    db_.add_document(b.article_doc);
    for (auto& d : b.passage_docs) db_.add_document(d);
    for (auto& d : b.link_docs) db_.add_document(d);
    r.passages += b.passage_docs.size();
    r.links += b.link_docs.size();
    docs += 1 + b.passage_docs.size() + b.link_docs.size();
  }
  count(docs);
}

// The same id (or canonical URL) from another file: the newer replaces the older, said aloud,
// and the article's data lists the files that also hold it ("also_in"), so that removing the
// newer file reads an older one again instead of losing the article.
void IndexWriter::hold_also_in(BuiltArticle& b, const std::string& source) {
  std::vector<std::string> also_in;
  if (const auto doc = article_docid(db_, b.id)) {
    const Xapian::Document old = db_.get_document(*doc);
    const std::string old_source = old.get_value(schema::kSlotSource);
    also_in = held_also_in(old, source);
    if (old_source != source) {
      if (std::find(also_in.begin(), also_in.end(), old_source) == also_in.end()) also_in.push_back(old_source);
      if (opts_.on_note)
        opts_.on_note(fmt::format("{}: article {} replaces the copy from {}", printable_name(source),
                                  printable_name(b.id), printable_name(old_source)));
    }
  } else if (auto it = held_elsewhere_.find(schema::article_key(b.id)); it != held_elsewhere_.end()) {
    also_in = std::move(it->second);  // the source was cleared to be read again: keep its list
    held_elsewhere_.erase(it);
    std::erase(also_in, source);
  }
  if (also_in.empty()) return;
  auto j = nlohmann::json::parse(b.article_doc.get_data(), nullptr, false);
  if (!j.is_object()) return;
  j["also_in"] = also_in;
  b.article_doc.set_data(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

std::vector<std::string> IndexWriter::held_also_in(const Xapian::Document& article, const std::string& except) {
  std::vector<std::string> out;
  auto j = nlohmann::json::parse(article.get_data(), nullptr, false);
  if (!j.is_object()) return out;
  if (auto a = j.find("also_in"); a != j.end() && a->is_array())
    for (const auto& p : *a)
      if (p.is_string() && p.get<std::string>() != except) out.push_back(p.get<std::string>());
  return out;
}

std::vector<std::string> IndexWriter::sources_to_read_again() {
  std::set<std::string> out;
  for (const auto& [key, paths] : held_elsewhere_)
    if (db_.get_termfreq(schema::term(schema::FieldId::Uid, key)) == 0)  // not indexed again meanwhile
      for (const auto& p : paths)
        if (source(p)) out.insert(p);
  held_elsewhere_.clear();
  return {out.begin(), out.end()};
}

bool IndexWriter::remove_article(const std::string& id) {
  if (db_.get_termfreq(schema::term(schema::FieldId::Uid, id)) == 0) return false;
  maybe_begin();
  db_.delete_document(schema::term(schema::FieldId::Article, id));
  count(1);
  return true;
}

size_t IndexWriter::remove_source(const std::string& path) {
  maybe_begin();
  const size_t articles = delete_records_of(path);
  count(1);
  return articles;
}

}  // namespace newsindex
