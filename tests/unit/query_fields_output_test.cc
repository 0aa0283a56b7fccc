// The query side of issue 19: what counts as a field, empty fields, "did you mean" inside
// phrases, --count --articles agreeing with the listing, and how hits and articles are printed
// (context marks, snippets, batch headers, the TSV category column, headings in --show).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "query/article_store.h"
#include "query/dash_words.h"
#include "common/cli_format.h"
#include "indexer/doc_builder.h"
#include "common/errors.h"
#include "query/facets.h"
#include "query/output/article_printers.h"
#include "query/output/printer.h"
#include "query/query_command.h"
#include "query/query_parser.h"
#include "common/schema.h"
#include "query/search.h"
#include "query/spelling.h"

using namespace newsindex;

namespace {

// A few articles in memory, through the same document builder as the indexer.
struct Corpus {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Analyzer an;
  void add(const std::string& id, const std::vector<std::string>& paragraphs, const std::string& category = "") {
    Article a;
    a.id = id;
    a.source = id;
    a.title = "Report " + id;
    a.category = category;
    for (const auto& p : paragraphs) {
      Block b;
      b.text = p;
      a.blocks.push_back(b);
    }
    BuiltArticle built = build_documents(a, an, BuildOptions{});
    db.add_document(built.article_doc);
    for (auto& d : built.passage_docs) db.add_document(d);
    db.commit();
  }
};

// ---- What counts as a field ----

struct FieldNameCase {
  const char* name;
  FieldName::Kind kind;
  const char* field;  // Field: the field; Misspelt: the suggestion
};

class FieldNames : public ::testing::TestWithParam<FieldNameCase> {};

TEST_P(FieldNames, Classified) {
  const FieldNameCase& c = GetParam();
  const FieldName f = classify_field_name(c.name);
  EXPECT_EQ(f.kind, c.kind) << c.name;
  if (c.kind == FieldName::Kind::Field) {
    EXPECT_EQ(f.name, c.field);
  } else if (c.kind == FieldName::Kind::Misspelt) {
    EXPECT_EQ(f.suggestion, c.field);
  }
}

using K = FieldName::Kind;
INSTANTIATE_TEST_SUITE_P(
    QueryLanguage, FieldNames,
    ::testing::Values(FieldNameCase{"title", K::Field, "title"}, FieldNameCase{"TITLE", K::Field, "title"},
                      FieldNameCase{"Category", K::Field, "category"}, FieldNameCase{"section", K::Field, "section"},
                      FieldNameCase{"date", K::Field, "date"}, FieldNameCase{"categroy", K::Misspelt, "category"},
                      FieldNameCase{"catgory", K::Misspelt, "category"}, FieldNameCase{"tilte", K::Misspelt, "title"},
                      FieldNameCase{"auther", K::Misspelt, "author"}, FieldNameCase{"sectoin", K::Misspelt, "section"},
                      FieldNameCase{"catgeroy", K::Misspelt, "category"}, FieldNameCase{"sit", K::Misspelt, "site"},
                      // Not fields: URL schemes, short words, words far from every field.
                      FieldNameCase{"https", K::Word, ""}, FieldNameCase{"http", K::Word, ""},
                      FieldNameCase{"re", K::Word, ""}, FieldNameCase{"ur", K::Word, ""},
                      FieldNameCase{"std", K::Word, ""}, FieldNameCase{"update", K::Word, ""},
                      FieldNameCase{"mailto", K::Word, ""}, FieldNameCase{"note", K::Word, ""},
                      FieldNameCase{"body", K::Word, ""},  // a schema field, not a query field
                      FieldNameCase{"10", K::Word, ""}, FieldNameCase{"", K::Word, ""}));

// ---- Queries with fields, through the parser ----

struct ParseCase {
  const char* query;
  enum { Parses, UnknownField, Malformed } outcome;
  size_t column;           // of the error
  const char* suggestion;  // UnknownField
  bool plain;
};
ParseCase parses(const char* q, bool plain = false) { return {q, ParseCase::Parses, 0, "", plain}; }
ParseCase unknown(const char* q, size_t col, const char* suggestion) {
  return {q, ParseCase::UnknownField, col, suggestion, false};
}
ParseCase malformed(const char* q, size_t col) { return {q, ParseCase::Malformed, col, "", false}; }

class FieldQueries : public ::testing::TestWithParam<ParseCase> {};

TEST_P(FieldQueries, ParseOrRefuse) {
  const ParseCase& c = GetParam();
  Analyzer an;
  QueryOptions qo;
  qo.plain = c.plain;
  switch (c.outcome) {
    case ParseCase::Parses:
      EXPECT_NO_THROW(parse_query(c.query, an, qo)) << c.query;
      break;
    case ParseCase::UnknownField:
      try {
        parse_query(c.query, an, qo);
        ADD_FAILURE() << c.query << " parsed";
      } catch (const UnknownFieldError& e) {
        EXPECT_EQ(e.column, c.column) << c.query;
        EXPECT_EQ(e.suggestion, c.suggestion) << c.query;
      }
      break;
    case ParseCase::Malformed:
      try {
        parse_query(c.query, an, qo);
        ADD_FAILURE() << c.query << " parsed";
      } catch (const UnknownFieldError& e) {
        ADD_FAILURE() << c.query << ": unknown field, wanted malformed";
      } catch (const QueryError& e) {
        EXPECT_EQ(e.column, c.column) << c.query << ": " << e.what();
      }
      break;
  }
}

INSTANTIATE_TEST_SUITE_P(
    QueryLanguage, FieldQueries,
    ::testing::Values(unknown("categroy:tech", 0, "category"), unknown("brown tilte:budget", 6, "title"),
                      unknown("-auther:smith brown", 1, "author"), unknown("(sectoin:china)", 1, "section"),
                      malformed("title:", 0), malformed("title: brown", 0), malformed("brown (title:)", 7),
                      malformed("title:\"\"", 0), malformed("site:\" \"", 0), parses("title:brown"),
                      parses("TITLE:Brown"), parses("category:business"), parses("re:invent"),
                      parses("meeting at 10:30"), parses("https://example.com/a/b"), parses("Update: markets fall"),
                      parses("std::vector"), parses("\"categroy:tech\""), parses("categroy:tech", true),
                      parses("title: brown", true)));

TEST(FieldQueries, UnknownFieldMessageNamesTheNearestField) {
  Analyzer an;
  try {
    parse_query("categroy:tech", an, QueryOptions{});
    FAIL() << "parsed";
  } catch (const QueryError& e) {
    EXPECT_EQ(query_error_message(e), "unknown field \"categroy\" at column 1; did you mean \"category\"?");
  }
}

// ---- Filters after NOT ----

// A NOT FIELD:VALUE finds what A -FIELD:VALUE finds, for every filter field, after AND NOT, in
// parentheses and beside OR; NOT FIELD:VALUE alone finds what -FIELD:VALUE alone finds. Both are
// checked against the articles expected, in passage and in article mode.
struct NotCase {
  const char* with_not;
  const char* with_minus;
  const char* articles;  // the articles found, sorted, each followed by a space
};

class NotFilters : public ::testing::TestWithParam<NotCase> {};

TEST_P(NotFilters, ExcludeAsMinusDoes) {
  Corpus c;
  auto add = [&](const char* id, const char* url, const char* date, std::vector<std::string> tags, const char* lang,
                 const char* text) {
    Article a;
    a.id = id;
    a.source = id;
    a.url = url;
    a.title = "Report";
    a.date = date;
    a.tags = std::move(tags);
    a.lang = lang;
    Block b;
    b.text = text;
    a.blocks.push_back(b);
    BuiltArticle built = build_documents(a, c.an, BuildOptions{});
    c.db.add_document(built.article_doc);
    for (auto& d : built.passage_docs) c.db.add_document(d);
  };
  add("a1", "https://one.example.com/a1", "2024-06-03", {"Floods"}, "en", "The river flood reached the town.");
  add("a2", "https://two.example.org/a2", "2024-07-15", {"Energy"}, "", "A flood of orders for fans.");
  add("a3", "https://two.example.org/a3", "2023-01-10", {}, "fr", "The flood barrier stood.");
  add("a4", "https://one.example.com/a4", "2024-07-16", {"Energy"}, "en", "Oil prices rise.");
  c.db.commit();
  Searcher s(c.db, c.an);
  auto found = [&](const char* query, bool articles) {
    SearchOptions so;
    so.articles = articles;
    so.limit = 0;
    std::set<std::string> ids;
    for (const Hit& h : s.search(parse_query(query, c.an, QueryOptions{}), so).hits) ids.insert(h.article);
    std::string out;
    for (const auto& id : ids) out += id + " ";
    return out;
  };
  const NotCase& nc = GetParam();
  for (bool articles : {false, true}) {
    EXPECT_EQ(found(nc.with_not, articles), nc.articles) << nc.with_not << (articles ? " --articles" : "");
    EXPECT_EQ(found(nc.with_minus, articles), nc.articles) << nc.with_minus << (articles ? " --articles" : "");
  }
}

INSTANTIATE_TEST_SUITE_P(
    QueryLanguage, NotFilters,
    ::testing::Values(
        NotCase{"flood NOT site:one.example.com", "flood -site:one.example.com", "a2 a3 "},
        NotCase{"flood AND NOT site:one.example.com", "flood -site:one.example.com", "a2 a3 "},
        NotCase{"flood NOT tag:floods", "flood -tag:floods", "a2 a3 "},
        NotCase{"flood AND NOT tag:Energy", "flood -tag:Energy", "a1 a3 "},
        NotCase{"flood NOT lang:en", "flood -lang:en", "a2 a3 "},
        NotCase{"flood NOT date:2024-07", "flood -date:2024-07", "a1 a3 "},
        NotCase{"flood AND NOT date:..2023", "flood -date:..2023", "a1 a2 "},
        NotCase{"flood NOT url:https://one.example.com/a1", "flood -url:https://one.example.com/a1", "a2 a3 "},
        NotCase{"flood NOT article:a2", "flood -article:a2", "a1 a3 "},
        NotCase{"flood NOT type:caption", "flood -type:caption", "a1 a2 a3 "},
        NotCase{"flood NOT tag:\"Floods\"", "flood -tag:\"Floods\"", "a2 a3 "},
        // Parentheses, OR and filters outside the NOT
        NotCase{"(flood NOT tag:floods)", "(flood -tag:floods)", "a2 a3 "},
        NotCase{"flood NOT (tag:floods)", "flood -tag:floods", "a2 a3 "},
        NotCase{"flood NOT (tag:floods)", "flood -(tag:floods)", "a2 a3 "},
        NotCase{"flood NOT (lang:fr OR tag:floods)", "flood -(lang:fr OR tag:floods)", "a2 "},
        NotCase{"flood NOT (orders OR river)", "flood -(orders OR river)", "a3 "},
        NotCase{"flood NOT (tag:floods OR lang:fr)", "flood -tag:floods -lang:fr", "a2 "},
        NotCase{"flood NOT (tag:floods tag:energy)", "flood -tag:floods -tag:energy", "a3 "},
        NotCase{"flood NOT tag:floods OR oil", "flood -tag:floods OR oil", "a2 a3 a4 "},
        NotCase{"oil OR flood NOT site:one.example.com", "oil OR flood -site:one.example.com", "a2 a3 a4 "},
        NotCase{"flood date:2024 NOT tag:floods", "flood date:2024 -tag:floods", "a2 "},
        NotCase{"site:two.example.org NOT tag:energy", "site:two.example.org -tag:energy", "a3 "},
        // Nothing but exclusions: everything else
        NotCase{"NOT tag:floods", "-tag:floods", "a2 a3 a4 "},
        NotCase{"NOT site:two.example.org", "-site:two.example.org", "a1 a4 "},
        NotCase{"NOT date:2024", "-date:2024", "a3 "}));

// ---- "Did you mean" inside phrases and groups ----

struct SpellCase {
  const char* query;
  const char* corrected;  // "" = no suggestion
};

class Spelling : public ::testing::TestWithParam<SpellCase> {};

TEST_P(Spelling, Suggests) {
  Corpus c;
  c.add("a1", {"Gordon Brown presented the budget to parliament."});
  const auto fixed = suggest_correction(c.db, GetParam().query, c.an, {"english"});
  EXPECT_EQ(fixed.value_or(""), GetParam().corrected) << GetParam().query;
}

INSTANTIATE_TEST_SUITE_P(
    QueryLanguage, Spelling,
    ::testing::Values(SpellCase{"gordn", "gordon"}, SpellCase{"\"Gordn Brown\"", "\"gordon Brown\""},
                      SpellCase{"\"Gordon Bruwn\"", "\"Gordon brown\""},
                      SpellCase{"(budgte OR parliament)", "(budget OR parliament)"},
                      SpellCase{"\u201cGordn Brown\u201d", "\u201cgordon Brown\u201d"},
                      SpellCase{"\"Gordon Brown\"", ""}));

// ---- --count --articles agrees with the listing ----

struct CountCase {
  const char* query;
  size_t articles;
};

class ArticleCount : public ::testing::TestWithParam<CountCase> {};

TEST_P(ArticleCount, AgreesWithListing) {
  Corpus c;
  c.add("a1", {"Gordon Brown presented the budget.", "Brown said Gordon would speak later."});
  c.add("a2", {"Brown Gordon is a name written backwards.", "The chancellor, Gordon Brown, spoke."});
  c.add("a3", {"A brown dog crossed the road.", "Gordon went home."});
  c.add("a4", {"Nothing here about anyone."});
  Searcher s(c.db, c.an);
  const ParsedQuery pq = parse_query(GetParam().query, c.an, QueryOptions{});
  SearchOptions so;
  so.articles = true;
  so.limit = 0;
  const size_t listed = s.search(pq, so).hits.size();
  EXPECT_EQ(listed, GetParam().articles) << GetParam().query;
  EXPECT_EQ(s.count(pq, so), listed) << GetParam().query;
  // Facets and the histogram count the same articles.
  EXPECT_EQ(facet_counts(s, pq, so, "type").total, listed) << GetParam().query;
  EXPECT_EQ(date_histogram(s, pq, so).total, listed) << GetParam().query;
}

INSTANTIATE_TEST_SUITE_P(Count, ArticleCount,
                         ::testing::Values(CountCase{"\"gordon brown\"", 2}, CountCase{"=brown", 3},
                                           CountCase{"gordon NEAR/1 brown", 2}, CountCase{"gordon ADJ/1 brown", 2},
                                           CountCase{"brown", 3}, CountCase{"\"brown dog\" OR budget", 2},
                                           CountCase{"\"gordon brown\" -chancellor", 1}));

// ---- Printing ----

struct SnippetCase {
  const char* text;
  size_t match_at;  // byte offset of the first match (npos: none)
  size_t length;
  const char* shown;
};

class Snippets : public ::testing::TestWithParam<SnippetCase> {};

TEST_P(Snippets, TrimAtSpaces) {
  const SnippetCase& c = GetParam();
  std::vector<ByteRange> m;
  if (c.match_at != std::string::npos) m.push_back({c.match_at, c.match_at + 1});
  auto [from, to] = snippet_span(c.text, m, c.length);
  EXPECT_EQ(std::string(c.text).substr(from, to - from), c.shown);
}

INSTANTIATE_TEST_SUITE_P(
    Output, Snippets,
    ::testing::Values(SnippetCase{"short text", std::string::npos, 100, "short text"},
                      SnippetCase{"one two three four five six", std::string::npos, 0, "one two three four five six"},
                      SnippetCase{"one two three four five six", std::string::npos, 12, "one two"},
                      SnippetCase{"one two three four five six seven eight", 24, 15, "six seven"}));

Hit sample_hit() {
  Hit h;
  h.rank = 1;
  h.score = 2.5;
  h.type = "passage";
  h.article = "a1";
  h.title = "Budget day";
  h.passage = 3;
  h.category = "business";
  h.text = "Gordon Brown presented the budget.";
  h.matches = {{0, 6}};
  return h;
}

TEST(TextOutput, ContextLinesAreMarkedAsGrepMarksThem) {
  Hit h = sample_hit();
  h.with_context = true;
  h.context_before = {{2, "Before the hit."}};
  h.context_after = {{4, "After the hit."}};
  std::ostringstream out;
  auto p = make_printer(OutputFormat::Text, out, PrintOptions{});
  p->hit(h);
  const std::string s = out.str();
  EXPECT_NE(s.find("\n   2- Before the hit.\n   3: Gordon Brown presented the budget.\n   4- After the hit.\n"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("category: business"), std::string::npos) << s;
}

TEST(TextOutput, SnippetLengthTrimsContextToo) {
  Hit h = sample_hit();
  h.with_context = true;
  h.context_after = {{4, "After the hit came a long paragraph of words that goes on and on."}};
  PrintOptions po;
  po.snippet_length = 20;
  std::ostringstream out;
  make_printer(OutputFormat::Text, out, po)->hit(h);
  EXPECT_NE(out.str().find("   4- After the hit came a…\n"), std::string::npos) << out.str();
}

TEST(TextOutput, BatchHeadsEveryQuery) {
  std::ostringstream out;
  auto p = make_printer(OutputFormat::Text, out, PrintOptions{});
  p->batch_query("q1", "gordon brown", "");
  p->hit(sample_hit());
  p->batch_query("q2", "zzz", "no hits");
  const std::string s = out.str();
  EXPECT_EQ(s.rfind("# q1: gordon brown\n1. Budget day", 0), 0u) << s;
  EXPECT_NE(s.find("\n\n# q2: zzz\n# q2: no hits\n"), std::string::npos) << s;
}

TEST(TsvOutput, CategoryIsTheLastColumn) {
  PrintOptions po;
  po.header = true;
  std::ostringstream out;
  auto p = make_printer(OutputFormat::Tsv, out, po);
  p->begin();
  p->hit(sample_hit());
  std::istringstream lines(out.str());
  std::string header, row;
  std::getline(lines, header);
  std::getline(lines, row);
  EXPECT_EQ(header.substr(header.rfind('\t') + 1), "category");
  EXPECT_EQ(row.substr(row.rfind('\t') + 1), "business");
  EXPECT_EQ(std::count(row.begin(), row.end(), '\t'), std::count(header.begin(), header.end(), '\t'));
  EXPECT_EQ(kOutputFormatVersion, 2);
}

// ---- Headings in --show ----

struct HeadingCase {
  std::vector<std::pair<uint32_t, std::string>> passages;  // ordinal, section
  std::optional<uint32_t> only;
  std::vector<std::pair<std::string, uint32_t>> headings;
};

class Headings : public ::testing::TestWithParam<HeadingCase> {};

TEST_P(Headings, InOrderAboveTheirFirstPassage) {
  std::vector<StoredPassage> ps;
  for (const auto& [ord, section] : GetParam().passages) ps.push_back({ord, "text", section, false});
  std::vector<std::pair<std::string, uint32_t>> got;
  for (const auto& h : headings_of(ps, GetParam().only)) got.emplace_back(h.text, h.passage);
  EXPECT_EQ(got, GetParam().headings);
}

INSTANTIATE_TEST_SUITE_P(
    Show, Headings,
    ::testing::Values(HeadingCase{{{1, ""}, {2, ""}}, {}, {}},
                      HeadingCase{{{1, ""}, {2, "Why"}, {3, "Why"}, {4, "What next"}}, {}, {{"Why", 2}, {"What next", 4}}},
                      HeadingCase{{{1, "A"}, {2, "B"}, {3, "A"}}, {}, {{"A", 1}, {"B", 2}, {"A", 3}}},
                      HeadingCase{{{1, ""}, {2, "Why"}, {3, "Why"}}, 3u, {{"Why", 3}}},
                      HeadingCase{{{1, ""}, {2, "Why"}}, 1u, {}}));

TEST(Show, JsonGivesEachHeadingItsPlace) {
  Corpus c;
  Article a;
  a.id = "h1";
  a.source = "h1";
  a.title = "Sections";
  for (auto [kind, text] : {std::pair{Block::Kind::Paragraph, "Opening words of the story."},
                            {Block::Kind::Heading, "What next"}, {Block::Kind::Paragraph, "The plan for next year."},
                            {Block::Kind::Paragraph, "More about the plan."}}) {
    Block b;
    b.kind = kind;
    b.text = text;
    a.blocks.push_back(b);
  }
  BuiltArticle built = build_documents(a, c.an, BuildOptions{});
  c.db.add_document(built.article_doc);
  for (auto& d : built.passage_docs) c.db.add_document(d);
  c.db.commit();
  ArticleStore store(c.db);
  std::ostringstream json, text;
  print_article(store, "h1", std::nullopt, *make_json_sprinter(json));
  const auto j = nlohmann::json::parse(json.str());
  ASSERT_EQ(j["headings"].size(), 1u);
  EXPECT_EQ(j["headings"][0]["text"], "What next");
  EXPECT_EQ(j["headings"][0]["passage"], 2);
  print_article(store, "h1", std::nullopt, *make_text_sprinter(text));
  EXPECT_NE(text.str().find("[1] Opening words of the story.\n\n## What next\n\n[2] The plan"), std::string::npos)
      << text.str();
}

}  // namespace

// ---- The command line (cli_format.h, shared with newsindex) ----

namespace {

TEST(CommandLine, HelpShowsNoFlagValues) {
  CLI::App app{"test", "newsquery"};
  bool mmap = true, feedback = true;
  app.add_flag("--mmap,!--no-mmap", mmap, "Mapped reads (default on)");
  app.add_flag("--feedback,!--no-feedback", feedback, "Feedback (default on)");
  use_help_formatter(app);
  const std::string help = app.help();
  EXPECT_EQ(help.find("{false}"), std::string::npos) << help;
  EXPECT_NE(help.find("--mmap,--no-mmap"), std::string::npos) << help;
  EXPECT_NE(help.find("--feedback,--no-feedback"), std::string::npos) << help;
}

struct CliErrorCase {
  std::vector<std::string> args;
  int status;
  const char* stderr_start;  // "" = nothing on stderr
};

class CliErrors : public ::testing::TestWithParam<CliErrorCase> {};

TEST_P(CliErrors, OnePrefixedLine) {
  CLI::App app{"test", "newsquery"};
  size_t limit = 10;
  app.add_option("-n,--limit", limit, "Hits");
  std::vector<std::string> args = GetParam().args;
  std::vector<const char*> argv{"newsquery"};
  for (const auto& a : args) argv.push_back(a.c_str());
  std::ostringstream captured;
  std::streambuf* old_err = std::cerr.rdbuf(captured.rdbuf());
  std::streambuf* old_out = std::cout.rdbuf(captured.rdbuf());
  int status = 0;
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    status = cli_parse_error(app, e, "newsquery");
  }
  std::cerr.rdbuf(old_err);
  std::cout.rdbuf(old_out);
  EXPECT_EQ(status, GetParam().status);
  const std::string out = captured.str();
  EXPECT_EQ(out.rfind(GetParam().stderr_start, 0), 0u) << out;
  if (status == 2) {
    EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1) << out;
    EXPECT_NE(out.find("(see newsquery --help)"), std::string::npos) << out;
  }
}

