#include "indexer/source_files.h"

#include <fnmatch.h>
#include <sys/stat.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>

#include "common/ascii.h"
#include "common/errors.h"
#include "common/paths.h"
#include "indexer/readers/reader.h"

namespace fs = std::filesystem;

namespace newsindex {

namespace {

bool glob_match(const std::vector<std::string>& globs, const std::string& path) {
  std::string name = fs::path(path).filename().string();
  for (const auto& g : globs)
    if (fnmatch(g.c_str(), name.c_str(), 0) == 0 || fnmatch(g.c_str(), path.c_str(), 0) == 0) return true;
  return false;
}

// Lower-case extensions of files that hold no article (see not_an_article_file).
constexpr std::string_view kNotArticles[] = {
    // a saved page's assets
    "css", "js", "mjs", "cjs", "map", "woff", "woff2", "ttf", "otf", "eot",
    // images
    "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp", "tif", "tiff", "svg", "heic",
    // audio and video
    "mp3", "m4a", "wav", "ogg", "oga", "flac", "mp4", "m4v", "webm", "mov", "avi", "mkv", "ogv",
    // archives (a lone .gz is decompressed and read)
    "zip", "7z", "rar", "tar", "tgz", "bz2", "xz", "zst",
    // documents newsindex does not read
    "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "epub",
    // programs and databases
    "exe", "dll", "so", "o", "class", "jar", "pyc", "glass"};

bool wanted(const std::string& path, const WalkOptions& o) {
  if (!o.include.empty() && !glob_match(o.include, path)) return false;
  return !glob_match(o.exclude, path);
}

std::optional<FoundFile> stat_file(const std::string& path, std::string& why) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  if (!S_ISREG(st.st_mode)) {
    why = "not a regular file (FIFO, socket or device): skipped";
    return std::nullopt;
  }
  FoundFile f;
  f.path = path;
  f.size = static_cast<uint64_t>(st.st_size);
  f.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  return f;
}

void walk_dir(const fs::path& dir, const WalkOptions& o, std::set<std::pair<dev_t, ino_t>>& seen,
              std::vector<FoundFile>& out,
              const std::function<void(const std::string&, const std::string&)>& on_error,
              const std::function<void(const std::string&)>& on_not_read) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return on_error(dir.string(), std::strerror(errno));
  if (!seen.insert({st.st_dev, st.st_ino}).second) return;  // a symlink loop or a second way in
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) return on_error(dir.string(), ec.message());
  std::vector<fs::path> entries;
  for (; it != end; it.increment(ec)) {
    if (ec) {
      on_error(dir.string(), ec.message());
      break;
    }
    entries.push_back(it->path());
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& p : entries) {
    std::string name = p.filename().string();
    if (!o.hidden && !name.empty() && name[0] == '.') continue;
    std::error_code e2;
    if (fs::is_directory(p, e2)) {
      walk_dir(p, o, seen, out, on_error, on_not_read);
    } else if (fs::is_regular_file(p, e2)) {
      if (!wanted(p.string(), o)) continue;
      if (o.include.empty() && not_an_article_file(p.string())) {
        if (on_not_read) on_not_read(p.string());
        continue;
      }
      std::string why;
      if (auto f = stat_file(p.string(), why)) out.push_back(*f);
      else on_error(p.string(), why);
    } else if (wanted(p.string(), o)) {
      // Never silently passed over: a link to nothing, or a FIFO, socket or device (a FIFO
      // would block the reader).
      if (fs::is_symlink(fs::symlink_status(p, e2))) on_error(p.string(), "dangling symbolic link");
      else on_error(p.string(), "not a regular file (FIFO, socket or device): skipped");
    }
  }
}

}  // namespace

bool not_an_article_file(std::string_view path) {
  const std::string name = ascii_lower(path.substr(path.find_last_of('/') + 1));
  if (name.find('.', 1) == std::string::npos) return false;  // no extension, or a dotfile's name alone
  return std::find(std::begin(kNotArticles), std::end(kNotArticles), file_extension(name)) != std::end(kNotArticles);
}

std::vector<FoundFile> walk_given(const std::vector<std::string>& args, const WalkOptions& opts,
                                  const std::function<void(const std::string&, const std::string&)>& on_error,
                                  const std::function<void(const std::string&)>& on_not_read);

std::vector<FoundFile> walk_sources(const std::vector<std::string>& args, const WalkOptions& opts,
                                    const std::function<void(const std::string&, const std::string&)>& on_error,
                                    const std::function<void(const std::string&)>& on_not_read) {
  std::vector<FoundFile> found = walk_given(args, opts, on_error, on_not_read);
  // One file is one source however it was reached: ./a/../a/x.txt, /abs/a/x.txt or a symlink.
  std::vector<FoundFile> out;
  std::set<std::string> seen;
  for (FoundFile& f : found) {
    f.path = canonical_path(f.path);
    if (seen.insert(f.path).second) out.push_back(std::move(f));
  }
  return out;
}

std::vector<FoundFile> walk_given(const std::vector<std::string>& args, const WalkOptions& opts,
                                  const std::function<void(const std::string&, const std::string&)>& on_error,
                                  const std::function<void(const std::string&)>& on_not_read) {
  std::vector<FoundFile> out;
  std::set<std::pair<dev_t, ino_t>> seen;
  for (const auto& a : args) {
    std::error_code ec;
    if (fs::is_directory(a, ec)) {
      walk_dir(a, opts, seen, out, on_error, on_not_read);
    } else {
      std::string why;
      if (auto f = stat_file(a, why)) out.push_back(*f);
      else on_error(a, why);
    }
  }
  return out;
}

std::string read_file_bytes(const std::string& path, uint64_t max_bytes) {
  const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  if (gz) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
    std::string out;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) {
      out.append(buf, static_cast<size_t>(n));
      if (out.size() > max_bytes) {
        gzclose(f);
        throw InputError(path, "decompressed size exceeds --max-file-size");
      }
    }
    int err = 0;
    std::string msg = n < 0 ? gzerror(f, &err) : "";
    gzclose(f);
    if (n < 0) throw InputError(path, "corrupt gzip data: " + msg);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  std::string out;
  in.seekg(0, std::ios::end);
  auto size = in.tellg();
  if (size > 0) {
    if (static_cast<uint64_t>(size) > max_bytes) throw InputError(path, "file larger than --max-file-size");
    out.resize(static_cast<size_t>(size));
    in.seekg(0);
    in.read(out.data(), size);
    out.resize(static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) throw InputError(path, std::string("read error: ") + std::strerror(errno));
  return out;
}

std::string read_stdin_bytes(uint64_t max_bytes) {
  std::string out((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (out.size() > max_bytes) throw InputError("-", "standard input larger than --max-file-size");
  return out;
}

}  // namespace newsindex
