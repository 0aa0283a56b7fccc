#include "query/ranking/key_set_source.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>

namespace newsindex {

KeySetSource::KeySetSource(std::vector<std::string> terms) : terms_(std::move(terms)) {}

void KeySetSource::init(const Xapian::Database& db) {
  std::vector<Xapian::docid> ids;
  for (const auto& t : terms_) {
    auto p = db.postlist_begin(t);
    if (p != db.postlist_end(t)) ids.push_back(*p);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  restart(std::move(ids));
}

// CBOR byte strings: a term is bytes, not necessarily text.
std::string KeySetSource::serialise() const {
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& t : terms_) terms.push_back(nlohmann::json::binary_t(std::vector<std::uint8_t>(t.begin(), t.end())));
  const std::vector<std::uint8_t> out = nlohmann::json::to_cbor(terms);
  return std::string(out.begin(), out.end());
}

KeySetSource* KeySetSource::unserialise(const std::string& s) const {
  std::vector<std::string> terms;
  try {
    for (const auto& t : nlohmann::json::from_cbor(s)) {
      const auto& b = t.get_binary();
      terms.emplace_back(b.begin(), b.end());
    }
  } catch (const nlohmann::json::exception& e) {
    throw Xapian::SerialisationError(std::string("bad KeySetSource parameters: ") + e.what());
  }
  return new KeySetSource(std::move(terms));
}

}  // namespace newsindex
