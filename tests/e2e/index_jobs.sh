# The number of worker threads never changes the result: --jobs 1, 2 and 3 build the same
# index (counts, terms, rankings). Progress goes to a terminal only; the summary always.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
C="$TMP/corpus"; mkdir -p "$C"
gen_jsonl 1 3000 >"$C/big.jsonl"
for k in 1 2 3; do gen_jsonl $((5000 + k * 50)) 50 >"$C/small$k.jsonl"; done
cp "$SRC/corpus/"*.txt "$C/seed.txt"
for j in 1 2 3; do
  DB="$TMP/db$j"
  expect_status 0 "--jobs $j" ni --jobs "$j" "$C"
  cp "$TMP/err" "$TMP/err$j"
  stats_of "$DB" >"$TMP/stats$j"
  nq -f json --limit 50 harbour crane election >"$TMP/hits$j" || true
done
check "summaries agree" bash -c "diff <(sed 's/ in [0-9.]*s\$//' '$TMP/err1' | tail -1) <(sed 's/ in [0-9.]*s\$//' '$TMP/err2' | tail -1)"
check "--jobs 1 and 2: same counts" cmp -s "$TMP/stats1" "$TMP/stats2"
check "--jobs 1 and 3: same counts" cmp -s "$TMP/stats1" "$TMP/stats3"
check "same ranked hits" cmp -s "$TMP/hits1" "$TMP/hits2"
check "hits are not empty" test -s "$TMP/hits1"
check "no progress line when stderr is not a terminal" bash -c "! grep -q \$'\\r' '$TMP/err1'"
if script -qec true /dev/null >/dev/null 2>&1; then
  DB="$TMP/db-tty"
  script -qec "'$BIN/newsindex' --db '$DB' '$C'" "$TMP/typescript" >/dev/null 2>&1 || true
  check "on a terminal: a progress line with files, MB and a rate" grep -aEq "[0-9]+/[0-9]+ files, [0-9.]+/[0-9.]+ MB" "$TMP/typescript"
  check "the summary line as well" grep -aq "articles indexed (.* copies of an indexed story), .* passages, .* links;" "$TMP/typescript"
  DB="$TMP/db-quiet"
  script -qec "'$BIN/newsindex' --db '$DB' --quiet '$C'" "$TMP/typescript" >/dev/null 2>&1 || true
  check "--quiet: no progress line" bash -c "! grep -aEq '[0-9]+/[0-9]+ files' '$TMP/typescript'"
fi
finish
