#include "indexer/index_admin.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <stdio.h>

#include <filesystem>
#include <ostream>

#include "common/errors.h"
#include "common/schema.h"
#include "common/shard_layout.h"
#include "indexer/index_writer.h"
#include "indexer/source_files.h"
#include "common/url.h"

namespace fs = std::filesystem;

namespace newsindex {

uint64_t directory_bytes(const std::string& path) {
  uint64_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

RemoveResult remove_targets(SourceWriter& w, const std::vector<std::string>& targets, std::ostream& err) {
  RemoveResult r;
  for (const std::string& given : targets) {
    // A source is named by its canonical path; an article id is matched as given.
    const std::string t = given;
    if (const std::string path = canonical_path(given); w.source(path)) {
      r.articles += w.remove_source(path);
      ++r.sources;
      continue;
    }
    std::string dir = canonical_path(given);
    if (!dir.empty() && dir.back() != '/') dir += '/';
    size_t under = 0;
    for (const SourceRecord& s : w.sources())
      if (s.path.rfind(dir, 0) == 0) {
        r.articles += w.remove_source(s.path);
        ++under;
      }
    if (under) {
      r.sources += under;
      continue;
    }
    // An id as given, else as the canonical form of a URL.
    if (w.remove_article(t)) {
      ++r.articles;
      continue;
    }
    if (const std::string c = canonical_url(t); !c.empty() && c != t && w.remove_article(c)) {
      ++r.articles;
      continue;
    }
    err << "newsindex: " << printable_name(t) << ": not in the index (neither a source nor an article id)\n";
    ++r.not_found;
  }
  r.read_again = w.sources_to_read_again();
  w.commit_with_stats();
  return r;
}

void list_sources(const SourceWriter& w, const std::vector<std::string>& paths, StructuredPrinter& out) {
  std::vector<std::string> wanted;
  for (const auto& p : paths) wanted.push_back(canonical_path(p));
  auto listed = [&](const std::string& source) {
    if (wanted.empty()) return true;
    for (const auto& p : wanted)
      if (source == p || source.rfind(p.back() == '/' ? p : p + "/", 0) == 0) return true;
    return false;
  };
  for (const SourceRecord& s : w.sources()) {
    if (!listed(s.path)) continue;
    if (out.is_text()) {
      out.string(fmt::format("{:>6} articles {:>7} passages  {}  {}{}", s.articles, s.passages, s.indexed_at, s.path,
                             s.hash.empty() ? "  (had rejected parts)" : ""));
    } else {
      out.begin_map();
      out.fields("source", s.path, "articles", s.articles, "passages", s.passages, "links", s.links, "bytes", s.size,
                 "indexed_at", s.indexed_at, "complete", !s.hash.empty());
      out.end();
    }
    out.separator();
  }
}

namespace {

// Compacts one database directory into place (the writer's lock is held by the caller).
void compact_in_place(const std::string& path) {
  const std::string tmp = path + ".compact-tmp", old = path + ".compact-old";
  fs::remove_all(tmp);
  fs::remove_all(old);
  try {
    Xapian::Database(path).compact(tmp, Xapian::DBCOMPACT_NO_RENUMBER);
  } catch (const Xapian::Error& e) {
    fs::remove_all(tmp);
    throw DatabaseError(fmt::format("{}: compaction failed: {}", path, e.get_msg()));
  }
  // Swap the directories while still holding the lock; it moves away with the old copy. One
  // atomic exchange where the filesystem can (Linux renameat2): a reader or a kill at any
  // moment finds a whole database at `path`, never none.
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0) {
    fs::rename(tmp, old);
  } else {
    fs::rename(path, old);
    fs::rename(tmp, path);
  }
}

}  // namespace

CompactResult compact_database(const std::string& path, double lock_timeout) {
  CompactResult r;
  r.before_bytes = directory_bytes(path);
  // A sharded index compacts shard by shard (docids kept: they are the combined index's), then meta/.
  std::vector<std::string> parts{path};
  if (shards::is_sharded(path)) {
    parts = shards::local_shards(path);
    parts.push_back(shards::meta_path(path));
  }
  {
    WriterOptions wo;
    wo.lock_timeout = lock_timeout;
    IndexWriter lock(path, wo);  // no writer may change it meanwhile
    lock.commit_with_stats();    // the copy keeps the statistics queries read (kind_lengths.h)
    for (const std::string& part : parts) compact_in_place(part);
  }
  for (const std::string& part : parts) fs::remove_all(part + ".compact-old");
  r.after_bytes = directory_bytes(path);
  return r;
}

}  // namespace newsindex
