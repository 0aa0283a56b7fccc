#include "indexing.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <ostream>
#include <set>

#include "hash.h"
#include "text_decode.h"

namespace newsindex {

namespace {

class Run {
 public:
  Run(const IndexOptions& o, std::ostream& err) : opts_(o), err_(err), writer_(o.db, o.writer) {}

  void source_file(const FoundFile& f) {
    auto rec = writer_.source(f.path);
    if (!opts_.force && rec && rec->size == f.size && rec->mtime_ns == f.mtime_ns && !rec->hash.empty()) {
      ++sum_.unchanged;
      return;
    }
    std::string bytes = read_file_bytes(f.path, opts_.max_file_bytes);
    SourceRecord r{f.path, f.size, f.mtime_ns, hex_digest(bytes), 0, 0, 0, {}};
    if (!opts_.force && rec && rec->hash == r.hash) {
      writer_.record_source(r);  // touched, not changed
      ++sum_.unchanged;
      return;
    }
    index_bytes(bytes, r, f.path);
  }

  void source_stdin() {
    std::string bytes = read_stdin_bytes(opts_.max_file_bytes);
    std::string digest = hex_digest(bytes);
    SourceRecord r{"stdin:" + digest.substr(0, 12), bytes.size(), 0, digest, 0, 0, 0, {}};
    index_bytes(bytes, r, r.path);
  }

  void prune(const std::vector<std::string>& roots) {
    std::set<std::string> dirs;
    for (const auto& a : roots)
      if (std::filesystem::is_directory(a)) dirs.insert(a);
    for (const SourceRecord& s : writer_.sources()) {
      bool under = false;
      for (const auto& d : dirs)
        if (s.path.rfind(d, 0) == 0) under = true;
      if (under && !std::filesystem::exists(s.path)) {
        writer_.remove_source(s.path);
        ++sum_.removed;
      }
    }
  }

  void reject(const std::string& where, const std::string& why) {
    err_ << "newsindex: " << where << ": " << why << '\n';
    ++sum_.rejected;
  }
  void reject(const InputError& e) {
    err_ << "newsindex: " << e.what() << '\n';
    ++sum_.rejected;
  }

  IndexSummary finish() {
    writer_.commit();
    return sum_;
  }

 private:
  void index_bytes(const std::string& bytes, SourceRecord& r, const std::string& source) {
    if (bytes.empty()) throw InputError(source, "empty file: no text to index");
    if (looks_binary(bytes)) throw InputError(source, "binary data, not text (skipped)");
    Format fmt = opts_.format == Format::Auto ? detect_format(source, bytes.substr(0, 8192)) : opts_.format;
    ReadResult rr;
    if (fmt == Format::Html) {
      rr = read_source(bytes, source, fmt);
    } else {
      Decoded d = decode_text(bytes);
      if (d.invalid_sequences)
        err_ << fmt::format("newsindex: {}:{}: warning: {} invalid UTF-8 sequence(s) replaced with U+FFFD\n",
                            source, d.first_invalid_line, d.invalid_sequences);
      rr = read_source(d.text, source, fmt);
    }
    for (const auto& p : rr.problems) reject(p);
    std::vector<BuiltArticle> built;
    built.reserve(rr.articles.size());
    const bool from_stdin = source.rfind("stdin:", 0) == 0;
    for (Article& a : rr.articles) {
      a.source = source;
      if (from_stdin && a.id.empty() && a.url.empty()) a.id = source;
      assign_article_id(a);
      built.push_back(build_documents(a, analyzer_, opts_.build));
      sum_.articles++;
      sum_.passages += built.back().passage_docs.size();
      sum_.links += built.back().link_docs.size();
    }
    // A source with rejected parts is not recorded as done: the next run reports it again.
    if (!rr.problems.empty()) r.hash.clear();
    writer_.replace_source(r, built);
  }

  const IndexOptions& opts_;
  std::ostream& err_;
  IndexWriter writer_;
  Analyzer analyzer_;
  IndexSummary sum_;
};

}  // namespace

IndexSummary run_indexing(const std::vector<std::string>& paths, const IndexOptions& opts, std::ostream& err) {
  const auto t0 = std::chrono::steady_clock::now();
  Run run(opts, err);
  std::vector<std::string> files_and_dirs;
  bool want_stdin = false;
  for (const auto& p : paths) (p == "-" ? want_stdin = true : (files_and_dirs.push_back(p), false));
  auto on_error = [&](const std::string& where, const std::string& why) { run.reject(where, why); };
  for (const FoundFile& f : walk_sources(files_and_dirs, opts.walk, on_error)) {
    try {
      run.source_file(f);
    } catch (const InputError& e) {
      run.reject(e);
    }
  }
  if (want_stdin) {
    try {
      run.source_stdin();
    } catch (const InputError& e) {
      run.reject(e);
    }
  }
  if (opts.prune) run.prune(files_and_dirs);
  IndexSummary s = run.finish();
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return s;
}

std::string format_summary(const IndexSummary& s) {
  return fmt::format("newsindex: {} articles, {} passages, {} links indexed; {} rejected, {} unchanged, {} removed; {:.2f}s",
                     s.articles, s.passages, s.links, s.rejected, s.unchanged, s.removed, s.seconds);
}

}  // namespace newsindex
