// The index schema: the only place that names term prefixes, value slots and document kinds.
// Indexer and query both go through these names; bump kSchemaVersion when the meaning changes.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsindex::schema {

// Version 1: passages, links, articles and sources as documents; see kFields.
// Version 2: the article record's copy of the body words has its own prefixes (article_body,
// article_acronym): passage and article postings are separate lists.
// Version 3: the article record's words and the title, author, section and category words keep a
// stemmable word only as its stem (kStemsOnly), with the record's length unchanged (length_pad).
// Version 4: records name their article by a short key (article_key), and only article records
// carry the source term.
// Version 5: a copy of an indexed story is indexed as an article of its own and names its story
// (kSlotStory, story:); passages carry the title's words with positions (headline phrases), and
// each article's first passage is marked (type:lead).
// Version 6: every record carries its article's tags, the publisher's keywords, as boolean terms
// (tag:, prefix XT); article keys, content, source and near-duplicate hashes are xxHash's XXH3
// (common/hash.h), so keys of ids longer than a key differ from version 5's.
inline constexpr int kSchemaVersion = 6;
inline constexpr const char* kVersionKey = "newsindex:schema_version";
// Metadata: the article documents' total length, stamped (common/kind_lengths.h).
inline constexpr const char* kKindLengthsKey = "newsindex:kind_lengths";
// Metadata: the stemmers the articles were indexed with, comma-separated Xapian names ("german",
// "none"): a query takes the index's language when there is only one.
inline constexpr const char* kLanguagesKey = "newsindex:languages";
// Metadata of a sharded index's meta/: "article-key" when each article, with its passages and
// links, lives in the shard its key chooses (shard_layout.h, partition_of); absent when one
// ordered writer deals the documents round-robin by docid.
inline constexpr const char* kPartitionKey = "newsindex:partition";
inline constexpr const char* kPartitionByArticleKey = "article-key";

// Xapian's glass backend refuses terms over 245 bytes; longer ones are hashed (as Omega does).
inline constexpr size_t kMaxTermBytes = 240;

enum class Kind { Passage, Link, Article, Source };
std::string_view kind_name(Kind k);
std::optional<Kind> kind_from_name(std::string_view name);

// Value slots; numbers are explicit because they are on disk.
enum Slot : unsigned {
  kSlotKind = 0,       // kind name
  kSlotDate = 1,       // YYYYMMDD of the article date ("" when unknown)
  kSlotArticle = 2,    // article id
  kSlotOrdinal = 3,    // passage ordinal, Xapian::sortable_serialise
  kSlotSite = 4,       // host of the article URL
  kSlotAuthor = 5,
  kSlotSection = 6,    // nearest heading above the passage
  kSlotStory = 7,      // a copy's story: the key of the article its story began with ("" when the
                       // article began its own story); grouping key = story, else article
  // 8 is free: month and year facets are derived from kSlotDate.
  kSlotSource = 9,     // source path (article and source records)
  kSlotHash = 10,      // content hash (articles: normalized text, sources: file bytes)
  kSlotLinkTarget = 11,// canonical URL a link points to
  kSlotArticleLen = 12,// article length in words (article documents), sortable_serialise
  kSlotMinhash = 13,   // MinHash signature of the article text (near-duplicate detection)
};

// How a field's words are indexed.
enum FieldFlags : unsigned {
  kFree = 1,        // analyzed text: raw terms (prefix) + stemmed terms ("Z" + prefix)
  kPositions = 2,   // raw terms carry positions (phrases, NEAR)
  kBoolean = 4,     // exact filter term, not analyzed except case-folding
  kUserField = 8,   // reachable as name: in the query language
  kStemsOnly = 16,  // a stemmable word gets only its stemmed term; the raw term is kept for words
                    // without a stem (numbers, CJK, mixed letters and digits)
  kKeyed = 32,      // an exact value longer than 16 bytes is written as its key (article_key)
};

// The fields by name in code; each value indexes kFields (checked below), so the table's order
// is the enum's.
enum class FieldId : unsigned {
  Body,
  Acronym,
  ArticleBody,
  ArticleAcronym,
  LengthPad,
  Title,
  Author,
  Section,
  Category,
  Site,
  Url,
  Type,
  Lang,
  Article,
  Date,
  Source,
  Uid,
  SourceKey,
  LinkTo,
  Hash,
  Band,
  Story,
  Tag,
};

struct Field {
  FieldId id;
  std::string_view name;    // query-language name
  std::string_view prefix;  // Xapian term prefix
  int slot;                 // value slot or -1
  unsigned flags;
  std::string_view description;  // a query field's is shown by --help-query
};

