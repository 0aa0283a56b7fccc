// Content hashing for change detection and duplicate ids (not cryptographic).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace newsindex {
uint64_t hash64(std::string_view data, uint64_t seed = 0);
// 32 hex digits from two independent 64-bit hashes.
std::string hex_digest(std::string_view data);
}  // namespace newsindex
