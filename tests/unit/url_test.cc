// URL handling: canonical form, RFC 3986 resolution, slug words and dates in paths.
#include "common/url.h"

#include <gtest/gtest.h>

namespace newsindex {
namespace {

struct Case {
  const char* input;
  const char* expected;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.input; }

// ---- canonical_url ----

class CanonicalUrl : public testing::TestWithParam<Case> {};

TEST_P(CanonicalUrl, Canonicalizes) { EXPECT_EQ(canonical_url(GetParam().input), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    SeedLinks, CanonicalUrl,
    testing::Values(
        Case{"https://www.washingtonpost.com/news/monkey-cage/wp/2018/01/03/why-nuclear-war-with-north-korea-is-less-likely-than-you-think/?utm_term=.7eeebc62ff0c",
             "https://www.washingtonpost.com/news/monkey-cage/wp/2018/01/03/why-nuclear-war-with-north-korea-is-less-likely-than-you-think/"},
        Case{"https://www.washingtonpost.com/news/monkey-cage/wp/2017/10/25/shinzo-abes-supermajority-leaves-3-big-questions-about-japans-security-policy/?utm_term=.b566814631f5",
             "https://www.washingtonpost.com/news/monkey-cage/wp/2017/10/25/shinzo-abes-supermajority-leaves-3-big-questions-about-japans-security-policy/"},
        Case{"https://www.washingtonpost.com/news/monkey-cage/wp/2018/05/14/trumps-u-turn-on-chinese-mega-firm-zte-damages-u-s-power-and-credibility/?utm_term=.da71383abcee",
             "https://www.washingtonpost.com/news/monkey-cage/wp/2018/05/14/trumps-u-turn-on-chinese-mega-firm-zte-damages-u-s-power-and-credibility/"},
        // The seed's shortcode quotes: ” ... ″ and ” ... ”.
        Case{"\xE2\x80\x9Dhttps://www.washingtonpost.com/a/?utm_term=.x\xE2\x80\xB3", "https://www.washingtonpost.com/a/"},
        Case{"\xE2\x80\x9Dhttps://www.washingtonpost.com/a/\xE2\x80\x9D", "https://www.washingtonpost.com/a/"}));

INSTANTIATE_TEST_SUITE_P(
    TrackingParams, CanonicalUrl,
    testing::Values(
        Case{"https://ex.com/a?utm_source=tw&utm_medium=social&utm_campaign=x", "https://ex.com/a"},
        Case{"https://ex.com/a?id=5&utm_source=tw&page=2", "https://ex.com/a?id=5&page=2"},
        Case{"https://ex.com/a?UTM_Source=tw&b=1", "https://ex.com/a?b=1"},
        Case{"https://ex.com/a?fbclid=IwAR0abc", "https://ex.com/a"},
        Case{"https://ex.com/a?gclid=1&dclid=2&msclkid=3&yclid=4", "https://ex.com/a"},
        Case{"https://ex.com/a?mc_cid=1&mc_eid=2&_ga=3&igshid=4&ref_src=twsrc", "https://ex.com/a"},
        Case{"https://ex.com/a?z=1&y=2&x=3", "https://ex.com/a?z=1&y=2&x=3"},
        Case{"https://ex.com/a?", "https://ex.com/a"},
        Case{"https://ex.com/a?ref=home", "https://ex.com/a?ref=home"},
        Case{"https://ex.com/a?q=utm_source", "https://ex.com/a?q=utm_source"},
        Case{"https://ex.com/a?x=1&&y=2", "https://ex.com/a?x=1&y=2"}));

INSTANTIATE_TEST_SUITE_P(
    CaseFragmentsQuotes, CanonicalUrl,
    testing::Values(
        Case{"HTTPS://WWW.Example.COM/Path/To/Page", "https://www.example.com/Path/To/Page"},
        Case{"http://Example.com/a#section-2", "http://example.com/a"},
        Case{"http://example.com/a?x=1#frag", "http://example.com/a?x=1"},
        Case{"http://example.com/a?utm_source=x#frag", "http://example.com/a"},
        Case{"\"https://example.com/a\"", "https://example.com/a"},
        Case{"  'https://example.com/a'  ", "https://example.com/a"},
        Case{"\xE2\x80\x9Chttps://example.com/a\xE2\x80\x9D", "https://example.com/a"},
        Case{"\xE2\x80\x98https://example.com/a\xE2\x80\x99", "https://example.com/a"},
        Case{"http://example.com:80/a", "http://example.com/a"},
        Case{"https://example.com:443/a", "https://example.com/a"},
        Case{"https://example.com:8443/a", "https://example.com:8443/a"},
        Case{"https://example.com/a/", "https://example.com/a/"},
        Case{"https://example.com/caf%C3%A9/%7Euser", "https://example.com/caf%C3%A9/%7Euser"},
        Case{"https://user@Example.com/a", "https://user@example.com/a"},
        Case{"https://example.com", "https://example.com"},
        Case{"/relative/path", ""},
        Case{"example.com/a", ""},
        Case{"", ""},
        Case{"\xE2\x80\x9D\xE2\x80\xB3", ""},
        Case{"https:///nohost", ""}));

// ---- resolve_url (RFC 3986 section 5.4) ----

class ResolveUrl : public testing::TestWithParam<Case> {};

TEST_P(ResolveUrl, Rfc3986Examples) { EXPECT_EQ(resolve_url("http://a/b/c/d;p?q", GetParam().input), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Normal, ResolveUrl,
    testing::Values(Case{"g:h", "g:h"}, Case{"g", "http://a/b/c/g"}, Case{"./g", "http://a/b/c/g"},
                    Case{"g/", "http://a/b/c/g/"}, Case{"/g", "http://a/g"}, Case{"//g", "http://g"},
                    Case{"?y", "http://a/b/c/d;p?y"}, Case{"g?y", "http://a/b/c/g?y"},
                    Case{"#s", "http://a/b/c/d;p?q#s"}, Case{"g#s", "http://a/b/c/g#s"},
                    Case{"g?y#s", "http://a/b/c/g?y#s"}, Case{";x", "http://a/b/c/;x"},
                    Case{"g;x", "http://a/b/c/g;x"}, Case{"g;x?y#s", "http://a/b/c/g;x?y#s"},
                    Case{"", "http://a/b/c/d;p?q"}, Case{".", "http://a/b/c/"}, Case{"./", "http://a/b/c/"},
                    Case{"..", "http://a/b/"}, Case{"../", "http://a/b/"}, Case{"../g", "http://a/b/g"},
                    Case{"../..", "http://a/"}, Case{"../../", "http://a/"}, Case{"../../g", "http://a/g"}));

INSTANTIATE_TEST_SUITE_P(
    Abnormal, ResolveUrl,
    testing::Values(Case{"../../../g", "http://a/g"}, Case{"../../../../g", "http://a/g"},
                    Case{"/./g", "http://a/g"}, Case{"/../g", "http://a/g"}, Case{"g.", "http://a/b/c/g."},
                    Case{".g", "http://a/b/c/.g"}, Case{"g..", "http://a/b/c/g.."}, Case{"..g", "http://a/b/c/..g"},
                    Case{"./../g", "http://a/b/g"}, Case{"./g/.", "http://a/b/c/g/"},
                    Case{"g/./h", "http://a/b/c/g/h"}, Case{"g/../h", "http://a/b/c/h"},
                    Case{"g;x=1/./y", "http://a/b/c/g;x=1/y"}, Case{"g;x=1/../y", "http://a/b/c/y"},
                    Case{"g?y/./x", "http://a/b/c/g?y/./x"}, Case{"g?y/../x", "http://a/b/c/g?y/../x"},
                    Case{"g#s/./x", "http://a/b/c/g#s/./x"}, Case{"g#s/../x", "http://a/b/c/g#s/../x"},
                    Case{"http:g", "http:g"}));

TEST(ResolveUrlEdges, EmptyOrRelativeBaseLeavesRefAlone) {
  EXPECT_EQ(resolve_url("", "/a/b"), "/a/b");
  EXPECT_EQ(resolve_url("not/absolute", "x"), "x");
}

TEST(ResolveUrlEdges, NewsPages) {
  EXPECT_EQ(resolve_url("https://news.example.com/world/2018/06/06/story.html", "../../05/01/older.html"),
            "https://news.example.com/world/2018/05/01/older.html");
  EXPECT_EQ(resolve_url("https://news.example.com/a/b", "//cdn.example.com/x"), "https://cdn.example.com/x");
  EXPECT_EQ(resolve_url("https://news.example.com", "story"), "https://news.example.com/story");
}

TEST(UrlHost, LowerCasedWithoutPortOrUser) {
  EXPECT_EQ(url_host("https://User@WWW.Example.com:8080/x"), "www.example.com");
  EXPECT_EQ(url_host("https://www.washingtonpost.com/news/"), "www.washingtonpost.com");
  EXPECT_EQ(url_host("/relative"), "");
  EXPECT_EQ(url_host("http://[::1]:80/"), "[::1]");
}

// ---- slug words ----

class SlugWords : public testing::TestWithParam<Case> {};

TEST_P(SlugWords, FromLastMeaningfulSegment) { EXPECT_EQ(url_slug_words(GetParam().input), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Slugs, SlugWords,
    testing::Values(
        Case{"https://www.washingtonpost.com/news/monkey-cage/wp/2018/01/03/why-nuclear-war-with-north-korea-is-less-likely-than-you-think/?utm_term=.7eeebc62ff0c",
             "why nuclear war with north korea is less likely than you think"},
        Case{"https://ex.com/world/story_title_here.html", "story title here"},
        Case{"https://ex.com/a/some+plus+words", "some plus words"},
        Case{"https://ex.com/a/with%20spaces%20here.htm", "with spaces here"},
        Case{"https://ex.com/politics/article-name/12345678", "article name"},
        Case{"https://ex.com/politics/2018-06-06/", "politics"},
        Case{"https://ex.com/politics/story/index.html", "story"},
        Case{"https://ex.com/caf%C3%A9-culture", "caf\xC3\xA9 culture"},
        Case{"https://ex.com/a/--double--dash--", "double dash"},
        Case{"https://ex.com/", ""},
        Case{"https://ex.com/2018/01/03/", ""},
        Case{"https://ex.com/u.s.-china-trade", "u.s. china trade"}));

// ---- dates in paths ----

struct DateCase {
  const char* url;
  std::optional<std::string> date;
};

std::ostream& operator<<(std::ostream& os, const DateCase& c) { return os << c.url; }

class PathDate : public testing::TestWithParam<DateCase> {};

TEST_P(PathDate, Found) { EXPECT_EQ(url_path_date(GetParam().url), GetParam().date); }

INSTANTIATE_TEST_SUITE_P(
    Dates, PathDate,
    testing::Values(
        DateCase{"https://www.washingtonpost.com/news/monkey-cage/wp/2017/10/25/shinzo-abes-supermajority-leaves-3-big-questions-about-japans-security-policy/?utm_term=.b566814631f5",
                 "2017-10-25"},
        DateCase{"https://www.washingtonpost.com/news/monkey-cage/wp/2018/05/14/trumps-u-turn/", "2018-05-14"},
        DateCase{"https://ex.com/2018-01-03/story", "2018-01-03"},
        DateCase{"https://ex.com/news/2018-01-03-story-title", "2018-01-03"},
        DateCase{"https://ex.com/news/20180103/story", "2018-01-03"},
        DateCase{"https://ex.com/2018/1/3/story", "2018-01-03"},
        DateCase{"https://ex.com/2018/01/03", "2018-01-03"},
        DateCase{"https://ex.com/2018/13/03/story", std::nullopt},
        DateCase{"https://ex.com/2018/02/30/story", std::nullopt},
        DateCase{"https://ex.com/2019/02/29/story", std::nullopt},
        DateCase{"https://ex.com/2020/02/29/story", "2020-02-29"},
        DateCase{"https://ex.com/20181301/story", std::nullopt},
        DateCase{"https://ex.com/story?date=2018-01-03", std::nullopt},
        DateCase{"https://ex.com/2018/story", std::nullopt},
        DateCase{"https://ex.com/12345678/story", std::nullopt}));

}  // namespace
}  // namespace newsindex
