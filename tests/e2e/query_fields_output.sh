# The query side of a real news folder (issue 19): counts that agree with the listing, fields
# that are errors when mistyped, the category everywhere, output a person can read (batch
# headers, marked context, --show with its headings), and the command line's own errors.
source "$(dirname "$0")/lib.sh"

# A small corpus: dated and undated articles in two categories, one with two passages that name
# Gordon Brown and one where the words are apart, plus the seed article (headings, a caption).
mkdir -p "$TMP/corpus"
{
  printf '{"id": "b1", "title": "Budget day", "date": "2005-03-16", "category": "business", "text": "Gordon Brown presented the budget.\\n\\nBrown said Gordon would speak later.\\n\\nA third passage on growth."}\n'
  printf '{"id": "p1", "title": "Chancellor speaks", "date": "2005-01-10", "category": "politics", "text": "The chancellor, Gordon Brown, spoke about the budget.\\n\\nMore budget talk today."}\n'
  printf '{"id": "u1", "title": "Undated budget note", "category": "business", "text": "A budget note without a date: budget budget budget."}\n'
  printf '{"id": "u2", "title": "Another undated", "text": "One mention of the budget, and Brown Gordon written backwards."}\n'
  for i in $(seq 1 40); do
    printf '{"id": "g%d", "title": "Filler %d", "date": "2005-02-%02d", "category": "sport", "text": "Match report %d about football and rain."}\n' "$i" "$i" $((i % 28 + 1)) "$i"
  done
} >"$TMP/corpus/news.jsonl"
SEED="$SRC/corpus/abe-trump-japan-north-korea-decoupling-2018-06-06.txt"
cp "$SEED" "$TMP/corpus/seed.txt"
expect_status 0 "index the corpus" ni "$TMP/corpus"

# ---- Point 5: --count agrees with the listing, in both modes, also in --batch ----
listed() { nq --format json --limit 0 "$@" | wc -l; }
for q in '"gordon brown"' '=brown' 'gordon NEAR/2 brown' 'gordon ADJ/1 brown' 'budget' '"gordon brown" OR growth'; do
  for mode in "" --articles; do
    want="$(listed $mode "$q")"
    got="$(nq -c $mode "$q" || true)"
    if [[ "$got" == "$want" && "$want" != 0 ]]; then ok "-c $mode $q: $got, as listed"; else fail "-c $mode $q: count $got, listing $want"; fi
  done
done
want="$(listed --per-article 1 budget)"; got="$(nq -c --per-article 1 budget)"
if [[ "$got" == "$want" ]]; then ok "-c --per-article 1: $got, as listed"; else fail "-c --per-article 1: count $got, listing $want"; fi
expect_status 0 "-c --articles on a phrase exits 0" nq -c --articles '"gordon brown"'
check "two articles hold the phrase" grep -qx 2 "$TMP/out"
printf 'a\t"gordon brown"\nb\t=brown\nc\tzzzunknownword\n' >"$TMP/batch"
expect_status 0 "--batch -c --articles" nq --batch -c --articles <"$TMP/batch"
check "batch counts per query" diff <(printf 'a\t2\nb\t3\nc\t0\n') "$TMP/out"

# Copies of one story are listed once: counts, facets and histograms count them once too.
DB_ONE="$DB"
DB="$TMP/copies.db"
mkdir -p "$TMP/copies"
story="Harbour cranes stood still all week as the strike went on. $(for i in $(seq 1 20); do printf 'Dockers met again on day %s of the strike at the harbour. ' "$i"; done)"
for f in one two three; do
  printf '{"id": "c-%s", "title": "Harbour strike", "date": "2005-04-01", "category": "business", "text": "%s\\n\\nA closing line about harbour %s."}\n' "$f" "$story" "$f"
done >"$TMP/copies/wire.jsonl"
printf '{"id": "other", "title": "Crane sale", "category": "business", "text": "A crane was sold at the harbour."}\n' >>"$TMP/copies/wire.jsonl"
expect_status 0 "index a story in three copies" ni "$TMP/copies"
for q in harbour '"harbour cranes"' strike; do
  for mode in "" --articles; do
    want="$(listed $mode "$q")"
    got="$(nq -c $mode "$q" || true)"
    facet="$(nq --facet type -f json $mode "$q" | jq .total)"
    cat="$(nq --facet category -f json $mode "$q" | jq '[.counts[].count] | add')"
    hist="$(nq --histogram -f json $mode "$q" | jq .total)"
    if [[ "$got" == "$want" && "$facet" == "$want" && "$cat" == "$want" && "$hist" == "$want" ]]; then
      ok "copies once $mode $q: $want listed, counted, faceted, in the histogram"
    else
      fail "copies once $mode $q: listed $want, -c $got, --facet type $facet, --facet category $cat, --histogram $hist"
    fi
  done
done
DB="$DB_ONE"

