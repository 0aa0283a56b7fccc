#!/usr/bin/python3
"""Query benchmark driver: whole-process latency (p50/p95) and batch throughput with snippets,
for newsquery, Xapian's quest and SQLite FTS5 on the same data. Run by scripts/bench-query.sh."""
import json, os, random, re, resource, sqlite3, statistics, subprocess, sys, time

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

def children_cpu_ms():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r.ru_utime + r.ru_stime) * 1000

def time_processes(argv_for, queries):
    """Each query as a whole process, start to exit (all output written): wall and CPU (user+sys) ms."""
    walls, cpus = [], []
    for q in queries:
        c, t = children_cpu_ms(), time.perf_counter()
        subprocess.run(argv_for(q), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append((time.perf_counter() - t) * 1000)
        cpus.append(children_cpu_ms() - c)
    return percentile(walls, 50), percentile(walls, 95), percentile(cpus, 50)

def main():
    corpus, nidb, xdb, fts, bindir, nq = sys.argv[1:7]
    n = int(nq)
    queries = make_queries(corpus, n)
    single = queries[: min(200, n)]
    rows = []
    load_before = os.getloadavg()
    newsquery = os.path.join(bindir, "newsquery")
    p50, p95, cpu = time_processes(lambda q: [newsquery, "--db", nidb, "-f", "json", q], single)
    c, t = children_cpu_ms(), time.perf_counter()
    out = subprocess.run([newsquery, "--db", nidb, "--batch", "-f", "json", "--limit", "10"],
                         input="\n".join(queries) + "\n", capture_output=True, text=True).stdout
    wall = time.perf_counter() - t
    rows.append(("newsquery (passages, JSON, snippets+matches)", p50, p95, cpu, n / wall,
                 (children_cpu_ms() - c) / n, out.count("\n")))
    if os.path.isdir(xdb):
        p50, p95, cpu = time_processes(lambda q: ["quest", "-d", xdb, "-m", "10", q], single)
        import xapian
        db = xapian.Database(xdb)
        qp = xapian.QueryParser(); qp.set_database(db); qp.set_stemmer(xapian.Stem("english"))
        qp.set_stemming_strategy(qp.STEM_SOME)
        enq = xapian.Enquire(db)
        stem = xapian.Stem("english")
        hits = 0
        c, t = time.process_time(), time.perf_counter()
        for q in queries:
            enq.set_query(qp.parse_query(q))
            mset = enq.get_mset(0, 10)
            for m in mset:  # snippets with the cheap flags (the default ones cost ~1 ms each)
                mset.snippet(m.document.get_data(), 200, stem, 0)
                hits += 1
        wall = time.perf_counter() - t
        rows.append(("Xapian quest / python-xapian (BM25, snippet)", p50, p95, cpu, n / wall,
                     (time.process_time() - c) * 1000 / n, hits))
    if os.path.isfile(fts):
        def fts_q(q):
            return " OR ".join('"%s"' % w for w in q.split())
        p50, p95, cpu = time_processes(lambda q: ["sqlite3", fts,
            "SELECT rowid, snippet(docs, 1, '[', ']', '…', 20) FROM docs WHERE docs MATCH '%s' ORDER BY bm25(docs) LIMIT 10;" % fts_q(q)], single)
        con = sqlite3.connect(fts)
        hits = 0
        c, t = time.process_time(), time.perf_counter()
        for q in queries:
            for row in con.execute("SELECT rowid, snippet(docs, 1, '[', ']', '…', 20) FROM docs WHERE docs MATCH ? "
                                   "ORDER BY bm25(docs) LIMIT 10", (fts_q(q),)):
                hits += 1
        wall = time.perf_counter() - t
        rows.append(("SQLite FTS5 / python sqlite3 (bm25, snippet)", p50, p95, cpu, n / wall,
                     (time.process_time() - c) * 1000 / n, hits))
    load_after = os.getloadavg()
    print(f"single query = one whole process (start to exit), {len(single)} runs; batch = {n} queries, top 10 with snippets")
    print(f"{'engine':46} {'p50 ms':>7} {'p95 ms':>7} {'CPU ms':>7} {'batch q/s':>10} {'CPU ms/q':>9} {'hits':>7}")
    for name, a, b, cpu, qps, bcpu, h in rows:
        print(f"{name:46} {a:7.1f} {b:7.1f} {cpu:7.1f} {qps:10.0f} {bcpu:9.2f} {h:7d}")
    print("p50/p95: wall ms; CPU ms: median user+sys of one process; CPU ms/q: batch user+sys per query")
    print("load average (1/5/15 min) before: %.2f %.2f %.2f, after: %.2f %.2f %.2f" % (load_before + load_after))

if __name__ == "__main__":
    main()
