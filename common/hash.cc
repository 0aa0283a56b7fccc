#include "common/hash.h"

#include <fmt/format.h>

namespace newsindex {

// FNV-1a over 8-byte words with a final avalanche (splitmix64): fast and well mixed.
uint64_t hash64(std::string_view data, uint64_t seed) {
  uint64_t h = 0xcbf29ce484222325ULL ^ (seed * 0x9E3779B97F4A7C15ULL);
  for (unsigned char c : data) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= data.size();
  h += 0x9E3779B97F4A7C15ULL;
  h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27)) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31);
}

std::string hex_digest(std::string_view data) {
  return fmt::format("{:016x}{:016x}", hash64(data, 1), hash64(data, 2));
}

}  // namespace newsindex
