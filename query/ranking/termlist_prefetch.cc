#include "query/ranking/termlist_prefetch.h"

#include <stdexcept>

#include "query/ranking/feedback.h"

namespace newsindex {

void DocTerms::add(const std::string& term, Xapian::termcount wdf) {
  if (term.size() > 255) throw std::length_error("a term longer than any Xapian database holds");
  packed_.push_back(static_cast<char>(term.size()));
  packed_.append(term);
  packed_.append(reinterpret_cast<const char*>(&wdf), sizeof wdf);
}

DocTerms DocTerms::from_packed(std::string packed, double length) {
  for (size_t i = 0; i < packed.size();) {
    i += 1 + static_cast<unsigned char>(packed[i]) + sizeof(Xapian::termcount);
    if (i > packed.size()) throw std::invalid_argument("packed terms cut short");
  }
  DocTerms d;
  d.packed_ = std::move(packed);
  d.length = length;
  return d;
}

namespace {

DocTerms read_terms(Xapian::TermIterator it, const Xapian::TermIterator& end, const std::string& stem_prefix) {
  DocTerms d;
  for (; it != end; ++it) {
    const Xapian::termcount wdf = it.get_wdf();
    d.length += wdf;
    const std::string& term = *it;
    if (is_body_stem(term, stem_prefix)) d.add(term, wdf);
  }
  return d;
}

}  // namespace

DocTerms read_doc_terms(const Xapian::Database& db, Xapian::docid doc, const std::string& stem_prefix) {
  return read_terms(db.termlist_begin(doc), db.termlist_end(doc), stem_prefix);
}

DocTerms read_doc_terms(const Xapian::Document& doc, const std::string& stem_prefix) {
  return read_terms(doc.termlist_begin(), doc.termlist_end(), stem_prefix);
}

void TermlistPrefetch::Work::drain(const Xapian::Database& db, const std::atomic<bool>* stop) {
  for (;;) {
    if (stop && stop->load(std::memory_order_relaxed)) return;
    const size_t i = next.fetch_add(1);
    if (i >= docs.size()) return;
    terms[i] = read_doc_terms(db, docs[i], stem_prefix);
    done[i] = 1;
  }
}

TermlistPrefetch::TermlistPrefetch(const DatabaseOpener& open, Xapian::rev revision) {
  helper_ = std::thread([this, open, revision] { help(open, revision); });
}

TermlistPrefetch::~TermlistPrefetch() {
  if (!helper_.joinable()) return;
  stop_ = true;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finishing_ = true;
  }
  wake_.notify_all();
  helper_.join();
}

void TermlistPrefetch::add(Work& w, std::vector<Xapian::docid> docs, std::string stem_prefix) {
  std::lock_guard<std::mutex> lock(mutex_);
  w.docs = std::move(docs);
  w.stem_prefix = std::move(stem_prefix);
  w.terms.resize(w.docs.size());
  w.done.assign(w.docs.size(), 0);
  w.ready = true;
  wake_.notify_all();
}

bool TermlistPrefetch::wait_for(const Work& w) {
  std::unique_lock<std::mutex> lock(mutex_);
  wake_.wait(lock, [&] { return w.ready || finishing_; });
  return w.ready;
}

void TermlistPrefetch::help(const DatabaseOpener& open, Xapian::rev revision) {
  try {
    Xapian::Database db = open();
    if (db.get_revision() != revision) return;
    if (wait_for(passages_)) passages_.drain(db, &stop_);
    if (wait_for(articles_)) articles_.drain(db, &stop_);
  } catch (const Xapian::Error&) {
    // Not reported, on purpose: finish() reads every document the helper did not, on the
    // query's own handle, and that read raises any real error where it is handled.
  } catch (const std::exception&) {
    // The same: the query's thread redoes the work and meets the error itself.
  }
}

void TermlistPrefetch::finish(const Xapian::Database& db) {
  bool passages = false, articles = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finishing_ = true;
    passages = passages_.ready;
    articles = articles_.ready;
  }
  wake_.notify_all();
  if (articles) articles_.drain(db, nullptr);
  if (passages) passages_.drain(db, nullptr);
  helper_.join();
  // Slots the helper claimed but did not fill (it stopped on an error).
  for (Work* w : {&passages_, &articles_})
    for (size_t i = 0; i < w->docs.size(); ++i)
      if (!w->done[i]) {
        w->terms[i] = read_doc_terms(db, w->docs[i], w->stem_prefix);
        w->done[i] = 1;
      }
}

}  // namespace newsindex
