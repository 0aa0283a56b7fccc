// JSON Lines records: the contract's field names, the names common news dumps use for the same
// fields, and the one-line errors for records that cannot be indexed.
#include <gtest/gtest.h>

#include "common/errors.h"
#include "indexer/readers/jsonl_reader.h"

using namespace newsindex;

namespace {

struct FieldCase {
  const char* name;
  const char* line;
  const char* id, *url, *title, *author, *date, *category, *lang, *first_paragraph;
};

}  // namespace

class JsonlFields : public ::testing::TestWithParam<FieldCase> {};

TEST_P(JsonlFields, Read) {
  const FieldCase& c = GetParam();
  const Article a = parse_jsonl_line(c.line, "feed.jsonl", 7);
  EXPECT_EQ(a.id, c.id);
  EXPECT_EQ(a.url, c.url);
  EXPECT_EQ(a.title, c.title);
  EXPECT_EQ(a.author, c.author);
  EXPECT_EQ(a.date.value_or(""), c.date);
  EXPECT_EQ(a.category, c.category);
  EXPECT_EQ(a.lang, c.lang);
  ASSERT_FALSE(a.blocks.empty());
  EXPECT_EQ(a.blocks.front().text, c.first_paragraph);
  EXPECT_EQ(a.source, "feed.jsonl");
  EXPECT_EQ(a.source_line, 7u);
}

INSTANTIATE_TEST_SUITE_P(
    Names, JsonlFields,
    ::testing::Values(
        FieldCase{"contract",
                  R"({"id":"a1","url":"https://Example.com/x?utm_source=rss","title":"T","author":"A B","date":"2018-06-06","category":"World","lang":"en","text":"One.\n\nTwo."})",
                  "a1", "https://example.com/x", "T", "A B", "2018-06-06", "World", "en", "One."},
        FieldCase{"section_for_category", R"({"id":"a2","text":"x","section":"Sport"})", "a2", "", "", "", "", "Sport", "",
                  "x"},
        FieldCase{"news_please",
                  R"({"_id":"np1","headline":"H","maintext":"Body text.","date_publish":"2023-09-20 18:05:00","authors":["Ann Lee","Bo Chen"],"language":"de"})",
                  "np1", "", "H", "Ann Lee, Bo Chen", "2023-09-20", "", "de", "Body text."},
        FieldCase{"rss",
                  R"({"guid":"g1","link":"https://example.com/r","title":"R","content":"C.","pubDate":"Wed, 20 Sep 2023 18:05:00 GMT","byline":"By Cy Diaz","categories":["Energy","Local"]})",
                  "g1", "https://example.com/r", "R", "Cy Diaz", "2023-09-20", "Energy, Local", "", "C."},
        FieldCase{"body_and_object_author",
                  R"({"url":"https://example.com/b","body":"B.","author":{"name":"Dee"},"published_at":"2023-09-21T08:00:00+02:00"})",
                  "", "https://example.com/b", "", "Dee", "2023-09-21", "", "", "B."},
        // HuffPost's News Category Dataset keeps a summary, not the story.
        FieldCase{"summary_only_dataset",
                  R"({"link":"https://www.huffpost.com/entry/x","headline":"H","category":"U.S. NEWS","short_description":"Short.","authors":"Carla K. Johnson, AP","date":"2022-09-23"})",
                  "", "https://www.huffpost.com/entry/x", "H", "Carla K. Johnson, AP", "2022-09-23", "U.S. NEWS", "",
                  "Short."},
        // The contract's name wins over an alias present in the same record.
        FieldCase{"contract_name_first", R"({"id":"c1","_id":"other","text":"Text.","body":"Body.","title":"T","headline":"H"})",
                  "c1", "", "T", "", "", "", "", "Text."}),
    [](const auto& info) { return std::string(info.param.name); });

struct TagCase {
  const char* name;
  const char* line;
  std::vector<std::string> tags;
};

std::ostream& operator<<(std::ostream& os, const TagCase& c) { return os << c.name; }

class JsonlTags : public ::testing::TestWithParam<TagCase> {};

TEST_P(JsonlTags, Read) { EXPECT_EQ(parse_jsonl_line(GetParam().line, "t.jsonl", 1).tags, GetParam().tags); }

INSTANTIATE_TEST_SUITE_P(
    Names, JsonlTags,
    ::testing::Values(
        TagCase{"tags_array", R"({"id":"t1","text":"x","tags":["Climate change","EU","eu"," Paris  Agreement "]})",
                {"Climate change", "EU", "Paris Agreement"}},
        TagCase{"tags_string", R"({"id":"t2","text":"x","tags":"trade, tariffs;steel"})", {"trade", "tariffs", "steel"}},
        TagCase{"keywords_array_of_objects", R"({"id":"t3","text":"x","keywords":[{"name":"Energy"},{"id":4},5,"Oil"]})",
                {"Energy", "Oil"}},
        // An array element is one tag, its commas included.
        TagCase{"array_keeps_commas", R"({"id":"t4","text":"x","tags":["Washington, D.C."]})", {"Washington, D.C."}},
        TagCase{"tags_before_keywords", R"({"id":"t5","text":"x","tags":["A"],"keywords":"B"})", {"A"}},
        TagCase{"empty_tags_fall_to_keywords", R"({"id":"t6","text":"x","tags":[],"keywords":"B"})", {"B"}},
        TagCase{"empty_and_wrong_types", R"({"id":"t7","text":"x","tags":"","keywords":{"a":1}})", {}},
        TagCase{"none", R"({"id":"t8","text":"x","category":"World"})", {}}),
    [](const auto& info) { return std::string(info.param.name); });

