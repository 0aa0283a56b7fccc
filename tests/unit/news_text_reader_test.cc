// The seed article parsed into every field it carries, and the shape rules on variations.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "common/analyzer.h"
#include "indexer/doc_builder.h"
#include "indexer/readers/news_text_reader.h"
#include "indexer/readers/reader.h"
#include "indexer/segment.h"
#include "common/url.h"

using namespace newsindex;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::string kSeedPath = std::string(NEWSINDEX_SOURCE_DIR) + "/corpus/abe-trump-japan-north-korea-decoupling-2018-06-06.txt";

std::vector<const Block*> of_kind(const Article& a, Block::Kind k) {
  std::vector<const Block*> out;
  for (const auto& b : a.blocks)
    if (b.kind == k) out.push_back(&b);
  return out;
}

}  // namespace

TEST(NewsTextReader, SeedHeaderFields) {
  Article a = read_news_text(slurp(kSeedPath), "seed.txt");
  EXPECT_EQ(a.category, "Home > News");
  EXPECT_EQ(a.title, "Abe is back to talk to Trump — with a list of Japan’s concerns about North Korea");
  ASSERT_TRUE(a.date);
  EXPECT_EQ(*a.date, "2018-06-06");
  ASSERT_TRUE(a.views);
  EXPECT_EQ(*a.views, 210);
  ASSERT_TRUE(a.reading_minutes);
  EXPECT_EQ(*a.reading_minutes, 8);
  ASSERT_TRUE(a.comments);
  EXPECT_EQ(*a.comments, 0);
  EXPECT_EQ(a.author, "Zack Cooper");
  EXPECT_EQ(a.bio.rfind("Zack Cooper is a research fellow at the American Enterprise Institute.", 0), 0u);
}

TEST(NewsTextReader, SeedCaptionHeadingsParagraphs) {
  Article a = read_news_text(slurp(kSeedPath), "seed.txt");
  auto captions = of_kind(a, Block::Kind::Caption);
  ASSERT_EQ(captions.size(), 1u);
  EXPECT_EQ(captions[0]->text.rfind("President Trump listens as Japanese Prime Minister Shinzo Abe", 0), 0u);
  auto headings = of_kind(a, Block::Kind::Heading);
  ASSERT_EQ(headings.size(), 3u);
  EXPECT_EQ(headings[0]->text, "Growing fears of U.S. decoupling from Japan");
  EXPECT_EQ(headings[1]->text, "Different U.S. and Japanese priorities on North Korea");
  EXPECT_EQ(headings[2]->text, "What about China — and trade?");
  auto paras = of_kind(a, Block::Kind::Paragraph);
  EXPECT_EQ(paras.size(), 18u);
  for (const auto& b : a.blocks) {
    EXPECT_EQ(b.text.find("interstitial_link"), std::string::npos) << b.text;
    EXPECT_GT(b.line, 0u);
  }
}

TEST(NewsTextReader, SeedLinksCanonicalWithDates) {
  Article a = read_news_text(slurp(kSeedPath), "seed.txt");
  ASSERT_EQ(a.links.size(), 3u);
  struct Expect { const char* url; const char* anchor; const char* date; };
  const Expect want[] = {
      {"https://www.washingtonpost.com/news/monkey-cage/wp/2018/01/03/why-nuclear-war-with-north-korea-is-less-likely-than-you-think/",
       "Why nuclear war with North Korea is less likely than you think", "2018-01-03"},
      {"https://www.washingtonpost.com/news/monkey-cage/wp/2017/10/25/shinzo-abes-supermajority-leaves-3-big-questions-about-japans-security-policy/",
       "Shinzo Abe won big on Sunday. This is what it means for Japan’s national security policy.", "2017-10-25"},
      {"https://www.washingtonpost.com/news/monkey-cage/wp/2018/05/14/trumps-u-turn-on-chinese-mega-firm-zte-damages-u-s-power-and-credibility/",
       "Trump’s U-turn on Chinese mega-firm ZTE damages U.S. power and credibility", "2018-05-14"},
  };
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(canonical_url(a.links[i].url), want[i].url);
    EXPECT_EQ(a.links[i].anchor, want[i].anchor);
    ASSERT_TRUE(url_path_date(canonical_url(a.links[i].url)));
    EXPECT_EQ(*url_path_date(canonical_url(a.links[i].url)), want[i].date);
  }
}

TEST(NewsTextReader, SeedSegmentsIntoPassagesWithSections) {
  Article a = read_news_text(slurp(kSeedPath), "seed.txt");
  Analyzer an;
  Segmented s = segment(a, an);
  ASSERT_EQ(s.passages.size(), 19u);  // caption + 18 paragraphs
  EXPECT_TRUE(s.passages[0].caption);
  EXPECT_FALSE(s.passages[1].caption);
  const Passage* decoupling = nullptr;
  for (const auto& p : s.passages)
    if (p.text.find("This adds to growing fear of “decoupling”") == 0) decoupling = &p;
  ASSERT_NE(decoupling, nullptr);
  EXPECT_EQ(decoupling->section, "Growing fears of U.S. decoupling from Japan");
  EXPECT_EQ(s.passages[1].section, "");
  EXPECT_EQ(s.passages.back().section, "What about China — and trade?");
  // Link 1 stands after the passage about the missile threat (passage 6).
  ASSERT_EQ(a.links.size(), 3u);
  EXPECT_EQ(s.block_passage[static_cast<size_t>(a.links[0].block_index)], 6u);
}

