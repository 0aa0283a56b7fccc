// Finding and reading sources: directory walks (globs, hidden files, symlink loops), plain and
// gzip files, stdin.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/paths.h"

namespace newsindex {

struct WalkOptions {
  std::vector<std::string> include;  // globs on the file name or path; empty = everything
  std::vector<std::string> exclude;
  bool hidden = false;               // descend into / take .hidden entries found while walking
};

struct FoundFile {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
};

// True for a file whose name says it holds no article: a page's assets (styles, scripts, fonts,
// images), media, archives, office documents and executables (`.css`, `.js`, `.png`, `.mp4`,
// `.zip`, `.pdf`, …, also under `.gz`). A browser's "save page, complete" folder is full of them.
bool not_an_article_file(std::string_view path);

// Expands each argument (file or directory, recursively) into files, in a stable sorted order,
// each named by its canonical_path and listed once however often it was reached.
// Problems (unreadable directory, missing path) go to `on_error(path, reason)`. A file found by
// walking a directory that not_an_article_file() names, unless an include glob asks for it, is
// not returned but given to `on_not_read(path)`; a file named as an argument is always returned.
std::vector<FoundFile> walk_sources(const std::vector<std::string>& args, const WalkOptions& opts,
                                    const std::function<void(const std::string&, const std::string&)>& on_error,
                                    const std::function<void(const std::string&)>& on_not_read = {});

// Whole file contents; `.gz` files are decompressed. Throws InputError naming the path.
std::string read_file_bytes(const std::string& path, uint64_t max_bytes);

std::string read_stdin_bytes(uint64_t max_bytes);

}  // namespace newsindex
