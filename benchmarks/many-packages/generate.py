#!/usr/bin/env python3
"""Generate a repository of many Skiff packages, as a platform team's monorepo holds them, for timing
`skiff check` over all of them in one process (benchmarks/many-packages/run.sh).

Usage: generate.py OUT_DIR [PACKAGES]        (default: 500 packages)

OUT_DIR gets a kcl.mod, a shared package lib/ (a service schema with defaults and a check: block, and
lambdas making labels and metadata), and apps/app-NNNN/main.k, one package each: typed Kubernetes objects
(a Deployment, a Service, and on a pattern a ConfigMap, an HPA or a config merged in from a second file),
all valid, so the run measures checking rather than reporting.
"""
import os, sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 500

KCL_MOD = """[package]
name = "many_packages"
edition = "v0.11.0"
version = "0.1.0"
"""

LIB = '''"""Shared definitions of the platform: every app package imports them."""
import regex

schema Service:
    """A service of the platform."""
    name: str
    image: str
    port: int = 8080
    replicas: int = 2
    tier: "frontend" | "backend" | "worker" = "backend"
    env: {str:str} = {}

    check:
        regex.match(name, r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"), "name must be a DNS-1123 label"
        1 <= port <= 65535, "port out of range"
        replicas >= 1

labels = lambda s: Service -> {str:str} {
    {"app.kubernetes.io/name" = s.name, "app.kubernetes.io/part-of" = "platform", tier = s.tier}
}

meta = lambda s: Service, suffix: str -> {str:} {
    {name = s.name + suffix, namespace = "apps", labels = labels(s)}
}
'''

APP = '''"""App {i}: rendered from the shared service schema."""
import k8s.api.apps.v1 as apps
import k8s.api.core.v1 as core
import lib

_svc = lib.Service {{
    name = "app-{i:04d}"
    image = "registry.example.com/team{team}/app-{i:04d}:1.{minor}.0"
    port = {port}
    replicas = {replicas}
    tier = "{tier}"
    env = {{LOG_LEVEL = "{level}", REGION = "eu-{region}"}}
}}

deployment = apps.Deployment {{
    metadata = lib.meta(_svc, "")
    spec = {{
        replicas = _svc.replicas
        selector.matchLabels = lib.labels(_svc)
        template = {{
            metadata.labels = lib.labels(_svc)
            spec.containers = [core.Container {{
                name = _svc.name
                image = _svc.image
                ports = [{{name = "http", containerPort = _svc.port}}]
                env = [{{name = k, value = v}} for k, v in _svc.env]
                resources = {{requests = {{cpu = "{cpu}m", memory = "{mem}Mi"}}, limits = {{memory = "{mem2}Mi"}}}}
                readinessProbe.httpGet = {{path = "/ready", port = "http"}}
            }}]
        }}
    }}
}}

service = core.Service {{
    metadata = lib.meta(_svc, "")
    spec = {{
        selector = lib.labels(_svc)
        ports = [{{name = "http", port = 80, targetPort = _svc.port}}]
    }}
}}
'''

CONFIGMAP = '''
config = core.ConfigMap {{
    metadata = lib.meta(_svc, "-config")
    data = {{FEATURES = "{features}", **_svc.env}}
}}
'''

HPA = '''import k8s.api.autoscaling.v2 as autoscaling

hpa = autoscaling.HorizontalPodAutoscaler {{
    metadata = lib.meta(_svc, "")
    spec = {{
        scaleTargetRef = {{apiVersion = "apps/v1", kind = "Deployment", name = _svc.name}}
        minReplicas = _svc.replicas
        maxReplicas = {maxr}
        metrics = [{{type = "Resource", resource = {{name = "cpu", target = {{type = "Utilization", averageUtilization = 70}}}}}}]
    }}
}}
'''

OVERLAY = '''"""Production extras of app {i}: a second file of the package."""
import k8s.api.policy.v1 as policy

pdb = policy.PodDisruptionBudget {{
    metadata = lib.meta(_svc, "")
    spec = {{minAvailable = 1, selector.matchLabels = lib.labels(_svc)}}
}}
'''

os.makedirs(os.path.join(out, "lib"), exist_ok=True)
open(os.path.join(out, "kcl.mod"), "w").write(KCL_MOD)
open(os.path.join(out, "lib", "lib.k"), "w").write(LIB)
for i in range(1, count + 1):
    d = os.path.join(out, "apps", f"app-{i:04d}")
    os.makedirs(d, exist_ok=True)
    fields = dict(i=i, team=i % 7, minor=i % 10, port=8000 + i % 1000, replicas=1 + i % 4,
                  tier=("frontend", "backend", "worker")[i % 3], level=("debug", "info", "warn")[i % 3],
                  region=i % 4, cpu=100 + 50 * (i % 8), mem=128 * (1 + i % 4), mem2=256 * (1 + i % 4),
                  features=",".join(f"f{k}" for k in range(i % 5)), maxr=4 + i % 6, prodr=3 + i % 3)
    text = APP.format(**fields)
    if i % 3 == 0:
        text += CONFIGMAP.format(**fields)
    if i % 5 == 0:
        text = text.replace("import lib\n", "import lib\n" + HPA.split("\n\n")[0] + "\n", 1)
        text += "\n" + HPA.split("\n\n", 1)[1].format(**fields)
    open(os.path.join(d, "main.k"), "w").write(text)
    if i % 7 == 0:
        open(os.path.join(d, "prod.k"), "w").write(OVERLAY.format(**fields))
print(f"{count} packages in {out}")
