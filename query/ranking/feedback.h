// Pseudo-relevance feedback (RM3): the best first-pass articles lend their words to the query.
// The term distribution is pure math (tested); expand_query() reads the documents from Xapian.
#pragma once
#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/schema.h"

namespace newsindex {

class DocTerms;

// Which words of a feedback article the relevance model reads: its whole record, or its best
// passage for the query; Auto picks by the index's article shape (for_article_shape).
enum class FeedbackFrom { Auto, Articles, Passages };

struct FeedbackOptions {
  bool enabled = true;
  unsigned docs = 10;     // first-pass articles taken as relevant
  unsigned terms = 80;    // expansion terms kept
  double weight = 0.5;    // share of the expansion in the mixed query (RM3's 1 − α)
  // Above this many query words the share falls as pivot / words (adaptive_weight); 0 = fixed.
  double length_pivot = 0;
  // The pivot on an index of long articles (ranking/article_shape.h; 0 = length_pivot alone).
  // A long query's first pass there ranks articles that match its side topics somewhere in
  // many paragraphs, and their words lend the model other subjects; an abstract is about one.
  // 12: leave-one-out over long-article collections (docs/relevance.md).
  double long_articles_pivot = 12;
  // Auto: the best passage on an index of long articles, the record on abstracts. A long
  // article's other paragraphs are about other things, as often as not (a digest, a story's
  // background), and their words would enter the model; an abstract is its own best passage.
  // Leave-one-out over the long-article collections, and unchanged abstracts (docs/relevance.md).
  FeedbackFrom from = FeedbackFrom::Auto;
  // Below this relative score gap between the first and the last feedback article, the share
  // falls in proportion (adaptive_weight); 0 = no such check.
  double gap_pivot = 0;
  // Queries of at most `short_words` words get this share instead of `weight` (0 = no such rule):
  // a few words leave most of the topic's vocabulary unsaid, which feedback supplies.
  // 0.7 and 4: leave-one-out over 4 collections x {original, verbose, short} (docs/relevance.md).
  double short_weight = 0.7;
  double short_words = 4;
  // Whether feedback can add any term at all.
  bool active() const { return enabled && docs > 0 && terms > 0 && weight > 0; }
};

// The options for an index whose articles hold `passages_per_article` passages on average: on
// long articles the length pivot is long_articles_pivot (or length_pivot when that is smaller),
// and `from` is settled (Auto: Passages on long articles, else Articles).
FeedbackOptions for_article_shape(FeedbackOptions opts, double passages_per_article);

struct FeedbackDoc {
  double score = 0;       // first-pass score
  double length = 0;      // document length (sum of wdf)
  std::vector<std::pair<std::string, double>> terms;  // candidate terms and their wdf
};

// A stemmed body word under `stem_prefix` ("Z" for passages, "ZXW" for article records): the
// prefix followed by a lower-case or non-ASCII character (other fields' stems go on in capitals).
bool is_body_stem(std::string_view term, std::string_view stem_prefix);

struct WeightedTerm {
  std::string term;
  double weight = 0;
};

// The relevance model: P(t) ∝ Σ_d exp(score_d − best score) · wdf(t, d) / length_d, cut to the
// `max_terms` most likely terms (ties by term) and renormalized to sum 1.
std::vector<WeightedTerm> relevance_model(const std::vector<FeedbackDoc>& docs, size_t max_terms);

// RM3 mixes α·(original query, each occurrence 1/length) with (1 − α)·model. Scaled so that an
// original occurrence keeps weight 1 (scores stay on the first pass's scale), a model term
// weighs weight / (1 − weight) · original_length · P(t). `weight` is clamped to [0, 0.95].
std::vector<WeightedTerm> expansion_weights(const std::vector<WeightedTerm>& model, double weight,
                                            double original_length);

// The share of the expansion for a query of `query_length` word occurrences: `weight` up to
// `length_pivot` words, weight × pivot / words beyond (docs/relevance.md: chosen leave-one-out
// over every collection and topic variant). A long query's first pass is noisier (request
// language, side topics), so the model drawn from it drifts; and a long query already names
// its topic's vocabulary. Falling as 1 / words keeps the expansion's total weight, which RM3
// scales with the query's length, from growing past the pivot (it stays between weight × pivot
// and its value at the pivot).
//
// `gap`, (best − worst) / best over the first-pass scores of the feedback articles, is how
// clearly the first pass picks its best articles out: near 0, the feedback articles score
// alike and the model is an average of whatever matched. Below `gap_pivot` the share falls
// as gap / gap_pivot (negative: gap ≥ 0 is not checked, e.g. when the caller has no scores).
// A query of at most `short_words` words takes `short_weight` (when set) in place of `weight`.
double adaptive_weight(const FeedbackOptions& opts, double query_length, double gap = -1);

// The expansion terms for a query whose first pass over article documents is `first_pass`
// (`original_length`: word occurrences in the query), as the article records name them (stemmed
// article_body words; never stopwords). Empty when feedback is off or nothing was found.
// The documents may be passages (`form` Passage): their body stems are read and named as the
// article records name them, so the expansion is the same kind of terms either way.
std::vector<WeightedTerm> feedback_terms(const Xapian::Database& db, const Xapian::MSet& first_pass,
                                         double original_length, const FeedbackOptions& opts, const Xapian::Stem& stem);

// The same from any documents ranked best first, e.g. the articles of re-ranking candidates.
struct ScoredDoc {
  Xapian::docid doc = 0;
  double score = 0;
};
std::vector<WeightedTerm> feedback_terms(const Xapian::Database& db, const std::vector<ScoredDoc>& first_pass,
                                         double original_length, const FeedbackOptions& opts, const Xapian::Stem& stem);
// The same with the documents' article body stems and lengths read beforehand (RerankSpy, on the
// shards): `read(doc)` gives them, or null where `db`'s termlist is to be read.
using DocTermsOf = std::function<const DocTerms*(Xapian::docid)>;
std::vector<WeightedTerm> feedback_terms(const Xapian::Database& db, const std::vector<ScoredDoc>& first_pass,
                                         double original_length, const FeedbackOptions& opts, const Xapian::Stem& stem,
                                         const DocTermsOf& read,
                                         schema::BodyForm form = schema::BodyForm::Article);

// The same terms as the passages name them (stemmed body words), for scoring passages.
std::vector<WeightedTerm> in_passage_terms(const std::vector<WeightedTerm>& article_terms);

// `query` with the expansion terms added: documents must still match `query` (AND_MAYBE), the
// expansion only reorders them.
Xapian::Query with_expansion(const Xapian::Query& query, const std::vector<WeightedTerm>& terms);

}  // namespace newsindex
