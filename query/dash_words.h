// newsquery's line for a command line that CLI11 refused because a query word beginning with `-`
// came before `--`: CLI11 reads such a word as options (-tag:x, or -china as -c -h -ina), as
// grep and ripgrep read a pattern that begins with -, so the line says to put the query after --.
#pragma once
#include <CLI/CLI.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsindex {

inline constexpr const char* kQueryAfterDashes = "newsquery [OPTIONS] -- QUERY";

struct RefusedDashWord {
  std::string word;
  bool not_an_option = false;  // CLI11 found no option in it (else an option refused its value)
};

// The argument before `--` that begins with a single - and that CLI11 could not use: the whole
// of an unexpected argument, the argument a leftover piece of split short options came from
// (-china leaves -ina), or one whose tail is the value an option refused (-fire: --format ire).
inline std::optional<RefusedDashWord> refused_dash_word(const CLI::App& app, const CLI::ParseError& e,
                                                        const std::vector<std::string>& args) {
  const std::vector<std::string> leftovers = app.remaining();
  const std::string_view message = e.what();
  for (const std::string& w : args) {
    if (w == "--") break;
    if (w.size() < 2 || w[0] != '-' || w[1] == '-' || app.get_option_no_throw(w)) continue;
    for (const std::string& piece : leftovers) {
      if (piece.size() < 2 || piece[0] != '-' || piece[1] == '-') continue;
      if (std::string_view(w).ends_with(std::string_view(piece).substr(1))) return RefusedDashWord{w, true};
    }
    if (w.size() > 2 && message.find(std::string_view(w).substr(2)) != std::string_view::npos)
      return RefusedDashWord{w, false};
  }
  return std::nullopt;
}

// The one line for `e` when a query word beginning with - caused it, else nothing (CLI11's own
// error, or help and version output that was asked for). A request for help that leaves pieces
// of an argument unused (-china) is such an error too, not a request for help.
inline std::optional<std::string> dash_word_error(const CLI::App& app, const CLI::ParseError& e,
                                                  const std::vector<std::string>& args) {
  const bool asked_for_output = e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success);
  if (asked_for_output && app.remaining().empty()) return std::nullopt;
  const auto refused = refused_dash_word(app, e, args);
  if (!refused) return std::nullopt;
  if (refused->not_an_option)
    return "newsquery: " + refused->word + " is not an option; a query with a word that begins with - goes after --: " +
           kQueryAfterDashes;
  std::string message = e.what();
  for (char& c : message)
    if (c == '\n') c = ' ';
  while (!message.empty() && message.back() == ' ') message.pop_back();
  return "newsquery: " + message + "; if " + refused->word + " is part of the query, put the query after --: " +
         kQueryAfterDashes;
}

}  // namespace newsindex
