# tag: finds exactly the articles the publisher tagged so (tests/fixtures/tags: HTML article:tag,
# JSON-LD keywords, JSON Lines tags and keywords), whole and in any letter case, in passage and
# article mode; tags change no score; empty, huge and non-UTF-8 keyword values are indexed safely.
source "$(dirname "$0")/lib.sh"
mkdir -p "$TMP/a/in" "$TMP/b/in"
cp "$SRC"/tests/fixtures/tags/* "$TMP/a/in/"
(cd "$TMP/a" && expect_status 0 "index tagged HTML and JSON Lines" ni in)

# articles QUERY...: the ids of the articles matched, sorted, on one line.
articles() { nq -f json --articles -n 100 "$@" 2>/dev/null | jq -r .article | sort | tr '\n' ' '; }
same() {  # same "description" GOT WANT
  if [[ "$2" == "$3" ]]; then ok "$1"; else fail "$1: got '$2', wanted '$3'"; fi
}
floods=https://news.example.com/2024/06/03/floods/
harvest=https://news.example.com/2024/09/10/harvest/
same 'tag:"climate change": the HTML article:tag, the JSON-LD keyword, the JSON tag' \
  "$(articles 'tag:"climate change"')" "$floods $harvest w1 "
same "letter case does not matter" "$(articles 'tag:"CLIMATE Change"')" "$floods $harvest w1 "
same "the words of a tag, run together" "$(articles tag:climatechange)" "$floods $harvest w1 "
same "a tag is matched whole: tag:climate finds nothing" "$(articles tag:climate)" ""
same "a keywords string is split at commas and semicolons" "$(articles tag:markets)" "w2 "
same "tag:energy: a JSON tag and a keywords entry" "$(articles tag:Energy)" "w1 w2 "
same "a site-wide keywords meta gives way to article:tag" "$(articles tag:news)" ""
same "meta keywords give way to JSON-LD keywords" "$(articles tag:farming)" ""
same "accents ignored, as in every term" "$(articles tag:zurich)" "w5 "
same "two tags: either" "$(articles tag:floods tag:oil)" "$floods w2 "
same "a tag with words: only the tagged articles" "$(articles flood 'tag:"climate change"')" "$floods $harvest w1 "
same "excluded with -" "$(articles -- flood -tag:floods)" "https://news.example.com/2024/06/20/barrier/ $harvest w1 w3 "
same "excluded with NOT" "$(articles 'flood NOT tag:floods')" "https://news.example.com/2024/06/20/barrier/ $harvest w1 w3 "
same "excluded with AND NOT, two tags" "$(articles 'flood AND NOT (tag:floods OR tag:"heat wave")')" "https://news.example.com/2024/06/20/barrier/ $harvest w3 "
nq -f json 'tag:"heat wave"' >"$TMP/hits" 2>/dev/null || true
check "passage mode: every passage of the tagged article" \
  jq -se 'length == 2 and all(.[]; .article == "w1")' "$TMP/hits" >/dev/null
expect_status 0 "--show keeps the tags as written" nq -f json --show w1
check "  Climate change, Energy, Heat Wave" jq -e '.tags == ["Climate change", "Energy", "Heat Wave"]' "$TMP/out" >/dev/null
expect_status 0 "--help-query lists tag:" nq --help-query
check "  with its example" grep -q 'tag:"climate change"' "$TMP/out"

# The same articles without their tags rank exactly as they do with them.
cp "$SRC"/tests/fixtures/tags/*.html "$TMP/b/in/"
sed -i -E '/article:tag|name="keywords"/d; s/,"keywords":\[[^]]*\]//' "$TMP/b/in"/*.html
jq -c 'del(.tags, .keywords)' "$SRC/tests/fixtures/tags/wire.jsonl" >"$TMP/b/in/wire.jsonl"
check "the copies have no tags" bash -c "! grep -qi 'keywords\|article:tag\|\"tags\"' '$TMP/b/in'/*"
DB_TAGGED="$DB"; DB="$TMP/b/db"
(cd "$TMP/b" && expect_status 0 "index the untagged copies" ni in)
for q in flood "flood rain" "climate change" "harvest OR oil"; do
  for mode in "" --articles; do
    got=$("$BIN/newsquery" --db "$DB_TAGGED" -f tsv $mode -n 50 "$q" | sed "s|$TMP/a/||")
    want=$("$BIN/newsquery" --db "$DB" -f tsv $mode -n 50 "$q" | sed "s|$TMP/b/||")
    same "'$q' $mode ranks and scores as without tags" "$got" "$want"
  done
done
[[ "$(nq -f tsv -n 50 flood | wc -l)" -gt 4 ]] && ok "  (the ranking compared has hits)" || fail "no hits to compare"

# Malformed keywords: an empty value, a huge list, a huge tag, bytes that are not UTF-8.
mkdir -p "$TMP/c"
DB="$TMP/c/db"
{
  printf '{"id":"huge-list","text":"A story with a stuffed keyword list.","keywords":"'
  for i in $(seq 0 49999); do printf 'k%d, ' "$i"; done
  printf '"}\n'
  printf '{"id":"huge-tag","text":"A story with one enormous tag.","tags":["%s","Small"]}\n' "$(head -c 300000 /dev/zero | tr '\0' x)"
  printf '{"id":"empty","text":"A story with empty keywords.","keywords":" , ;; ,","tags":[""]}\n'
} >"$TMP/c/odd.jsonl"
printf '<html><head><meta name="keywords" content="Z\xfcrich, Gen\xe8ve, caf\xe9"></head><body><article><h1>Lake festival</h1><p>The lake festival opened in Z\xfcrich on Saturday with boats, music and a caf\xe9 on every pier, and the organisers expect a record crowd.</p></article></body></html>\n' >"$TMP/c/latin1.html"
printf '<html><head><meta charset="utf-8"><meta name="keywords" content="bad\xff\xfebytes, Fine"></head><body><article><h1>Broken bytes</h1><p>A page that declares UTF-8 but holds bytes that are not, in its keywords, still reads as a page.</p></article></body></html>\n' >"$TMP/c/badutf8.html"
expect_status 0 "index empty, huge and non-UTF-8 keywords" ni "$TMP/c"
same "a stuffed list keeps its first 32 tags" "$(articles tag:k31)" "huge-list "
same "  and no more" "$(articles tag:k32)" ""
same "an enormous tag is left out, the others kept" "$(articles tag:small)" "huge-tag "
same "empty keywords give no tag" "$(nq -c tag:empty 2>/dev/null)" "0"
expect_status 0 "an article with empty keywords is indexed" nq -f json --show empty
check "  without tags" jq -e 'has("tags") | not' "$TMP/out" >/dev/null
same "an undeclared Latin-1 page's tags are read as text" "$(articles tag:genève)" "$TMP/c/latin1.html "
same "bad bytes in a UTF-8 page do not cost its other tags" "$(articles tag:fine)" "$TMP/c/badutf8.html "
finish
