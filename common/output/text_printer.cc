// Text backend for people: a header line per hit, then the passage with matches highlighted
// (ANSI colour only when asked: a terminal without NO_COLOR, or --color always).
#include <fmt/format.h>

#include <ostream>

#include "output/printer.h"
#include "ranking/explain.h"

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
  TextPrinter(std::ostream& out, const PrintOptions& o) : out_(out), o_(o) {}
  void hit(const Hit& h) override {
    if (printed_++) out_ << '\n';
    std::string where = h.article + (h.passage ? fmt::format("#{}", *h.passage) : "");
    out_ << c(kBold) << h.rank << ". " << (h.title.empty() ? where : h.title) << c(kReset);
    if (h.date) out_ << "  " << *h.date;
    out_ << c(kDim) << fmt::format("  [{} {:.3f}]", h.type == "passage" && h.caption ? "caption" : h.type, h.score)
         << c(kReset) << '\n';
    out_ << "   " << c(kDim) << where;
    if (h.section) out_ << " · " << *h.section;
    if (h.type == "link") out_ << " · → " << h.url << (h.link_date ? " (" + *h.link_date + ")" : "");
    out_ << c(kReset) << '\n';
    for (const auto& ctx : h.context_before) out_ << "   " << c(kDim) << ctx.text << c(kReset) << '\n';
    out_ << "   " << highlighted(h) << '\n';
    for (const auto& ctx : h.context_after) out_ << "   " << c(kDim) << ctx.text << c(kReset) << '\n';
    if (!h.explain.empty())
      out_ << "   " << c(kDim) << "explain: " << explain_line(nlohmann::ordered_json::parse(h.explain, nullptr, false))
           << c(kReset) << '\n';
  }

 private:
  std::string c(const char* code) const { return o_.color ? code : ""; }

  std::string highlighted(const Hit& h) const {
    std::string_view t = h.text;
    size_t from = 0, to = t.size();
    if (o_.snippet_length && t.size() > o_.snippet_length) {
      size_t centre = h.matches.empty() ? 0 : h.matches.front().first;
      from = centre > o_.snippet_length / 3 ? char_start(t, centre - o_.snippet_length / 3) : 0;
      to = char_start(t, std::min(t.size(), from + o_.snippet_length));
      if (to < t.size()) to = std::max(from, char_start(t, t.rfind(' ', to) == std::string_view::npos ? to : t.rfind(' ', to)));
      if (from > 0) from = std::min(to, t.find(' ', from) == std::string_view::npos ? from : t.find(' ', from) + 1);
    }
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

  std::ostream& out_;
  PrintOptions o_;
  size_t printed_ = 0;
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::ostream& out, const PrintOptions& o) {
  return std::make_unique<TextPrinter>(out, o);
}

}  // namespace newsindex
