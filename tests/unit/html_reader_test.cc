// The HTML reader: article body without page furniture, metadata precedence, links,
// charsets, broken and hostile markup. Fixture pages live in tests/fixtures/html/.
#include "indexer/readers/html_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/errors.h"
#include "indexer/readers/html_metadata.h"
#include "indexer/readers/reader.h"

namespace newsindex {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(NEWSINDEX_FIXTURES) + "/html/" + name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Article read_fixture(const std::string& name) { return read_html(fixture(name), "html/" + name); }

std::string all_text(const Article& a) {
  std::string out;
  for (const Block& b : a.blocks) out += b.text + "\n";
  return out;
}

// 1-based line of the first line containing `needle`.
uint32_t line_of(const std::string& text, const std::string& needle) {
  size_t pos = text.find(needle);
  return pos == std::string::npos ? 0 : 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + pos, '\n'));
}

using Kind = Block::Kind;

TEST(HtmlReader, BoilerplateNeverInBlocks) {
  Article a = read_fixture("article_boilerplate.html");
  std::string text = all_text(a);
  for (const char* marker : {"NAV TEXT", "SHARE TEXT", "COOKIE TEXT", "STYLE TEXT", "SCRIPT TEXT", "ASIDE TEXT",
                             "NEWSLETTER TEXT", "RELATED TEXT", "NOSCRIPT TEXT", "FOOTER TEXT", "COMMENT TEXT",
                             "SIDEBAR TEXT", "ALT TEXT", "By Mara", "Tweet", "Sign up", "Most read"})
    EXPECT_EQ(text.find(marker), std::string::npos) << marker;
}

TEST(HtmlReader, BlocksInOrderWithKinds) {
  Article a = read_fixture("article_boilerplate.html");
  std::vector<std::pair<Kind, std::string>> expected = {
      {Kind::Caption, "The morning ferry leaves Eastport at dawn. (Photo: J. Berg)"},
      {Kind::Paragraph,
       "Three harbour towns on the north coast are asking the operator to rewrite the ferry timetable, after a "
       "winter of cancelled crossings left commuters stranded."},
      {Kind::Paragraph,
       "\xE2\x80\x9CWe can\xE2\x80\x99t plan a working week around a boat that may not come,\xE2\x80\x9D said Ines "
       "Bar\xC3\xA9, who runs a bakery in Eastport & commutes to the mainland. Read our March report on the "
       "cancellations for background."},
      {Kind::Heading, "What the towns want"},
      {Kind::Paragraph,
       "The councils want an earlier first sailing and a later last one, and a published reliability target."},
      {Kind::Paragraph, "A first sailing before 06:30"},
      {Kind::Paragraph, "A last sailing after 22:00"},
      {Kind::Heading, "The operator\xE2\x80\x99s view"},
      {Kind::Paragraph,
       "The operator says crew shortages, not the timetable, caused most cancellations. JS LINK MAIL LINK "
       "FRAGMENT LINK"},
      {Kind::Paragraph, "We hear the towns, and we are hiring."},
  };
  ASSERT_EQ(a.blocks.size(), expected.size()) << all_text(a);
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(a.blocks[i].kind, expected[i].first) << i;
    EXPECT_EQ(a.blocks[i].text, expected[i].second) << i;
  }
}

TEST(HtmlReader, BlockLinesFromSource) {
  std::string page = fixture("article_boilerplate.html");
  Article a = read_html(page, "p.html");
  ASSERT_GE(a.blocks.size(), 4u);
  EXPECT_EQ(a.blocks[0].line, line_of(page, "The morning ferry"));
  EXPECT_EQ(a.blocks[1].line, line_of(page, "Three harbour towns"));
  EXPECT_EQ(a.blocks[3].line, line_of(page, "What the towns want"));
}

