#!/usr/bin/env bash
# Query benchmark: on Brown paragraphs replicated to SIZE MB (default 200), one query as a whole
# process (start to last byte) p50/p95, and --batch queries per second with snippets — newsquery
# next to Xapian's quest (python3-xapian for the batch) and SQLite FTS5 on the same data.
# Usage: scripts/bench-query.sh [SIZE_MB] [QUERIES]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-200}" n="${2:-2000}"
"$root/scripts/deps.sh" --extra
[[ -x "$root/build/bin/newsquery" ]] || "$root/scripts/build.sh"
corpus="$("$root/scripts/bench-corpus.sh" "$size")"
work="$root/data/bench"; mkdir -p "$work"
nidb="$work/newsindex-${size}mb.db" xdb="$work/xapian-${size}mb.db" fts="$work/fts5-${size}mb.sqlite"
# An index from another schema version is built again (newsquery refuses it).
if [[ -d "$nidb" ]] && ! "$root/build/bin/newsquery" --db "$nidb" --stats >/dev/null 2>&1; then
  echo "bench-query: $nidb is from another schema version; indexing again" >&2
  rm -rf "$nidb"
fi
if [[ ! -d "$nidb" ]]; then
  echo "bench-query: indexing $corpus with newsindex" >&2
  "$root/build/bin/newsindex" --db "$nidb" --quiet --keep-duplicates "$corpus"
  "$root/build/bin/newsindex" --db "$nidb" --compact
fi
if [[ ! -d "$xdb" || ! -f "$fts" ]]; then
  echo "bench-query: building the peers' indexes (Xapian TermGenerator, FTS5)" >&2
  /usr/bin/python3 "$root/scripts/bench/build_peers.py" "$corpus" "$xdb" "$fts"
fi
echo "Query benchmark: ${size} MB of Brown corpus paragraphs REPLICATED to ${size} MB (the same paragraphs over and over,"
echo "ids differ per copy), $n queries, $(nproc) cores,"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) (other work shares the machine: compare CPU ms, not only wall ms)"
/usr/bin/python3 "$root/scripts/bench/query_bench.py" "$corpus" "$nidb" "$xdb" "$fts" "$root/build/bin" "$n"
