#!/usr/bin/env bash
# Baselines for scripts/eval.sh: the same collection and topics through SQLite FTS5 (bm25) and
# Xapian with its BM25 defaults, each run scored by newseval. One table row per peer.
set -euo pipefail

usage() {
  cat >&2 <<USAGE
usage: $(basename "$0") [--keep DIR] [--topics FILE] COLLECTION_DIR
  COLLECTION_DIR  holds docs.jsonl, topics.tsv (qid<TAB>text) and qrels.txt
  --keep DIR      keep the peers' TREC runs in DIR
  --topics FILE   run these topics instead of COLLECTION_DIR/topics.tsv (e.g. a topic variant)
  Needs Debian's /usr/bin/python3 with python3-xapian and sqlite3 (FTS5); newseval from
  \$BIN, else <repo>/build/bin.
USAGE
  exit 2
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$ROOT/build/bin}
# Debian's interpreter on purpose: a pyenv python on PATH lacks the xapian module.
PY=${PEERS_PYTHON:-/usr/bin/python3}
keep=""
topics=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --keep) [[ $# -ge 2 ]] || usage; keep=$2; shift 2 ;;
    --topics) [[ $# -ge 2 ]] || usage; topics=$2; shift 2 ;;
    -h|--help) usage ;;
    -*) usage ;;
    *) break ;;
  esac
done
[[ $# -eq 1 ]] || usage
collection=${1%/}
for f in docs.jsonl topics.tsv qrels.txt; do
  [[ -f $collection/$f ]] || { echo "eval-peers.sh: $collection/$f not found" >&2; exit 2; }
done
[[ -x $BIN/newseval ]] || { echo "eval-peers.sh: $BIN/newseval not found (build first, or set BIN)" >&2; exit 2; }
topics=${topics:-$collection/topics.tsv}
[[ -f $topics ]] || { echo "eval-peers.sh: $topics not found" >&2; exit 2; }
name=$(basename "$(cd "$collection" && pwd)")

if [[ -n $keep ]]; then
  mkdir -p "$keep"
  work=$keep
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/newsindex-peers.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

printf '%-10s %-8s %8s %8s %8s %8s %8s\n' collection peer nDCG@10 MAP P@10 R@100 MRR
for peer in fts5 xapian; do
  run=$work/$name.$peer.run
  "$PY" "$ROOT/scripts/peers/${peer}_run.py" "$collection/docs.jsonl" "$topics" > "$run"
  # newseval's note about run topics without judgments (CISI has 36) is expected: keep stderr
  # aside and show it only on failure.
  if ! table=$("$BIN/newseval" "$collection/qrels.txt" "$run" 2> "$work/newseval.err"); then
    cat "$work/newseval.err" >&2
    echo "eval-peers.sh: newseval failed on $run" >&2
    exit 2
  fi
  # The table's last line is the mean: "all(N) nDCG MAP P@10 R@100 MRR rel ret rel_ret".
  tail -n 1 <<< "$table" |
    awk -v c="$name" -v p="$peer" '{ printf "%-10s %-8s %8s %8s %8s %8s %8s\n", c, p, $2, $3, $4, $5, $6 }'
done
rm -f "$work/newseval.err"
