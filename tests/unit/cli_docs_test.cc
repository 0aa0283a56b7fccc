// The man page and completion generator: roff escaping, and that what a CLI11 App declares
// (groups, names, choices, defaults) is what the page and the completions say.
#include "common/cli_docs.h"

#include <gtest/gtest.h>

#include "common/cli_format.h"

namespace newsindex {
namespace {

struct EscapeCase {
  std::string in, out;
};

class RoffEscape : public ::testing::TestWithParam<EscapeCase> {};

TEST_P(RoffEscape, Escapes) { EXPECT_EQ(roff_escape(GetParam().in), GetParam().out); }

INSTANTIATE_TEST_SUITE_P(Cases, RoffEscape,
                         ::testing::Values(EscapeCase{"plain", "plain"}, EscapeCase{"--db", "\\-\\-db"},
                                           EscapeCase{"a\\b", "a\\eb"}, EscapeCase{".start", "\\&.start"},
                                           EscapeCase{"x\n'quote", "x\n\\&'quote"},
                                           EscapeCase{"Zürich", "Z\\[u00FC]rich"},
                                           EscapeCase{"贸", "\\[u8D38]"}, EscapeCase{"\xff", "\\[uFFFD]"}));

struct TinyApp {
  CLI::App app{"tiny: a test program", "tiny"};
  std::string format = "text";
  double weight = 0.5;
  bool mmap = true, quiet = false;
  std::vector<std::string> words;
  ProgramDoc doc;
  TinyApp() {
    app.add_option("-f,--format", format, "Output format")->check(CLI::IsMember({"text", "json"}));
    app.add_flag("--mmap,!--no-mmap", mmap, "Map files (default on)");
    app.add_option("--weight", weight, "A tuning weight")->capture_default_str();
    app.add_flag("-q,--quiet", quiet, "No progress");
    app.add_option("words", words, "Query words");
    doc.name = "tiny";
    doc.summary = "a test program";
    doc.synopsis = "tiny [OPTIONS] WORDS...";
    doc.description = "Tiny does little.\n\n  tiny --format json x";
    doc.groups = {{"Output", {"--format", "--quiet"}}, {"Tuning", {"--weight", "--mmap"}}};
    doc.examples = {{"tiny x", "search x"}};
    doc.see_also = {"newsquery(1)"};
    doc.query_words = true;
    use_help_formatter(app, doc);
    add_generate_option(app, doc);
  }
};

TEST(ManPage, GroupsInHelpOrderWithTruthfulDefaultsAndChoices) {
  TinyApp t;
  const std::string page = man_page(t.app, t.doc);
  const size_t options = page.find(".SS \"Options\""), output = page.find(".SS \"Output\""),
               tuning = page.find(".SS \"Tuning\"");
  ASSERT_NE(options, std::string::npos) << page;
  ASSERT_NE(output, std::string::npos) << page;
  ASSERT_NE(tuning, std::string::npos) << page;
  EXPECT_LT(options, output);
  EXPECT_LT(output, tuning);
  EXPECT_NE(page.find("\\fB\\-f\\fR, \\fB\\-\\-format\\fR \\fIFORMAT\\fR"), std::string::npos) << page;
  EXPECT_NE(page.find("One of: text, json."), std::string::npos) << page;
  EXPECT_NE(page.find("Default: 0.5."), std::string::npos) << page;
  // A flag pair is two names, and no "{false}" or default beside a flag that is on.
  EXPECT_NE(page.find("\\fB\\-\\-mmap\\fR, \\fB\\-\\-no\\-mmap\\fR\nMap files (default on)."), std::string::npos) << page;
  EXPECT_EQ(page.find("false"), std::string::npos) << page;
  EXPECT_EQ(page.find("generate"), std::string::npos) << page;  // hidden
  EXPECT_NE(page.find(".nf\ntiny \\-\\-format json x\n.fi"), std::string::npos) << page;
  EXPECT_NE(page.find(".SH EXAMPLES"), std::string::npos);
  EXPECT_NE(page.find(".BR newsquery (1)"), std::string::npos) << page;
}

TEST(Completions, NameOptionsChoicesAndFields) {
  TinyApp t;
  const std::string bash = bash_completion(t.app, t.doc);
  EXPECT_NE(bash.find("-f|--format) COMPREPLY=($(compgen -W 'text json'"), std::string::npos) << bash;
  EXPECT_NE(bash.find("--no-mmap"), std::string::npos);
  EXPECT_NE(bash.find("'title: "), std::string::npos) << bash;
  EXPECT_NE(bash.find("complete -F _tiny tiny"), std::string::npos);
  const std::string zsh = zsh_completion(t.app, t.doc);
  EXPECT_NE(zsh.find("'(-f --format)'{-f,--format}'[Output format]:FORMAT:(text json)'"), std::string::npos) << zsh;
  const std::string fish = fish_completion(t.app, t.doc);
  EXPECT_NE(fish.find("complete -c tiny -s f -l format -d 'Output format' -x -a 'text json'"), std::string::npos) << fish;
}

TEST(Generate, PrintsAndEndsParsingWithSuccess) {
  TinyApp t;
  testing::internal::CaptureStdout();
  const char* argv[] = {"tiny", "--generate", "options"};
  EXPECT_THROW(t.app.parse(3, const_cast<char**>(argv)), CLI::Success);
  const std::string out = testing::internal::GetCapturedStdout();
  EXPECT_NE(out.find("-f,--format\tOutput\tOutput format\n"), std::string::npos) << out;
  EXPECT_NE(out.find("--mmap,--no-mmap\tTuning\t"), std::string::npos) << out;
}

TEST(HelpFormatter, GroupsEverydayFirstAndExamplesLast) {
  TinyApp t;
  const std::string help = t.app.help();
  const size_t options = help.find("Options:"), output = help.find("Output:"), tuning = help.find("Tuning:"),
               examples = help.find("Examples:");
  ASSERT_NE(examples, std::string::npos) << help;
  EXPECT_LT(options, output);
  EXPECT_LT(output, tuning);
  EXPECT_LT(tuning, examples);
  EXPECT_EQ(help.find("{false}"), std::string::npos) << help;
}

}  // namespace
}  // namespace newsindex
