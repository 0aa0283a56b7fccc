#!/usr/bin/env python3
"""Score regularization (Diaz 2005), an experiment kept for re-measuring: re-ranks the first
DEPTH articles of each topic of a TREC run by (1 - alpha) * s + alpha * (the similarity-weighted
mean score of its K most similar articles among them), s being the score over the topic's best,
similarity the cosine of the article records' stems weighted by (1 + log wdf) * idf. It is not
in newsquery: docs/relevance.md has what it measured. Writes the re-ranked run to stdout.

usage: rerank-neighbours.py [--alpha 0.3] [--neighbours 5] [--depth 50] DB RUN
Needs Debian's python3-xapian (scripts/deps.sh --extra).
"""
import argparse
import itertools
import math
import sys

import xapian

ARTICLE_STEMS = "ZXW"  # common/schema.h: "Z" + the article_body field's prefix
UID = "Q"              # common/schema.h: the uid field (an article record's key)


def article_vector(db, key, n_docs):
    """The unit tf-idf vector of the article record whose key is `key` (empty when absent)."""
    vec = {}
    for posting in db.postlist(UID + key):
        for t in db.get_document(posting.docid).termlist():
            term = t.term.decode()
            if term.startswith(ARTICLE_STEMS):
                vec[term] = (1 + math.log(t.wdf)) * math.log(n_docs / db.get_termfreq(term))
        break
    norm = math.sqrt(sum(x * x for x in vec.values())) or 1.0
    return {t: x / norm for t, x in vec.items()}


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--alpha", type=float, default=0.3)
    ap.add_argument("--neighbours", type=int, default=5)
    ap.add_argument("--depth", type=int, default=50)
    ap.add_argument("db")
    ap.add_argument("run")
    args = ap.parse_args()
    db = xapian.Database(args.db)
    n_docs = db.get_doccount()
    topics = {}
    for line in open(args.run, encoding="utf-8"):
        qid, _, doc, _, score, _ = line.split()
        topics.setdefault(qid, []).append((doc, float(score)))
    vectors = {}
    out = sys.stdout
    for qid, hits in topics.items():
        top = hits[:args.depth]
        best = top[0][1] or 1.0
        s = [score / best for _, score in top]
        vec = [vectors.setdefault(doc, article_vector(db, doc, n_docs)) for doc, _ in top]
        sim = [[0.0] * len(top) for _ in top]
        for i, j in itertools.combinations(range(len(top)), 2):
            sim[i][j] = sim[j][i] = cosine(vec[i], vec[j])
        rescored = []
        for i in range(len(top)):
            near = sorted(((sim[i][j], j) for j in range(len(top)) if j != i), reverse=True)[:args.neighbours]
            total = sum(w for w, _ in near) or 1.0
            smooth = sum(w * s[j] for w, j in near) / total
            rescored.append(((1 - args.alpha) * s[i] + args.alpha * smooth, top[i][0]))
        rescored.sort(key=lambda r: -r[0])
        # The re-ranked head stays above the tail: +1 keeps it there (scores are at most 1).
        for rank, (score, doc) in enumerate(rescored, 1):
            out.write(f"{qid} Q0 {doc} {rank} {score + 1:.6f} neighbours\n")
        for rank, (doc, score) in enumerate(hits[args.depth:], len(top) + 1):
            out.write(f"{qid} Q0 {doc} {rank} {score / best:.6f} neighbours\n")


if __name__ == "__main__":
    main()