# ---- Point 7: fields ----
expect_status 2 "a mistyped field is an error" nq categroy:tech
check "it names the field meant" grep -qx 'newsquery: unknown field "categroy" at column 1; did you mean "category"?' "$TMP/err"
check "nothing on stdout" test ! -s "$TMP/out"
expect_status 2 "field alone" nq 'title:'
check "empty field named" grep -q 'title: needs a value' "$TMP/err"
expect_status 2 "field then a space" nq 'title: budget'
check "empty field named again" grep -q 'title: needs a value' "$TMP/err"
expect_status 2 "empty quoted value" nq 'site:""'
for word in 're:invent' '10:30' 'https://example.com/budget/' 'Update: budget' 'std::budget'; do
  got=0; nq "$word" >/dev/null 2>"$TMP/err" || got=$?
  if [[ "$got" != 2 ]]; then ok "$word is words, not a field (exit $got)"; else fail "$word refused: $(cat "$TMP/err")"; fi
done
expect_status 1 "--plain never reads fields" nq --plain categroy:tech
expect_status 0 "a field in any case" nq 'CATEGORY:business'
printf 'q1\tcategroy:tech\nq2\tbudget\n' >"$TMP/batch"
expect_status 0 "--batch goes on past a mistyped field" nq --batch -f json <"$TMP/batch"
check "the line is named with the field meant" grep -q 'stdin:1: unknown field "categroy" at column 1; did you mean "category"?' "$TMP/err"
expect_status 0 "--correct" nq --correct budgte
check "--correct says what it searched" grep -qx 'newsquery: searched for: budget' "$TMP/err"
printf 'q1\tbudgte\n' >"$TMP/batch"
expect_status 0 "--batch --correct" nq --batch --correct -f json <"$TMP/batch"
check "each corrected line named on stderr" grep -qx 'newsquery: stdin:1: searched for: budget' "$TMP/err"
expect_status 1 "a typo inside a phrase" nq '"Gordn Brown"'
check "did you mean inside the phrase" grep -q 'did you mean: "gordon Brown"' "$TMP/err"
expect_status 0 "--help-query" nq --help-query
check "help lists the fields from the schema" bash -c "grep -q '^  category: ' '$TMP/out' && grep -q '^  section: *heading above the passage' '$TMP/out'"
check "help states the field rule" grep -q 're:invent' "$TMP/out"

# ---- Point 8: category ----
ids() { nq --format json --limit 0 "$@" | jq -r .article | sort -u | tr '\n' ' '; }
check "category: in passage mode" test "$(ids category:business)" == "b1 u1 "
check "category: in articles mode" test "$(ids --articles category:business)" == "b1 u1 "
check "section: in passage mode" test "$(ids 'section:"what about china"')" == "$TMP/corpus/seed.txt "
check "section: in articles mode" test "$(ids --articles 'section:"what about china"')" == "$TMP/corpus/seed.txt "
expect_status 0 "--facet category" nq --facet category -f json budget
check "counts per category" jq -e '.facet == "category" and ([.counts[] | {(.value): .count}] | add) == {"business": 2, "politics": 2}' "$TMP/out"
expect_status 0 "--facet category --articles" nq --facet category --articles -f json budget
check "articles per category" jq -e '([.counts[] | {(.value): .count}] | add) == {"business": 2, "politics": 1}' "$TMP/out"
expect_status 0 "--facet category --articles on a phrase" nq --facet category --articles -f json '"gordon brown"'
check "the articles the listing shows" jq -e '.total == 2 and ([.counts[] | {(.value): .count}] | add) == {"business": 1, "politics": 1}' "$TMP/out"
expect_status 0 "--histogram --articles on a phrase" nq --histogram --articles -f json '"gordon brown"'
check "two dated articles" jq -e '.total == 2 and .undated == 0' "$TMP/out"
expect_status 0 "--facet section is headings" nq --facet section -f json decoupling
check "a heading among the sections" jq -e '[.counts[].value] | index("Growing fears of U.S. decoupling from Japan") != null' "$TMP/out"
expect_status 0 "TSV with a header" nq -f tsv --header budget
check "category is the last column" bash -c "head -1 '$TMP/out' | awk -F'\t' '\$NF == \"category\" && NF == 13 {ok=1} END {exit !ok}'"
check "rows carry it" bash -c "awk -F'\t' 'NR > 1 && NF != 13 {exit 1} \$4 == \"b1\" && \$13 != \"business\" {exit 1}' '$TMP/out'"
expect_status 0 "format version 2" nq --format-version 2 budget
expect_status 2 "format version 1 is no longer produced" nq --format-version 1 budget
expect_status 0 "--version names format 2" nq --version
check "format 2" grep -q 'format 2' "$TMP/out"
expect_status 0 "text output" nq budget
check "text shows the category" grep -q '· category: business' "$TMP/out"

