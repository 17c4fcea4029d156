#!/usr/bin/env bash
# Times `skiff check` over a generated repository of many packages, in one process (whole runs, hyperfine),
# beside `java -version` (the floor of any JVM command) measured in the same rounds.
#
# Usage: benchmarks/many-packages/run.sh [PACKAGES]     (default 500)
#   OTHER=/path/to/another/skiff   also time another build of Skiff (a baseline), interleaved
#   RUNS=5
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-500}"
out="$root/benchmarks/target/many-packages"
rm -rf "$out" && mkdir -p "$out"
python3 "$root/benchmarks/many-packages/generate.py" "$out/repo" "$n"
"$root/skiff" version >/dev/null
java_bin="$("$root/skiff" --print-java-home)/bin/java"
cd "$out/repo"
"$root/skiff" check apps/*/main.k   # every package must check clean before it is timed
cmds=(--command-name "java -version" "$java_bin -version"
      --command-name "skiff check ($n packages)" "$root/skiff check apps/*/main.k")
if [ -n "${OTHER:-}" ]; then
  cmds+=(--command-name "other skiff check ($n packages)" "$OTHER check apps/*/main.k")
fi
echo "processors: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -w 1 -r "${RUNS:-5}" --export-markdown "$out/result.md" "${cmds[@]}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
