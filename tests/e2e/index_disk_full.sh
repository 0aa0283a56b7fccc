# A database that cannot be written (file size limit standing in for a full disk, a path that
# cannot be a directory): a clear message naming it, exit 2, the last committed state intact.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
gen_jsonl 1 3000 >"$TMP/big.jsonl"
printf '{"id": "first", "text": "A first article about copper."}\n' >"$TMP/first.jsonl"
expect_status 0 "a first commit" ni "$TMP/first.jsonl"

# With SIGXFSZ ignored, writing past `ulimit -f` fails with EFBIG, as a full disk fails with ENOSPC.
# Xapian 1.4 itself leaks a block buffer (about 4 KB) when some of its writes fail part-way; in the
# sanitizer build LeakSanitizer would turn that into exit 1, so leak checking is off for this run.
expect_status 2 "writes fail" bash -c "trap '' XFSZ; ulimit -f 1500; ASAN_OPTIONS=\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}detect_leaks=0 exec '$BIN/newsindex' --db '$DB' -q '$TMP/big.jsonl'"
check "the message names the database and the failure" grep -q "$DB: cannot write to the database: .*(disk full, or the directory not writable?)" "$TMP/err"
check "and says the committed state is intact" grep -q "the last committed state is intact" "$TMP/err"
expect_status 0 "the database still opens" nq --stats
check "with what was committed" jq -e '.articles >= 1' "$TMP/out"
expect_status 0 "and answers" nq -c article:first
expect_status 0 "with room again, the next run completes" ni -q "$TMP/big.jsonl"
expect_status 0 "--list" ni --list --format json
check "the source is recorded complete" jq -se 'map(select(.source | endswith("big.jsonl")))[0].complete == true' "$TMP/out"

touch "$TMP/a-file"
expect_status 2 "a database path under a regular file" "$BIN/newsindex" --db "$TMP/a-file/db" "$TMP/first.jsonl"
check "named, with the reason" grep -q "$TMP/a-file/db: cannot .*database" "$TMP/err"
finish
