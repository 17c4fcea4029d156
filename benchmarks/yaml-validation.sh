#!/usr/bin/env bash
# Validation throughput on plain Kubernetes YAML: `skiff check` beside kubeconform (-strict), on the same
# objects and the same schemas (`skiff schemas` writes them in kubeconform's layout), as whole processes,
# after checking that both find the same objects invalid.
#
# Usage: benchmarks/yaml-validation.sh [OBJECTS]      (default: 3000)
# Needs: python3, and kubeconform on PATH (or KUBECONFORM=/path/to/kubeconform); without it only Skiff is timed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
n="${1:-3000}"
runs="${RUNS:-5}"
kubeconform="${KUBECONFORM:-$(command -v kubeconform || true)}"
out="$root/benchmarks/target/yaml-validation"
rm -rf "$out" && mkdir -p "$out/manifests"
"$root/skiff" version >/dev/null   # builds the CLI on first use
"$root/skiff" schemas -o "$out/schemas" >/dev/null

# n objects in files of 100: a Deployment, a Service and a ConfigMap per app; one Service in 500 is broken
python3 - "$n" "$out/manifests" <<'PY'
import sys
n, d = int(sys.argv[1]), sys.argv[2]
docs = []
for i in range(n):
    app, kind = "app%d" % (i // 3), i % 3
    if kind == 0:
        docs.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {app}
  namespace: shop
  labels: {{app: {app}}}
spec:
  replicas: {1 + i % 5}
  selector:
    matchLabels: {{app: {app}}}
  template:
    metadata:
      labels: {{app: {app}}}
    spec:
      containers:
      - name: {app}
        image: registry.example.com/{app}:1.{i % 7}
        ports: [{{containerPort: 8080, name: http}}]
        resources:
          requests: {{cpu: 100m, memory: 128Mi}}
          limits: {{memory: 256Mi}}
        readinessProbe:
          httpGet: {{path: /ready, port: http}}
""")
    elif kind == 1:
        port = '"http"' if i % 500 == 1 else "80"
        docs.append(f"""apiVersion: v1
kind: Service
metadata: {{name: {app}, namespace: shop}}
spec:
  selector: {{app: {app}}}
  ports: [{{port: {port}, targetPort: http}}]
""")
    else:
        docs.append(f"""apiVersion: v1
kind: ConfigMap
metadata: {{name: {app}-config, namespace: shop}}
data: {{LOG_LEVEL: info, REGION: eu-{i % 3}}}
""")
for f in range(0, n, 100):
    with open(f"{d}/part-{f // 100:04d}.yaml", "w") as out:
        out.write("---\n".join(docs[f:f + 100]))
PY

best() { # best wall time in ms of $runs runs of "$@", output discarded
  local b=0 s e t
  for _ in $(seq "$runs"); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
    t=$(( (e - s) / 1000000 )); if [ "$b" -eq 0 ] || [ "$t" -lt "$b" ]; then b=$t; fi
  done
  echo "$b"
}

# both exit 1 on invalid objects, as they should: that is not a failure of this script
skiff_errors=$({ "$root/skiff" check "$out"/manifests/*.yaml --format json || true; } | python3 -c 'import json,sys; print(json.load(sys.stdin)["errors"])')
skiff_ms=$(best "$root/skiff" check "$out"/manifests/*.yaml --format json)
echo "objects: $n in $(ls "$out/manifests" | wc -l) files"
echo "skiff check:  ${skiff_ms} ms (best of $runs), $(( n * 1000 / (skiff_ms > 0 ? skiff_ms : 1) )) objects/s, $skiff_errors errors"
if [ -n "$kubeconform" ]; then
  loc="$out/schemas/{{.ResourceKind}}{{.KindSuffix}}.json"
  kc_invalid=$({ "$kubeconform" -strict -summary -output json -schema-location "$loc" "$out"/manifests/*.yaml 2>/dev/null || true; } \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["summary"]["invalid"])')
  kc_ms=$(best "$kubeconform" -strict -summary -schema-location "$loc" "$out"/manifests/*.yaml)
  echo "kubeconform:  ${kc_ms} ms (best of $runs), $(( n * 1000 / (kc_ms > 0 ? kc_ms : 1) )) objects/s, $kc_invalid invalid"
  [ "$kc_invalid" = "$skiff_errors" ] || echo "note: the two disagree on the invalid objects"
  python3 -c "print('skiff/kubeconform throughput ratio: %.2f' % ($kc_ms / max($skiff_ms, 1)))"
fi
