// A streaming content hash for sources (change detection, not cryptographic). Its value for any
// prefix of a file is available while reading, so a file that only grew can be recognised.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace newsindex {

class StreamHash {
 public:
  void update(std::string_view data);
  // 32 hex digits for everything hashed so far; hashing can go on afterwards.
  std::string hex() const;
  uint64_t bytes() const { return total_; }

 private:
  void mix(uint64_t word);
  uint64_t a_ = 0x243F6A8885A308D3ULL, b_ = 0x13198A2E03707344ULL;
  uint64_t total_ = 0;
  unsigned char tail_[8] = {};
  size_t tail_len_ = 0;
};

// The hash of a whole string, as StreamHash would give.
std::string stream_digest(std::string_view data);

}  // namespace newsindex
