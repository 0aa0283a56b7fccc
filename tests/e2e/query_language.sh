# Every element of the query language, end to end: words, phrases, operators, fields, dates.
source "$(dirname "$0")/lib.sh"
expect_status 0 "index fixtures" ni --synonyms "$FIXTURES/synonyms.txt" "$FIXTURES/news" "$SRC/corpus"

ids() { nq --format json --limit 0 "$@" | jq -r 'select(.type=="passage") | .article' | sort -u | tr '\n' ' '; }
has() {  # has "description" "expected ids" query...
  local what="$1" want="$2"; shift 2
  local got; got="$(ids "$@" || true)"
  if [[ "$got" == "$want" ]]; then ok "$what"; else fail "$what: got [$got], wanted [$want]"; fi
}
SEED="$SRC/corpus/abe-trump-japan-north-korea-decoupling-2018-06-06.txt"

has "word" "w2 " retaliation
has "stemmed word" "$SEED w1 w2 " tariff
has "phrase" "w1 " '"trade talks"'
has "exact word" "w2 " '=tariffs' 'type:passage' 'date:2018-05'
has "AND" "$SEED w3 " tokyo AND decoupling
has "OR" "w2 w4 " retaliation OR brussels
has "NOT" "w1 " decoupling NOT tokyo NOT japan NOT korea
has "+/- (one argument)" "w1 " "+decoupling -tokyo -japan -korea"
has "+/- after --" "w1 " -- +decoupling -tokyo -japan -korea
# A field filter after NOT excludes as after -, and the exit status says whether anything is left.
has "NOT site:" "$SEED w1 " 'decoupling NOT site:world.example.org'
has "NOT site: finds what -site: finds" "$(ids -- decoupling -site:world.example.org)" 'decoupling NOT site:world.example.org'
has "AND NOT date:" "w3 " 'decoupling AND NOT date:..2018-06-30'
has "NOT (lang: OR site:)" "$(ids -- decoupling -lang:en -site:world.example.org)" 'decoupling NOT (lang:en OR site:world.example.org)'
has "-(group) excludes the group" "w1 " -- 'decoupling -(tokyo OR japan OR korea)'
has "-(filters) excludes them" "$SEED w1 " -- 'decoupling -(site:world.example.org)'
has "NOT site: alone finds what -site: alone finds" "$(ids -- -site:world.example.org)" 'NOT site:world.example.org'
expect_status 0 "decoupling NOT site: has hits" nq 'decoupling NOT site:world.example.org'
expect_status 1 "nothing left after NOT site: (exit 1, as grep)" nq 'site:world.example.org NOT site:world.example.org'
has "parentheses" "w2 w4 " '(retaliation OR brussels) AND (analysts OR budget)'
has "NEAR/n" "w3 " 'missile NEAR/3 limits'
has "NEAR/n too far" "" 'tokyo NEAR/2 pyongyang'
has "ADJ/n keeps order" "" 'limits ADJ/3 missile'
has "wildcard" "$SEED w1 w3 " 'decoupl*'
has "title:" "w2 " 'title:steel'
has "author:" "w1 w3 " 'author:ruiz'
has "section:" "$SEED " 'section:"what about china"'
has "category:" "w3 w4 " 'category:world'
has "site:" "w3 w4 " 'site:world.example.org'
has "url:" "w2 " 'url:https://news.example.com/2018/05/20/steel-tariffs/' 'type:passage'
has "type:caption" "$SEED " 'type:caption'
has "lang:" "w4 " 'lang:en'
has "article:" "w3 " 'article:w3'
has "date range" "$SEED w1 w3 " 'decoupling date:2018-06-01..2018-07-31'
has "date months" "$SEED w1 " 'decoupling date:2018-06..2018-06'
has "date open end" "w4 " 'date:2019..'
has "date open start" "w2 " 'date:..2018-05'
has "acronym" "w4 " 'E.U.'
has "synonyms (automobiles in the seed too)" "$SEED w5 " 'car'
has "synonym group member" "$SEED w5 " 'automobile'
has "case never matters" "$(ids decoupling)" DECOUPLING
has "plain mode ignores syntax" "$SEED w1 w3 " --plain '(tokyo" -decoupling'

expect_status 0 "link records by type" nq --format json 'type:link' tariffs
check "link hits only" bash -c "jq -r .type '$TMP/out' | sort -u | grep -qx link"

for bad in '(trade' 'trade)' '"trade' 'trade AND' 'OR trade' 'date:2018-13' 'type:video' 'NEAR/2 x' 'a NEAR/999999 b'; do
  expect_status 2 "malformed: $bad" nq "$bad"
  check "message points at the problem: $bad" grep -q "column" "$TMP/err"
done
# A query word that begins with - before -- is read as options: one line says where the query goes.
for args in "-site:world.example.org decoupling" "decoupling -site:world.example.org" "japan -china"; do
  # shellcheck disable=SC2086
  expect_status 2 "-word before --: $args" nq $args
  check "  one line: put the query after --" bash -c "[[ \$(wc -l <'$TMP/err') == 1 ]] && grep -q 'goes after --' '$TMP/err'"
done
expect_status 0 "--help-query" nq --help-query
check "help names NEAR" grep -q "NEAR/5" "$TMP/out"
finish
