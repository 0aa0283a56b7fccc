#include "indexer/index_task.h"

#include <fmt/format.h>

#include <filesystem>

#include "common/errors.h"
#include "indexer/readers/jsonl_reader.h"
#include "common/text_decode.h"

namespace newsindex {

namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Where to cut text at about `max` bytes: after a space or line end in the last half, else at
// a character boundary.
size_t cut_point(std::string_view s, size_t max) {
  if (s.size() <= max) return s.size();
  size_t sp = s.find_last_of(" \n", max);
  if (sp != std::string_view::npos && sp >= max / 2) return sp;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

std::string cut_warning(const std::string& source, size_t max) {
  return fmt::format("newsindex: {}: warning: text longer than {} bytes: the rest is not indexed (--max-article-size)",
                     printable_name(source), max);
}

// Keeps at most opts.max_article_bytes of an article's text: a huge article is cut, said once.
void cap_article(Article& a, const std::string& source, const BuildOptions& opts, PieceResult& r) {
  size_t total = 0;
  for (size_t i = 0; i < a.blocks.size(); ++i) {
    std::string& t = a.blocks[i].text;
    if (total + t.size() <= opts.max_article_bytes) {
      total += t.size();
      continue;
    }
    t.resize(cut_point(t, opts.max_article_bytes - total));
    t.shrink_to_fit();
    a.blocks.resize(t.empty() ? i : i + 1);
    r.warnings.push_back(cut_warning(a.source_line ? fmt::format("{}:{}", source, a.source_line) : source,
                                     opts.max_article_bytes));
    return;
  }
}

void build_one(Article& a, const std::string& source, Analyzer& an, const BuildOptions& opts, PieceResult& r) {
  cap_article(a, source, opts, r);
  a.source = source;
  // A folder of plain files sorted by desk (business/001.txt): the folder names the category.
  if (opts.category_from_dir && a.category.empty() && source.rfind("stdin:", 0) != 0)
    a.category = std::filesystem::path(source).parent_path().filename().string();
  // Piped text has no path to name its articles by; its stdin:HASH name stands in.
  if (source.rfind("stdin:", 0) == 0 && a.id.empty() && a.url.empty()) a.id = source;
  assign_article_id(a);
  if (a.body_missing)
    r.warnings.push_back(fmt::format("newsindex: {}: no article body found ({} bytes of text on the page): indexed "
                                     "with what was found, and never taken for a copy",
                                     printable_name(source), a.page_text_bytes));
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
                                   printable_name(p.source), line, bad));
  text = std::move(repaired);
}

void process_lines(Piece& p, Analyzer& an, const BuildOptions& opts, PieceResult& r) {
  r.format = Format::Jsonl;
  std::string text = std::move(p.text);
  if (p.first_line == 1 && text.size() >= 3 && std::string_view(text.data(), 3) == kUtf8Bom) text.erase(0, 3);
  repair_lines(text, p, r);
  for_each_jsonl_article(text, p.source, p.first_line, [&](Article& a) { build_one(a, p.source, an, opts, r); },
                         r.problems);
}

void process_whole(Piece& p, Analyzer& an, const BuildOptions& opts, PieceResult& r) {
  std::string bytes = std::move(p.text);
  try {
    if (bytes.empty()) throw InputError(p.source, "empty file: no text to index");
    if (looks_binary(bytes)) throw InputError(p.source, "binary data, not text (skipped)");
    Format fmt = p.format == Format::Auto ? detect_format(p.source, std::string_view(bytes).substr(0, 8192)) : p.format;
    r.format = fmt;
    ReadResult rr;
    const ReaderEntry& reader = reader_for(fmt);
    if (reader.raw_bytes) {
      // Markup is a few times its text: a page much larger than an article's limit is cut.
      if (const size_t max_page = 4 * opts.max_article_bytes; !reader.many && bytes.size() > max_page) {
        size_t lt = bytes.rfind('<', max_page);
        bytes.resize(lt != std::string::npos && lt >= max_page / 2 ? lt : max_page);
        bytes.shrink_to_fit();
        r.warnings.push_back(cut_warning(p.source, max_page));
      }
      rr = read_source(bytes, p.source, fmt);  // HTML decodes by its own declaration
    } else {
      Decoded d = decode_owned_text(std::move(bytes));
      if (d.invalid_sequences)
        r.warnings.push_back(fmt::format("newsindex: {}:{}: warning: {} invalid UTF-8 sequence(s) replaced with U+FFFD",
                                         printable_name(p.source), d.first_invalid_line, d.invalid_sequences));
      if (!reader.many && d.text.size() > opts.max_article_bytes) {  // one article: cut before it is parsed
        d.text.resize(cut_point(d.text, opts.max_article_bytes));
        d.text.shrink_to_fit();
        r.warnings.push_back(cut_warning(p.source, opts.max_article_bytes));
      }
      size_t nul_line = 0;
      if (size_t nuls = replace_nuls(d.text, nul_line))
        r.warnings.push_back(fmt::format("newsindex: {}:{}: warning: {} NUL byte(s) replaced with spaces",
                                         printable_name(p.source), nul_line, nuls));
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
