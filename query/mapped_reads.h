// Xapian's block reads served from read-only mappings of the database files, for processes that
// read them a lot (newsquery --batch, big facets and wildcards).
//
// Xapian 1.4's glass backend reads every B-tree block with pread(2), a thousand or more per ranked
// query on a large index, and has no block cache of its own: the system calls are a large share of
// a batch query's CPU (docs/benchmarks.md). Once enabled, a file opened read-only (64 KB or more) that has
// been read often enough to repay the page faults of a fresh mapping (a few queries' worth) is
// mapped, and a pread within it is a copy from the mapping; anything else (writes, small files,
// reads past the mapped end) goes to the C library as before. A mapping reflects the page cache,
// so a reader sees exactly what pread would, writers' commits included.
//
// It works by interposing open, pread and close for the whole process (an executable's own
// definitions come first in symbol lookup); until enable_mapped_reads() they only forward
// (newsindex links them too, its own calls resolving here, and never enables them). A
// file that shrinks under its mapping (a database re-created in place) would raise SIGBUS on the
// copy: the copy is guarded, and falls back to pread.
#pragma once

namespace newsindex {

// Reads of one file before it is mapped.
inline constexpr unsigned kMappedReadsAfter = 2048;

// Maps read-only files opened from now on. False when this build has no mapped reads
// (sanitizer builds: their runtimes intercept the same calls).
bool enable_mapped_reads();

}  // namespace newsindex
