// The progress line on a terminal: files and MB done of the total, articles per second and an
// ETA, redrawn a few times a second on stderr by its own thread. Off when stderr is not a
// terminal or with --quiet; messages printed meanwhile go through say() so they do not collide.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <iosfwd>
#include <mutex>
#include <string>
#include <thread>

namespace newsindex {

class Progress {
 public:
  // `out` is stderr (or a test's stream); the line is drawn only when stderr is a terminal.
  Progress(bool enabled, std::ostream& out);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void set_total(uint64_t files, uint64_t bytes);
  void add_bytes(uint64_t n) { bytes_.fetch_add(n, std::memory_order_relaxed); }
  void add_files(uint64_t n) { files_.fetch_add(n, std::memory_order_relaxed); }
  void add_articles(uint64_t n) { articles_.fetch_add(n, std::memory_order_relaxed); }

  // Prints one line (above the progress line when it is shown).
  void say(const std::string& line);
  // Removes the progress line for good (before the summary).
  void stop();

 private:
  void loop();
  std::string render();
  void put(const std::string& s);
  const bool enabled_;
  std::ostream& out_;
  std::atomic<uint64_t> bytes_{0}, files_{0}, articles_{0}, total_bytes_{0}, total_files_{0};
  std::mutex mutex_;  // stderr and the fields below
  std::condition_variable wake_;
  bool stopping_ = false;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_;
  std::thread thread_;
};

}  // namespace newsindex
