# Replicas: each shard and meta/ of a sharded index, and a plain index, replicate with Xapian's
# xapian-replicate-server / xapian-replicate; a replica answers as its master does, after an
# incremental update (the changesets newsindex keeps) too; queries running while a full copy
# replaces a replica (forced, or after the master's --compact) never fail.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/articles.sh"
if ! command -v xapian-replicate >/dev/null || ! command -v xapian-replicate-server >/dev/null; then
  echo "skip - xapian-replicate is not installed (Debian package xapian-tools, scripts/deps.sh)"
  exit 77
fi
EVAL="$SRC/../shared/eval/cranfield"
if [[ -f $EVAL/docs.jsonl ]]; then
  head -n 700 "$EVAL/docs.jsonl" > "$TMP/a.jsonl"
  tail -n +701 "$EVAL/docs.jsonl" > "$TMP/b.jsonl"
  head -n 20 "$EVAL/topics.tsv" > "$TMP/topics"
else
  gen_jsonl 1 300 > "$TMP/a.jsonl"
  gen_jsonl 301 300 > "$TMP/b.jsonl"
  printf '1\tharbour crane\n2\tsenate budget\n3\tvaccine election\n4\trailway treaty\n5\tcopper island\n' > "$TMP/topics"
fi
MASTERS="$TMP/masters" REPLICAS="$TMP/replicas"
THREE="$MASTERS/three" ONE="$MASTERS/one"
mkdir -p "$MASTERS" "$REPLICAS"
indexed() { "$BIN/newsindex" --quiet --changesets 10 --input-format jsonl "$@" 2>/dev/null || [[ $? == 1 ]]; }
check "index a sharded master" indexed --db "$THREE" --shards 3 "$TMP/a.jsonl"
check "index a plain master" indexed --db "$ONE" "$TMP/a.jsonl"

# One replication server for both masters, on a loopback port chosen here (the server cannot
# report one the kernel chose); another port is tried if that one was taken meanwhile.
SERVER=""
trap '[[ -n $SERVER ]] && kill "$SERVER" 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in 1 2 3; do
  PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # Its own session: on SIGTERM Xapian's TCP server signals its whole process group (to stop the
  # children it forks), which would otherwise be this test and the ctest running it.
  setsid xapian-replicate-server -I 127.0.0.1 -p "$PORT" "$MASTERS" 2> "$TMP/server.log" &
  SERVER=$!
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
  kill -0 "$SERVER" 2>/dev/null && break
done
check "the replication server listens on 127.0.0.1:$PORT" kill -0 "$SERVER"

# replicate MASTER REPLICA [xapian-replicate options]: one pass over the master's databases (each
# shard and meta/, or the one database); xapian-replicate's reports go to $TMP/replicate.log.
# -r 0: no pause between changesets for readers to close (its default is 30 s each).
replicate() {
  local master=$1 replica=$2 name; shift 2
  : > "$TMP/replicate.log"
  if [[ -f $MASTERS/$master/shards ]]; then
    mkdir -p "$replica"
    # The replica's stub: its shards are replica directories (stubs themselves), hence "auto".
    # Written beside and renamed, as queries may be reading it.
    sed 's/^glass /auto /' "$MASTERS/$master/shards" > "$replica/shards.new" && mv "$replica/shards.new" "$replica/shards"
    for name in $(sed 's/^glass //' "$MASTERS/$master/shards") meta; do
      xapian-replicate -v -t 60 -r 0 "$@" -h 127.0.0.1 -p "$PORT" -m "$master/$name" -o "$replica/$name" >> "$TMP/replicate.log" 2>&1 || return 1
    done
  else
    xapian-replicate -v -t 60 -r 0 "$@" -h 127.0.0.1 -p "$PORT" -m "$master" -o "$replica" >> "$TMP/replicate.log" 2>&1
  fi
}
run() {  # run DB options...: TREC over the topics
  "$BIN/newsquery" --db "$1" --batch --plain --format trec --limit 50 "${@:2}" < "$TMP/topics" 2>&1 || [[ $? == 1 ]]
}
counts() { "$BIN/newsquery" --db "$1" --batch --count < "$TMP/topics" 2>&1 || [[ $? == 1 ]]; }
stats() { "$BIN/newsquery" --db "$1" --stats | jq -c 'del(.db, .size_bytes)'; }
answers_alike() {  # answers_alike MASTER REPLICA: the same runs, counts and statistics
  diff <(run "$1" --articles) <(run "$2" --articles) > /dev/null &&
    diff <(run "$1" --per-article 1) <(run "$2" --per-article 1) > /dev/null &&
    diff <(counts "$1") <(counts "$2") > /dev/null && diff <(stats "$1") <(stats "$2") > /dev/null
}

