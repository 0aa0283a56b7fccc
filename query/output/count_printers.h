// Counts over the match set through the structured printer: --facet and --histogram.
#pragma once
#include <cstddef>

#include "common/structured_printer.h"
#include "query/facets.h"

namespace newsindex {

// One record: the facet, the matches counted and each value's count (text: aligned columns).
void print_facet(const FacetResult& f, StructuredPrinter& out);
// One record: the unit, the matches counted, the undated ones and each bucket's count (text: bars
// of Unicode blocks scaled to `width` columns).
void print_histogram(const Histogram& h, size_t width, StructuredPrinter& out);

}  // namespace newsindex
