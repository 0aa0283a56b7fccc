#include "query/output/count_printers.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace newsindex {

namespace {

// A record of counts: {<head's keys and values>, "<list>": [{"<item>": value, "count": n}, ...]}.
template <class... Head>
void sprint_counts(StructuredPrinter& out, const char* list, const char* item, const std::vector<FacetCount>& counts,
                   const Head&... head) {
  out.begin_map();
  out.fields(head...);
  out.map_key(list);
  out.begin_list();
  for (const auto& c : counts) {
    out.begin_map();
    out.fields(item, c.value, "count", c.count);
    out.end();
  }
  out.end();
  out.end();
  out.separator();
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
  sprint_counts(out, "counts", "value", f.counts, "facet", f.facet, "total", f.total);
}

void print_histogram(const Histogram& h, size_t width, StructuredPrinter& out) {
  if (!out.is_text()) {
    sprint_counts(out, "buckets", "key", h.buckets, "histogram", h.unit, "total", h.total, "undated", h.undated);
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
