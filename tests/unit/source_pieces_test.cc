// Cutting sources into pieces: JSON Lines in blocks of whole lines with their line numbers and
// resume points; a grown file read on after its indexed prefix; any other file whole.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "indexer/source_pieces.h"
#include "indexer/stream_hash.h"

namespace fs = std::filesystem;
using namespace newsindex;

namespace {

struct TempFile {
  fs::path path = fs::temp_directory_path() / ("pieces-" + std::to_string(::getpid()) + ".jsonl");
  ~TempFile() { fs::remove(path); }
  void write(const std::string& s) const { std::ofstream(path, std::ios::binary) << s; }
};

std::string lines(int from, int to) {
  std::string s;
  for (int i = from; i <= to; ++i) s += "{\"id\": \"a" + std::to_string(i) + "\", \"text\": \"Story number " + std::to_string(i) + ".\"}\n";
  return s;
}

std::vector<Piece> cut(const TempFile& f, const std::optional<SourceRecord>& prev, size_t chunk = 64) {
  SourcePlan plan{f.path.string(), {f.path.string(), fs::file_size(f.path), 1}, prev};
  CutOptions o;
  o.chunk_bytes = chunk;
  std::vector<Piece> out;
  cut_source(plan, o, [&](Piece&& p) { out.push_back(std::move(p)); return true; });
  return out;
}

}  // namespace

TEST(SourcePieces, JsonLinesInBlocksOfWholeLines) {
  TempFile f;
  const std::string text = lines(1, 20);
  f.write(text);
  auto pieces = cut(f, std::nullopt);
  ASSERT_GE(pieces.size(), 4u);
  EXPECT_EQ(pieces.front().kind, Piece::Kind::Start);
  EXPECT_TRUE(pieces.front().fresh);
  EXPECT_EQ(pieces.back().kind, Piece::Kind::Done);
  std::string joined;
  uint64_t next_line = 1;
  for (const Piece& p : pieces) {
    if (p.kind != Piece::Kind::Lines) continue;
    EXPECT_EQ(p.first_line, next_line);
    EXPECT_EQ(p.text.back(), '\n');
    next_line += static_cast<uint64_t>(std::count(p.text.begin(), p.text.end(), '\n'));
    joined += p.text;
    EXPECT_EQ(p.record.prefix_hash, stream_digest(text.substr(0, p.record.indexed_bytes)));
  }
  EXPECT_EQ(joined, text);
  const SourceRecord& done = pieces.back().record;
  EXPECT_EQ(done.hash, stream_digest(text));
  EXPECT_EQ(done.indexed_bytes, text.size());
  EXPECT_EQ(done.lines, 20u);
}

TEST(SourcePieces, GrownFileIsReadOnFromItsPrefix) {
  TempFile f;
  f.write(lines(1, 10));
  auto first = cut(f, std::nullopt);
  SourceRecord rec = first.back().record;
  f.write(lines(1, 15));
  auto second = cut(f, rec);
  ASSERT_EQ(second.front().kind, Piece::Kind::Start);
  EXPECT_FALSE(second.front().fresh);
  std::string read;
  for (const Piece& p : second)
    if (p.kind == Piece::Kind::Lines) read += p.text;
  EXPECT_EQ(read, lines(11, 15));
  EXPECT_EQ(second[1].first_line, 11u);
  EXPECT_EQ(second.back().record.lines, 15u);
}

TEST(SourcePieces, ChangedPrefixMeansFromScratch) {
  TempFile f;
  f.write(lines(1, 10));
  SourceRecord rec = cut(f, std::nullopt).back().record;
  std::string edited = lines(1, 12);
  edited[10] = 'X';
  f.write(edited);
  auto again = cut(f, rec);
  EXPECT_TRUE(again.front().fresh);
  EXPECT_EQ(again[1].first_line, 1u);
}

TEST(SourcePieces, SameContentIsOnlyTouched) {
  TempFile f;
  f.write(lines(1, 5));
  SourceRecord rec = cut(f, std::nullopt).back().record;
  rec.mtime_ns = 0;  // as if the file was touched since
  auto again = cut(f, rec);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again.front().kind, Piece::Kind::Touched);
}

TEST(SourcePieces, OtherFormatsComeWhole) {
  TempFile f;
  f.write("A plain title\n\nA paragraph about harbours.\n");
  SourcePlan plan{f.path.string() + ".txt", {}, std::nullopt};
  fs::rename(f.path, plan.path);
  plan.file = {plan.path, fs::file_size(plan.path), 1};
  std::vector<Piece> out;
  cut_source(plan, CutOptions{}, [&](Piece&& p) { out.push_back(std::move(p)); return true; });
  fs::rename(plan.path, f.path);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Piece::Kind::Whole);
  EXPECT_EQ(out[0].record.hash, stream_digest(out[0].text));
}

TEST(SourcePieces, MissingFileIsAFailedPiece) {
  SourcePlan plan{"/nonexistent/feed.jsonl", {"/nonexistent/feed.jsonl", 10, 1}, std::nullopt};
  std::vector<Piece> out;
  cut_source(plan, CutOptions{}, [&](Piece&& p) { out.push_back(std::move(p)); return true; });
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Piece::Kind::Failed);
  EXPECT_NE(std::string(out[0].error->what()).find("/nonexistent/feed.jsonl"), std::string::npos);
}
