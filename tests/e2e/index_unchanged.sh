# An unchanged re-run does no work: files with the recorded size and time are not even opened,
# touched files with the same content are only re-recorded; the summary says "unchanged".
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
C="$TMP/corpus"; mkdir -p "$C/a" "$C/b"
for k in $(seq 1 20); do gen_jsonl $((k * 100)) 20 >"$C/a/f$k.jsonl"; done
cp "$SRC/corpus/"*.txt "$C/b/seed.txt"
expect_status 0 "first run" ni "$C"
before=$(stats_of "$DB")

expect_status 0 "unchanged re-run" ni "$C"
check "nothing indexed, everything unchanged" grep -q "newsindex: 0 articles indexed (0 of them copies of an indexed story), 0 passages, 0 links; 0 rejected, 21 unchanged, 0 removed; 0.0 MB" "$TMP/err"
check "the index is the same" test "$(stats_of "$DB")" = "$before"

chmod 000 "$C/a/f3.jsonl"  # not even opened when size and time match (root can still read: best effort)
expect_status 0 "unreadable but unchanged file is passed over" ni "$C"
chmod 644 "$C/a/f3.jsonl"

touch -d '+1 hour' "$C/a/f5.jsonl" "$C/b/seed.txt"
expect_status 0 "touched files, same content" ni "$C"
check "read, found unchanged, not re-indexed" grep -q "newsindex: 0 articles indexed (0 of them copies of an indexed story), 0 passages, 0 links; 0 rejected, 21 unchanged" "$TMP/err"
expect_status 0 "and the next run does not read them again" ni "$C"
check "0.0 MB read" grep -q "21 unchanged, 0 removed; 0.0 MB" "$TMP/err"
check "the index is still the same" test "$(stats_of "$DB")" = "$before"

expect_status 0 "--force reads everything again" ni --force "$C"
check "all articles read" grep -q "newsindex: 401 articles" "$TMP/err"
check "and the index is still the same" test "$(stats_of "$DB")" = "$before"
finish
