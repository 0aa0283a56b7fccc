// News feeds: every item of RSS 2.0, RSS 1.0 (RDF) and Atom becomes an article with its full text.
#include <gtest/gtest.h>

#include "indexer/readers/feed_reader.h"
#include "indexer/readers/reader.h"

using namespace newsindex;

namespace {

const char* kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>World desk</title><link>https://news.example.com/</link><language>en-gb</language>
  <item>
    <title>Ports reopen after the strike</title>
    <link>https://news.example.com/world/ports-reopen?utm_source=rss</link>
    <guid isPermaLink="false">ports-2024-0611</guid>
    <pubDate>Tue, 11 Jun 2024 08:30:00 +0000</pubDate>
    <dc:creator>Ann Lee</dc:creator>
    <category>Business</category>
    <description>Short teaser only.</description>
    <content:encoded><![CDATA[<p>Dock workers returned on Monday.</p><h2>Backlog</h2><p>Ships wait <a href="/world/queue">offshore</a>.</p>]]></content:encoded>
  </item>
  <item>
    <title>Rain &amp;amp; wind warning</title>
    <link>https://news.example.com/weather/warning</link>
    <pubDate>Wed, 12 Jun 2024 06:00:00 GMT</pubDate>
    <author>desk@example.com (Bo Chen)</author>
    <description>&lt;p&gt;Heavy rain is expected.&lt;/p&gt;&lt;p&gt;Roads may close.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
)";

const char* kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
  <title>Wirtschaft</title>
  <entry>
    <title type="html">Zinsen &lt;em&gt;steigen&lt;/em&gt;</title>
    <link rel="replies" href="https://example.de/a/1#comments"/>
    <link rel="alternate" href="https://example.de/a/1"/>
    <id>tag:example.de,2024:1</id>
    <updated>2024-03-02T10:00:00Z</updated>
    <published>2024-03-01T09:00:00+01:00</published>
    <author><name>Eva Maier</name></author>
    <category term="Finanzen"/>
    <summary>Kurz.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Die Zentralbank hebt den Leitzins an.</p><p>Sparer freuen sich.</p></div></content>
  </entry>
  <entry>
    <title>Nur Text</title>
    <id>tag:example.de,2024:2</id>
    <content type="text">Erster Absatz.

Zweiter Absatz.</content>
  </entry>
</feed>
)";

const char* kRdf = R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example.org/"><title>Old</title></channel>
  <item rdf:about="https://old.example.org/story/7">
    <title>Bridge opens</title>
    <link>https://old.example.org/story/7</link>
    <dc:date>2003-05-04</dc:date>
    <description>The new bridge opened to traffic.</description>
  </item>
</rdf:RDF>
)";

std::vector<std::string> texts(const Article& a) {
  std::vector<std::string> out;
  for (const Block& b : a.blocks) out.push_back(b.text);
  return out;
}

}  // namespace

TEST(FeedReader, Rss2ItemsAreArticlesWithTheirFullContent) {
  ReadResult r = read_feed(kRss, "world.rss");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_TRUE(r.problems.empty());
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "ports-2024-0611");
  EXPECT_EQ(a.title, "Ports reopen after the strike");
  EXPECT_EQ(a.date, "2024-06-11");
  EXPECT_EQ(a.author, "Ann Lee");
  EXPECT_EQ(a.category, "Business");
  EXPECT_EQ(a.lang, "en-gb");
  EXPECT_EQ(a.source_line, 6u);
  // content:encoded, not the teaser; its heading and link are kept.
  EXPECT_EQ(texts(a), (std::vector<std::string>{"Dock workers returned on Monday.", "Backlog", "Ships wait offshore."}));
  EXPECT_EQ(a.blocks[1].kind, Block::Kind::Heading);
  ASSERT_EQ(a.links.size(), 1u);
  EXPECT_EQ(a.links[0].anchor, "offshore");

  const Article& b = r.articles[1];
  EXPECT_EQ(b.title, "Rain & wind warning");  // escaped twice, as feeds often are
  EXPECT_EQ(b.author, "Bo Chen");
  EXPECT_EQ(b.date, "2024-06-12");
  EXPECT_TRUE(b.id.empty());  // named by its URL
  EXPECT_FALSE(b.url.empty());
  EXPECT_EQ(texts(b), (std::vector<std::string>{"Heavy rain is expected.", "Roads may close."}));
}

// Tags: media:keywords is a list with commas, each dc:subject one tag; <category> stays the
// category.
struct FeedTagCase {
  const char* name;
  const char* item;  // the elements of one RSS item besides its title and text
  std::vector<std::string> tags;
};

std::ostream& operator<<(std::ostream& os, const FeedTagCase& c) { return os << c.name; }

