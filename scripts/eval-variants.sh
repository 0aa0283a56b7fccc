#!/usr/bin/env bash
# Relevance over every collection x topic variant x mode (docs/relevance.md): the original
# topics, verbose requests and title-only short forms (scripts/topic-variants.py), each run in
# articles mode and passage mode by scripts/eval.sh (one index per collection), plus the
# passage-level check (scripts/passage-check.py: where each relevant article's best passage
# ranks in passage mode with 10 hits).
set -euo pipefail

usage() {
  cat >&2 <<USAGE
usage: $(basename "$0") [--json] [--modes "articles passages"] [--variants "original verbose short long"]
                        [--no-check] [--peers] [--long-articles] [--keep DIR] [extra newsquery options...]
  Collections: \$COLLECTIONS (directories), else every <repo>/../shared/eval/*/ with a topics.tsv.
  --json       print one JSON object per line (collection, variant, mode, nDCG@10, MAP, ...)
               instead of the table
  --no-check   leave out the passage-level check
  --peers      also run every variant through the plain BM25 peers (scripts/eval-peers.sh:
               SQLite FTS5 and Xapian BM25)
  --long-articles
               also run each collection of at least 500 documents joined into long articles
               (scripts/long-articles.py: shapes "coherent" and "random"), with the same topics
  --keep DIR   keep the topic variants, databases and runs in DIR (else a temporary directory)
  Binaries come from \$BIN, as for eval.sh.
USAGE
  exit 2
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
json=0
check=1
peers=0
modes="articles passages"
variants="original verbose short long"
long_articles=0
keep=""
while [[ $# -gt 0 ]]; do
  case $1 in
    --json) json=1; shift ;;
    --no-check) check=0; shift ;;
    --peers) peers=1; shift ;;
    --long-articles) long_articles=1; shift ;;
    --modes) [[ $# -ge 2 ]] || usage; modes=$2; shift 2 ;;
    --variants) [[ $# -ge 2 ]] || usage; variants=$2; shift 2 ;;
    --keep) [[ $# -ge 2 ]] || usage; keep=$2; shift 2 ;;
    -h|--help) usage ;;
    --) shift; break ;;
    *) break ;;
  esac
done
if [[ -z ${COLLECTIONS:-} ]]; then
  COLLECTIONS=""
  for d in "$ROOT"/../shared/eval/*/; do [[ -f $d/topics.tsv ]] && COLLECTIONS+=" ${d%/}"; done
fi
[[ -n ${COLLECTIONS// /} ]] || { echo "eval-variants.sh: no collections" >&2; exit 2; }
if [[ -n $keep ]]; then
  mkdir -p "$keep"
  work=$keep
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/newsindex-variants.XXXXXX")
  trap 'rm -rf "$work"' EXIT
fi

# shellcheck disable=SC2086
python3 "$ROOT/scripts/topic-variants.py" --out "$work/topics" $COLLECTIONS
# Each entry is SHAPE:DIR; the long-article shapes keep their collection's name (DIR's basename),
# so they get its topic variants.
entries=""
for c in $COLLECTIONS; do entries+=" abstracts:$c"; done
if [[ $long_articles -eq 1 ]]; then
  for c in $COLLECTIONS; do
    [[ $(wc -l < "$c/docs.jsonl") -ge 500 ]] || continue  # ADI's 82 abstracts make 14 articles
    for shape in coherent random; do
      python3 "$ROOT/scripts/long-articles.py" --group "$shape" "$c" "$work/$shape/$(basename "$c")" 2> /dev/null
      entries+=" $shape:$work/$shape/$(basename "$c")"
    done
  done
fi
results=$work/results.jsonl
: > "$results"
for entry in $entries; do
  shape=${entry%%:*}
  c=${entry#*:}
  name=$(basename "$c")
  keep_dir=$work/$name
  [[ $shape == abstracts ]] || keep_dir=$work/$shape/$name.run
  reuse=()  # the first run indexes the collection, the others query that index
  for v in $variants; do
    topics=$c/topics.tsv
    [[ $v == original ]] || topics=$work/topics/$name/$v.tsv
    for m in $modes; do
      flag=()
      [[ $m == passages ]] && flag=(--passages)
      out=$(bash "$ROOT/scripts/eval.sh" --json "${flag[@]}" --keep "$keep_dir" "${reuse[@]}" \
              --topics "$topics" "$c" "$@")
      reuse=(--reuse)
      printf '{"shape":"%s","variant":"%s","mode":"%s",%s\n' "$shape" "$v" "$m" "${out#\{}" >> "$results"
    done
    if [[ $peers -eq 1 ]]; then
      bash "$ROOT/scripts/eval-peers.sh" --keep "$keep_dir" --topics "$topics" "$c" |
        awk -v v="$v" -v s="$shape" 'NR > 1 { printf "{\"shape\":\"%s\",\"variant\":\"%s\",\"mode\":\"peer\",\"collection\":\"%s\",\"peer\":\"%s\",\"ndcg_10\":%s,\"map\":%s}\n", s, v, $1, $2, $3, $4 }' >> "$results"
    fi
    if [[ $check -eq 1 ]]; then
      LIMIT=10 bash "$ROOT/scripts/eval.sh" --json --passages --keep "$keep_dir" "${reuse[@]}" \
        --topics "$topics" "$c" "$@" > /dev/null
      reuse=(--reuse)
      out=$(python3 "$ROOT/scripts/passage-check.py" --json --name "$name" "$c/qrels.txt" "$keep_dir/run")
      printf '{"shape":"%s","variant":"%s","mode":"check",%s\n' "$shape" "$v" "${out#\{}" >> "$results"
    fi
  done
done

if [[ $json -eq 1 ]]; then
  cat "$results"
  exit 0
fi
python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
runs = [r for r in rows if r["mode"] not in ("check", "peer")]
peers = [r for r in rows if r["mode"] == "peer"]
checks = [r for r in rows if r["mode"] == "check"]
if runs:
    print("| collection | shape | variant | mode | nDCG@10 | MAP | P@10 | R@100 | MRR |")
    print("|---|---|---|---|---:|---:|---:|---:|---:|")
    for r in runs:
        print(f"| {r['collection']} | {r['shape']} | {r['variant']} | {r['mode']} | {r['ndcg_10']:.4f} | {r['map']:.4f} "
              f"| {r['p_10']:.4f} | {r['recall_100']:.4f} | {r['mrr']:.4f} |")
if peers:
    print()
    print("| collection | shape | variant | peer | nDCG@10 | MAP |")
    print("|---|---|---|---|---:|---:|")
    for r in peers:
        print(f"| {r['collection']} | {r['shape']} | {r['variant']} | {r['peer']} | {r['ndcg_10']:.4f} | {r['map']:.4f} |")
if checks:
    print()
    print("passage mode, 10 hits: where each relevant article's best passage ranks")
    print()
    print("| collection | shape | variant | relevant articles | rank 1 | rank 2-3 | rank 4-10 | not shown | S@1 | S@10 |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in checks:
        print(f"| {r['collection']} | {r['shape']} | {r['variant']} | {r['relevant_articles']} | {r['rank_1']:.3f} "
              f"| {r['rank_2_3']:.3f} | {r['rank_4_10']:.3f} | {r['not_shown']:.3f} | {r['s_1']:.3f} "
              f"| {r['s_10']:.3f} |")
PY
