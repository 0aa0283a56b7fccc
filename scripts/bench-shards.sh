#!/usr/bin/env bash
# Shard benchmark: the query benchmark's data (Brown paragraphs replicated to SIZE MB) indexed as
# one database, as 3 shards (one ordered writer) and as 3 shards with a writer each
# (--parallel-shards), queried as one database, as 3 local shards, as 3 remote shards
# (newsquery-server on loopback, started and stopped here) and as the partitioned shards:
# single-query p50/p90 (whole processes) and batch queries a second, --articles and passage mode,
# and the ingest rate of each way of writing.
# Usage: scripts/bench-shards.sh [--size MB] [--single N] [--batch N] [--remote-passages N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size=200 single=50 batch=500 remote_passages=20
while (($#)); do
  case $1 in
    --size) size=$2; shift 2 ;;
    --single) single=$2; shift 2 ;;
    --batch) batch=$2; shift 2 ;;
    --remote-passages) remote_passages=$2; shift 2 ;;  # passage mode on remote shards is slow: fewer queries
    *) echo "usage: $0 [--size MB] [--single N] [--batch N] [--remote-passages N]" >&2; exit 2 ;;
  esac
done
bin="$root/build/bin"
[[ -x $bin/newsquery-server ]] || "$root/scripts/build.sh"
corpus="$("$root/scripts/bench-corpus.sh" "$size")"
work="$root/data/bench-shards"; mkdir -p "$work"
one="$work/one-${size}mb.db" three="$work/three-${size}mb.db" view="$work/view-${size}mb"
par="$work/parallel-${size}mb.db"
ingest="$work/ingest-${size}mb.tsv"

# index NAME DB [options]: timed with /usr/bin/time; an index from another schema version is rebuilt.
index() {
  local name=$1 db=$2; shift 2
  if [[ -d $db ]] && "$bin/newsquery" --db "$db" --stats > /dev/null 2>&1; then return; fi
  rm -rf "$db"
  echo "bench-shards: indexing $corpus as $name" >&2
  # Wall, user and system seconds: on a shared machine the CPU seconds are the steadier figure.
  /usr/bin/time -f '%e\t%U\t%S' -o "$work/time.tsv" \
    "$bin/newsindex" --db "$db" --quiet --keep-duplicates --jobs 2 "$@" "$corpus" 2> "$work/$name.log" || true
  printf '%s\t%s\n' "$name" "$(cat "$work/time.tsv")" >> "$ingest"
}
[[ -f $ingest ]] || : > "$ingest"
index "one database" "$one"
index "3 shards, one ordered writer" "$three" --shards 3
index "3 shards, --parallel-shards" "$par" --shards 3 --parallel-shards

SERVERS=()
trap 'kill "${SERVERS[@]}" 2>/dev/null || true' EXIT
rm -rf "$view" && mkdir -p "$view" && cp -r "$three/meta" "$view/"
for i in 0 1 2; do
  "$bin/newsquery-server" --listen 127.0.0.1:0 "$three/shard-0$i" 2> "$work/server$i.log" &
  SERVERS+=($!)
done
for i in 0 1 2; do
  for _ in $(seq 100); do grep -q "listening on" "$work/server$i.log" && break; sleep 0.1; done
  echo "remote $(grep -o '127\.0\.0\.1:[0-9]*' "$work/server$i.log")" >> "$view/shards"
done

echo "Shard benchmark: ${size} MB of Brown paragraphs replicated (scripts/bench-corpus.sh), $(nproc) cores,"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; commit $(git -C "$root" rev-parse --short HEAD), $(date -u +%Y-%m-%d)"
SHARD_SERVER_PIDS="${SERVERS[*]}" /usr/bin/python3 "$root/scripts/bench/shard_bench.py" "$corpus" "$bin" "$single" "$batch" "$remote_passages" "$ingest" \
  "one database=$one" "3 local shards=$three" "3 remote shards (loopback)=$view" "3 partitioned shards=$par"