struct BadCase {
  const char* name;
  const char* line;
  const char* message;  // part of the error
};

class JsonlRejects : public ::testing::TestWithParam<BadCase> {};

TEST_P(JsonlRejects, WithLineAndReason) {
  try {
    parse_jsonl_line(GetParam().line, "feed.jsonl", 12);
    FAIL() << "accepted " << GetParam().line;
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("feed.jsonl:12"), std::string::npos) << what;
    EXPECT_NE(what.find(GetParam().message), std::string::npos) << what;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Bad, JsonlRejects,
    ::testing::Values(BadCase{"invalid_json", R"({"id":"x","text":)", "invalid JSON"},
                      BadCase{"not_an_object", R"(["id","text"])", "not a JSON object"},
                      BadCase{"no_id_or_url", R"({"text":"words"})", "no \"id\" or \"url\""},
                      BadCase{"no_text", R"({"id":"x","teaser":"only this"})", "no \"text\" string"},
                      BadCase{"text_not_a_string", R"({"id":"x","text":["a","b"]})", "no \"text\" string"},
                      BadCase{"empty", R"({"id":"x","text":""})", "empty \"text\""}),
    [](const auto& info) { return std::string(info.param.name); });

// Dumps of the same sites as the news-text files carry the same link shortcodes in their text:
// the links are recorded and no shortcode words reach a passage.
TEST(JsonlLinks, ShortcodesInTheTextBecomeLinks) {
  const Article a = parse_jsonl_line(
      R"({"id":"s1","text":"Shares fell. [interstitial_link url=https://a.example/x]Chip stocks had rallied[/interstitial_link] for a year.\n\n)"
      R"([interstitial_link url=https://a.example/y]Related story[/interstitial_link]\n\nMore text here."})",
      "feed.jsonl", 3);
  ASSERT_EQ(a.blocks.size(), 2u);
  EXPECT_EQ(a.blocks[0].text, "Shares fell. Chip stocks had rallied for a year.");
  EXPECT_EQ(a.blocks[1].text, "More text here.");
  ASSERT_EQ(a.links.size(), 2u);
  EXPECT_EQ(a.links[0].url, "https://a.example/x");
  EXPECT_EQ(a.links[0].anchor, "Chip stocks had rallied");
  EXPECT_EQ(a.links[0].block_index, 0);  // inside the first paragraph
  EXPECT_EQ(a.links[1].anchor, "Related story");
  EXPECT_EQ(a.links[1].block_index, 0);  // a related link after it
}

// Scraped dumps keep the page's markup or its character references in the text: the passages
// hold what a browser shows, and the markup's links become links.
TEST(JsonlMarkup, HtmlInTheTextIsReadAsHtml) {
  const Article a = parse_jsonl_line(
      R"({"url":"https://news.example/world/a","content":"<p>First about <b>tariffs</b> &amp; trade.</p>)"
      R"(<h2>Next</h2><p>See <a href=\"/world/b\">the earlier story</a>.</p><script>var x=1;</script>"})",
      "feed.jsonl", 4);
  ASSERT_EQ(a.blocks.size(), 3u);
  EXPECT_EQ(a.blocks[0].text, "First about tariffs & trade.");
  EXPECT_EQ(a.blocks[1].kind, Block::Kind::Heading);
  EXPECT_EQ(a.blocks[2].text, "See the earlier story.");
  EXPECT_EQ(a.blocks[2].line, 4u);
  ASSERT_EQ(a.links.size(), 1u);
  EXPECT_EQ(a.links[0].url, "https://news.example/world/b");
  EXPECT_EQ(a.links[0].block_index, 2);
}

TEST(JsonlMarkup, CharacterReferencesInPlainText) {
  struct Case {
    const char* text;  // JSON string body
    const char* first;
  };
  const Case cases[] = {
      {"Prices rose 5% &amp; wages fell &mdash; again.", "Prices rose 5% & wages fell \u2014 again."},
      {"AT&T and R&D stay as written; so does a < b.", "AT&T and R&D stay as written; so does a < b."},
      {"It&#8217;s &quot;done&quot;.", "It\u2019s \"done\"."},
  };
  for (const auto& c : cases) {
    const Article a = parse_jsonl_line(std::string(R"({"id":"e","text":")") + c.text + "\"}", "feed.jsonl", 1);
    ASSERT_FALSE(a.blocks.empty()) << c.text;
    EXPECT_EQ(a.blocks[0].text, c.first) << c.text;
  }
}
