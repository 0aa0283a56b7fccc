# What the sharding tests share (sourced by tests/e2e/shards.sh and parallel_shards.sh after
# lib.sh): their input, runs over its topics, and the admin answers that must agree.

# The input: Cranfield when ../shared has it (topics and judgements, so rankings can be scored),
# else the fixtures' news and corpus/ with four topics. NEAR: a query whose words lie close
# together in some passages.
EVAL="$SRC/../shared/eval/cranfield"
if [[ -f $EVAL/docs.jsonl ]]; then
  INPUT=(--input-format jsonl "$EVAL/docs.jsonl")
  TOPICS="$EVAL/topics.tsv"
  QRELS="$EVAL/qrels.txt"
  NEAR="heat transfer"
else
  INPUT=("$FIXTURES/news" "$SRC/corpus")
  TOPICS="$TMP/topics.tsv"
  printf '1\tjapan\n2\tnorth korea summit\n3\ttrade tariffs\n4\t"white house"\n' > "$TOPICS"
  QRELS=""
  NEAR="north korea summit"
fi
# Passage mode re-ranks 60 candidates a topic: its runs take the first 60 topics.
head -n 60 "$TOPICS" > "$TMP/topics60"

# indexed OPTIONS...: the input indexed with these newsindex options (exit 1, some input
# rejected, is expected: Cranfield has two empty records).
indexed() { "$BIN/newsindex" --quiet "$@" "${INPUT[@]}" 2>/dev/null || [[ $? == 1 ]]; }

# run NAME DB OPTIONS...: a TREC run over the topics into $TMP/NAME (*.passages*: the first 60).
run() {
  local name=$1 db=$2 topics=$TOPICS; shift 2
  [[ $name == *.passages* ]] && topics=$TMP/topics60
  "$BIN/newsquery" --db "$db" --batch --plain --format trec --limit 100 "$@" < "$topics" > "$TMP/$name" || [[ $? == 1 ]]
}

# same_ranking A B: runs $TMP/A and $TMP/B rank alike, scores equal to a relative 1e-10 (sums of
# the same numbers in another order differ in their last bits).
same_ranking() { python3 "$SRC/tests/e2e/lib/trec_agree.py" "$TMP/$1" "$TMP/$2"; }

# same_ndcg A B: runs $TMP/A and $TMP/B score the same nDCG@10 (true without judgements).
same_ndcg() {
  [[ -z $QRELS ]] && return 0
  local a b
  a=$("$BIN/newseval" --json "$QRELS" <(sed -E 's/^([^ ]+ Q0 [^ ]+)#[0-9]+ /\1 /' "$TMP/$1") | jq .ndcg_10)
  b=$("$BIN/newseval" --json "$QRELS" <(sed -E 's/^([^ ]+ Q0 [^ ]+)#[0-9]+ /\1 /' "$TMP/$2") | jq .ndcg_10)
  [[ -n $a && $a == "$b" ]]
}

# same_admin_answers A B: --list and the synonyms from meta/ agree, and on both a file indexed
# from a folder and then deleted is pruned.
same_admin_answers() {
  local db
  lists() { "$BIN/newsindex" --db "$1" --list --format json | jq -c 'del(.indexed_at)'; }
  check "--list: one line a source, the same sources" diff <(lists "$1") <(lists "$2")
  check "synonyms from meta/: the same answers" diff <("$BIN/newsquery" --db "$1" --format trec automobile) \
    <("$BIN/newsquery" --db "$2" --format trec automobile)
  mkdir -p "$TMP/tree" && cp "$TMP/a.jsonl" "$TMP/tree/c.jsonl"
  for db in "$1" "$2"; do "$BIN/newsindex" --db "$db" --quiet "$TMP/tree" 2>/dev/null; done
  rm "$TMP/tree/c.jsonl"
  for db in "$1" "$2"; do
    expect_status 0 "--prune a removed file" "$BIN/newsindex" --db "$db" --prune "$TMP/tree"
    check "the file's source is pruned" grep -q "1 removed" "$TMP/err"
  done
}
