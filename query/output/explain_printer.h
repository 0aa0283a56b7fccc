// --explain rendered: the explanation's structure (an "explain" object in JSON) and its one line
// for text output.
#pragma once
#include <string>

#include "common/structured_printer.h"
#include "query/ranking/explanation.h"

namespace newsindex {

// {"score", "fusion_weight", "article": {...}, "passage": {"score", "max", "norm", "passage",
// "terms_sum", "terms": [{"term", "weight", "wdf", "idf", "score"}, ...]}, "proximity",
// "context", "expansion_terms"}, each part only where the explanation has it.
void sprint_explanation(StructuredPrinter& out, const Explanation& e);

// "score 12.3982 = passage 9.818 (Ztariff 4.29, …) + context 2.580; 80 feedback terms"
std::string explain_line(const Explanation& e);

}  // namespace newsindex
