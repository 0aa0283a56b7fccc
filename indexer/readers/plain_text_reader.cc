#include "indexer/readers/plain_text_reader.h"

#include "common/errors.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/segment.h"

namespace newsindex {

namespace {

// A first line longer than this is running text (a one-line dump, a paragraph), not a title.
constexpr size_t kMaxTitleBytes = 200;

// The beginning of a long line as a title: cut after a word, marked with an ellipsis.
std::string shortened(const std::string& line) {
  size_t cut = line.rfind(' ', kMaxTitleBytes);
  if (cut == std::string::npos || cut < kMaxTitleBytes / 2) {
    cut = kMaxTitleBytes;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  }
  return line.substr(0, cut) + "\u2026";
}

}  // namespace

Article read_plain_text(std::string_view text, const std::string& source) {
  Article a;
  a.source = source;
  // The title is the first line with something on it besides (Unicode) spaces.
  size_t start = 0, nl = 0;
  for (; start < text.size(); start = nl + 1) {
    nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    a.title = normalize_space(text.substr(start, nl - start));
    if (!a.title.empty()) break;
  }
  if (a.title.empty()) throw InputError(source, "empty file: no text to index");
  // Line numbers for passages: count newlines up to each paragraph's start.
  uint32_t line = 1;
  for (size_t k = 0; k < nl && k < text.size(); ++k) line += text[k] == '\n';
  size_t pos = nl;
  if (a.title.size() > kMaxTitleBytes) {  // a paragraph, not a title: it stays in the body
    a.title = shortened(a.title);
    pos = start;
  }
  std::string_view rest = pos < text.size() ? text.substr(pos) : std::string_view{};
  for (auto& p : split_paragraphs(rest)) {
    Block b;
    b.text = std::move(p);
    a.blocks.push_back(std::move(b));
  }
  if (a.blocks.empty()) {  // a one-line file: the line is the text as well as the title
    Block b;
    b.text = a.title;
    b.line = line;
    a.blocks.push_back(std::move(b));
  }
  return a;
}

}  // namespace newsindex
