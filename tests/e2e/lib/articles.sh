# Generated articles for the indexing tests: deterministic JSON Lines (ids, titles, dates,
# one to three paragraphs, some related links), sourced by tests/e2e/index_*.sh.

# gen_jsonl FIRST COUNT: articles gFIRST .. g(FIRST+COUNT-1) on stdout, one per line.
gen_jsonl() {
  awk -v first="$1" -v count="$2" 'BEGIN {
    split("harbour crane tariff senate budget drought vaccine election striker refinery glacier " \
          "satellite orchestra museum ferry pipeline wildfire merger inflation railway treaty " \
          "pension reactor vineyard airline startup lawsuit festival monsoon copper island", w, " ")
    nw = 31; seed = first * 7919 + 17
    for (i = first; i < first + count; i++) {
      printf "{\"id\": \"g%d\", \"title\": \"Report %d on %s\", \"date\": \"2019-%02d-%02d\", \"text\": \"", i, i, w[i % nw + 1], i % 12 + 1, i % 28 + 1
      np = i % 3 + 1
      for (p = 0; p < np; p++) {
        if (p) printf "\\n\\n"
        nwords = 12 + (i + p) % 25
        for (k = 0; k < nwords; k++) {
          seed = (seed * 1103515245 + 12345) % 2147483648
          printf "%s%s", (k ? " " : ""), w[int(seed / 65536) % nw + 1]
        }
        printf " number%d.", i
      }
      printf "\""
      if (i % 5 == 0) printf ", \"links\": [{\"url\": \"https://example.org/2019/01/0%d/story-%d\", \"text\": \"More on %s\"}]", i % 9 + 1, i, w[i % nw + 1]
      printf "}\n"
    }
  }'
}

# stats_of DB: the index counts that must match between runs (not the size on disk).
stats_of() {
  "$BIN/newsquery" --db "$1" --stats | jq -c '{articles, passages, links, sources, documents, terms}'
}
