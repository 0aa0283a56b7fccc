# The bad-input corpus (tests/fixtures/bad/make_bad_inputs.py) indexed together with good
# articles: every bad input is named on stderr with its reason, on one line; every good article
# and every readable part of a bad input is searchable; the run exits 1 (not a crash, not 0);
# memory stays bounded (the 50 MB one-line file is never held whole twice, and an article's text
# past --max-article-size, 4 MiB, is cut with a warning); a second run
# reports the same rejects and changes no counts.
# BAD_INPUT_SMALL=1 uses the small corpus (5 MB and 2 MB lines), as sanitizer builds do.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
C="$TMP/corpus"
# Under a sanitizer (slower, and its allocator keeps freed memory in quarantine) the corpus is the
# small one and memory is not measured.
sanitized=0
grep -qa -m1 -e __asan_init -e __tsan_init "$BIN/newsindex" && sanitized=1
small=()
if [[ -n "${BAD_INPUT_SMALL:-}" ]] || ((sanitized)); then small=(--small); fi
python3 "$SRC/tests/fixtures/bad/make_bad_inputs.py" "$C/bad" "${small[@]}"

# Good articles next to the bad ones: news text, JSON Lines, HTML.
mkdir -p "$C/good"
cp "$SRC/corpus/"*.txt "$C/good/seed.txt"
gen_jsonl 1 40 >"$C/good/feed.jsonl"
cat >"$C/good/page.html" <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour cranes return</title></head>
<body><article><h1>Harbour cranes return</h1><p>The zqgoodhtml cranes came back to the harbour on Monday,
and the port authority said the work would go on through the winter.</p></article></body></html>
EOF

# What the file system provides at run time: a dangling symbolic link, a FIFO (never opened:
# it would block), a file whose every read fails (/proc/self/mem read at offset 0 gives EIO,
# even to root), and, when not root, an unreadable file and a directory that cannot be listed.
ln -s "$C/bad/gone-away.txt" "$C/bad/dangling.txt"
mkfifo "$C/bad/fifo.txt"
ln -s /proc/self/mem "$C/bad/read_error.txt"
root=0; [[ "$(id -u)" == 0 ]] && root=1
if ((!root)); then
  printf 'Locked\n\nzqlocked text\n' >"$C/bad/unreadable.txt"; chmod 000 "$C/bad/unreadable.txt"
  mkdir -p "$C/bad/closed"; printf 'Closed\n\nzqclosed text\n' >"$C/bad/closed/in.txt"; chmod 000 "$C/bad/closed"
  trap 'chmod -R u+rwx "$C/bad/closed" 2>/dev/null; chmod 644 "$C/bad/unreadable.txt" 2>/dev/null; rm -rf "$TMP"' EXIT
fi

largest=$(find "$C" -type f -printf '%s\n' | sort -n | tail -n 1)
timed=()
[[ -x /usr/bin/time ]] && timed=(/usr/bin/time -f 'peak-rss-kb %M' -o "$TMP/rss")
# Copies are kept apart: most bad inputs share their paragraphs, and each must be found itself.
run_index() { timeout 600 "${timed[@]}" "$BIN/newsindex" --db "$DB" -q --keep-duplicates "$C"; }

expect_status 1 "indexing the bad inputs with the good ones exits 1" run_index
cp "$TMP/err" "$TMP/err1"
summary1=$(grep -E '^newsindex: [0-9]+ articles' "$TMP/err1" || true)
echo "# $summary1"

