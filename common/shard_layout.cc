#include "common/shard_layout.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/schema.h"

namespace newsindex::shards {

namespace fs = std::filesystem;

bool is_sharded(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec) && fs::is_regular_file(stub_path(path), ec);
}

std::string stub_path(const std::string& path) { return (fs::path(path) / kStubName).string(); }
std::string meta_path(const std::string& path) { return (fs::path(path) / kMetaName).string(); }
std::string shard_name(size_t i) { return fmt::format("shard-{:02}", i); }

std::vector<std::string> stub_lines(const std::string& path) {
  std::ifstream in(stub_path(path));
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    out.push_back(line.substr(start));
  }
  return out;
}

std::vector<std::string> local_shards(const std::string& path) {
  std::vector<std::string> out;
  for (const std::string& line : stub_lines(path)) {
    std::istringstream words(line);
    std::string type, name;
    words >> type >> name;
    if ((type == "glass" || type == "auto") && !name.empty())
      out.push_back(fs::path(name).is_absolute() ? name : (fs::path(path) / name).string());
  }
  return out;
}

void create_sharded(const std::string& path, size_t count) {
  std::error_code ec;
  if (fs::exists(path, ec) || ec) return;
  std::string base = path;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  const std::string tmp = fmt::format("{}.creating-{}", base, ::getpid());
  fs::remove_all(tmp, ec);
  fs::create_directories(tmp);
  std::ofstream stub(stub_path(tmp));
  for (size_t i = 0; i < count; ++i) {
    Xapian::WritableDatabase shard((fs::path(tmp) / shard_name(i)).string(), Xapian::DB_CREATE);
    shard.commit();
    stub << "glass " << shard_name(i) << '\n';
  }
  stub.close();
  {
    Xapian::WritableDatabase meta(meta_path(tmp), Xapian::DB_CREATE);
    meta.set_metadata(schema::kVersionKey, std::to_string(schema::kSchemaVersion));
    meta.commit();
  }
  fs::rename(tmp, base, ec);
  if (ec) fs::remove_all(tmp, ec);
}

}  // namespace newsindex::shards
