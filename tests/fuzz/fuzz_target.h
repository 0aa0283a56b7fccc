// The entry point of a fuzz target. With libFuzzer it is LLVMFuzzerTestOneInput; in the
// regression replay (every CTest run, any compiler) all targets share one binary by name.
#pragma once
#include <cstddef>
#include <cstdint>

namespace newsindex::fuzz {
using TargetFn = int (*)(const uint8_t* data, size_t size);
// Defined by the replay driver; returns true so it can initialize a static.
bool register_target(const char* name, TargetFn fn);
}  // namespace newsindex::fuzz

#ifdef NEWSINDEX_FUZZ_REPLAY
#define NEWSINDEX_FUZZ_TARGET(name)                                                          \
  static int fuzz_target_##name(const uint8_t* data, size_t size);                          \
  [[maybe_unused]] static const bool fuzz_registered_##name =                               \
      newsindex::fuzz::register_target(#name, fuzz_target_##name);                         \
  static int fuzz_target_##name(const uint8_t* data, size_t size)
#else
#define NEWSINDEX_FUZZ_TARGET(name) extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
#endif
