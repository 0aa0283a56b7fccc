#include "indexer/index_pipeline.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "indexer/signals.h"

namespace newsindex {

namespace {

constexpr auto kPoll = std::chrono::milliseconds(100);  // how soon a stop request is noticed

class Pipeline {
 public:
  Pipeline(const std::vector<SourcePlan>& plans, const PipelineOptions& o) : plans_(plans), o_(o) {}

  ~Pipeline() {
    abort();
    if (reader_.joinable()) reader_.join();
    for (auto& w : workers_) w.join();
  }

  bool run(const std::function<void(PieceResult&)>& write) {
    // The analyzers are made here, one after another, before any worker starts: ICU's lazy
    // one-time setup then happens on one thread (cheap, and clean under ThreadSanitizer, which
    // cannot see the synchronisation inside an uninstrumented ICU).
    const size_t n = std::max<size_t>(1, o_.jobs);
    for (size_t i = 0; i < n; ++i) analyzers_.push_back(std::make_unique<Analyzer>());
    reader_ = std::thread([this] { read(); });
    for (size_t i = 0; i < n; ++i) workers_.emplace_back([this, i] { work(*analyzers_[i]); });
    while (true) {
      std::unique_lock lock(m_);
      results_cv_.wait_for(lock, kPoll, [this] { return aborted_ || ready(); });
      if (aborted_) break;
      if (stop_requested()) {
        aborted_ = true;
        wake_all();
        return false;
      }
      if (reader_done_ && next_ == total_) return true;
      auto it = results_.find(next_);
      if (it == results_.end()) continue;
      PieceResult r = std::move(it->second);
      results_.erase(it);
      lock.unlock();
      if (r.fatal) std::rethrow_exception(r.fatal);
      write(r);
      lock.lock();
      in_flight_ -= r.piece.charge;
      ++next_;
      gate_cv_.notify_all();
    }
    return false;
  }

 private:
  bool ready() const { return results_.count(next_) || (reader_done_ && next_ == total_); }

  void abort() {
    std::lock_guard lock(m_);
    aborted_ = true;
    wake_all();
  }

  void wake_all() {
    work_cv_.notify_all();
    results_cv_.notify_all();
    gate_cv_.notify_all();
  }

  // Hands a piece on: to the workers when it has text to analyze, else straight to the writer.
  bool submit(Piece&& p) {
    std::unique_lock lock(m_);
    // The memory gate: wait while the pieces in flight would exceed the limit (one piece
    // always passes, however large, so a big file cannot wedge the run).
    while (!(aborted_ || in_flight_ == 0 || in_flight_ + p.charge <= o_.memory_limit || stop_requested()))
      gate_cv_.wait_for(lock, kPoll);
    if (aborted_ || stop_requested()) return false;
    p.seq = seq_++;
    in_flight_ += p.charge;
    if (p.kind == Piece::Kind::Lines || p.kind == Piece::Kind::Whole) {
      work_.push_back(std::move(p));
      work_cv_.notify_one();
    } else {
      PieceResult r;
      r.piece = std::move(p);
      results_.emplace(r.piece.seq, std::move(r));
      results_cv_.notify_all();
    }
    return true;
  }

  void read() {
    try {
      for (const SourcePlan& plan : plans_) {
        bool go = true;
        cut_source(plan, o_.cut, [&](Piece&& p) { return go = submit(std::move(p)); });
        if (!go) break;
      }
    } catch (...) {
      // Only an unexpected failure gets here (input errors are pieces): hand it to the writer.
      PieceResult r;
      r.fatal = std::current_exception();
      std::lock_guard lock(m_);
      r.piece.seq = seq_++;
      results_.emplace(r.piece.seq, std::move(r));
    }
    std::lock_guard lock(m_);
    reader_done_ = true;
    total_ = seq_;
    wake_all();
  }

  void work(Analyzer& analyzer) {  // this worker's own: an Analyzer is not thread-safe
    while (true) {
      std::unique_lock lock(m_);
      work_cv_.wait(lock, [this] { return aborted_ || !work_.empty() || reader_done_; });
      if (aborted_ || work_.empty()) return;
      Piece p = std::move(work_.front());
      work_.pop_front();
      lock.unlock();
      const uint64_t guessed = p.charge;
      PieceResult r = process_piece(std::move(p), analyzer, o_.build);
      // Now the real size is known: hold that against the limit instead of the guess.
      r.piece.charge = estimate_bytes(r.built) + r.piece.input_bytes;
      lock.lock();
      in_flight_ = in_flight_ - guessed + r.piece.charge;
      results_.emplace(r.piece.seq, std::move(r));
      results_cv_.notify_all();
    }
  }

  const std::vector<SourcePlan>& plans_;
  const PipelineOptions& o_;
  std::mutex m_;
  std::condition_variable work_cv_, results_cv_, gate_cv_;
  std::deque<Piece> work_;
  std::map<uint64_t, PieceResult> results_;
  uint64_t seq_ = 0, next_ = 0, total_ = 0, in_flight_ = 0;
  bool reader_done_ = false, aborted_ = false;
  std::vector<std::unique_ptr<Analyzer>> analyzers_;
  std::thread reader_;
  std::vector<std::thread> workers_;
};

}  // namespace

bool run_pipeline(const std::vector<SourcePlan>& plans, const PipelineOptions& opts,
                  const std::function<void(PieceResult&)>& write) {
  Pipeline p(plans, opts);
  return p.run(write);
}

}  // namespace newsindex