TEST(HtmlReader, Metadata) {
  Article a = read_fixture("article_boilerplate.html");
  EXPECT_EQ(a.title, "Harbour towns rethink the ferry timetable");
  EXPECT_EQ(a.date, "2019-04-12");
  EXPECT_EQ(a.author, "Mara Lindqvist");
  EXPECT_EQ(a.url, "https://news.example.org/region/2019/04/12/harbour-towns-ferry/");
  EXPECT_EQ(a.lang, "en-US");
  EXPECT_EQ(a.category, "Region");
  EXPECT_EQ(a.source, "html/article_boilerplate.html");
  EXPECT_TRUE(a.id.empty());
}

TEST(HtmlReader, LinksResolvedAndFiltered) {
  Article a = read_fixture("article_boilerplate.html");
  ASSERT_EQ(a.links.size(), 2u);
  EXPECT_EQ(a.links[0].url, "https://news.example.org/region/2019/03/02/ferry-cancellations/");
  EXPECT_EQ(a.links[0].anchor, "our March report on the cancellations");
  EXPECT_EQ(a.links[0].block_index, 2);
  EXPECT_EQ(a.links[1].url, "https://example.net/timetable.pdf?utm_campaign=spring#page=2");
  EXPECT_EQ(a.links[1].anchor, "published reliability target");
  EXPECT_EQ(a.links[1].block_index, 4);
}

TEST(HtmlReader, LinkBlockIndexForLinksOutsideParagraphs) {
  Article a = read_html(
      "<html><head><link rel=canonical href='https://ex.com/a/b'></head><body><article>"
      "<p>First.</p><a href='c'>  loose\n link </a><p>Second <a href='/d'>inline</a> text.</p>"
      "<a href='e'><p>wrapped block</p></a><a href='https://ex.com/a/b#top'>Top</a></article></body></html>",
      "l.html");
  ASSERT_EQ(a.links.size(), 3u);
  EXPECT_EQ(a.links[0].url, "https://ex.com/a/c");
  EXPECT_EQ(a.links[0].anchor, "loose link");
  EXPECT_EQ(a.links[0].block_index, 1);  // "loose link" is a block of its own
  EXPECT_EQ(a.links[1].url, "https://ex.com/d");
  EXPECT_EQ(a.links[1].block_index, 2);
  EXPECT_EQ(a.links[2].anchor, "wrapped block");
  EXPECT_EQ(a.links[2].block_index, 3);
}

TEST(HtmlReader, BaseHrefUsedForLinks) {
  Article a = read_html(
      "<html><head><base href='https://cdn.ex.com/news/'><meta property='og:url' content='https://ex.com/x'>"
      "</head><body><p>See <a href='story.html'>the story</a>.</p></body></html>",
      "b.html");
  ASSERT_EQ(a.links.size(), 1u);
  EXPECT_EQ(a.links[0].url, "https://cdn.ex.com/news/story.html");
  EXPECT_EQ(a.url, "https://ex.com/x");
}

TEST(HtmlReader, RelativeLinksWithoutPageUrlKeptAsWritten) {
  Article a = read_html("<p>See <a href='../story.html'>the story</a>.</p>", "r.html");
  ASSERT_EQ(a.links.size(), 1u);
  EXPECT_EQ(a.links[0].url, "../story.html");
  EXPECT_TRUE(a.url.empty());
}

// ---- metadata precedence ----

TEST(HtmlMetadata, OgTitleAndPublishedTimeWin) {
  Article a = read_fixture("metadata_og.html");
  EXPECT_EQ(a.title, "The og:title wins");
  EXPECT_EQ(a.date, "2020-02-29");
  EXPECT_EQ(a.author, "LD Author");
}

TEST(HtmlMetadata, H1AndTimeComeSecond) {
  Article a = read_fixture("metadata_h1.html");
  EXPECT_EQ(a.title, "The h1 comes second");
  EXPECT_EQ(a.date, "2010-10-10");
  EXPECT_EQ(a.author, "LD Author");
  EXPECT_EQ(a.lang, "fr");
}

