#include "common/cli_docs.h"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "common/cli_format.h"
#include "common/schema.h"

namespace newsindex {

namespace {

constexpr const char* kGenerateOption = "--generate";

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

bool is_flag(const CLI::Option& opt) { return opt.get_items_expected_max() == 0; }

// CLI11's type name: "UINT:INT in [1 - 256]", "TEXT:{text,json}", "FLOAT".
std::string base_type(const CLI::Option& opt) {
  const std::string t = opt.get_type_name();
  return t.substr(0, t.find(':'));
}

// The range of a CLI::Range check, "1 to 256", or "".
std::string option_range(const CLI::Option& opt) {
  const std::string t = opt.get_type_name();
  const size_t open = t.find(" in [");
  if (open == std::string::npos) return {};
  const size_t close = t.find(']', open);
  if (close == std::string::npos) return {};
  std::string r = t.substr(open + 5, close - open - 5);
  if (const size_t dash = r.find(" - "); dash != std::string::npos) r.replace(dash, 3, " to ");
  return r;
}

// The placeholder for an option's value: N for numbers, else the option's name in capitals.
std::string metavar(const CLI::Option& opt) {
  const std::string type = base_type(opt);
  if (type == "UINT" || type == "INT" || type == "FLOAT") return "N";
  if (!opt.get_lnames().empty()) return upper(opt.get_lnames().front());
  return upper(opt.get_name());
}

std::string sentence(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (!text.empty() && text.back() != '.' && text.back() != '?' && text.back() != ')') text += '.';
  else if (!text.empty() && text.back() == ')') text += '.';
  return text;
}

// The description with what the table adds: choices, range, default.
std::string full_description(const CLI::Option& opt) {
  std::string d = sentence(opt.get_description());
  if (const auto choices = option_choices(opt); !choices.empty()) {
    std::string list;
    for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
    d += " One of: " + list + ".";
  }
  if (const std::string r = option_range(opt); !r.empty()) d += " From " + r + ".";
  if (!is_flag(opt) && !opt.get_default_str().empty()) d += " Default: " + opt.get_default_str() + ".";
  return d;
}

std::vector<std::string> user_fields() {
  std::vector<std::string> out;
  for (const schema::Field& f : schema::kFields)
    if (f.flags & schema::kUserField) out.push_back(std::string(f.name) + ":");
  return out;
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

std::string single_quoted(std::string_view s) {  // for sh and zsh
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string function_name(std::string_view program) {
  std::string out = "_";
  for (char c : program) out += (c == '-') ? '_' : c;
  return out;
}

}  // namespace

std::string roff_escape(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    line_start = c == '\n';
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else if (c < 0x80) out += static_cast<char>(c);
    else {
      // A UTF-8 sequence as one \[uXXXX] glyph; a stray byte as U+FFFD.
      const int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      uint32_t cp = len == 4 ? c & 0x07 : len == 3 ? c & 0x0F : len == 2 ? c & 0x1F : 0xFFFD;
      if (len > 1 && i + len <= text.size()) {
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        i += len - 1;
      } else {
        cp = 0xFFFD;
      }
      out += fmt::format("\\[u{:04X}]", cp);
    }
  }
  return out;
}

std::string roff_prose(std::string_view text) {
  std::string out;
  bool verbatim = false, paragraph_open = false;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const bool is_verbatim = line.substr(0, 2) == "  ";
    if (verbatim && !is_verbatim) {
      out += ".fi\n.RE\n";
      verbatim = false;
    }
    if (line.empty()) {
      paragraph_open = false;
    } else if (is_verbatim) {
      if (!verbatim) {
        out += ".RS 4\n.nf\n";
        verbatim = true;
        paragraph_open = false;
      }
      out += roff_escape(line.substr(2)) + "\n";
    } else {
      if (!paragraph_open) out += ".PP\n";
      paragraph_open = true;
      out += roff_escape(line) + "\n";
    }
    if (end == text.size()) break;
  }
  if (verbatim) out += ".fi\n.RE\n";
  return out;
}

std::string roff_header(std::string_view name, std::string_view section, std::string_view summary,
                        std::string_view manual) {
  return fmt::format(".TH {} {} \"\" \"newsindex {}\" \"{}\"\n.SH NAME\n{} \\- {}\n", upper(name), section,
                     NEWSINDEX_VERSION, manual, roff_escape(name), roff_escape(summary));
}

std::string roff_see_also(const std::vector<std::string>& pages) {
  if (pages.empty()) return {};
  std::string out = ".SH SEE ALSO\n";
  for (size_t i = 0; i < pages.size(); ++i) {
    const std::string& p = pages[i];
    const size_t paren = p.find('(');
    out += ".BR " + roff_escape(p.substr(0, paren)) + " " + (paren == std::string::npos ? "" : p.substr(paren)) +
           (i + 1 < pages.size() ? "," : "") + "\n";
  }
  return out;
}

std::vector<std::string> option_choices(const CLI::Option& opt) {
  const std::string t = opt.get_type_name();
  const size_t open = t.find('{');
  const size_t close = t.find('}', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> out;
  std::string item;
  for (char c : t.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  out.push_back(item);
  return out;
}

std::vector<std::string> option_names(const CLI::Option& opt) {
  std::vector<std::string> out;
  for (const auto& s : opt.get_snames()) out.push_back("-" + s);
  for (const auto& l : opt.get_lnames()) out.push_back("--" + l);
  if (out.empty()) out.push_back(opt.get_name());
  return out;
}

std::vector<const CLI::Option*> documented_options(const CLI::App& app) {
  std::vector<const CLI::Option*> out;
  for (const CLI::Option* opt : app.get_options())
    if (!opt->get_group().empty()) out.push_back(opt);
  return out;
}

std::string man_page(const CLI::App& app, const ProgramDoc& doc) {
  std::string out = roff_header(doc.name, "1", doc.summary, "User Commands");
  out += ".SH SYNOPSIS\n";
  const size_t space = doc.synopsis.find(' ');
  out += ".B " + roff_escape(doc.synopsis.substr(0, space)) + "\n";
  if (space != std::string::npos) out += roff_escape(doc.synopsis.substr(space + 1)) + "\n";
  out += ".SH DESCRIPTION\n" + roff_prose(doc.description);
  out += ".SH OPTIONS\n";
  std::vector<std::string> order;
  for (const auto& g : doc.groups) order.push_back(g.name);
  const auto options = documented_options(app);
  bool first = true;
  auto item = [&out](const CLI::Option& opt) {
    std::string head;
    if (opt.get_positional()) {
      head = "\\fI" + roff_escape(upper(opt.get_name())) + "\\fR";
    } else {
      for (const auto& n : option_names(opt)) head += (head.empty() ? "" : ", ") + ("\\fB" + roff_escape(n) + "\\fR");
      if (!is_flag(opt)) head += " \\fI" + roff_escape(metavar(opt)) + "\\fR";
    }
    out += ".TP\n" + head + "\n" + roff_escape(full_description(opt)) + "\n";
  };
  for (const CLI::Option* opt : options)
    if (opt->get_positional()) {
      if (first) out += ".SS Arguments\n";
      first = false;
      item(*opt);
    }
  for (const std::string& group : ordered_groups(app, order)) {
    bool heading = false;
    for (const CLI::Option* opt : options) {
      if (opt->get_positional() || opt->get_group() != group) continue;
      if (!heading) out += ".SS \"" + roff_escape(group) + "\"\n";
      heading = true;
      item(*opt);
    }
  }
  if (!doc.examples.empty()) {
    out += ".SH EXAMPLES\n";
    for (const auto& e : doc.examples)
      out += ".TP\n.B " + roff_escape(e.command) + "\n" + roff_escape(sentence(e.what)) + "\n";
  }
  for (const auto& s : doc.sections) out += ".SH " + roff_escape(s.title) + "\n" + roff_prose(s.text);
  out += roff_see_also(doc.see_also);
  return out;
}

std::string bash_completion(const CLI::App& app, const ProgramDoc& doc) {
  std::vector<std::string> names, free_values;
  std::string choice_cases;
  for (const CLI::Option* opt : documented_options(app)) {
    if (opt->get_positional()) continue;
    const auto n = option_names(*opt);
    names.insert(names.end(), n.begin(), n.end());
    if (is_flag(*opt)) continue;
    if (const auto choices = option_choices(*opt); !choices.empty())
      choice_cases += fmt::format("    {}) COMPREPLY=($(compgen -W {} -- \"$cur\")); return ;;\n", join(n, "|"),
                                  single_quoted(join(choices, " ")));
    else
      free_values.insert(free_values.end(), n.begin(), n.end());
  }
  const std::string fn = function_name(doc.name);
  std::string out = fmt::format(
      "# bash completion for {0}, generated from its options ({0} --generate bash)\n"
      "{1}() {{\n"
      "  local cur=${{COMP_WORDS[COMP_CWORD]}} prev=${{COMP_WORDS[COMP_CWORD-1]}}\n"
      "  COMPREPLY=()\n"
      "  case $prev in\n{2}",
      doc.name, fn, choice_cases);
  if (!free_values.empty())
    out += fmt::format("    {}) compopt -o default 2>/dev/null; return ;;\n", join(free_values, "|"));
  out += "  esac\n";
  out += fmt::format("  if [[ $cur == -* ]]; then\n    COMPREPLY=($(compgen -W {} -- \"$cur\"))\n    return\n  fi\n",
                     single_quoted(join(names, " ")));
  if (doc.query_words)
    out += fmt::format(
        "  # Query words: offer the field names; a field is followed by its value, not a space.\n"
        "  COMPREPLY=($(compgen -W {} -- \"$cur\"))\n"
        "  ((${{#COMPREPLY[@]}})) && compopt -o nospace 2>/dev/null\n",
        single_quoted(join(user_fields(), " ")));
  else
    out += "  compopt -o default 2>/dev/null\n";
  out += fmt::format("}}\ncomplete -F {} {}\n", fn, doc.name);
  return out;
}

std::string zsh_completion(const CLI::App& app, const ProgramDoc& doc) {
  auto escape = [](std::string s) {
    std::string out;
    for (char c : s) {
      if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
      out += c;
    }
    return out;
  };
  const std::string fn = function_name(doc.name);
  std::string out = fmt::format("#compdef {0}\n# zsh completion for {0}, generated from its options ({0} --generate zsh)\n", doc.name);
  if (doc.query_words)
    out += fmt::format("{}_fields() {{ compadd -S '' -- {}; }}\n", fn, join(user_fields(), " "));
  out += "_arguments -s -S \\\n";
  for (const CLI::Option* opt : documented_options(app)) {
    std::string action;
    if (!is_flag(*opt)) {
      const auto choices = option_choices(*opt);
      const std::string type = base_type(*opt);
      action = ":" + escape(metavar(*opt)) + ":" +
               (!choices.empty() ? "(" + join(choices, " ") + ")"
                : (type == "UINT" || type == "INT" || type == "FLOAT") ? std::string(" ")
                : opt->get_positional() && doc.query_words ? fn + "_fields"
                                                           : std::string("_files"));
    }
    if (opt->get_positional()) {
      const bool many = opt->get_items_expected_max() > 1;
      out += "  " + single_quoted((many ? "*" : "") + action) + " \\\n";
      continue;
    }
    const auto names = option_names(*opt);
    std::string spec;
    if (names.size() > 1) spec = "'(" + join(names, " ") + ")'{" + join(names, ",") + "}";
    else spec = names.front();
    // Option descriptions are long: the first clause is enough beside the name.
    std::string desc = opt->get_description();
    if (const size_t cut = desc.find_first_of(".;("); cut != std::string::npos && cut > 10) desc = desc.substr(0, cut);
    while (!desc.empty() && desc.back() == ' ') desc.pop_back();
    out += "  " + spec + single_quoted("[" + escape(desc) + "]" + action) + " \\\n";
  }
  out += "  && return 0\n";
  return out;
}

std::string fish_completion(const CLI::App& app, const ProgramDoc& doc) {
  auto quoted = [](std::string_view s) {  // fish: backslash and quote escaped inside '...'
    std::string out = "'";
    for (char c : s) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string out = fmt::format("# fish completion for {0}, generated from its options ({0} --generate fish)\n", doc.name);
  if (doc.query_words)
    out += fmt::format("complete -c {} -f -n 'not string match -q -- \"-*\" (commandline -ct)' -a {} -d 'query field'\n",
                       doc.name, quoted(join(user_fields(), " ")));
  for (const CLI::Option* opt : documented_options(app)) {
    if (opt->get_positional()) continue;
    std::string line = "complete -c " + doc.name;
    for (const auto& s : opt->get_snames()) line += " -s " + s;
    for (const auto& l : opt->get_lnames()) line += " -l " + l;
    std::string desc = opt->get_description();
    if (const size_t cut = desc.find_first_of(".;("); cut != std::string::npos && cut > 10) desc = desc.substr(0, cut);
    while (!desc.empty() && desc.back() == ' ') desc.pop_back();
    line += " -d " + quoted(desc);
    if (!is_flag(*opt)) {
      const auto choices = option_choices(*opt);
      const std::string type = base_type(*opt);
      if (!choices.empty()) line += " -x -a " + quoted(join(choices, " "));
      else if (type == "UINT" || type == "INT" || type == "FLOAT") line += " -x";
      else line += " -r -F";
    }
    out += line + "\n";
  }
  return out;
}

std::string option_table(const CLI::App& app) {
  std::string out;
  for (const CLI::Option* opt : documented_options(app)) {
    std::string desc = opt->get_description();
    std::replace(desc.begin(), desc.end(), '\t', ' ');
    out += join(option_names(*opt), ",") + "\t" + opt->get_group() + "\t" + desc + "\n";
  }
  return out;
}

void add_generate_option(CLI::App& app, ProgramDoc doc, std::map<std::string, PageMaker> extra_pages) {
  std::vector<std::string> kinds{"man", "bash", "zsh", "fish", "options"};
  for (const auto& [name, _] : extra_pages) kinds.push_back(name);
  // Hidden (empty group): it is for the build, not for readers.
  app.add_option_function<std::string>(
         kGenerateOption,
         [&app, doc = std::move(doc), extra_pages = std::move(extra_pages)](const std::string& kind) {
           std::string text;
           if (kind == "man") text = man_page(app, doc);
           else if (kind == "bash") text = bash_completion(app, doc);
           else if (kind == "zsh") text = zsh_completion(app, doc);
           else if (kind == "fish") text = fish_completion(app, doc);
           else if (kind == "options") text = option_table(app);
           else text = extra_pages.at(kind)();
           std::cout << text << std::flush;
           throw CLI::Success();
         },
         "Print a generated man page, completion or option table and exit")
      ->check(CLI::IsMember(kinds))
      ->group("")
      ->trigger_on_parse();
}

}  // namespace newsindex
