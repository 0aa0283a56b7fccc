#include "query/output/count_printers.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace newsindex {

namespace {

// [{"<key>": value, "count": n}, ...]
void sprint_counts(StructuredPrinter& out, const char* key, const std::vector<FacetCount>& counts) {
  out.begin_list();
  for (const auto& c : counts) {
    out.begin_map();
    out.map_key(key);
    out.string(c.value);
    out.map_key("count");
    out.integer(c.count);
    out.end();
  }
  out.end();
}

}  // namespace

void print_facet(const FacetResult& f, StructuredPrinter& out) {
  if (out.is_text()) {
    size_t w = 0;
    for (auto& c : f.counts) w = std::max(w, std::to_string(c.count).size());
    for (auto& c : f.counts) {
      out.string(fmt::format("{:>{}}  {}", c.count, w, c.value));
      out.separator();
    }
    return;
  }
  out.begin_map();
  out.map_key("facet");
  out.string(f.facet);
  out.map_key("total");
  out.integer(f.total);
  out.map_key("counts");
  sprint_counts(out, "value", f.counts);
  out.end();
  out.separator();
}

void print_histogram(const Histogram& h, size_t width, StructuredPrinter& out) {
  if (!out.is_text()) {
    out.begin_map();
    out.map_key("histogram");
    out.string(h.unit);
    out.map_key("total");
    out.integer(h.total);
    out.map_key("undated");
    out.integer(h.undated);
    out.map_key("buckets");
    sprint_counts(out, "key", h.buckets);
    out.end();
    out.separator();
    return;
  }
  size_t maxc = 1, cw = 1, lw = 4;
  for (auto& b : h.buckets) {
    maxc = std::max(maxc, b.count);
    cw = std::max(cw, std::to_string(b.count).size());
    lw = std::max(lw, b.value.size());
  }
  const size_t bar = width > lw + cw + 4 ? width - lw - cw - 4 : 10;
  static const char* eighths[] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
  out.string(fmt::format("matches per {} ({} in all{})", h.unit, h.total,
                         h.undated ? fmt::format(", {} undated", h.undated) : ""));
  out.separator();
  for (auto& b : h.buckets) {
    const size_t units = (b.count * bar * 8 + maxc - 1) / maxc;
    std::string s;
    for (size_t i = 0; i < units / 8; ++i) s += "█";
    s += eighths[units % 8];
    out.string(fmt::format("{:<{}} {:>{}} {}", b.value, lw, b.count, cw, s));
    out.separator();
  }
}

}  // namespace newsindex