TEST(HtmlMetadata, TitleElementAndJsonLdLast) {
  Article a = read_fixture("metadata_title.html");
  EXPECT_EQ(a.title, "Title element wins last");
  EXPECT_EQ(a.date, "2001-01-01");
  EXPECT_EQ(a.author, "Ann One, Bo Two");
  ASSERT_EQ(a.blocks.size(), 1u);
}

TEST(HtmlMetadata, JsonLdGraphSkipsNonArticleObjects) {
  Article a = read_html(
      "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebPage\",\"datePublished\":\"1999-01-01\"},"
      "{\"@type\":\"NewsArticle\",\"datePublished\":\"2018-06-06T10:00:00-04:00\",\"author\":\"Plain Name\"}]}"
      "</script><p>text</p>",
      "j.html");
  EXPECT_EQ(a.date, "2018-06-06");
  EXPECT_EQ(a.author, "Plain Name");
}

TEST(HtmlMetadata, InvalidDatesFallThrough) {
  Article a = read_html(
      "<meta property='article:published_time' content='2018-02-30'><time datetime='garbage'></time>"
      "<script type='application/ld+json'>{\"datePublished\":\"2018-03-01\"}</script><p>text</p>",
      "d.html");
  EXPECT_EQ(a.date, "2018-03-01");
}

TEST(HtmlMetadata, CanonicalBeforeOgUrl) {
  Article a = read_html(
      "<link rel='canonical' href='HTTPS://Ex.COM/a/?utm_medium=x#f'><meta property='og:url' content='https://ex.com/og'>"
      "<p>text</p>",
      "c.html");
  EXPECT_EQ(a.url, "https://ex.com/a/");
}

// NITF, the XML of news archives (the NYT corpus): metadata in <meta> and <pubdata>, the body in
// <body.content> blocks, the lead paragraph repeated in the full text.
constexpr const char* kNitf =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!DOCTYPE nitf SYSTEM \"http://www.nitf.org/IPTC/NITF/3.3/specification/dtd/nitf-3-3.dtd\">\n"
    "<nitf version=\"-//IPTC//DTD NITF 3.3//EN\">\n<head>\n<title>Abe Meets Trump</title>\n"
    "<meta content=\"6\" name=\"publication_day_of_month\"/>\n<meta content=\"6\" name=\"publication_month\"/>\n"
    "<meta content=\"2018\" name=\"publication_year\"/>\n<meta content=\"World; Front Page\" name=\"online_sections\"/>\n"
    "<docdata><doc-id id-string=\"1815718\"/></docdata>\n"
    "<pubdata date.publication=\"20180607T000000\" name=\"The New York Times\"/>\n</head>\n<body>\n"
    "<body.head><hedline><hl1>Abe Meets Trump</hl1></hedline>\n"
    "<byline class=\"print_byline\">By MOTOKO RICH</byline></body.head>\n<body.content>\n"
    "<block class=\"lead_paragraph\"><p>Prime Minister Shinzo Abe met President Trump amid fears of decoupling.</p></block>\n"
    "<block class=\"full_text\"><p>Prime Minister Shinzo Abe met President Trump amid fears of decoupling.</p>\n"
    "<p>Japanese officials worry that the United States might not uphold its commitments.</p>\n"
    "<p>The meeting came days before a planned summit in Singapore.</p></block>\n"
    "</body.content>\n</body>\n</nitf>\n";

TEST(HtmlMetadata, NitfArchiveXml) {
  EXPECT_EQ(detect_format("1815718.xml", kNitf), Format::Html);
  Article a = read_html(kNitf, "1815718.xml");
  EXPECT_EQ(a.title, "Abe Meets Trump");
  EXPECT_EQ(a.date, "2018-06-07");  // <pubdata date.publication> before the publication_* metas
  EXPECT_EQ(a.category, "World");
  std::vector<std::string> texts;
  for (const auto& b : a.blocks) texts.push_back(b.text);
  EXPECT_EQ(std::count(texts.begin(), texts.end(),
                       "Prime Minister Shinzo Abe met President Trump amid fears of decoupling."), 1);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "The meeting came days before a planned summit in Singapore."),
            texts.end());
  std::string no_pubdata = kNitf;
  no_pubdata.erase(no_pubdata.find(" date.publication=\"20180607T000000\""), 35);
  EXPECT_EQ(read_html(no_pubdata, "1815718.xml").date, "2018-06-06");  // from the publication_* metas
}

