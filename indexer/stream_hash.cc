#include "indexer/stream_hash.h"

#include <fmt/format.h>

namespace newsindex {

StreamHash::StreamHash() { XXH3_128bits_reset(&state_); }

void StreamHash::update(std::string_view data) {
  XXH3_128bits_update(&state_, data.data(), data.size());
  total_ += data.size();
}

std::string StreamHash::hex() const {
  const XXH128_hash_t h = XXH3_128bits_digest(&state_);
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

std::string stream_digest(std::string_view data) {
  StreamHash h;
  h.update(data);
  return h.hex();
}

}  // namespace newsindex
