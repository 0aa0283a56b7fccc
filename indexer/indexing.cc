#include "indexer/indexing.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <ostream>
#include <thread>
#include <unordered_map>

#include "common/ascii.h"
#include "common/errors.h"
#include "indexer/index_pipeline.h"
#include "indexer/index_writer.h"
#include "indexer/progress.h"
#include "indexer/readers/reader.h"

namespace newsindex {

namespace {

// Memory per input byte of a piece until its documents are built and measured (JSON Lines of
// news paragraphs come to about 60-100 times their size as in-memory Xapian documents).
constexpr double kDocumentExpansion = 80;

class Run {
 public:
  Run(const IndexOptions& o, std::ostream& err) : opts_(o), writer_(open_writer(o.db, with_notes(o.writer))), progress_(!o.quiet, err) {}

  // Walks the arguments and decides which sources need reading at all: an unchanged file
  // (same size and time as recorded) is passed over without being opened.
  void plan(const std::vector<std::string>& paths) {
    bool want_stdin = false;
    for (const auto& p : paths) (p == "-" ? want_stdin = true : (roots_.push_back(p), false));
    auto on_error = [&](const std::string& where, const std::string& why) { reject(printable_name(where) + ": " + why); };
    auto on_not_read = [&](const std::string& path) {
      ++sum_.not_read;
      const std::string name = ascii_lower(std::filesystem::path(path).filename().string());
      sum_.not_read_types.insert("." + file_extension(name) + (name.ends_with(".gz") ? ".gz" : ""));
      if (opts_.verbose) progress_.say(fmt::format("newsindex: {}: not read (not an article's type)", printable_name(path)));
    };
    std::vector<FoundFile> files = walk_sources(roots_, opts_.walk, on_error, on_not_read);
    skip_own_database(files);
    std::unordered_map<std::string, SourceRecord> recorded;
    for (SourceRecord& r : writer_->sources()) recorded.emplace(r.path, std::move(r));
    uint64_t total_bytes = 0;
    for (const FoundFile& f : files) {
      total_bytes += f.size;
      auto it = recorded.find(f.path);
      std::optional<SourceRecord> prev;
      if (it != recorded.end()) prev = it->second;
      if (!opts_.force && prev && prev->complete() && prev->size == f.size && prev->mtime_ns == f.mtime_ns) {
        if (opts_.verbose) progress_.say(fmt::format("newsindex: {}: unchanged", printable_name(f.path)));
        ++sum_.unchanged;
        progress_.add_files(1);
        progress_.add_bytes(f.size);
        continue;
      }
      plans_.push_back(SourcePlan{f.path, f, std::move(prev)});
    }
    if (want_stdin) plans_.push_back(SourcePlan{"-", {}, std::nullopt});
    progress_.set_total(files.size() + want_stdin, total_bytes);
  }

  // The database may sit inside a directory being indexed: never read its own files.
  void skip_own_database(std::vector<FoundFile>& files) const {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string db = fs::weakly_canonical(opts_.db, ec).string() + "/";
    if (ec) return;
    bool inside = false;
    for (const auto& r : roots_) {
      std::string root = fs::weakly_canonical(r, ec).string();
      inside = inside || (!ec && db.rfind(root + "/", 0) == 0);
    }
    if (!inside) return;
    std::erase_if(files, [&](const FoundFile& f) { return fs::weakly_canonical(f.path, ec).string().rfind(db, 0) == 0; });
  }

  void index() {
    PipelineOptions po;
    po.jobs = opts_.jobs ? opts_.jobs : std::max(1u, std::thread::hardware_concurrency());
    po.memory_limit = opts_.memory_limit;
    po.build = opts_.build;
    po.cut.format = opts_.format;
    po.cut.max_file_bytes = opts_.max_file_bytes;
    po.cut.chunk_bytes = opts_.chunk_bytes;
    po.cut.force = opts_.force;
    po.cut.expansion = kDocumentExpansion;
    try {
      bool finished = run_pipeline(plans_, po, [this](PieceResult& r) { write(r); });
      if (!finished) {
        sum_.interrupted = true;
        checkpoint();
      }
      writer_->commit();
    } catch (const Xapian::DatabaseError& e) {
      throw_write_error(opts_.db, e);
    }
  }

