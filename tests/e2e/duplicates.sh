# Wire copies: the same story from several sources is indexed once, its copies listed.
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
check "copies are said on stderr" bash -c "grep -c 'is a copy of' '$TMP/err' | grep -qx 2"
expect_status 0 "search returns the story once" nq -f json --limit 0 interceptors destroyers
check "one article" bash -c "jq -r .article '$TMP/out' | sort -u | wc -l | grep -qx 1"
check "its sources list all three copies" bash -c "jq -se '.[0].sources | length == 3' '$TMP/out'"
expect_status 0 "--duplicates groups" nq --duplicates -f json
check "one group with two copies" bash -c "jq -se 'length == 1 and (.[0].duplicates | length) == 2' '$TMP/out'"
check "exact copy has similarity 1" bash -c "jq -se '[.[0].duplicates[] | select(.source | endswith(\"outlet-b.txt\")) | .similarity] == [1]' '$TMP/out'"
expect_status 0 "--duplicates text" nq --duplicates
check "text lists the copies" grep -q "outlet-c.txt" "$TMP/out"
expect_status 0 "other stories untouched" nq -c sport OR trophy

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
check "the near copy is indexed as its own story" bash -c "! grep -q 'outlet-e.txt: .* is a copy of' '$TMP/err'"
expect_status 0 "four articles now" nq --articles -c interceptors
check "four" grep -qx 4 "$TMP/out"

DB="$TMP/db-ids"
printf '{"id": "x1", "text": "First version of the story about harbour cranes."}\n' >"$TMP/one.jsonl"
printf '{"id": "x1", "text": "Second version of the story about harbour cranes and ships."}\n' >"$TMP/two.jsonl"
expect_status 0 "same id from two files" ni "$TMP/one.jsonl" "$TMP/two.jsonl"
check "replacement said on stderr" grep -q "article x1 replaces the copy from" "$TMP/err"
expect_status 0 "the newer wins" nq -f json cranes
check "one hit, second version" bash -c "jq -se 'length == 1 and (.[0].text | startswith(\"Second\"))' '$TMP/out'"
finish
