# Wire copies: every copy of a story is indexed (its own words stay searchable) and hits show the
# story once, with the sources of all its copies.
source "$(dirname "$0")/lib.sh"
W="$TMP/wire"; mkdir -p "$W"
story="Officials in Tokyo said on Tuesday that the government would expand its missile defense program after a series of launches by North Korea. The plan, which must still be approved by parliament, calls for two new radar stations and additional interceptors on destroyers in the Sea of Japan. Defense Minister Itsunori Onodera told reporters that the threat had entered a new stage and that Japan could not rely on its existing systems alone. Critics warned that the cost would strain a budget already burdened by social security spending and reconstruction after the 2011 earthquake."
printf 'Home > World > Japan defense\nJapan to expand missile defense\n- March 6, 2018\n%s\n' "$story" >"$W/agency.txt"
# An exact copy: other typography, other case, another outlet.
printf 'Home > Asia\nJAPAN TO EXPAND MISSILE DEFENSE\n- March 6, 2018\n%s\n' "$(echo "$story" | tr 'a-z' 'A-Z' | sed 's/\. /.  /g')" >"$W/outlet-b.txt"
# A near copy: a sentence edited and a credit line added.
near="$(echo "$story" | sed 's/two new radar stations/two radar stations/; s/told reporters/told journalists/') (Reuters)"
printf 'Home > World\nJapan plans bigger missile shield\n- March 7, 2018\n%s\n' "$near" >"$W/outlet-c.txt"
printf 'Home > Sport\nLocal team wins\n- March 7, 2018\nThe local team won the final on Sunday after a late goal from its captain, ending a long wait for a trophy in front of a crowd that had travelled across the country to see the match.\n' >"$W/sport.txt"

expect_status 0 "index wire copies" ni "$W"
cp "$TMP/err" "$TMP/err.index"
check "copies are said on stderr" bash -c "grep -c 'is a copy of' '$TMP/err' | grep -qx 2"
expect_status 0 "search returns the story once" nq -f json --limit 0 interceptors destroyers
check "one article" bash -c "jq -r .article '$TMP/out' | sort -u | wc -l | grep -qx 1"
check "its sources list all three copies" bash -c "jq -se '.[0].sources | length == 3' '$TMP/out'"
expect_status 0 "--duplicates groups" nq --duplicates -f json
check "one group with two copies" bash -c "jq -se 'length == 1 and (.[0].copies | length) == 2' '$TMP/out'"
check "exact copy has similarity 1" bash -c "jq -se '[.[0].copies[] | select(.source | endswith(\"outlet-b.txt\")) | .similarity] == [1]' '$TMP/out'"
expect_status 0 "--duplicates text" nq --duplicates
check "text lists the copies" grep -q "outlet-c.txt" "$TMP/out"
expect_status 0 "other stories untouched" nq -c sport OR trophy
expect_status 0 "articles mode: the story once" nq --articles -f json --limit 0 interceptors
check "one article hit, with three sources" bash -c "jq -se 'length == 1 and (.[0].sources | length) == 3' '$TMP/out'"
expect_status 0 "-c counts what a listing shows" nq --articles -c interceptors
check "one story counted" grep -qx 1 "$TMP/out"
expect_status 0 "a near copy's own words find it" nq -f json journalists
check "the near copy's passage" bash -c "jq -se 'length == 1 and (.[0].source | endswith(\"outlet-c.txt\"))' '$TMP/out'"
expect_status 0 "a copy's own headline finds it" nq -f json '"bigger missile shield"'
check "the near copy, by its headline" bash -c "jq -se 'length == 1 and (.[0].title == \"Japan plans bigger missile shield\")' '$TMP/out'"
expect_status 0 "--stats counts copies and stories" nq --stats
check "4 articles, 2 copies, 2 stories" bash -c "jq -e '.articles == 4 and .copies == 2 and .stories == 2' '$TMP/out'"
check "the summary names the copies" grep -q "4 articles indexed (2 of them copies of an indexed story)" "$TMP/err.index" 


