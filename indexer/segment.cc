#include "indexer/segment.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace newsindex {

std::string normalize_space(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto len = static_cast<int32_t>(std::min<size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < len) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, len, c);
    bool space = c >= 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
                            c == '\v' || (c >= 0x80 && u_isUWhiteSpace(c)));
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(text.substr(at, i - at));
  }
  return out;
}

namespace {

// Splits one long paragraph into windows of similar word counts at sentence breaks; a
// sentence that is itself huge (no punctuation in sight) is cut at word boundaries.
std::vector<std::string> split_long(const std::string& text, const Analysis& words, Analyzer& analyzer,
                                    size_t max_words) {
  std::vector<size_t> breaks = analyzer.sentence_breaks(text);
  // Sentence cut points, refined with word cuts inside over-long sentences.
  std::vector<std::pair<size_t, size_t>> units;  // [byte end, word count] per unit
  size_t w = 0, begin_word = 0;
  for (size_t b : breaks) {
    while (w < words.tokens.size() && words.tokens[w].start < b) {
      ++w;
      if (w - begin_word >= 2 * max_words && w < words.tokens.size()) {
        units.emplace_back(words.tokens[w].start, w - begin_word);
        begin_word = w;
      }
    }
    if (w > begin_word || units.empty() || b == text.size()) {
      units.emplace_back(b, w - begin_word);
      begin_word = w;
    }
  }
  const size_t total = words.tokens.size();
  const size_t windows = (total + max_words - 1) / max_words;
  const size_t target = (total + windows - 1) / windows;
  std::vector<std::string> out;
  size_t start = 0, count = 0;
  for (size_t k = 0; k < units.size(); ++k) {
    count += units[k].second;
    bool last = k + 1 == units.size();
    if (count >= target || last) {
      std::string piece = normalize_space(std::string_view(text).substr(start, units[k].first - start));
      if (!piece.empty()) out.push_back(std::move(piece));
      start = units[k].first;
      count = 0;
    }
  }
  return out;
}

}  // namespace

Segmented segment(const Article& article, Analyzer& analyzer, const SegmentOptions& opts) {
  Segmented out;
  std::string section;
  for (const Block& b : article.blocks) {
    if (b.kind == Block::Kind::Heading) {
      section = normalize_space(b.text);
      out.block_passage.push_back(static_cast<uint32_t>(out.passages.size()));
      continue;
    }
    std::string text = normalize_space(b.text);
    if (text.empty()) {
      out.block_passage.push_back(static_cast<uint32_t>(out.passages.size()));
      continue;
    }
    std::vector<std::string> pieces;
    Analysis words = analyzer.analyze(text, AnalyzeOptions{});
    if (words.tokens.size() > opts.max_words)
      pieces = split_long(text, words, analyzer, opts.max_words);
    else
      pieces.push_back(std::move(text));
    out.block_passage.push_back(static_cast<uint32_t>(out.passages.size() + 1));
    for (auto& piece : pieces) {
      Passage p;
      p.ordinal = static_cast<uint32_t>(out.passages.size() + 1);
      p.text = std::move(piece);
      p.section = section;
      p.caption = b.kind == Block::Kind::Caption;
      p.line = b.line;
      out.passages.push_back(std::move(p));
    }
  }
  // A headline without body text (a feed item or a JSON line that has only a title, a page whose
  // body is headings) is still a passage: passage mode, the default, finds every article.
  if (out.passages.empty()) {
    Passage p;
    p.ordinal = 1;
    p.text = normalize_space(article.title.empty() ? section : article.title);
    p.line = article.source_line;
    if (!p.text.empty()) out.passages.push_back(std::move(p));
  }
  return out;
}

}  // namespace newsindex
