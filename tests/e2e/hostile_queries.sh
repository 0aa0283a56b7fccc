# Hostile queries: 10,000 terms, deeply nested parentheses, a wildcard that expands to the whole
# vocabulary, control characters, invalid UTF-8 in arguments and in --batch input, a huge word.
# Each gets an answer (exit 0 or 1) or one clear line on stderr with exit 2, in bounded time
# (timeout catches a hang; no timings are asserted).
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
mkdir -p "$TMP/c"
gen_jsonl 1 3000 >"$TMP/c/feed.jsonl"  # number1 .. number3000: a wildcard of 3000 words
cp "$SRC/corpus/"*.txt "$TMP/c/seed.txt"
expect_status 0 "index" ni -q "$TMP/c"

# answers "description" ALLOWED-STATUSES command...: exit in the allowed set, within the timeout;
# with exit 2, exactly one stderr line, starting "newsquery:".
answers() {
  local what="$1" allowed="$2"; shift 2
  local got=0
  timeout 20 "$@" >"$TMP/out" 2>"$TMP/err" || got=$?
  if [[ "$got" == 124 ]]; then fail "$what: no answer within 20s"; return; fi
  if [[ " $allowed " != *" $got "* ]]; then fail "$what: exit $got, wanted one of $allowed; stderr: $(head -c 300 "$TMP/err")"; return; fi
  if [[ "$got" == 2 ]]; then
    local lines; lines=$(wc -l <"$TMP/err")
    if [[ "$lines" != 1 ]] || ! grep -q '^newsquery: ' "$TMP/err"; then
      fail "$what: exit 2 but not one clear line: $(head -c 300 "$TMP/err")"; return
    fi
    ok "$what (exit 2: $(head -c 120 "$TMP/err"))"
  else
    ok "$what (exit $got)"
  fi
}
Q=("$BIN/newsquery" --db "$DB")

# 10,000 terms: refused with exit 2, as arguments, as one argument, in plain mode; in --batch
# that line gets its error and the next line its answer.
many=$(seq -f 'word%g' 10000 | tr '\n' ' ')
answers "10,000 terms as arguments" "2" "${Q[@]}" $many
grep -q "query too long" "$TMP/err" && ok "says: query too long" || fail "10,000 terms: $(cat "$TMP/err")"
answers "10,000 terms, --plain" "2" "${Q[@]}" --plain "$many"
answers "10,000 terms OR-ed" "2" "${Q[@]}" "$(seq -f 'w%g' 10000 | paste -sd'|' | sed 's/|/ OR /g')"
# (A raised limit costs time: parsing and matching grow faster than the number of terms.)
answers "--max-terms 5000 lets 2,000 terms through" "0 1" "${Q[@]}" --max-terms 5000 $(seq -f 'word%g' 2000)
answers "10,000 terms in --batch, then a good query" "0" "${Q[@]}" --batch -c < <(printf '%s\nharbour\n' "$many")
check "the bad batch line is named, the good one answered" bash -c "grep -q 'stdin:1: .*too long' '$TMP/err' && grep -qP '^2\t[1-9]' '$TMP/out'"

# Deep nesting: refused at the depth limit, never a stack overflow. (One argument holds at most
# 128 KB: 50,000 levels there, 100,000 in --batch input.)
nest() { printf "$2%.0s" $(seq 1 "$1"); }
answers "50,000 nested parentheses" "2" "${Q[@]}" "$(nest 50000 '(')harbour$(nest 50000 ')')"
grep -q "nested too deeply" "$TMP/err" && ok "says: nested too deeply" || fail "nesting: $(cat "$TMP/err")"
answers "100,000 unclosed parentheses" "2" "${Q[@]}" "$(nest 100000 '(')harbour"
answers "25,000 NOTs" "0 1 2" "${Q[@]}" "$(nest 25000 'NOT ')harbour"
answers "30,000 quotes and signs" "0 1 2" "${Q[@]}" "$(nest 30000 '+-\"')harbour"
answers "20,000 nested field prefixes" "0 1 2" "${Q[@]}" "$(nest 20000 'title:')harbour"
answers "--max-depth 5 refuses 6 levels" "2" "${Q[@]}" --max-depth 5 "((((((harbour))))))"
answers "100,000 nested parentheses in --batch" "0 1" "${Q[@]}" --batch -c <<<"$(nest 100000 '(')harbour$(nest 100000 ')')"
grep -q "stdin:1: .*nested too deeply" "$TMP/err" && ok "batch: says which line" || fail "batch nesting: $(cat "$TMP/err")"