# ---- Point 9: reading output ----
printf 'q1\tbudget\nq2\tzzzunknownword\nq3\t(oops\n' >"$TMP/batch"
expect_status 0 "batch text" nq --batch -n 1 <"$TMP/batch"
check "every query has its header, in order" diff <(grep '^# ' "$TMP/out") <(printf '# q1: budget\n# q2: zzzunknownword\n# q2: no hits\n# q3: (oops\n# q3: not searched (malformed, see stderr)\n')
check "the hit follows its header" bash -c "grep -A1 '^# q1: budget' '$TMP/out' | tail -1 | grep -q '^1\. '"
expect_status 0 "batch json has no headers" nq --batch -f json <"$TMP/batch"
check "JSON only" bash -c "jq -e . '$TMP/out' >/dev/null"
expect_status 0 "-C 1, piped" nq -C 1 -n 1 '"speak later"'
check "hit and context marked as grep -n marks lines" diff <(grep -E '^   [0-9]+[:-] ' "$TMP/out") \
  <(printf '   1- Gordon Brown presented the budget.\n   2: Brown said Gordon would speak later.\n   3- A third passage on growth.\n')
expect_status 0 "-A 1 only" nq -A 1 -n 1 '"speak later"'
check "no context before, one after" bash -c "grep -Ec '^   [0-9]+- ' '$TMP/out' | grep -qx 1 && grep -q '^   3- ' '$TMP/out'"
expect_status 0 "no context: no marks" nq -n 1 '"speak later"'
check "the passage as it is" grep -qx '   Brown said Gordon would speak later.' "$TMP/out"
expect_status 0 "--snippet-length trims context" nq -C 1 -n 1 --snippet-length 12 '"speak later"'
check "context trimmed too" grep -qx '   1- Gordon Brown…' "$TMP/out"
expect_status 2 "-0 without --output" nq -0 budget
check "-0 error names --output" grep -q -- '--output' "$TMP/err"
expect_status 0 "-0 with --output" nq -0 --output articles budget
check "NUL-separated" bash -c "tr '\0' '\n' <'$TMP/out' | grep -qx b1"
expect_status 1 "--show past the last passage" nq --show 'b1#99'
check "names the article and its passages" grep -qx 'newsquery: b1 has 3 passages; there is no passage 99' "$TMP/err"
check "prints nothing" test ! -s "$TMP/out"
expect_status 0 "--show a passage that exists" nq --show 'b1#2'
expect_status 0 "--sort date" nq --sort date -f json -n 0 budget
check "oldest first, undated last" bash -c "jq -r '.date // \"-\"' '$TMP/out' | uniq | tr '\n' ' ' | grep -qx '2005-01-10 2005-03-16 - '"
expect_status 0 "--sort -date" nq --sort -date -f json -n 0 budget
check "newest first, undated last" bash -c "jq -r '.date // \"-\"' '$TMP/out' | uniq | tr '\n' ' ' | grep -qx '2005-03-16 2005-01-10 - '"
check "undated by relevance among themselves" bash -c "jq -s '[.[] | select(.date == null) | .score] | . == (sort | reverse)' '$TMP/out' | grep -qx true"
expect_status 2 "an unknown option" nq --bogus budget
check "one prefixed line with a hint" bash -c "[[ \$(wc -l <'$TMP/err') == 1 ]] && grep -q '^newsquery: .*--bogus.*newsquery --help' '$TMP/err'"
expect_status 2 "a bad number" nq --limit many budget
check "prefixed too" grep -q '^newsquery: ' "$TMP/err"
expect_status 0 "--help" nq --help
check "no {false} beside options on by default" bash -c "! grep -Eq '\\{(false|true)\\}' '$TMP/out' && grep -q -- '--mmap,--no-mmap  ' '$TMP/out'"

# ---- Issue 20: headings in --show ----
expect_status 0 "--show as JSON" nq --show "$TMP/corpus/seed.txt" -f json
check "headings in order, each above its first passage" jq -e '.headings == [
  {"text": "Growing fears of U.S. decoupling from Japan", "passage": 4},
  {"text": "Different U.S. and Japanese priorities on North Korea", "passage": 9},
  {"text": "What about China — and trade?", "passage": 14}]' "$TMP/out"
check "passages carry their section" jq -e '[.passages[] | select(.passage == 14) | .section] == ["What about China — and trade?"]' "$TMP/out"
expect_status 0 "--show as text" nq --show "$TMP/corpus/seed.txt"
check "heading lines between the passages, in order" diff <(grep '^## ' "$TMP/out") \
  <(printf '## Growing fears of U.S. decoupling from Japan\n## Different U.S. and Japanese priorities on North Korea\n## What about China — and trade?\n')
check "a heading stands right above its first passage" bash -c "grep -A2 '^## What about China' '$TMP/out' | tail -1 | grep -q '^\[14\]'"
expect_status 0 "--show one passage under a heading" nq --show "$TMP/corpus/seed.txt#15" -f json
check "its heading comes with it" jq -e '.headings == [{"text": "What about China — and trade?", "passage": 15}]' "$TMP/out"
finish
