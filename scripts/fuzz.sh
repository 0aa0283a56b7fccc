#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan+UBSan) in build-fuzz/ and runs each in turn for
# SECONDS (default 10), printing executions and coverage per target. Exit 1 if one crashed:
# the input is saved under build-fuzz/fuzz-artifacts/ (copy it into tests/fuzz/regressions/).
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 1200 html query
# The corpus each target grows is kept in build-fuzz/fuzz-corpus/ and reused by the next run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
secs="${1:-10}"
shift || true
[[ "$secs" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...]" >&2; exit 2; }
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
targets=("$@")
# Every target by default: the list is tests/fuzz/CMakeLists.txt's NEWSINDEX_FUZZ_TARGETS.
((${#targets[@]})) || read -r -a targets < <(sed -n 's/^set(NEWSINDEX_FUZZ_TARGETS \(.*\))$/\1/p' "$root/tests/fuzz/CMakeLists.txt")

"$root/scripts/deps.sh"
if ! command -v clang++ >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "fuzz: installing clang and libFuzzer" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev >/dev/null
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNEWSINDEX_FUZZ=ON \
  -DNEWSINDEX_SANITIZE=ON -DNEWSINDEX_BENCH=OFF >/dev/null
cmake --build "$build" --target fuzzers -j "$(nproc 2>/dev/null || echo 2)"

seeds="$build/fuzz-seeds"
"$root/tests/fuzz/make_corpus.sh" "$seeds"
mkdir -p "$build/fuzz-corpus" "$build/fuzz-artifacts" "$build/fuzz-logs"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
failed=()
summary=()
for t in "${targets[@]}"; do
  bin="$build/fuzz/fuzz_$t"
  [[ -x "$bin" ]] || { echo "fuzz: no target $t" >&2; exit 2; }
  corpus="$build/fuzz-corpus/$t"
  log="$build/fuzz-logs/$t.log"
  mkdir -p "$corpus"
  args=(-max_total_time="$secs" -timeout=30 -rss_limit_mb=2560 -print_final_stats=1
        -artifact_prefix="$build/fuzz-artifacts/$t-")
  # The readers run the whole indexing pipeline per input: shorter inputs, many more of them.
  case "$t" in news_text|plain_text|jsonl|csv|analyzer) args+=(-max_len=3000) ;; html) args+=(-max_len=6000) ;; esac
  dict="$root/tests/fuzz/dict/$t.dict"
  [[ -f "$dict" ]] && args+=(-dict="$dict")
  echo "fuzz: $t for ${secs}s" >&2
  rc=0
  # The regressions go in as seeds too: a fixed crash must stay fixed.
  dirs=("$corpus" "$seeds/$t")
  [[ -d "$root/tests/fuzz/regressions/$t" ]] && dirs+=("$root/tests/fuzz/regressions/$t")
  "$bin" "${args[@]}" "${dirs[@]}" >"$log" 2>&1 || rc=$?
  # The last status line carries the coverage; "Done N runs" the executions.
  stats="$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)"
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$stats")"
  ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$stats")"
  corp="$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$stats")"
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
  line="$(printf '%-11s %10s execs  cov %6s  ft %7s  corpus %6s  %ss' "$t" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$secs")"
  if ((rc)); then
    line+="  CRASHED (exit $rc) — see $log"
    failed+=("$t")
    grep -E 'ERROR|invariant broken|Test unit written' "$log" | head -n 5 >&2 || true
  fi
  echo "$line"
  summary+=("$line")
done
echo "---- fuzz summary ----"
printf '%s\n' "${summary[@]}"
if ((${#failed[@]})); then
  echo "fuzz: crashed: ${failed[*]} (inputs in $build/fuzz-artifacts/)" >&2
  exit 1
fi
