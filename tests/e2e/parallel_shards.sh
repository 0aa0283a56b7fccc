# --parallel-shards: a sharded index written by one writer per shard, articles partitioned by key,
# ranks as one database does (same order, scores equal to 1e-10, same nDCG@10); incremental
# runs, the newer copy of an id, --remove, --list, --prune, --compact and a stopped run behave as
# on one database.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
source "$(dirname "$0")/lib/sharding.sh"
ONE="$TMP/one" PAR="$TMP/par"
check "index as one database" indexed --db "$ONE"
check "index with --shards 3 --parallel-shards" indexed --db "$PAR" --shards 3 --parallel-shards
check "a stub of three glass shards" diff <(printf 'glass shard-0%s\n' 0 1 2) "$PAR/shards"
for i in 0 1 2; do
  check "shard $i holds articles" test "$("$BIN/newsquery" --db "$PAR/shard-0$i" --stats | jq .articles)" -gt 0
done

for mode in articles passages; do
  opts=(--articles)
  [[ $mode == passages ]] && opts=(--per-article 1)
  check "$mode: one database runs" run "one.$mode" "$ONE" "${opts[@]}"
  check "$mode: partitioned shards run" run "par.$mode" "$PAR" "${opts[@]}"
  check "$mode: a run has hits" test -s "$TMP/one.$mode"
  check "$mode: same order, scores equal to 1e-10" same_ranking "one.$mode" "par.$mode"
  check "$mode: same nDCG@10" same_ndcg "one.$mode" "par.$mode"
done
for what in "--facet type" "--facet year" "--count" "--count --articles"; do
  # shellcheck disable=SC2086
  check "$what: identical" diff <("$BIN/newsquery" --db "$ONE" --batch $what < "$TOPICS" 2>&1) \
    <("$BIN/newsquery" --db "$PAR" --batch $what < "$TOPICS" 2>&1)
done
# Every shard records every source: documents count them, everything else is as one database.
stats() { "$BIN/newsquery" --db "$1" --stats | jq -c 'del(.db, .size_bytes, .documents)'; }
check "--stats: the same figures" diff <(stats "$ONE") <(stats "$PAR")

expect_status 2 "--parallel-shards without --shards on a new index is refused" \
  "$BIN/newsindex" --db "$TMP/none" --parallel-shards "${INPUT[@]}"
check "the refusal names the flag and --shards" grep -q -- "--parallel-shards applies when creating a sharded index (with --shards N)" "$TMP/err"
"$BIN/newsindex" --db "$TMP/ordered" --shards 2 --quiet "$FIXTURES/news" 2>/dev/null || true
expect_status 2 "--parallel-shards on an index of one ordered writer is refused" \
  "$BIN/newsindex" --db "$TMP/ordered" --parallel-shards "$FIXTURES/news"
check "one line says why" bash -c "grep -c . '$TMP/err' | grep -qx 1 && grep -q 'one ordered writer' '$TMP/err'"

# Admin commands and incremental runs: the same outcome as one database.
gen_jsonl 1 40 > "$TMP/a.jsonl"
gen_jsonl 100 30 > "$TMP/b.jsonl"
A="$TMP/admin1" P="$TMP/admin3"
for db in "$A" "$P"; do
  shards=()
  [[ $db == "$P" ]] && shards=(--shards 3 --parallel-shards)
  expect_status 0 "index two files ($(basename "$db"))" "$BIN/newsindex" --db "$db" "${shards[@]}" --quiet \
    --synonyms "$FIXTURES/synonyms.txt" "$TMP/a.jsonl" "$TMP/b.jsonl"
done
gen_jsonl 41 10 >> "$TMP/a.jsonl"
# The same ids as b.jsonl's first five, with other words: the newer copy replaces the older.
gen_jsonl 100 5 | sed 's/"title": "Report/"title": "Zeppelin report/' > "$TMP/newer.jsonl"
for db in "$A" "$P"; do
  expect_status 0 "an incremental run goes on where the file grew" "$BIN/newsindex" --db "$db" "$TMP/a.jsonl"
  check "only the grown part is read" grep -q "10 articles indexed" "$TMP/err"
  expect_status 0 "a file with ids already indexed" "$BIN/newsindex" --db "$db" "$TMP/newer.jsonl"
  check "its copies replace the older ones" grep -q "replaces the copy from" "$TMP/err"
  check "each id once: 80 articles" test "$("$BIN/newsquery" --db "$db" --stats | jq .articles)" = 80
  check "the newer words are found" test "$("$BIN/newsquery" --db "$db" --count --articles zeppelin)" = 5
  expect_status 0 "--remove an article id" "$BIN/newsindex" --db "$db" --remove g3
  check "one article goes" grep -q "removed 0 sources, 1 articles" "$TMP/err"
  expect_status 0 "--remove a file" "$BIN/newsindex" --db "$db" --remove "$TMP/b.jsonl"
  check "its 25 remaining articles go" grep -q "removed 1 sources, 25 articles" "$TMP/err"
  expect_status 0 "--compact" "$BIN/newsindex" --db "$db" --compact
done
check "--stats after the changes: the same figures" diff <(stats "$A") <(stats "$P")
same_admin_answers "$A" "$P"
check "after --prune: the same figures" diff <(stats "$A") <(stats "$P")

# A stopped run: every shard commits what it was given; the next run ends where one run would.
gen_jsonl 1 10000 > "$TMP/big.jsonl"
"$BIN/newsindex" --db "$TMP/ref" --shards 3 --parallel-shards --quiet "$TMP/big.jsonl" 2>/dev/null
STOP="$TMP/stopped"
"$BIN/newsindex" --db "$STOP" --shards 3 --parallel-shards --quiet --batch-size 200 "$TMP/big.jsonl" 2> "$TMP/stop.err" &
pid=$!
for _ in $(seq 300); do
  n=$("$BIN/newsquery" --db "$STOP" --stats 2>/dev/null | jq -r '.articles // 0' 2>/dev/null || echo 0)
  [[ ${n:-0} -gt 0 ]] && break
  sleep 0.1
done
kill -INT "$pid"
st=0; wait "$pid" || st=$?
if [[ $st == 0 ]]; then
  echo "# skip: the run finished before SIGINT arrived"
else
  check "SIGINT: exit 2, interrupted" bash -c "[[ $st == 2 ]] && grep -q interrupted '$TMP/stop.err'"
  expect_status 0 "SIGINT: --list marks the source incomplete" "$BIN/newsindex" --db "$STOP" --list --format json
  check "incomplete" jq -e '.complete == false' "$TMP/out" > /dev/null
  expect_status 0 "SIGINT: the next run finishes" "$BIN/newsindex" --db "$STOP" "$TMP/big.jsonl"
  check "counts equal an uninterrupted run's" diff <(stats "$TMP/ref") <(stats "$STOP")
fi
finish
