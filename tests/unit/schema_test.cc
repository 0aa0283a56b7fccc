// The schema table and its version check: one place for prefixes and slots, and a database of
// another version refused with a clear message rather than misread.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "common/errors.h"
#include "indexer/index_writer.h"
#include "common/schema.h"

using namespace newsindex;

TEST(Schema, PrefixesAndSlotsAreUnique) {
  std::set<std::string_view> prefixes;
  std::set<int> slots;
  for (const auto& f : schema::kFields) {
    if (f.name == "body") continue;
    EXPECT_TRUE(prefixes.insert(f.prefix).second) << "prefix reused: " << f.prefix;
    if (f.slot >= 0) {
      EXPECT_TRUE(slots.insert(f.slot).second) << f.name;
    }
  }
}

// A stems-only field has no raw terms to hang positions on, and only free text has stems.
TEST(Schema, StemsOnlyFieldsAreFreeTextWithoutPositions) {
  for (const auto& f : schema::kFields) {
    if (!(f.flags & schema::kStemsOnly)) continue;
    EXPECT_TRUE(f.flags & schema::kFree) << f.name;
    EXPECT_FALSE(f.flags & schema::kPositions) << f.name;
  }
  EXPECT_TRUE(schema::field(schema::FieldId::ArticleBody).flags & schema::kStemsOnly);
  EXPECT_FALSE(schema::field(schema::FieldId::Body).flags & schema::kStemsOnly);
}

// Prefixes and slots are on disk: a field's may never change.
TEST(Schema, PrefixesAndSlotsAreThoseOnDisk) {
  std::string all;
  for (const auto& f : schema::kFields) all += std::string(f.name) + "=" + std::string(f.prefix) + "/" + std::to_string(f.slot) + " ";
  EXPECT_EQ(all,
            "body=/-1 acronym=XA/-1 article_body=XW/-1 article_acronym=XWA/-1 length_pad=XN/-1 title=S/-1 author=A/5 "
            "section=XS/6 category=XC/-1 site=H/4 url=U/-1 type=XK/0 lang=L/-1 article=XI/2 date=D/1 source=XP/9 uid=Q/-1 "
            "sourcekey=XR/-1 linkto=XL/11 hash=XH/10 band=XB/-1 story=XY/7 tag=XT/-1 ");
  EXPECT_EQ(&schema::field(schema::FieldId::Tag), &schema::kFields.back());
  EXPECT_EQ(schema::user_field("date")->id, schema::FieldId::Date);
}

// No prefix begins another's: a term names its field alone (XT tags beside XW, XWA, ...).
TEST(Schema, NoPrefixBeginsAnother) {
  for (const auto& a : schema::kFields)
    for (const auto& b : schema::kFields) {
      if (&a == &b || a.prefix.empty() || b.prefix.empty()) continue;
      // The article record's acronyms (XWA) begin like its words (XW): their terms are told apart
      // by the case of the letter after XW (terms are lower case).
      if (a.id == schema::FieldId::ArticleBody && b.id == schema::FieldId::ArticleAcronym) continue;
      EXPECT_FALSE(b.prefix.starts_with(a.prefix)) << a.name << " " << b.name;
    }
}

// tag: is an exact filter the query language reaches: boolean terms have no wdf, so tags never
// change a record's length or a score.
TEST(Schema, TagsAreBooleanQueryTerms) {
  const schema::Field* tag = schema::user_field("tag");
  ASSERT_NE(tag, nullptr);
  EXPECT_EQ(tag->id, schema::FieldId::Tag);
  EXPECT_EQ(tag->flags, schema::kBoolean | schema::kUserField);
  EXPECT_EQ(tag->slot, -1);
  EXPECT_EQ(schema::term(schema::FieldId::Tag, "climate change"), "XTclimate change");
  EXPECT_EQ(schema::kSchemaVersion, 6);
}

