#include "query/ranking/bm25.h"

#include <algorithm>
#include <cmath>

namespace newsindex {

double bm25_idf(double collection_size, double termfreq) {
  // Statistics read at different moments can disagree (a kind's count from the metadata, a
  // term's frequency from a later revision): a term can never be in more documents than there
  // are, and a negative weight would make the matcher drop every match.
  termfreq = std::min(termfreq, collection_size);
  return std::log(1.0 + (collection_size - termfreq + 0.5) / (termfreq + 0.5));
}

double bm25_tf(double wdf, double doc_length, double average_length, const Bm25Params& p) {
  if (wdf <= 0) return 0;
  const double norm = average_length > 0 ? doc_length / average_length : 1.0;
  return wdf * (p.k1 + 1) / (wdf + p.k1 * (1 - p.b + p.b * norm));
}

KindBm25Weight::KindBm25Weight(Bm25Params params, double average_length, double collection_size)
    : params_(params), average_length_(average_length), collection_size_(collection_size) {
  need_stat(COLLECTION_SIZE);
  need_stat(TERMFREQ);
  need_stat(WDF);
  need_stat(WQF);
  // Without length normalization the matcher need not look up each match's length, a scan
  // through the length list (see Ranker::rank_passages).
  if (params_.b != 0) need_stat(DOC_LENGTH);
  need_stat(DOC_LENGTH_MIN);
  need_stat(WDF_MAX);
  need_stat(AVERAGE_LENGTH);
}

std::string KindBm25Weight::name() const { return "newsindex.KindBm25Weight"; }

// Four doubles, each length-prefixed (for Xapian's remote backend, which ships weights).
std::string KindBm25Weight::serialise() const {
  std::string out;
  for (double v : {params_.k1, params_.b, average_length_, collection_size_}) {
    std::string s = Xapian::sortable_serialise(v);
    out += static_cast<char>(s.size());
    out += s;
  }
  return out;
}

KindBm25Weight* KindBm25Weight::unserialise(const std::string& s) const {
  double v[4];
  size_t at = 0;
  for (double& x : v) {
    if (at >= s.size()) throw Xapian::SerialisationError("bad KindBm25Weight parameters");
    const size_t n = static_cast<unsigned char>(s[at++]);
    if (at + n > s.size()) throw Xapian::SerialisationError("bad KindBm25Weight parameters");
    x = Xapian::sortable_unserialise(s.substr(at, n));
    at += n;
  }
  return new KindBm25Weight(Bm25Params{v[0], v[1]}, v[2], v[3]);
}

KindBm25Weight* KindBm25Weight::clone() const {
  return new KindBm25Weight(params_, average_length_, collection_size_);
}

double KindBm25Weight::avg() const {
  return average_length_ > 0 ? average_length_ : static_cast<double>(get_average_length());
}

void KindBm25Weight::init(double factor) {
  // factor 0 is the instance Xapian asks only for the per-document extra, which BM25 lacks.
  if (factor == 0) {
    weight_ = 0;
    return;
  }
  const double n = collection_size_ > 0 ? collection_size_ : static_cast<double>(get_collection_size());
  weight_ = factor * get_wqf() * bm25_idf(n, static_cast<double>(get_termfreq()));
}

double KindBm25Weight::get_sumpart(Xapian::termcount wdf, Xapian::termcount doclen, Xapian::termcount) const {
  return weight_ * bm25_tf(wdf, doclen, avg(), params_);
}

double KindBm25Weight::get_maxpart() const {
  // The tf part grows with wdf and shrinks with length: its bound is at (max wdf, min length).
  return weight_ * bm25_tf(get_wdf_upper_bound(), get_doclength_lower_bound(), avg(), params_);
}

double KindBm25Weight::get_sumextra(Xapian::termcount, Xapian::termcount) const { return 0; }
double KindBm25Weight::get_maxextra() const { return 0; }

}  // namespace newsindex
