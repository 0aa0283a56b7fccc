// What a program's --help footer, man page and completions say beyond its options: one
// description per program, kept beside its main.cc, so help and man page cannot disagree.
#pragma once
#include <string>
#include <vector>

namespace newsindex {

struct Example {
  std::string command;  // as typed, without the prompt
  std::string what;     // one line
};

// Prose sections of a man page after OPTIONS (EXIT STATUS, ENVIRONMENT, ...). The text is
// paragraphs separated by blank lines; a line starting with two spaces is shown as it is.
struct DocSection {
  std::string title;
  std::string text;
};

struct OptionGroup {
  std::string name;                 // as --help and the man page head it
  std::vector<std::string> options; // names CLI11 knows the options by ("--format", "query")
};

struct ProgramDoc {
  std::string name;         // "newsquery"
  std::string summary;      // the man page's NAME line: "search a newsindex database"
  std::string synopsis;     // "newsquery [OPTIONS] QUERY..."
  std::string description;  // DESCRIPTION prose (same rules as DocSection::text)
  // The groups after the everyday "Options" group, in the order --help shows them; an option in
  // no group here stays under "Options".
  std::vector<OptionGroup> groups;
  std::vector<Example> examples;
  std::vector<DocSection> sections;
  std::vector<std::string> see_also;  // "newsquery-query(7)"
  // Words after the options are query words (completions offer the field names, "title:"), not
  // files.
  bool query_words = false;
};

}  // namespace newsindex
