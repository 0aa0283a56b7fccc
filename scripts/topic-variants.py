#!/usr/bin/env python3
"""Reproducible topic variants for the IR test collections (docs/relevance.md).

usage: topic-variants.py [--out DIR] COLLECTION_DIR...

For each COLLECTION_DIR (holding topics.tsv: qid<TAB>text) writes
  DIR/NAME/verbose.tsv   each topic wrapped in request language
  DIR/NAME/short.tsv     title-only: the topic's first few content words
  DIR/NAME/long.tsv      two or three sentences: the topic and requests for generic aspects
(DIR defaults to ./topic-variants). The same input always gives the same files, byte for byte.

verbose: the topic (its trailing full stop and question mark dropped, a capital first word
lower-cased) goes into one of the
REQUEST_FORMS below, picked by crc32("NAME:qid") modulo their number: no randomness, and a
topic keeps its form whatever the other topics are. The forms mirror how verbose requests
are written ("I am interested in ...", "I would also be grateful for ... methodological
approaches"), in one, two and three sentences.

long: the topic in one of LONG_FORMS with one or two of ASPECTS (picked from the same crc32):
requests of 30 to 60 words whose second and third sentences ask for aspects any subject has
("methodological approaches and their evaluation", "practical applications, costs and
problems encountered in practice"), as verbose requests do. Unlike the request language of
the verbose forms these are content words, and a document about methods or applications in
general matches them: they test a ranking against drift to the generic part of a request.

short: the topic's words (lower case, letters and digits) without STOPWORDS (the stoplist
newsquery uses with --plain, in query/ranking/stopwords.cc) and without QUESTION_WORDS (how
a question or request is put, not what it is about); the first 3 of those content words,
4 when the topic has more than 8, 5 when it has more than 16. A topic with fewer keeps all.
"""
import argparse
import os
import re
import sys
import zlib

REQUEST_FORMS = [
    "I am interested in {t}.",
    "I would like information about {t}.",
    "Please find papers on {t}. I would also be grateful for work on methodological approaches.",
    "I am looking for documents that discuss {t}. Articles describing related studies would also be relevant.",
    "My research concerns {t}. Please retrieve articles about this topic. "
    "I would also like papers describing earlier work on it.",
]

LONG_FORMS = [
    "I am interested in {t}. I would also be grateful for papers on {a1}.",
    "{T}. I am particularly interested in {a1}, and also in {a2}.",
    "My research concerns {t}. Please retrieve articles about {a1}. Studies of {a2} would also be relevant.",
    "I would like information about {t}, including {a1}. Papers on {a2} are also wanted.",
]

ASPECTS = [
    "methodological approaches and their evaluation",
    "the historical development of the subject and its future prospects",
    "practical applications, costs and problems encountered in practice",
    "theoretical models, experimental comparisons and reviews of the literature",
    "recent developments, case studies and surveys in this area",
    "the effects and the factors involved, with measurements where possible",
]

# query/ranking/stopwords.cc's list.
STOPWORDS = set("""
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me
more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom
why will with would you your yours yourself yourselves
""".split())

# How a question or a request is put.
QUESTION_WORDS = set("""
also anything give given know like list look looking must may might need papers please possible
find discuss discussed discussing describe described describing want wanted wish interest
interested interesting relevant regarding concerning related etc
""".split())


def strip_end(text):
    return re.sub(r"[\s.?!;:]+$", "", text.strip())


def lower_first(t):
    if len(t) > 1 and t[0].isupper() and t[1].islower():  # "What is ..." reads on as "what is ..."
        return t[0].lower() + t[1:]
    return t


def verbose(name, qid, text):
    form = REQUEST_FORMS[zlib.crc32(f"{name}:{qid}".encode()) % len(REQUEST_FORMS)]
    return form.format(t=lower_first(strip_end(text)))


def long_request(name, qid, text):
    h = zlib.crc32(f"{name}:{qid}".encode())
    form = LONG_FORMS[h % len(LONG_FORMS)]
    first = (h // 7) % len(ASPECTS)
    second = (first + 1 + (h // 53) % (len(ASPECTS) - 1)) % len(ASPECTS)  # never the first again
    t = strip_end(text)
    return form.format(t=lower_first(t), T=t, a1=ASPECTS[first], a2=ASPECTS[second])


def short(text):
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower())
             if w not in STOPWORDS and w not in QUESTION_WORDS]
    keep = 3 + (len(words) > 8) + (len(words) > 16)
    return " ".join(words[:keep]) if words else strip_end(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="topic-variants")
    ap.add_argument("collections", nargs="+")
    args = ap.parse_args()
    for coll in args.collections:
        name = os.path.basename(os.path.normpath(coll))
        topics = []
        with open(os.path.join(coll, "topics.tsv"), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    continue
                qid, _, text = line.partition("\t")
                topics.append((qid, " ".join(text.split())))
        out = os.path.join(args.out, name)
        os.makedirs(out, exist_ok=True)
        makers = (("verbose", lambda q, t: verbose(name, q, t)), ("short", lambda q, t: short(t)),
                  ("long", lambda q, t: long_request(name, q, t)))
        for variant, make in makers:
            with open(os.path.join(out, variant + ".tsv"), "w", encoding="utf-8") as f:
                for qid, text in topics:
                    f.write(f"{qid}\t{make(qid, text)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
