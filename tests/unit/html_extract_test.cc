// The HTML reader's article extraction, one table row per cause of a lost or polluted body
// (issue 20): class words as weights, forms, <br> bodies, two articles, split bodies, promos,
// repeats, structured data, pages without a body; and the metadata clean-up.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "indexer/readers/html_reader.h"

namespace newsindex {
namespace {

// Four paragraphs of a story: what every page below must keep.
const std::vector<std::string> kStory = {
    "The harbour board voted on Tuesday to dredge the north channel for the first time in eleven years, after two "
    "cargo ships ran aground there in the spring.",
    "The work will cost about 4.2 million dollars and is due to start in October, when the herring boats have left, "
    "board members said.",
    "Fishermen welcomed the vote but asked that spoil from the channel be taken out to sea rather than dumped near "
    "the oyster beds.",
    "The board will meet again in May to choose a contractor, and residents can comment on the plans until then, it "
    "said in a statement."};

std::string story_p(size_t from = 0, size_t to = kStory.size()) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += "<p>" + kStory[i] + "</p>\n";
  return out;
}

std::string story_br() {
  std::string out;
  for (const std::string& p : kStory) out += p + "<br><br>\n";
  return out;
}

const std::string kNav =
    "<header><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></nav></header>";
const std::string kFooter = "<footer><p>Copyright 2024 The Coastal Courier. All rights reserved. 12 Harbour Street.</p></footer>";
const std::string kRelated =
    "<ul><li><a href='/a'>Council to review bus fares after complaints</a></li><li><a href='/b'>Five things to do "
    "this weekend in the city</a></li><li><a href='/c'>Police appeal for witnesses after lorry overturns</a></li></ul>";

std::string page(const std::string& body, const std::string& head = "") {
  return "<html><head><title>Harbour board votes to dredge the channel</title>" + head + "</head><body>" + kNav + body +
         kFooter + "</body></html>";
}

std::string text_of(const Article& a) {
  std::string out;
  for (const Block& b : a.blocks) out += b.text + "\n";
  return out;
}

struct BodyCase {
  const char* name;
  std::string html;
  std::vector<std::string> absent;  // text that must not be in the body
};

std::ostream& operator<<(std::ostream& os, const BodyCase& c) { return os << c.name; }

class ArticleBody : public testing::TestWithParam<BodyCase> {};

TEST_P(ArticleBody, KeepsTheStoryAndNothingElse) {
  const Article a = read_html(GetParam().html, "p.html");
  const std::string text = text_of(a);
  for (const std::string& p : kStory) EXPECT_NE(text.find(p), std::string::npos) << p << "\n--- got:\n" << text;
  for (const std::string& bad : GetParam().absent) EXPECT_EQ(text.find(bad), std::string::npos) << bad;
  EXPECT_EQ(text.find("Copyright 2024"), std::string::npos);
  EXPECT_EQ(text.find("Sport"), std::string::npos);
  EXPECT_FALSE(a.body_missing);
  // Each paragraph once: a slideshow or a repeated block never doubles it.
  for (const std::string& p : kStory) EXPECT_EQ(text.find(p), text.rfind(p)) << p;
}

INSTANTIATE_TEST_SUITE_P(
    Causes, ArticleBody,
    testing::Values(
        BodyCase{"paywall_wrapper", page("<article><h1>Harbour</h1><div class='story-body paywall'><p>" + kStory[0] +
                                         "</p><div class='paywall-content'>" + story_p(1) + "</div></div></article>"), {}},
        BodyCase{"sidebar_layout_class", page("<div class='l-sidebar-fixed'><div class='l-main'>" + story_p() +
                                              "</div><aside class='sidebar'>" + kRelated + "</aside></div>"),
                 {"bus fares"}},
        BodyCase{"wordpress_advertising_category", page("<article class='post hentry category-partner-advertising-news'>" +
                                                        story_p() + "</article>"), {}},
        BodyCase{"modal_wrapper", page("<div id='cookie' role='dialog'><p>We use cookies to improve your experience on "
                                       "this site and to show you adverts.</p></div><div class='modal-open'><div>" +
                                       story_p() + "</div></div>"),
                 {"We use cookies"}},
        BodyCase{"aspnet_form", page("<form id='form1' method='post'><div id='ctl00_body'>" + story_p() + "</div></form>"), {}},
        BodyCase{"br_body", page("<table><tr><td>" + story_br() + "</td></tr></table>"), {}},
        BodyCase{"teaser_article_vs_br_body", page("<div class='story'>" + story_br() +
                                                   "</div><div class='rail'><article><a href='/v'>Video</a></article></div>"),
                 {"Video"}},
        BodyCase{"two_articles", page("<article class='full'><h1>Harbour board votes to dredge the channel</h1>" + story_p() +
                                      "</article><section><article class='list'>" + kRelated + kRelated +
                                      "<p>A short summary of another story that draws readers in for longer.</p></article></section>"),
                 {"bus fares"}},
        BodyCase{"split_siblings", page("<div class='page'><div class='block'>" + story_p(0, 2) +
                                        "</div><div class='ad'>Advertisement</div><div class='block'>" + story_p(2) + "</div></div>"),
                 {"Advertisement"}},
        BodyCase{"slideshow_captions_once", page("<article><div class='gallery'><figure><figcaption>The channel at low tide with "
                                                 "the sandbank.</figcaption></figure><figure><figcaption>The channel at low tide "
                                                 "with the sandbank.</figcaption></figure></div>" + story_p() + "</article>"), {}},
        BodyCase{"page_url_as_passage", page("<link rel='canonical' href='https://news.example.org/harbour/'><article>" +
                                             story_p() + "<p>https://news.example.org/harbour/</p></article>"),
                 {"https://news.example.org"}},
        BodyCase{"in_body_promos", page("<article>" + story_p(0, 1) + "<p><strong>READ MORE:</strong> <a href='/x'>Ferry "
                                        "timetable changes</a></p>" + story_p(1, 2) + "<p>Also on Courier: <a href='/y'>the best "
                                        "walks</a></p><p>Related: <a href='/z'>Port fees rise</a></p>" + story_p(2) +
                                        "<p>Sign up for our morning newsletter.</p><p>Subscribe to the print edition today.</p></article>"),
                 {"READ MORE", "Also on", "Related:", "Sign up", "Subscribe"}},
        BodyCase{"byline_and_date_lines", page("<article><p>By Ann Lee and Bo Ng</p><p>March 18, 2024</p>" + story_p() +
                                               "</article>"),
                 {"Ann Lee", "March 18"}},
        BodyCase{"author_bio_box", page("<article>" + story_p() + "<div class='author-bio'><p>Ann Lee covers the port and "
                                        "shipping for the paper and has done so since 2015.</p></div></article>"),
                 {"covers the port"}},
        BodyCase{"related_link_list", page("<article>" + story_p(0, 2) + "<div class='more'>" + kRelated + "</div>" +
                                           story_p(2) + "</article>"),
                 {"bus fares"}},
        BodyCase{"comments_section", page("<div class='post'>" + story_p() + "</div><div id='comments'><div class='comment'>"
                                          "<p>I have lived here for thirty years and never seen anything like this at all.</p>"
                                          "</div></div>"),
                 {"thirty years"}},
        BodyCase{"small_site_footer", page("<div id='main'>" + story_p() + "</div><div id='foot'><p>This site is run by "
                                           "volunteers. Write to us at 4 Mill Lane.</p></div>"),
                 {"volunteers"}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HtmlExtract, BrRunsAreParagraphs) {
  const Article a = read_html(page("<div class='text'>" + story_br() + "</div>"), "br.html");
  ASSERT_EQ(a.blocks.size(), kStory.size()) << text_of(a);
  for (size_t i = 0; i < kStory.size(); ++i) EXPECT_EQ(a.blocks[i].text, kStory[i]);
}

TEST(HtmlExtract, HeadingsInTheBodyAreHeadings) {
  const Article a = read_html(page("<article>" + story_p(0, 2) + "<h2>What comes next</h2>" + story_p(2) + "</article>"), "h.html");
  ASSERT_EQ(a.blocks.size(), kStory.size() + 1) << text_of(a);
  EXPECT_EQ(a.blocks[2].kind, Block::Kind::Heading);
  EXPECT_EQ(a.blocks[2].text, "What comes next");
}

TEST(HtmlExtract, JsonLdArticleBodyWhenThePageHidesIt) {
  std::string body;
  for (const std::string& p : kStory) body += p + "\\n";
  const std::string ld = "<script type='application/ld+json'>{\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"Courier\"},"
                         "{\"@type\":\"NewsArticle\",\"headline\":\"Harbour\",\"articleBody\":\"" + body + "\"}]}</script>";
  // The page shows the text in spans of one line each: no paragraph to vote for a container.
  std::string shown;
  for (const std::string& p : kStory) shown += "<span>" + p.substr(0, 60) + "</span> ";
  const Article a = read_html(page("<div>" + shown + "</div>", ld), "ld.html");
  const std::string text = text_of(a);
  for (const std::string& p : kStory) EXPECT_NE(text.find(p), std::string::npos) << p;
}

TEST(HtmlExtract, JsonLdArticleBodyWithEscapedMarkupIsReadAsHtml) {
  std::string body;
  for (const std::string& p : kStory) body += "&lt;p&gt;" + p + "&lt;/p&gt;";
  const std::string ld = "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"articleBody\":\"" + body + "\"}</script>";
  std::string shown;
  for (const std::string& p : kStory) shown += "<span>" + p.substr(0, 60) + "</span> ";
  const Article a = read_html(page("<div>" + shown + "</div>", ld), "ld.html");
  ASSERT_EQ(a.blocks.size(), kStory.size()) << text_of(a);
  for (size_t i = 0; i < kStory.size(); ++i) EXPECT_EQ(a.blocks[i].text, kStory[i]);
}

TEST(HtmlExtract, ItempropArticleBodyOutweighsItsClass) {
  const Article a = read_html(page("<div itemprop='articleBody' class='sidebar-text'>" + story_p() + "</div>"), "i.html");
  EXPECT_NE(text_of(a).find(kStory[3]), std::string::npos);
}

TEST(HtmlExtract, NoBodyIsSaidAndTheTextKept) {
  std::string links;
  for (int i = 0; i < 40; ++i) links += "<li><a href='/n/" + std::to_string(i) + "'>Headline number " + std::to_string(i) + " of the day</a></li>";
  const Article a = read_html(page("<div class='index'><h1>Latest news</h1><ul>" + links + "</ul></div>"), "index.html");
  EXPECT_TRUE(a.body_missing);
  EXPECT_GT(a.page_text_bytes, 800u);
  EXPECT_FALSE(a.title.empty());
}

TEST(HtmlExtract, AStoryIsNotMissing) {
  const Article a = read_html(page("<article>" + story_p() + "</article>"), "s.html");
  EXPECT_FALSE(a.body_missing);
  EXPECT_GT(a.page_text_bytes, 400u);
}

TEST(HtmlExtract, LongPagesAreReadWhole) {
  // A long page of many paragraphs in many containers is read whole (its speed is a benchmark's).
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "<div class='c'><p>" + kStory[i % 4] + " " + std::to_string(i) + "</p></div>";
  const Article a = read_html(page(body), "long.html");
  EXPECT_GT(a.blocks.size(), 10000u);
}

TEST(HtmlExtract, HostileMetadataLeavesTheStory) {
  std::string title, author, h1s;
  for (int i = 0; i < 100000; ++i) title += "x | ";
  for (int i = 0; i < 100000; ++i) author += "by ";
  for (int i = 0; i < 20000; ++i) h1s += "<h1>" + kStory[0].substr(0, 50) + "</h1>";
  const Article a = read_html("<html><head><title>" + title + "</title><meta name='author' content='" + author +
                                  "'><meta property='og:title' content='" + title + "'></head><body>" + h1s + "<article>" +
                                  story_p() + "</article></body></html>",
                              "hostile.html");
  EXPECT_NE(text_of(a).find(kStory[3]), std::string::npos);
}

// ---- metadata ----

struct MetaCase {
  const char* name;
  std::string head;
  std::string body;
  const char* title;
  const char* author;
  const char* date;
};

std::ostream& operator<<(std::ostream& os, const MetaCase& c) { return os << c.name; }

class CleanMetadata : public testing::TestWithParam<MetaCase> {};

TEST_P(CleanMetadata, Read) {
  const MetaCase& c = GetParam();
  const Article a = read_html("<html><head>" + c.head + "</head><body>" + c.body + "<article>" + story_p() + "</article></body></html>", "m.html");
  if (*c.title) {
    EXPECT_EQ(a.title, c.title);
  }
  EXPECT_EQ(a.author, c.author);
  EXPECT_EQ(a.date.value_or(""), c.date);
}

const std::string kLdPerson =
    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"By Ann "
    "Lee\\u00a0\"},{\"@type\":\"Person\",\"name\":\"Bo Ng @bong\"}],\"publisher\":{\"@type\":\"Organization\",\"name\":"
    "\"Cond\\u00e9 Nast\"},\"datePublished\":\"2024-03-18T09:00:00-04:00\"}</script>";

INSTANTIATE_TEST_SUITE_P(
    Pages, CleanMetadata,
    testing::Values(
        MetaCase{"og_title_site_suffix", "<meta property='og:title' content='Dredging starts | ZDNet'><meta property='og:site_name' content='ZDNet'>",
                 "", "Dredging starts", "", ""},
        MetaCase{"title_site_prefix_from_host", "<title>ZDNet - Dredging starts</title><link rel='canonical' href='https://www.zdnet.com/a/'>",
                 "", "Dredging starts", "", ""},
        MetaCase{"h1_agrees_with_og", "<meta property='og:title' content='Dredging starts in May - Courier'>",
                 "<h1>Dredging starts in May</h1>", "Dredging starts in May", "", ""},
        MetaCase{"ld_people_before_publisher_meta", "<meta name='author' content='Cond\xC3\xA9 Nast'>" + kLdPerson, "", "",
                 "Ann Lee, Bo Ng", "2024-03-18"},
        MetaCase{"posted_by", "<meta name='author' content='Posted by Jeff Foust Monday, March 4'>", "", "", "Jeff Foust", ""},
        MetaCase{"analysis_by", "<meta name='author' content='Analysis by Nic Robertson'>", "", "", "Nic Robertson", ""},
        MetaCase{"russian_prefix", "<meta name='author' content='\xD0\xA2\xD0\xB5\xD0\xBA\xD1\x81\xD1\x82: \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD "
                 "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2'>", "", "", "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2", ""},
        MetaCase{"german_von", "<meta name='author' content='Von Jonas Weber'>", "", "", "Jonas Weber", ""},
        MetaCase{"french_par", "<meta name='author' content='Par Claire Dubois'>", "", "", "Claire Dubois", ""},
        MetaCase{"for_the_paper", "<meta name='author' content='Glen Owen For The Mail On Sunday'>", "", "", "Glen Owen", ""},
        MetaCase{"cms_placeholder", "<meta name='author' content='Super User'>", "", "", "", ""},
        MetaCase{"bare_domain", "<meta name='author' content='mdr.de'>", "", "", "", ""},
        MetaCase{"trailing_no_break_space", "<meta name='author' content='Maria Chen\xC2\xA0'>", "", "", "Maria Chen", ""},
        MetaCase{"itemprop_two_values", "<meta itemprop='datePublished dateCreated' content='2023-09-04T10:00:00+02:00'>", "", "", "",
                 "2023-09-04"},
        MetaCase{"published_time", "<meta property='article:published_time' content='2022-01-31T23:30:00Z'>", "", "", "", "2022-01-31"},
        MetaCase{"time_datetime", "", "<time datetime='2021-06-06T10:00:00+01:00'>June 6</time>", "", "", "2021-06-06"}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace newsindex
