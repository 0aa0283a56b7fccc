// What newsquery and newsindex share about their command lines (CLI11): help that shows defaults
// truthfully, and parse errors as one "PROGRAM: message" line like every other error.
#pragma once
#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>
#include <string>

namespace newsindex {

// CLI11 names a flag pair "--mmap,!--no-mmap" as "--mmap, --no-mmap{false}" in --help: the
// value the negative flag sets, which reads as "default false" beside an option that is on by
// default. Help shows the names alone; the description says the default.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    std::string name = CLI::Formatter::make_option_name(opt, is_positional);
    for (size_t open; (open = name.find('{')) != std::string::npos;) {
      const size_t close = name.find('}', open);
      if (close == std::string::npos) break;
      name.erase(open, close + 1 - open);
    }
    return name;
  }
};

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
