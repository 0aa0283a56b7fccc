// Termlists read ahead on a second core. A single query's re-ranking reads a couple of hundred
// termlists (each a B-tree lookup and a zlib inflate: a third of the query). With a core to
// spare, a helper thread reads them on its own database handle while the query's thread does
// its other lookups, and the query's thread reads whatever the helper has not taken. Either
// thread reads the same bytes, so the scores are the same as without the helper.
#pragma once
#include <xapian.h>

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace newsindex {

// What TermScorer needs of a document: its body stems under one stem prefix with their wdfs,
// in termlist order, and its length (the sum of all its wdfs, summed in termlist order).
// Packed in one string (a byte of length — Glass keeps terms to 245 bytes —, the term, four bytes
// of wdf): each fresh page a single query touches is a page fault (2–4 µs here), and a vector of
// strings cost the helper ~100.
class DocTerms {
 public:
  double length = 0;
  // Calls f(term, wdf) for each kept term, in order.
  template <class F>
  void for_each(F f) const {
    for (size_t i = 0; i < packed_.size();) {
      const size_t n = static_cast<unsigned char>(packed_[i]);
      Xapian::termcount wdf;
      std::memcpy(&wdf, packed_.data() + i + 1 + n, sizeof wdf);
      f(std::string_view(packed_.data() + i + 1, n), wdf);
      i += 1 + n + sizeof wdf;
    }
  }
  void add(const std::string& term, Xapian::termcount wdf);
  // The packed form, for sending the terms across (RerankSpy), and back.
  const std::string& packed() const { return packed_; }
  // Throws std::invalid_argument when `packed` is not such a form.
  static DocTerms from_packed(std::string packed, double length);

 private:
  std::string packed_;
};

// The document's termlist, keeping the body stems under `stem_prefix` (feedback.h).
DocTerms read_doc_terms(const Xapian::Database& db, Xapian::docid doc, const std::string& stem_prefix);
// The same from a document in hand (a MatchSpy's).
DocTerms read_doc_terms(const Xapian::Document& doc, const std::string& stem_prefix);

// Opens another handle on the database being searched.
using DatabaseOpener = std::function<Xapian::Database()>;

class TermlistPrefetch {
 public:
  // Starts the helper, which opens its handle at once. The handle must be at `revision` (a
  // writer may have committed since the query's was opened): if not, the helper reads nothing.
  TermlistPrefetch(const DatabaseOpener& open, Xapian::rev revision);
  ~TermlistPrefetch();
  TermlistPrefetch(const TermlistPrefetch&) = delete;
  TermlistPrefetch& operator=(const TermlistPrefetch&) = delete;

  // The documents to read, as soon as each list is known (each at most once), and the stem
  // prefix of the terms kept: the helper reads the passages first, then the articles.
  void add_passages(std::vector<Xapian::docid> docs, std::string stem_prefix) {
    add(passages_, std::move(docs), std::move(stem_prefix));
  }
  void add_articles(std::vector<Xapian::docid> docs, std::string stem_prefix) {
    add(articles_, std::move(docs), std::move(stem_prefix));
  }
  // Reads on `db` (the query's handle) what the helper has not read, and waits for the helper.
  // Then passage(i) / article(i) are the terms of the i-th document given.
  void finish(const Xapian::Database& db);
  const DocTerms& passage(size_t i) const { return passages_.terms[i]; }
  const DocTerms& article(size_t i) const { return articles_.terms[i]; }

 private:
  // A list of documents that either thread claims one at a time.
  struct Work {
    bool ready = false;  // under mutex_: the list is set and may be claimed
    std::vector<Xapian::docid> docs;
    std::string stem_prefix;
    std::vector<DocTerms> terms;
    std::vector<char> done;  // written by the thread that claimed the slot
    std::atomic<size_t> next{0};
    // Reads claimed documents until none is left or `stop` is set.
    void drain(const Xapian::Database& db, const std::atomic<bool>* stop);
  };
  void add(Work& w, std::vector<Xapian::docid> docs, std::string stem_prefix);
  // The helper: false when the query's thread has finished without this list.
  bool wait_for(const Work& w);
  void help(const DatabaseOpener& open, Xapian::rev revision);

  Work passages_, articles_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool finishing_ = false;         // under mutex_: the query's thread wants no more waiting
  std::atomic<bool> stop_{false};  // the query is abandoned: stop reading
  std::thread helper_;
};

}  // namespace newsindex
