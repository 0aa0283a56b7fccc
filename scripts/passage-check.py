#!/usr/bin/env python3
"""Where each relevant article's best passage ranks in passage mode (docs/relevance.md).

usage: passage-check.py [--json] [--name NAME] QRELS RUN

RUN is a TREC run of passage mode with one passage per article (newsquery --per-article 1,
as scripts/eval.sh --passages runs it) and 10 hits per topic (LIMIT=10: what a user sees),
its passage ids already cut to their article ids. Every judged relevant article (relevance
> 0) of every topic that has one is counted once: at the rank of its best passage, or as
"not shown" when none of its passages is among the topic's hits. Prints the share of
relevant articles shown at rank 1, 2-3, 4-10 and not at all, and the share of topics whose
first hit is relevant (S@1) and with a relevant article among the hits (S@10).
"""
import argparse
import collections
import json
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--name", default="")
    ap.add_argument("qrels")
    ap.add_argument("run")
    a = ap.parse_args()
    relevant = collections.defaultdict(set)
    with open(a.qrels) as f:
        for line in f:
            p = line.split()
            if len(p) >= 4 and int(p[3]) > 0:
                relevant[p[0]].add(p[2])
    hits = collections.defaultdict(list)  # qid -> [(rank, article)]
    with open(a.run) as f:
        for line in f:
            p = line.split()
            if len(p) >= 4:
                hits[p[0]].append((int(p[3]), p[2]))
    buckets = collections.Counter()
    s1 = s10 = 0
    for qid, rel in relevant.items():
        rank = {}
        for i, (_, art) in enumerate(sorted(hits.get(qid, []))[:10], 1):
            rank.setdefault(art, i)  # the article's best passage: its first row
        for art in rel:
            r = rank.get(art)
            buckets["rank_1" if r == 1 else "rank_2_3" if r and r <= 3 else
                    "rank_4_10" if r else "not_shown"] += 1
        shown = [r for art, r in rank.items() if art in rel]
        s1 += 1 in shown
        s10 += bool(shown)
    n_rel = sum(len(r) for r in relevant.values())
    out = {"collection": a.name, "topics": len(relevant), "relevant_articles": n_rel}
    for k in ("rank_1", "rank_2_3", "rank_4_10", "not_shown"):
        out[k] = round(buckets[k] / n_rel, 4) if n_rel else 0
    out["s_1"] = round(s1 / len(relevant), 4) if relevant else 0
    out["s_10"] = round(s10 / len(relevant), 4) if relevant else 0
    if a.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k}\t{v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
