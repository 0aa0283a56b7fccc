// Near-duplicate detection for wire copies: MinHash signatures over word shingles, and LSH band
// keys so candidates are found by a term lookup instead of a scan.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace newsindex {

inline constexpr size_t kMinhashSize = 32;  // hash functions in a signature
inline constexpr size_t kBandRows = 4;      // rows per LSH band (8 bands of 4)

using Signature = std::vector<uint32_t>;

// Signature of a text given as its normalized words (shingles of 3 consecutive words).
Signature minhash(const std::vector<std::string>& words);
// Band keys: two texts sharing any key are candidates (likely when similarity > ~0.6).
std::vector<std::string> band_keys(const Signature& sig);
// Estimated Jaccard similarity of the shingle sets (fraction of equal slots).
double similarity(const Signature& a, const Signature& b);

std::string serialise_signature(const Signature& sig);
Signature unserialise_signature(const std::string& s);

}  // namespace newsindex
