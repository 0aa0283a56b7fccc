# Real corpora in: a directory mixing every format, JSON Lines with bad lines, .gz, stdin,
# globs, hidden files, symlink loops, and the link graph across articles.
source "$(dirname "$0")/lib.sh"
C="$TMP/corpus"
mkdir -p "$C/sub/deeper" "$C/.hidden"
cp "$SRC/corpus/"*.txt "$C/seed.txt"
cp "$FIXTURES/html/"*.html "$C/sub/"
printf 'Plain notes on tariffs\n\nThe first paragraph mentions steel.\n\nThe second paragraph mentions aluminum.\n' >"$C/sub/deeper/notes.text"
cat >"$C/sub/feed.jsonl" <<'JSON'
{"id": "good-1", "title": "Good one", "text": "Semiconductor export controls tightened.", "date": "2019-02-03"}
this is not json
{"id": "no-text"}
{"text": "no id or url here"}

{"url": "https://Example.COM/a/b?utm_medium=x&keep=1#frag", "title": "Good two", "text": "Rare earth supply chains shift."}
JSON
printf '{"id": "gz-1", "title": "Zipped", "text": "Compressed corpora are read directly: quinoa."}\n' | gzip >"$C/sub/zipped.jsonl.gz"
printf 'Hidden story\n\nThis hidden file mentions zeppelins.\n' >"$C/.hidden/secret.txt"
ln -s .. "$C/sub/deeper/loop"

expect_status 1 "mixed directory indexes, bad JSON lines rejected" ni "$C"
check "bad line 2 named with its number" grep -q "feed.jsonl:2: " "$TMP/err"
check "line 3 without text named" grep -q "feed.jsonl:3: .*text" "$TMP/err"
check "line 4 without id or url named" grep -q "feed.jsonl:4: .*id" "$TMP/err"
check "good lines around bad ones indexed" bash -c "'$BIN/newsquery' --db '$DB' -f json semiconductor rare | jq -r .article | sort | tr '\n' ' ' | grep -qx 'good-1 https://example.com/a/b?keep=1 '"
expect_status 0 ".gz read directly" nq -f json quinoa
check "gz article" jq -e '.article == "gz-1"' "$TMP/out"
expect_status 0 "plain text file" nq -f json aluminum
check "plain text title is the first line" jq -se 'map(select(.source | endswith("notes.text"))) | .[0].title == "Plain notes on tariffs"' "$TMP/out"
expect_status 0 "HTML page inside the directory" nq -c 'type:passage'
expect_status 1 "hidden files skipped" nq zeppelins
expect_status 0 "seed article found" nq decoupling
check "symlink loop did not index twice" bash -c "'$BIN/newsquery' --db '$DB' --count 'article:good-1' | grep -qx 1"

expect_status 1 "re-run reports the bad lines again" ni "$C"
check "still named" grep -q "feed.jsonl:2: " "$TMP/err"

DB="$TMP/db2"
expect_status 1 "--include glob (the bad JSON lines still count)" ni --include '*.jsonl' "$C"
expect_status 1 "only JSON Lines indexed" nq decoupling
DB="$TMP/db3"
expect_status 0 "--exclude glob and --hidden" ni --hidden --exclude '*.jsonl' --exclude '*.html' "$C"
expect_status 0 "hidden file indexed with --hidden" nq zeppelins

DB="$TMP/db4"
expect_status 0 "stdin" bash -c "printf 'Stdin story\n\nPiped text about walruses.\n' | '$BIN/newsindex' --db '$DB' --input-format text -"
expect_status 0 "stdin article searchable" nq -f json walruses
check "stdin id" jq -e '.article | test("^stdin:[0-9a-f]{12}$")' "$TMP/out"
expect_status 2 "unknown input format" ni --input-format pdf "$C"
expect_status 1 "missing path is rejected, named" ni "$TMP/does-not-exist"
check "missing path named" grep -q "does-not-exist" "$TMP/err"
finish
