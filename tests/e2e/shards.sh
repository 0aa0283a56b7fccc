# Sharded indexes: the same input with --shards 1 and --shards 3 gives the same rankings (TREC
# runs over the eval topics, articles and passage mode, nDCG@10), facets and counts; every
# admin command works on shards as on one database.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
source "$(dirname "$0")/lib/sharding.sh"
ONE="$TMP/one" THREE="$TMP/three"
check "index with --shards 1" indexed --db "$ONE" --shards 1
check "index with --shards 3" indexed --db "$THREE" --shards 3
check "a stub of three glass shards" diff <(printf 'glass shard-0%s\n' 0 1 2) "$THREE/shards"
check "meta/ beside the shards, not in the stub" test -d "$THREE/meta" -a -d "$THREE/shard-02"

# The runs compared: newsquery's options for each (*-from-passages: feedback from the feedback
# articles' best passages, as on long articles).
MODES=(articles proximity passages passages-uncapped articles-from-passages passages-from-passages)
mode_opts() {
  case $1 in
    articles) opts=(--articles) ;;
    proximity) opts=(--articles --proximity-weight 0.3) ;;
    passages) opts=(--per-article 1) ;;
    passages-uncapped) opts=() ;;
    articles-from-passages) opts=(--articles --feedback-from passages) ;;
    passages-from-passages) opts=(--per-article 1 --feedback-from passages) ;;
  esac
}
for mode in "${MODES[@]}"; do
  mode_opts "$mode"
  check "$mode: --shards 1 runs" run "one.$mode" "$ONE" "${opts[@]}"
  check "$mode: --shards 3 runs" run "three.$mode" "$THREE" "${opts[@]}"
  check "$mode: a run has hits" test -s "$TMP/one.$mode"
  check "$mode: same order, scores equal to 1e-10" same_ranking "one.$mode" "three.$mode"
  # An uncapped passage run names an article several times: not a run to judge.
  [[ $mode == passages-uncapped ]] || check "$mode: same nDCG@10" same_ndcg "one.$mode" "three.$mode"
done
single() {  # single DB: the first topics one query at a time, re-ranking on two threads where it can
  head -n 5 "$TOPICS" | while IFS=$'\t' read -r qid text; do
    "$BIN/newsquery" --db "$1" --jobs 2 --plain --format trec "$text" | sed "s/^1 /$qid /" || [[ $? == 1 ]]
  done > "$TMP/$2"
}
check "single queries run" single "$ONE" one.single
check "single queries on shards run" single "$THREE" three.single
check "single queries: same ranking" same_ranking one.single three.single
for what in "--facet type" "--facet year" "--count" "--count --articles"; do
  # shellcheck disable=SC2086
  check "$what: identical" diff <("$BIN/newsquery" --db "$ONE" --batch $what < "$TOPICS" 2>&1) \
    <("$BIN/newsquery" --db "$THREE" --batch $what < "$TOPICS" 2>&1)
done
stats() { "$BIN/newsquery" --db "$1" --stats | jq -c 'del(.db, .size_bytes)'; }
check "--stats: the same figures" diff <(stats "$ONE") <(stats "$THREE")

# Remote shards: three newsquery-servers on loopback, ports chosen by the kernel; a view of
# `remote` stub lines and a copy of meta/ answers byte for byte as the local shards do.
SERVERS=()
trap 'kill "${SERVERS[@]}" 2>/dev/null; rm -rf "$TMP"' EXIT
VIEW="$TMP/view"
mkdir -p "$VIEW" && cp -r "$THREE/meta" "$VIEW/"
for i in 0 1 2; do
  "$BIN/newsquery-server" --listen 127.0.0.1:0 "$THREE/shard-0$i" 2> "$TMP/server$i.log" &
  SERVERS+=($!)
done
for i in 0 1 2; do
  for _ in $(seq 100); do grep -q "listening on" "$TMP/server$i.log" && break; sleep 0.1; done
  echo "remote $(grep -o '127\.0\.0\.1:[0-9]*' "$TMP/server$i.log")" >> "$VIEW/shards"
done
check "three servers say where they listen" test "$(grep -c '^remote 127.0.0.1:[0-9]' "$VIEW/shards")" = 3
head -n 10 "$TOPICS" > "$TMP/topics10"
for mode in "${MODES[@]}"; do
  # Positions are not sent over the remote protocol: each shard computes its passages' proximity.
  mode_opts "$mode"
  # Per-document reads (re-ranking's termlists, a listing's story values) are a round trip each
  # on remote shards: the remote runs take fewer topics.
  topics=$TMP/topics60
  [[ $mode == passages* ]] && topics=$TMP/topics10
  check "$mode: the remote view answers" bash -c "'$BIN/newsquery' --db '$VIEW' --batch --plain --format trec --limit 100 ${opts[*]} < '$topics' > '$TMP/remote.$mode' || [[ \$? == 1 ]]"
  check "$mode: the remote view has hits" test -s "$TMP/remote.$mode"
  check "$mode: remote and local shards byte-identical" diff <("$BIN/newsquery" --db "$THREE" --batch --plain --format trec --limit 100 "${opts[@]}" < "$topics") "$TMP/remote.$mode"