R3="$REPLICAS/three" R1="$REPLICAS/one"
check "replicate the sharded master" replicate three "$R3"
check "replicate the plain master" replicate one "$R1"
check "the first pass is a full copy" grep -q "1 copies" "$TMP/replicate.log"
check "the sharded replica answers as its master" answers_alike "$THREE" "$R3"
check "the plain replica answers as its master" answers_alike "$ONE" "$R1"
check "the runs have hits" test -n "$(run "$R3" --articles | head -n 1)"
before=$(counts "$R3")

check "add articles to the sharded master" indexed --db "$THREE" "$TMP/b.jsonl"
check "add articles to the plain master" indexed --db "$ONE" "$TMP/b.jsonl"
check "the writer keeps changesets" bash -c "ls '$THREE/shard-00' '$THREE/meta' '$ONE' | grep -q '^changes'"
check "replicate the sharded master again" replicate three "$R3"
check "the second pass applies changesets, no copy" bash -c "grep -q '0 copies, [1-9][0-9]* changesets' '$TMP/replicate.log' && ! grep -q '[1-9] copies' '$TMP/replicate.log'"
check "replicate the plain master again" replicate one "$R1"
check "the plain replica too: changesets, no copy" grep -q "0 copies, [1-9][0-9]* changesets" "$TMP/replicate.log"
check "the replica has the new articles" test "$(counts "$R3")" != "$before"
check "the sharded replica answers as its master after the update" answers_alike "$THREE" "$R3"
check "the plain replica answers as its master after the update" answers_alike "$ONE" "$R1"

# Full copies while queries run: each query is its own process (opening while a replica switches)
# and a batch holds the replica open across the switches. Every query must succeed with the same
# answer.
run "$R3" --articles > "$TMP/want3"
run "$R1" --articles > "$TMP/want1"
queries_during() {  # queries_during REPLICA WANT: queries until $TMP/copied appears
  local n=0 bad=0
  while [[ ! -f $TMP/copied ]]; do
    n=$((n + 1))
    run "$1" --articles > "$TMP/got" 2>&1 || bad=$((bad + 1))
    cmp -s "$TMP/got" "$2" || { bad=$((bad + 1)); diff "$TMP/got" "$2" | head -n 8 >&2; }
    "$BIN/newsquery" --db "$1" --count "$(head -n 1 "$TMP/topics" | cut -f 2)" > /dev/null 2>> "$TMP/query.err" || bad=$((bad + 1))
  done
  echo "$n $bad"
}
copies() {  # copies MASTER REPLICA ROUNDS [options]: full copies in the background, then $TMP/copied
  rm -f "$TMP/copied"
  ( for _ in $(seq "$3"); do replicate "$1" "$2" "${@:4}" || echo "replication failed" >> "$TMP/copy.err"; done
    touch "$TMP/copied" ) &
  COPIER=$!
}
: > "$TMP/copy.err"
copies three "$R3" 5 --force-copy
read -r n bad < <(queries_during "$R3" "$TMP/want3")
wait "$COPIER"
check "queries ran while the sharded replica was copied in full ($n rounds)" test "$n" -gt 0
check "no query failed or answered otherwise during the copies" test "$bad" = 0
copies one "$R1" 5 --force-copy
read -r n bad < <(queries_during "$R1" "$TMP/want1")
wait "$COPIER"
check "queries ran while the plain replica was copied in full ($n rounds)" test "$n" -gt 0
check "no query failed or answered otherwise during those copies" test "$bad" = 0
check "every forced pass succeeded" test ! -s "$TMP/copy.err"

# --compact gives the master a new identity: the replica's next pass is a full copy.
check "compact the sharded master" bash -c "'$BIN/newsindex' --db '$THREE' --compact 2>/dev/null"
copies three "$R3" 1
read -r n bad < <(queries_during "$R3" "$TMP/want3")
wait "$COPIER"
check "after --compact the pass is a full copy" grep -q "[1-9] copies" "$TMP/replicate.log"
check "no query failed during it" test "$bad" = 0
check "the compacted master's replica answers as its master" answers_alike "$THREE" "$R3"

# A replica shard that is gone for good: one line naming it, exit 2.
rm -rf "$R3/shard-01"/replica_*
expect_status 2 "a replica missing a shard: exit 2" "$BIN/newsquery" --db "$R3" --articles flow
check "one line naming the shard" bash -c "grep -c . '$TMP/err' | grep -qx 1 && grep -q 'shard 1 (auto shard-01)' '$TMP/err'"
finish
