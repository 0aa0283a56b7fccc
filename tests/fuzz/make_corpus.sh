#!/usr/bin/env bash
# Writes the fuzzers' seed corpora into OUT/<target>/, made from the test fixtures and the seed
# article (small inputs, regenerated on every run rather than committed).
# Usage: tests/fuzz/make_corpus.sh OUT
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:?usage: make_corpus.sh OUT}"
fixtures="$root/tests/fixtures"
read -r -a targets < <(sed -n 's/^set(NEWSINDEX_FUZZ_TARGETS \(.*\))$/\1/p' "$root/tests/fuzz/CMakeLists.txt")
for t in "${targets[@]}"; do rm -rf "${out:?}/$t"; mkdir -p "$out/$t"; done
seed=("$root"/corpus/*.txt)

# seed <target> <name> <flag byte in octal or ""> : stdin becomes one seed, behind the flag byte
seed() {
  local t="$1" name="$2" flag="$3"
  { [[ -n "$flag" ]] && printf "\\$flag"; cat; } >"$out/$t/$name"
}

# Readers: whole articles, their first lines, and small variations of the news-text shape.
n=0
for f in "${seed[@]}"; do
  n=$((n + 1))
  cp "$f" "$out/news_text/article$n.txt"
  head -n 12 "$f" >"$out/news_text/head$n.txt"
  head -n 12 "$f" | sed -e 's/0 Comment/2 Comments/' -e 's/^- June 6, 2018/By Jane Doe\n6 June 2018/' >"$out/news_text/variant$n.txt"
  cp "$f" "$out/plain_text/article$n.txt"
  head -n 9 "$f" | tail -n 4 >"$out/plain_text/paragraphs$n.txt"
done
printf 'Home > World\n1.2K views · 5 min read · 2 Comments\nTitle\n— 2018-06-06\nPhoto: someone (Reuters)\nText [interstitial_link url="http://x.com/a?utm_source=t"]anchor[/interstitial_link] more.\nShort heading?\nLast line is a bio. Jane Doe is a writer.\n' \
  | seed news_text shapes.txt ""
for f in "$fixtures"/html/*.html; do cp "$f" "$out/html/"; done
cp "$fixtures"/feeds/* "$out/feed/"
printf '<html><body><article><h1>T</h1><p>a <a href="/x">b</a></p><figure><figcaption>c</figcaption></figure><h2>d</h2><p>e</p></article></body></html>' \
  | seed html tags.html ""
printf '<div><div><div><div><div><script><div><div></script><p>deep</p></div></div></div></div></div>' | seed html nested.html ""

# JSON Lines: articles in the documented shape, with the fields that are optional, and bad lines.
python3 - "$out/jsonl" "${seed[0]}" <<'PY'
import json, sys
out, seed = sys.argv[1], sys.argv[2]
lines = [l.strip() for l in open(seed, encoding="utf-8") if l.strip()]
art = {"id": "a1", "url": "https://example.com/2018/06/06/abe-trump/?utm_source=x", "title": lines[2],
       "date": "2018-06-06", "author": "Jane Doe", "lang": "en", "category": "News",
       "text": "\n\n".join(lines[4:9]), "links": [{"url": "https://example.com/b", "text": "anchor"}]}
with open(f"{out}/article.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps(art, ensure_ascii=False) + "\n")
with open(f"{out}/mixed.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "x", "text": "one\n\ntwo"}) + "\n{broken\n\n[1,2]\n")
    f.write(json.dumps({"url": "http://e.com/p", "text": "t", "author": ["A", "B"], "date": 20180606}) + "\n")
    f.write('{"id": 7, "text": ""}\n{"title": "no id", "text": "x"}\n')
# One pretty-printed document: an API answer holding an array of articles.
with open(f"{out}/document.json", "w", encoding="utf-8") as f:
    json.dump({"status": "ok", "articles": [dict(art, id="d1"), {"content": "x", "url": "http://e.com/q"}, 3]}, f, indent=1)
with open(f"{out}/array.json", "w", encoding="utf-8") as f:
    json.dump([{"id": "e1", "text": "one"}, {"id": "e2", "maintext": "two"}], f, indent=2)
PY

# CSV: a news table with an unnamed index column and a quoted multi-line body, and a TSV.
printf ',id,title,author,date,url,content\n0,17283,"Fret, again",Carl Hulse,2016-12-31,,"First.\n\nThey said ""no""."\n1,,No id,,,,x\n' |
  seed csv news.csv ""
printf 'url\theadline\tbody\thttps://example.com/t/1\tTabbed\tA story.\n' | seed csv wire.tsv ""

# URLs: base, newline, reference.
grep -o 'url=[^]]*' "${seed[@]}" | sed -e 's/^url=//' -e 's/^[^h]*//' -e 's/[^a-z0-9/]*$//' | head -n 3 |
  while read -r u; do n=$((n + 1)); printf 'https://www.washingtonpost.com/news/\n%s' "$u" | seed url "link$n" ""; done
printf 'HTTP://Example.COM:80/a/b/../c/./d.html?utm_medium=x&id=3&fbclid=y#frag\n../../2018/01/03/some-slug-words.html' | seed url relative ""
printf 'https://user@[::1]:8080/p?q\n//cdn.example.org/x/%%E2%%80%%94-20180103' | seed url scheme_relative ""
printf '\n"https://x.com/a_b+c%%20d/"' | seed url quoted ""

# Decoding: the first byte picks the declared charset (see fuzz_text_decode.cc).
for f in "$fixtures"/html/latin1_*.html; do seed text_decode "$(basename "$f")" 002 <"$f"; done
head -n 6 "${seed[0]}" | seed text_decode utf8.txt 000
head -n 6 "${seed[0]}" | iconv -f UTF-8 -t UTF-16 | seed text_decode utf16_bom.txt 000
head -n 6 "${seed[0]}" | iconv -f UTF-8 -t UTF-16LE | seed text_decode utf16le.txt 000
head -n 6 "${seed[0]}" | iconv -f UTF-8 -t UTF-32 | seed text_decode utf32_bom.txt 012
printf '\xEF\xBB\xBFok \xC3\x28 \xE2\x82 \xF0\x9F\x98' | seed text_decode invalid.txt 000
printf 'caf\xE9 na\xEFve \x93quoted\x94' | seed text_decode latin1.txt 000
printf '\x93\xfa\x96\x7b\x8c\xea' | seed text_decode sjis.txt 004

# Analyzer: paragraphs (flag 1: capitals are acronyms), scripts and shapes that break words.
sed -n '5,9p' "${seed[0]}" | seed analyzer paragraphs.txt 001
printf 'THE U.S. AND NATO SAY NO' | seed analyzer shouting.txt 001
printf 'Japan’s U.S.-China Mar‐a‐Lago co\xC2\xADop e-mail @user #tag 3.5%% 1,000 café Ωμέγα' | seed analyzer shapes.txt 001
printf '日本の首相は北朝鮮について話した。中文分词测试。한국어 문장입니다.' | seed analyzer cjk.txt 000
printf 'पुलिस ने कहा। ไทยภาษา العربية نص' | seed analyzer scripts.txt 002
printf 'Mr. Abe met Mr. Trump. Then they left! Did they? Yes.' | seed analyzer sentences.txt 000

# Queries: the first byte picks options (see fuzz_query.cc), the rest is typed as a user would.
q=0
while IFS= read -r line; do
  q=$((q + 1)); printf '%s' "$line" | seed query "q$q" 000
done <<'QUERIES'
decoupling
"North Korea" NEAR/5 Japan
Abe AND (Trump OR Kono) NOT China
+japan -china trade
title:abe date:2018-06..2018-12
type:caption site:example.com
url:https://www.washingtonpost.com/news/monkey-cage/wp/2018/01/03/why-nuclear-war-with-north-korea-is-less-likely-than-you-think/
nuc* OR sec*
U.S. ADJ/2 decoupling
=concerns section:priorities
article:x author:cooper category:news
“curly quoted phrase” -"straight"
QUERIES
printf 'ABE IS BACK TO TALK TO TRUMP' | seed query plain 001
printf 'a*' | seed query wildcard 004
printf 'japan trade' | seed query articles_by_date 030
