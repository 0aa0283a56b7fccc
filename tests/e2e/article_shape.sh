# Ranking that follows the index's article shape (docs/relevance.md, "Long articles"): on an
# index of long articles the whole article's share of an --articles score falls, so an article
# with one paragraph about the query ranks above one that names its words in passing
# throughout, and feedback reads the feedback articles' best passages, so a digest's other
# subjects stay out of the expansion; an index of one-paragraph abstracts keeps --fusion-weight
# as given.
source "$(dirname "$0")/lib.sh"

python3 - "$TMP" <<'PY'
import json, sys
out = sys.argv[1]
filler = ["The city council met on Tuesday to discuss the new budget for schools and roads.",
          "Local farmers reported a good harvest of apples and pears this autumn.",
          "The football club announced a new coach after a difficult season.",
          "A new bakery opened on the high street, selling bread and cakes.",
          "Traffic was slow on the motorway because of roadworks near the bridge.",
          "The museum will show paintings by local artists until the end of March.",
          "Heavy rain is expected over the weekend in the northern valleys."]
focused = ("Glacier melt in the Alps has doubled: the glacier lost ice as melt water rose, "
           "scientists measuring glacier melt said.")
passing = [f + (" A glacier was mentioned." if i % 2 == 0 else " Snow melt was mentioned.") for i, f in enumerate(filler)]
docs = [{"id": "focused", "title": "Around the region this week", "text": "\n\n".join(filler[:3] + [focused] + filler[3:])},
        {"id": "passing", "title": "Glacier and melt notes",
         "text": "\n\n".join(passing + ["Officials said the glacier melt season starts soon."])}]
docs += [{"id": f"other{i}", "title": f"Other story {i}", "text": "\n\n".join(filler[i:] + filler[:i])} for i in range(6)]
with open(f"{out}/long.jsonl", "w") as f:
    for d in docs:
        f.write(json.dumps(d) + "\n")
with open(f"{out}/short.jsonl", "w") as f:
    for i, text in enumerate(filler + [focused]):
        f.write(json.dumps({"id": f"s{i}", "title": f"Brief {i}", "text": text}) + "\n")
PY

expect_status 0 "index long articles" ni "$TMP/long.jsonl"
expect_status 0 "articles mode, default shape rule" nq --articles --format json --explain "glacier melt"
check "the article with a paragraph about the query ranks first" bash -c "head -1 '$TMP/out' | jq -e '.article == \"focused\"' > /dev/null"
check "the whole article's share falls below --fusion-weight" bash -c "head -1 '$TMP/out' | jq -e '.explain.fusion_weight < 0.5' > /dev/null"
expect_status 0 "articles mode, fixed share, feedback from whole articles" nq --articles --format json --explain --fusion-length-power 0 --feedback-from articles "glacier melt"
check "with --fusion-length-power 0 the share is --fusion-weight" bash -c "head -1 '$TMP/out' | jq -e '.explain.fusion_weight == 0.8' > /dev/null"
check "and the passing mentions win on the whole article's words" bash -c "head -1 '$TMP/out' | jq -e '.article == \"passing\"' > /dev/null"
expect_status 0 "--fusion-weight 1 stays the article alone" nq --articles --format json --explain --fusion-weight 1 "glacier melt"
check "share 1" bash -c "head -1 '$TMP/out' | jq -e '.explain.fusion_weight == 1' > /dev/null"
expect_status 2 "a negative power is refused" nq --articles --fusion-length-power -1 "glacier melt"
check "one line naming the option" bash -c "grep -c . '$TMP/err' | grep -qx 1 && grep -q -- '--fusion-length-power' '$TMP/err'"

# Digests: one paragraph on glaciers among paragraphs of football results.
python3 - "$TMP" <<'PY'
import json, random, sys
r = random.Random(7)
teams = ["Rovers", "United", "Athletic", "Wanderers", "Albion", "City", "Rangers", "Town", "Harriers", "Borough"]
def football():
    a, b = r.sample(teams, 2)
    return (f"In the football league {a} beat {b} {r.randint(1, 5)}-0; the coach praised the club's striker "
            f"and the stadium crowd of {r.randint(5, 60)},000 after the match.")
glacier = "{} glacier ice is retreating: scientists measured the glacier losing ice as meltwater rose in the valleys."
docs = []
for i, name in enumerate(["Alpine", "Andean", "Rocky Mountain", "Himalayan"]):
    paragraphs = [football() for _ in range(7)]
    paragraphs.insert(i + 2, glacier.format(name))
    docs.append({"id": f"digest{i}", "title": f"Weekly digest {i}", "text": "\n\n".join(paragraphs)})
docs.append({"id": "clubnews", "title": "Club news",
             "text": "\n\n".join(["A glacier tour is planned for members.", football(), football()])})
docs += [{"id": f"sport{i}", "title": f"Sport {i}", "text": "\n\n".join(football() for _ in range(6))} for i in range(6)]
with open(f"{sys.argv[1]}/digests.jsonl", "w") as f:
    f.writelines(json.dumps(d) + "\n" for d in docs)
PY
DB="$TMP/digest-db"
expect_status 0 "index digests" ni "$TMP/digests.jsonl"
football_terms='[.explain.article.terms[].term | select(startswith("Zfootbal") or startswith("Zstadium"))] | length'
expect_status 0 "feedback from the best passages (the default on long articles)" nq --articles --format json --explain glacier
check "the football paragraphs lend the expansion nothing" bash -c "jq -e 'select(.article == \"clubnews\") | ($football_terms) == 0' '$TMP/out' > /dev/null"
expect_status 0 "feedback from whole articles" nq --articles --format json --explain --feedback-from articles glacier
check "the digests' football words enter the expansion" bash -c "jq -e 'select(.article == \"clubnews\") | ($football_terms) > 0' '$TMP/out' > /dev/null"
expect_status 2 "an unknown --feedback-from is refused" nq --feedback-from pages glacier
check "one line naming the option" bash -c "grep -c . '$TMP/err' | grep -qx 1 && grep -q -- '--feedback-from' '$TMP/err'"

DB="$TMP/short-db"
expect_status 0 "index one-paragraph articles" ni "$TMP/short.jsonl"
expect_status 0 "articles mode on abstracts" nq --articles --format json --explain "glacier melt"
check "abstracts keep --fusion-weight" bash -c "head -1 '$TMP/out' | jq -e '.explain.fusion_weight == 0.8' > /dev/null"
finish
