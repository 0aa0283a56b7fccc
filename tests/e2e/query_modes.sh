# newsquery's modes and formats: articles, per-article, sort, batch, trec, count, output -0,
# facets, histogram, spelling, link graph, context, --show.
source "$(dirname "$0")/lib.sh"
expect_status 0 "index fixtures" ni "$FIXTURES/news" "$SRC/corpus"

expect_status 0 "--articles" nq --articles --format json decoupling
check "one row per article" bash -c "jq -r .article '$TMP/out' | sort | uniq -d | wc -l | grep -qx 0"
check "article rows carry their best passage" jq -e '.type == "article" and (.text | length) > 0 and (.matches | length) > 0' "$TMP/out"
check "three articles" bash -c "wc -l < '$TMP/out' | grep -qx 3"

expect_status 0 "--per-article 1" nq --per-article 1 --limit 0 --format json japan
check "at most one passage per article" bash -c "jq -r .article '$TMP/out' | sort | uniq -d | wc -l | grep -qx 0"
expect_status 0 "no cap by default" nq --limit 0 --format json japan
check "several passages from one article" bash -c "jq -r .article '$TMP/out' | sort | uniq -d | wc -l | grep -vqx 0"

expect_status 0 "--sort date" nq --sort date --format json --limit 0 decoupling
check "oldest first" bash -c "jq -r .date '$TMP/out' | grep -v null > '$TMP/d' && sort -c '$TMP/d'"
expect_status 0 "--sort -date" nq --sort -date --format json --limit 0 decoupling
check "newest first" bash -c "jq -r .date '$TMP/out' | grep -v null > '$TMP/d' && sort -rc '$TMP/d'"

printf 'q1\tdecoupling\nq2\tzzzznothing\nretaliation\n(broken\n' >"$TMP/batch"
expect_status 0 "--batch" bash -c "'$BIN/newsquery' --db '$DB' --batch --format json < '$TMP/batch'"
check "hits carry qid" bash -c "jq -r .qid '$TMP/out' | sort -u | tr '\n' ' ' | grep -qx '3 q1 '"
check "bad batch line reported, batch went on" grep -q "stdin:4" "$TMP/err"
# Parallel batch: the same bytes on stdout and stderr as one query at a time, in input order.
queries=(decoupling japan retaliation 'tariff*' '(broken' zzzznothing 'title:trade' '"trade war"')
for i in $(seq 0 39); do printf 'q%d\t%s\n' "$i" "${queries[i % 8]}"; done >"$TMP/batch40"
for j in 1 3; do
  expect_status 0 "--batch -j $j" bash -c "'$BIN/newsquery' --db '$DB' --batch -j $j --format json --explain < '$TMP/batch40'"
  cp "$TMP/out" "$TMP/out.j$j"; cp "$TMP/err" "$TMP/err.j$j"
done
check "--batch -j 3 prints what -j 1 prints" cmp "$TMP/out.j1" "$TMP/out.j3"
check "--batch -j 3 reports errors as -j 1 does, in input order" cmp "$TMP/err.j1" "$TMP/err.j3"
check "errors name their lines" bash -c "grep -c '^newsquery: stdin:' '$TMP/err.j3' | grep -qx 5"
# A batch reads the database through mappings; without them it prints the same.
expect_status 0 "--batch --no-mmap" bash -c "'$BIN/newsquery' --db '$DB' --batch -j 3 --no-mmap --format json --explain < '$TMP/batch40'"
check "--no-mmap prints what mapped reads print" cmp "$TMP/out" "$TMP/out.j3"
for mode in --count "--facet type -f json" "--output articles -0"; do
  expect_status 0 "--batch -j 1 $mode" bash -c "'$BIN/newsquery' --db '$DB' --batch -j 1 $mode < '$TMP/batch40'"
  cp "$TMP/out" "$TMP/mode.j1"
  expect_status 0 "--batch -j 2 $mode" bash -c "'$BIN/newsquery' --db '$DB' --batch -j 2 $mode < '$TMP/batch40'"
  check "--batch -j 2 $mode prints what -j 1 prints" cmp "$TMP/out" "$TMP/mode.j1"
