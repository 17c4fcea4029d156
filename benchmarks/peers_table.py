#!/usr/bin/env python3
"""The table of benchmarks/peers.sh: per N, each tool's median wall time, CPU time and peak memory over the
interleaved rounds, and its ratio to Pkl's native binary and to jsonnet (medians of per-round ratios, so
each ratio compares runs made moments apart)."""
import glob, json, os, re, statistics, sys

out = sys.argv[1]
walls, cpus, rss, tools, ns = {}, {}, {}, [], set()
for path in glob.glob(os.path.join(out, "rounds", "n*-r*.json")):
    n, r = map(int, re.match(r"n(\d+)-r(\d+)\.json", os.path.basename(path)).groups())
    ns.add(n)
    for res in json.load(open(path))["results"]:
        t = res["command"]
        if t not in tools:
            tools.append(t)
        walls.setdefault((t, n), {})[r] = res["times"][0]
        cpus.setdefault((t, n), []).append(res["user"] + res["system"])
for path in glob.glob(os.path.join(out, "rounds", "rss-*.txt")):
    m = re.match(r"rss-(.+)-n(\d+)-r\d+\.txt", os.path.basename(path))
    try:
        rss.setdefault((m.group(1), int(m.group(2))), []).append(int(open(path).read().split()[-1]) / 1024)
    except (ValueError, IndexError):
        pass
order = ["floor-jvm-print", "java-version", "pkl-native", "jsonnet-y", "helm", "sjsonnet", "pkl-jvm-cli",
         "skiff-plain-base", "skiff-typed-base", "skiff-plain", "skiff-typed"]
tools.sort(key=lambda t: order.index(t) if t in order else len(order))


def ratio(t, ref, n):
    a, b = walls.get((t, n), {}), walls.get((ref, n), {})
    per_round = [a[r] / b[r] for r in a if r in b and b[r] > 0]
    return f"{statistics.median(per_round):.2f}" if per_round else "—"


print(open(os.path.join(out, "load.txt")).read().strip().replace("\n", "  \n") + "  \n")
for n in sorted(ns):
    print(f"\n### N = {n} ({3 * n} objects)\n")
    base = any((t, n) in walls for t in ("skiff-typed-base",))
    print("| tool | wall (median s) | CPU user+sys (median s) | peak MiB | × Pkl native | × jsonnet |"
          + (" × same Skiff variant, base build |" if base else ""))
    print("|---|---|---|---|---|---|" + ("---|" if base else ""))
    for t in tools:
        if (t, n) not in walls:
            continue
        w = statistics.median(walls[t, n].values())
        c = statistics.median(cpus[t, n])
        m = f"{statistics.median(rss[t, n]):.0f}" if (t, n) in rss else "?"
        own = ""
        if base:
            own = f" {ratio(t, t + '-base', n)} |" if t in ("skiff-typed", "skiff-plain") else " |"
        print(f"| {t} | {w:.3f} | {c:.3f} | {m} | {ratio(t, 'pkl-native', n)} | {ratio(t, 'jsonnet-y', n)} |" + own)
