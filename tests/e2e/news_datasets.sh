# A folder of news datasets and scraper output as people download them: .json files that are one
# pretty-printed document each (news-please's one article a file, an array of articles, a news
# API's answer holding an "articles" array, a dump that breaks off), a .json that holds no news,
# a CSV table of articles with an unnamed index column and multi-line quoted bodies (Kaggle's
# "All the news"), a TSV, a CSV of numbers and a JSON Lines dataset that keeps only summaries
# (HuffPost's News Category Dataset). Every article is searchable; a file without news is one
# line, not one per line of the file; a second run reads again only the files with a problem.
source "$(dirname "$0")/lib.sh"
F="$TMP/scraped"; mkdir -p "$F/news-please"
python3 - "$F" <<'PY'
import csv, json, os, sys
root = sys.argv[1]
for i in range(3):  # news-please: one indented object per file
    with open(os.path.join(root, "news-please", f"article{i}.json"), "w") as f:
        json.dump({"authors": ["Ann Lee"], "date_publish": f"2018-06-0{i + 1} 09:30:00", "language": "en",
                   "maintext": f"Trade talks resumed. wordnp{i} appears here.\n\nA second paragraph.",
                   "title": f"Trade talks day {i}", "url": f"https://example.com/np/{i}"}, f, indent=4)
with open(os.path.join(root, "list.json"), "w") as f:
    json.dump([{"id": f"l{i}", "title": f"List item {i}", "text": f"Listed story wordlist{i}."} for i in range(4)],
              f, indent=2)
with open(os.path.join(root, "api.json"), "w") as f:
    json.dump({"status": "ok", "totalResults": 2, "articles": [
        {"source": {"name": "Wire"}, "url": "https://example.com/api/1", "title": "API one",
         "publishedAt": "2024-01-02T10:00:00Z", "content": "API story wordapi1."},
        {"title": "No address", "content": "API story wordapi2 without id or url."}]}, f, indent=1)
with open(os.path.join(root, "package.json"), "w") as f:  # not news
    json.dump({"name": "scraper", "version": "1.0.0", "dependencies": {"x": "^1"}}, f, indent=2)
text = json.dumps([{"id": f"c{i}", "text": f"Cut dump story wordcut{i}."} for i in range(3)], indent=2)
with open(os.path.join(root, "cut.json"), "w") as f:
    f.write(text[: text.index("wordcut2")])
with open(os.path.join(root, "all-the-news.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["", "id", "title", "publication", "author", "date", "year", "month", "url", "content"])
    for i in range(5):
        w.writerow([i, 17283 + i, f"Story {i}, with a comma", "Times", "Carl Hulse", "2016-12-31", 2016.0, 12.0, "",
                    f'First paragraph wordcsv{i} said "quoted".\n\nSecond paragraph.'])
with open(os.path.join(root, "wire.tsv"), "w") as f:
    f.write("url\theadline\tbody\nhttps://example.com/t/1\tTabbed\tA tabbed story wordtsv1.\n")
with open(os.path.join(root, "prices.csv"), "w") as f:  # a table, but not of news
    f.write("date,open,close\n2018-06-06,1.0,2.0\n2018-06-07,2.0,3.0\n")
with open(os.path.join(root, "News_Category_Dataset.json"), "w") as f:  # JSON Lines under a .json name
    for i in range(2):
        f.write(json.dumps({"link": f"https://www.huffpost.com/entry/s{i}", "headline": f"Summary {i}",
                            "category": "U.S. NEWS", "short_description": f"Only a summary wordhp{i}.",
                            "authors": "Carla K. Johnson, AP", "date": "2022-09-23"}) + "\n")
PY

expect_status 1 "index the folder (some files hold something unusable)" ni "$F"
check "every article counted" grep -q "^newsindex: 18 articles indexed" "$TMP/err"
check "package.json is one line" test "$(grep -c 'package.json' "$TMP/err")" -eq 1
check "  saying it holds no articles" grep -q "package.json: a JSON document with no articles" "$TMP/err"
check "the API answer's unusable article is named by its place" \
  grep -q 'api.json: "articles": article 2 of the array: no "id" or "url"' "$TMP/err"
check "the cut dump names where it breaks off" grep -q "cut.json: invalid JSON: line [0-9]*, column [0-9]*: .*the articles before it are read" "$TMP/err"
check "prices.csv is one line naming the header" grep -q "prices.csv: row 1: the header names no text column" "$TMP/err"
check "four problems in all" test "$(grep -vc '^newsindex: [0-9]* articles indexed' "$TMP/err")" -eq 4
for w in wordnp0 wordnp1 wordnp2 wordlist0 wordlist1 wordlist2 wordlist3 wordapi1 wordcut0 wordcut1 \
         wordcsv0 wordcsv4 wordtsv1 wordhp0 wordhp1; do
  expect_status 0 "$w is found" nq -c "$w"
  check "  once" grep -qx 1 "$TMP/out"
done
nq -f json wordnp1 >"$TMP/hit"
check "news-please's fields are read (title, date, url)" \
  jq -e '.title == "Trade talks day 1" and .date == "2018-06-02" and .url == "https://example.com/np/1"' "$TMP/hit" >/dev/null
nq -f json wordapi1 >"$TMP/hit"
check "the API's publishedAt is the date" jq -e '.date == "2024-01-02"' "$TMP/hit" >/dev/null
nq -f json wordcsv3 >"$TMP/hit"
check "a CSV row's fields: the quoted title with its comma, the date, the numeric id" \
  jq -e '.title == "Story 3, with a comma" and .date == "2016-12-31" and .article == "17286"' "$TMP/hit" >/dev/null
expect_status 0 "a quoted multi-line body keeps its second paragraph" nq -c 'article:17286 "second paragraph"'
check "  one passage" grep -qx 1 "$TMP/out"
expect_status 0 "author: finds news-please's authors" nq -c 'author:"Ann Lee"'
check "  three articles' passages" test "$(cat "$TMP/out")" -ge 3

expect_status 1 "a second run" ni "$F"
# Files with a problem are read again (and say it again), as JSON Lines with a bad line are.
check "reads only the files with problems again" grep -q "^newsindex: 3 articles indexed .* 4 rejected, 7 unchanged" "$TMP/err"
expect_status 0 "counts unchanged" nq -c wordlist2
check "  once" grep -qx 1 "$TMP/out"
finish
