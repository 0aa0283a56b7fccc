#!/usr/bin/env bash
# Compares our RFC 3986 resolution (common/url.cc) with liburiparser's on every <a href> of the
# saved real pages in ../shared/html-dev (docs/design.md, "URLs"). Needs liburiparser-dev.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PAGES=${PAGES:-$ROOT/../shared/html-dev}
[[ -f $PAGES/evaldata.json ]] || { echo "url-vs-uriparser.sh: $PAGES/evaldata.json not found" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/url-vs-uriparser.XXXXXX")
trap 'rm -rf "$work"' EXIT
python3 - "$PAGES" > "$work/pairs.tsv" <<'PY'
import html, json, re, sys
pages = sys.argv[1]
for url, v in json.load(open(f"{pages}/evaldata.json")).items():
    try:
        text = open(f"{pages}/pages/{v['file']}", encoding="utf-8", errors="replace").read()
    except OSError:
        continue
    for m in re.finditer(r'''<a\s[^>]*?href\s*=\s*["']([^"'<>]*)["']''', text, re.I):
        href = html.unescape(m.group(1)).strip()
        if href and "\t" not in href and "\n" not in href:
            print(f"{url}\t{href}")
PY
g++ -O2 -std=c++20 -I"$ROOT" "$ROOT/scripts/bench/url_vs_uriparser.cc" "$ROOT/common/url.cc" "$ROOT/common/dates.cc" \
  -luriparser -lfmt -o "$work/compare"
"$work/compare" < "$work/pairs.tsv"
