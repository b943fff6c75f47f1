#!/usr/bin/env python3
"""Render the default stack with the reference Helm, one release after another (what
`helmfile template` does), and with `kiln render` at 1 and 2 threads; same machine, same run.

Usage (from the repository root):
    cargo build --release && python3 bench/stack.py [--runs N] [--helm PATH]

Prints the wall time (median of N rounds, 9 unless given; a round runs each
configuration once, in turn) and peak RSS of each, and the ratios. `kiln render
-j1`/`-j2` render into the tree their previous run wrote (a repository that holds
rendered/: same files, so kiln compares and leaves it); "empty folder" writes the
whole tree each time.
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
    # Nine rounds by default: on a shared virtual machine single rounds of the ~0.1 s
    # render vary by a quarter and more, and the median of three follows one outlier.
    ap.add_argument("--runs", type=int, default=9)
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
    kiln = lambda jobs, out: [args.kiln, "render", "--stack", os.path.join(ROOT, "stack"), "--charts", CHARTS, f"-j{jobs}", "--out", os.path.join(tmp, out)]

    def fresh():
        shutil.rmtree(os.path.join(tmp, "fresh"), ignore_errors=True)
        return [run(kiln(2, "fresh"))]

    HELM = "helm (21 x helm template, sequential)"
    configs = [
        (HELM, lambda: [run(c) for c in helm_cmds]),
        ("kiln render -j1", lambda: [run(kiln(1, "r1"))]),
        ("kiln render -j2", lambda: [run(kiln(2, "r2"))]),
        ("kiln render -j2, empty folder", fresh),
    ]
    # Each render first once, untimed (the tree then exists, as in a repository that
    # holds it); then rounds of every configuration in turn, so that the machine's
    # drift during the run touches each of them alike. The renders' order turns from
    # round to round: each follows Helm's 21 processes in a third of the rounds (the
    # one that does runs slower on some virtual machines, whose host takes back the
    # memory those processes freed).
    for _, fn in configs[1:3]:
        fn()
    samples = {label: ([], [], []) for label, _ in configs}
    for r in range(args.runs):
        k = r % (len(configs) - 1)
        for label, fn in configs[:1] + configs[1 + k:] + configs[1:1 + k]:
            rs = fn()
            times, peaks, cpus = samples[label]
            times.append(sum(t for t, _, _ in rs))
            peaks.append(max(m for _, m, _ in rs))
            cpus.append(sum(c for _, _, c in rs))
    results = {}
    for label, _ in configs:
        times, peaks, cpus = samples[label]
        results[label] = (statistics.median(times), max(peaks), statistics.median(cpus))
        print(f"{label:40} {results[label][0]*1000:8.0f} ms wall {results[label][2]*1000:8.0f} ms CPU  peak RSS {results[label][1]/1024:6.1f} MiB")
    h = results[HELM][0]
    k1 = results["kiln render -j1"][0]
    k2 = results["kiln render -j2"][0]
    kf = results["kiln render -j2, empty folder"][0]
    per_round = [a / b for a, b in zip(samples[HELM][0], samples["kiln render -j2"][0])]
    print(f"wall ratio helm/kiln -j1: {h/k1:.1f}x; helm/kiln -j2: {h/k2:.1f}x (per round: {min(per_round):.1f}-{max(per_round):.1f}x); kiln -j1/-j2 speed-up: {k1/k2:.2f}x")
    print(f"wall ratio helm/kiln -j2 into an empty folder: {h/kf:.1f}x")
    hc, k1c = results[HELM][2], results["kiln render -j1"][2]
    print(f"CPU ratio helm/kiln -j1: {hc/k1c:.1f}x (kiln's wall time includes comparing with the previous tree or writing it, and one syncfs)")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
