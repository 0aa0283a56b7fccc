#include "indexer/signals.h"

#include <signal.h>

#include <atomic>

namespace newsindex {

namespace {

// Lock-free, so touching it from a signal handler is safe.
std::atomic<int> g_stops{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_stop_signal(int sig) {
  if (g_stops.fetch_add(1) == 0) return;
  // Asked twice: the user means it. Xapian commits are atomic, so dying here is safe too.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

}  // namespace

void install_stop_signals() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

bool stop_requested() { return g_stops.load(std::memory_order_relaxed) > 0; }

void request_stop() { g_stops.fetch_add(1); }

}  // namespace newsindex
