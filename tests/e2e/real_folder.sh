# A news folder as people keep one: plain-text articles in category folders (headline on the first
# line), byte-identical copies, near copies that differ by a paragraph or by their headline, and a
# Latin-1 file. Nothing a file holds may become unsearchable, any spelling of the folder is one
# set of sources, and every count agrees.
source "$(dirname "$0")/lib.sh"
F="$TMP/news"
python3 - "$F" <<'EOF'
import os, random, sys
root = sys.argv[1]
rnd = random.Random(7)
vocab = ("market bank shares growth economy rate profit company investors report quarter sales deal "
         "merger oil price dollar trade budget minister election vote party policy court ruling judge "
         "team match season coach league goal player software phone network chip data users security "
         "film music festival award director album stage crowd city council housing school teachers "
         "health hospital patients research study climate energy power wind solar farm harvest").split()
def tag(i):  # a word found in one file only
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(97 + r) + s
    return "zq" + s
def para(n):
    return " ".join(rnd.choice(vocab) for _ in range(n)).capitalize() + "."
cats = ["business", "politics", "sport", "tech", "entertainment"]
files, n = [], 0
for c in cats:
    os.makedirs(os.path.join(root, c), exist_ok=True)
for i in range(240):
    c = cats[i % len(cats)]
    title = " ".join(rnd.choice(vocab) for _ in range(5)).capitalize() + " " + tag(1000 + i)
    body = [para(35) + " " + tag(i) + " " + para(10)] + [para(40) for _ in range(4)]
    path = os.path.join(root, c, "%03d.txt" % (i // len(cats) + 1))
    files.append((path, title, body))
    with open(path, "w") as f:
        f.write(title + "\n\n" + "\n\n".join(body) + "\n")
copies = os.path.join(root, "copies"); os.makedirs(copies)
with open(os.path.join(root, "..", "expected"), "w") as exp:
    for k in range(12):  # byte-identical copies
        path, title, body = files[k * 7]
        cp = os.path.join(copies, "exact-%02d.txt" % k)
        open(cp, "w").write(open(path).read())
        exp.write("exact %s %s\n" % (path, cp))
    for k in range(10):  # a near copy with one paragraph more, holding a word of its own
        path, title, body = files[k * 7 + 3]
        cp = os.path.join(copies, "longer-%02d.txt" % k)
        extra = para(20) + " " + tag(5000 + k) + " " + para(8)
        open(cp, "w").write(title + "\n\n" + "\n\n".join(body + [extra]) + "\n")
        exp.write("longer %s %s %s\n" % (path, cp, tag(5000 + k)))
    for k in range(6):  # a copy under another headline
        path, title, body = files[k * 7 + 5]
        cp = os.path.join(copies, "retitled-%02d.txt" % k)
        new_title = "Another headline for the story " + tag(6000 + k)
        open(cp, "w").write(new_title + "\n\n" + "\n\n".join(body) + "\n")
        exp.write("retitled %s %s\n" % (cp, new_title))
# Latin-1, as old wire archives are.
latin = os.path.join(root, "business", "latin1.txt")
open(latin, "wb").write(("Caf\u00e9 owners protest zqlatin\n\nThe caf\u00e9 owners of the r\u00e9gion "
                         "met on Monday to protest the new tax on terraces, which they said would cost "
                         "them a season of trade and force some to close before the winter.\n").encode("latin-1"))
EOF
# One line per file: its path, its headline and a word found in it alone.
find "$F" -name '*.txt' | sort >"$TMP/files"
total=$(wc -l <"$TMP/files")

expect_status 0 "index the folder, categories from folder names" ni --category-from-dir -v "$F"
cp "$TMP/err" "$TMP/index.err"
check "the summary counts every file as an article" grep -q "newsindex: $total articles indexed (" "$TMP/index.err"
copies=$(tail -n 1 "$TMP/index.err" | sed -n 's/.*articles indexed (\([0-9]*\) of them copies.*/\1/p')
check "exact and retitled copies are copies" test "$copies" -ge 18
check "-v names each file's format" bash -c "grep -c ': text: 1 articles indexed' '$TMP/index.err' | grep -qx $total"
expect_status 0 "--stats" nq --stats
check "--stats agrees with the summary" jq -e ".articles == $total and .copies == $copies and .stories == $total - $copies and .sources == $total" "$TMP/out"
expect_status 0 "--list" ni --list --format json
check "--list agrees with the summary" bash -c "jq -s 'map(.articles) | add' '$TMP/out' | grep -qx $total"

# Every word that occurs in one file only finds that file among the hit's sources.
python3 - "$TMP/files" "$TMP/queries" "$TMP/want" <<'EOF'
import re, sys
files = open(sys.argv[1]).read().split("\n")[:-1]
words = {f: set(re.findall(r"\bzq[a-z]+\b", open(f, encoding="latin-1").read())) for f in files}
seen = {}
for ws in words.values():
    for w in ws:
        seen[w] = seen.get(w, 0) + 1
with open(sys.argv[2], "w") as q, open(sys.argv[3], "w") as want:
    n = 0
    for f in files:
        own = sorted(w for w in words[f] if seen[w] == 1)
        if own:
            n += 1
            q.write("q%d\t=%s\n" % (n, own[0]))
            want.write("q%d\t%s\n" % (n, f))
EOF
n=$(wc -l <"$TMP/queries")
check "a word of its own for every file but the exact copies and the originals the copies hold" test "$n" -eq $((total - 34))
nq --batch -f json --limit 1 <"$TMP/queries" >"$TMP/hits"
jq -r '[.qid, (.sources | join("|"))] | @tsv' "$TMP/hits" >"$TMP/got"
check "every file's own word finds that file" bash -c "join -t \$'\\t' <(sort '$TMP/want') <(sort '$TMP/got') | awk -F'\\t' 'index(\$3, \$2) == 0 { bad++ } END { exit bad > 0 }' && test \$(wc -l <'$TMP/got') -eq $n"

# Every headline in quotes finds its article, in both modes.
: >"$TMP/hq"; : >"$TMP/hwant"; n=0
while read -r f; do
  n=$((n + 1)); printf 'h%d\t"%s"\n' "$n" "$(head -1 "$f")" >>"$TMP/hq"; printf 'h%d\t%s\n' "$n" "$(head -1 "$f")" >>"$TMP/hwant"
done < <(grep -v latin1 "$TMP/files")
for mode in "" --articles; do
  nq --batch -f json --limit 1 $mode <"$TMP/hq" >"$TMP/hh"
  jq -r '[.qid, .title] | @tsv' "$TMP/hh" | sort >"$TMP/hgot"
  check "every headline in quotes finds an article of that title ${mode:-(passages)}" bash -c "test \$(wc -l <'$TMP/hgot') -eq $n && join -t \$'\\t' <(sort '$TMP/hwant') '$TMP/hgot' | awk -F'\\t' '\$2 != \$3 { bad++ } END { exit bad > 0 }'"
done
expect_status 0 "a headline lands on the article's lead" nq -f json "\"$(sed -n 's/^retitled [^ ]* //p' "$TMP/expected" | head -1)\""
check "one hit, the first passage of the retitled copy" jq -se 'length == 1 and .[0].passage == 1 and (.[0].source | contains("retitled-00"))' "$TMP/out"
expect_status 0 "title: phrase" nq --articles -c "title:\"another headline for the story\""
check "every retitled copy" grep -qx 6 "$TMP/out"

# The near copy's extra paragraph and the Latin-1 file are searchable.
word=$(awk '$1 == "longer" { print $4; exit }' "$TMP/expected")
expect_status 0 "a longer copy's own paragraph" nq -f json "$word"
check "is found in that copy" jq -se "length == 1 and (.[0].source | endswith(\"longer-00.txt\"))" "$TMP/out"
expect_status 0 "Latin-1 text decoded" nq -f json café région
check "the Latin-1 article" jq -se 'length == 1 and (.[0].source | endswith("latin1.txt"))' "$TMP/out"
expect_status 0 "category: from the folder" nq --articles -c category:sport
check "48 sport articles" grep -qx 48 "$TMP/out"
expect_status 0 "--facet category" nq --articles --facet category -f json --limit 0 zqlatin OR market OR bank OR team OR film
check "the folders are the categories" jq -e '[.counts[].value] | sort == ["business", "copies", "entertainment", "politics", "sport", "tech"]' "$TMP/out"

# Any spelling of the folder is the same set of sources.
ln -s "$F" "$TMP/linked"
for spelling in "$F" "$TMP/./news/../news" "$TMP/linked"; do
  expect_status 0 "index again as $spelling" ni "$spelling"
  check "nothing new ($spelling)" grep -q "newsindex: 0 articles indexed (0 of them copies of an indexed story), 0 passages, 0 links; 0 rejected, $total unchanged" "$TMP/err"
done
(cd "$TMP" && "$BIN/newsindex" --db "$DB" ./news >"$TMP/out" 2>"$TMP/err")
check "nothing new (./news from its parent)" grep -q "0 rejected, $total unchanged" "$TMP/err"
expect_status 0 "--stats after" nq --stats
check "still $total sources" jq -e ".sources == $total" "$TMP/out"
expect_status 0 "--output sources" nq --output sources zqlatin
check "paths open from anywhere" bash -c "cd / && xargs ls <'$TMP/out' >/dev/null"

# Deleting the first of two identical files and pruning keeps the story under the other.
read -r _ first second < <(awk '$1 == "exact" { print; exit }' "$TMP/expected")
word=$(grep -o 'zq[a-z]*' "$first" | head -1)
rm "$first"
expect_status 0 "prune the first copy" ni --prune "$F"
check "one removed" grep -q " 1 removed;" "$TMP/err"
expect_status 0 "the story is still found" nq -f json "$word"
check "under the copy left" jq -se "length == 1 and .[0].sources == [\"$second\"]" "$TMP/out"
expect_status 0 "a plain re-run" ni "$F"
check "changes nothing" grep -q "0 articles indexed" "$TMP/err"
expect_status 0 "still found after the re-run" nq -c "$word"
check "one hit" grep -qx 1 "$TMP/out"

# --remove names the articles it removed; counts stay in step.
expect_status 0 "--remove a file" ni --remove "$second"
check "removed 1 sources, 1 articles" grep -q "removed 1 sources, 1 articles" "$TMP/err"
expect_status 1 "the story went with its last copy" nq "$word"
expect_status 0 "--stats after removing two" nq --stats
check "two articles fewer" jq -e ".articles == $total - 2 and .sources == $total - 2" "$TMP/out"
expect_status 0 "--list DIR lists only that folder" ni --list --format json "$F/sport"
check "48 sources under sport/" bash -c "jq -s 'length == 48 and all(.source | contains(\"/sport/\"))' '$TMP/out' | grep -qx true"
expect_status 0 "--quiet-copies" ni --quiet-copies --force "$F/copies"
check "no copy notices" bash -c "! grep -q 'is a copy of' '$TMP/err'"

# A page saved "complete" by a browser: the page, and a folder of its styles, scripts and images.
# The walk reads the page, passes over the rest and says how many files of which types; a file
# named on the command line is read whatever its type.
S="$TMP/saved"; mkdir -p "$S/Trade talks_files"
cp "$SRC/tests/fixtures/html/$(ls "$SRC/tests/fixtures/html" | grep '\.html$' | head -1)" "$S/Trade talks.html"
printf 'body { color: red } /* zqstyleword */\n' >"$S/Trade talks_files/style.css"
printf 'var zqscriptword = 1;\n' >"$S/Trade talks_files/app.js"
head -c 3000 "$BIN/newsindex" >"$S/Trade talks_files/logo.png"
DB="$TMP/saved.db"
expect_status 0 "index a saved page's folder" ni "$S"
check "one article, three files of other types not read, named by type" \
  grep -q "^newsindex: 1 articles indexed.*; 3 files of other types not read (.css .js .png)$" "$TMP/err"
check "no line about the image" bash -c "! grep -q 'logo.png' '$TMP/err'"
expect_status 1 "the script's words are not in the index" nq -c zqscriptword
expect_status 0 "a script named on the command line is read" ni "$S/Trade talks_files/app.js"
expect_status 0 "  and then found" nq -c zqscriptword
finish
