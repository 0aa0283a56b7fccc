#!/usr/bin/env bash
# The analyzer property test over the npm nlp-corpus (tests/unit/analyzer_property_test.cc):
# fetches the corpus into data/ if needed, builds unit_tests and runs the NlpCorpus tests.
#   scripts/test-nlp-corpus.sh [SAMPLE]   records to index and query (default 5000, 0 = all 100,000)
# BUILD_DIR defaults to <repo>/build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
corpus="${NEWSINDEX_NLP_CORPUS:-$root/data/nlp-corpus.jsonl}"
[[ -s $corpus ]] || "$root/scripts/fetch-corpus.sh" nlp-corpus
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" > /dev/null
cmake --build "$build" --target unit_tests -j "${JOBS:-2}"
NEWSINDEX_NLP_CORPUS="$corpus" NEWSINDEX_NLP_SAMPLE="${1:-${NEWSINDEX_NLP_SAMPLE:-5000}}" \
  "$build/bin/unit_tests" --gtest_filter='NlpCorpus.*'
