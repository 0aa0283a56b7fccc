// The row writer behind the delimited backends of the structured printer (TSV, CSV).
#include <fmt/format.h>

#include <ostream>

#include "common/sprinter_rows.h"

namespace newsindex {

namespace {

class RowSprinter : public FlatSprinter {
 public:
  RowSprinter(std::ostream& out, char delimiter, FieldWriter write_string)
      : out_(out), delimiter_(delimiter), write_string_(write_string) {}

  void string(std::string_view s) override {
    field();
    write_string_(out_, s);
  }
  void integer(int64_t n) override {
    field();
    out_ << n;
  }
  void number(double x) override {
    field();
    out_ << fmt::format("{:.6g}", x);
  }
  void boolean(bool b) override {
    field();
    out_ << (b ? "true" : "false");
  }
  void null() override { field(); }
  void separator() override {
    out_ << '\n';
    first_ = true;
  }

 private:
  void field() {
    if (!first_) out_ << delimiter_;
    first_ = false;
  }

  std::ostream& out_;
  const char delimiter_;
  const FieldWriter write_string_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<StructuredPrinter> make_row_sprinter(std::ostream& out, char delimiter, FieldWriter write_string) {
  return std::make_unique<RowSprinter>(out, delimiter, write_string);
}

}  // namespace newsindex
