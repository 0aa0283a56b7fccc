# Index management: --list, --remove (source, directory, article id), --compact.
source "$(dirname "$0")/lib.sh"
cp -r "$FIXTURES/news" "$TMP/news"
cp "$SRC/corpus/"*.txt "$TMP/seed.txt"
expect_status 0 "index" ni "$TMP/news" "$TMP/seed.txt"

expect_status 0 "--list" ni --list
check "sources with article counts" bash -c "grep -q ' 5 articles .*news/wire.jsonl' '$TMP/out' && grep -q ' 1 articles .*seed.txt' '$TMP/out'"
expect_status 0 "--list --format json" ni --list --format json
check "JSON lines with counts and time" bash -c "jq -se 'length == 2 and (map(.articles) | add) == 6 and all(.indexed_at | test(\"^[0-9]{4}-\"))' '$TMP/out'"

expect_status 0 "--remove an article id" ni --remove w3
expect_status 1 "removed article gone" nq 'article:w3'
expect_status 0 "--remove a source file" ni --remove "$TMP/seed.txt"
expect_status 1 "its passages gone" nq decoupling AND deterrence
expect_status 0 "--list after removal" ni --list --format json
check "one source left" bash -c "jq -se 'length == 1' '$TMP/out'"
expect_status 1 "--remove something unknown" ni --remove nothing-like-this
check "named on stderr" grep -q "nothing-like-this: not in the index" "$TMP/err"
expect_status 0 "--remove a directory" ni --remove "$TMP/news"
expect_status 0 "--stats" nq --stats
check "empty index" jq -e '.articles == 0 and .passages == 0 and .sources == 0' "$TMP/out"

expect_status 0 "re-index" ni "$TMP/news" "$TMP/seed.txt"
expect_status 0 "--compact" ni --compact
check "sizes before and after" grep -Eq "compacted .*: [0-9]+ -> [0-9]+ bytes" "$TMP/err"
expect_status 0 "compacted database answers" nq decoupling
expect_status 0 "and takes new work" ni --force "$TMP/seed.txt"
expect_status 2 "nothing to do" ni
finish
