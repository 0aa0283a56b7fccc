// Plain text: the first line is the title, blank lines separate paragraphs.
#pragma once
#include <string>
#include <string_view>

#include "indexer/article.h"

namespace newsindex {
Article read_plain_text(std::string_view text, const std::string& source);
}
