// Opening for reading: which errors a reader cures by opening its database again, and a sharded
// index whose stub lists no shard.
#include <gtest/gtest.h>
#include <xapian.h>

#include <filesystem>
#include <fstream>

#include "common/database.h"
#include "common/errors.h"
#include "common/shard_layout.h"

namespace newsindex {
namespace {

TEST(Database, ReopeningCuresAReplicaSwitchNotATimeout) {
  EXPECT_TRUE(worth_reopening(Xapian::DatabaseModifiedError("revision retired")));
  EXPECT_TRUE(worth_reopening(Xapian::DatabaseNotFoundError("Couldn't stat 'R/replica_1'")));
  EXPECT_TRUE(worth_reopening(Xapian::DatabaseOpeningError("Couldn't open R/replica_0/postlist.glass")));
  EXPECT_TRUE(worth_reopening(Xapian::NetworkError("Received EOF")));
  EXPECT_FALSE(worth_reopening(Xapian::NetworkTimeoutError("Timeout expired while trying to read")));
  EXPECT_FALSE(worth_reopening(Xapian::DatabaseLockError("locked")));
  EXPECT_FALSE(worth_reopening(Xapian::DatabaseCorruptError("bad block")));
  EXPECT_FALSE(worth_reopening(Xapian::QueryParserError("syntax")));
}

TEST(Database, AStubWithoutShardsIsRefused) {
  const auto dir = std::filesystem::temp_directory_path() / "newsindex-database-test";
  std::filesystem::remove_all(dir);
  shards::create_sharded(dir.string(), 2);
  EXPECT_EQ(open_for_reading(dir.string()).get_doccount(), 0u);
  std::ofstream(shards::stub_path(dir.string()), std::ios::trunc) << "# no shard\n";
  try {
    open_for_reading(dir.string());
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("lists no shard"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace newsindex