// ---- tags ----

struct TagCase {
  const char* name;
  std::string head;  // what the page's <head> holds
  std::vector<std::string> tags;
};

std::ostream& operator<<(std::ostream& os, const TagCase& c) { return os << c.name; }

class HtmlTags : public ::testing::TestWithParam<TagCase> {};

TEST_P(HtmlTags, Read) {
  const TagCase& c = GetParam();
  const Article a = read_html("<html><head>" + c.head + "</head><body><p>Text of the story.</p></body></html>", "t.html");
  EXPECT_EQ(a.tags, c.tags);
}

std::string ld(const std::string& body) { return "<script type='application/ld+json'>" + body + "</script>"; }

INSTANTIATE_TEST_SUITE_P(
    Sources, HtmlTags,
    ::testing::Values(
        TagCase{"keywords", "<meta name='keywords' content='Climate change, Paris Agreement;COP28 ,  '>",
                {"Climate change", "Paris Agreement", "COP28"}},
        TagCase{"news_keywords_before_keywords",
                "<meta name='keywords' content='news, breaking news'><meta name='news_keywords' content='Floods, Germany'>",
                {"Floods", "Germany"}},
        // One tag each (a comma belongs to the tag), before every list.
        TagCase{"article_tags",
                "<meta name='keywords' content='site, words'><meta property='article:tag' content='Washington, D.C.'>"
                "<meta property='article:tag' content='Elections'><meta property='article:tag' content='elections'>",
                {"Washington, D.C.", "Elections"}},
        TagCase{"json_ld_string", "<meta name='keywords' content='site'>" + ld(R"({"@type":"NewsArticle","keywords":"Trade, Tariffs"})"),
                {"Trade", "Tariffs"}},
        TagCase{"json_ld_array_in_graph",
                ld(R"({"@graph":[{"@type":"WebPage","keywords":"page"},{"@type":"NewsArticle","keywords":["Trade war",{"name":"Steel"},7]}]})"),
                {"Trade war", "Steel"}},
        TagCase{"json_ld_of_a_page_only", "<meta name='keywords' content='from meta'>" + ld(R"({"@type":"WebPage","keywords":"page"})"),
                {"from meta"}},
        TagCase{"full_width_commas", "<meta name='keywords' content='\xE6\xB0\x94\xE5\x80\x99\xEF\xBC\x8C\xE8\x83\xBD\xE6\xBA\x90\xE3\x80\x81" "EU'>",
                {"\xE6\xB0\x94\xE5\x80\x99", "\xE8\x83\xBD\xE6\xBA\x90", "EU"}},
        TagCase{"empty", "<meta name='keywords' content=''><meta property='article:tag' content='  '>", {}},
        TagCase{"none", "<meta name='description' content='A story.'>", {}},
        // A sentence is not a tag; a stuffed list keeps its first kMaxTags.
        TagCase{"overlong_dropped", "<meta name='keywords' content='short, " + std::string(kMaxTagBytes + 1, 'x') + "'>",
                {"short"}},
        TagCase{"exactly_the_limit", "<meta name='keywords' content='" + std::string(kMaxTagBytes, 'y') + "'>",
                {std::string(kMaxTagBytes, 'y')}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HtmlTags, AStuffedListKeepsItsFirstTags) {
  std::string list;
  for (int i = 0; i < 1000; ++i) list += "tag" + std::to_string(i) + ",";
  const Article a = read_html("<meta name='keywords' content='" + list + "'><p>Text.</p>", "s.html");
  ASSERT_EQ(a.tags.size(), kMaxTags);
  EXPECT_EQ(a.tags.front(), "tag0");
  EXPECT_EQ(a.tags.back(), "tag" + std::to_string(kMaxTags - 1));
}

struct TitleCase {
  const char* title;
  const char* site;
  const char* expected;
};

std::ostream& operator<<(std::ostream& os, const TitleCase& c) { return os << c.title; }

class StripTitleSuffix : public testing::TestWithParam<TitleCase> {};

TEST_P(StripTitleSuffix, Strips) {
  EXPECT_EQ(html::strip_title_suffix(GetParam().title, GetParam().site), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Titles, StripTitleSuffix,
    testing::Values(
        TitleCase{"Ferry timetable rethink | The Coastal Courier", "", "Ferry timetable rethink"},
        TitleCase{"Ferry timetable rethink - BBC News", "", "Ferry timetable rethink"},
        TitleCase{"Ferry timetable rethink \xE2\x80\x94 The Times", "", "Ferry timetable rethink"},
        TitleCase{"Abe is back to talk to Trump \xE2\x80\x94 with a list of Japan\xE2\x80\x99s concerns", "",
                  "Abe is back to talk to Trump \xE2\x80\x94 with a list of Japan\xE2\x80\x99s concerns"},
        TitleCase{"Short - A Very Long Site Name Indeed Here", "", "Short - A Very Long Site Name Indeed Here"},
        TitleCase{"Short - A Very Long Site Name Indeed Here", "A Very Long Site Name Indeed Here", "Short"},
        TitleCase{"No separator here", "", "No separator here"},
        TitleCase{"| Site", "", "| Site"}));

// ---- charsets ----

TEST(HtmlReader, Latin1Declared) {
  Article a = read_fixture("latin1_declared.html");
  EXPECT_EQ(a.title, "Caf\xC3\xA9 de la gare");
  ASSERT_EQ(a.blocks.size(), 2u);
  EXPECT_NE(a.blocks[0].text.find("Le caf\xC3\xA9 de la gare est ferm\xC3\xA9"), std::string::npos);
  EXPECT_NE(a.blocks[1].text.find("\xC2\xAB tr\xC3\xA8s s\xC3\xA9rieux \xC2\xBB"), std::string::npos);
  EXPECT_EQ(a.lang, "fr");
}

TEST(HtmlReader, Latin1Undeclared) {
  Article a = read_fixture("latin1_undeclared.html");
  EXPECT_EQ(a.title, "Caf\xC3\xA9 de la gare");
  ASSERT_EQ(a.blocks.size(), 2u);
  EXPECT_NE(a.blocks[0].text.find("Le caf\xC3\xA9 de la gare est ferm\xC3\xA9"), std::string::npos);
  EXPECT_EQ(all_text(a).find("\xEF\xBF\xBD"), std::string::npos);
}

TEST(HtmlReader, Utf16WithBom) {
  std::u16string page = u"<html><head><title>T\u00eate</title></head><body><p>\u00c9t\u00e9 \u2014 ok</p></body></html>";
  std::string bytes = "\xFF\xFE";
  for (char16_t c : page) {
    bytes += static_cast<char>(c & 0xFF);
    bytes += static_cast<char>(c >> 8);
  }
  Article a = read_html(bytes, "u.html");
  EXPECT_EQ(a.title, "T\xC3\xAAte");
  ASSERT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.blocks[0].text, "\xC3\x89t\xC3\xA9 \xE2\x80\x94 ok");
}

TEST(HtmlReader, DeclaredCharsetScan) {
  EXPECT_EQ(declared_html_charset("<meta charset=\"ISO-8859-1\">"), "iso-8859-1");
  EXPECT_EQ(declared_html_charset("<META http-equiv=Content-Type content='text/html; charset=windows-1252'>"),
            "windows-1252");
  EXPECT_EQ(declared_html_charset("<meta name=x content=y><p>charset=utf-8</p>"), "");
  EXPECT_EQ(declared_html_charset(std::string(5000, ' ') + "<meta charset=utf-8>"), "");
}

// ---- structure ----

TEST(HtmlReader, SectionsFromDensestBlock) {
  Article a = read_fixture("densest.html");
  std::vector<std::pair<Kind, std::string>> expected = {
      {Kind::Heading, "First section"},
      {Kind::Paragraph, "The first paragraph of the real story has quite a lot of words in it, more than the teaser."},
      {Kind::Paragraph, "The second paragraph of the real story continues with more words and detail."},
      {Kind::Heading, "Second section"},
      {Kind::Paragraph, "The third paragraph sits under the second section heading."},
  };
  ASSERT_EQ(a.blocks.size(), expected.size()) << all_text(a);
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(a.blocks[i].kind, expected[i].first);
    EXPECT_EQ(a.blocks[i].text, expected[i].second);
  }
  EXPECT_EQ(a.title, "No article element");
}

TEST(HtmlReader, WhitespaceCollapsedOtherCharactersKept) {
  Article a = read_html("<p>  two\n\n\tspaces&nbsp;kept <b>bold</b><i>italic</i>  <br>line </p>", "w.html");
  ASSERT_EQ(a.blocks.size(), 1u);
  EXPECT_EQ(a.blocks[0].text, "two spaces\xC2\xA0kept bolditalic line");
}

TEST(HtmlReader, TableRowsAndHiddenElements) {
  Article a = read_html(
      "<body><table><tr><td>Year</td><td>Crossings</td></tr><tr><td>2018</td><td>1200</td></tr></table>"
      "<p style='display: none'>HIDDEN</p><div hidden>HIDDEN</div><p aria-hidden='true'>HIDDEN</p></body>",
      "t.html");
  ASSERT_EQ(a.blocks.size(), 2u) << all_text(a);
  EXPECT_EQ(a.blocks[0].text, "Year Crossings");
  EXPECT_EQ(a.blocks[1].text, "2018 1200");
}

TEST(HtmlReader, TeaserArticleLosesToMain) {
  Article a = read_html(
      "<body><main><p>The main story has a long first paragraph with plenty of words in it to count.</p>"
      "<p>And a second long paragraph that also carries a good amount of text for the scorer.</p></main>"
      "<div class='rail'><article><p>Teaser.</p></article></div></body>",
      "m.html");
  EXPECT_EQ(a.blocks.size(), 2u) << all_text(a);
}

// ---- broken and hostile input ----

TEST(HtmlReader, PageCutInHalf) {
  Article a = read_fixture("truncated.html");
  EXPECT_EQ(a.title, "Cut off in the middle");
  ASSERT_GE(a.blocks.size(), 2u);
  EXPECT_EQ(a.blocks[0].text, "The first paragraph arrived whole.");
  EXPECT_EQ(a.blocks[1].text.rfind("The second paragraph was cut", 0), 0u);
}

TEST(HtmlReader, EveryPrefixOfAPageIsReadOrRejected) {
  std::string page = fixture("article_boilerplate.html");
  for (size_t n = 0; n <= page.size(); n += 37) {
    try {
      Article a = read_html(std::string_view(page).substr(0, n), "cut.html");
      for (const Block& b : a.blocks) EXPECT_FALSE(b.text.empty());
    } catch (const InputError&) {
    }
  }
  Article half = read_html(std::string_view(page).substr(0, page.size() / 2), "half.html");
  EXPECT_FALSE(half.blocks.empty());
}

// Deep nesting is read (quadratic cost would show as CTest's timeout; speed is measured in
// scripts/bench-*.sh, never asserted here).
TEST(HtmlReader, DeepNestingIsRead) {
  for (const char* tag : {"div", "b", "span", "blockquote", "a", "table"}) {
    std::string page = "<html><body>";
    for (int i = 0; i < 100000; ++i) page += std::string("<") + tag + (std::string(tag) == "a" ? " href=x>" : ">");
    page += "deep text";
    Article a = read_html(page, "deep.html");
    EXPECT_NE(all_text(a).find("deep text"), std::string::npos) << tag;
  }
}

TEST(HtmlReader, NothingUsableThrows) {
  EXPECT_THROW(read_html("", "empty.html"), InputError);
  EXPECT_THROW(read_html("<html><head><script>var x;</script></head><body>  </body></html>", "s.html"), InputError);
  EXPECT_THROW(read_html(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "p.html"), InputError);
  try {
    read_html("<nav>menu</nav>", "where.html");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.location, "where.html");
  }
}

