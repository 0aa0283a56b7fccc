// CSV and TSV news tables: one article a row under a header naming JSON Lines' fields (and their
// other names), quoted fields holding delimiters, quotes and newlines, bad rows named by number.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/errors.h"
#include "indexer/readers/csv_reader.h"
#include "indexer/readers/reader.h"

using namespace newsindex;

namespace {

struct CsvCase {
  const char* name;
  const char* text;
  std::vector<std::string> ids;       // id, else url, of each article read
  std::vector<std::string> titles;
  std::vector<std::string> problems;
};

}  // namespace

class CsvTables : public ::testing::TestWithParam<CsvCase> {};

TEST_P(CsvTables, ReadEveryRow) {
  const CsvCase& c = GetParam();
  const ReadResult r = read_source(c.text, "news.csv", Format::Auto);
  std::vector<std::string> ids, titles, problems;
  for (const Article& a : r.articles) {
    ids.push_back(a.id.empty() ? a.url : a.id);
    titles.push_back(a.title);
  }
  for (const InputError& e : r.problems) problems.emplace_back(e.what());
  EXPECT_EQ(ids, c.ids);
  EXPECT_EQ(titles, c.titles);
  EXPECT_EQ(problems, c.problems);
}

INSTANTIATE_TEST_SUITE_P(
    Shapes, CsvTables,
    ::testing::Values(
        // Kaggle's "All the news": an unnamed index column, the story in "content".
        CsvCase{"all_the_news",
                ",id,title,publication,author,date,year,month,url,content\n"
                "0,17283,\"House Republicans Fret, Again\",New York Times,Carl Hulse,2016-12-31,2016.0,12.0,,\"WASHINGTON — "
                "Congressional Republicans have a new fear.\n\nThey said \"\"no\"\" again.\"\n"
                "1,17284,Rift Between Officers,New York Times,Benjamin Mueller,2017-06-19,2017.0,6.0,,After the bullet shells get counted.\n",
                {"17283", "17284"}, {"House Republicans Fret, Again", "Rift Between Officers"}, {}},
        CsvCase{"tabs", "id\ttitle\ttext\na1\tOne\tFirst story.\na2\tTwo\tSecond, with a comma.\n", {"a1", "a2"}, {"One", "Two"}, {}},
        CsvCase{"semicolons_and_a_bom", "\xEF\xBB\xBFurl;headline;body\nhttps://example.com/a;Eins;Erster Text.\n",
                {"https://example.com/a"}, {"Eins"}, {}},
        CsvCase{"bad_row_named_by_number", "id,title,text\na1,One,First.\n,No id,Lost?\n\na3,Three,Third.\n",
                {"a1", "a3"}, {"One", "Three"}, {"news.csv: row 3: no \"id\" or \"url\""}},
        CsvCase{"headline_only_rows", "id,title\nh1,Only a headline\n", {"h1"}, {"Only a headline"}, {}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(CsvTables, ColumnsNameTheFields) {
  const ReadResult r = read_source(
      "ID,Headline,Authors,Date_Publish,Category,Keywords,Language,Maintext\n"
      "x1,Talks resume,\"Ann Lee, Bo Chen\",2018-06-06 09:30:00,World,\"trade; China\",en,\"First paragraph.\n\nSecond.\"\n",
      "d.csv", Format::Auto);
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles.front();
  EXPECT_EQ(a.title, "Talks resume");
  EXPECT_EQ(a.author, "Ann Lee, Bo Chen");
  EXPECT_EQ(a.date.value_or(""), "2018-06-06");
  EXPECT_EQ(a.category, "World");
  EXPECT_EQ(a.lang, "en");
  EXPECT_EQ(a.tags, (std::vector<std::string>{"trade", "China"}));
  ASSERT_EQ(a.blocks.size(), 2u);
  EXPECT_EQ(a.blocks[1].text, "Second.");
}

TEST(CsvTables, ATableWithoutNewsIsOneError) {
  try {
    read_source("date,open,close\n2018-06-06,1.0,2.0\n2018-06-07,2.0,3.0\n", "prices.csv", Format::Auto);
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("prices.csv: row 1: the header names no text column", 0), 0u) << e.what();
  }
}

TEST(CsvTables, ChosenByExtension) {
  EXPECT_EQ(detect_format("a.csv", "id,title,text\n"), Format::Csv);
  EXPECT_EQ(detect_format("a.tsv.gz", "id\ttitle\ttext\n"), Format::Csv);
  EXPECT_EQ(detect_format("a.txt", "id,title,text\n"), Format::Text);  // a CSV only by its name
}
