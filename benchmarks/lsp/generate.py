#!/usr/bin/env python3
"""Writes the language-server benchmark workspace: main.k of about 3,000 lines (100 typed Deployments and
Services with schemas and lambdas in between), and scenario.json for the team's LSP probe."""
import json
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "target/lsp-bench"
os.makedirs(out, exist_ok=True)
lines = [
    "import k8s.api.apps.v1 as apps",
    "import k8s.api.core.v1 as core",
    "",
    "schema Team:",
    '    """A team that owns services."""',
    "    name: str",
    "    size: int = 3",
    "",
    "_label = lambda app: str, team: Team -> {str:str} {",
    '    {"app.kubernetes.io/name" = app, "team" = team.name}',
    "}",
    "",
]
for i in range(100):
    lines += [
        f'team{i} = Team {{name = "team-{i}"}}',
        f"deployment{i} = apps.Deployment {{",
        "    metadata = {",
        f'        name = "app-{i}"',
        f'        labels = _label("app-{i}", team{i})',
        "    }",
        "    spec = {",
        f"        replicas = {1 + i % 5}",
        f'        selector.matchLabels = _label("app-{i}", team{i})',
        "        template = {",
        f'            metadata.labels = _label("app-{i}", team{i})',
        "            spec.containers = [{",
        f'                name = "app-{i}"',
        f'                image = "registry.example.com/app-{i}:1.{i}"',
        "                ports = [{name = \"http\", containerPort = 8080}]",
        "                resources = {",
        '                    requests = {cpu = "100m", memory = "128Mi"}',
        '                    limits.memory = "256Mi"',
        "                }",
        "            }]",
        "        }",
        "    }",
        "}",
        f"service{i} = core.Service {{",
        f'    metadata.name = "app-{i}"',
        "    spec = {",
        f'        selector = _label("app-{i}", team{i})',
        '        ports = [{name = "http", port = 80, targetPort = "http"}]',
        "    }",
        "}",
    ]
text = "\n".join(lines) + "\n"
with open(os.path.join(out, "main.k"), "w") as f:
    f.write(text)
n = len(lines)
last_image = 'image = "registry.example.com/app-99:1.99"'
scenario = {
    "name": f"Skiff on a {n}-line file: latency of completion, hover and diagnostics",
    "timeoutMs": 20000,
    "languageIds": {"k": "kcl"},
    "steps": [
        {"open": "main.k"},
        {"name": "first diagnostics of the whole file", "expectDiagnostics": {"count": 0}},
        {"name": "new line in the last container", "edit": {"at": {"after": last_image}, "text": "\n                "}},
        {"name": "Container fields, line ~3000",
         "completion": {"at": {"after": last_image + "\n                "},
                        "include": ["env", "imagePullPolicy", "livenessProbe"], "exclude": ["replicas"],
                        "repeat": 50, "maxP95Ms": 100}},
        {"name": "undo", "edit": {"range": {"find": last_image + "\n                \n"}, "text": last_image + "\n"}},
        {"name": "hover a Kubernetes field", "hover": {"at": {"after": "        repl"}, "contains": "desired pods",
                                                       "repeat": 30, "maxP95Ms": 100}},
        {"name": "break replicas of the last Deployment",
         "edit": {"range": {"find": "replicas = 5\n        selector.matchLabels = _label(\"app-99\""},
                  "text": "replicas = \"five\"\n        selector.matchLabels = _label(\"app-99\""}},
        {"name": "diagnostics after the change", "expectDiagnostics": {"min": 1, "severity": "error"}},
        {"name": "type a field path at the end",
         "typing": {"at": "end", "text": "img = deployment99.spec.template.spec.containers[0].",
                    "include": ["image", "ports"], "exclude": ["replicas"], "diagnostics": "final",
                    "maxP95Ms": 100}},
    ],
}
with open(os.path.join(out, "scenario.json"), "w") as f:
    json.dump(scenario, f, indent=2)
print(f"{out}/main.k: {n} lines")
