#!/usr/bin/env bash
# Every option of every program is documented: it has a description, its man page and
# docs/manual.md name it; the generated man pages render without warnings; the bash completion
# completes options, their values and query field names.
source "$(dirname "$0")/lib.sh"
SHARE="$BIN/../share"
MANUAL="$SRC/docs/manual.md"

for p in newsindex newsquery newseval; do
  "$BIN/$p" --generate options >"$TMP/$p.options" || fail "$p --generate options"
  check "$p has options" test -s "$TMP/$p.options"
  page="$SHARE/man/man1/$p.1"
  while IFS=$'\t' read -r names group desc; do
    [[ -n "$desc" ]] || fail "$p $names has no description"
    [[ $names == -* ]] || continue  # a positional: its description is enough
    for n in ${names//,/ }; do
      grep -qF -- "\\fB${n//-/\\-}\\fR" "$page" || fail "$p $n is not in $p(1)"
      # As written in the manual: in backticks, alone or before a value or another name.
      grep -qE -- "(\`|, )$n([ ,\`=]|$)" "$MANUAL" || fail "$p $n is not in docs/manual.md"
    done
  done <"$TMP/$p.options"
  ok "$p: every option described, in $p(1) and docs/manual.md"
  check "$p --help does not list --generate" bash -c "! '$BIN/$p' --help | grep -q -- --generate"
done

for page in "$SHARE"/man/man1/newsindex.1 "$SHARE"/man/man1/newsquery.1 "$SHARE"/man/man1/newseval.1 \
            "$SHARE"/man/man5/newsindex-formats.5 "$SHARE"/man/man7/newsquery-query.7; do
  check "$(basename "$page") exists" test -s "$page"
  LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>"$TMP/groff" || true
  check "$(basename "$page") renders without warnings" test ! -s "$TMP/groff"
  if command -v man >/dev/null; then
    check "man -l $(basename "$page")" bash -c "MANWIDTH=80 man -l '$page' 2>/dev/null | grep -q '^NAME'"
  fi
done
check "newsquery(1) names the everyday group first" bash -c \
  "grep '^\.SS' '$SHARE/man/man1/newsquery.1' | sed -n 2p | grep -q Options"
check "newsquery-query(7) lists the title: field" grep -q 'title:' "$SHARE/man/man7/newsquery-query.7"
check "newsindex-formats(5) lists every reader" bash -c \
  "for f in jsonl feed html news text; do grep -q \"^.SS \\\"\$f\\\"\" '$SHARE/man/man5/newsindex-formats.5' || exit 1; done"

# bash: complete as readline would, by calling the completion function with COMP_WORDS set.
complete_words() {  # complete_words PROGRAM WORD... -> the candidates for the last word
  local program=$1; shift
  bash -c "source '$SHARE/bash-completion/completions/$program'
           COMP_WORDS=(\"\$@\"); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1))
           _$program; printf '%s\n' \"\${COMPREPLY[@]}\"" _ "$program" "$@"
}
check "bash: complete -p newsquery" bash -c "exec >/dev/null; source '$SHARE/bash-completion/completions/newsquery'; complete -p newsquery"
complete_words newsquery --fo >"$TMP/c" 2>&1
check "bash: newsquery --fo offers --format" grep -qx -- --format "$TMP/c"
complete_words newsquery -f js >"$TMP/c" 2>&1
check "bash: -f js offers json and jsonl" bash -c "grep -qx json '$TMP/c' && grep -qx jsonl '$TMP/c'"
complete_words newsquery tit >"$TMP/c" 2>&1
check "bash: a query word offers title:" grep -qx 'title:' "$TMP/c"
complete_words newsindex --input-f >"$TMP/c" 2>&1
check "bash: newsindex --input-f offers --input-format" grep -qx -- --input-format "$TMP/c"
for p in newsindex newsquery newseval; do
  check "bash: $p completion parses" bash -n "$SHARE/bash-completion/completions/$p"
  check "zsh: _$p is a compdef" grep -q "^#compdef $p" "$SHARE/zsh/vendor-completions/_$p"
  check "fish: $p.fish completes -c $p" grep -q "^complete -c $p " "$SHARE/fish/vendor_completions.d/$p.fish"
  if command -v zsh >/dev/null; then check "zsh: _$p parses" zsh -n "$SHARE/zsh/vendor-completions/_$p"; fi
  if command -v fish >/dev/null; then check "fish: $p.fish parses" fish -n "$SHARE/fish/vendor_completions.d/$p.fish"; fi
done
finish
