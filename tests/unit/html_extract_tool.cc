// html_extract: reads HTML pages with the project's HTML reader and prints, per page, one JSON
// line of what it kept (title, metadata, blocks); scripts/eval-html.sh scores this output.
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/errors.h"
#include "indexer/readers/html_reader.h"

int main(int argc, char** argv) {
  using nlohmann::json;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    json out = {{"file", argv[i]}};
    try {
      newsindex::Article a = newsindex::read_html(ss.str(), argv[i]);
      json blocks = json::array();
      for (const auto& b : a.blocks) {
        const char* kind = b.kind == newsindex::Block::Kind::Heading   ? "heading"
                           : b.kind == newsindex::Block::Kind::Caption ? "caption"
                                                                        : "paragraph";
        blocks.push_back({{"kind", kind}, {"text", b.text}});
      }
      out["title"] = a.title;
      out["author"] = a.author;
      out["date"] = a.date.value_or("");
      out["url"] = a.url;
      out["body_missing"] = a.body_missing;
      out["page_text_bytes"] = a.page_text_bytes;
      out["blocks"] = std::move(blocks);
    } catch (const newsindex::InputError& e) {
      out["error"] = e.what();
    }
    std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
  }
  return 0;
}
