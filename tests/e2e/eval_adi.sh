# Relevance regression guard: scripts/eval.sh on the ADI collection with the default ranking
# must keep nDCG@10 above a floor just under the figure measured when the defaults were tuned.
source "$(dirname "$0")/lib.sh"
ADI="$SRC/../shared/eval/adi"
if [[ ! -f $ADI/docs.jsonl ]]; then
  echo "skip: $ADI not found (the shared IR test collections are not on this machine)"
  exit 0
fi
FLOOR=0.506  # the target (best peer 0.4863 + 0.02); measured 0.5092 with schemas 2 and 3 (0.5162 with schema 1)

expect_status 0 "eval.sh runs on ADI" env BIN="$BIN" bash "$SRC/scripts/eval.sh" --json "$ADI"
all_measures() {
  jq -e '.collection == "adi" and .num_topics == 35 and
         ([.ndcg_10, .map, .p_10, .recall_100, .mrr] | all(type == "number"))' "$TMP/out" >/dev/null
}
check "one JSON object with every measure" all_measures
ndcg=$(jq -r .ndcg_10 "$TMP/out")
check "nDCG@10 $ndcg stays above $FLOOR" awk -v x="$ndcg" -v f="$FLOOR" 'BEGIN { exit !(x > f) }'
finish
