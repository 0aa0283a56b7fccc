# A long batch reads the database through mappings while newsindex commits into it: every query is
# answered (a revision retired under the reader is retried, never an error), and on the final
# database mapped and unmapped reads print the same.
source "$(dirname "$0")/lib.sh"
words=(harbour crane ferry strike tariff steel export import rally market bank rate inflation
  court ruling senate vote budget deficit storm flood drought harvest wheat coal power grid
  union wage factory port shipping container freight rail airline fuel price)
make_corpus() {  # make_corpus FIRST COUNT FILE: articles with 60 words each from the list above
  awk -v first="$1" -v n="$2" -v list="${words[*]}" 'BEGIN {
    k = split(list, w, " "); srand(first)
    for (i = first; i < first + n; i++) {
      t = ""; for (j = 0; j < 60; j++) t = t w[int(rand() * k) + 1] " "
      printf "{\"id\": \"a%d\", \"title\": \"Story %d\", \"text\": \"%s\"}\n", i, i, t
    }
  }' >"$3"
}
make_corpus 1 3000 "$TMP/first.jsonl"
make_corpus 3001 3000 "$TMP/second.jsonl"
expect_status 0 "index the first half" ni --quiet "$TMP/first.jsonl"

for i in $(seq 1 1500); do printf 'q%d\t%s %s\n' "$i" "${words[i % ${#words[@]}]}" "${words[(i * 7) % ${#words[@]}]}"; done >"$TMP/queries"
"$BIN/newsquery" --db "$DB" --batch -j 2 -f trec --limit 5 <"$TMP/queries" >"$TMP/batch.out" 2>"$TMP/batch.err" &
reader=$!
# Single queries meanwhile, each with its re-ranking on two threads (two database handles, which
# a commit can leave at different revisions): every one answers, with nothing on stderr.
( for i in $(seq 1 150); do
    "$BIN/newsquery" --db "$DB" -j 2 -f json --limit 3 "${words[i % ${#words[@]}]} ${words[(i * 5) % ${#words[@]}]}" \
      >/dev/null 2>>"$TMP/single.err" || echo "query $i exit $?" >>"$TMP/single.err"
  done ) &
singles=$!
expect_status 0 "newsindex commits while the batch runs" ni --quiet --batch-size 50 "$TMP/second.jsonl"
reader_status=0
wait "$reader" || reader_status=$?
wait "$singles"
check "single queries during the commits all answer, quietly" test ! -s "$TMP/single.err"
check "the batch exits 0" test "$reader_status" -eq 0
check "with nothing on stderr" test ! -s "$TMP/batch.err"
check "every query answered" bash -c "cut -d' ' -f1 '$TMP/batch.out' | sort -u | wc -l | grep -qx 1500"

expect_status 0 "a batch on the final database" bash -c "'$BIN/newsquery' --db '$DB' --batch -f json --explain < '$TMP/queries'"
cp "$TMP/out" "$TMP/mapped.out"
expect_status 0 "the same batch with --no-mmap" bash -c "'$BIN/newsquery' --db '$DB' --batch --no-mmap -f json --explain < '$TMP/queries'"
check "prints the same" cmp -s "$TMP/out" "$TMP/mapped.out"
check "and finds the second half" grep -q '"article":"a5' "$TMP/out"
finish
