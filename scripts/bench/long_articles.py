"""Long articles for the query benchmark: the bench corpus's paragraphs, shuffled (seeded) into
articles of 10 to 40 paragraphs, so that no two articles are copies; and queries of 1 to 3 words
seen in 5 to 200 of a sample of them. Usage: long_articles.py CORPUS ARTICLES_OUT QUERIES_OUT N"""
import collections
import json
import random
import re
import sys

corpus, articles_out, queries_out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
paras = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
r = random.Random(3)
r.shuffle(paras)
df = collections.Counter()
with open(articles_out, "w", encoding="utf-8") as out:
    i = k = 0
    while i < len(paras):
        part = paras[i:i + r.randint(10, 40)]
        i += len(part)
        text = "\n\n".join(part)
        out.write(json.dumps({"id": f"long{k}", "title": part[0][:60], "text": text}) + "\n")
        if k % 16 == 0:
            df.update(set(re.findall(r"[a-z]{4,}", text.lower())))
        k += 1
words = sorted(w for w, c in df.items() if 5 <= c <= 200)
with open(queries_out, "w", encoding="utf-8") as out:
    for _ in range(n):
        out.write(" ".join(r.sample(words, r.randint(1, 3))) + "\n")
