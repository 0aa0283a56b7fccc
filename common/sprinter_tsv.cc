// The TSV backend of the structured printer: a record is a row, each scalar in it a field.
#include <fmt/format.h>

#include <ostream>

#include "common/structured_printer.h"

namespace newsindex {

namespace {

class TsvSprinter : public StructuredPrinter {
 public:
  explicit TsvSprinter(std::ostream& out) : out_(out) {}

  void begin_map() override {}
  void begin_list() override {}
  void end() override {}
  void map_key(std::string_view) override {}
  void string(std::string_view s) override {
    field();
    for (char c : s) {
      switch (c) {
        case '\t': out_ << "\\t"; break;
        case '\n': out_ << "\\n"; break;
        case '\r': out_ << "\\r"; break;
        case '\\': out_ << "\\\\"; break;
        default: out_ << c;
      }
    }
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
    if (!first_) out_ << '\t';
    first_ = false;
  }

  std::ostream& out_;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<StructuredPrinter> make_tsv_sprinter(std::ostream& out) { return std::make_unique<TsvSprinter>(out); }

}  // namespace newsindex
