#!/usr/bin/env python3
"""Long-article test collections built from a collection of abstracts (docs/relevance.md).

usage: long-articles.py --group {coherent,random} [--parts MIN MAX] COLLECTION_DIR OUT_DIR

News articles run to 10-20 paragraphs; the shared collections judge abstracts of one or two.
This joins each collection's documents into articles of 4 to 8 paragraphs (--parts), one abstract a
paragraph (the first one's title the headline, the others' titles opening their paragraph),
and judges them by TREC's rule: an article is relevant when any part of it is.

  coherent  an article is a seed abstract and its nearest unassigned neighbours by tf-idf
            cosine: one subject told at length, as a feature article is
  random    abstracts in a shuffled order: several subjects in one article, as a news digest
            or a long report that touches the query's subject in one paragraph

OUT_DIR gets docs.jsonl, topics.tsv (copied) and qrels.txt, the layout scripts/eval.sh reads.
The same input always gives the same files, byte for byte (fixed seeds, sorted output).
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import sys
from collections import Counter

STOP = set("""a an and are as at be been by can for from in into is it its no not of on or our
than that the these this those to was we were which with""".split())


def read_docs(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def doc_text(d):
    return (d.get("title") or "") + " " + (d.get("text") or "")


def unit_vectors(docs):
    counts = [Counter(w for w in re.findall(r"[a-z]+", doc_text(d).lower()) if w not in STOP and len(w) > 2)
              for d in docs]
    df = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(docs)
    out = []
    for c in counts:
        v = {w: (1 + math.log(k)) * math.log(n / df[w]) for w, k in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def coherent_groups(docs, rng, parts):
    vectors = unit_vectors(docs)
    postings = {}
    for i, v in enumerate(vectors):
        for w, x in v.items():
            postings.setdefault(w, []).append((i, x))
    order = list(range(len(docs)))
    rng.shuffle(order)
    taken = [False] * len(docs)
    groups = []
    for seed in order:
        if taken[seed]:
            continue
        size = rng.randint(*parts)
        similarity = Counter()
        for w, x in vectors[seed].items():
            for j, y in postings[w]:
                if j != seed and not taken[j]:
                    similarity[j] += x * y
        members = [seed] + [j for j, _ in similarity.most_common(size - 1)]
        for m in members:
            taken[m] = True
        groups.append(members)
    return groups


def random_groups(docs, rng, parts):
    order = list(range(len(docs)))
    rng.shuffle(order)
    groups, at = [], 0
    while at < len(order):
        size = rng.randint(*parts)
        groups.append(order[at:at + size])
        at += size
    return groups


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--group", choices=("coherent", "random"), required=True)
    ap.add_argument("--parts", nargs=2, type=int, default=(4, 8), metavar=("MIN", "MAX"),
                    help="abstracts an article holds, chosen uniformly (default 4 8)")
    ap.add_argument("collection")
    ap.add_argument("out")
    args = ap.parse_args()
    docs = read_docs(os.path.join(args.collection, "docs.jsonl"))
    rng = random.Random(4242 if args.group == "coherent" else 12345)
    groups = (coherent_groups if args.group == "coherent" else random_groups)(docs, rng, tuple(args.parts))
    os.makedirs(args.out, exist_ok=True)
    article_of = {}
    with open(os.path.join(args.out, "docs.jsonl"), "w", encoding="utf-8") as out:
        for n, members in enumerate(groups):
            article = f"a{n}"
            paragraphs = []
            for i, m in enumerate(members):
                d = docs[m]
                article_of[d["id"]] = article
                text = " ".join((d.get("text") or "").split())
                if i > 0 and d.get("title"):
                    text = d["title"].strip() + ". " + text
                paragraphs.append(text)
            headline = docs[members[0]].get("title") or ""
            out.write(json.dumps({"id": article, "title": headline, "text": "\n\n".join(paragraphs)}) + "\n")
    relevant = {}
    with open(os.path.join(args.collection, "qrels.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 4 and int(parts[3]) > 0 and parts[2] in article_of:
                relevant.setdefault(parts[0], set()).add(article_of[parts[2]])
    with open(os.path.join(args.out, "qrels.txt"), "w", encoding="utf-8") as out:
        for topic in sorted(relevant, key=lambda q: (len(q), q)):
            for article in sorted(relevant[topic], key=lambda a: int(a[1:])):
                out.write(f"{topic} 0 {article} 1\n")
    shutil.copy(os.path.join(args.collection, "topics.tsv"), os.path.join(args.out, "topics.tsv"))
    print(f"{args.out}: {len(groups)} articles from {len(docs)} documents, "
          f"{sum(len(v) for v in relevant.values())} relevant (topic, article) pairs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
