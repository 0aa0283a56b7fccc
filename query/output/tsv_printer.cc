// Row-shaped hit printers: the fields of kTsvFields as a row per hit through a row backend (TSV,
// CSV), and TREC run lines through the text one.
#include <fmt/format.h>

#include "query/output/printer.h"

namespace newsindex {

namespace {

class RowPrinter : public Printer {
 public:
  RowPrinter(std::unique_ptr<StructuredPrinter> rows, RowHeader header, const PrintOptions& o)
      : out_(std::move(rows)), header_(header), o_(o) {}
  void begin() override {
    if (header_ == RowHeader::First) write_header();
  }
  void hit(const Hit& h) override {
    if (header_ == RowHeader::BeforeHits) write_header();
    std::string matches;
    for (auto [s, e] : h.matches) matches += fmt::format("{}{}-{}", matches.empty() ? "" : ",", s, e);
    StructuredPrinter& out = *out_;
    if (o_.batch) out.string(h.qid);
    out.integer(static_cast<int64_t>(h.rank));
    out.number(h.score);
    out.string(h.type);
    out.string(h.article);
    h.passage ? out.integer(*h.passage) : out.null();
    out.string_or_null(h.date);
    out.string(h.title);
    out.string_or_null(h.section);
    out.string(h.url);
    out.string(h.source);
    out.string(h.text);
    out.string(matches);
    out.string(h.category);
    out.separator();
  }

 private:
  void write_header() {
    if (o_.batch) out_->string("qid");
    for (std::string_view rest = kTsvFields;;) {
      const size_t tab = rest.find('\t');
      out_->string(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    out_->separator();
    header_ = RowHeader::None;
  }

  std::unique_ptr<StructuredPrinter> out_;
  RowHeader header_;
  PrintOptions o_;
};

// "QID Q0 DOCID RANK SCORE RUN": six fields of text, the score in its shortest exact form.
class TrecPrinter : public Printer {
 public:
  TrecPrinter(std::ostream& out, const PrintOptions& o) : out_(make_text_sprinter(out)), o_(o) {}
  void hit(const Hit& h) override {
    std::string id = h.article;
    if (!o_.articles && h.passage) id.append(1, '#').append(std::to_string(*h.passage));
    for (auto& c : id)
      if (c == ' ' || c == '\t' || c == '\n') c = '_';
    out_->string(h.qid.empty() ? "1" : h.qid);
    out_->string("Q0");
    out_->string(id);
    out_->integer(static_cast<int64_t>(h.rank));
    out_->number(h.score);
    out_->string("newsquery");
    out_->separator();
  }

 private:
  std::unique_ptr<StructuredPrinter> out_;
  PrintOptions o_;
};

}  // namespace

std::unique_ptr<Printer> make_row_printer(std::unique_ptr<StructuredPrinter> rows, RowHeader header, const PrintOptions& o) {
  return std::make_unique<RowPrinter>(std::move(rows), header, o);
}
std::unique_ptr<Printer> make_trec_printer(std::ostream& out, const PrintOptions& o) {
  return std::make_unique<TrecPrinter>(out, o);
}

}  // namespace newsindex
