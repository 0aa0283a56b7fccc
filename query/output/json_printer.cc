// JSON Lines backend: one flat object per hit, no envelope.
#include "query/output/explain_printer.h"
#include "query/output/printer.h"

namespace newsindex {

void sprint_hit(StructuredPrinter& out, const Hit& h, bool with_qid) {
  auto key = [&](const char* k) -> StructuredPrinter& {
    out.map_key(k);
    return out;
  };
  auto nonempty_or_null = [&](const char* k, const std::string& v) { v.empty() ? key(k).null() : key(k).string(v); };
  out.begin_map();
  if (with_qid) key("qid").string(h.qid);
  key("rank").integer(static_cast<int64_t>(h.rank));
  key("score").number(h.score);
  key("type").string(h.type);
  key("article").string(h.article);
  key("title").string(h.title);
  key("date").string_or_null(h.date);
  nonempty_or_null("url", h.url);
  key("source").string(h.source);
  h.passage ? key("passage").integer(*h.passage) : key("passage").null();
  key("section").string_or_null(h.section);
  if (h.type == "passage") key("caption").boolean(h.caption);
  if (h.type == "link") key("link_date").string_or_null(h.link_date);
  nonempty_or_null("category", h.category);
  key("text").string(h.text);
  key("matches").begin_list();
  for (auto [s, e] : h.matches) {
    out.begin_list();
    out.integer(static_cast<int64_t>(s));
    out.integer(static_cast<int64_t>(e));
    out.end();
  }
  out.end();
  if (h.type == "link") {
    key("target_article").string_or_null(h.target_article);
  } else if (h.cited_by) {
    key("cited_by").integer(static_cast<int64_t>(*h.cited_by));
  }
  if (!h.sources.empty()) {
    key("sources").begin_list();
    for (const auto& s : h.sources) out.string(s);
    out.end();
  }
  if (h.with_context) {
    for (auto [k, v] : {std::pair{"context_before", &h.context_before}, {"context_after", &h.context_after}}) {
      key(k).begin_list();
      for (const auto& c : *v) {
        out.begin_map();
        key("passage").integer(c.passage);
        key("text").string(c.text);
        out.end();
      }
      out.end();
    }
  }
  if (h.explain) {
    out.map_key("explain");
    sprint_explanation(out, *h.explain);
  }
  out.end();
}

namespace {
class JsonPrinter : public Printer {
 public:
  JsonPrinter(std::ostream& out, const PrintOptions& o) : out_(make_json_sprinter(out)), o_(o) {}
  void hit(const Hit& h) override {
    sprint_hit(*out_, h, o_.batch);
    out_->separator();
  }

 private:
  std::unique_ptr<StructuredPrinter> out_;
  PrintOptions o_;
};
}  // namespace

std::unique_ptr<Printer> make_json_printer(std::ostream& out, const PrintOptions& o) {
  return std::make_unique<JsonPrinter>(out, o);
}

}  // namespace newsindex
