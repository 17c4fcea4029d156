#!/usr/bin/env bash
# Language-server latency on a ~3,000-line file, measured from outside as an editor sees it, with the
# team's probe (../shared/tools/lsp-probe, Node 18+; `npm install` there once). Prints per-step p50/p95.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
probe="${LSP_PROBE:-$root/../shared/tools/lsp-probe/probe.mjs}"
ws="$root/benchmarks/target/lsp-bench"
python3 "$here/generate.py" "$ws"
jdk="$("$root/skiff" --print-java-home)"
node "$probe" --server "$jdk/bin/java -jar $root/cli/target/skiff.jar lsp" --root "$ws" \
  --scenario "$ws/scenario.json" "$@"
