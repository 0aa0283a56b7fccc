// The analyzer's rules, table-driven: what a word becomes as a term, and offsets that stay on
// UTF-8 boundaries of the original text.
#include <gtest/gtest.h>

#include "common/analyzer.h"
#include "common/terms.h"

using namespace newsindex;

namespace {

std::vector<std::string> terms(const std::string& text) {
  Analyzer an;
  std::vector<std::string> out;
  for (const auto& t : an.analyze(text).tokens) out.push_back(t.term);
  return out;
}

struct TermCase {
  const char* name;
  const char* text;
  std::vector<std::string> want;
};

}  // namespace

class AnalyzerTerms : public ::testing::TestWithParam<TermCase> {};

TEST_P(AnalyzerTerms, Terms) { EXPECT_EQ(terms(GetParam().text), GetParam().want) << GetParam().text; }

INSTANTIATE_TEST_SUITE_P(
    Rules, AnalyzerTerms,
    ::testing::Values(
        TermCase{"case_folding", "Decoupling DECOUPLING decoupling", {"decoupling", "decoupling", "decoupling"}},
        TermCase{"fullwidth", "\xEF\xBC\xB4\xEF\xBD\x8F\xEF\xBD\x8B\xEF\xBD\x99\xEF\xBD\x8F", {"tokyo"}},
        TermCase{"ligature", "\xEF\xAC\x81nance", {"finance"}},
        TermCase{"soft_hyphen", "dis\xC2\xAD" "appear", {"disappear"}},
        TermCase{"zero_width_space", "dis\xE2\x80\x8B" "appear", {"disappear"}},
        TermCase{"zero_width_joiner", "dis\xE2\x80\x8D" "appear", {"disappear"}},
        TermCase{"nbsp_is_space", "North\xC2\xA0Korea", {"north", "korea"}},
        TermCase{"narrow_nbsp", "North\xE2\x80\xAFKorea", {"north", "korea"}},
        TermCase{"accents", "Zürich São Paulo Pyŏngyang", {"zurich", "sao", "paulo", "pyongyang"}},
        TermCase{"curly_possessive", "Japan’s", {"japan"}},
        TermCase{"straight_possessive", "Japan's", {"japan"}},
        TermCase{"modifier_apostrophe", "Japanʼs", {"japan"}},
        TermCase{"prime_apostrophe", "Japan′s", {"japan"}},
        TermCase{"fullwidth_apostrophe", "Japan＇s", {"japan"}},
        TermCase{"contraction", "doesn’t don't", {"doesn't", "don't"}},
        TermCase{"em_dash_separates", "Trump—with", {"trump", "with"}},
        TermCase{"en_dash_separates", "2017–2018", {"2017", "2018"}},
        TermCase{"dotted_acronym", "the U.S. and the U.N.", {"the", "us", "and", "the", "un"}},
        TermCase{"hyphen_compound", "Mar-a-Lago", {"mar", "a", "lago"}},
        TermCase{"numbers", "2018 1.5 $1.5 3-2", {"2018", "1.5", "1.5", "3", "2"}},
        TermCase{"hashtag_mention", "#NoNewBase @nytimes 🇯🇵 👍🏽 ok", {"nonewbase", "nytimes", "ok"}},
        TermCase{"chinese_words", "我们讨论了贸易问题", {"我们", "讨论", "了", "贸易", "问题"}},
        TermCase{"japanese", "東京で会談した", {"東京", "で", "会談", "した"}},
        TermCase{"thai", "ประเทศไทย", {"ประเทศไทย"}},
        TermCase{"korean_spaces", "북한 미사일", {"북한", "미사일"}},
        TermCase{"invalid_utf8", "ab\xFF" "cd ok", {"ab", "cd", "ok"}}),
    [](const auto& info) { return std::string(info.param.name); });

