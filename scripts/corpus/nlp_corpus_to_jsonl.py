#!/usr/bin/env python3
"""Converts the npm package nlp-corpus (builds/doc-N.json: each a JSON array of 1,000 unrelated
English sentences or short texts, 100,000 in all) into newsindex JSON Lines, one record per
text. Used by scripts/fetch-corpus.sh. The texts are shuffled snippets of many sources, so they
are not grouped: a record is the smallest unit that keeps its meaning.
"""
import argparse
import json
import os
import re
import sys

DOC_FILE = re.compile(r"^doc-(\d+)\.json$")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", help="directory of the unpacked nlp-corpus package (holds builds/)")
    ap.add_argument("out", help="output .jsonl")
    args = ap.parse_args()

    builds = os.path.join(args.source, "builds")
    files = sorted(((int(m.group(1)), name) for name in os.listdir(builds)
                    if (m := DOC_FILE.match(name))), key=lambda x: x[0])
    if not files:
        print(f"nlp_corpus_to_jsonl: no builds/doc-N.json in {args.source}", file=sys.stderr)
        return 2
    count = 0
    with open(args.out + ".tmp", "w", encoding="utf-8") as out:
        for number, name in files:
            with open(os.path.join(builds, name), encoding="utf-8") as f:
                texts = json.load(f)
            for i, text in enumerate(texts):
                if not isinstance(text, str) or not text.strip():
                    continue
                record = {"id": f"nlp-corpus-{number}-{i}", "lang": "en", "text": " ".join(text.split())}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    os.replace(args.out + ".tmp", args.out)
    print(f"nlp_corpus_to_jsonl: {count} records -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
