// What newsquery, newsindex and newseval share about their command lines (CLI11): help grouped
// as their ProgramDoc says (everyday options first), defaults shown truthfully, examples at the
// end, and parse errors as one "PROGRAM: message" line like every other error.
#pragma once
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "common/program_doc.h"

namespace newsindex {

inline constexpr const char* kEverydayGroup = "Options";

// The option groups of `app` in the order help shows them: "Options" first, then `order`, then
// any other group in the order CLI11 met it. Hidden options (empty group) are left out.
inline std::vector<std::string> ordered_groups(const CLI::App& app, const std::vector<std::string>& order) {
  std::vector<std::string> out{kEverydayGroup};
  for (const auto& g : order) out.push_back(g);
  for (const auto& g : app.get_groups())
    if (!g.empty() && std::find(out.begin(), out.end(), g) == out.end()) out.push_back(g);
  return out;
}

// CLI11 names a flag pair "--mmap,!--no-mmap" as "--mmap, --no-mmap{false}" in --help: the
// value the negative flag sets, which reads as "default false" beside an option that is on by
// default. Help shows the names alone; the description says the default.
class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(std::vector<std::string> group_order = {}) : group_order_(std::move(group_order)) {}

  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    std::string name = CLI::Formatter::make_option_name(opt, is_positional);
    for (size_t open; (open = name.find('{')) != std::string::npos;) {
      const size_t close = name.find('}', open);
      if (close == std::string::npos) break;
      name.erase(open, close + 1 - open);
    }
    return name;
  }

  // CLI11 orders groups by their first option; help orders them by use instead.
  std::string make_help(const CLI::App* app, std::string name, CLI::AppFormatMode mode) const override {
    if (mode == CLI::AppFormatMode::Sub) return CLI::Formatter::make_help(app, name, mode);
    std::stringstream out;
    out << make_description(app) << make_usage(app, name) << make_positionals(app);
    for (const std::string& group : ordered_groups(*app, group_order_)) {
      auto opts = app->get_options(
          [&group](const CLI::Option* opt) { return opt->get_group() == group && opt->nonpositional(); });
      if (!opts.empty()) out << make_group(group, false, opts);
    }
    out << '\n' << make_footer(app);
    return out.str();
  }

 private:
  std::vector<std::string> group_order_;
};

// The help footer: a few examples, aligned.
inline std::string examples_footer(const std::vector<Example>& examples) {
  if (examples.empty()) return {};
  size_t width = 0;
  for (const auto& e : examples) width = std::max(width, e.command.size());
  std::string out = "Examples:\n";
  for (const auto& e : examples)
    out += "  " + e.command + std::string(width - e.command.size() + 2, ' ') + "# " + e.what + "\n";
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// Puts the options into the groups `doc` names, orders help by them and adds the examples.
// A name that is not an option throws CLI::OptionNotFound: the doc and the program disagree.
inline void use_help_formatter(CLI::App& app, const ProgramDoc& doc) {
  std::vector<std::string> order;
  for (const auto& g : doc.groups) {
    order.push_back(g.name);
    for (const auto& name : g.options) app.get_option(name)->group(g.name);
  }
  app.formatter(std::make_shared<HelpFormatter>(order));
  app.footer(examples_footer(doc.examples));
}

inline void use_help_formatter(CLI::App& app) { app.formatter(std::make_shared<HelpFormatter>()); }

// The exit status for a CLI11 parse error: --help and --version print as CLI11 does (0); a real
// error is one line on stderr, "PROGRAM: message (see PROGRAM --help)", and status 2.
inline int cli_parse_error(CLI::App& app, const CLI::ParseError& e, const std::string& program) {
  if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
  std::string message = e.what();
  for (char& c : message)
    if (c == '\n') c = ' ';
  while (!message.empty() && message.back() == ' ') message.pop_back();
  std::cerr << program << ": " << message << " (see " << program << " --help)\n";
  return 2;
}

}  // namespace newsindex