TEST(HtmlReader, GarbageNeverCrashes) {
  uint32_t state = 12345;
  auto next = [&] { return state = state * 1103515245u + 12345u; };
  const char* pieces[] = {"<p>", "</p>", "<div class='share'>", "</div>", "<a href='x'>", "</a>", "text ",
                          "<h2>", "<script>", "</script>", "<!--", "-->", "&amp;", "\xFF", "<table>", "<td>",
                          "<figcaption>", "<article>", "<", ">", "\"", "<time datetime='2018-01-01'>"};
  for (int round = 0; round < 300; ++round) {
    std::string page;
    for (int i = 0; i < 200; ++i) page += pieces[(next() >> 8) % std::size(pieces)];
    try {
      read_html(page, "g.html");
    } catch (const InputError&) {
    }
  }
}

// Pages without author or date metadata: the byline and dateline the page shows, as a last
// resort, and only from elements marked as such.
struct VisibleBylineCase {
  const char* name;
  const char* body;
  const char* author;
  const char* date;  // "" = none
};

class VisibleByline : public ::testing::TestWithParam<VisibleBylineCase> {};

TEST_P(VisibleByline, Read) {
  const VisibleBylineCase& c = GetParam();
  const std::string page = std::string("<html><head><title>Port strike ends</title>") +
                           (std::string(c.name) == "metadata_wins" ? "<meta name=author content='Meta Name'>" : "") +
                           "</head><body>" + c.body + "</body></html>";
  const Article a = read_html(page, "b.html");
  EXPECT_EQ(a.author, c.author);
  EXPECT_EQ(a.date.value_or(""), c.date);
  for (const auto& b : a.blocks) EXPECT_EQ(b.text.find("Updated"), std::string::npos) << b.text;
}

