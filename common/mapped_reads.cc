// Fortified headers turn open() into an inline wrapper; this file defines the real entry points.
#undef _FORTIFY_SOURCE
#include "mapped_reads.h"

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
bool mapped_reads_enabled() { return false; }
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

std::atomic<bool> g_enabled{false};
std::atomic<Mapping*> g_maps[kMaxFd];
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

void forget(int fd) {
  if (fd < 0 || fd >= kMaxFd) return;
  if (Mapping* m = g_maps[fd].exchange(nullptr, std::memory_order_acq_rel)) {
    munmap(const_cast<char*>(m->base), m->size);
    delete m;
  }
}

void maybe_map(int fd) {
  struct stat st;
  if (fd >= kMaxFd || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < kMinSize) return;
  void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) return;  // no address space, or a file system without mmap: pread it is
  madvise(p, static_cast<size_t>(st.st_size), MADV_RANDOM);
  Mapping* m = new Mapping{static_cast<const char*>(p), static_cast<size_t>(st.st_size)};
  if (Mapping* old = g_maps[fd].exchange(m, std::memory_order_acq_rel)) {
    munmap(const_cast<char*>(old->base), old->size);
    delete old;
  }
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
    if (g_enabled.load(std::memory_order_acquire) && (flags & O_ACCMODE) == O_RDONLY) maybe_map(fd);
  }
  return fd;
}

extern "C" ssize_t pread(int fd, void* buf, size_t n, off_t offset) {
  if (fd >= 0 && fd < kMaxFd && offset >= 0) {
    const Mapping* m = g_maps[fd].load(std::memory_order_acquire);
    if (m && static_cast<size_t>(offset) <= m->size && n <= m->size - static_cast<size_t>(offset)) {
      sigjmp_buf fault;
      if (sigsetjmp(fault, 0) == 0) {
        // The fences keep the compiler from dropping the first store as dead: only the signal
        // handler reads it.
        t_copying = &fault;
        std::atomic_signal_fence(std::memory_order_seq_cst);
        std::memcpy(buf, m->base + offset, n);
        std::atomic_signal_fence(std::memory_order_seq_cst);
        t_copying = nullptr;
        return static_cast<ssize_t>(n);
      }
      t_copying = nullptr;  // the file shrank under the mapping: ask the file itself
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

bool mapped_reads_enabled() { return g_enabled.load(std::memory_order_acquire); }

}  // namespace newsindex

#endif
