# SIGINT/SIGTERM: the indexer commits what it has done, prints the summary and "interrupted",
# exits 2; the next run goes on where it stopped and ends with the counts of an uninterrupted run.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
gen_jsonl 1 10000 >"$TMP/big.jsonl"
DB="$TMP/ref"
expect_status 0 "reference run" ni -q "$TMP/big.jsonl"
ref=$(stats_of "$DB")

for sig in INT TERM; do
  DB="$TMP/db-$sig"
  "$BIN/newsindex" --db "$DB" -q --batch-size 500 "$TMP/big.jsonl" 2>"$TMP/sig.err" &
  pid=$!
  # Wait for a first commit, then ask it to stop.
  for _ in $(seq 300); do
    n=$("$BIN/newsquery" --db "$DB" --stats 2>/dev/null | jq -r '.articles // 0' 2>/dev/null || echo 0)
    [[ ${n:-0} -gt 0 ]] && break
    sleep 0.1
  done
  kill -"$sig" "$pid"
  st=0; wait "$pid" || st=$?
  if [[ $st == 0 ]]; then
    echo "# skip: the run finished before SIG$sig arrived"
    continue
  fi
  check "SIG$sig: exit status 2 (got $st)" test "$st" = 2
  check "SIG$sig: says interrupted" grep -q "interrupted: the work done so far is committed" "$TMP/sig.err"
  check "SIG$sig: the summary line is printed" grep -q "articles indexed (.* copies of an indexed story), .* passages, .* links;" "$TMP/sig.err"
  expect_status 0 "SIG$sig: the database answers" nq --stats
  done_n=$(jq .articles "$TMP/out")
  check "SIG$sig: work was committed ($done_n articles)" test "$done_n" -gt 0
  expect_status 0 "SIG$sig: --list marks the source incomplete" ni --list --format json
  check "SIG$sig: incomplete" jq -e '.complete == false' "$TMP/out"
  expect_status 0 "SIG$sig: the next run finishes" ni "$TMP/big.jsonl"
  check "SIG$sig: it went on after the indexed lines" grep -q "1 resumed" "$TMP/err"
  check "SIG$sig: counts equal the uninterrupted run's" test "$(stats_of "$DB")" = "$ref"
done
finish
