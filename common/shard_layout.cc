#include "common/shard_layout.h"

#include <fmt/format.h>
#include <unistd.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/hash.h"
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

std::string local_shard_dir(const std::string& path, const std::string& line) {
  std::istringstream words(line);
  std::string type, name;
  words >> type >> name;
  if ((type != "glass" && type != "auto") || name.empty()) return "";
  return fs::path(name).is_absolute() ? name : (fs::path(path) / name).string();
}

std::vector<std::string> local_shards(const std::string& path) {
  std::vector<std::string> out;
  for (const std::string& line : stub_lines(path))
    if (std::string dir = local_shard_dir(path, line); !dir.empty()) out.push_back(std::move(dir));
  return out;
}

void create_sharded(const std::string& path, size_t count, bool partitioned) {
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
    if (partitioned) meta.set_metadata(schema::kPartitionKey, schema::kPartitionByArticleKey);
    meta.commit();
  }
  fs::rename(tmp, base, ec);
  if (ec) fs::remove_all(tmp, ec);
}

bool is_partitioned(const std::string& path) {
  if (!is_sharded(path)) return false;
  return Xapian::Database(meta_path(path)).get_metadata(schema::kPartitionKey) == schema::kPartitionByArticleKey;
}

size_t partition_of(std::string_view article_key, size_t count) {
  // A seed of its own: the choice of shard must not follow any other use of the same hash.
  return count ? hash64(article_key, 0x5eed5a7d) % count : 0;
}

}  // namespace newsindex::shards
