#!/usr/bin/python3
"""Shard benchmark driver: single-query p50/p90 (whole processes) and batch queries a second for
one database, local shards and remote shards, in --articles and passage mode, and each writer's
ingest rate. Run by scripts/bench-shards.sh."""
import os, subprocess, sys, threading, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from query_bench import make_queries, percentile  # noqa: E402  (the same seeded queries)


def single_times(newsquery, db, mode, queries):
    walls = []
    for q in queries:
        t = time.perf_counter()
        subprocess.run([newsquery, "--db", db, "-f", "json", *mode, q], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append((time.perf_counter() - t) * 1000)
    return percentile(walls, 50), percentile(walls, 90)


def server_rss_kb(pids):
    """The largest resident size among the processes serving connections (the servers' children)."""
    most = 0
    for pid in pids:
        try:
            children = open(f"/proc/{pid}/task/{pid}/children").read().split()
        except OSError:
            continue
        for child in children:
            try:
                for line in open(f"/proc/{child}/status"):
                    if line.startswith("VmRSS:"):
                        most = max(most, int(line.split()[1]))
            except OSError:
                pass
    return most


def batch_rate(newsquery, db, mode, queries, server_pids=()):
    """Queries a second of one --batch process, its output, and the serving processes' peak RSS (kB)."""
    peak, done = [0], threading.Event()

    def sample():
        while not done.wait(0.05):
            peak[0] = max(peak[0], server_rss_kb(server_pids))
    sampler = threading.Thread(target=sample)
    sampler.start()
    t = time.perf_counter()
    out = subprocess.run([newsquery, "--db", db, "--batch", "-f", "json", "--limit", "10", *mode],
                         input="\n".join(queries) + "\n", capture_output=True, text=True).stdout
    rate = len(queries) / (time.perf_counter() - t)
    done.set()
    sampler.join()
    return rate, out, peak[0]


def main():
    corpus, bindir, n_single, n_batch, n_remote, ingest = sys.argv[1:7]
    setups = [a.split("=", 1) for a in sys.argv[7:]]
    newsquery = os.path.join(bindir, "newsquery")
    queries = make_queries(corpus, max(int(n_single), int(n_batch)))
    mb = os.path.getsize(corpus) / 1e6
    print(f"single = one whole process per query (start to exit), p50/p90 wall ms; batch = one process, "
          f"--batch -f json --limit 10 (snippets), queries a second")
    print(f"{'index':34} {'mode':10} {'single p50':>10} {'p90':>7} {'batch q/s':>10} {'queries':>9} {'server RSS MB':>8}")
    outputs = {}
    for name, db in setups:
        for mode_name, mode in (("articles", ["--articles"]), ("passages", [])):
            ns, nb = int(n_single), int(n_batch)
            if "remote" in name and mode_name == "passages":
                ns = nb = min(int(n_remote), ns)
            p50, p90 = single_times(newsquery, db, mode, queries[:ns])
            servers = os.environ.get("SHARD_SERVER_PIDS", "").split() if "remote" in name else []
            qps, out, rss = batch_rate(newsquery, db, mode, queries[:nb], servers)
            outputs[(name, mode_name)] = (nb, out)
            rss_mb = f"{rss / 1024:8.1f}" if rss else ""
            print(f"{name:34} {mode_name:10} {p50:10.1f} {p90:7.1f} {qps:10.1f} {f'{ns}/{nb}':>9} {rss_mb}")
    # Local and remote shards must answer alike where both ran the same queries.
    for (name, mode_name), (n, out) in outputs.items():
        if "remote" not in name:
            continue
        local = [v for k, v in outputs.items() if "local" in k[0] and k[1] == mode_name and v[0] == n]
        if local:
            same = local[0][1] == out
            print(f"{mode_name}: remote shards' output {'byte-identical to' if same else 'DIFFERS from'} local shards' ({n} queries)")
    print()
    print(f"ingest: {mb:.1f} MB, newsindex --keep-duplicates --jobs 2")
    for line in open(ingest, encoding="utf-8"):
        name, *secs = line.rstrip("\n").split("\t")
        wall = float(secs[0])
        cpu = f"{float(secs[1]) + float(secs[2]):8.1f} CPU s {mb / (float(secs[1]) + float(secs[2])):6.2f} MB per CPU s" if len(secs) == 3 else ""
        print(f"{name:34} {wall:8.1f} s {mb / wall:6.2f} MB/s {cpu}")


if __name__ == "__main__":
    main()
