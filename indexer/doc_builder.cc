#include "indexer/doc_builder.h"

#include <nlohmann/json.hpp>

#include <set>

#include "common/hash.h"
#include "indexer/near_duplicates.h"
#include "common/schema.h"
#include "common/terms.h"
#include "common/url.h"

namespace newsindex {

namespace {

using schema::Kind;

// Gap between the passage text and its heading so phrases never span the two.
constexpr Xapian::termpos kFieldGap = 100;

std::string ymd_compact(const std::optional<std::string>& date) {
  if (!date || date->size() != 10) return {};
  return date->substr(0, 4) + date->substr(5, 2) + date->substr(8, 2);
}

// The terms of the article's tags as tag: reads a value (normalize_word, whole): a tag's words
// in order joined by a space, and joined by nothing, since the analyzer's ASCII path keeps the
// spaces of a value and its Unicode path drops them; a tag spelt either way is then found.
std::vector<std::string> tag_terms(const Article& a) {
  std::set<std::string> terms;
  for (const std::string& tag : a.tags) {
    std::string spaced, joined;
    for (size_t start = 0; start < tag.size();) {
      size_t end = tag.find(' ', start);
      if (end == std::string::npos) end = tag.size();
      if (std::string w = normalize_word(std::string_view(tag).substr(start, end - start)); !w.empty()) {
        if (!spaced.empty()) spaced.push_back(' ');
        spaced += w;
        joined += w;
      }
      start = end + 1;
    }
    if (spaced.empty()) continue;
    terms.insert(schema::term(schema::FieldId::Tag, spaced));
    terms.insert(schema::term(schema::FieldId::Tag, joined));
  }
  return {terms.begin(), terms.end()};
}

// Terms and values every record of an article carries: filters, facets, deletion keys. Tags are
// boolean terms (wdf 0): they leave the record's length, and so every score, as it was.
void add_article_context(Xapian::Document& doc, const Article& a, Kind kind, const std::string& site,
                         const std::vector<std::string>& tags) {
  doc.add_boolean_term(schema::kind_term(kind));
  doc.add_boolean_term(schema::term(schema::FieldId::Article, a.id));
  doc.add_value(schema::kSlotKind, std::string(schema::kind_name(kind)));
  doc.add_value(schema::kSlotArticle, schema::article_key(a.id));
  // The long source path only on the article record: a source's passages and links go with
  // their articles (IndexWriter::clear_source), and the path is not repeated in every passage.
  if (kind == Kind::Article) {
    doc.add_boolean_term(schema::term(schema::FieldId::Source, a.source));
    doc.add_value(schema::kSlotSource, a.source);
  }
  if (std::string ymd = ymd_compact(a.date); !ymd.empty()) {
    doc.add_boolean_term(schema::term(schema::FieldId::Date, ymd));
    doc.add_value(schema::kSlotDate, ymd);
  }
  if (!site.empty()) {
    doc.add_boolean_term(schema::term(schema::FieldId::Site, site));
    doc.add_value(schema::kSlotSite, site);
  }
  if (!a.url.empty()) doc.add_boolean_term(schema::term(schema::FieldId::Url, a.url));
  if (!a.lang.empty()) doc.add_boolean_term(schema::term(schema::FieldId::Lang, normalize_word(a.lang)));
  if (!a.author.empty()) doc.add_value(schema::kSlotAuthor, a.author);
  for (const std::string& t : tags) doc.add_boolean_term(t);
}

// Title, author and category words, analyzed once per article: every record carries them, and
// re-analyzing them per passage made a huge title (a one-line file) cost passages x its size.
struct FieldWords {
  Analysis title, author, category;
};

FieldWords field_words(const Article& a, Analyzer& an) {
  return {an.analyze(a.title), an.analyze(a.author), an.analyze(a.category)};
}

// Title, author and category words under their own prefixes (for title: and friends). Passages
// keep the title's raw words with positions, so that a headline in quotes matches as a phrase;
// a raw word stored counts in the record's length as the padding it replaces did.
void add_field_words(Xapian::Document& doc, const FieldWords& f, const Xapian::Stem& stem, bool title_positions) {
  add_text_terms(doc, f.title, schema::FieldId::Title, stem, 0, title_positions);
  add_text_terms(doc, f.author, schema::FieldId::Author, stem, 0, false);
  add_text_terms(doc, f.category, schema::FieldId::Category, stem, 0, false);
}

nlohmann::json article_data(const Article& a, size_t passages, size_t links) {
  nlohmann::json j;
  j["id"] = a.id;
  j["url"] = a.url;
  j["title"] = a.title;
  j["date"] = a.date ? nlohmann::json(*a.date) : nlohmann::json(nullptr);
  j["author"] = a.author;
  j["category"] = a.category;
  j["source"] = a.source;
  j["lang"] = a.lang;
  if (a.views) j["views"] = *a.views;
  if (a.reading_minutes) j["reading_minutes"] = *a.reading_minutes;
  if (a.comments) j["comments"] = *a.comments;
  if (!a.bio.empty()) j["bio"] = a.bio;
  if (!a.tags.empty()) j["tags"] = a.tags;
  if (a.source_line) j["line"] = a.source_line;
  j["passages"] = passages;
  j["links"] = links;
  return j;
}

}  // namespace

void assign_article_id(Article& a) {
  if (!a.id.empty()) return;
  a.id = !a.url.empty() ? a.url : a.source;
}

BuiltArticle build_documents(const Article& a, Analyzer& an, const BuildOptions& opts) {
  BuiltArticle out;
  out.id = a.id;
  out.source = a.source;
  out.body_missing = a.body_missing;
  out.page_text_bytes = a.page_text_bytes;
  const Xapian::Stem stem = stemmer_for(!opts.language.empty() ? opts.language : a.lang);
  out.language = stemmer_name(stem);
  const std::string site = url_host(a.url);
  Segmented seg = segment(a, an, opts.segment);
  const FieldWords fields = field_words(a, an);
  const std::vector<std::string> tags = tag_terms(a);

  std::vector<std::string> all_words;  // the article's normalized words: duplicate detection
  Xapian::Document& art = out.article_doc;
  Xapian::termpos art_pos = 0;
  std::string last_section;
  const Passage* lead = seg.passages.empty() ? nullptr : &seg.passages.front();
  for (const Passage& p : seg.passages)
    if (!p.caption) {
      lead = &p;
      break;
    }
  for (const Passage& p : seg.passages) {
    Xapian::Document doc;
    Analysis words = an.analyze(p.text);
    out.invalid_utf8 += words.invalid_utf8;
    Xapian::termpos end = add_text_terms(doc, words, schema::FieldId::Body, stem, 0, true);
    if (!p.section.empty()) {
      Analysis heading = an.analyze(p.section);
      end = add_text_terms(doc, heading, schema::FieldId::Body, stem, end + kFieldGap, true);
      add_text_terms(doc, heading, schema::FieldId::Section, stem, 0, false);
      doc.add_value(schema::kSlotSection, p.section);
    }
    // The headline is read with the lead, as a heading is with its passage: a word or a phrase
    // of the headline finds the article's first paragraph.
    if (&p == lead) add_text_terms(doc, fields.title, schema::FieldId::Body, stem, end + kFieldGap, true);
    add_field_words(doc, fields, stem, true);
    add_article_context(doc, a, Kind::Passage, site, tags);
    if (p.caption) doc.add_boolean_term(schema::term(schema::FieldId::Type, "caption"));
    // The lead (first passage that is not a caption) is where a headline search lands.
    if (&p == lead) doc.add_boolean_term(schema::term(schema::FieldId::Type, "lead"));
    doc.add_value(schema::kSlotOrdinal, Xapian::sortable_serialise(p.ordinal));
    nlohmann::json d;
    d[data_keys::kText] = p.text;
    d[data_keys::kPassage] = p.ordinal;
    if (!p.section.empty()) d[data_keys::kSection] = p.section;
    if (p.caption) d[data_keys::kCaption] = true;
    if (p.line) d[data_keys::kLine] = p.line;
    doc.set_data(d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    out.passage_docs.push_back(std::move(doc));
    // The article record holds every word (no positions) for article-level ranking, each
    // heading once, under its own prefixes (schema: article_body).
    art_pos = add_text_terms(art, words, schema::FieldId::ArticleBody, stem, art_pos, false);
    if (!p.section.empty() && p.section != last_section)
      add_text_terms(art, an.analyze(p.section), schema::FieldId::ArticleBody, stem, 0, false);
    last_section = p.section;
    for (const Token& t : words.tokens) all_words.push_back(t.term);
  }
  for (const LinkRef& l : a.links) {
    std::string target = canonical_url(l.url);
    if (target.empty()) continue;
    Xapian::Document doc;
    Analysis anchor = an.analyze(l.anchor);
    Xapian::termpos end = add_text_terms(doc, anchor, schema::FieldId::Body, stem, 0, true);
    add_text_terms(doc, an.analyze(url_slug_words(target)), schema::FieldId::Body, stem, end + kFieldGap, true);
    add_article_context(doc, a, Kind::Link, site, tags);
    doc.add_boolean_term(schema::term(schema::FieldId::LinkTo, target));
    doc.add_boolean_term(schema::term(schema::FieldId::Url, target));
    doc.add_value(schema::kSlotLinkTarget, target);
    uint32_t passage = 0;
    if (l.block_index >= 0 && static_cast<size_t>(l.block_index) < seg.block_passage.size())
      passage = seg.block_passage[static_cast<size_t>(l.block_index)];
    doc.add_value(schema::kSlotOrdinal, Xapian::sortable_serialise(passage));
    nlohmann::json d;
    d[data_keys::kUrl] = target;
    d[data_keys::kText] = l.anchor;
    d[data_keys::kPassage] = passage;
    if (auto date = url_path_date(target)) d[data_keys::kLinkDate] = *date;
    doc.set_data(d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    out.link_docs.push_back(std::move(doc));
  }
  add_field_words(art, fields, stem, false);
  if (!a.title.empty() && opts.title_weight > 0) {
    Analysis title = an.analyze(a.title);
    for (unsigned i = 0; i < opts.title_weight; ++i) add_text_terms(art, title, schema::FieldId::ArticleBody, stem, 0, false);
  }
  add_article_context(art, a, Kind::Article, site, tags);
  art.add_boolean_term(schema::term(schema::FieldId::Uid, a.id));
  // Same words in the same order = the same story, whatever its punctuation or case.
  std::string joined;
  for (const auto& w : all_words) joined.append(w).push_back(' ');
  out.content_hash = hex_digest(joined);
  art.add_value(schema::kSlotHash, out.content_hash);
  // A text this short, or a page whose body was not found, says too little to call it a copy of
  // anything (two pages with only "Photo gallery" are not one story): it takes no part in
  // duplicate detection, either way.
  out.copy_candidate = all_words.size() >= kMinCopyWords && !a.body_missing;
  if (out.copy_candidate) art.add_boolean_term(schema::term(schema::FieldId::Hash, out.content_hash));
  if (opts.near_duplicate_keys && out.copy_candidate) {
    out.signature = minhash(all_words);
    for (const auto& key : band_keys(out.signature)) art.add_boolean_term(schema::term(schema::FieldId::Band, key));
    art.add_value(schema::kSlotMinhash, serialise_signature(out.signature));
  }
  art.add_value(schema::kSlotArticleLen, Xapian::sortable_serialise(art_pos));
  art.set_data(article_data(a, out.passage_docs.size(), out.link_docs.size())
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return out;
}

}  // namespace newsindex
