#!/usr/bin/env python3
"""Render the default stack with the reference Helm, one release after another (what
`helmfile template` does), and with `kiln render` at 1 and 2 threads; same machine, same run.

Usage (from the repository root):
    cargo build --release && python3 bench/stack.py [--runs N] [--helm PATH]

Prints the wall time (median of N runs) and peak RSS of each, and the ratios.
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHARTS = os.path.join(ROOT, "..", "shared", "corpus", "charts")


def run(cmd, **kw):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)
    _, status, usage = os.wait4(p.pid, 0)
    err = p.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed: {err}")
    return time.perf_counter() - start, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def releases():
    """(name, namespace, chart file, [values files]) from `kiln list` and stack.yaml."""
    text = open(os.path.join(ROOT, "stack", "stack.yaml")).read()
    out = []
    for m in re.finditer(r"- name: (\S+)\n    namespace: (\S+)\n    chart: (\S+)\n    version: (\S+)\n    values: \[([^\]]*)\]", text):
        name, ns, chart, version, values = m.groups()
        out.append((name, ns, os.path.join(CHARTS, f"{chart.split('/')[-1]}-{version}.tgz"), [v.strip() for v in values.split(",") if v.strip()]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--helm", default=os.environ.get("HELM") or "helm")
    ap.add_argument("--kiln", default=os.path.join(ROOT, "target", "release", "kiln"))
    args = ap.parse_args()
    rels = releases()
    if len(rels) != 21:
        sys.exit(f"bench: expected 21 releases in stack/stack.yaml, found {len(rels)}")
    env_vars = dict(re.findall(r"^      (\w+): (\S+)$", open(os.path.join(ROOT, "stack", "stack.yaml")).read().split("production:")[0], re.M))
    tmp = tempfile.mkdtemp()
    flags = []
    for a in re.findall(r"^  - (\S+/\S+)$", open(os.path.join(ROOT, "stack", "stack.yaml")).read(), re.M):
        flags += ["--api-versions", a]
    helm_cmds = []
    for name, ns, chart, values in rels:
        vf = []
        for v in values:
            src = os.path.join(ROOT, "stack", v)
            if v.endswith(".j2"):
                text = re.sub(r"\{\{ (\w+) \}\}", lambda m: env_vars[m.group(1)], open(src).read())
                src = os.path.join(tmp, os.path.basename(v)[:-3])
                open(src, "w").write(text)
            vf += ["-f", src]
        helm_cmds.append([args.helm, "template", name, chart, "-n", ns, "--include-crds", "--kube-version", "1.33.0", *vf, *flags])
    results = {}
    for label, fn in [
        ("helm (21 x helm template, sequential)", lambda: [run(c) for c in helm_cmds]),
        ("kiln render -j1", lambda: [run([args.kiln, "render", "--stack", os.path.join(ROOT, "stack"), "--charts", CHARTS, "-j1", "--out", os.path.join(tmp, "r1")])]),
        ("kiln render -j2", lambda: [run([args.kiln, "render", "--stack", os.path.join(ROOT, "stack"), "--charts", CHARTS, "-j2", "--out", os.path.join(tmp, "r2")])]),
    ]:
        times, peaks, cpus = [], [], []
        for _ in range(args.runs):
            rs = fn()
            times.append(sum(t for t, _, _ in rs))
            peaks.append(max(m for _, m, _ in rs))
            cpus.append(sum(c for _, _, c in rs))
        results[label] = (statistics.median(times), max(peaks), statistics.median(cpus))
        print(f"{label:40} {results[label][0]*1000:8.0f} ms wall {results[label][2]*1000:8.0f} ms CPU  peak RSS {results[label][1]/1024:6.1f} MiB")
    h = results["helm (21 x helm template, sequential)"][0]
    k1 = results["kiln render -j1"][0]
    k2 = results["kiln render -j2"][0]
    print(f"wall ratio helm/kiln -j1: {h/k1:.1f}x; helm/kiln -j2: {h/k2:.1f}x; kiln -j1/-j2 speed-up: {k1/k2:.2f}x")
    hc, k1c = results["helm (21 x helm template, sequential)"][2], results["kiln render -j1"][2]
    print(f"CPU ratio helm/kiln -j1: {hc/k1c:.1f}x (kiln's wall time includes writing the tree and one syncfs)")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
