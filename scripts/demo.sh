#!/usr/bin/env bash
# A fresh machine to ranked passages: installs what is missing, builds (Release), indexes
# corpus/ (and the Brown press sections when fetched into data/), then searches "decoupling".
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/deps.sh"
"$root/scripts/build.sh"
db="$root/demo.db"
inputs=("$root/corpus")
[[ -f "$root/data/brown-press.jsonl" ]] && inputs+=("$root/data/brown-press.jsonl")
# A demo database from an older schema version is rebuilt rather than refused.
if [[ -d $db ]] && ! "$root/build/bin/newsquery" --db "$db" --stats > /dev/null 2>&1; then
  echo "demo: $db is from another newsindex version; rebuilding it" >&2
  rm -rf "$db"
fi
"$root/build/bin/newsindex" --db "$db" "${inputs[@]}"
echo
echo "\$ newsquery --db demo.db decoupling"
"$root/build/bin/newsquery" --db "$db" decoupling
