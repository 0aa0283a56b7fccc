// StreamHash: the value of a prefix does not depend on how the bytes were split into updates
// (the incremental indexer compares prefix hashes taken while reading in blocks).
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "indexer/stream_hash.h"

using newsindex::stream_digest;
using newsindex::StreamHash;

TEST(StreamHash, SplitsDoNotMatter) {
  std::mt19937 rng(7);
  std::string data(10000, '\0');
  for (char& c : data) c = static_cast<char>(rng());
  const std::string whole = stream_digest(data);
  for (int trial = 0; trial < 50; ++trial) {
    StreamHash h;
    size_t pos = 0;
    while (pos < data.size()) {
      size_t n = std::min<size_t>(rng() % 37, data.size() - pos);
      h.update(std::string_view(data).substr(pos, n));
      pos += n;
    }
    EXPECT_EQ(h.hex(), whole);
  }
}

TEST(StreamHash, PrefixValueWhileGoingOn) {
  const std::string a = "{\"id\": 1}\n", b = "{\"id\": 2}\n";
  StreamHash h;
  h.update(a);
  EXPECT_EQ(h.hex(), stream_digest(a));
  h.update(b);
  EXPECT_EQ(h.hex(), stream_digest(a + b));
  EXPECT_EQ(h.bytes(), a.size() + b.size());
}

TEST(StreamHash, DifferentContentDiffers) {
  EXPECT_NE(stream_digest("abc"), stream_digest("abd"));
  EXPECT_NE(stream_digest(""), stream_digest(std::string(1, '\0')));
  EXPECT_NE(stream_digest("12345678"), stream_digest("1234567"));
  EXPECT_EQ(stream_digest("").size(), 32u);
}
