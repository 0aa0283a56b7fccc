// Content hashing for change detection and duplicate ids (not cryptographic): xxHash's XXH3,
// several times faster than a byte-at-a-time hash on shingles and whole articles
// (docs/benchmarks.md).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace newsindex {
uint64_t hash64(std::string_view data, uint64_t seed = 0);
// 32 hex digits: XXH3's 128-bit hash.
std::string hex_digest(std::string_view data);
}  // namespace newsindex
