#!/usr/bin/env bash
# Times whole processes on the shared workload (N services → 3·N Kubernetes objects) beside jsonnet and
# Pkl on the same machine, after checking that all three produce the same objects.
#
# Usage: benchmarks/workloads.sh [N...]        (default: 100 1000)
# Needs: hyperfine, jsonnet, python3 (apt: hyperfine jsonnet), the workloads in ../shared/bench/workloads
# (or SKIFF_WORKLOADS=dir), and the Pkl CLI jar (fetched into ~/.m2 by Maven if missing).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
workloads="${SKIFF_WORKLOADS:-$root/../shared/bench/workloads}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(100 1000)
pkl_version=0.27.2
pkl_jar="$HOME/.m2/repository/org/pkl-lang/pkl-cli-java/$pkl_version/pkl-cli-java-$pkl_version.jar"
if [ ! -f "$pkl_jar" ]; then
  mvn -B -q dependency:get -Dartifact="org.pkl-lang:pkl-cli-java:$pkl_version" -Dtransitive=false
fi
"$root/skiff" version >/dev/null   # builds the CLI on first use
java_bin="$("$root/skiff" --print-java-home)/bin/java"
# Pkl 0.27's Truffle runtime does not start on the newest JDKs; it runs on the machine's default java
# (17 here) unless PKL_JAVA names another.
pkl_java="${PKL_JAVA:-$(command -v java)}"

out="$root/benchmarks/target/workloads"
mkdir -p "$out"
for n in "${sizes[@]}"; do
  dir="$out/n$n"
  rm -rf "$dir" && mkdir -p "$dir"
  python3 "$workloads/gen.py" "$n" "$dir"
  cp "$workloads"/manifests-plain.k "$workloads"/manifests.jsonnet "$workloads"/manifests.pkl "$dir"/
  (
    cd "$dir"
    "$root/skiff" run services.k manifests-plain.k > skiff.yaml
    jsonnet manifests.jsonnet > jsonnet.json
    "$pkl_java" -jar "$pkl_jar" eval manifests.pkl > pkl.out
    python3 - <<'PY'
import json, yaml
skiff = [d for d in yaml.safe_load_all(open("skiff.yaml")) if d is not None]
js = json.load(open("jsonnet.json"))
js = js if isinstance(js, list) else js.get("items", js)
pk = [d for d in yaml.safe_load_all(open("pkl.out")) if d is not None]
pk = pk[0] if len(pk) == 1 and isinstance(pk[0], list) else pk
assert skiff == js, "skiff and jsonnet differ"
assert skiff == pk, "skiff and pkl differ"
print(f"outputs equal: {len(skiff)} objects")
PY
    hyperfine -N -w 1 -r 5 --export-markdown "$out/n$n.md" \
      -n "java -version" "$java_bin -version" \
      -n "skiff" "$root/skiff run services.k manifests-plain.k" \
      -n "jsonnet" "jsonnet manifests.jsonnet" \
      -n "pkl" "$pkl_java -jar $pkl_jar eval manifests.pkl"
  )
done
echo "results: $out/n*.md"
