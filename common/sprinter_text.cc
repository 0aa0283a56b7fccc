// The text backend of the structured printer: scalars as they are, for people.
#include <fmt/format.h>

#include <ostream>

#include "common/sprinter_rows.h"

namespace newsindex {

namespace {

class TextSprinter : public FlatSprinter {
 public:
  explicit TextSprinter(std::ostream& out) : out_(out) {}

  void string(std::string_view s) override { write(s); }
  void integer(int64_t n) override { write(fmt::format("{}", n)); }
  void number(double x) override { write(fmt::format("{}", x)); }
  void boolean(bool b) override { write(b ? "true" : "false"); }
  void null() override {}
  void separator() override {
    out_ << '\n';
    first_ = true;
  }
  bool is_text() const override { return true; }

 private:
  void write(std::string_view s) {
    if (!first_) out_ << ' ';
    first_ = false;
    out_ << s;
  }

  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<StructuredPrinter> make_text_sprinter(std::ostream& out) { return std::make_unique<TextSprinter>(out); }

}  // namespace newsindex
