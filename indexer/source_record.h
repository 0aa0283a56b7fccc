// A source's record in the index: what a file (or standard input) contributed and how far it is
// indexed, so that an incremental run passes over what did not change and resumes what grew.
#pragma once
#include <cstdint>
#include <string>

namespace newsindex {

struct SourceRecord {
  std::string path;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  std::string hash;          // of the whole content; empty when not done (rejected parts, stopped)
  size_t articles = 0, passages = 0, links = 0;
  std::string indexed_at;    // ISO 8601 UTC
  // JSON Lines: how far the source is indexed, always at a line end, so that a file that grew
  // (or a run that was stopped) goes on from there after checking the prefix is unchanged.
  std::string format;        // "jsonl" when the fields below apply
  uint64_t indexed_bytes = 0;
  uint64_t lines = 0;        // lines in those bytes
  std::string prefix_hash;   // StreamHash of those bytes
  bool partial = false;      // a run stopped inside this source

  bool complete() const { return !hash.empty() && !partial; }
  bool resumable() const { return format == "jsonl" && indexed_bytes > 0 && !prefix_hash.empty(); }
};

}  // namespace newsindex