INSTANTIATE_TEST_SUITE_P(CommandLine, CliErrors,
                         ::testing::Values(CliErrorCase{{"--bogus"}, 2, "newsquery: "},
                                           CliErrorCase{{"--limit", "many"}, 2, "newsquery: "},
                                           CliErrorCase{{"--limit"}, 2, "newsquery: "},
                                           CliErrorCase{{"--help"}, 0, "test"}, CliErrorCase{{"-n", "3"}, 0, ""}));

// A query word that begins with - before `--` is read as options; the one line says where the
// query goes instead of naming a piece of the word or printing help.
struct DashWordCase {
  std::vector<std::string> args;
  const char* line;  // "" = not a dash word's error (parsed, or help)
};

class DashWords : public ::testing::TestWithParam<DashWordCase> {};

TEST_P(DashWords, SayWhereTheQueryGoes) {
  CLI::App app{"test", "newsquery"};
  size_t limit = 10;
  bool count = false;
  std::string format = "text";
  std::vector<std::string> words;
  app.add_option("-n,--limit", limit, "Hits");
  app.add_flag("-c,--count", count, "Count");
  app.add_option("-f,--format", format, "Format")->check(CLI::IsMember({"text", "json"}));
  app.add_option("query", words, "Query words");
  const std::vector<std::string>& args = GetParam().args;
  std::vector<const char*> argv{"newsquery"};
  for (const auto& a : args) argv.push_back(a.c_str());
  std::string line;
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::ParseError& e) {
    line = dash_word_error(app, e, args).value_or("");
  }
  EXPECT_EQ(line, GetParam().line);
}

INSTANTIATE_TEST_SUITE_P(
    CommandLine, DashWords,
    ::testing::Values(
        DashWordCase{{"-tag:x", "flood"},
                     "newsquery: -tag:x is not an option; a query with a word that begins with - goes after --: "
                     "newsquery [OPTIONS] -- QUERY"},
        DashWordCase{{"flood", "-site:example.com"},
                     "newsquery: -site:example.com is not an option; a query with a word that begins with - goes "
                     "after --: newsquery [OPTIONS] -- QUERY"},
        // -c -h -ina: a help flag inside a word is no request for help
        DashWordCase{{"japan", "-china"},
                     "newsquery: -china is not an option; a query with a word that begins with - goes after --: "
                     "newsquery [OPTIONS] -- QUERY"},
        DashWordCase{{"flood", "-fire"},
                     "newsquery: --format: ire not in {text,json}; if -fire is part of the query, put the query "
                     "after --: newsquery [OPTIONS] -- QUERY"},
        DashWordCase{{"--", "-tag:x", "flood"}, ""}, DashWordCase{{"-c", "flood"}, ""},
        DashWordCase{{"--help"}, ""}, DashWordCase{{"--bogus"}, ""}, DashWordCase{{"-n", "many"}, ""}));

}  // namespace