TEST(Schema, TermsAreBoundedAndPrefixed) {
  EXPECT_EQ(schema::term(schema::FieldId::Site, "example.com"), "Hexample.com");
  EXPECT_EQ(schema::term(schema::FieldId::Article, "ID-1"), "XI:ID-1");  // a capital after a prefix gets ':'
  std::string long_value(1000, 'x');
  EXPECT_LE(schema::term(schema::FieldId::Url, long_value).size(), schema::kMaxTermBytes);
  EXPECT_NE(schema::term(schema::FieldId::Url, long_value + "a"), schema::term(schema::FieldId::Url, long_value + "b"));
  EXPECT_EQ(schema::stem_prefix(schema::FieldId::Title), "ZS");
  EXPECT_EQ(schema::user_field("nope"), nullptr);
  EXPECT_EQ(schema::user_field("source"), nullptr);
  EXPECT_NE(schema::user_field("title"), nullptr);
}

// --explain shows an article record's terms as the passages name them.
TEST(Schema, ArticleTermsShownInPassageForm) {
  const std::pair<const char*, const char*> cases[] = {
      {"ZXWfear", "Zfear"}, {"XWfears", "fears"}, {"XWAnato", "XAnato"}, {"XW2018", "2018"},
      {"Zfear", "Zfear"},   {"fears", "fears"},   {"ZSjapan", "ZSjapan"}, {"XIid", "XIid"}};
  for (auto [term, shown] : cases) EXPECT_EQ(schema::passage_form_name(term), shown) << term;
  EXPECT_EQ(schema::term(schema::FieldId::ArticleBody, "fears"), "XWfears");
  EXPECT_EQ(schema::stem_prefix(schema::FieldId::ArticleBody), "ZXW");
}

// A long id (a URL, a path) is not repeated on every passage: records carry a short key, and a
// lookup may start from the id or from the key.
TEST(Schema, ArticleKeysAreShortStableAndIdempotent) {
  struct Case {
    std::string id;
    bool kept;  // the key is the id itself
  };
  const std::vector<Case> cases{
      {"brown-ca01-0-r0", true},
      {"0123456789abcdef", true},  // exactly the limit
      {"https://www.example.com/news/world/2024/03/18/chip-makers-brace-for-decoupling", false},
      {"/home/user/corpus/2018/abe-trump-japan-north-korea-decoupling-2018-06-06.txt", false},
      {"0123456789abcdefg", false},  // one over
      {"~0123456789abcdeg", false},  // looks like a key, but not hex
  };
  std::set<std::string> keys;
  for (const auto& c : cases) {
    const std::string key = schema::article_key(c.id);
    EXPECT_EQ(key == c.id, c.kept) << c.id;
    EXPECT_LE(key.size(), schema::kArticleKeyBytes + 1) << c.id;
    EXPECT_EQ(schema::article_key(key), key) << c.id;  // idempotent
    EXPECT_EQ(schema::term(schema::FieldId::Article, c.id), schema::term(schema::FieldId::Article, key)) << c.id;
    EXPECT_EQ(schema::term(schema::FieldId::Uid, c.id), schema::term(schema::FieldId::Uid, key)) << c.id;
    EXPECT_EQ(schema::term(schema::FieldId::Url, c.id), schema::term(schema::FieldId::Url, key)) << c.id;
    EXPECT_TRUE(keys.insert(key).second) << c.id;
  }
  EXPECT_EQ(schema::article_key(cases[2].id), schema::article_key(std::string(cases[2].id)));
  EXPECT_EQ(schema::article_key(cases[2].id)[0], '~');
}

TEST(Schema, KindNamesRoundTrip) {
  for (auto k : {schema::Kind::Passage, schema::Kind::Link, schema::Kind::Article, schema::Kind::Source})
    EXPECT_EQ(schema::kind_from_name(schema::kind_name(k)), k);
  EXPECT_FALSE(schema::kind_from_name("video"));
}

TEST(Schema, OtherVersionRefusedOnOpen) {
  auto dir = std::filesystem::temp_directory_path() / "newsindex-schema-test";
  std::filesystem::remove_all(dir);
  {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
    db.set_metadata(schema::kVersionKey, "999");
    db.add_document(Xapian::Document());
    db.commit();
  }
  try {
    open_for_reading(dir.string());
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_NE(std::string(e.what()).find("schema version 999"), std::string::npos) << e.what();
  }
  EXPECT_THROW(IndexWriter(dir.string(), WriterOptions{}), DatabaseError);
  std::filesystem::remove_all(dir);
  EXPECT_THROW(open_for_reading(dir.string()), DatabaseError);
}
