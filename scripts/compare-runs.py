#!/usr/bin/env python3
"""Compares two TREC runs topic by topic on one measure: the mean difference (A - B), a paired
bootstrap 95% interval of it, wins / ties / losses, and the standard error of A's mean. Tells a
gain from the noise of a collection's few topics (docs/relevance.md). Scores come from newseval
--per-topic, so both runs are judged by trec_eval's conventions; a topic that B leaves out counts 0.

usage: compare-runs.py [--measure ndcg_10] [--samples 5000] [--seed 1] QRELS RUN_A RUN_B
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def per_topic(newseval, qrels, run, measure):
    out = subprocess.run([newseval, "--json", "--per-topic", qrels, run], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"compare-runs.py: newseval failed on {run}: {out.stderr.strip()}")
    return {t["qid"]: t[measure] for t in json.loads(out.stdout)["per_topic"]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--measure", default="ndcg_10", help="a newseval per-topic measure (default ndcg_10)")
    ap.add_argument("--samples", type=int, default=5000, help="bootstrap samples (default 5000)")
    ap.add_argument("--seed", type=int, default=1, help="the bootstrap's random seed (default 1)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("qrels")
    ap.add_argument("run_a")
    ap.add_argument("run_b")
    args = ap.parse_args()
    newseval = os.path.join(os.environ.get("BIN", os.path.join(ROOT, "build", "bin")), "newseval")
    a = per_topic(newseval, args.qrels, args.run_a, args.measure)
    b = per_topic(newseval, args.qrels, args.run_b, args.measure)
    qids = sorted(a)
    n = len(qids)
    if n < 2:
        sys.exit("compare-runs.py: run A scores fewer than two topics")
    diff = [a[q] - b.get(q, 0.0) for q in qids]
    rng = random.Random(args.seed)
    means = sorted(statistics.fmean(rng.choices(diff, k=n)) for _ in range(args.samples))
    lo, hi = means[int(0.025 * args.samples)], means[int(0.975 * args.samples) - 1]
    res = {
        "measure": args.measure, "topics": n, "mean_a": statistics.fmean(a[q] for q in qids),
        "mean_b": statistics.fmean(b.get(q, 0.0) for q in qids), "difference": statistics.fmean(diff),
        "ci95": [lo, hi], "wins": sum(d > 1e-9 for d in diff), "ties": sum(abs(d) <= 1e-9 for d in diff),
        "losses": sum(d < -1e-9 for d in diff), "se_a": statistics.stdev(a[q] for q in qids) / n ** 0.5,
    }
    if args.json:
        print(json.dumps(res))
        return
    print(f"{args.measure} over {n} topics: A {res['mean_a']:.4f}, B {res['mean_b']:.4f}, "
          f"A - B {res['difference']:+.4f} (95% bootstrap interval {lo:+.4f} .. {hi:+.4f}); "
          f"A wins {res['wins']}, ties {res['ties']}, loses {res['losses']}; standard error of A's mean "
          f"{res['se_a']:.4f}")


if __name__ == "__main__":
    main()
