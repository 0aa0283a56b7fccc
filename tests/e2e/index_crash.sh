# Crash safety: SIGKILL the indexer at several points of a run over a few thousand generated
# articles; after every kill the database opens, answers and has lost nothing it committed, and
# re-running converges to exactly the counts of an uninterrupted run.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
C="$TMP/corpus"; mkdir -p "$C/feeds" "$C/small"
gen_jsonl 1 2500 >"$C/feeds/big.jsonl"
for k in $(seq 1 30); do gen_jsonl $((5000 + k * 10)) 10 >"$C/small/part$k.jsonl"; done
cp "$SRC/corpus/"*.txt "$C/small/seed.txt"

DB="$TMP/ref"
expect_status 0 "uninterrupted reference run" ni -q --batch-size 200 "$C"
ref=$(stats_of "$DB")
check "reference indexed them (copies folded)" bash -c "jq -e '.articles > 2500 and .sources == 32' <<<'$ref' >/dev/null"

DB="$TMP/crash"
last=0 kills=0 finished=0
for delay in 0.2 0.5 0.9 1.4 2 3 4 6; do
  "$BIN/newsindex" --db "$DB" -q --batch-size 200 "$C" 2>"$TMP/kill.err" &
  pid=$!
  sleep "$delay"
  if ! kill -9 "$pid" 2>/dev/null; then
    wait "$pid" && { finished=1; break; }
  fi
  wait "$pid" 2>/dev/null || true
  kills=$((kills + 1))
  [[ -e "$DB/iamglass" ]] || continue  # killed before the database existed
  expect_status 0 "database opens after SIGKILL at ${delay}s" nq --stats
  now=$(jq .articles "$TMP/out")
  check "nothing committed was lost (${last} -> ${now} articles)" test "$now" -ge "$last"
  last=$now
  st=0; "$BIN/newsquery" --db "$DB" -c harbour >/dev/null 2>&1 || st=$?
  check "a query answers after the kill at ${delay}s (exit $st)" test "$st" -le 1
done
echo "# killed $kills times"
check "killed at least twice before the run could finish" test "$kills" -ge 2
expect_status 0 "a re-run completes the rest" ni -q --batch-size 200 "$C"
check "counts converge to the uninterrupted run's" test "$(stats_of "$DB")" = "$ref"
expect_status 0 "and another run has nothing left to do" ni "$C"
check "all unchanged" grep -q "0 articles indexed (0 of them copies of an indexed story), 0 passages, 0 links; 0 rejected, 32 unchanged" "$TMP/err"
finish
