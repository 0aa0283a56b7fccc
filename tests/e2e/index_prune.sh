# --prune: sources under the given directories whose files are gone leave the index, each named
# on stderr and counted in the summary; nothing outside those directories is touched.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
mkdir -p "$TMP/news" "$TMP/news2" "$TMP/other"
gen_jsonl 1 3 >"$TMP/news/a.jsonl"
gen_jsonl 10 3 >"$TMP/news/b.jsonl"
gen_jsonl 20 3 >"$TMP/news2/c.jsonl"   # a sibling whose name starts like news
gen_jsonl 30 3 >"$TMP/other/d.jsonl"
expect_status 0 "index three directories" ni "$TMP/news" "$TMP/news2" "$TMP/other"

rm "$TMP/news/b.jsonl" "$TMP/news2/c.jsonl" "$TMP/other/d.jsonl"
expect_status 0 "without --prune nothing is removed" ni "$TMP/news"
check "summary: 0 removed" grep -q " 0 removed;" "$TMP/err"
expect_status 0 "removed file still searchable" nq -c article:g10

expect_status 0 "--prune the directory" ni --prune "$TMP/news"
check "the gone file is named" grep -q "$TMP/news/b.jsonl: gone, removed from the index (--prune)" "$TMP/err"
check "summary says 1 removed" grep -q "1 unchanged, 1 removed;" "$TMP/err"
expect_status 1 "its articles are gone" nq -c article:g10
expect_status 0 "the file still there stays" nq -c article:g1
expect_status 0 "a sibling directory with a longer name is not pruned" nq -c article:g20
expect_status 0 "another directory is not pruned" nq -c article:g30
expect_status 0 "--list" ni --list --format json
check "three sources left" bash -c "jq -se 'length == 3' '$TMP/out'"

expect_status 0 "--prune with a trailing slash" ni --prune "$TMP/news2/"
check "the sibling's gone file pruned" grep -q "c.jsonl: gone" "$TMP/err"
expect_status 1 "its articles are gone" nq -c article:g20

# Long article ids (a path, a URL) are keys on the records (schema 4), and only article records
# name their source: pruning still takes every passage and link, and hits still show the ids.
DB="$TMP/long.db"
mkdir -p "$TMP/long/a-directory-with-a-name-long-enough"
long="$TMP/long/a-directory-with-a-name-long-enough"
cp "$SRC/corpus/"*.txt "$long/seed.txt"
url="https://www.example.com/business/2024/03/18/chip-makers-brace-for-decoupling"
printf '{"url": "%s", "title": "Chip makers brace for decoupling", "text": "Chip makers brace for decoupling as export rules tighten."}\n' "$url" >"$long/wire.jsonl"
expect_status 0 "index articles with long ids" ni "$TMP/long"
expect_status 0 "passage hits name the path and the URL" nq --format json --limit 50 decoupling
check "the path id" jq -se --arg id "$long/seed.txt" 'any(.[]; .article == $id)' "$TMP/out"
check "the URL id" jq -se --arg id "$url" 'any(.[]; .article == $id)' "$TMP/out"
expect_status 0 "article hits too, also in TSV" nq --articles --format tsv decoupling
check "TSV names the URL" grep -qF "$url" "$TMP/out"
expect_status 0 "article: takes the long id" nq -c "article:$url"
check "one passage" grep -qx 1 "$TMP/out"
rm "$long/seed.txt"
expect_status 0 "--prune the long-id article" ni --prune "$TMP/long"
expect_status 0 "stats" nq --stats
check "its passages and links went with it" jq -e '.articles == 1 and .passages == 1 and .links == 0 and .documents == 3' "$TMP/out"
finish
