#!/usr/bin/python3
"""Query benchmark driver: whole-process latency (p50/p95) and batch throughput with snippets,
for newsquery, Xapian's quest and SQLite FTS5 on the same data. Run by scripts/bench-query.sh."""
import json, os, random, re, sqlite3, statistics, subprocess, sys, time

def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]

def make_queries(corpus, n, seed=7):
    """One to three mid-frequency words per query, drawn from the corpus itself."""
    freq = {}
    with open(corpus, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i > 20000:
                break
            for w in re.findall(r"[a-z]{4,}", json.loads(line)["text"].lower()):
                freq[w] = freq.get(w, 0) + 1
    words = sorted(freq, key=freq.get, reverse=True)[100:3000]
    rnd = random.Random(seed)
    return [" ".join(rnd.sample(words, rnd.choice([1, 2, 2, 3]))) for _ in range(n)]

def time_processes(argv_for, queries):
    times = []
    for q in queries:
        t = time.perf_counter()
        subprocess.run(argv_for(q), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
    return percentile(times, 50), percentile(times, 95)

def main():
    corpus, nidb, xdb, fts, bindir, nq = sys.argv[1:7]
    n = int(nq)
    queries = make_queries(corpus, n)
    single = queries[: min(200, n)]
    rows = []
    newsquery = os.path.join(bindir, "newsquery")
    p50, p95 = time_processes(lambda q: [newsquery, "--db", nidb, "-f", "json", q], single)
    t = time.perf_counter()
    out = subprocess.run([newsquery, "--db", nidb, "--batch", "-f", "json", "--limit", "10"],
                         input="\n".join(queries) + "\n", capture_output=True, text=True).stdout
    qps = n / (time.perf_counter() - t)
    rows.append(("newsquery (passages, JSON with snippets/matches)", p50, p95, qps, out.count("\n")))
    if os.path.isdir(xdb):
        p50, p95 = time_processes(lambda q: ["quest", "-d", xdb, "-m", "10", q], single)
        import xapian
        db = xapian.Database(xdb)
        qp = xapian.QueryParser(); qp.set_database(db); qp.set_stemmer(xapian.Stem("english"))
        qp.set_stemming_strategy(qp.STEM_SOME)
        enq = xapian.Enquire(db)
        stem = xapian.Stem("english")
        hits = 0
        t = time.perf_counter()
        for q in queries:
            enq.set_query(qp.parse_query(q))
            mset = enq.get_mset(0, 10)
            for m in mset:  # snippets with the cheap flags (the default ones cost ~1 ms each)
                mset.snippet(m.document.get_data(), 200, stem, 0)
                hits += 1
        rows.append(("Xapian quest / python (BM25, MSet::snippet)", p50, p95, n / (time.perf_counter() - t), hits))
    if os.path.isfile(fts):
        def fts_q(q):
            return " OR ".join('"%s"' % w for w in q.split())
        p50, p95 = time_processes(lambda q: ["sqlite3", fts,
            "SELECT rowid, snippet(docs, 1, '[', ']', '…', 20) FROM docs WHERE docs MATCH '%s' ORDER BY bm25(docs) LIMIT 10;" % fts_q(q)], single)
        con = sqlite3.connect(fts)
        hits = 0
        t = time.perf_counter()
        for q in queries:
            for row in con.execute("SELECT rowid, snippet(docs, 1, '[', ']', '…', 20) FROM docs WHERE docs MATCH ? "
                                   "ORDER BY bm25(docs) LIMIT 10", (fts_q(q),)):
                hits += 1
        rows.append(("SQLite FTS5 (bm25, snippet())", p50, p95, n / (time.perf_counter() - t), hits))
    print(f"{'engine':52} {'p50 ms':>8} {'p95 ms':>8} {'batch q/s':>10} {'hits':>7}")
    for name, a, b, c, h in rows:
        print(f"{name:52} {a:8.1f} {b:8.1f} {c:10.0f} {h:7d}")

if __name__ == "__main__":
    main()
