// A source's identity, shared by the indexer (what it records) and the query side (--show PATH).
#pragma once
#include <string>

namespace newsindex {

// A source's identity: its absolute path with "." and ".." and its folders' symbolic links
// resolved, so that every spelling of one file (relative, absolute, through a linked folder)
// names one source. A file that is itself a symbolic link keeps its name.
std::string canonical_path(const std::string& path);

}  // namespace newsindex
