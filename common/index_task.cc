#include "index_task.h"

#include <fmt/format.h>

#include "readers/jsonl_reader.h"
#include "text_decode.h"

namespace newsindex {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

void build_one(Article& a, const std::string& source, Analyzer& an, const BuildOptions& opts, PieceResult& r) {
  a.source = source;
  // Piped text has no path to name its articles by; its stdin:HASH name stands in.
  if (source.rfind("stdin:", 0) == 0 && a.id.empty() && a.url.empty()) a.id = source;
  assign_article_id(a);
  r.built.push_back(build_documents(a, an, opts));
}

// JSON is UTF-8: invalid sequences become U+FFFD, said once per piece with the first bad line.
void repair_lines(std::string& text, const Piece& p, PieceResult& r) {
  std::string repaired = text;
  size_t bad = repair_utf8(repaired);
  if (!bad) return;
  uint64_t line = p.first_line;
  for (size_t pos = 0; pos < text.size(); ++line) {
    size_t nl = std::min(text.find('\n', pos), text.size());
    std::string one = text.substr(pos, nl - pos);
    if (repair_utf8(one)) break;
    pos = nl + 1;
  }
  r.warnings.push_back(fmt::format("newsindex: {}:{}: warning: {} invalid UTF-8 sequence(s) replaced with U+FFFD",
                                   p.source, line, bad));
  text = std::move(repaired);
}

void process_lines(Piece& p, Analyzer& an, const BuildOptions& opts, PieceResult& r) {
  std::string text = std::move(p.text);
  if (p.first_line == 1 && text.size() >= 3 && std::string_view(text.data(), 3) == kUtf8Bom) text.erase(0, 3);
  repair_lines(text, p, r);
  std::string_view all(text);
  uint64_t line_no = p.first_line - 1;
  for (size_t pos = 0; pos < all.size();) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    ++line_no;
    std::string_view line = all.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    try {
      Article a = parse_jsonl_line(line, p.source, line_no);
      build_one(a, p.source, an, opts, r);
    } catch (const InputError& e) {
      r.problems.push_back(e);
    }
  }
}

void process_whole(Piece& p, Analyzer& an, const BuildOptions& opts, PieceResult& r) {
  const std::string bytes = std::move(p.text);
  try {
    if (bytes.empty()) throw InputError(p.source, "empty file: no text to index");
    if (looks_binary(bytes)) throw InputError(p.source, "binary data, not text (skipped)");
    Format fmt = p.format == Format::Auto ? detect_format(p.source, std::string_view(bytes).substr(0, 8192)) : p.format;
    ReadResult rr;
    if (fmt == Format::Html) {
      rr = read_source(bytes, p.source, fmt);  // HTML decodes by its own declaration
    } else {
      Decoded d = decode_text(bytes);
      if (d.invalid_sequences)
        r.warnings.push_back(fmt::format("newsindex: {}:{}: warning: {} invalid UTF-8 sequence(s) replaced with U+FFFD",
                                         p.source, d.first_invalid_line, d.invalid_sequences));
      rr = read_source(d.text, p.source, fmt);
    }
    r.problems = std::move(rr.problems);
    for (Article& a : rr.articles) build_one(a, p.source, an, opts, r);
  } catch (const InputError& e) {
    r.built.clear();
    r.problems = {e};
    r.rejected_whole = true;
  }
}

uint64_t doc_bytes(const Xapian::Document& d) {
  constexpr uint64_t kPerTerm = 192, kPerDoc = 512;
  return kPerDoc + d.termlist_count() * kPerTerm + d.get_data().size();
}

}  // namespace

uint64_t estimate_bytes(const std::vector<BuiltArticle>& built) {
  uint64_t n = 0;
  for (const BuiltArticle& b : built) {
    n += doc_bytes(b.article_doc);
    for (const auto& d : b.passage_docs) n += doc_bytes(d);
    for (const auto& d : b.link_docs) n += doc_bytes(d);
  }
  return n;
}

PieceResult process_piece(Piece piece, Analyzer& analyzer, const BuildOptions& opts) {
  PieceResult r;
  try {
    if (piece.kind == Piece::Kind::Lines) process_lines(piece, analyzer, opts, r);
    else if (piece.kind == Piece::Kind::Whole) process_whole(piece, analyzer, opts, r);
  } catch (...) {
    r.fatal = std::current_exception();
  }
  piece.text = std::string();
  r.piece = std::move(piece);
  return r;
}

}  // namespace newsindex
