#!/usr/bin/env bash
# Installs the Debian packages newsindex needs, only those that are missing.
# Usage: scripts/deps.sh [--extra]   (--extra adds what benchmarks and peers use)
set -euo pipefail
pkgs=(cmake g++ make pkg-config libxapian-dev libicu-dev libgtest-dev libgmock-dev
      libcli11-dev nlohmann-json3-dev libfmt-dev libgumbo-dev libcsv-dev libxml2-dev libxxhash-dev zlib1g-dev libjemalloc-dev libbenchmark-dev jq python3 time
      dpkg-dev file groff-base man-db xapian-tools)
if [[ "${1:-}" == "--extra" ]]; then
  pkgs+=(xapian-omega python3-xapian sqlite3 clang libclang-rt-14-dev)
  # node/npm may come from elsewhere (nodesource); only ask Debian when the command is absent
  command -v npm >/dev/null || pkgs+=(nodejs npm)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "deps: installing ${missing[*]}" >&2
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq || true
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
