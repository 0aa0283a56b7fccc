# Every output format, byte for byte: hits (text, colour, json, tsv, csv, trec), --articles, --explain,
# facets, the histogram, --show, --duplicates, --stats, --links-to, --list, --count and --batch over
# a small fixed index, compared with tests/fixtures/golden/. UPDATE_GOLDEN=1 rewrites the files.
# Which copy of a story stands for it hangs on a hash of its temporary path: the outputs avoid it.
source "$(dirname "$0")/lib.sh"
GOLDEN="$SRC/tests/fixtures/golden"
IN="$TMP/in"; mkdir -p "$IN/wire"
cp "$SRC/tests/fixtures/news/wire.jsonl" "$SRC"/corpus/*.txt "$SRC/tests/fixtures/html/metadata_og.html" "$IN/"
story="Officials in Tokyo said on Tuesday that the government would expand its missile defense program after a series of launches by North Korea. The plan calls for two new radar stations and additional interceptors on destroyers in the Sea of Japan."
printf 'Home > World\nJapan to expand missile defense\n- March 6, 2018\n%s\n' "$story" >"$IN/wire/agency.txt"
printf 'Home > Asia\nJAPAN TO EXPAND MISSILE DEFENSE\n- March 6, 2018\n%s\n' "$(echo "$story" | tr 'a-z' 'A-Z')" >"$IN/wire/outlet-b.txt"
# Characters every format escapes: tabs, newlines, backslashes, quotes, a control character.
printf '%s\n' '{"id": "esc\\1", "title": "Tabs\there \"quoted\" back\\slash", "date": "2018-06-02", "author": "Zoë Ünal", "category": "Odd\tdesk", "text": "Escapes: tab\there, quote \" and backslash \\ and bell \u0007 in tariffs text.\n\nSecond paragraph with café and naïve tariffs."}' >"$IN/odd.jsonl"
(cd "$TMP" && ni --jobs 1 in >/dev/null 2>&1)

out="$TMP/got"; mkdir -p "$out"
n=0
# run NAME ARGS...: newsquery's stdout and exit status, paths of the temporary tree made stable.
run() {
  local name="$1"; shift
  local status=0
  (cd "$TMP" && "$@") >"$out/$name" 2>/dev/null </dev/null || status=$?
  sed -i "s|$TMP|TMP|g" "$out/$name"
  echo "exit $status" >>"$out/$name"
  n=$((n + 1))
}
batch() {  # batch NAME ARGS...: the queries of $TMP/queries on stdin
  local name="$1"; shift
  local status=0
  (cd "$TMP" && "$@" --batch) <"$TMP/queries" >"$out/$name" 2>/dev/null || status=$?
  sed -i "s|$TMP|TMP|g" "$out/$name"
  echo "exit $status" >>"$out/$name"
  n=$((n + 1))
}
for f in text json tsv csv trec; do
  run "hits.$f" nq -f "$f" tariffs
  run "articles.$f" nq -f "$f" --articles tariffs decoupling
  run "explain.$f" nq -f "$f" --explain tariffs Japan
  run "explain-articles.$f" nq -f "$f" --articles --explain --proximity-weight 0.2 -n 4 tariffs Japan
  run "links-to.$f" nq -f "$f" --links-to https://news.example.com/2018/05/20/steel-tariffs/
  run "facet-site.$f" nq -f "$f" --facet site tariffs OR Japan OR missile
  run "histogram.$f" nq -f "$f" --histogram tariffs OR Japan OR missile
  run "show.$f" nq -f "$f" --show w3
  run "duplicates.$f" nq -f "$f" --duplicates
done
run hits.color nq --color always tariffs
run hits.context nq -C 1 --snippet-length 40 tariffs
run hits.context.json nq -f json -C 1 tariffs
run hits.tsv-header nq -f tsv --header tariffs
run hits.odd.json nq -f json backslash
run hits.odd.tsv nq -f tsv backslash
run hits.odd.csv nq -f csv backslash
run hits.odd.text nq backslash
run explain-context.json nq -f json --explain --context-weight 0.3 tariffs
run explain-context.text nq --explain --context-weight 0.3 tariffs
run explain.color nq --color always --explain --articles tariffs
for facet in month year author section category type; do run "facet-$facet.text" nq --facet "$facet" tariffs OR Japan; run "facet-$facet.json" nq -f json --facet "$facet" tariffs OR Japan; done
run facet-articles.json nq -f json --articles --facet site tariffs OR Japan
run histogram-day.text nq --histogram --histogram-unit day tariffs
run histogram-year.json nq -f json --histogram --histogram-unit year tariffs
run show-passage.text nq --show 'w3#2'
run show-passage.json nq -f json --show 'w3#2'
run show-odd.json nq -f json --show 'esc\1'
run show-odd.text nq --show 'esc\1'
run show-missing.text nq --show nosuch
run count nq -c tariffs
run count.csv nq -f csv -c tariffs
run nohits.json nq -f json zzzunknownword
run stats nq --stats
run stats.csv nq -f csv --stats
sed -i 's/"size_bytes":[0-9]*/"size_bytes":N/' "$out/stats"
sed -i -E '1s/,[0-9]+$/,N/' "$out/stats.csv"  # size_bytes, the last field
# A story's key hashes its first article's id, a path under the temporary directory.
sed -i -E 's/"story":"~[0-9a-f]+"/"story":"~H"/' "$out"/duplicates.json
sed -i -E 's/^~[0-9a-f]+,/~H,/' "$out"/duplicates.csv
run list.text ni --list
run list.json ni --list --format json
run list-under.json ni --list --format json in/wire
run list.csv ni --list --format csv
sed -i -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z?/TIME/g; s/"bytes":[0-9]+/"bytes":N/g; s/,[0-9]+,TIME,/,N,TIME,/' "$out"/list*
printf 'q1\ttariffs\nq2\tzzzunknownword\nq3\tJapan AND (\nmissile defense\n' >"$TMP/queries"
for f in text json tsv csv trec; do batch "batch.$f" nq -f "$f" --jobs 1; done
batch batch.count nq -c --jobs 1
batch batch.count.csv nq -f csv -c --jobs 1
batch batch.facet.json nq -f json --facet year --jobs 1

if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
  rm -f "$GOLDEN"/*; cp "$out"/* "$GOLDEN/"; echo "wrote $n golden files"; exit 0
fi
for g in "$GOLDEN"/*; do
  name="$(basename "$g")"
  if cmp -s "$g" "$out/$name"; then ok "$name"; else fail "$name differs: $(diff "$g" "$out/$name" | head -5)"; fi
done
check "as many outputs as golden files ($n)" test "$n" -eq "$(ls "$GOLDEN" | wc -l)"
finish
