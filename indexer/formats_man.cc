#include "indexer/formats_man.h"

#include <string_view>

#include "common/cli_docs.h"
#include "indexer/readers/reader.h"

namespace newsindex {

namespace {

constexpr const char* kIntro =
    "newsindex(1) reads each file in one of the formats below. The format is detected from the "
    "content first (a JSON object, HTML markup), then from the extension, then from the content "
    "again (the news-text header); a file nothing identifies is plain text. --input-format forces "
    "one. Files ending in .gz are decompressed first. A UTF-8, UTF-16 or UTF-32 byte-order mark is "
    "honoured in every format; text in another encoding is detected and converted.\n\n"
    "Every format becomes articles: an id, a title, a date, an author, a category, tags, a language, "
    "paragraphs (each a passage; long ones are split at sentence breaks), section headings, photo "
    "captions and related links.";

// What each reader reads, by its name in the reader table.
std::string_view format_prose(std::string_view name) {
  if (name == "jsonl")
    return "One article per line, a JSON object. Only text and one of id or url are required; unknown "
           "fields are ignored. When a field's own name is absent, the names after it stand for it:\n"
           "  id         _id, guid, docid\n"
           "  url        link, canonical_url\n"
           "  text       body, content, maintext, article, description, summary, short_description, abstract\n"
           "  title      headline\n"
           "  author     authors (a list), byline\n"
           "  date       published, published_at, publishedAt, date_publish, datePublished, pubDate, publish_date\n"
           "  category   section, categories\n"
           "  tags       keywords (a list, or one string of tags between commas)\n"
           "  lang       language\n"
           "  links      [{\"url\": ..., \"text\": ...}]\n"
           "Blank lines in text separate paragraphs; text holding markup is read as an HTML fragment. "
           "Dates are ISO 8601 or RFC 822. A bad line is reported with its line number and skipped; "
           "a file that grew by appended lines is read on from where it was indexed. A .json file that is "
           "one indented JSON document (first line \"{\" or \"[\") is read whole: an array of articles, "
           "one article, or an object holding arrays of articles (a news API's answer); a document "
           "that breaks off keeps the articles before the break.";
  if (name == "html")
    return "One article per page: the article, not the page. The body is chosen by evidence (prose, "
           "link density, class and id words, <article>, <main>, JSON-LD articleBody) and cleaned of "
           "navigation, share bars, related lists, comments and promos. h2 to h4 in the body are "
           "section headings, <figcaption> a caption, links in the body related links. Title, "
           "authors, date, canonical URL, language and tags (article:tag, JSON-LD keywords, "
           "news_keywords, keywords) come from JSON-LD, Open Graph and meta elements, else from the page. A declared charset is honoured. A page without a body "
           "found is still indexed (title and what was found) and named on standard error. NITF "
           "archive XML (the New York Times corpus) is read the same way, its date from <pubdata> or "
           "the publication_* metas.";
  if (name == "news")
    return "Saved news articles, one per file: line 1 a breadcrumb (Home > News > ..., the category), "
           "an optional meta line (views, reading time, comments), the title, a dateline in any common "
           "spelling (June 6, 2018; 2018-06-06), an optional photo caption, then one paragraph per "
           "line. A short line that does not end like a sentence is a section heading. "
           "[interstitial_link url=\"...\"]anchor[/interstitial_link] shortcodes become related links.";
  if (name == "feed")
    return "News feeds (RSS 2.0, RSS 1.0/RDF, Atom 1.0), recognised by their root element whatever the "
           "extension: each item or entry is an article. Its body is the full text when the feed carries "
           "it (content:encoded, Atom content), else the summary; markup in it is read as an HTML fragment. "
           "The id is the guid (Atom id), else the item's link; date, author, category, tags (media:keywords, "
           "dc:subject) and language come from the item and the channel. A feed that breaks off keeps every item before the break and "
           "names the line.";
  if (name == "csv")
    return "CSV and TSV tables with a header row (news datasets, spreadsheet exports): one article a row. "
           "The columns are named as the JSON Lines fields, with the same other names (content, maintext, "
           "headline, authors, date_publish, ...); unknown columns are ignored. The delimiter is the header's "
           "commonest of comma, tab and semicolon; quoted fields may hold delimiters, quotes and newlines "
           "(RFC 4180). A bad row is reported as file: row N (the header is row 1) and skipped; a table "
           "whose header names no text or title column is one error.";
  if (name == "text")
    return "Plain text: the first line is the title; blank lines separate paragraphs.";
  return {};
}

}  // namespace

std::string formats_man_page() {
  std::string out = roff_header("newsindex-formats", "5", "input formats newsindex reads", "File Formats");
  out += ".SH DESCRIPTION\n" + roff_prose(kIntro);
  out += ".SH FORMATS\n";
  for (const ReaderEntry& r : readers()) {
    std::string exts;
    for (std::string_view e : r.extensions)
      if (!e.empty()) exts += (exts.empty() ? "" : ", ") + ("." + std::string(e));
    out += ".SS \"" + roff_escape(r.name) + "\"\n.PP\n--input-format " + roff_escape(r.name) + "; extensions: " +
           roff_escape(exts.empty() ? "none (recognised by its content)" : exts) + ".\n";
    out += roff_prose(format_prose(r.name));
  }
  out += ".SH ARTICLE IDS\n" +
         roff_prose("An article's id is the JSON id, else its canonical URL, else the source path as given on the "
                    "command line; for standard input, stdin: and the first 12 hex digits of the content's hash. "
                    "The same id from two files is one article: the newer replaces the older.");
  out += roff_see_also({"newsindex(1)", "newsquery(1)"});
  return out;
}

}  // namespace newsindex
