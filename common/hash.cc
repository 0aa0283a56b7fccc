#include "common/hash.h"

#include <fmt/format.h>
#include <xxhash.h>

namespace newsindex {

uint64_t hash64(std::string_view data, uint64_t seed) { return XXH3_64bits_withSeed(data.data(), data.size(), seed); }

std::string hex_digest(std::string_view data) {
  const XXH128_hash_t h = XXH3_128bits(data.data(), data.size());
  return fmt::format("{:016x}{:016x}", h.high64, h.low64);
}

}  // namespace newsindex
