// Invariants the fuzz targets check beyond "does not crash": valid UTF-8 out, token offsets on
// character boundaries, normalized passages, no text lost in segmentation.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/analyzer.h"
#include "indexer/article.h"

namespace newsindex::fuzz {

// Prints what broke (and the offending value, escaped) and aborts: libFuzzer saves the input.
[[noreturn]] void fail(std::string_view what, std::string_view detail = {});
inline void require(bool ok, std::string_view what, std::string_view detail = {}) {
  if (!ok) fail(what, detail);
}

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

bool valid_utf8(std::string_view s);
// True when `offset` is the end of `text` or the start of a character (not a continuation byte).
bool on_boundary(std::string_view text, size_t offset);
// The text without any whitespace: what must survive re-flowing into passages.
std::string without_spaces(std::string_view text);
// One space between words, none at the ends, no other whitespace (the readers' block form).
void check_normalized(std::string_view text, std::string_view what);

// Every token: start < end <= size, its bytes valid UTF-8 (and on boundaries when `text` is
// valid), positions 0, 1, 2, ..., terms non-empty, short and valid UTF-8.
void check_tokens(std::string_view text, const Analysis& a);

// Article fields valid UTF-8, blocks normalized and non-empty, link block indexes in range,
// dates YYYY-MM-DD.
void check_article(const Article& a);

// Segments (small windows, so long-paragraph splitting runs on small inputs), checks that no
// text is lost, then builds the Xapian documents as the indexer does.
void index_article(Article& a);

// One analyzer per process: fuzz targets run single-threaded and ICU setup is slow.
Analyzer& analyzer();

}  // namespace newsindex::fuzz
