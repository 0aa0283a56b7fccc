#!/usr/bin/python3
"""Baseline peer for scripts/eval-peers.sh: Xapian with its defaults (BM25Weight k1=1, b=0.5, ...),
english stemmer STEM_SOME over title+text, QueryParser with default op OR; writes a TREC run.

Needs Debian's python3-xapian: run it as /usr/bin/python3.
"""
import argparse
import json
import sys

import xapian


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("docs", help="docs.jsonl (id, title, text)")
    ap.add_argument("topics", help="topics.tsv (qid<TAB>text)")
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--tag", default="xapian")
    args = ap.parse_args()

    db = xapian.WritableDatabase("", xapian.DB_BACKEND_INMEMORY)
    stemmer = xapian.Stem("english")
    tg = xapian.TermGenerator()
    tg.set_stemmer(stemmer)
    tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    with open(args.docs, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(f"{d.get('title') or ''}\n{d.get('text') or ''}")
            doc.set_data(str(d["id"]))
            doc.add_boolean_term("Q" + str(d["id"]))
            db.add_document(doc)

    qp = xapian.QueryParser()
    qp.set_stemmer(stemmer)
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_default_op(xapian.Query.OP_OR)
    qp.set_database(db)
    enquire = xapian.Enquire(db)
    enquire.set_weighting_scheme(xapian.BM25Weight())

    out = sys.stdout
    with open(args.topics, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            qid, sep, text = line.partition("\t")
            if not sep:
                qid, text = str(lineno), line
            try:
                query = qp.parse_query(text)
            except xapian.QueryParserError:
                # A stray quote or operator in a topic: fall back to no syntax at all.
                query = qp.parse_query(text, 0)
            enquire.set_query(query)
            for rank, m in enumerate(enquire.get_mset(0, args.limit), 1):
                out.write(f"{qid} Q0 {m.document.get_data().decode()} {rank} {m.weight!r} {args.tag}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