# Each bad input named, with its reason, on a line of its own.
named() {  # named FILE REASON-REGEX: a stderr line names FILE (escaped) and gives the reason
  local file="$1" why="$2"
  if grep -F -- "$file" "$TMP/err1" | grep -Eq -- "$why"; then ok "$file: $why"
  else fail "$file not named with \"$why\"; stderr: $(head -c 1500 "$TMP/err1")"; fi
}
named "bad/invalid_start.txt:1:" "invalid UTF-8"
named "bad/invalid_middle.txt:3:" "invalid UTF-8"
named "bad/invalid_end.txt:1:" "invalid UTF-8"
named "bad/invalid_truncated.txt:1:" "invalid UTF-8"
named "bad/nul_bytes.txt:1:" "NUL"
named "bad/binary.html" "binary data"
named "bad/binary.txt" "binary data"
named "bad/empty.txt" "empty file"
named "bad/big_one_line.txt" "text longer than 4194304 bytes: the rest is not indexed"
((${#small[@]})) || named "bad/big.jsonl:3:" "text longer than 4194304 bytes: the rest is not indexed"
named "bad/big.jsonl:2:" "invalid JSON"
named "bad/big.jsonl:4:" "invalid JSON"
named "bad/big.jsonl:5:" "no \"text\""
named 'bad/odd\nbinary\xFE.txt' "binary data"
named "bad/dangling.txt" "dangling symbolic link"
named "bad/fifo.txt" "not a regular file"
named "bad/read_error.txt" "read error"
if ((!root)); then
  named "bad/unreadable.txt" "Permission denied"
  named "bad/closed" "Permission denied"
fi
check "no raw newline or invalid UTF-8 from a file name on stderr" bash -c "! grep -q '^name' '$TMP/err1' && iconv -f UTF-8 -t UTF-8 '$TMP/err1' >/dev/null"
check "nothing crashed or aborted" bash -c "! grep -Eqi 'terminate|abort|what\\(\\)|sanitizer' '$TMP/err1'"

# Everything readable is searchable: the good articles and the good parts of the bad inputs.
found() {  # found WORD...: each word finds at least one passage
  for w in "$@"; do
    local n; n=$(timeout 60 "$BIN/newsquery" --db "$DB" -c "$w" 2>/dev/null || true)
    if [[ "${n:-0}" -ge 1 ]]; then ok "$w is found ($n)"; else fail "$w is not found"; fi
  done
}
found zqgoodhtml decoupling harbour number1 number40
found zqinvalidstart zqinvalidmiddle zqinvalidend zqinvalidtruncated
found zqutfsixteenbom zqutfsixteennobom zqlatinone zqnulbytes
found zqbiglinestart zqcuthalf zqdeepnesting zqdeepunclosed
found zqjsonlgoodone zqjsonlhuge zqjsonlgoodtwo zqoddname
check "café decoded from UTF-16 and Latin-1" test "$(nq -c =café)" -ge 3
for w in zqneverseen zqbiglineend; do
  n=$(nq -c "$w" 2>/dev/null || true)
  check "$w (past a cut) is not indexed" test "${n:-0}" = 0
done

# Bounded memory: the peak stays well under two copies of the largest file on top of a base.
if ((sanitized)); then
  echo "# sanitizer build: memory not measured"
elif [[ -s "$TMP/rss" ]]; then
  rss_kb=$(sed -n 's/^peak-rss-kb //p' "$TMP/rss")
  bound_kb=$(( (3 * largest + 300 * 1024 * 1024) / 1024 ))
  echo "# peak RSS ${rss_kb} kB, largest file ${largest} bytes, bound ${bound_kb} kB"
  check "peak RSS ${rss_kb} kB <= ${bound_kb} kB" test "$rss_kb" -le "$bound_kb"
else
  echo "# /usr/bin/time not found: memory not measured"
fi

# A second run: the same rejects again, nothing else indexed, the same counts.
before=$(stats_of "$DB")
expect_status 1 "second run exits 1 again" run_index
cp "$TMP/err" "$TMP/err2"
check "the index is unchanged" test "$(stats_of "$DB")" = "$before"
rejects() { grep -v -E '^newsindex: [0-9]+ articles' "$1" | grep -v 'warning:' | sort; }
check "the same rejects are reported" diff <(rejects "$TMP/err1") <(rejects "$TMP/err2")
r1=$(sed -n 's/.* \([0-9]*\) rejected.*/\1/p' <<<"$summary1")
check "as many rejected as the first time ($r1)" grep -q " $r1 rejected" "$TMP/err2"
# A file that disappears while the indexer runs: the walk sees it, then it is removed while a
# large file ahead of it is being read. Whichever comes first, it is either indexed or named
# (never a crash, never silence).
V="$TMP/vanish"; mkdir -p "$V"
cp "$C/bad/big_one_line.txt" "$V/a_big.txt"
printf 'Vanishing\n\nzqvanish text of a file about to go.\n' >"$V/z_vanish.txt"
DB="$TMP/vanish-db"
"$BIN/newsindex" --db "$DB" -q -j 1 "$V" 2>"$TMP/vanish.err" &
pid=$!
# Removed once the indexer reads the large file (so its walk has listed both), however slowly a
# loaded machine starts it.
for _ in $(seq 200); do
  ls -l "/proc/$pid/fd" 2>/dev/null | grep -q a_big.txt && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
rm -f "$V/z_vanish.txt"
st=0; wait "$pid" || st=$?
check "a vanished file: exit 0 or 1 (got $st)" test "$st" -le 1
n=$(nq -c zqvanish 2>/dev/null || true)
check "it is indexed or named (\"No such file\")" bash -c "[[ '${n:-0}' -ge 1 ]] || grep -q 'z_vanish.txt: cannot open: No such file or directory' '$TMP/vanish.err'"
finish
