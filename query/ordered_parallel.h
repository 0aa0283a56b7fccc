// Runs independent jobs on a few threads and hands their results back in input order, so a
// parallel --batch prints exactly what a sequential one would.
#pragma once
#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

namespace newsindex {

// Calls work(worker, i) for every i in [0, n) on `workers` threads (worker in [0, workers)),
// then emit(result) for each i in order. An exception thrown by work(…, i) is rethrown when
// item i's turn to be emitted comes, after the items before it were emitted.
template <class R>
void for_each_ordered(size_t n, size_t workers, const std::function<R(size_t, size_t)>& work,
                      const std::function<void(R&)>& emit) {
  std::vector<std::optional<R>> results(n);
  std::vector<std::exception_ptr> errors(n);
  std::atomic<size_t> next{0};
  auto loop = [&](size_t worker) {
    for (size_t i; (i = next.fetch_add(1)) < n;) {
      try {
        results[i].emplace(work(worker, i));
      } catch (...) {  // carried to the emitting thread, not swallowed
        errors[i] = std::current_exception();
      }
    }
  };
  workers = std::max<size_t>(1, std::min(workers, n));
  std::vector<std::thread> threads;
  for (size_t w = 1; w < workers; ++w) threads.emplace_back(loop, w);
  loop(0);
  for (auto& t : threads) t.join();
  for (size_t i = 0; i < n; ++i) {
    if (errors[i]) std::rethrow_exception(errors[i]);
    emit(*results[i]);
  }
}

}  // namespace newsindex
