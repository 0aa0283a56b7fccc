#!/usr/bin/env bash
# What `cmake --install` and the Debian package put on a machine: installed into a scratch root
# (DESTDIR), then the .deb built by CPack unpacked with dpkg -x; the installed binaries index and
# search the seed article, `man` finds and renders the pages, bash completion completes.
source "$(dirname "$0")/lib.sh"
BUILD="$(cd "$BIN/.." && pwd)"
SEED="$SRC/corpus"

# The installed programs on the seed article: the answer the build tree's programs give.
seed_search() {  # seed_search ROOT WHAT
  local root=$1 what=$2 db="$TMP/$2.db"
  check "$what: newsindex --version names Xapian and ICU" bash -c \
    "'$root/usr/bin/newsindex' --version | grep -q '^Xapian [0-9.]*, ICU [0-9.]*$'"
  expect_status 0 "$what: newsindex indexes corpus/" "$root/usr/bin/newsindex" --db "$db" "$SEED"
  check "$what: 19 passages, 3 links" grep -q "1 articles indexed (0 of them copies of an indexed story), 19 passages, 3 links; 0 rejected" "$TMP/err"
  expect_status 0 "$what: newsquery finds decoupling" "$root/usr/bin/newsquery" --db "$db" -f json decoupling
  check "$what: the decoupling passage ranks first" bash -c \
    "head -1 '$TMP/out' | jq -e '.passage == 8 and (.text | startswith(\"This adds to growing fear\"))' >/dev/null"
  "$root/usr/bin/newsquery" --db "$db" -f trec --batch < <(printf 'q1\tdecoupling japan\n') >"$TMP/$what.trec"
  "$BIN/newsquery" --db "$db" -f trec --batch < <(printf 'q1\tdecoupling japan\n') >"$TMP/build.trec"
  check "$what: the same ranking as the build tree's newsquery" cmp -s "$TMP/$what.trec" "$TMP/build.trec"
  expect_status 1 "$what: a miss exits 1" "$root/usr/bin/newsquery" --db "$db" zzzunknownword
  expect_status 0 "$what: newseval --help" "$root/usr/bin/newseval" --help
}

installed_docs() {  # installed_docs ROOT WHAT
  local root=$1 what=$2 share="$1/usr/share"
  for page in man1/newsindex.1 man1/newsquery.1 man1/newseval.1 man5/newsindex-formats.5 man7/newsquery-query.7; do
    check "$what: $page installed" test -s "$share/man/$page"
  done
  if command -v man >/dev/null; then
    check "$what: man finds newsquery(1)" bash -c "MANPATH='$share/man' man -w newsquery | grep -q 'man1/newsquery.1'"
    check "$what: man -l renders newsquery(1)" bash -c "MANWIDTH=80 man -l '$share/man/man1/newsquery.1' 2>/dev/null | grep -q -- '--format'"
    check "$what: man finds newsquery-query(7)" bash -c "MANPATH='$share/man' man -w 7 newsquery-query >/dev/null"
  else
    check "$what: newsquery(1) is roff without warnings" bash -c \
      "LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z '$share/man/man1/newsquery.1' 2>&1 | (! grep -q .)"
  fi
  local completion="$share/bash-completion/completions/newsquery"
  check "$what: bash completion registers newsquery" bash -c "source '$completion' && complete -p newsquery >/dev/null"
  check "$what: --fo completes to --format" bash -c \
    "source '$completion'; COMP_WORDS=(newsquery --fo); COMP_CWORD=1; _newsquery; printf '%s\n' \"\${COMPREPLY[@]}\" | grep -qx -- --format"
  check "$what: zsh completion installed" test -s "$share/zsh/vendor-completions/_newsquery"
  check "$what: fish completion installed" test -s "$share/fish/vendor_completions.d/newsquery.fish"
  check "$what: the manual installed" test -s "$share/doc/newsindex/manual.md"
}

# cmake --install into a scratch root.
DESTDIR="$TMP/root" cmake --install "$BUILD" --prefix /usr >"$TMP/install.log" 2>&1 || fail "cmake --install: $(tail -3 "$TMP/install.log")"
seed_search "$TMP/root" install
installed_docs "$TMP/root" install

# The Debian package, when dpkg-deb and dpkg-shlibdeps are here: built by CPack into a scratch
# directory, unpacked with dpkg -x.
if command -v dpkg-shlibdeps >/dev/null && command -v dpkg-deb >/dev/null; then
  (cd "$BUILD" && cpack -G DEB --config CPackConfig.cmake -B "$TMP/pkg") >"$TMP/cpack.log" 2>&1 \
    || fail "cpack: $(tail -5 "$TMP/cpack.log")"
  deb=$(ls "$TMP"/pkg/newsindex_*.deb 2>/dev/null | head -1)
  check "cpack made newsindex_VERSION_ARCH.deb" test -s "$deb"
  if [[ -s "$deb" ]]; then
    dpkg-deb -f "$deb" Depends >"$TMP/depends"
    check "the package depends on Xapian, found by dpkg-shlibdeps" grep -q 'libxapian' "$TMP/depends"
    check "the package depends on the C library" grep -q 'libc6' "$TMP/depends"
    dpkg -x "$deb" "$TMP/deb"
    seed_search "$TMP/deb" deb
    installed_docs "$TMP/deb" deb
  fi
else
  echo "skip - dpkg-dev is not installed: no .deb built"
fi
finish
