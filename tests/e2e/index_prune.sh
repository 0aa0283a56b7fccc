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
finish
