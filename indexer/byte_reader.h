// Sequential reading of one source in blocks, from an offset: a plain file, a `.gz` file
// (decompressed) or bytes already in memory (stdin). A large file is indexed in pieces
// without ever being held whole.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

namespace newsindex {

class ByteReader {
 public:
  virtual ~ByteReader() = default;
  // Appends up to `n` bytes to `out`; returns how many were appended (0 at the end).
  // Throws InputError naming the path on a read error or past the size limit.
  virtual size_t read(std::string& out, size_t n) = 0;
};

std::unique_ptr<ByteReader> open_byte_reader(const std::string& path, uint64_t max_bytes);
std::unique_ptr<ByteReader> memory_byte_reader(std::string bytes);

}  // namespace newsindex
