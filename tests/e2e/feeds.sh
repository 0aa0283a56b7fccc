# News feeds (RSS 2.0 and Atom, tests/fixtures/feeds): every item is an article found by its own
# words in passage mode, with its date, author and category; a feed that breaks off keeps the
# items before the break and names the line; a headline-only item is found too.
source "$(dirname "$0")/lib.sh"
F="$TMP/feeds"; mkdir -p "$F"
cp "$SRC"/tests/fixtures/feeds/daily.rss "$SRC"/tests/fixtures/feeds/science.atom "$F"/

expect_status 0 "index an RSS and an Atom feed" ni "$F"
check "the summary counts every item" grep -q "^newsindex: 13 articles indexed" "$TMP/err"
for i in 0 1 2 3 4 5 6 7 8 9 10 11; do
  nq -f json "word${i}alpha" >"$TMP/hit" 2>/dev/null || true
  check "item $i found by its own word" jq -se "length >= 1" "$TMP/hit" >/dev/null
done
nq -f json word0beta >"$TMP/hit"
check "full content (content:encoded) is read, with its heading" \
  jq -se '.[0].section == "Background" and .[0].date == "2024-07-01" and .[0].category == "World"' "$TMP/hit" >/dev/null
nq -f json word99gamma >"$TMP/hit" || true
check "a headline-only item is a passage" jq -se '.[0].title == "Headline only: word99gamma flood"' "$TMP/hit" >/dev/null
expect_status 0 "author field" nq -c 'author:"Author 9"'
check "one Atom entry by that author" grep -qx 1 "$TMP/out"

# A feed cut in the middle of an item: the items before it stay searchable, the break is named.
head -c "$(grep -b -o '<item>' "$F/daily.rss" | sed -n 4p | cut -d: -f1)" "$F/daily.rss" >"$F/cut.rss"
printf '<item><title>Cut story word77delta</title><description>half a sen' >>"$F/cut.rss"
DB="$TMP/db2"
expect_status 1 "a feed that breaks off is a problem" ni "$F/cut.rss"
check "the break is named with its line" grep -q "cut.rss: the feed breaks off (line [0-9]*:" "$TMP/err"
expect_status 0 "the items before the break are searchable" nq -c word2alpha
check "  one hit" grep -qx 1 "$TMP/out"
expect_status 0 "the cut item keeps what it has" nq -c word77delta

# Not a feed: an XML file that is something else is rejected by name; the rest goes on.
printf '<?xml version="1.0"?>\n<urlset><url><loc>https://x.example/</loc></url></urlset>\n' >"$F/sitemap.rss"
DB="$TMP/db3"
expect_status 1 "an XML file that is not a feed" ni "$F/sitemap.rss" "$F/science.atom"
check "named as not a feed" grep -q "sitemap.rss: not an RSS or Atom feed (its root element is <urlset>)" "$TMP/err"
expect_status 0 "the other feed is indexed" nq -c word9alpha
finish
