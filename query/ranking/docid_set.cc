#include "query/ranking/docid_set.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

namespace newsindex {

namespace {

std::vector<std::string> split_uuids(const std::string& joined) {
  std::vector<std::string> out;
  for (size_t start = 0;;) {
    const size_t end = joined.find(':', start);
    out.push_back(joined.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

}  // namespace

DocidSetSource::DocidSetSource(const std::vector<Xapian::docid>& ids, std::vector<std::string> shard_uuids)
    : uuids_(std::move(shard_uuids)) {
  if (uuids_.empty()) uuids_.emplace_back();
  const Xapian::docid n = static_cast<Xapian::docid>(uuids_.size());
  // Xapian interleaves a combined database's docids: shard (d - 1) mod n holds d as (d - 1) / n + 1.
  local_.resize(uuids_.size());
  for (Xapian::docid d : ids)
    if (d > 0) local_[(d - 1) % n].push_back((d - 1) / n + 1);
  for (auto& l : local_) {
    std::sort(l.begin(), l.end());
    l.erase(std::unique(l.begin(), l.end()), l.end());
  }
  if (local_.size() == 1) restart(local_.front());
}

void DocidSetSource::init(const Xapian::Database& db) {
  if (local_.size() == 1) {
    restart(local_.front());
    return;
  }
  const std::string uuid = db.get_uuid();
  const auto it = std::find(uuids_.begin(), uuids_.end(), uuid);
  if (uuid.empty() || it == uuids_.end())
    throw Xapian::InvalidOperationError(fmt::format("DocidSetSource: shard {} is not one of the database's shards", uuid));
  restart(local_[static_cast<size_t>(it - uuids_.begin())]);
}

void DocidSetSource::copy_ids_to(DocidSetSource& out) const {
  out.uuids_ = uuids_;
  out.local_ = local_;
  out.restart(ids());
}

Xapian::PostingSource* DocidSetSource::clone() const {
  auto* out = new DocidSetSource();
  copy_ids_to(*out);
  return out;
}

nlohmann::json DocidSetSource::to_json() const { return nlohmann::json{{"uuids", uuids_}, {"ids", local_}}; }

void DocidSetSource::from_json(const nlohmann::json& j, DocidSetSource& out) {
  if (!j.is_object() || !j.contains("uuids") || !j.contains("ids") || !j["uuids"].is_array() || !j["ids"].is_array() ||
      j["uuids"].size() != j["ids"].size())
    throw Xapian::SerialisationError("bad DocidSetSource parameters");
  try {
    out.uuids_ = j["uuids"].get<std::vector<std::string>>();
    out.local_ = j["ids"].get<std::vector<std::vector<Xapian::docid>>>();
  } catch (const nlohmann::json::exception& e) {
    throw Xapian::SerialisationError(std::string("bad DocidSetSource parameters: ") + e.what());
  }
  if (out.local_.size() == 1) out.restart(out.local_.front());
}

std::string DocidSetSource::serialise() const { return to_json().dump(); }

DocidSetSource* DocidSetSource::unserialise(const std::string& s) const {
  auto out = std::unique_ptr<DocidSetSource>(new DocidSetSource());
  from_json(nlohmann::json::parse(s, nullptr, false), *out);
  return out.release();
}

std::vector<std::string> shard_uuids(const Xapian::Database& db) { return split_uuids(db.get_uuid()); }

Xapian::Query docid_filter(const Xapian::Database& db, const std::vector<Xapian::docid>& ids) {
  return Xapian::Query((new DocidSetSource(ids, split_uuids(db.get_uuid())))->release());
}

}  // namespace newsindex