  // Removes the recorded sources under the given directories whose files are gone.
  void prune() {
    std::vector<std::string> dirs;
    for (const auto& a : roots_) {
      std::error_code ec;
      if (!std::filesystem::is_directory(a, ec)) continue;
      const std::string dir = canonical_path(a);
      dirs.push_back(dir.back() == '/' ? dir : dir + "/");
    }
    for (const SourceRecord& s : writer_->sources()) {
      bool under = false;
      for (const auto& d : dirs) under = under || s.path.rfind(d, 0) == 0;
      std::error_code ec;
      if (under && !std::filesystem::exists(s.path, ec)) {
        writer_->remove_source(s.path);
        progress_.say(fmt::format("newsindex: {}: gone, removed from the index (--prune)", printable_name(s.path)));
        ++sum_.removed;
      }
    }
    writer_->commit();
  }

  bool interrupted() const { return sum_.interrupted; }
  void commit_with_stats() {
    try {
      writer_->commit_with_stats();
    } catch (const Xapian::DatabaseError& e) {
      throw_write_error(opts_.db, e);
    }
  }

  // Sources that hold an article this run removed with another source (source_writer.h).
  std::vector<std::string> to_read_again() {
    std::vector<std::string> again = writer_->sources_to_read_again();
    for (const auto& p : again)
      progress_.say(fmt::format("newsindex: {}: holds an article whose newer copy left the index: read again",
                                printable_name(p)));
    return again;
  }

  IndexSummary finish() {
    progress_.stop();
    sum_.copies = writer_->copies();
    return sum_;
  }

 private:
  WriterOptions with_notes(WriterOptions w) {
    auto note = w.on_note;
    if (note) w.on_note = [this](const std::string& n) { progress_.say("newsindex: " + n); };
    return w;
  }

  void reject(const std::string& line) {
    progress_.say("newsindex: " + line);
    ++sum_.rejected;
  }

  // The summary counts what was built: every article read is indexed, copies included.
  void count(const std::vector<BuiltArticle>& built) {
    sum_.articles += built.size();
    for (const auto& b : built) {
      sum_.passages += b.passage_docs.size(), sum_.links += b.link_docs.size();
      sum_.no_body += b.body_missing;
    }
    progress_.add_articles(built.size());
  }

  // Called with each piece, in input order, on this thread: the only one touching the database.
  void write(PieceResult& r) {
    Piece& p = r.piece;
    progress_.add_bytes(p.input_bytes);
    if (p.kind == Piece::Kind::Lines || p.kind == Piece::Kind::Whole) sum_.bytes += p.input_bytes;
    for (const auto& w : r.warnings) progress_.say(w);
    switch (p.kind) {
      case Piece::Kind::Failed:
        reject(p.error->what());
        open_.reset();  // whatever is committed of it stays; the next run redoes the rest
        progress_.add_files(1);
        break;
      case Piece::Kind::Touched:
        if (opts_.verbose) progress_.say(fmt::format("newsindex: {}: unchanged (only its time moved)", printable_name(p.source)));
        writer_->record_source(p.record);
        ++sum_.unchanged;
        progress_.add_files(1);
        break;
      case Piece::Kind::Start:
        if (p.fresh) {
          writer_->clear_source(p.source);
          p.record.articles = p.record.passages = p.record.links = 0;
        } else {
          ++sum_.resumed;
        }
        open_ = OpenSource{p.record, p.record, true, writer_->copies()};
        break;
      case Piece::Kind::Lines: {
        for (const auto& e : r.problems) reject(e.what());
        count(r.built);
        writer_->add_articles(p.source, r.built, open_->rec);
        open_->clean = open_->clean && r.problems.empty();
        // How far the source is done, for a run that stops: only up to its first bad line,
        // so that the next run reports that line again.
        if (open_->clean) open_->resume = p.record;
        break;
      }
      case Piece::Kind::Done:
        finish_lines(p);
        progress_.add_files(1);
        break;
      case Piece::Kind::Whole:
        progress_.add_files(1);
        if (r.rejected_whole) {
          reject(r.problems.front().what());  // the source is left as it was
          break;
        }
        for (const auto& e : r.problems) reject(e.what());
        // A source with rejected parts is not recorded as done: the next run reports it again.
        if (!r.problems.empty()) p.record.hash.clear();
        count(r.built);
        {
          const size_t copies = writer_->copies();
          const size_t articles = r.built.size();
          size_t passages = 0, links = 0;
          for (const auto& b : r.built) passages += b.passage_docs.size(), links += b.link_docs.size();
          writer_->replace_source(p.record, r.built);
          say_indexed(p.source, r.format, articles, writer_->copies() - copies, passages, links);
        }
        break;
    }
    if (writer_->batch_full()) {
      checkpoint();
      writer_->commit();
    }
  }

