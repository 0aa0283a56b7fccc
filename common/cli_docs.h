// Man pages and shell completions generated from a program's CLI11 App: the options, their
// groups, descriptions, value types, choices and defaults are the one source, so --help, the
// man page and the completions cannot disagree. Run at build time through `--generate KIND`.
#pragma once
#include <CLI/CLI.hpp>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/program_doc.h"

namespace newsindex {

// Roff for man pages: `text` with backslashes, dashes and leading dots escaped and every
// non-ASCII character written as \[uXXXX], so the page renders the same under any locale.
std::string roff_escape(std::string_view text);
// Prose as roff paragraphs: blank lines separate paragraphs (.PP); a line that starts with two
// spaces is shown as it is (.nf/.fi).
std::string roff_prose(std::string_view text);
// The .TH line and NAME section every page starts with.
std::string roff_header(std::string_view name, std::string_view section, std::string_view summary,
                        std::string_view manual);
// "SEE ALSO" with "page(N)" references in bold.
std::string roff_see_also(const std::vector<std::string>& pages);

// One value an option takes, as help and completions name it: the choices of a CLI::IsMember
// check ("text", "json", ...), empty when the value is free.
std::vector<std::string> option_choices(const CLI::Option& opt);
// Every name of an option as typed: "-f", "--format", "--no-mmap".
std::vector<std::string> option_names(const CLI::Option& opt);
// The options a reader sees (the hidden --generate left out), in definition order.
std::vector<const CLI::Option*> documented_options(const CLI::App& app);

std::string man_page(const CLI::App& app, const ProgramDoc& doc);
std::string bash_completion(const CLI::App& app, const ProgramDoc& doc);
std::string zsh_completion(const CLI::App& app, const ProgramDoc& doc);
std::string fish_completion(const CLI::App& app, const ProgramDoc& doc);
// One line per option, "NAMES<TAB>GROUP<TAB>DESCRIPTION" (names comma-separated), for the test
// that every option is documented.
std::string option_table(const CLI::App& app);

// Adds the hidden `--generate KIND` option: man, bash, zsh, fish, options, or a name in
// `extra_pages` (a page of its own, such as the query language). It prints the text on standard
// output and ends parsing with CLI::Success, so the program exits 0 at once.
using PageMaker = std::function<std::string()>;
void add_generate_option(CLI::App& app, ProgramDoc doc, std::map<std::string, PageMaker> extra_pages = {});

}  // namespace newsindex
