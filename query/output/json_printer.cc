// JSON Lines backend: one flat object per hit, no envelope.
#include <nlohmann/json.hpp>

#include <ostream>

#include "query/output/printer.h"

namespace newsindex {

std::string hit_to_json(const Hit& h, bool with_qid) {
  nlohmann::ordered_json j;
  if (with_qid) j["qid"] = h.qid;
  j["rank"] = h.rank;
  j["score"] = h.score;
  j["type"] = h.type;
  j["article"] = h.article;
  j["title"] = h.title;
  j["date"] = h.date ? nlohmann::ordered_json(*h.date) : nlohmann::ordered_json(nullptr);
  j["url"] = h.url.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(h.url);
  j["source"] = h.source;
  j["passage"] = h.passage ? nlohmann::ordered_json(*h.passage) : nlohmann::ordered_json(nullptr);
  j["section"] = h.section ? nlohmann::ordered_json(*h.section) : nlohmann::ordered_json(nullptr);
  if (h.type == "passage") j["caption"] = h.caption;
  if (h.type == "link") j["link_date"] = h.link_date ? nlohmann::ordered_json(*h.link_date) : nlohmann::ordered_json(nullptr);
  j["category"] = h.category.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(h.category);
  j["text"] = h.text;
  nlohmann::ordered_json m = nlohmann::ordered_json::array();
  for (auto [s, e] : h.matches) m.push_back({s, e});
  j["matches"] = m;
  if (h.type == "link") {
    j["target_article"] = h.target_article ? nlohmann::ordered_json(*h.target_article) : nlohmann::ordered_json(nullptr);
  } else if (h.cited_by) {
    j["cited_by"] = *h.cited_by;
  }
  if (!h.sources.empty()) j["sources"] = h.sources;
  if (h.with_context) {
    auto ctx = [](const std::vector<Hit::Context>& v) {
      nlohmann::ordered_json a = nlohmann::ordered_json::array();
      for (const auto& c : v) a.push_back({{"passage", c.passage}, {"text", c.text}});
      return a;
    };
    j["context_before"] = ctx(h.context_before);
    j["context_after"] = ctx(h.context_after);
  }
  if (!h.explain.empty()) j["explain"] = nlohmann::ordered_json::parse(h.explain, nullptr, false);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {
class JsonPrinter : public Printer {
 public:
  JsonPrinter(std::ostream& out, const PrintOptions& o) : out_(out), o_(o) {}
  void hit(const Hit& h) override { out_ << hit_to_json(h, o_.batch) << '\n'; }

 private:
  std::ostream& out_;
  PrintOptions o_;
};
}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out, const PrintOptions& o) {
  return std::make_unique<JsonPrinter>(out, o);
}

}  // namespace newsindex