done
# One query on two threads (its re-ranking reads termlists on a helper handle too): the same
# bytes as on one, for ranked words, phrases, fields, paging, a per-article cap and feedback off.
single=(decoupling 'japan trade' '"north korea"' 'title:trade tariffs' 'tariff* -japan')
for q in "${single[@]}"; do
  for extra in "" "--offset 1 --limit 3" "--per-article 1" "--no-passage-feedback" "--explain"; do
    expect_status 0 "one query -j 1: $q $extra" nq -j 1 --format json $extra "$q"
    cp "$TMP/out" "$TMP/single.j1"
    expect_status 0 "one query -j 2: $q $extra" nq -j 2 --format json $extra "$q"
    check "one query: -j 2 prints what -j 1 prints ($q $extra)" cmp "$TMP/out" "$TMP/single.j1"
  done
done
printf 'zzzznothing\n' >"$TMP/batch0"
expect_status 1 "batch where nothing matches exits 1" bash -c "'$BIN/newsquery' --db '$DB' --batch < '$TMP/batch0'"

expect_status 0 "--format trec passages" bash -c "printf 'T1\tdecoupling\n' | '$BIN/newsquery' --db '$DB' --batch --format trec"
check "trec lines: qid Q0 ARTICLE#PASSAGE rank score newsquery" bash -c "awk 'NF!=6 || \$2!=\"Q0\" || \$3 !~ /#[0-9]+\$/ || \$6!=\"newsquery\"{exit 1}' '$TMP/out'"
expect_status 0 "--format trec articles" bash -c "printf 'T1\tdecoupling\n' | '$BIN/newsquery' --db '$DB' --batch --articles --format trec"
check "trec article ids" bash -c "awk '\$3 ~ /#/{exit 1}' '$TMP/out' && grep -q ' w3 ' '$TMP/out'"

expect_status 0 "--count" nq --count decoupling
check "count of passages" bash -c "grep -qx '[0-9]*' '$TMP/out' && test \$(cat '$TMP/out') -ge 4"
expect_status 0 "--count --articles" nq --count --articles decoupling
check "count of articles" grep -qx 3 "$TMP/out"
expect_status 1 "--count with no match exits 1" nq --count zzzznothing
check "prints 0" grep -qx 0 "$TMP/out"

expect_status 0 "--output articles -0" nq --output articles -0 decoupling
check "NUL-separated unique ids" bash -c "tr '\0' '\n' < '$TMP/out' | sort | uniq -d | wc -l | grep -qx 0 && tr '\0' '\n' < '$TMP/out' | grep -qx w3"
expect_status 0 "--output urls" nq --output urls tariffs
check "urls one per line" grep -qx "https://news.example.com/2018/05/20/steel-tariffs/" "$TMP/out"
expect_status 0 "--output sources" nq --output sources tariffs
check "sources" grep -q "wire.jsonl" "$TMP/out"

expect_status 0 "--facet month --format json" nq --facet month --format json decoupling
check "facet counts over all matches" jq -e '.facet == "month" and (.counts | map(.value) | index("2018-06")) != null' "$TMP/out"
expect_status 0 "--facet author" nq --facet author tariffs
check "author facet text" grep -q "Ana Ruiz" "$TMP/out"
expect_status 0 "--histogram --format json" nq --histogram --histogram-unit month --format json decoupling
check "histogram months with gaps filled" jq -e '.histogram == "month" and .buckets[0].key == "2018-06" and (.buckets | length) == 2' "$TMP/out"
expect_status 0 "--histogram text" nq --histogram decoupling
check "bars drawn with blocks" grep -q "█" "$TMP/out"

expect_status 1 "misspelling" nq decouplin
check "did you mean" grep -q "did you mean: decoupling" "$TMP/err"
expect_status 0 "--correct" nq --correct decouplin
expect_status 0 "an inflection of an indexed word" nq decouplings
check "is no typo" bash -c "! grep -q 'did you mean' '$TMP/err'"
expect_status 0 "--links-to URL" nq --format json --links-to 'https://news.example.com/2018/05/20/steel-tariffs/'
check "citing articles listed" bash -c "jq -r .article '$TMP/out' | sort -u | tr '\n' ' ' | grep -qx 'w1 w3 '"
check "link hits know their target article" jq -e '.target_article == "w2"' "$TMP/out"
expect_status 0 "--links-to article id" nq --format json --links-to w2
expect_status 0 "cited_by on passages" nq --format json 'article:w2'
check "w2 is cited by two articles" jq -e '.cited_by == 2' "$TMP/out"