// The table. Body words have the empty prefix.
inline constexpr std::array kFields{
    Field{FieldId::Body, "body", "", -1, kFree | kPositions, "passage text, its section heading"},
    Field{FieldId::Acronym, "acronym", "XA", -1, kFree | kPositions, "acronyms written in capitals (U.S., NATO)"},
    // The article record's words, apart from the passages': a passage query then never walks
    // article postings (no kind filter, half-length lists) and each kind gets its own statistics.
    // Stems only: the record exists for BM25 over the whole article, which ranks by stems; exact
    // words, phrases and NEAR are matched in the passages, which keep every raw word.
    Field{FieldId::ArticleBody, "article_body", "XW", -1, kFree | kStemsOnly, "article record: every passage's words, headings, title"},
    Field{FieldId::ArticleAcronym, "article_acronym", "XWA", -1, kFree, "article record: its acronyms"},
    // BM25 and the feedback model divide by a record's length, the sum of its wdfs; this term's wdf
    // counts the raw words a kStemsOnly field leaves out, so the length (and every score) stays
    // what it was when they were stored.
    Field{FieldId::LengthPad, "length_pad", "XN", -1, 0, "wdf = raw words not stored (kStemsOnly), for the record's length"},
    // title: and the other free-text fields match stems (a word without a stem by its raw term),
    // and every record repeats them: stems only.
    // Passages keep the title's raw words with positions (a headline in quotes is a phrase), which
    // leaves their lengths as they were; the article record keeps stems only.
    Field{FieldId::Title, "title", "S", -1, kFree | kUserField | kStemsOnly, "article title (headline)"},
    Field{FieldId::Author, "author", "A", kSlotAuthor, kFree | kUserField | kStemsOnly, "article author"},
    Field{FieldId::Section, "section", "XS", kSlotSection, kFree | kUserField | kStemsOnly, "heading above the passage"},
    Field{FieldId::Category, "category", "XC", -1, kFree | kUserField | kStemsOnly, "breadcrumb / desk of the article"},
    Field{FieldId::Site, "site", "H", kSlotSite, kBoolean | kUserField, "host of the article URL"},
    Field{FieldId::Url, "url", "U", -1, kBoolean | kUserField | kKeyed, "canonical URL (article or link target)"},
    Field{FieldId::Type, "type", "XK", kSlotKind, kBoolean | kUserField, "passage, link, caption, lead (an article's first passage), article"},
    Field{FieldId::Lang, "lang", "L", -1, kBoolean | kUserField, "declared language of the article"},
    Field{FieldId::Article, "article", "XI", kSlotArticle, kBoolean | kUserField | kKeyed, "article id: the article and all its passages and links"},
    Field{FieldId::Date, "date", "D", kSlotDate, kBoolean | kUserField, "article date: a day, month or year, or a range FROM..TO"},
    Field{FieldId::Source, "source", "XP", kSlotSource, kBoolean, "source path (the article records of a source)"},
    Field{FieldId::Uid, "uid", "Q", -1, kBoolean | kKeyed, "unique term of an article document (its article_key)"},
    Field{FieldId::SourceKey, "sourcekey", "XR", -1, kBoolean, "unique term of a source record"},
    Field{FieldId::LinkTo, "linkto", "XL", kSlotLinkTarget, kBoolean, "canonical URL a link record points to"},
    Field{FieldId::Hash, "hash", "XH", kSlotHash, kBoolean, "article content hash (exact duplicates)"},
    Field{FieldId::Band, "band", "XB", -1, kBoolean, "MinHash LSH band key (near-duplicate candidates)"},
    Field{FieldId::Story, "story", "XY", kSlotStory, kBoolean | kKeyed, "article records of copies: the key of their story's first article"},
    // The publisher's own keywords. A tag is a label, not prose: it matches whole, as the
    // publisher wrote it (letter case and accents aside), so tag:trade never finds "trade war".
    // Boolean terms (wdf 0) leave every record's length, and so every score, as it was.
    Field{FieldId::Tag, "tag", "XT", -1, kBoolean | kUserField,
          "a tag or keyword the publisher gave the article, whole, in any letter case"},
};

constexpr bool fields_in_id_order() {
  for (size_t i = 0; i < kFields.size(); ++i)
    if (kFields[i].id != static_cast<FieldId>(i)) return false;
  return kFields.size() == static_cast<size_t>(FieldId::Tag) + 1;
}
static_assert(fields_in_id_order(), "kFields lists every field in FieldId order");

constexpr const Field& field(FieldId id) { return kFields[static_cast<size_t>(id)]; }
// A field by the name a user types (the query language); nullptr when it is not a query field.
const Field* user_field(std::string_view name);

// Every record names its article by this key (article: and uid: terms, kSlotArticle): the id itself
// up to 16 bytes, else "~" and 16 hex digits of its hash, so that a long id (an article's URL, a
// file path) is not repeated in every passage's termlist and values. A key is its own key, so a
// lookup may start from either; the id itself stays in the article record's data. The url: term
// of every record (kKeyed) is written the same way.
inline constexpr size_t kArticleKeyBytes = 16;
std::string article_key(std::string_view id);

// Builds "prefix + value" and hashes values that would exceed kMaxTermBytes; the values of kKeyed
// fields go through article_key.
std::string term(FieldId field, std::string_view value);
// The term that marks a record's kind (type:passage, type:article, ...).
std::string kind_term(Kind k);
// The stemmed-term prefix for a free-text field ("Z" + prefix).
std::string stem_prefix(FieldId field);

// Which copy of the body words a query or document uses: the passages' (and links') or the
// article record's.
enum class BodyForm { Passage, Article };
FieldId body_field(BodyForm form);  // Body / ArticleBody
FieldId acronym_field(FieldId body);  // ArticleAcronym for ArticleBody, else Acronym
// How the passages name an article record's body term (ZXWfear -> Zfear, XWAnato -> XAnato), for
// showing terms to people; any other term is returned as it is.
std::string passage_form_name(std::string_view term);

}  // namespace newsindex::schema
