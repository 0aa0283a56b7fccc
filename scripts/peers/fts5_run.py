#!/usr/bin/python3
"""Baseline peer for scripts/eval-peers.sh: SQLite FTS5 (porter unicode61, bm25()) over one
title+text column, each topic an OR of its quoted words; writes a TREC run to stdout.

Needs Debian's python3 (its sqlite3 has FTS5): run it as /usr/bin/python3.
"""
import argparse
import json
import re
import sqlite3
import sys

# unicode61 splits on anything that is not a letter or digit; splitting topics the same way
# keeps every query word a single FTS5 token.
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docs", help="docs.jsonl (id, title, text)")
    ap.add_argument("topics", help="topics.tsv (qid<TAB>text)")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--tag", default="fts5")
    args = ap.parse_args()

    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(docid UNINDEXED, body, tokenize='porter unicode61')")
    with open(args.docs, encoding="utf-8") as f:
        rows = []
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            rows.append((str(d["id"]), f"{d.get('title') or ''}\n{d.get('text') or ''}"))
    db.executemany("INSERT INTO docs(docid, body) VALUES (?, ?)", rows)

    out = sys.stdout
    with open(args.topics, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            qid, sep, text = line.partition("\t")
            if not sep:
                qid, text = str(lineno), line
            words = WORD.findall(text)
            if not words:
                continue
            # Quoting makes every word a plain string: no column filters, NEAR, AND/OR/NOT, ^ or *.
            match = " OR ".join('"' + w.replace('"', '""') + '"' for w in words)
            cur = db.execute(
                "SELECT docid, bm25(docs) AS s FROM docs WHERE docs MATCH ? ORDER BY s LIMIT ?",
                (match, args.limit))
            for rank, (docid, s) in enumerate(cur, 1):
                # bm25() is negative, lower is better; TREC wants higher-is-better scores.
                out.write(f"{qid} Q0 {docid} {rank} {-s!r} {args.tag}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