INSTANTIATE_TEST_SUITE_P(
    Pages, VisibleByline,
    ::testing::Values(
        VisibleBylineCase{"byline_names_and_date",
                          "<article><h1>Port strike ends</h1><div class='byline'>By Maria Chen and Tom Price | March 18, 2024</div>"
                          "<p>Dock workers returned on Monday after a six-day strike.</p></article>",
                          "Maria Chen and Tom Price", "2024-03-18"},
        VisibleBylineCase{"names_that_start_like_months",
                          "<article><span class='article-author'>Mark Junot</span><div class='dateline'>Updated 9:30 a.m. EDT, "
                          "Sept. 4, 2023</div><p>Dock workers returned on Monday after a six-day strike.</p></article>",
                          "Mark Junot", "2023-09-04"},
        VisibleBylineCase{"metadata_wins",
                          "<article><div class='byline'>By Someone Else</div><p>Dock workers returned on Monday.</p></article>",
                          "Meta Name", ""},
        VisibleBylineCase{"rel_author_outside_the_article",
                          "<header><a rel='author' href='/ann'>Ann Lee</a></header>"
                          "<article><p>Dock workers returned on Monday after a six-day strike.</p></article>",
                          "Ann Lee", ""},
        VisibleBylineCase{"a_candidate_is_not_a_date",
                          "<article><div class='candidate-list'>Vote on November 5, 2024</div>"
                          "<p>Dock workers returned on Monday after a six-day strike.</p></article>",
                          "", ""},
        VisibleBylineCase{"not_names",
                          "<article><div class='byline'>by staff | 2 hours ago</div>"
                          "<div class='author-bio'>Maria Chen covers ports and shipping for the paper.</div>"
                          "<p>Dock workers returned on Monday after a six-day strike.</p></article>",
                          "", ""}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace newsindex
