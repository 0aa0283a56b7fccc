# The seed article indexed and searched through the two real binaries: JSON, TSV, exit codes.
source "$(dirname "$0")/lib.sh"
SEED="$SRC/corpus"

expect_status 0 "index corpus/" ni "$SEED"
check "summary line on stderr" grep -q "1 articles indexed (0 of them copies of an indexed story), 19 passages, 3 links; 0 rejected" "$TMP/err"

expect_status 0 "decoupling matches" nq --format json decoupling
check "every JSON line parses" jq -e . "$TMP/out" >/dev/null
check "decoupling passage ranks in the top 2" bash -c \
  "head -2 '$TMP/out' | jq -r .text | grep -q '^This adds to growing fear of “decoupling”'"
jq -c 'select(.text | startswith("This adds to growing fear"))' "$TMP/out" >"$TMP/hit"
check "hit has its section heading" jq -e '.section == "Growing fears of U.S. decoupling from Japan"' "$TMP/hit"
check "hit has date and title" jq -e '.date == "2018-06-06" and (.title | startswith("Abe is back to talk to Trump"))' "$TMP/hit"
check "hit type, rank, score, passage" jq -e '.type == "passage" and .rank >= 1 and .score > 0 and .passage == 8 and .caption == false' "$TMP/hit"
check "article id is the source path" jq -e '.article | endswith("abe-trump-japan-north-korea-decoupling-2018-06-06.txt")' "$TMP/hit"
check "matches cover the word decoupling" bash -c \
  "jq -r '.text as \$t | .matches[] | \"\(.[0]) \(.[1])\"' '$TMP/hit' | while read s e; do \
     python3 -c 'import sys; t=open(sys.argv[1]).read(); import json; h=json.loads(t); b=h[\"text\"].encode(); print(b[int(sys.argv[2]):int(sys.argv[3])].decode())' '$TMP/hit' \$s \$e; done | grep -qx 'decoupling'"
check "JSON key order is the contract" bash -c \
  "head -1 '$TMP/out' | jq -r 'keys_unsorted | join(\",\")' | grep -q '^rank,score,type,article,title,date,url,source,passage,section,'"

expect_status 0 "a heading's words find the passages under it" nq --format json --limit 0 Different priorities
check "section passages found" bash -c "jq -r .section '$TMP/out' | grep -q 'Different U.S. and Japanese priorities on North Korea'"

expect_status 0 "link records are searchable" nq --format json --limit 0 nuclear war less likely
check "link hit with canonical url, anchor and date" bash -c "jq -c 'select(.type==\"link\")' '$TMP/out' | head -1 | jq -e '
  .url == \"https://www.washingtonpost.com/news/monkey-cage/wp/2018/01/03/why-nuclear-war-with-north-korea-is-less-likely-than-you-think/\"
  and .text == \"Why nuclear war with North Korea is less likely than you think\"
  and .link_date == \"2018-01-03\" and .passage == 6 and .date == \"2018-06-06\"'"
expect_status 0 "slug words of a link are searchable" nq --format json --limit 0 supermajority
check "slug hit is the link" bash -c "jq -r .type '$TMP/out' | grep -qx link"
expect_status 1 "no shortcode leaks into passages" nq --format json --limit 0 interstitial_link OR url OR utm_term
check "no interstitial text" bash -c "! grep -q 'interstitial_link' '$TMP/out'"

expect_status 0 "caption is a passage flagged caption" nq --format json 'type:caption'
check "caption flag" jq -e '.caption == true and (.text | endswith("(AP)"))' "$TMP/out"

expect_status 0 "TSV output" nq --format tsv --limit 5 decoupling
check "TSV has 13 fields per line and no header" bash -c "awk -F'\t' 'NF!=13{exit 1} \$1==\"rank\"{exit 1}' '$TMP/out'"
expect_status 0 "TSV header on request" nq --format tsv --header decoupling
check "header names the fields" bash -c "head -1 '$TMP/out' | grep -q '^rank	score	type	article	passage	date	title	section	url	source	text	matches	category$'"

expect_status 1 "no match exits 1" nq zzzyzzyva
check "no match prints nothing" test ! -s "$TMP/out"
expect_status 2 "malformed query exits 2" nq '(decoupling'
check "malformed query message" grep -q "malformed query" "$TMP/err"
expect_status 2 "missing database exits 2" "$BIN/newsquery" --db "$TMP/nope" decoupling
check "missing database named" grep -q "$TMP/nope" "$TMP/err"

expect_status 0 "--stats" nq --stats
check "stats object" jq -e '.schema_version == 6 and .articles == 1 and .copies == 0 and .stories == 1 and .passages == 19 and .links == 3 and .terms > 100 and .size_bytes > 0' "$TMP/out"

expect_status 0 "re-index unchanged file" ni "$SEED"
check "unchanged file skipped" grep -q "0 articles indexed (0 of them copies of an indexed story), 0 passages, 0 links; 0 rejected, 1 unchanged" "$TMP/err"
expect_status 0 "--force re-index" ni --force "$SEED"
expect_status 0 "--stats after re-index" nq --stats
check "no duplicates after re-index" jq -e '.articles == 1 and .passages == 19 and .links == 3' "$TMP/out"

cp "$SEED"/*.txt "$TMP/copy.txt"
printf 'Home > News > Extra\nExtra story\n- June 7, 2018\nA decoupling story appears.\n' >"$TMP/copy.txt"
expect_status 0 "index a second file" ni "$TMP/copy.txt"
printf 'Home > News > Extra\nExtra story\n- June 7, 2018\nA changed story about tariffs.\n' >"$TMP/copy.txt"
touch -d '+1 min' "$TMP/copy.txt"
expect_status 0 "re-index changed file" ni "$TMP/copy.txt"
expect_status 0 "changed text searchable" nq --format json tariffs
check "old text gone" bash -c "! '$BIN/newsquery' --db '$DB' --format json appears | grep -q 'Extra story'"

expect_status 2 "unknown option exits 2" nq --no-such-option x
expect_status 0 "--version" nq --version
check "version names the schema" grep -q "schema 6" "$TMP/out"
finish
