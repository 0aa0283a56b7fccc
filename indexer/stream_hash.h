// A streaming content hash for sources (change detection, not cryptographic). Its value for any
// prefix of a file is available while reading, so a file that only grew can be recognised.
#pragma once
#define XXH_STATIC_LINKING_ONLY  // XXH3_state_t by value: a StreamHash is copied to digest a prefix
#include <xxhash.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace newsindex {

// XXH3's 128-bit streaming hash: the digest of what has been hashed so far can be taken at any
// moment and hashing goes on, and it does not depend on how the bytes were split into updates.
class StreamHash {
 public:
  StreamHash();
  void update(std::string_view data);
  // 32 hex digits for everything hashed so far; hashing can go on afterwards.
  std::string hex() const;
  uint64_t bytes() const { return total_; }

 private:
  XXH3_state_t state_;
  uint64_t total_ = 0;
};

// The hash of a whole string, as StreamHash would give.
std::string stream_digest(std::string_view data);

}  // namespace newsindex
