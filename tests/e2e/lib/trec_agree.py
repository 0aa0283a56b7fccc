#!/usr/bin/env python3
"""Whether two TREC runs of one index under two shardings agree: each topic ranks the same
articles in the same order with scores equal to a relative 1e-10 (or the third argument), articles
of equal scores in any order. The last bits of a sum differ with the order Xapian adds it in, and
feedback weights carry those bits into every expansion term, so a fixed number of printed digits
can round two equal scores apart. Prints the first disagreement and exits 1."""
import math
import sys
from collections import defaultdict

tol = float(sys.argv[3]) if len(sys.argv) > 3 else 1e-10


def run(path):
    topics = defaultdict(list)
    for line in open(path):
        f = line.split()
        topics[f[0]].append((f[2], float(f[4])))
    return topics


def groups(rows):
    """Runs of scores equal within tol, each as its score and its articles."""
    out = []
    for article, score in rows:
        if out and math.isclose(score, out[-1][0], rel_tol=tol):
            out[-1][1].add(article)
        else:
            out.append((score, {article}))
    return out


a, b = run(sys.argv[1]), run(sys.argv[2])
if sorted(a) != sorted(b):
    sys.exit(print("topics differ:", sorted(set(a) ^ set(b))[:5]) or 1)
for topic in a:
    ga, gb = groups(a[topic]), groups(b[topic])
    for (sa, xa), (sb, xb) in zip(ga, gb):
        if xa != xb or not math.isclose(sa, sb, rel_tol=tol):
            sys.exit(print(f"topic {topic}: {sa} {sorted(xa)[:3]} against {sb} {sorted(xb)[:3]}") or 1)
    if len(ga) != len(gb):
        sys.exit(print(f"topic {topic}: {len(a[topic])} hits against {len(b[topic])}") or 1)