# A wildcard over the whole vocabulary: an error naming the limit, unless the limit allows it.
answers "one-letter wildcard over a large vocabulary" "2" "${Q[@]}" 'n*'
grep -q "expands to more than 1000 terms: .*--max-wildcard" "$TMP/err" && ok "the error names --max-wildcard" || fail "wildcard error: $(cat "$TMP/err")"
answers "many broad wildcards" "2" "${Q[@]}" 'a*' 'b*' 'c*' 'h*' 'n*' 'r*' 's*' 'w*' '(n* OR nu*) AND (num* NEAR/3 h*)'
answers "a broad wildcard in a phrase" "0 1 2" "${Q[@]}" '"report n*"'
answers "a broad wildcard in a field" "0 1 2" "${Q[@]}" 'title:n*'
expect_status 2 "--max-wildcard 0 is refused as an option" "${Q[@]}" --max-wildcard 0 'n*'
check "saying the range" grep -q "max-wildcard: Value 0 not in range 1 to" "$TMP/err"
answers "--max-wildcard 3 refuses a broad wildcard" "2" "${Q[@]}" --max-wildcard 3 'numb*'
answers "--max-wildcard 100000 lets it expand" "0" "${Q[@]}" --max-wildcard 100000 -c 'numb*'
answers "a broad wildcard in --batch" "0 1" "${Q[@]}" --batch -c --max-wildcard 3 <<<'numb*'
grep -q "stdin:1: .*max-wildcard" "$TMP/err" && ok "batch: the wildcard line is named" || fail "batch wildcard: $(cat "$TMP/err")"
answers "a bare star" "2" "${Q[@]}" '*'
answers "a wildcard of punctuation" "0 1 2" "${Q[@]}" -- '-*'

# Control characters and invalid UTF-8, in arguments and in --batch input.
answers "control characters" "0 1 2" "${Q[@]}" $'harbour\x01\x02\x07\x1b[31m\x7f\x0b\x0c'
answers "only control characters" "0 1 2" "${Q[@]}" $'\x01\x02\x03'
answers "invalid UTF-8 in an argument" "0 1 2" "${Q[@]}" $'\xff\xfe harbour \xc0\xaf \xed\xa0\x80'
answers "invalid UTF-8 only" "0 1 2" "${Q[@]}" $'\xff\xfe\xfd'
answers "invalid UTF-8 in a field" "0 1 2" "${Q[@]}" $'title:\xff\xfe author:\xc3'
answers "invalid UTF-8 in a wildcard" "0 1 2" "${Q[@]}" $'\xe2\x80*'
answers "invalid UTF-8 in a phrase" "0 1 2" "${Q[@]}" $'"harbour \xff crane"'
answers "invalid UTF-8 in --db" "2" "$BIN/newsquery" --db $'/nonexistent/\xff\n' harbour
check "the --db error is one line" test "$(wc -l <"$TMP/err")" = 1
printf 'harbour\n\xff\xfe\xfd\nq2\t\x01\x02 crane\n\xc0\xaf senate\n(((\nq6\tbudget\x00hidden\n%s\n' "$many" >"$TMP/batch"
answers "--batch with invalid UTF-8, control characters, NUL, broken lines" "0" "${Q[@]}" --batch -c <"$TMP/batch"
check "every line answered or named" bash -c "test \$(wc -l <'$TMP/out') -ge 3 && grep -q 'stdin:5:' '$TMP/err' && grep -q 'stdin:7:' '$TMP/err'"
check "the output is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$TMP/out" -o /dev/null
check "stderr is valid UTF-8" iconv -f UTF-8 -t UTF-8 "$TMP/err" -o /dev/null
answers "--batch JSON with invalid UTF-8" "0 1" "${Q[@]}" --batch -f jsonl <"$TMP/batch"
check "every JSON line parses" jq -e . "$TMP/out" >/dev/null
answers "--batch: one 5 MB line" "0 1 2" "${Q[@]}" --batch -c < <(head -c 5000000 /dev/zero | tr '\0' 'a'; echo)

# Huge words and arguments.
answers "one 120 KB word" "0 1 2" "${Q[@]}" "$(head -c 120000 /dev/zero | tr '\0' 'x')"
answers "a 120 KB phrase" "0 1 2" "${Q[@]}" "\"$(yes harbour | head -c 120000 | tr '\n' ' ')\""
answers "a 5 MB phrase in --batch" "0 1 2" "${Q[@]}" --batch < <(printf '"'; yes harbour | head -c 5000000 | tr '\n' ' '; printf '"\n')
answers "a 300-byte field value" "0 1 2" "${Q[@]}" "site:$(head -c 300 /dev/zero | tr '\0' 'y')"
answers "--show of a hostile id" "0 1 2" "${Q[@]}" --show $'\xff\n../../etc/passwd'
answers "--links-to with invalid UTF-8" "0 1 2" "${Q[@]}" --links-to $'http://\xff/\x01'
answers "a date range with invalid UTF-8" "0 1 2" "${Q[@]}" $'date:2018\xff..\xfe'
finish
