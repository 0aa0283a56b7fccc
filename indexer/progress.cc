#include "indexer/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <ostream>

namespace newsindex {

namespace {

constexpr auto kRefresh = std::chrono::milliseconds(250);

std::string clock_text(double seconds) {
  auto s = static_cast<long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

Progress::Progress(bool enabled, std::ostream& out)
    : enabled_(enabled && ::isatty(STDERR_FILENO)), out_(out), start_(std::chrono::steady_clock::now()) {
  if (enabled_) thread_ = std::thread([this] { loop(); });
}

Progress::~Progress() { stop(); }

void Progress::put(const std::string& s) { out_ << s << std::flush; }

void Progress::set_total(uint64_t files, uint64_t bytes) {
  total_files_.store(files, std::memory_order_relaxed);
  total_bytes_.store(bytes, std::memory_order_relaxed);
}

std::string Progress::render() {
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const uint64_t done = bytes_.load(std::memory_order_relaxed), total = total_bytes_.load(std::memory_order_relaxed);
  const uint64_t articles = articles_.load(std::memory_order_relaxed);
  std::string line = fmt::format("newsindex: {}/{} files, {:.1f}/{:.1f} MB", files_.load(std::memory_order_relaxed),
                                 total_files_.load(std::memory_order_relaxed), done / 1e6, total / 1e6);
  if (total) line += fmt::format(" ({:.0f}%)", 100.0 * static_cast<double>(std::min(done, total)) / static_cast<double>(total));
  if (secs > 0.5) line += fmt::format(", {:.0f} articles/s", static_cast<double>(articles) / secs);
  if (secs > 2 && done > 0 && total > done)
    line += ", ETA " + clock_text(secs * static_cast<double>(total - done) / static_cast<double>(done));
  return line;
}

void Progress::loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (wake_.wait_for(lock, kRefresh, [this] { return stopping_; })) break;
    std::string out = "\r";
    out.append(render()).append("\033[K");
    put(out);
    shown_ = true;
  }
}

void Progress::say(const std::string& line) {
  std::lock_guard lock(mutex_);
  std::string out = shown_ ? "\r\033[K" : "";
  out.append(line).push_back('\n');
  put(out);
  shown_ = false;  // redrawn on the next tick
}

void Progress::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    if (shown_) put("\r\033[K");
    shown_ = false;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace newsindex
