// .json files that are one JSON document (pretty-printed by scrapers and news APIs) rather than
// JSON Lines: every article they hold is read, an unusable one is named by its place, a
// document that breaks off keeps what came before, and JSON Lines still reads line by line.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/errors.h"
#include "indexer/readers/jsonl_reader.h"
#include "indexer/readers/reader.h"

using namespace newsindex;

namespace {

struct DocCase {
  const char* name;
  const char* text;
  std::vector<std::string> ids;       // the articles read, in order
  std::vector<std::string> problems;  // each problem's text, in order
};

std::vector<std::string> ids_of(const ReadResult& r) {
  std::vector<std::string> ids;
  for (const Article& a : r.articles) ids.push_back(a.id.empty() ? a.url : a.id);
  return ids;
}

std::vector<std::string> problems_of(const ReadResult& r) {
  std::vector<std::string> out;
  for (const InputError& e : r.problems) out.emplace_back(e.what());
  return out;
}

}  // namespace

class JsonDocuments : public ::testing::TestWithParam<DocCase> {};

TEST_P(JsonDocuments, ReadEveryArticle) {
  const DocCase& c = GetParam();
  const ReadResult r = read_source(c.text, "dump.json", Format::Auto);
  EXPECT_EQ(ids_of(r), c.ids);
  EXPECT_EQ(problems_of(r), c.problems);
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, JsonDocuments,
    ::testing::Values(
        // news-please writes one article a file, indented.
        DocCase{"one_article_pretty_printed",
                "{\n    \"authors\": [\"Ann Lee\"],\n    \"date_publish\": \"2018-06-06 09:30:00\",\n"
                "    \"maintext\": \"Talks resumed.\\n\\nDecoupling was not on the table.\",\n"
                "    \"title\": \"Trade talks resume\",\n    \"url\": \"https://example.com/trade/\"\n}\n",
                {"https://example.com/trade/"}, {}},
        DocCase{"array_pretty_printed", "[\n  {\"id\": \"a1\", \"text\": \"One.\"},\n  {\n    \"id\": \"a2\",\n    \"text\": \"Two.\"\n  }\n]\n",
                {"a1", "a2"}, {}},
        DocCase{"array_on_one_line", "[{\"id\": \"m1\", \"text\": \"One.\"}, {\"id\": \"m2\", \"text\": \"Two.\"}]\n",
                {"m1", "m2"}, {}},
        DocCase{"bad_element_named_by_its_place",
                "[\n {\"id\": \"a1\", \"text\": \"One.\"},\n {\"title\": \"no id\", \"text\": \"x\"},\n \"a string\"\n]\n",
                {"a1"},
                {"dump.json: article 2 of the array: no \"id\" or \"url\"", "dump.json: article 3 of the array: not a JSON object"}},
        // A news API's answer: the articles are an array inside the object.
        DocCase{"api_response",
                "{\n \"status\": \"ok\",\n \"totalResults\": 2,\n \"articles\": [\n"
                "  {\"source\": {\"name\": \"BBC\"}, \"url\": \"https://example.com/1\", \"publishedAt\": \"2024-01-02T10:00:00Z\", \"content\": \"One.\"},\n"
                "  {\"url\": \"https://example.com/2\", \"content\": \"Two.\"}\n ]\n}\n",
                {"https://example.com/1", "https://example.com/2"}, {}},
        DocCase{"broken_off_keeps_what_came_before",
                "[\n {\"id\": \"t1\", \"text\": \"One.\"},\n {\"id\": \"t2\", \"text\": \"Two.\"},\n {\"id\": \"t3\", \"te",
                {"t1", "t2"},
                {"dump.json: invalid JSON: line 4, column 18: syntax error while parsing object key - invalid string: "
                 "missing closing quote; last read: '\"te'; expected string literal; the articles before it are read"}},
        // A JSON Lines dump whose first line is broken is still read line by line.
        DocCase{"jsonl_with_a_broken_first_line", "{\"id\": \"b1\", \"text\": \"cut\n{\"id\": \"b2\", \"text\": \"Two.\"}\n{\"id\": \"b3\", \"text\": \"Three.\"}\n",
                {"b2", "b3"}, {"dump.json:1: not a JSON object (invalid JSON)"}},
        DocCase{"jsonl_line_holding_an_array", "{\"id\": \"l1\", \"text\": \"One.\"}\n[{\"id\": \"l2\", \"text\": \"Two.\"}, {\"text\": \"x\"}]\n",
                {"l1", "l2"}, {"dump.json:2: article 2 of the array: no \"id\" or \"url\""}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(JsonDocuments, APrettyPrintedArticleKeepsItsFieldsAndHasNoLine) {
  const ReadResult r = read_source(
      "{\n \"authors\": [\"Ann Lee\", \"Bo Chen\"],\n \"date_publish\": \"2018-06-06 09:30:00\",\n"
      " \"maintext\": \"Talks resumed.\\n\\nDecoupling was not on the table.\",\n \"title\": \"Trade talks\",\n"
      " \"url\": \"https://example.com/trade/\"\n}\n",
      "a.json", Format::Jsonl);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles.front();
  EXPECT_EQ(a.title, "Trade talks");
  EXPECT_EQ(a.author, "Ann Lee, Bo Chen");
  EXPECT_EQ(a.date.value_or(""), "2018-06-06");
  ASSERT_EQ(a.blocks.size(), 2u);
  EXPECT_EQ(a.blocks[1].text, "Decoupling was not on the table.");
  EXPECT_EQ(a.source_line, 0u);  // a line number would point into the middle of the object
}

TEST(JsonDocuments, ADocumentWithoutArticlesIsOneError) {
  // Not news: a map of annotations, a package manifest, numbers. One line, not one per line.
  for (const char* text : {"{\n \"https://example.com/a\": {\n  \"file\": \"a.html\",\n  \"with\": [\"x\"]\n }\n}\n",
                           "{\n  \"name\": \"pkg\",\n  \"version\": \"1.0.0\"\n}\n", "[\n  1,\n  2\n]\n"}) {
    try {
      read_source(text, "meta.json", Format::Auto);
      ADD_FAILURE() << "no error for " << text;
    } catch (const InputError& e) {
      const std::string what = e.what();
      EXPECT_EQ(what.rfind("meta.json: ", 0), 0u) << what;
      EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
  }
}

TEST(JsonDocuments, OnlyAnOpenBracketLineMakesADocument) {
  struct Case {
    const char* head;
    bool lines;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"{\"id\": \"1\", \"text\": \"x\"}\n{\"id\": \"2\"", true},  // JSON Lines
           {"{\n  \"id\": \"1\",", false},                             // an indented object
           {"[\n  {", false},                                          // an indented array
           {"  \n[{\"id\": \"1\"},\n", false},                         // an array, one object a line
           {"[{\"id\": \"1\"}]\n", true},                              // an array on one line is a line
           {"{\"id\": \"1\", \"text\": \"a first line longer than the head", true},
           {"not json\n{\"id\": \"1\"}\n", true},
           {"{\"id\": \"1\", \"text\": \"broken\n{\"id\": \"2\"}\n", true},  // a broken record is a line
           {"", true}}) {
    EXPECT_EQ(json_lines_shape(c.head), c.lines) << c.head;
    EXPECT_EQ(reads_by_lines(Format::Jsonl, c.head), c.lines) << c.head;
  }
  EXPECT_FALSE(reads_by_lines(Format::Html, "<html>\n"));
}
