#!/usr/bin/env bash
# Relevance of newsindex/newsquery on one IR test collection (docs.jsonl, topics.tsv, qrels.txt):
# indexes the documents into a throw-away database, runs every topic and scores the TREC run
# with newseval (nDCG@10, MAP, P@10, R@100, MRR; trec_eval conventions).
set -euo pipefail

usage() {
  cat >&2 <<USAGE
usage: $(basename "$0") [--json] [--passages] [--keep DIR [--reuse]] [--topics FILE] COLLECTION_DIR [extra newsquery options...]
  COLLECTION_DIR  holds docs.jsonl, topics.tsv (qid<TAB>text) and qrels.txt
  --json          print newseval's JSON object (plus "collection") instead of the table
  --passages      judge passage mode: each article ranked where its best passage is
                  (--per-article 1, the passage's article judged), not --articles
  --keep DIR      keep the database and the run in DIR instead of a temporary directory
  --reuse         with --keep: query the database already in DIR (indexed by an earlier run)
  --topics FILE   run these topics instead of COLLECTION_DIR/topics.tsv (e.g. a topic variant)
  Binaries come from \$BIN, else <repo>/build/bin; \$LIMIT hits per topic (default 1000).
USAGE
  exit 2
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BIN=${BIN:-$ROOT/build/bin}
json=0
keep=""
reuse=0
topics=""
mode=(--articles)
while [[ $# -gt 0 ]]; do
  case $1 in
    --json) json=1; shift ;;
    --passages) mode=(--per-article 1); shift ;;
    --keep) [[ $# -ge 2 ]] || usage; keep=$2; shift 2 ;;
    --reuse) reuse=1; shift ;;
    --topics) [[ $# -ge 2 ]] || usage; topics=$2; shift 2 ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) usage ;;
    *) break ;;
  esac
done
[[ $# -ge 1 ]] || usage
collection=${1%/}
shift
for f in docs.jsonl topics.tsv qrels.txt; do
  [[ -f $collection/$f ]] || { echo "eval.sh: $collection/$f not found" >&2; exit 2; }
done
for b in newsindex newsquery newseval; do
  [[ -x $BIN/$b ]] || { echo "eval.sh: $BIN/$b not found (build first, or set BIN)" >&2; exit 2; }
done
topics=${topics:-$collection/topics.tsv}
[[ -f $topics ]] || { echo "eval.sh: $topics not found" >&2; exit 2; }
[[ $reuse -eq 0 || -n $keep ]] || usage
name=$(basename "$(cd "$collection" && pwd)")

if [[ -n $keep ]]; then
  mkdir -p "$keep"
  work=$keep
  [[ $reuse -eq 1 && -d $work/db ]] || { reuse=0; rm -rf "$work/db"; }
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/newsindex-eval.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

# newsindex exits 1 when it rejects some documents (Cranfield has two with no text at all): they
# cannot be retrieved either way, so only 2 is an error.
rc=0
[[ $reuse -eq 1 ]] || "$BIN/newsindex" --db "$work/db" --quiet --input-format jsonl "$collection/docs.jsonl" || rc=$?
if [[ $rc -ne 0 && $rc -ne 1 ]]; then
  echo "eval.sh: newsindex failed (exit $rc)" >&2
  exit 2
fi

# newsquery exits 1 when some topic matched nothing, as grep does; only 2 is an error.
rc=0
"$BIN/newsquery" --db "$work/db" --batch "${mode[@]}" --plain --format trec --limit "${LIMIT:-1000}" "$@" \
  < "$topics" > "$work/run.raw" || rc=$?
# Passage ids are ARTICLE#N; the collections judge articles.
sed -E 's/^([^ ]+ Q0 [^ ]+)#[0-9]+ /\1 /' "$work/run.raw" > "$work/run"
if [[ $rc -ne 0 && $rc -ne 1 ]]; then
  echo "eval.sh: newsquery failed (exit $rc)" >&2
  exit 2
fi
[[ -s $work/run ]] || { echo "eval.sh: newsquery produced an empty run" >&2; exit 2; }

if [[ $json -eq 1 ]]; then
  out=$("$BIN/newseval" --json "$collection/qrels.txt" "$work/run")
  # Splice the collection name in without needing jq: newseval prints one object on one line.
  printf '{"collection":"%s",%s\n' "$name" "${out#\{}"
else
  echo "collection: $name"
  "$BIN/newseval" "$collection/qrels.txt" "$work/run"
fi
