#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit + end-to-end) with CTest.
#   scripts/test.sh             Release build in build/
#   scripts/test.sh --sanitize  ASan+UBSan build in build-asan/
#   scripts/test.sh --tsan      ThreadSanitizer build in build-tsan/
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode="${1:-}"
"$root/scripts/deps.sh"
case "$mode" in
  "") build="$root/build"; flags=(-DCMAKE_BUILD_TYPE=Release -DNEWSINDEX_WERROR=ON) ;;
  --sanitize) build="$root/build-asan"; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSINDEX_SANITIZE=ON -DNEWSINDEX_BENCH=OFF) ;;
  --tsan) build="$root/build-tsan"; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSINDEX_TSAN=ON -DNEWSINDEX_BENCH=OFF) ;;
  *) echo "usage: scripts/test.sh [--sanitize|--tsan]" >&2; exit 2 ;;
esac
BUILD_DIR="$build" "$root/scripts/build.sh" "${flags[@]}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
cd "$build"
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)"