done
# --explain reads each hit's termlist, length and term frequencies: the same numbers remotely.
for mode in "--articles" "--articles --proximity-weight 0.3" "--per-article 1"; do
  # shellcheck disable=SC2086
  check "remote --explain $mode: identical" diff <("$BIN/newsquery" --db "$THREE" --batch --format json --explain $mode < "$TMP/topics10") \
    <("$BIN/newsquery" --db "$VIEW" --batch --format json --explain $mode < "$TMP/topics10")
done
check "remote --explain: term parts and proximity are there" bash -c "'$BIN/newsquery' --db '$VIEW' --format json --explain --articles --proximity-weight 0.3 '$NEAR' | jq -s -e 'any(.[]; .explain.article.terms | length > 0) and (map(.explain.proximity.max) | max > 0)' > /dev/null"
for what in "--facet type" "--count" "--count --articles"; do
  # shellcheck disable=SC2086
  check "remote $what: identical" diff <("$BIN/newsquery" --db "$THREE" --batch $what < "$TMP/topics10" 2>&1) \
    <("$BIN/newsquery" --db "$VIEW" --batch $what < "$TMP/topics10" 2>&1)
done
check "remote --stats: the same figures" diff <(stats "$THREE") <(stats "$VIEW")
STDIO="$TMP/stdio-view"
mkdir -p "$STDIO" && cp -r "$THREE/meta" "$STDIO/"
for i in 0 1 2; do echo "remote :$BIN/newsquery-server --stdio $THREE/shard-0$i"; done > "$STDIO/shards"
check "--stdio shards (as over ssh): identical" diff <("$BIN/newsquery" --db "$THREE" --batch --format trec --articles < "$TMP/topics10") \
  <("$BIN/newsquery" --db "$STDIO" --batch --format trec --articles < "$TMP/topics10")
kill -STOP "${SERVERS[1]}"
expect_status 2 "a stalled shard: exit 2 within --timeout" "$BIN/newsquery" --db "$VIEW" --timeout 1 --articles flow
check "one line naming the stalled shard" bash -c "grep -c . '$TMP/err' | grep -qx 1 && grep -q 'shard 1 (remote 127.0.0.1:' '$TMP/err'"
kill -CONT "${SERVERS[1]}"
kill "${SERVERS[2]}"
wait "${SERVERS[2]}" 2>/dev/null || true
check "SIGTERM stops a server" bash -c "! kill -0 ${SERVERS[2]} 2>/dev/null"
expect_status 2 "a dead shard: exit 2" "$BIN/newsquery" --db "$VIEW" --articles flow
check "one line naming the dead shard" bash -c "grep -c . '$TMP/err' | grep -qx 1 && grep -q 'shard 2 (remote 127.0.0.1:' '$TMP/err'"

# Admin commands on a sharded index behave as on one database.
gen_jsonl 1 40 > "$TMP/a.jsonl"
gen_jsonl 100 30 > "$TMP/b.jsonl"
A="$TMP/admin1" B="$TMP/admin3"
for db in "$A" "$B"; do
  shards=()
  [[ $db == "$B" ]] && shards=(--shards 3)
  expect_status 0 "index two files ($(basename "$db"))" "$BIN/newsindex" --db "$db" "${shards[@]}" --quiet \
    --synonyms "$FIXTURES/synonyms.txt" "$TMP/a.jsonl" "$TMP/b.jsonl"
done
expect_status 2 "another shard count than the index has is refused" "$BIN/newsindex" --db "$B" --shards 2 "$TMP/a.jsonl"
check "the refusal says how many shards there are" grep -q "has 3 shards, not 2" "$TMP/err"
expect_status 2 "--shards on one database is refused" "$BIN/newsindex" --db "$A" --shards 3 "$TMP/a.jsonl"
gen_jsonl 41 10 >> "$TMP/a.jsonl"
for db in "$A" "$B"; do
  expect_status 0 "an incremental run goes on where the file grew" "$BIN/newsindex" --db "$db" "$TMP/a.jsonl"
  check "only the grown part is read" grep -q "10 articles indexed" "$TMP/err"
  expect_status 0 "--remove a file" "$BIN/newsindex" --db "$db" --remove "$TMP/b.jsonl"
  check "its 30 articles go" grep -q "removed 1 sources, 30 articles" "$TMP/err"
  expect_status 0 "--compact" "$BIN/newsindex" --db "$db" --compact
done
check "--stats after the changes: the same figures" diff <(stats "$A") <(stats "$B")
check "a synonym finds articles" test -n "$("$BIN/newsquery" --db "$B" --format trec --count automobile 2>/dev/null)"
same_admin_answers "$A" "$B"
printf '1\tharbour crane\n2\tsenate budget\n3\tvaccine\n' > "$TMP/after-topics"
for mode in --articles --per-article=1; do
  for db in A B; do "$BIN/newsquery" --db "${!db}" --batch --format trec $mode < "$TMP/after-topics" > "$TMP/after.$db$mode"; done
  check "$mode after the changes: same ranking" same_ranking "after.A$mode" "after.B$mode"
done
finish
