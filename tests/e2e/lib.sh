# Shared helpers for end-to-end tests: run the real binaries on a temporary database.
set -euo pipefail
: "${BIN:?BIN must point to build/bin}" "${SRC:?SRC must point to the source tree}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
export NO_COLOR=1
DB="$TMP/db"
fails=0
ni() { "$BIN/newsindex" --db "$DB" "$@"; }
nq() { "$BIN/newsquery" --db "$DB" "$@"; }
ok() { echo "ok   - $*"; }
fail() { echo "FAIL - $*"; fails=$((fails + 1)); }
check() {  # check "description" command...
  local what="$1"; shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}
expect_status() {  # expect_status N "description" command...
  local want="$1" what="$2"; shift 2
  local got=0
  "$@" >"$TMP/out" 2>"$TMP/err" || got=$?
  if [[ "$got" == "$want" ]]; then ok "$what (exit $got)"; else fail "$what: exit $got, wanted $want; stderr: $(head -c 400 "$TMP/err")"; fi
}
finish() {
  if ((fails)); then echo "$fails check(s) failed"; exit 1; fi
  echo "all checks passed"
}