class FeedTags : public ::testing::TestWithParam<FeedTagCase> {};

TEST_P(FeedTags, Read) {
  const std::string feed = std::string(R"(<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>T</title><description>Body.</description>)") +
                           GetParam().item + "</item></channel></rss>";
  const ReadResult r = read_feed(feed, "t.rss");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].tags, GetParam().tags);
}

INSTANTIATE_TEST_SUITE_P(
    Elements, FeedTags,
    ::testing::Values(FeedTagCase{"media_keywords", "<media:keywords>ports, strike ,Rotterdam</media:keywords>",
                                  {"ports", "strike", "Rotterdam"}},
                      FeedTagCase{"dc_subjects", "<dc:subject>Labour, unions</dc:subject><dc:subject>Shipping</dc:subject>",
                                  {"Labour, unions", "Shipping"}},
                      FeedTagCase{"category_is_not_a_tag", "<category>Business</category>", {}},
                      FeedTagCase{"empty", "<media:keywords> </media:keywords><dc:subject/>", {}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(FeedReader, AtomEntries) {
  ReadResult r = read_feed(kAtom, "wirtschaft.atom");
  ASSERT_EQ(r.articles.size(), 2u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.id, "tag:example.de,2024:1");
  EXPECT_EQ(a.url, "https://example.de/a/1");  // the alternate link, not the replies
  EXPECT_EQ(a.title, "Zinsen steigen");
  EXPECT_EQ(a.date, "2024-03-01");  // published before updated
  EXPECT_EQ(a.author, "Eva Maier");
  EXPECT_EQ(a.category, "Finanzen");
  EXPECT_EQ(a.lang, "de");
  EXPECT_EQ(texts(a), (std::vector<std::string>{"Die Zentralbank hebt den Leitzins an.", "Sparer freuen sich."}));
  EXPECT_EQ(texts(r.articles[1]), (std::vector<std::string>{"Erster Absatz.", "Zweiter Absatz."}));
}

TEST(FeedReader, Rss1Rdf) {
  ReadResult r = read_feed(kRdf, "old.rdf");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title, "Bridge opens");
  EXPECT_EQ(r.articles[0].date, "2003-05-04");
  EXPECT_EQ(texts(r.articles[0]), std::vector<std::string>{"The new bridge opened to traffic."});
}

TEST(FeedReader, ATruncatedFeedKeepsItsItemsAndNamesTheBreak) {
  std::string cut(kRss);
  cut.resize(cut.find("<author>"));
  ReadResult r = read_feed(cut, "cut.rss");
  ASSERT_EQ(r.articles.size(), 2u);  // the second item up to the break
  EXPECT_EQ(r.articles[0].title, "Ports reopen after the strike");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_NE(std::string(r.problems[0].what()).find("cut.rss: the feed breaks off (line "), std::string::npos)
      << r.problems[0].what();
}

TEST(FeedReader, BadFeedsAreNamedErrors) {
  struct Case {
    const char* xml;
    const char* error;
  };
  for (const Case& c : std::initializer_list<Case>{
           {"", "x.rss: not an RSS or Atom feed"},
           {"<?xml version=\"1.0\"?><urlset><url/></urlset>", "x.rss: not an RSS or Atom feed (its root element is <urlset>)"},
           {"<rss><channel><title>t</title></channel></rss>", "x.rss: feed without items"},
           {"<rss><channel><item><title></title></item></channel></rss>", "x.rss:1: feed item without a title or text"},
       }) {
    try {
      read_feed(c.xml, "x.rss");
      ADD_FAILURE() << c.xml;
    } catch (const InputError& e) {
      EXPECT_EQ(std::string(e.what()).substr(0, std::string(c.error).size()), c.error) << e.what();
    }
  }
}

TEST(FeedReader, NoEntityExpansionOrNetwork) {
  const char* xxe = R"(<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>a &x; b</title></item></channel></rss>)";
  ReadResult r = read_feed(xxe, "x.rss");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].title.find("root:"), std::string::npos);
}

TEST(FeedReader, DetectedByContentBeforeMarkup) {
  EXPECT_EQ(detect_format("feed.xml", kRss), Format::Feed);
  EXPECT_EQ(detect_format("anything", kAtom), Format::Feed);
  EXPECT_EQ(detect_format("x.xml", kRdf), Format::Feed);
  EXPECT_EQ(detect_format("page.html", "<?xml version=\"1.0\"?>\n<html><body><p>x</p></body></html>"), Format::Html);
  EXPECT_EQ(detect_format("page.rss", "<!-- c --><rss version=\"2.0\">"), Format::Feed);
  EXPECT_EQ(format_from_name("feed"), Format::Feed);
}
