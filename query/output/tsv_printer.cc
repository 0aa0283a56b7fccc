// TSV backend: the fields of kTsvFields, tabs/newlines/backslashes escaped as \t \n \\.
#include <fmt/format.h>

#include <ostream>

#include "query/output/printer.h"

namespace newsindex {

namespace {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default: out += c;
    }
  }
  return out;
}

class TsvPrinter : public Printer {
 public:
  TsvPrinter(std::ostream& out, const PrintOptions& o) : out_(out), o_(o) {}
  void begin() override {
    if (o_.header) out_ << (o_.batch ? "qid\t" : "") << kTsvFields << '\n';
  }
  void hit(const Hit& h) override {
    std::string matches;
    for (auto [s, e] : h.matches) matches += fmt::format("{}{}-{}", matches.empty() ? "" : ",", s, e);
    if (o_.batch) out_ << esc(h.qid) << '\t';
    out_ << h.rank << '\t' << fmt::format("{:.6g}", h.score) << '\t' << h.type << '\t' << esc(h.article) << '\t'
         << (h.passage ? std::to_string(*h.passage) : "") << '\t' << (h.date ? *h.date : "") << '\t'
         << esc(h.title) << '\t' << esc(h.section.value_or("")) << '\t' << esc(h.url) << '\t' << esc(h.source)
         << '\t' << esc(h.text) << '\t' << matches << '\t' << esc(h.category) << '\n';
  }

 private:
  std::ostream& out_;
  PrintOptions o_;
};

class TrecPrinter : public Printer {
 public:
  TrecPrinter(std::ostream& out, const PrintOptions& o) : out_(out), o_(o) {}
  void hit(const Hit& h) override {
    std::string id = h.article;
    if (!o_.articles && h.passage) id.append(1, '#').append(std::to_string(*h.passage));
    for (auto& c : id)
      if (c == ' ' || c == '\t' || c == '\n') c = '_';
    out_ << (h.qid.empty() ? "1" : h.qid) << " Q0 " << id << ' ' << h.rank << ' ' << fmt::format("{}", h.score)
         << " newsquery\n";
  }

 private:
  std::ostream& out_;
  PrintOptions o_;
};

}  // namespace

std::unique_ptr<Printer> make_tsv_printer(std::ostream& out, const PrintOptions& o) {
  return std::make_unique<TsvPrinter>(out, o);
}
std::unique_ptr<Printer> make_trec_printer(std::ostream& out, const PrintOptions& o) {
  return std::make_unique<TrecPrinter>(out, o);
}

}  // namespace newsindex
