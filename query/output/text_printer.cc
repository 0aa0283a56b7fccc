// Text backend for people: a header line per hit, then the passage with matches highlighted
// (ANSI colour only when asked: a terminal without NO_COLOR, or --color always), each line a
// record of the text structured printer.
#include <fmt/format.h>

#include "query/output/explain_printer.h"
#include "query/output/printer.h"

namespace newsindex {

namespace {

constexpr const char* kBold = "\x1b[1m";
constexpr const char* kMatch = "\x1b[1;31m";
constexpr const char* kDim = "\x1b[2m";
constexpr const char* kReset = "\x1b[0m";

// Back up to a UTF-8 lead byte so a trimmed snippet never splits a character.
size_t char_start(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

class TextPrinter : public Printer {
 public:
  TextPrinter(std::ostream& out, const PrintOptions& o) : out_(make_text_sprinter(out)), o_(o) {}

  void batch_query(const std::string& qid, const std::string& query, std::string_view note) override {
    if (printed_) out_->separator();
    line(fmt::format("# {}: {}", qid, query));
    if (!note.empty()) line(fmt::format("# {}: {}", qid, note));
    printed_ = true;
    after_header_ = true;
  }

  void hit(const Hit& h) override {
    if (printed_ && !after_header_) out_->separator();  // a blank line between hits, not under a header
    printed_ = true;
    after_header_ = false;
    std::string where = h.article + (h.passage ? fmt::format("#{}", *h.passage) : "");
    std::string head = fmt::format("{}{}. {}{}", c(kBold), h.rank, h.title.empty() ? where : h.title, c(kReset));
    if (h.date) head += "  " + *h.date;
    head += fmt::format("{}  [{} {:.3f}]{}", c(kDim), h.type == "passage" && h.caption ? "caption" : h.type, h.score,
                        c(kReset));
    line(head);
    std::string place = "   " + c(kDim) + where;
    if (h.section) place += " · " + *h.section;
    if (!h.category.empty()) place += " · category: " + h.category;
    if (h.type == "link") place += " · → " + h.url + (h.link_date ? " (" + *h.link_date + ")" : "");
    line(place + c(kReset));
    // With context, every passage line starts with its ordinal and, as grep -n marks lines,
    // ':' for the hit and '-' for context around it.
    const bool marked = h.with_context && h.passage;
    for (const auto& ctx : h.context_before) line(context_line(ctx));
    line("   " + (marked ? fmt::format("{}: ", *h.passage) : "") + highlighted(h));
    for (const auto& ctx : h.context_after) line(context_line(ctx));
    if (h.explain) line("   " + c(kDim) + "explain: " + explain_line(*h.explain) + c(kReset));
  }

 private:
  std::string c(const char* code) const { return o_.color ? code : ""; }

  void line(const std::string& s) {
    out_->string(s);
    out_->separator();
  }

  std::string context_line(const Hit::Context& ctx) const {
    auto [from, to] = snippet_span(ctx.text, {}, o_.snippet_length);
    return fmt::format("   {}{}- {}{}{}{}", c(kDim), ctx.passage, from > 0 ? "…" : "",
                       std::string_view(ctx.text).substr(from, to - from), to < ctx.text.size() ? "…" : "", c(kReset));
  }

  std::string highlighted(const Hit& h) const {
    std::string_view t = h.text;
    auto [from, to] = snippet_span(t, h.matches, o_.snippet_length);
    std::string out = from > 0 ? "…" : "";
    size_t at = from;
    for (auto [s, e] : h.matches) {
      if (s < at || e > to) continue;
      out.append(t.substr(at, s - at));
      out += o_.color ? std::string(kMatch) : std::string();
      out.append(t.substr(s, e - s));
      out += o_.color ? std::string(kReset) : std::string();
      at = e;
    }
    out.append(t.substr(at, to - at));
    if (to < t.size()) out += "…";
    return out;
  }

  std::unique_ptr<StructuredPrinter> out_;
  PrintOptions o_;
  bool printed_ = false;
  bool after_header_ = false;  // a "# QID: query" line was the last thing printed
};

}  // namespace

std::pair<size_t, size_t> snippet_span(std::string_view t, const std::vector<ByteRange>& matches, size_t length) {
  size_t from = 0, to = t.size();
  if (!length || t.size() <= length) return {from, to};
  const size_t centre = matches.empty() ? 0 : matches.front().first;
  from = centre > length / 3 ? char_start(t, centre - length / 3) : 0;
  to = char_start(t, std::min(t.size(), from + length));
  if (to < t.size()) to = std::max(from, char_start(t, t.rfind(' ', to) == std::string_view::npos ? to : t.rfind(' ', to)));
  if (from > 0) from = std::min(to, t.find(' ', from) == std::string_view::npos ? from : t.find(' ', from) + 1);
  return {from, to};
}

std::unique_ptr<Printer> make_text_printer(std::ostream& out, const PrintOptions& o) {
  return std::make_unique<TextPrinter>(out, o);
}

}  // namespace newsindex
