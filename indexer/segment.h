// Segmentation: an article's blocks become passages (paragraph-sized, long paragraphs split at
// sentence breaks into windows of similar size); headings become the section of what follows.
#pragma once
#include <string>
#include <vector>

#include "common/analyzer.h"
#include "indexer/article.h"

namespace newsindex {

struct Passage {
  uint32_t ordinal = 0;   // 1-based position of the passage in its article
  std::string text;       // original characters, whitespace normalized
  std::string section;    // nearest heading above ("" if none)
  bool caption = false;
  uint32_t line = 0;      // source line where its block starts
};

struct Segmented {
  std::vector<Passage> passages;
  // For every block, the ordinal of the passage it is (or stands after, for headings); 0 = before
  // the first passage.
  std::vector<uint32_t> block_passage;
};

struct SegmentOptions {
  size_t max_words = 150;  // a paragraph longer than this is split at sentence breaks
};

Segmented segment(const Article& article, Analyzer& analyzer, const SegmentOptions& opts = {});

// Collapses whitespace runs (including no-break and other Unicode spaces) to one ASCII space
// and trims; the characters themselves are kept.
std::string normalize_space(std::string_view text);

}  // namespace newsindex
