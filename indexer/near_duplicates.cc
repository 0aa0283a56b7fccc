#include "indexer/near_duplicates.h"

#include <fmt/format.h>

#include <cstring>
#include <limits>

#include "common/hash.h"

namespace newsindex {

Signature minhash(const std::vector<std::string>& words) {
  Signature sig(kMinhashSize, std::numeric_limits<uint32_t>::max());
  if (words.empty()) return sig;
  const size_t n = words.size() < 3 ? 1 : words.size() - 2;
  std::string shingle;
  for (size_t i = 0; i < n; ++i) {
    shingle.clear();
    for (size_t k = i; k < std::min(words.size(), i + 3); ++k) shingle.append(words[k]).push_back(' ');
    const uint64_t h = hash64(shingle);
    // Slot k uses an independent hash derived from h (multiply-shift with odd constants).
    for (size_t k = 0; k < kMinhashSize; ++k) {
      uint64_t x = h ^ (0x9E3779B97F4A7C15ULL * (k + 1));
      x ^= x >> 33;
      x *= 0xFF51AFD7ED558CCDULL;
      x ^= x >> 33;
      sig[k] = std::min(sig[k], static_cast<uint32_t>(x));
    }
  }
  return sig;
}

std::vector<std::string> band_keys(const Signature& sig) {
  std::vector<std::string> keys;
  for (size_t b = 0; b + kBandRows <= sig.size(); b += kBandRows) {
    std::string band;
    for (size_t k = b; k < b + kBandRows; ++k) band.append(reinterpret_cast<const char*>(&sig[k]), sizeof(uint32_t));
    // Band number and 32 bits of the band's hash: 11-byte terms instead of 20 (8 per article, each
    // its own posting list). A collision only proposes a candidate; the signatures decide.
    const uint64_t h = hash64(band);
    keys.push_back(fmt::format("{:x}{:08x}", b / kBandRows, static_cast<uint32_t>(h ^ (h >> 32))));
  }
  return keys;
}

double similarity(const Signature& a, const Signature& b) {
  if (a.size() != b.size() || a.empty()) return 0;
  size_t same = 0;
  for (size_t k = 0; k < a.size(); ++k) same += a[k] == b[k];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

std::string serialise_signature(const Signature& sig) {
  return std::string(reinterpret_cast<const char*>(sig.data()), sig.size() * sizeof(uint32_t));
}

Signature unserialise_signature(const std::string& s) {
  Signature sig(s.size() / sizeof(uint32_t));
  for (size_t k = 0; k < sig.size(); ++k) std::memcpy(&sig[k], s.data() + k * sizeof(uint32_t), sizeof(uint32_t));
  return sig;
}

}  // namespace newsindex
