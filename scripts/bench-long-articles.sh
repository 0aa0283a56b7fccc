#!/usr/bin/env bash
# Query cost on long articles (docs/benchmarks.md): the SIZE MB bench corpus's paragraphs shuffled
# into articles of 10 to 40 paragraphs (news length, no two alike), QUERIES queries of 1–3 words,
# one --batch thread, articles mode and passage mode, with feedback read from whole articles and
# from their best passages (--feedback-from). Usage: scripts/bench-long-articles.sh [SIZE_MB] [QUERIES]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:-100}" n="${2:-300}"
[[ -x "$root/build/bin/newsquery" ]] || "$root/scripts/build.sh"
corpus="$("$root/scripts/bench-corpus.sh" "$size")"
work="$root/data/bench"; mkdir -p "$work"
articles="$work/long-${size}mb.jsonl" queries="$work/long-${size}mb-queries.txt" db="$work/long-${size}mb.db"
[[ -f "$articles" && -f "$queries" ]] || /usr/bin/python3 "$root/scripts/bench/long_articles.py" "$corpus" "$articles" "$queries" "$n"
if [[ -d "$db" ]] && ! "$root/build/bin/newsquery" --db "$db" --stats >/dev/null 2>&1; then rm -rf "$db"; fi
[[ -d "$db" ]] || "$root/build/bin/newsindex" --db "$db" --quiet "$articles"
"$root/build/bin/newsquery" --db "$db" --stats | jq -r '"\(.articles) articles, \(.passages) passages"'
echo "$(wc -l < "$queries") queries, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| mode | feedback from | ms/query (CPU) |"
echo "|---|---|---:|"
for mode in articles passages; do
  for from in articles passages; do
    opts=(--feedback-from "$from")
    [[ $mode == articles ]] && opts+=(--articles)
    cpu=$( { /usr/bin/time -f '%U %S' "$root/build/bin/newsquery" --db "$db" --batch -j 1 --format json --limit 10 \
      "${opts[@]}" < "$queries" > /dev/null; } 2>&1 | tail -1)
    awk -v c="$cpu" -v n="$(wc -l < "$queries")" -v m="$mode" -v f="$from" \
      'BEGIN { split(c, t, " "); printf "| %s | %s | %.1f |\n", m, f, (t[1] + t[2]) * 1000 / n }'
  done
done
