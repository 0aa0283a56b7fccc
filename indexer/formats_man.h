// The newsindex-formats(5) man page: the input formats, from the reader table and prose.
#pragma once
#include <string>

namespace newsindex {

std::string formats_man_page();

}  // namespace newsindex
