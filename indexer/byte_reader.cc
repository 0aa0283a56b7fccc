#include "indexer/byte_reader.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "common/errors.h"

namespace newsindex {

namespace {

// Appends up to n bytes to `out` from read_some(buffer, want), which returns how many it read
// (0 at the end) or throws. Short reads are repeated until n bytes or the end, so callers see
// whole blocks; `out` is left as it was when read_some throws.
template <class ReadSome>
size_t append_bytes(std::string& out, size_t n, ReadSome read_some) {
  const size_t old = out.size();
  out.resize(old + n);
  size_t got = 0;
  try {
    while (got < n) {
      const size_t r = read_some(out.data() + old + got, n - got);
      if (r == 0) break;
      got += r;
    }
  } catch (...) {  // restore, then let the error go on to the caller
    out.resize(old);
    throw;
  }
  out.resize(old + got);
  return got;
}

class FileReader : public ByteReader {
 public:
  FileReader(const std::string& path, uint64_t max_bytes) : path_(path), max_(max_bytes) {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  }
  ~FileReader() override { ::close(fd_); }
  size_t read(std::string& out, size_t n) override {
    const size_t got = append_bytes(out, n, [&](char* buf, size_t want) -> size_t {
      for (;;) {
        ssize_t r = ::read(fd_, buf, want);
        if (r >= 0) return static_cast<size_t>(r);
        if (errno != EINTR) throw InputError(path_, std::string("read error: ") + std::strerror(errno));
      }
    });
    done_ += got;
    if (done_ > max_) throw InputError(path_, "file larger than --max-file-size");
    return got;
  }

 private:
  std::string path_;
  uint64_t max_, done_ = 0;
  int fd_ = -1;
};

class GzipReader : public ByteReader {
 public:
  GzipReader(const std::string& path, uint64_t max_bytes) : path_(path), max_(max_bytes) {
    f_ = gzopen(path.c_str(), "rb");
    if (!f_) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
    gzbuffer(f_, 1 << 17);
  }
  ~GzipReader() override { gzclose(f_); }
  size_t read(std::string& out, size_t n) override {
    const size_t got = append_bytes(out, n, [&](char* buf, size_t want) -> size_t {
      int r = gzread(f_, buf, static_cast<unsigned>(std::min<size_t>(want, 1u << 30)));
      if (r < 0) {
        int err = 0;
        throw InputError(path_, std::string("corrupt gzip data: ") + gzerror(f_, &err));
      }
      return static_cast<size_t>(r);
    });
    done_ += got;
    if (done_ > max_) throw InputError(path_, "decompressed size exceeds --max-file-size");
    return got;
  }

 private:
  std::string path_;
  uint64_t max_, done_ = 0;
  gzFile f_ = nullptr;
};

class MemoryReader : public ByteReader {
 public:
  explicit MemoryReader(std::string bytes) : bytes_(std::move(bytes)) {}
  size_t read(std::string& out, size_t n) override {
    size_t take = std::min(n, bytes_.size() - pos_);
    out.append(bytes_, pos_, take);
    pos_ += take;
    return take;
  }

 private:
  std::string bytes_;
  size_t pos_ = 0;
};

}  // namespace

std::unique_ptr<ByteReader> open_byte_reader(const std::string& path, uint64_t max_bytes) {
  const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  if (gz) return std::make_unique<GzipReader>(path, max_bytes);
  return std::make_unique<FileReader>(path, max_bytes);
}

std::unique_ptr<ByteReader> memory_byte_reader(std::string bytes) {
  return std::make_unique<MemoryReader>(std::move(bytes));
}

}  // namespace newsindex
