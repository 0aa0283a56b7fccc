// The JSON backend of the structured printer. Scalars are written by nlohmann::json itself, so
// number formatting and escaping match a dumped nlohmann::json value byte for byte.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>
#include <vector>

#include "common/structured_printer.h"

namespace newsindex {

namespace {

class JsonSprinter : public StructuredPrinter {
 public:
  explicit JsonSprinter(std::ostream& out) : out_(out) {}

  void begin_map() override { open('{', '}'); }
  void begin_list() override { open('[', ']'); }
  void end() override {
    if (open_.empty()) return;
    out_ << open_.back().closer;
    open_.pop_back();
  }
  void map_key(std::string_view key) override {
    before_value();
    out_ << dump(nlohmann::json(key)) << ':';
    after_key_ = true;
  }
  void string(std::string_view s) override { scalar(dump(nlohmann::json(s))); }
  void integer(int64_t n) override { scalar(fmt::format("{}", n)); }
  void number(double x) override { scalar(dump(nlohmann::json(x))); }
  void boolean(bool b) override { scalar(b ? "true" : "false"); }
  void null() override { scalar("null"); }
  void separator() override { out_ << '\n'; }

 private:
  struct Open {
    char closer;
    bool empty = true;
  };

  static std::string dump(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  // A comma before every value of a container but its first; none between a key and its value.
  void before_value() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (open_.empty()) return;
    if (!open_.back().empty) out_ << ',';
    open_.back().empty = false;
  }
  void open(char opener, char closer) {
    before_value();
    out_ << opener;
    open_.push_back({closer});
  }
  void scalar(std::string_view text) {
    before_value();
    out_ << text;
  }

  std::ostream& out_;
  std::vector<Open> open_;
  bool after_key_ = false;
};

}  // namespace

std::unique_ptr<StructuredPrinter> make_json_sprinter(std::ostream& out) { return std::make_unique<JsonSprinter>(out); }

}  // namespace newsindex
