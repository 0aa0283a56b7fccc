#!/usr/bin/python3
"""Builds the peers' indexes of a JSON Lines corpus for the query benchmark: a Xapian database
(TermGenerator, English stemmer, positions, text as document data) and an SQLite FTS5 table."""
import json, sqlite3, sys

corpus, xdb, fts = sys.argv[1:4]
import xapian
db = xapian.WritableDatabase(xdb, xapian.DB_CREATE_OR_OVERWRITE)
tg = xapian.TermGenerator(); tg.set_stemmer(xapian.Stem("english")); tg.set_stemming_strategy(tg.STEM_SOME)
con = sqlite3.connect(fts)
con.execute("DROP TABLE IF EXISTS docs")
con.execute("CREATE VIRTUAL TABLE docs USING fts5(title, text, tokenize='porter unicode61')")
rows = []
with open(corpus, encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        doc = xapian.Document(); tg.set_document(doc)
        tg.index_text(d.get("title", "")); tg.increase_termpos(); tg.index_text(d["text"])
        doc.set_data(d["text"]); db.add_document(doc)
        rows.append((d.get("title", ""), d["text"]))
        if len(rows) >= 10000:
            con.executemany("INSERT INTO docs VALUES (?, ?)", rows); rows = []
con.executemany("INSERT INTO docs VALUES (?, ?)", rows)
con.commit(); db.commit()