// More scripts and symbols: acronyms, mixed scripts in one word, emoji sequences, marks that
// belong to a word (Devanagari vowel signs and viramas) and marks that are accents.
INSTANTIATE_TEST_SUITE_P(
    Scripts, AnalyzerTerms,
    ::testing::Values(
        TermCase{"dotted_acronyms_eu_un", "E.U. and U.N", {"eu", "and", "un"}},
        TermCase{"acronym_before_hyphen", "U.S.-China", {"us", "china"}},
        TermCase{"fullwidth_acronym", "\xEF\xBC\xB5\xEF\xBC\xB3 talks", {"us", "talks"}},
        TermCase{"mixed_scripts", "Reuters报道了贸易问题", {"reuters", "报道", "了", "贸易", "问题"}},
        TermCase{"emoji_zwj_sequence", "great👨‍👩‍👧news 👨‍👩‍👧 family", {"great", "news", "family"}},
        TermCase{"hashtag_digits", "#G20 summit", {"g20", "summit"}},
        TermCase{"hashtag_possessive", "#Brexit’s", {"brexit"}},
        TermCase{"devanagari_keeps_marks", "दिल्ली की राजधानी", {"दिल्ली", "की", "राजधानी"}},
        TermCase{"greek_cyrillic_accents", "Москва́ Αθήνα", {"москва", "αθηνα"}},
        TermCase{"underscore_and_at", "snake_case a@b _ @", {"snake_case", "a@b"}},
        TermCase{"mid_punctuation", "e.g. 1,000 3;4 a:b x'y", {"e.g", "1,000", "3;4", "a", "b", "x'y"}}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Analyzer, AcronymsInCapitalsButNotInShouting) {
  Analyzer an;
  auto a = an.analyze("Talks with US officials and the U.S. envoy");
  ASSERT_EQ(a.tokens.size(), 8u);
  EXPECT_TRUE(a.tokens[2].acronym);   // US
  EXPECT_EQ(a.tokens[2].term, "us");
  EXPECT_TRUE(a.tokens[6].acronym);   // U.S.
  EXPECT_FALSE(a.tokens[0].acronym);
  auto shout = an.analyze("NORTH KOREA TALKS WITH US");
  EXPECT_TRUE(shout.shouting);
  for (const auto& t : shout.tokens) EXPECT_FALSE(t.acronym) << t.term;
  auto pronoun = an.analyze("he told us");
  EXPECT_FALSE(pronoun.tokens[2].acronym);
}

TEST(Analyzer, OffsetsCoverOriginalWords) {
  Analyzer an;
  const std::string text = "Japan’s “decoupling” — Zürich, 東京で";
  for (const auto& t : an.analyze(text).tokens) {
    ASSERT_LE(t.end, text.size());
    ASSERT_LT(t.start, t.end);
    EXPECT_NE(static_cast<unsigned char>(text[t.start]) & 0xC0, 0x80u);
    if (t.end < text.size()) {
      EXPECT_NE(static_cast<unsigned char>(text[t.end]) & 0xC0, 0x80u);
    }
  }
  auto a = an.analyze(text);
  EXPECT_EQ(text.substr(a.tokens[0].start, a.tokens[0].end - a.tokens[0].start), "Japan’s");
  EXPECT_EQ(text.substr(a.tokens[1].start, a.tokens[1].end - a.tokens[1].start), "decoupling");
  EXPECT_EQ(text.substr(a.tokens[2].start, a.tokens[2].end - a.tokens[2].start), "Zürich");
}

TEST(Analyzer, HyphenJoinMarked) {
  Analyzer an;
  auto a = an.analyze("Kim Jong-un met");
  ASSERT_EQ(a.tokens.size(), 4u);
  EXPECT_FALSE(a.tokens[1].joined);
  EXPECT_TRUE(a.tokens[2].joined);
  EXPECT_FALSE(a.tokens[3].joined);
}

TEST(Analyzer, PositionsAreConsecutive) {
  Analyzer an;
  auto a = an.analyze("one, two — three");
  ASSERT_EQ(a.tokens.size(), 3u);
  for (uint32_t i = 0; i < 3; ++i) EXPECT_EQ(a.tokens[i].pos, i);
}

TEST(Analyzer, SentenceBreaks) {
  Analyzer an;
  std::string t = "First sentence here. Second one! Third?";
  auto b = an.sentence_breaks(t);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_EQ(b.back(), t.size());
}

// The remembered stems are the stemmer's own, in each language, however often a word repeats
// and whether or not it fits a table slot.
TEST(WordStemmer, SameAsTheStemmer) {
  const std::vector<std::string> words{"running", "runs", "decoupling", "decoupled", "nationalization",
                                       "internationalizations", "happiness", "running", "ponies", "a"};
  for (const char* lang : {"english", "german", "french"}) {
    const Xapian::Stem stem(lang);
    WordStemmer stemmed(stem);
    for (int round = 0; round < 2; ++round)
      for (const auto& w : words) EXPECT_EQ(stemmed(w), stem(w)) << lang << " " << w;
  }
  // Two languages' stemmers used in turns each keep their own stems.
  const Xapian::Stem en("english"), de("german");
  WordStemmer a(en), b(de);
  for (const auto& w : words) {
    EXPECT_EQ(a(w), en(w));
    EXPECT_EQ(b(w), de(w));
  }
}