expect_status 0 "-C 1" nq -C 1 --format json --limit 1 'article:w3 short-range'
check "context in JSON" jq -e '(.context_before | length) == 1 and .context_before[0].passage == 1' "$TMP/out"
expect_status 0 "--show ARTICLE" nq --show w3
check "whole article printed" bash -c "grep -q 'Japan weighs its security options' '$TMP/out' && grep -q 'short-range' '$TMP/out' && grep -q 'Trade talks stall' '$TMP/out'"
expect_status 0 "--show ARTICLE#PASSAGE --format json" nq --show 'w3#2' --format json
check "jumps to the passage" jq -e '(.passages | length) == 1 and .passages[0].passage == 2' "$TMP/out"
expect_status 1 "--show unknown" nq --show nope
# A file's path stands for the one article it holds, whatever that article's id.
cat >"$TMP/page.html" <<'HTML'
<html><head><title>Harbour reopens</title><link rel="canonical" href="https://news.example/harbour-reopens"></head>
<body><article><h1>Harbour reopens</h1><p>The harbour reopened to container ships on Monday.</p></article></body></html>
HTML
expect_status 0 "index a page" ni "$TMP/page.html"
expect_status 0 "--show PATH of a one-article file" nq --show "$TMP/page.html" --format json
check "its article, by canonical URL" jq -e '.article == "https://news.example/harbour-reopens" and (.passages | length) == 1' "$TMP/out"
expect_status 1 "--show PATH of a file of several articles" nq --show "$FIXTURES/news/wire.jsonl"
check "says so and names some" grep -q 'holds several articles (w' "$TMP/err"

expect_status 0 "--color always in text" nq --color always decoupling
check "ANSI colour" grep -q $'\x1b\[' "$TMP/out"
expect_status 0 "no colour when piped" nq decoupling
check "no ANSI" bash -c "! grep -q $'\x1b' '$TMP/out'"
expect_status 0 "json never coloured" nq --color always --format json decoupling
check "no ANSI in JSON" bash -c "! grep -q $'\x1b' '$TMP/out'"
expect_status 2 "--format-version 99 refused" nq --format-version 99 decoupling
expect_status 0 "--offset pages" nq --format json --limit 1 --offset 1 decoupling
check "rank continues" jq -e '.rank == 2' "$TMP/out"
# Passage mode re-ranks a head of candidates; a page cut from it must be the same rows as the
# longer list shows, whatever the candidate depth.
for c in 1 4 100; do
  for w in 1 3; do
    expect_status 0 "--candidates $c --widening $w, first 6" nq --format tsv --candidates $c --widening $w --limit 6 japan
    sed -n '4,6p' "$TMP/out" >"$TMP/page.long"
    expect_status 0 "--candidates $c --widening $w, page 2 of 3" nq --format tsv --candidates $c --widening $w --limit 3 --offset 3 japan
    check "--candidates $c --widening $w: --offset 3 --limit 3 shows rows 4-6" cmp "$TMP/out" "$TMP/page.long"
  done
done
# Candidates picked without document lengths, then scored exactly: when every match fits in the
# widened head, the ranking is the exact pass's, byte for byte.
expect_status 0 "exact candidate pass" nq --format json --explain --limit 0 --widening 1 japan
cp "$TMP/out" "$TMP/exact"
expect_status 0 "widened candidate pass" nq --format json --explain --limit 0 japan
check "widening changes nothing when every match is a candidate" cmp "$TMP/out" "$TMP/exact"
expect_status 2 "--widening 0 refused" nq --widening 0 japan
expect_status 0 "--candidates 1 still lists every match" nq --format json --candidates 1 --limit 0 japan
cp "$TMP/out" "$TMP/all.c1"
expect_status 0 "default candidates, every match" nq --format json --limit 0 japan
check "same matches, whatever the re-ranking depth" bash -c \
  "diff <(jq -r '.article + \"#\" + (.passage|tostring)' '$TMP/all.c1' | sort) <(jq -r '.article + \"#\" + (.passage|tostring)' '$TMP/out' | sort)"