DB="$TMP/db-keep"
expect_status 0 "--keep-duplicates" ni --keep-duplicates "$W"
expect_status 0 "all copies searchable" nq --articles -c interceptors
check "three articles" grep -qx 3 "$TMP/out"
# That run stored no near-copy signatures: a later run still finds an exact copy of its articles,
# and indexes a near copy as a story of its own.
W2="$TMP/wire2"; mkdir -p "$W2"
printf 'Home > Asia\nJapan defense plan\n- March 8, 2018\n%s\n' "$(echo "$story" | tr 'A-Z' 'a-z')" >"$W2/outlet-d.txt"
printf 'Home > World\nJapan missile shield\n- March 8, 2018\n%s\n' "$(echo "$near" | sed 's/additional interceptors/more interceptors/')" >"$W2/outlet-e.txt"
expect_status 0 "a later run looks for copies again" ni "$W2"
check "the exact copy is found" bash -c "grep 'is a copy of' '$TMP/err' | grep -q outlet-d.txt"
# The exact copy is indexed in its turn, with a signature, so the near copy finds its story
# through it.
check "the near copy joins the story through the exact copy" bash -c "grep 'outlet-e.txt: .* is a copy of' '$TMP/err' | grep -q outlet-d.txt"
expect_status 0 "three stories now" nq --articles -c interceptors
check "three (both copies join the first story)" grep -qx 3 "$TMP/out"
expect_status 0 "three stories listed" nq --articles -f json --limit 0 interceptors
check "three" bash -c "jq -se 'length == 3' '$TMP/out'"
expect_status 0 "six articles in all" nq --stats
check "6 articles, 2 copies" bash -c "jq -e '.articles == 6 and .copies == 2' '$TMP/out'"

DB="$TMP/db-ids"
printf '{"id": "x1", "text": "First version of the story about harbour cranes."}\n' >"$TMP/one.jsonl"
printf '{"id": "x1", "text": "Second version of the story about harbour cranes and ships."}\n' >"$TMP/two.jsonl"
expect_status 0 "same id from two files" ni "$TMP/one.jsonl" "$TMP/two.jsonl"
check "replacement said on stderr" grep -q "article x1 replaces the copy from" "$TMP/err"
expect_status 0 "the newer wins" nq -f json cranes
check "one hit, second version" bash -c "jq -se 'length == 1 and (.[0].text | startswith(\"Second\"))' '$TMP/out'"
# Removing the newer file brings back the older file's copy: the article stays searchable.
expect_status 0 "remove the newer file" ni --remove "$TMP/two.jsonl"
check "the older file is read again" grep -q "one.jsonl: holds an article removed with another file: read again" "$TMP/err"
expect_status 0 "the article is still found" nq -f json cranes
check "first version again" bash -c "jq -se 'length == 1 and (.[0].text | startswith(\"First\"))' '$TMP/out'"
expect_status 0 "index both again" ni "$TMP/one.jsonl" "$TMP/two.jsonl"
rm "$TMP/two.jsonl"; mkdir -p "$TMP/ids"; mv "$TMP/one.jsonl" "$TMP/ids/"
expect_status 0 "index the folder holding the older file" ni "$TMP/ids"
expect_status 0 "the moved file's copy" nq -f json cranes
check "one hit" bash -c "jq -se 'length == 1' '$TMP/out'"
# Removing the first copy keeps the story under the others; it goes only with its last copy.
DB="$TMP/db-rm"; W="$TMP/wire-rm"; mkdir -p "$W"; cp "$TMP/wire/agency.txt" "$TMP/wire/outlet-b.txt" "$TMP/wire/outlet-c.txt" "$W"
expect_status 0 "index three copies" ni "$W"
expect_status 0 "remove the first copy" ni --remove "$W/agency.txt"
check "removed 1 source, 1 article" grep -q "removed 1 sources, 1 articles" "$TMP/err"
rm "$W/agency.txt"
expect_status 0 "the story is still found" nq -f json --limit 0 interceptors destroyers
check "under its other copies" bash -c "jq -se 'length == 1 and (.[0].sources | length) == 2' '$TMP/out'"
rm "$W/outlet-b.txt"
expect_status 0 "prune a second copy" ni --prune "$W"
expect_status 0 "the story is still found" nq -f json --limit 0 interceptors destroyers
check "under its last copy" bash -c "jq -se 'length == 1 and (.[0].source | endswith(\"outlet-c.txt\"))' '$TMP/out'"
rm "$W/outlet-c.txt"
expect_status 0 "prune the last copy" ni --prune "$W"
expect_status 1 "the story is gone with its last copy" nq interceptors
finish
