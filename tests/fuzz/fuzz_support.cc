// Invariant checks shared by the fuzz targets (see fuzz_support.h).
#include "fuzz_support.h"

#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>

#include "indexer/doc_builder.h"
#include "indexer/segment.h"

namespace newsindex::fuzz {

namespace {

std::string escaped(std::string_view s) {
  std::string out;
  for (unsigned char c : s.substr(0, 300)) {
    if (c >= 0x20 && c < 0x7F && c != '\\') {
      out += static_cast<char>(c);
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    }
  }
  if (s.size() > 300) out += "...";
  return out;
}

bool is_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (d[i] < '0' || d[i] > '9') return false;
  return true;
}

}  // namespace

void fail(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) std::fprintf(stderr, "  value: \"%s\"\n", escaped(detail).c_str());
  std::abort();
}

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
  }
  return true;
}

bool on_boundary(std::string_view text, size_t offset) {
  if (offset > text.size()) return false;
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (char c : normalize_space(text))
    if (c != ' ') out += c;
  return out;
}

void check_normalized(std::string_view text, std::string_view what) {
  require(valid_utf8(text), what, text);
  if (text.empty()) return;
  require(text.front() != ' ' && text.back() != ' ', "leading or trailing space", text);
  require(text.find("  ") == std::string_view::npos, "double space", text);
  require(text.find_first_of("\t\n\r\f\v") == std::string_view::npos, "whitespace other than one space", text);
}

void check_tokens(std::string_view text, const Analysis& a) {
  const bool valid = valid_utf8(text);
  size_t prev_end = 0;
  for (size_t i = 0; i < a.tokens.size(); ++i) {
    const Token& t = a.tokens[i];
    require(t.start < t.end, "token start >= end", text);
    require(t.end <= text.size(), "token ends outside the text", text);
    require(t.start >= prev_end, "tokens overlap or go backwards", text);
    std::string_view word = text.substr(t.start, t.end - t.start);
    require(valid_utf8(word), "token bytes are not valid UTF-8", word);
    if (valid) require(on_boundary(text, t.start) && on_boundary(text, t.end), "token offset inside a character", text);
    require(t.pos == i, "token positions not 0, 1, 2, ...", text);
    require(!t.term.empty() && t.term.size() <= Analyzer::kMaxTermBytes, "empty or overlong term", t.term);
    require(valid_utf8(t.term), "term is not valid UTF-8", t.term);
    require(t.term.find_first_of(" \t\n\r") == std::string::npos, "term contains whitespace", t.term);
    prev_end = t.end;
  }
}

void check_article(const Article& a) {
  for (const std::string* s : {&a.id, &a.url, &a.title, &a.author, &a.category, &a.lang, &a.bio})
    require(valid_utf8(*s), "article field is not valid UTF-8", *s);
  if (a.date) require(is_date(*a.date), "article date is not YYYY-MM-DD", *a.date);
  for (const Block& b : a.blocks) {
    require(!b.text.empty(), "empty block");
    check_normalized(b.text, "block text is not valid UTF-8");
  }
  for (const LinkRef& l : a.links) {
    require(valid_utf8(l.url) && valid_utf8(l.anchor), "link is not valid UTF-8", l.url + " " + l.anchor);
    require(l.block_index >= -1 && l.block_index < static_cast<int>(a.blocks.size()), "link block index out of range",
            std::to_string(l.block_index));
  }
}

void index_article(Article& a) {
  if (a.source.empty()) a.source = "fuzz";
  assign_article_id(a);
  BuildOptions opts;
  opts.segment.max_words = 12;
  Segmented seg = segment(a, analyzer(), opts.segment);
  require(seg.block_passage.size() == a.blocks.size(), "block_passage does not cover every block");
  std::string blocks, passages;
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    require(seg.block_passage[i] <= seg.passages.size(), "block maps to a passage that does not exist");
    if (a.blocks[i].kind != Block::Kind::Heading) blocks += without_spaces(a.blocks[i].text);
  }
  for (size_t i = 0; i < seg.passages.size(); ++i) {
    const Passage& p = seg.passages[i];
    require(p.ordinal == i + 1, "passage ordinals not 1, 2, 3, ...");
    require(!p.text.empty(), "empty passage");
    check_normalized(p.text, "passage text is not valid UTF-8");
    check_normalized(p.section, "section is not valid UTF-8");
    passages += without_spaces(p.text);
  }
  // Without body text the article is one passage of its headline (or its last heading).
  if (blocks.empty()) require(seg.passages.size() <= 1, "an article without body text has several passages");
  else require(blocks == passages, "segmentation lost or duplicated text", blocks);
  BuiltArticle built = build_documents(a, analyzer(), opts);
  require(built.passage_docs.size() == seg.passages.size(), "one document per passage");
}

Analyzer& analyzer() {
  static Analyzer instance;
  return instance;
}

}  // namespace newsindex::fuzz
