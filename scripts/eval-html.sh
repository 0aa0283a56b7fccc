#!/usr/bin/env bash
# Scores the HTML reader's article bodies.
#   scripts/eval-html.sh [DIR]   DIR holds NAME.html + NAME.expected.txt (default
#                                tests/fixtures/html-eval): shingle metric (issue 20).
#   scripts/eval-html.sh --dev [DIR]   trafilatura's evaluation set (default
#                                /work/shared/html-dev: evaldata.json + pages/): its substring metric.
# Options: -v prints every page's score (default: only failures), -q only totals.
# Uses $HTML_EXTRACT, else $BUILD_DIR/bin/html_extract (default build-html, else build); builds it
# when missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mode=shingle verbose=0 quiet=0 dir=""
while (($#)); do
  case "$1" in
    --dev) mode=dev ;;
    -v) verbose=1 ;;
    -q) quiet=1 ;;
    *) dir="$1" ;;
  esac
  shift
done
build="${BUILD_DIR:-}"
if [[ -z "$build" ]]; then
  if [[ -d "$root/build-html" ]]; then build="$root/build-html"; else build="$root/build"; fi
fi
tool="${HTML_EXTRACT:-$build/bin/html_extract}"
if [[ ! -x "$tool" ]]; then cmake --build "$build" --target html_extract >&2; fi
if [[ "$mode" == dev ]]; then dir="${dir:-/work/shared/html-dev}"; else dir="${dir:-$root/tests/fixtures/html-eval}"; fi
export TOOL="$tool" DIR="$dir" MODE="$mode" VERBOSE="$verbose" QUIET="$quiet"
exec python3 - <<'PY'
import collections, json, os, re, subprocess, sys

tool, root, mode = os.environ["TOOL"], os.environ["DIR"], os.environ["MODE"]
verbose, quiet = os.environ["VERBOSE"] == "1", os.environ["QUIET"] == "1"

def extract(paths):
    out = {}
    for i in range(0, len(paths), 200):
        run = subprocess.run([tool] + paths[i:i + 200], capture_output=True, text=True, errors="replace")
        for line in run.stdout.split("\n"):
            if not line: continue
            rec = json.loads(line)
            out[rec["file"]] = rec
    return out

def body_text(rec):
    return "\n".join(b["text"] for b in rec.get("blocks", []))

def shingles(text):
    toks = re.findall(r"\w+", text)
    if not toks:
        return collections.Counter()
    if len(toks) < 4:
        return collections.Counter([" ".join(toks)])
    return collections.Counter(" ".join(toks[i:i + 4]) for i in range(len(toks) - 3))

def shingle_eval():
    names = sorted(f[:-5] for f in os.listdir(root) if f.endswith(".html"))
    recs = extract([os.path.join(root, n + ".html") for n in names])
    ps, rs, rows = [], [], []
    for n in names:
        rec = recs.get(os.path.join(root, n + ".html"), {})
        with open(os.path.join(root, n + ".expected.txt"), encoding="utf-8") as f:
            want = shingles(f.read())
        got = shingles(body_text(rec))
        tp = sum((want & got).values())
        fp = sum(got.values()) - tp
        fn = sum(want.values()) - tp
        total = tp + fp + fn
        if total == 0:
            continue
        tp, fp, fn = tp / total, fp / total, fn / total
        p = tp / (tp + fp) if tp + fp > 0 else None
        r = tp / (tp + fn) if tp + fn > 0 else None
        if p is not None: ps.append(p)
        if r is not None: rs.append(r)
        rows.append((n, p, r, rec.get("body_missing", False)))
    bad = [row for row in rows if (row[1] or 0) < 0.95 or (row[2] or 0) < 0.95]
    if not quiet:
        for n, p, r, missing in (rows if verbose else bad):
            fmt = lambda x: "  -  " if x is None else "%.3f" % x
            print("%-40s P %s  R %s%s" % (n, fmt(p), fmt(r), "  (body_missing)" if missing else ""))
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    print("pages %d  below 0.95: %d  precision %.3f  recall %.3f  F1 %.3f" % (len(rows), len(bad), P, R, F))

def dev_eval():
    data = json.load(open(os.path.join(root, "evaldata.json"), encoding="utf-8"))
    paths = [os.path.join(root, "pages", v["file"]) for v in data.values()]
    recs = extract(paths)
    norm = lambda s: re.sub(r"\s+", " ", s)
    TP = FP = FN = TN = 0
    empty = 0
    for url, v in data.items():
        rec = recs.get(os.path.join(root, "pages", v["file"]), {})
        if not rec.get("blocks"):
            empty += 1
        text = norm(rec.get("title", "") + "\n" + body_text(rec))
        tp = sum(1 for w in v["with"] if norm(w) in text)
        fn = len(v["with"]) - tp
        fp = sum(1 for w in v["without"] if norm(w) in text)
        tn = len(v["without"]) - fp
        TP, FP, FN, TN = TP + tp, FP + fp, FN + fn, TN + tn
        if not quiet and (verbose or fn or fp):
            miss = [w for w in v["with"] if norm(w) not in text][:2]
            extra = [w for w in v["without"] if norm(w) in text][:2]
            print("%-45s tp %d fn %d fp %d  missing %s  extra %s" % (v["file"], tp, fn, fp, miss, extra))
    P = TP / (TP + FP) if TP + FP else 0.0
    R = TP / (TP + FN) if TP + FN else 0.0
    F = 2 * TP / (2 * TP + FP + FN) if TP else 0.0
    print("pages %d  no passage: %d  precision %.3f  recall %.3f  F1 %.3f" % (len(data), empty, P, R, F))

shingle_eval() if mode == "shingle" else dev_eval()
PY
