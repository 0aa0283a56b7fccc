// The structured printer's backends: one emitted structure, rendered by JSON, TSV, CSV and text.
#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <sstream>

#include "common/sprint_json_value.h"
#include "common/structured_printer.h"

namespace newsindex {
namespace {

struct Case {
  const char* name;
  std::function<void(StructuredPrinter&)> emit;
  std::string json, tsv, csv, text;
};

std::string render(StructuredFormat f, const std::function<void(StructuredPrinter&)>& emit) {
  std::ostringstream out;
  auto sp = make_structured_printer(f, out);
  emit(*sp);
  return out.str();
}

const std::vector<Case>& cases() {
  static const std::vector<Case> all = {
      {"scalars",
       [](StructuredPrinter& sp) {
         sp.string("a");
         sp.integer(-42);
         sp.number(0.5);
         sp.boolean(true);
         sp.null();
         sp.separator();
       },
       "\"a\"-420.5truenull\n", "a\t-42\t0.5\ttrue\t\n", "a,-42,0.5,true,\n", "a -42 0.5 true\n"},
      {"a record as a map",
       [](StructuredPrinter& sp) {
         sp.begin_map();
         sp.map_key("rank");
         sp.integer(1);
         sp.map_key("score");
         sp.number(12.398213);
         sp.map_key("date");
         sp.string_or_null(std::nullopt);
         sp.map_key("title");
         sp.string_or_null("Trade talks");
         sp.end();
         sp.separator();
       },
       "{\"rank\":1,\"score\":12.398213,\"date\":null,\"title\":\"Trade talks\"}\n", "1\t12.3982\t\tTrade talks\n",
       "1,12.3982,,Trade talks\n",
       "1 12.398213 Trade talks\n"},
      {"nesting: lists in maps in lists",
       [](StructuredPrinter& sp) {
         sp.begin_list();
         sp.begin_map();
         sp.map_key("matches");
         sp.begin_list();
         sp.begin_list();
         sp.integer(3);
         sp.integer(7);
         sp.end();
         sp.end();
         sp.map_key("empty");
         sp.begin_map();
         sp.end();
         sp.end();
         sp.begin_list();
         sp.end();
         sp.end();
         sp.separator();
       },
       "[{\"matches\":[[3,7]],\"empty\":{}},[]]\n", "3\t7\n", "3,7\n", "3 7\n"},
      {"numbers: integral doubles, tiny, huge, not finite",
       [](StructuredPrinter& sp) {
         sp.begin_list();
         sp.number(1.0);
         sp.number(1e-7);
         sp.number(123456789.0);
         sp.number(std::numeric_limits<double>::infinity());
         sp.end();
         sp.separator();
       },
       "[1.0,1e-07,123456789.0,null]\n", "1\t1e-07\t1.23457e+08\tinf\n", "1,1e-07,1.23457e+08,inf\n",
       "1 1e-07 123456789 inf\n"},
      {"escapes: quotes, control characters, tabs, backslashes",
       [](StructuredPrinter& sp) {
         sp.string("say \"hi\"\\ \x07 tab\there\nnext\rline");
         sp.separator();
       },
       "\"say \\\"hi\\\"\\\\ \\u0007 tab\\there\\nnext\\rline\"\n", "say \"hi\"\\\\ \x07 tab\\there\\nnext\\rline\n",
       "\"say \"\"hi\"\"\\ \x07 tab\there\nnext\rline\"\n", "say \"hi\"\\ \x07 tab\there\nnext\rline\n"},
      {"invalid UTF-8 is replaced in JSON only",
       [](StructuredPrinter& sp) {
         sp.string("caf\xc3\xa9 \xff!");
         sp.separator();
       },
       "\"caf\xc3\xa9 \xef\xbf\xbd!\"\n", "caf\xc3\xa9 \xff!\n", "caf\xc3\xa9 \xff!\n", "caf\xc3\xa9 \xff!\n"},
      {"records: one line each",
       [](StructuredPrinter& sp) {
         for (int i = 1; i <= 2; ++i) {
           sp.begin_map();
           sp.map_key("n");
           sp.integer(i);
           sp.map_key("ok");
           sp.boolean(i == 1);
           sp.end();
           sp.separator();
         }
       },
       "{\"n\":1,\"ok\":true}\n{\"n\":2,\"ok\":false}\n", "1\ttrue\n2\tfalse\n", "1,true\n2,false\n",
       "1 true\n2 false\n"},
      {"CSV quotes a field with a comma or a quote only",
       [](StructuredPrinter& sp) {
         sp.string("a,b");
         sp.string("plain");
         sp.string("");
         sp.string("x\"y");
         sp.separator();
       },
       "\"a,b\"\"plain\"\"\"\"x\\\"y\"\n", "a,b\tplain\t\tx\"y\n", "\"a,b\",plain,,\"x\"\"y\"\n",
       "a,b plain  x\"y\n"},
  };
  return all;
}

TEST(StructuredPrinter, EachBackendRendersTheSameStructure) {
  for (const Case& c : cases()) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(render(StructuredFormat::Json, c.emit), c.json);
    EXPECT_EQ(render(StructuredFormat::Tsv, c.emit), c.tsv);
    EXPECT_EQ(render(StructuredFormat::Csv, c.emit), c.csv);
    EXPECT_EQ(render(StructuredFormat::Text, c.emit), c.text);
  }
}

TEST(StructuredPrinter, JsonMatchesNlohmannDump) {
  // Stored data goes through the printer: its JSON must be what nlohmann::json writes.
  const auto j = nlohmann::ordered_json::parse(
      R"({"z":1,"a":[true,null,-3,9223372036854775807,2.5e-300,0.1],"m":{"k":"v\u00e9\t"},"e":[],"o":{}})");
  auto emit = [&](StructuredPrinter& sp) { sprint_json_value(sp, j); };
  EXPECT_EQ(render(StructuredFormat::Json, emit), j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  // An unsigned beyond int64 is written as its nearest double.
  const auto huge = nlohmann::json::parse("18446744073709551615");
  EXPECT_EQ(render(StructuredFormat::Json, [&](StructuredPrinter& sp) { sprint_json_value(sp, huge); }),
            "1.8446744073709552e+19");
}

TEST(StructuredPrinter, OnlyTheTextBackendIsForPeople) {
  std::ostringstream out;
  EXPECT_TRUE(make_structured_printer(StructuredFormat::Text, out)->is_text());
  EXPECT_FALSE(make_structured_printer(StructuredFormat::Json, out)->is_text());
  EXPECT_FALSE(make_structured_printer(StructuredFormat::Tsv, out)->is_text());
  EXPECT_FALSE(make_structured_printer(StructuredFormat::Csv, out)->is_text());
}

TEST(StructuredPrinter, FormatNames) {
  EXPECT_EQ(structured_format_from_name("json"), StructuredFormat::Json);
  EXPECT_EQ(structured_format_from_name("jsonl"), StructuredFormat::Json);
  EXPECT_EQ(structured_format_from_name("tsv"), StructuredFormat::Tsv);
  EXPECT_EQ(structured_format_from_name("csv"), StructuredFormat::Csv);
  EXPECT_EQ(structured_format_from_name("text"), StructuredFormat::Text);
  EXPECT_EQ(structured_format_from_name("xml"), std::nullopt);
}

}  // namespace
}  // namespace newsindex
