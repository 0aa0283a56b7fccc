# Sharded indexes: the same input with --shards 1 and --shards 3 gives the same rankings (TREC
# runs over the eval topics, articles and passage mode, nDCG@10), facets and counts; every
# admin command works on shards as on one database.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
EVAL="$SRC/../shared/eval/cranfield"
if [[ -f $EVAL/docs.jsonl ]]; then
  INPUT=(--input-format jsonl "$EVAL/docs.jsonl")
  TOPICS="$EVAL/topics.tsv"
  QRELS="$EVAL/qrels.txt"
else
  INPUT=("$FIXTURES/news" "$SRC/corpus")
  TOPICS="$TMP/topics.tsv"
  printf '1\tjapan\n2\tnorth korea summit\n3\ttrade tariffs\n4\t"white house"\n' > "$TOPICS"
  QRELS=""
fi
ONE="$TMP/one" THREE="$TMP/three"
indexed() { "$BIN/newsindex" --quiet "$@" "${INPUT[@]}" 2>/dev/null || [[ $? == 1 ]]; }
check "index with --shards 1" indexed --db "$ONE" --shards 1
check "index with --shards 3" indexed --db "$THREE" --shards 3
check "a stub of three glass shards" diff <(printf 'glass shard-0%s\n' 0 1 2) "$THREE/shards"
check "meta/ beside the shards, not in the stub" test -d "$THREE/meta" -a -d "$THREE/shard-02"

canon() { python3 "$SRC/tests/e2e/lib/trec_canon.py" "$1"; }
# Passage mode re-ranks 60 candidates a topic: its runs take the first 60 topics.
head -n 60 "$TOPICS" > "$TMP/topics60"
run() {  # run NAME DB options...: a TREC run over the topics into $TMP/NAME
  local name=$1 db=$2 topics=$TOPICS; shift 2
  [[ $name == *.passages* ]] && topics=$TMP/topics60
  "$BIN/newsquery" --db "$db" --batch --plain --format trec --limit 100 "$@" < "$topics" > "$TMP/$name" || [[ $? == 1 ]]
}
same_ranking() { diff <(canon "$TMP/$1") <(canon "$TMP/$2") > /dev/null; }
same_ndcg() {
  [[ -z $QRELS ]] && return 0
  local a b
  a=$("$BIN/newseval" --json "$QRELS" <(sed -E 's/^([^ ]+ Q0 [^ ]+)#[0-9]+ /\1 /' "$TMP/$1") | jq .ndcg_10)
  b=$("$BIN/newseval" --json "$QRELS" <(sed -E 's/^([^ ]+ Q0 [^ ]+)#[0-9]+ /\1 /' "$TMP/$2") | jq .ndcg_10)
  [[ -n $a && $a == "$b" ]]
}
for mode in articles passages passages-uncapped; do
  opts=(--articles)
  [[ $mode == passages ]] && opts=(--per-article 1)
  [[ $mode == passages-uncapped ]] && opts=()
  check "$mode: --shards 1 runs" run "one.$mode" "$ONE" "${opts[@]}"
  check "$mode: --shards 3 runs" run "three.$mode" "$THREE" "${opts[@]}"
  check "$mode: a run has hits" test -s "$TMP/one.$mode"
  check "$mode: same order, scores equal at 12 digits" same_ranking "one.$mode" "three.$mode"
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
lists() { "$BIN/newsindex" --db "$1" --list --format json | jq -c 'del(.indexed_at)'; }
check "--list: the same sources" diff <(lists "$A") <(lists "$B")
check "--stats after the changes: the same figures" diff <(stats "$A") <(stats "$B")
check "synonyms from meta/: the same answers" diff <("$BIN/newsquery" --db "$A" --format trec automobile) \
  <("$BIN/newsquery" --db "$B" --format trec automobile)
check "a synonym finds articles" test -n "$("$BIN/newsquery" --db "$B" --format trec --count automobile 2>/dev/null)"
mkdir -p "$TMP/tree" && cp "$TMP/a.jsonl" "$TMP/tree/c.jsonl"
for db in "$A" "$B"; do "$BIN/newsindex" --db "$db" --quiet "$TMP/tree" 2>/dev/null; done
rm "$TMP/tree/c.jsonl"
for db in "$A" "$B"; do
  expect_status 0 "--prune a removed file" "$BIN/newsindex" --db "$db" --prune "$TMP/tree"
  check "the file's source is pruned" grep -q "1 removed" "$TMP/err"
done
for mode in --articles --per-article=1; do
  check "$mode after the changes: same ranking" diff \
    <(printf '1\tharbour crane\n2\tsenate budget\n3\tvaccine\n' | "$BIN/newsquery" --db "$A" --batch --format trec $mode | python3 "$SRC/tests/e2e/lib/trec_canon.py" /dev/stdin) \
    <(printf '1\tharbour crane\n2\tsenate budget\n3\tvaccine\n' | "$BIN/newsquery" --db "$B" --batch --format trec $mode | python3 "$SRC/tests/e2e/lib/trec_canon.py" /dev/stdin)
done
finish