expect_status 2 "--candidates 0 refused" nq --candidates 0 japan
expect_status 0 "--recent puts the newest story first" nq --format json --recent 30d --now 2018-07-20 decoupling
check "w3 (July) first" jq -se '.[0].article == "w3"' "$TMP/out"
expect_status 0 "relative date range" nq --format json --now 2018-07-20 'date:30d..' decoupling
check "only the last 30 days" bash -c "jq -r .article '$TMP/out' | sort -u | tr '\n' ' ' | grep -qx 'w3 '"
expect_status 0 "relative open start" nq --format json --now 2019-05-25 'date:..1y'
check "only older than a year" bash -c "jq -r .article '$TMP/out' | sort -u | grep -qx w2"
expect_status 2 "bad --recent" nq --recent soon decoupling
expect_status 0 "--snippet-length trims text mode" nq --snippet-length 80 --limit 1 deterrence
check "short snippet around the match" bash -c "sed -n 3p '$TMP/out' | awk '{ if (length(\$0) > 120) exit 1 }' && sed -n 3p '$TMP/out' | grep -q 'deterrence' && sed -n 3p '$TMP/out' | grep -q '…'"
expect_status 0 "JSON keeps the whole passage" nq --snippet-length 80 --limit 1 -f json deterrence
check "full text in JSON" jq -e '(.text | length) > 200' "$TMP/out"
# Article records keep stems only (schema 3): an exact word in --articles mode still finds just
# the articles that hold that very word, through their passages.
printf '%s\n' '{"id":"ex1","text":"The marathon runners were running through the harbour district."}' \
  '{"id":"ex2","text":"The harbour ferry runs twice a day and ran late on Sunday."}' >"$TMP/exact.jsonl"
expect_status 0 "index exact-word articles" ni "$TMP/exact.jsonl"
expect_status 0 "--articles =running" nq --articles --format json --limit 0 '=running'
check "only the article with the word itself" bash -c "jq -r .article '$TMP/out' | tr '\n' ' ' | grep -qx 'ex1 '"
expect_status 0 "--articles running (stemmed)" nq --articles --format json --limit 0 'running harbour'
check "inflections count" bash -c "jq -r .article '$TMP/out' | grep '^ex' | sort | tr '\n' ' ' | grep -qx 'ex1 ex2 '"
expect_status 0 "--articles wildcard" nq --articles --format json --limit 0 'harb*'
check "a wildcard finds both" bash -c "jq -r .article '$TMP/out' | grep '^ex' | sort | tr '\n' ' ' | grep -qx 'ex1 ex2 '"
expect_status 1 "--articles exact word nobody wrote" nq --articles --format json '=runned'
# A query takes the index's language when all its articles share one; with several, English,
# and each word also matches its stem in the others (or --language picks one).
DB="$TMP/lang.db"
printf '{"id":"de1","lang":"de","title":"Handelsstreit","text":"Europa fürchtet die wirtschaftliche Entkopplung."}\n' >"$TMP/de.jsonl"
expect_status 0 "index a German article" ni "$TMP/de.jsonl"
expect_status 0 "stats list the language" nq --stats
check "german" jq -e '.languages == ["german"]' "$TMP/out"
expect_status 0 "an inflected German word, no --language" nq -c Entkopplungen
check "found by its German stem" grep -qx 1 "$TMP/out"
printf '{"id":"en1","lang":"en","title":"Trade","text":"Europe fears an economic decoupling."}\n' >"$TMP/en.jsonl"
expect_status 0 "add an English article" ni "$TMP/en.jsonl"
expect_status 0 "stats list both" nq --stats
check "english and german" jq -e '.languages == ["english", "german"]' "$TMP/out"
expect_status 0 "two languages: --language picks" nq -c --language de Entkopplungen
check "found with --language de" grep -qx 1 "$TMP/out"
expect_status 0 "two languages, none asked for: every language's stem" nq --format json Entkopplungen
check "the German article, its word highlighted" jq -e '.article == "de1" and (.matches | length) == 1' "$TMP/out"
check "and no 'did you mean'" bash -c "! grep -q 'did you mean' '$TMP/err'"
expect_status 0 "an English inflection too" nq -c decouplings
check "the English article" grep -qx 1 "$TMP/out"
expect_status 1 "--language en: English stems only" nq -c --language en Entkopplungen
finish
