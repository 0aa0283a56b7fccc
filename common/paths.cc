#include "common/paths.h"

#include <filesystem>

namespace fs = std::filesystem;

namespace newsindex {

std::string canonical_path(const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  if (ec || abs.empty()) return path;
  // The folder is resolved (symlinks, . and ..); a file that is itself a symbolic link keeps its
  // own name, which is what messages about it should show (two links to one file are two
  // sources, and the second is an exact copy of the first).
  if (!abs.has_filename()) abs = abs.parent_path();
  fs::path dir = fs::weakly_canonical(abs.parent_path(), ec);
  if (ec || dir.empty()) return abs.string();
  std::string s = (dir / abs.filename()).string();
  while (s.size() > 1 && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace newsindex
