// BM25 as newsindex scores it: the math as plain functions (shared by the matcher, --explain
// and the tests) and a Xapian weighting scheme that takes the average length of the document
// kind being ranked, because articles, passages and links share one database.
#pragma once
#include <xapian.h>

#include <string>

namespace newsindex {

struct Bm25Params {
  double k1 = 1.2, b = 0.75;
};

// Inverse document frequency, never negative: log(1 + (N - n + 0.5) / (n + 0.5)), n at most N.
double bm25_idf(double collection_size, double termfreq);

// The saturated, length-normalized term frequency: wdf (k1 + 1) / (wdf + k1 (1 - b + b len/avg)).
double bm25_tf(double wdf, double doc_length, double average_length, const Bm25Params& p);

// One term's contribution: query weight x idf x saturated tf.
inline double bm25_part(double query_weight, double idf, double wdf, double doc_length, double average_length,
                        const Bm25Params& p) {
  return query_weight * idf * bm25_tf(wdf, doc_length, average_length, p);
}

// Xapian::BM25Weight normalizes lengths by the average over the whole database and can give
// common terms odd weights; this one takes the average of the kind being ranked (0 = database
// average) and the kind's document count, and uses the idf above. A query term's weight is its
// OP_SCALE_WEIGHT factor x wqf.
class KindBm25Weight : public Xapian::Weight {
 public:
  // collection_size: the documents of the kind ranked, for idf (0 = the database's count).
  KindBm25Weight(Bm25Params params, double average_length, double collection_size = 0);

  std::string name() const override;
  std::string serialise() const override;
  KindBm25Weight* unserialise(const std::string& s) const override;
  KindBm25Weight* clone() const override;
  void init(double factor) override;
  double get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
  double get_maxpart() const override;
  double get_sumextra(Xapian::termcount doclen, Xapian::termcount uniqterms) const override;
  double get_maxextra() const override;

 private:
  double avg() const;
  Bm25Params params_;
  double average_length_;
  double collection_size_;
  double weight_ = 0;  // factor x wqf x idf, set by init()
};

}  // namespace newsindex