  void finish_lines(Piece& p) {
    SourceRecord rec = p.record;
    rec.articles = open_->rec.articles;
    rec.passages = open_->rec.passages;
    rec.links = open_->rec.links;
    if (!open_->clean) {
      // Not recorded as done: the next run reads it all again and reports the bad lines again.
      rec.hash.clear();
      rec.indexed_bytes = rec.lines = 0;
      rec.prefix_hash.clear();
    }
    if (rec.articles == 0 && open_->clean) {
      reject(p.source + ": empty file: no text to index");
    } else {
      writer_->record_source(rec);
      say_indexed(p.source, Format::Jsonl, rec.articles, writer_->copies() - open_->copies_at_start, rec.passages, rec.links);
    }
    open_.reset();
  }

  // Before a commit inside a JSON Lines source: record how far it is done, so that a run
  // killed after this commit resumes there.
  void checkpoint() {
    if (!open_ || open_->resume.indexed_bytes == 0) return;
    SourceRecord rec = open_->resume;
    rec.articles = open_->rec.articles;
    rec.passages = open_->rec.passages;
    rec.links = open_->rec.links;
    rec.hash.clear();
    rec.partial = true;
    writer_->record_source(rec);
  }

  struct OpenSource {
    SourceRecord rec;     // counts written so far
    SourceRecord resume;  // the resume point of the last clean piece written
    bool clean = true;    // no rejected line so far
    size_t copies_at_start = 0;  // the writer's count of copies when the source began
  };

  // -v: what became of a source read whole or to its end.
  void say_indexed(const std::string& source, Format format, size_t articles, size_t copies, size_t passages,
                   size_t links) {
    if (!opts_.verbose) return;
    progress_.say(fmt::format("newsindex: {}: {}: {} articles indexed ({} of them copies of an indexed story), {} "
                              "passages, {} links",
                              printable_name(source), format_name(format), articles, copies, passages, links));
  }

  const IndexOptions& opts_;
  std::unique_ptr<SourceWriter> writer_;
  Progress progress_;
  std::vector<std::string> roots_;
  std::vector<SourcePlan> plans_;
  std::optional<OpenSource> open_;
  IndexSummary sum_;
};

}  // namespace

IndexSummary run_indexing(const std::vector<std::string>& paths, const IndexOptions& opts, std::ostream& err) {
  const auto t0 = std::chrono::steady_clock::now();
  IndexSummary s;
  std::vector<std::string> again;
  {
    Run run(opts, err);
    run.plan(paths);
    run.index();
    if (opts.prune && !run.interrupted()) run.prune();
    if (!run.interrupted()) {
      again = run.to_read_again();
      run.commit_with_stats();
    }
    s = run.finish();
  }
  if (!again.empty()) add_summary(s, read_again(again, opts, err));
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return s;
}

IndexSummary read_again(const std::vector<std::string>& sources, const IndexOptions& opts, std::ostream& err) {
  IndexOptions o = opts;
  o.force = true;
  o.prune = false;
  Run run(o, err);
  run.plan(sources);
  run.index();
  if (!run.interrupted()) run.commit_with_stats();
  return run.finish();
}

void add_summary(IndexSummary& into, const IndexSummary& more) {
  into.articles += more.articles;
  into.passages += more.passages;
  into.links += more.links;
  into.copies += more.copies;
  into.no_body += more.no_body;
  into.not_read += more.not_read;
  into.not_read_types.insert(more.not_read_types.begin(), more.not_read_types.end());
  into.rejected += more.rejected;
  into.bytes += more.bytes;
  into.interrupted = into.interrupted || more.interrupted;
}

std::string format_summary(const IndexSummary& s) {
  std::string line = fmt::format(
      "newsindex: {} articles indexed ({} of them copies of an indexed story), {} passages, {} links; {} rejected, {} "
      "unchanged, {} removed; {:.1f} MB in {:.2f}s",
      s.articles, s.copies, s.passages, s.links, s.rejected, s.unchanged, s.removed, s.bytes / 1e6, s.seconds);
  if (s.no_body) line += fmt::format("; {} pages without an article body", s.no_body);
  if (s.resumed) line += fmt::format("; {} resumed (JSON Lines read on from their indexed lines)", s.resumed);
  if (s.not_read)
    line += fmt::format("; {} file{} of other types not read ({})", s.not_read, s.not_read == 1 ? "" : "s",
                        fmt::join(s.not_read_types, " "));
  return line;
}

}  // namespace newsindex
