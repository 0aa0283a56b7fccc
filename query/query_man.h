// The newsquery-query(7) man page: the query language, from the text `newsquery --help-query`
// prints and the schema's field table.
#pragma once
#include <string>

namespace newsindex {

std::string query_man_page();

}  // namespace newsindex
