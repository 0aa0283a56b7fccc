# HTML pages of many layouts indexed together (tests/fixtures/html-eval): every page is its own
# article with its body (no page lost as a "copy" of another), and a page without an article
# body is named on stderr yet still searchable by its title.
source "$(dirname "$0")/lib.sh"
P="$TMP/pages"; mkdir -p "$P"
cp "$SRC"/tests/fixtures/html-eval/*.html "$P"/
pages=$(ls "$P"/*.html | wc -l)
# Two index pages of links and no story: alike, and still never "copies" of each other.
for n in 1 2; do
  {
    echo "<html><head><title>Latest headlines $n</title></head><body><h1>Latest headlines $n</h1><ul>"
    for i in $(seq 1 40); do echo "<li><a href='/n/$i'>Headline number $i of the day</a></li>"; done
    echo "</ul></body></html>"
  } >"$P/nobody-$n.html"
done

expect_status 0 "index the pages together" ni "$P"
cp "$TMP/err" "$TMP/err.index"
expect_status 0 "--stats" nq --stats
check "every page is an article, none a copy" bash -c "jq -e '.articles == $((pages + 2)) and (.copies // 0) == 0' '$TMP/out' >/dev/null"

# Each page's body is found by a phrase from its own text, in that page.
missing=0
for html in "$SRC"/tests/fixtures/html-eval/*.html; do
  name="$(basename "$html")"
  exp="${html%.html}.expected.txt"
  phrase="$(sed -n 2p "$exp" | tr -cs '[:alnum:][:space:]' ' ' | awk '{print $1, $2, $3, $4, $5}')"
  nq -f json --limit 1 "\"$phrase\"" >"$TMP/hit" 2>/dev/null || true
  if ! jq -e --arg n "$name" '.source | endswith($n)' "$TMP/hit" >/dev/null 2>&1; then
    echo "  $name: \"$phrase\" not found in its page"
    missing=$((missing + 1))
  fi
done
check "each page's own body is searchable ($pages pages)" test "$missing" = 0

for n in 1 2; do
  check "nobody-$n.html is named on stderr" grep -q "nobody-$n.html: no article body found" "$TMP/err.index"
  expect_status 0 "nobody-$n.html is still searchable by its title" nq -f json "\"Latest headlines $n\""
done
check "pages with a body are not named" bash -c "! grep 'no article body' '$TMP/err.index' | grep -v nobody-"
finish
