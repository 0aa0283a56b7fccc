// The reader registry: every format is a row (name, extensions, sniffing, reader, how it is cut),
// and detection asks the content first, then the extension, then the content again.
#include <gtest/gtest.h>

#include <set>

#include "indexer/readers/reader.h"

namespace newsindex {
namespace {

TEST(ReaderRegistry, EveryRowIsNamedOnceAndRoundTrips) {
  std::set<std::string_view> names;
  for (const ReaderEntry& r : readers()) {
    EXPECT_TRUE(names.insert(r.name).second) << r.name;
    ASSERT_TRUE(format_from_name(r.name)) << r.name;
    EXPECT_EQ(*format_from_name(r.name), r.format);
    EXPECT_EQ(format_name(r.format), r.name);
    EXPECT_EQ(&reader_for(r.format), &r);
  }
  EXPECT_EQ(format_names().size(), readers().size() + 1);  // and "auto"
  EXPECT_EQ(format_from_name("auto"), Format::Auto);
  EXPECT_FALSE(format_from_name("pdf"));
  EXPECT_EQ(readers().back().format, Format::Text);  // the fallback comes last
}

TEST(ReaderRegistry, HowEachFormatIsCut) {
  EXPECT_TRUE(reader_for(Format::Jsonl).lines);
  EXPECT_TRUE(reader_for(Format::Jsonl).many);  // never cut to one article's size
  EXPECT_TRUE(reader_for(Format::Html).raw_bytes);
  EXPECT_FALSE(reader_for(Format::Html).many);
  for (Format f : {Format::News, Format::Text}) {
    EXPECT_FALSE(reader_for(f).lines);
    EXPECT_FALSE(reader_for(f).raw_bytes);
    EXPECT_FALSE(reader_for(f).many);
  }
}

struct DetectCase {
  const char* path;
  const char* text;
  Format want;
};

TEST(ReaderRegistry, DetectionAsksContentThenExtensionThenContent) {
  const DetectCase cases[] = {
      {"a.txt", "{\"id\": \"1\", \"text\": \"x\"}\n", Format::Jsonl},       // content before extension
      {"a.jsonl", "  \n{\"id\": \"1\"}", Format::Jsonl},
      {"page.txt", "<!doctype html><html><p>x</p></html>", Format::Html},
      {"page.HTM", "Plain words, no markup at all.", Format::Html},        // extension, any case
      {"dump.ndjson.gz", "not json yet", Format::Jsonl},                   // .gz looked through
      {"notes.md", "A line of text.\n\nAnother paragraph.", Format::Text},
      {"x", "", Format::Text},
      {"a <b> c.txt", "< not markup", Format::Text},
  };
  for (const DetectCase& c : cases) EXPECT_EQ(detect_format(c.path, c.text), c.want) << c.path;
}

}  // namespace
}  // namespace newsindex
