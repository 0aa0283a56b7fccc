#!/usr/bin/env python3
"""A TREC run in a form two shardings of one index must agree on: "topic article score" with the
score at 12 significant digits (or as many as the second argument says), and the articles of a run
of equal scores (at that precision) in name order, since the last bits of a sum may differ with the
order Xapian adds it in."""
import sys

digits = int(sys.argv[2]) if len(sys.argv) > 2 else 12

rows = []
for line in open(sys.argv[1]):
    f = line.split()
    rows.append((f[0], "%.*g" % (digits, float(f[4])), f[2]))
out, i = [], 0
while i < len(rows):
    j = i
    while j < len(rows) and rows[j][:2] == rows[i][:2]:
        j += 1
    for topic, score, article in sorted(rows[i:j], key=lambda r: r[2]):
        out.append(f"{topic} {article} {score}")
    i = j
print("\n".join(out))
