# JSON Lines that grow by appended lines: only the new lines are read (the indexed prefix is
# checked by its hash), line numbers stay those of the file; any other change reads it all.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
F="$TMP/feed.jsonl"
gen_jsonl 1 200 >"$F"
expect_status 0 "index 200 articles" ni "$F"
check "200 read" grep -q "200 articles" "$TMP/err"

gen_jsonl 201 50 >>"$F"
expect_status 0 "the file grew by 50 lines" ni "$F"
check "only the 50 new articles are read" grep -q "newsindex: 50 articles" "$TMP/err"
check "summary says it went on after the indexed lines" grep -q "1 resumed" "$TMP/err"
DB2="$TMP/db-fresh"
expect_status 0 "the same file indexed from scratch" "$BIN/newsindex" --db "$DB2" "$F"
check "same counts as indexing the whole file at once" test "$(stats_of "$DB")" = "$(stats_of "$DB2")"

printf '{"id": "late-1", "text": "Appended story about glaciers and ferries."}\nnot json at all\n' >>"$F"
expect_status 1 "a bad appended line is rejected" ni "$F"
check "named with its line number in the whole file" grep -q "feed.jsonl:252: " "$TMP/err"
expect_status 0 "the good appended line is in" nq -c article:late-1
expect_status 1 "the bad line is reported again on the next run" ni "$F"
check "again line 252" grep -q "feed.jsonl:252: " "$TMP/err"

gen_jsonl 1 251 >"$F"
printf '{"id": "late-1", "text": "Appended story about glaciers and ferries."}\n' >>"$F"
expect_status 0 "after the bad line is fixed" ni "$F"
printf '{"id": "tail", "text": "A last line without its newline about tungsten."}' >>"$F"
expect_status 0 "an unterminated last line is indexed" ni "$F"
check "one article read" grep -q "newsindex: 1 articles" "$TMP/err"
printf '\n{"id": "after-tail", "text": "Then its newline came, and a line about cobalt mines."}\n' >>"$F"
expect_status 0 "lines after it are read, it again (it was not known to be whole)" ni "$F"
check "two articles read" grep -q "newsindex: 2 articles" "$TMP/err"
expect_status 0 "both searchable" nq -c tungsten OR cobalt
check "two hits" grep -qx 2 "$TMP/out"

sed -i 's/"Report 3 on /"Report three on /' "$F"
expect_status 0 "an edited early line means the whole file is read again" ni "$F"
check "all 254 articles read" grep -q "newsindex: 254 articles" "$TMP/err"
check "not resumed" bash -c "! grep -q resumed '$TMP/err'"
expect_status 0 "the edit is searchable" nq -c title:three
head -100 "$F" >"$TMP/short" && mv "$TMP/short" "$F"
expect_status 0 "a truncated file is read again" ni "$F"
expect_status 0 "stats" nq --stats
check "only its 100 articles remain" jq -e '.articles <= 100 and .sources == 1' "$TMP/out"
finish
