#!/usr/bin/env bash
# Analyzer throughput next to Xapian::TermGenerator on Brown corpus text (tests/bench/analyzer_bench.cc):
# fetches Brown into data/ if needed, builds analyzer_bench (Release) and prints both MB/s figures
# (decimal megabytes of UTF-8 text per second, best of the repetitions).
#   scripts/bench-analyzer.sh [extra benchmark flags...]   BUILD_DIR defaults to <repo>/build
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
brown="${NEWSINDEX_BROWN:-$root/data/brown.jsonl}"
[[ -s $brown ]] || "$root/scripts/fetch-corpus.sh" brown
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNEWSINDEX_BENCH=ON > /dev/null
cmake --build "$build" --target analyzer_bench -j "${JOBS:-2}"
bin="$build/bin/analyzer_bench"
[[ -x $bin ]] || { echo "bench-analyzer.sh: $bin not built (is libbenchmark-dev installed?)" >&2; exit 2; }
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
# Repetitions interleaved at random: on a shared machine, load drifts affect every benchmark alike.
NEWSINDEX_BROWN="$brown" "$bin" --benchmark_repetitions="${REPETITIONS:-3}" --benchmark_enable_random_interleaving=true \
  --benchmark_out="$out" --benchmark_out_format=json "$@"
python3 - "$out" <<'PY'
import json, sys
runs = json.load(open(sys.argv[1]))["benchmarks"]
best = {}
for r in runs:
    if r.get("run_type") != "iteration" or "bytes_per_second" not in r:
        continue
    name = r.get("run_name", r["name"])
    best[name] = max(best.get(name, 0.0), r["bytes_per_second"] / 1e6)
labels = {"AnalyzerTerms": "newsindex analyzer + terms", "AnalyzerTermsReuse": "  same, Analysis reused",
          "TermGenerator": "Xapian TermGenerator", "AnalyzerOnly": "newsindex analyzer alone",
          "AnalyzerOnlyIcu": "  same, ICU iterator only"}
print()
for name in ("AnalyzerTerms", "AnalyzerTermsReuse", "TermGenerator", "AnalyzerOnly", "AnalyzerOnlyIcu"):
    if name in best:
        print(f"{labels[name]:<28} {best[name]:8.2f} MB/s")
if "AnalyzerTerms" in best and best.get("TermGenerator"):
    print(f"{'ratio (ours / Xapian)':<28} {best['AnalyzerTerms'] / best['TermGenerator']:8.2f}")
if "AnalyzerTermsReuse" in best and best.get("TermGenerator"):
    print(f"{'  reused (ours / Xapian)':<28} {best['AnalyzerTermsReuse'] / best['TermGenerator']:8.2f}")
PY
