// Fortified headers turn open() into an inline wrapper; this file defines the real entry points.
#undef _FORTIFY_SOURCE
#include "query/mapped_reads.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdarg>
#include <cstring>
#include <mutex>

#ifdef NEWSINDEX_NO_MAPPED_READS

namespace newsindex {
bool enable_mapped_reads() { return false; }
}  // namespace newsindex

#else

namespace {

using OpenFn = int (*)(const char*, int, ...);
using PreadFn = ssize_t (*)(int, void*, size_t, off_t);
using CloseFn = int (*)(int);

// The C library's own functions, found once (the first calls may come before main).
template <class F>
F next_fn(const char* name) {
  return reinterpret_cast<F>(dlsym(RTLD_NEXT, name));
}
OpenFn real_open() {
  static const OpenFn f = next_fn<OpenFn>("open");
  return f;
}
PreadFn real_pread() {
  static const PreadFn f = next_fn<PreadFn>("pread");
  return f;
}
CloseFn real_close() {
  static const CloseFn f = next_fn<CloseFn>("close");
  return f;
}

struct Mapping {
  const char* base;
  size_t size;
};

constexpr int kMaxFd = 1024;             // descriptors beyond are read as usual
constexpr off_t kMinSize = 64 << 10;     // a file of a few blocks: not worth a mapping
// A page's first touch through a fresh mapping is a page fault, dearer than a pread on this VM:
// a file is mapped only once it has been read this often, when blocks start being read again.
// One ranked query makes ~1,300 reads over four files, so single queries never map.
constexpr unsigned kMapAfter = newsindex::kMappedReadsAfter;

struct Slot {
  std::atomic<Mapping*> map{nullptr};
  std::atomic<bool> candidate{false};  // opened read-only while enabled: a regular file, large enough
  std::atomic<unsigned> reads{0};
};

std::atomic<bool> g_enabled{false};
Slot g_slots[kMaxFd];
thread_local sigjmp_buf* t_copying = nullptr;  // set while copying from a mapping
struct sigaction g_previous_bus;

void on_sigbus(int sig, siginfo_t* info, void* context) {
  if (t_copying) siglongjmp(*t_copying, 1);
  // Not a mapped read's: whatever was there before.
  if (g_previous_bus.sa_flags & SA_SIGINFO) {
    if (g_previous_bus.sa_sigaction) return g_previous_bus.sa_sigaction(sig, info, context);
  } else if (g_previous_bus.sa_handler != SIG_DFL && g_previous_bus.sa_handler != SIG_IGN) {
    return g_previous_bus.sa_handler(sig);
  }
  signal(SIGBUS, SIG_DFL);
  raise(SIGBUS);
}

void unmap(Mapping* m) {
  if (!m) return;
  munmap(const_cast<char*>(m->base), m->size);
  delete m;
}

void forget(int fd) {
  if (fd < 0 || fd >= kMaxFd) return;
  g_slots[fd].candidate.store(false, std::memory_order_release);
  unmap(g_slots[fd].map.exchange(nullptr, std::memory_order_acq_rel));
}

bool large_regular_file(int fd) {
  struct stat st;
  return fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= kMinSize;
}

// The file as it is now; later growth is read with pread.
void map_now(int fd) {
  struct stat st;
  if (fstat(fd, &st) != 0) return;
  void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) return;  // no address space, or a file system without mmap: pread it is
  unmap(g_slots[fd].map.exchange(new Mapping{static_cast<const char*>(p), static_cast<size_t>(st.st_size)},
                                 std::memory_order_acq_rel));
}

// Copies from the mapping; false when the range is not mapped or the file shrank under it.
bool copy_mapped(const Mapping* m, void* buf, size_t n, off_t offset) {
  if (!m || static_cast<size_t>(offset) > m->size || n > m->size - static_cast<size_t>(offset)) return false;
  sigjmp_buf fault;
  if (sigsetjmp(fault, 0) != 0) {
    t_copying = nullptr;
    return false;
  }
  // The fences keep the compiler from dropping the first store as dead: only the signal handler
  // reads it.
  t_copying = &fault;
  std::atomic_signal_fence(std::memory_order_seq_cst);
  std::memcpy(buf, m->base + offset, n);
  std::atomic_signal_fence(std::memory_order_seq_cst);
  t_copying = nullptr;
  return true;
}

}  // namespace

extern "C" int open(const char* path, int flags, ...) {
  mode_t mode = 0;
  if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) {  // the calls that pass a mode
    va_list ap;
    va_start(ap, flags);
    mode = static_cast<mode_t>(va_arg(ap, int));
    va_end(ap);
  }
  const int fd = real_open()(path, flags, mode);
  if (fd >= 0 && fd < kMaxFd) {
    forget(fd);  // a descriptor number closed behind our back and handed out again
    if (g_enabled.load(std::memory_order_acquire) && (flags & O_ACCMODE) == O_RDONLY && large_regular_file(fd)) {
      g_slots[fd].reads.store(0, std::memory_order_relaxed);
      g_slots[fd].candidate.store(true, std::memory_order_release);
    }
  }
  return fd;
}

extern "C" ssize_t pread(int fd, void* buf, size_t n, off_t offset) {
  if (fd >= 0 && fd < kMaxFd && offset >= 0) {
    Slot& slot = g_slots[fd];
    if (copy_mapped(slot.map.load(std::memory_order_acquire), buf, n, offset)) return static_cast<ssize_t>(n);
    if (slot.candidate.load(std::memory_order_acquire) &&
        slot.reads.fetch_add(1, std::memory_order_relaxed) + 1 == kMapAfter) {
      map_now(fd);
      if (copy_mapped(slot.map.load(std::memory_order_acquire), buf, n, offset)) return static_cast<ssize_t>(n);
    }
  }
  return real_pread()(fd, buf, n, offset);
}

extern "C" int close(int fd) {
  forget(fd);
  return real_close()(fd);
}

namespace newsindex {

bool enable_mapped_reads() {
  if (!real_open() || !real_pread() || !real_close()) return false;
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction sa {};
    sa.sa_sigaction = on_sigbus;
    sigemptyset(&sa.sa_mask);
    // SA_NODEFER: the handler leaves by siglongjmp, which (sigsetjmp(…, 0)) restores no mask.
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGBUS, &sa, &g_previous_bus);
    g_enabled.store(true, std::memory_order_release);
  });
  return true;
}

}  // namespace newsindex

#endif
