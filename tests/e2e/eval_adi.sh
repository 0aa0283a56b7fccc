# Relevance regression guard: scripts/eval.sh on the ADI collection with the default ranking
# must keep nDCG@10 above a floor just under the figure measured when the defaults were tuned.
source "$(dirname "$0")/lib.sh"
ADI="$SRC/../shared/eval/adi"
if [[ ! -f $ADI/docs.jsonl ]]; then
  echo "skip: $ADI not found (the shared IR test collections are not on this machine)"
  exit 0
fi
FLOOR=0.506  # the target (best peer 0.4863 + 0.02); measured 0.5092 with schemas 2 and 3 (0.5162 with schema 1)

expect_status 0 "eval.sh runs on ADI" env BIN="$BIN" bash "$SRC/scripts/eval.sh" --json --keep "$TMP/adi" "$ADI"
all_measures() {
  jq -e '.collection == "adi" and .num_topics == 35 and
         ([.ndcg_10, .map, .p_10, .recall_100, .mrr] | all(type == "number"))' "$TMP/out" >/dev/null
}
check "one JSON object with every measure" all_measures
ndcg=$(jq -r .ndcg_10 "$TMP/out")
check "nDCG@10 $ndcg stays above $FLOOR" awk -v x="$ndcg" -v f="$FLOOR" 'BEGIN { exit !(x > f) }'

# scripts/compare-runs.py, which tells a gain from the noise of few topics: a run against itself
# differs by nothing on every topic; against the same run without its first topic, that topic
# counts 0 for B, so A gains exactly that topic's score over 35.
expect_status 0 "compare-runs.py compares a run with itself" env BIN="$BIN" python3 "$SRC/scripts/compare-runs.py" \
  --json "$ADI/qrels.txt" "$TMP/adi/run" "$TMP/adi/run"
check "a run against itself: difference 0, interval 0..0, 35 ties" \
  jq -e '.topics == 35 and .difference == 0 and .ci95 == [0, 0] and .ties == 35 and .wins == 0' "$TMP/out"
first=$(awk 'NR == 1 { print $1 }' "$TMP/adi/run")
awk -v q="$first" '$1 != q' "$TMP/adi/run" > "$TMP/adi/run.less"
expect_status 0 "compare-runs.py with a topic missing from B" env BIN="$BIN" python3 "$SRC/scripts/compare-runs.py" \
  --json "$ADI/qrels.txt" "$TMP/adi/run" "$TMP/adi/run.less"
check "a topic B leaves out counts 0 for B" \
  jq -e '.wins + .ties == 35 and .losses == 0 and .difference >= 0 and .ci95[0] <= .difference' "$TMP/out"
finish
