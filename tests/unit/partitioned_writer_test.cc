// The partitioned writer (--parallel-shards): each article whole in the shard its key chooses, the
// newer copy of an id replacing the older, and sources merged from their per-shard records.
#include "indexer/partitioned_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "common/analyzer.h"
#include "common/schema.h"
#include "common/shard_layout.h"
#include "indexer/article.h"
#include "indexer/doc_builder.h"
#include "temp_dir.h"

namespace newsindex {
namespace {

SourceRecord record(const std::string& path, const std::string& hash, size_t articles) {
  SourceRecord r;
  r.path = path;
  r.size = 100;
  r.mtime_ns = 5;
  r.hash = hash;
  r.articles = articles;
  return r;
}

struct MergeCase {
  const char* what;
  std::vector<std::vector<SourceRecord>> per_shard;
  bool complete;
};

TEST(PartitionedWriter, SourceRecordsMergeOnlyWhenEveryShardAgrees) {
  SourceRecord resumable = record("/a.jsonl", "", 3);
  resumable.format = "jsonl";
  resumable.indexed_bytes = 40;
  resumable.prefix_hash = "p";
  resumable.partial = true;
  SourceRecord resumable_further = resumable;
  resumable_further.indexed_bytes = 80;
  const MergeCase cases[] = {
      {"all three agree", {{record("/a", "h", 3)}, {record("/a", "h", 3)}, {record("/a", "h", 3)}}, true},
      {"one shard has no record (killed before its commit)", {{record("/a", "h", 3)}, {}, {record("/a", "h", 3)}}, false},
      {"one shard has an older record", {{record("/a", "h", 3)}, {record("/a", "old", 2)}, {record("/a", "h", 3)}}, false},
      {"one record says rejected parts", {{record("/a", "h", 3)}, {record("/a", "", 3)}, {record("/a", "h", 3)}}, false},
  };
  for (const MergeCase& c : cases) {
    const std::vector<SourceRecord> merged = merge_shard_records(c.per_shard);
    ASSERT_EQ(merged.size(), 1u) << c.what;
    EXPECT_EQ(merged[0].complete(), c.complete) << c.what;
    EXPECT_FALSE(merged[0].resumable()) << c.what;
  }
  // Stopped JSON Lines: resumable only when every shard stopped at the same line.
  EXPECT_TRUE(merge_shard_records({{resumable}, {resumable}}).front().resumable());
  const SourceRecord split = merge_shard_records({{resumable}, {resumable_further}}).front();
  EXPECT_FALSE(split.resumable());
  EXPECT_FALSE(split.complete());
}

TEST(PartitionedWriter, SourcesKeepTheirFirstShardOrderAndLatestTime) {
  SourceRecord a = record("/a", "h", 1), b = record("/b", "h", 1), a2 = a;
  a.indexed_at = "2026-01-01T00:00:00Z";
  a2.indexed_at = "2026-01-01T00:00:01Z";
  const auto merged = merge_shard_records({{a, b}, {b, a2}});
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].path, "/a");
  EXPECT_EQ(merged[0].indexed_at, "2026-01-01T00:00:01Z");
  EXPECT_TRUE(merged[0].complete());
  EXPECT_TRUE(merged[1].complete());
}

BuiltArticle built(const std::string& id, const std::string& text, Analyzer& analyzer) {
  Article a;
  a.id = id;
  a.title = "Title of " + id;
  a.source = "/src.jsonl";
  a.blocks.push_back(Block{Block::Kind::Paragraph, text, 1});
  BuildOptions o;
  return build_documents(a, analyzer, o);
}

TEST(PartitionedWriter, ArticlesLiveWholeInTheShardTheirKeyChooses) {
  TempDir dir("partitioned");
  const std::string db = dir / "db";
  shards::create_sharded(db, 3, true);
  ASSERT_TRUE(shards::is_partitioned(db));
  Analyzer analyzer;
  WriterOptions o;
  o.near_duplicate = 0;
  {
    PartitionedWriter w(db, o);
    std::vector<BuiltArticle> articles;
    for (int i = 0; i < 30; ++i) articles.push_back(built("a" + std::to_string(i), "harbour crane number" + std::to_string(i), analyzer));
    w.replace_source(record("/src.jsonl", "h", 30), articles);
    // The newer copy of an id replaces the older, from another source too.
    std::vector<BuiltArticle> newer{built("a7", "glacier ferry", analyzer)};
    SourceRecord counts;
    w.clear_source("/other.jsonl");
    w.add_articles("/other.jsonl", newer, counts);
    w.record_source(record("/other.jsonl", "h2", 1));
    w.commit_with_stats();
    EXPECT_EQ(counts.articles, 1u);
    const auto sources = w.sources();
    ASSERT_EQ(sources.size(), 2u);
    EXPECT_EQ(sources[0].articles, 30u);
    EXPECT_TRUE(sources[0].complete());
  }
  const auto dirs = shards::local_shards(db);
  ASSERT_EQ(dirs.size(), 3u);
  size_t articles = 0;
  for (size_t i = 0; i < dirs.size(); ++i) {
    Xapian::Database shard(dirs[i]);
    const std::string kind = schema::kind_term(schema::Kind::Article);
    for (auto p = shard.postlist_begin(kind); p != shard.postlist_end(kind); ++p) {
      const std::string key = shard.get_document(*p).get_value(schema::kSlotArticle);
      EXPECT_EQ(shards::partition_of(key, 3), i);
      // Its passages are in the same shard.
      EXPECT_GE(shard.get_termfreq(schema::term(schema::FieldId::Article, key)), 2u);
      ++articles;
    }
    EXPECT_GT(shard.get_termfreq(kind), 0u) << "shard " << i << " holds none of 30 articles";
  }
  EXPECT_EQ(articles, 30u);
  Xapian::Database all(shards::stub_path(db));
  EXPECT_EQ(all.get_termfreq(schema::term(schema::FieldId::Uid, "a7")), 1u);
  EXPECT_EQ(Xapian::Database(shards::meta_path(db)).get_metadata(schema::kLanguagesKey), "english");
}

}  // namespace
}  // namespace newsindex
