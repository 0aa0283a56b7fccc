# One writer at a time: a second newsindex waits up to --lock-timeout, then exits 2 naming the
# database and who holds it; readers are never blocked meanwhile.
source "$(dirname "$0")/lib.sh"
printf '{"id": "a1", "text": "Harbour cranes stand idle."}\n' >"$TMP/one.jsonl"
expect_status 0 "create the database" ni "$TMP/one.jsonl"

# The first writer holds the lock while it waits for its standard input.
(sleep 4; printf 'Piped story\n\nThe ferry strike ended.\n') | "$BIN/newsindex" --db "$DB" --input-format text - 2>"$TMP/first.err" &
first=$!
for _ in $(seq 50); do [[ -s "$DB/newsindex.writer" ]] && break; sleep 0.1; done
check "the first writer holds the lock" test -s "$DB/newsindex.writer"

start=$(date +%s%N)
expect_status 2 "a second writer gives up after --lock-timeout" ni --lock-timeout 1 "$TMP/one.jsonl"
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "it waited for the timeout before giving up (${elapsed_ms} ms)" test "$elapsed_ms" -ge 900
check "the message names the database" grep -q "$DB: database is locked" "$TMP/err"
check "the message names the holder" grep -Eq "by newsindex \(pid $first, writing since [0-9-]+T" "$TMP/err"
check "and says how to wait longer" grep -q -- "--lock-timeout" "$TMP/err"
expect_status 0 "readers are not blocked by the writer" nq -c harbour

expect_status 0 "a patient writer gets the lock once the first is done" ni --lock-timeout 30 --force "$TMP/one.jsonl"
wait "$first"
check "the first writer finished normally" grep -q "1 articles indexed (0 of them copies of an indexed story), 1 passages" "$TMP/first.err"
expect_status 0 "both writes are in" nq -c ferry OR harbour
check "two articles" grep -qx 2 "$TMP/out"
check "no holder file left behind" test ! -e "$DB/newsindex.writer"
finish
