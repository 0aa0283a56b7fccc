// What `--version` prints for every program: its own version, the index schema it reads and
// writes, and the Xapian and ICU libraries it runs with.
#pragma once
#include <string>
#include <string_view>

namespace newsindex {

// "PROGRAM VERSION (schema N[, DETAIL])" then "Xapian X.Y.Z, ICU A.B" on a second line.
// `detail` adds program-specific versions, such as newsquery's output format.
std::string version_text(std::string_view program, std::string_view detail = {});

}  // namespace newsindex
