// Mapped reads give exactly what pread gives: same bytes, short reads at the end, other
// writers' changes, files that grow, shrink or whose descriptor number is reused.
#include "query/mapped_reads.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <xapian.h>

#include <string>

#include "temp_dir.h"

namespace newsindex {
namespace {

class MappedReads : public ::testing::Test {
 protected:
  void SetUp() override { enable_mapped_reads(); }

  // A file of `size` bytes whose byte i is `seed + i` (mod 251): any misplaced copy shows.
  std::string make_file(const std::string& name, size_t size, unsigned seed) {
    std::string path = dir_ / name, bytes(size, '\0');
    for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((seed + i) % 251);
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    EXPECT_GE(fd, 0);
    EXPECT_EQ(::write(fd, bytes.data(), size), static_cast<ssize_t>(size));
    ::close(fd);
    return path;
  }

  // Reads enough for the file to be mapped (kMappedReadsAfter), checking each.
  static void read_often(int fd, size_t size, unsigned seed) {
    for (unsigned i = 0; i < kMappedReadsAfter + 10; ++i) {
      const size_t offset = (i * 4099u) % (size - 64);
      ASSERT_EQ(read_at(fd, 64, static_cast<off_t>(offset)), expected(size, seed, 64, offset)) << "read " << i;
    }
  }

  static std::string read_at(int fd, size_t n, off_t offset) {
    std::string buf(n, '\0');
    ssize_t got = ::pread(fd, buf.data(), n, offset);
    if (got < 0) return "error";
    buf.resize(static_cast<size_t>(got));
    return buf;
  }

  static std::string expected(size_t size, unsigned seed, size_t n, size_t offset) {
    std::string out;
    for (size_t i = offset; i < offset + n && i < size; ++i) out += static_cast<char>((seed + i) % 251);
    return out;
  }

  TempDir dir_{"mapped"};
};

TEST_F(MappedReads, SameBytesAsTheFile) {
  const size_t size = 300 * 1024 + 17;  // large enough to be mapped, not a whole number of blocks
  const std::string path = make_file("a", size, 3);
  int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  read_often(fd, size, 3);
  for (size_t offset : {size_t{0}, size_t{8192}, size_t{123457}, size - 8192})
    EXPECT_EQ(read_at(fd, 8192, static_cast<off_t>(offset)), expected(size, 3, 8192, offset)) << offset;
  EXPECT_EQ(read_at(fd, 8192, static_cast<off_t>(size - 100)), expected(size, 3, 100, size - 100)) << "short read at the end";
  EXPECT_EQ(read_at(fd, 10, static_cast<off_t>(size + 5)), "") << "past the end";
  ::close(fd);
}

TEST_F(MappedReads, SeesWritesGrowthAndShrinking) {
  const size_t size = 256 * 1024;
  const std::string path = make_file("b", size, 5);
  int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  read_often(fd, size, 5);
  int writer = ::open(path.c_str(), O_WRONLY);
  ASSERT_GE(writer, 0);
  ASSERT_EQ(::pwrite(writer, "rewritten", 9, 4096), 9);
  EXPECT_EQ(read_at(fd, 9, 4096), "rewritten") << "a write in place is seen at once";
  ASSERT_EQ(::pwrite(writer, "appended", 8, static_cast<off_t>(size)), 8);
  EXPECT_EQ(read_at(fd, 8, static_cast<off_t>(size)), "appended") << "a read past the mapped end asks the file";
  ASSERT_EQ(::ftruncate(writer, 8192), 0);
  EXPECT_EQ(read_at(fd, 100, 100000), "") << "a shrunk file reads as its new length, not a crash";
  EXPECT_EQ(read_at(fd, 9, 4096), "rewritten");
  ::close(writer);
  ::close(fd);
}

TEST_F(MappedReads, ADescriptorNumberReusedReadsTheNewFile) {
  const std::string first = make_file("c", 128 * 1024, 7), second = make_file("d", 128 * 1024, 11);
  int fd = ::open(first.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  read_often(fd, 128 * 1024, 7);
  EXPECT_EQ(read_at(fd, 64, 1000), expected(128 * 1024, 7, 64, 1000));
  ::close(fd);
  int again = ::open(second.c_str(), O_RDONLY);
  ASSERT_EQ(again, fd) << "the lowest free number comes back";
  read_often(again, 128 * 1024, 11);
  EXPECT_EQ(read_at(again, 64, 1000), expected(128 * 1024, 11, 64, 1000));
  ::close(again);
}

TEST_F(MappedReads, XapianReadsTheSameDocuments) {
  const std::string path = dir_ / "db";
  const Xapian::docid n = 20000;
  auto data_of = [](Xapian::docid id) { return "document " + std::to_string(id) + std::string(150, static_cast<char>('a' + id % 26)); };
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    for (Xapian::docid id = 1; id <= n; ++id) {
      Xapian::Document d;
      d.add_term("w" + std::to_string(id % 97));
      d.set_data(data_of(id));
      db.add_document(d);
    }
    db.commit();
  }
  Xapian::Database db(path);
  // Jumping about makes a block read per lookup: enough for the files to be mapped midway.
  for (Xapian::docid k = 0; k < 3 * kMappedReadsAfter; ++k) {
    const Xapian::docid id = 1 + (k * 7919u) % n;
    ASSERT_EQ(db.get_document(id).get_data(), data_of(id)) << id;
  }
  EXPECT_EQ(db.get_termfreq("w5"), n / 97 + (n % 97 >= 5 ? 1u : 0u));
}

}  // namespace
}  // namespace newsindex