// A link inside a sentence keeps its words in the passage; a line of nothing but a link is a
// related link, with no passage of its own.
TEST(NewsTextReader, InlineLinkAnchorsStayInTheirSentence) {
  struct Case {
    const char* line;
    const char* text;
    size_t links;
  };
  const Case cases[] = {
      {"It fell. [interstitial_link url=https://a.example/x]Chip stocks had rallied[/interstitial_link] for a year.",
       "It fell. Chip stocks had rallied for a year.", 1},
      {"[interstitial_link url=”https://a.example/y”]Why talks stalled[/interstitial_link]", "", 1},
      {"  [interstitial_link url=https://a.example/y]One[/interstitial_link] [interstitial_link url=https://a.example/z]Two[/interstitial_link] ",
       "", 2},
      {"Read more: [interstitial_link url=https://a.example/z]Foundries expand[/interstitial_link]",
       "Read more: Foundries expand", 1},
      {"Shares ([interstitial_link url=https://a.example/q]quote[/interstitial_link]), then more.",
       "Shares (quote), then more.", 1},
      {"Cut off [interstitial_link url=https://a.example/t]never closed", "Cut off never closed", 1},
  };
  for (const auto& c : cases) {
    std::vector<LinkRef> links;
    EXPECT_EQ(extract_shortcode_links(c.line, links, 0), c.text) << c.line;
    EXPECT_EQ(links.size(), c.links) << c.line;
  }
}

struct ShapeCase {
  const char* name;
  const char* text;
  const char* title;
  const char* date;   // "" = none
  size_t captions, headings, paragraphs;
};

class NewsTextShape : public ::testing::TestWithParam<ShapeCase> {};

TEST_P(NewsTextShape, Parses) {
  const ShapeCase& c = GetParam();
  Article a = read_news_text(c.text, "x.txt");
  EXPECT_EQ(a.title, c.title);
  if (*c.date) {
    ASSERT_TRUE(a.date);
    EXPECT_EQ(*a.date, c.date);
  } else {
    EXPECT_FALSE(a.date);
  }
  EXPECT_EQ(of_kind(a, Block::Kind::Caption).size(), c.captions);
  EXPECT_EQ(of_kind(a, Block::Kind::Heading).size(), c.headings);
  EXPECT_EQ(of_kind(a, Block::Kind::Paragraph).size(), c.paragraphs);
}

INSTANTIATE_TEST_SUITE_P(
    Variations, NewsTextShape,
    ::testing::Values(
        ShapeCase{"no_caption_no_meta",
                  "Home > World > Talks resume\nTalks resume in Geneva\n- 6 June 2018\nDiplomats met on Monday.\nThey will meet again.\n",
                  "Talks resume in Geneva", "2018-06-06", 0, 0, 2},
        ShapeCase{"two_comments_iso_date",
                  "Home > Business\n1.2K views 5 min 2 Comments\nMarkets fall\n2019-03-04\nStocks fell sharply on Monday.\nAnalysts were surprised.\n",
                  "Markets fall", "2019-03-04", 0, 0, 2},
        ShapeCase{"caption_and_heading_no_blank_lines",
                  "Home > News > Storm\nStorm hits coast\n- Sept. 14, 2018\nWaves crash on the shore in Wilmington. (Reuters)\nThe storm made landfall overnight.\nWhat comes next\nForecasters expect more rain.\n",
                  "Storm hits coast", "2018-09-14", 1, 1, 2},
        ShapeCase{"dateline_then_byline",
                  "Home > World > Talks stall\nTalks stall\nPublished June 6, 2018 at 10:00 am\nBy Jane Roe\nNegotiators left Geneva on Friday.\nThe next round is in July.\n",
                  "Talks stall", "2018-06-06", 0, 0, 2},
        ShapeCase{"byline_then_dateline",
                  "Home > World > Talks stall\nTalks stall\nBy Jane Roe\n- June 6, 2018\nNegotiators left Geneva on Friday.\nThe next round is in July.\n",
                  "Talks stall", "2018-06-06", 0, 0, 2},
        ShapeCase{"cjk_sentences_are_paragraphs",
                  "Home > 国际\n东京会谈\n- 2018-06-06\n两国领导人举行了会谈。\n双方讨论了贸易问题。\n",
                  "东京会谈", "2018-06-06", 0, 0, 2}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Reader, DetectsFormats) {
  EXPECT_EQ(detect_format("a.txt", "{\"id\":\"1\",\"text\":\"x\"}\n"), Format::Jsonl);
  EXPECT_EQ(detect_format("a.txt", "<!doctype html><html><p>x</p></html>"), Format::Html);
  EXPECT_EQ(detect_format("a.txt", slurp(kSeedPath)), Format::News);
  EXPECT_EQ(detect_format("a.txt", "A title\n\nSome text here.\n"), Format::Text);
}
