#include "readers/plain_text_reader.h"

#include "errors.h"
#include "readers/jsonl_reader.h"
#include "segment.h"

namespace newsindex {

Article read_plain_text(std::string_view text, const std::string& source) {
  Article a;
  a.source = source;
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) throw InputError(source, "empty file: no text to index");
  size_t nl = text.find('\n', start);
  if (nl == std::string_view::npos) nl = text.size();
  a.title = normalize_space(text.substr(start, nl - start));
  // Line numbers for passages: count newlines up to each paragraph's start.
  uint32_t line = 1;
  for (size_t k = 0; k < nl && k < text.size(); ++k) line += text[k] == '\n';
  size_t pos = nl;
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
