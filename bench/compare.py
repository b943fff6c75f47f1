#!/usr/bin/env python3
"""Render every corpus case with kiln and with the reference Helm, same machine, same run.

Usage (from the repository root):
    cargo build --release && python3 bench/compare.py [--runs N] [--filter REGEX] [--helm PATH]

Each case runs as a separate process, as a user runs it (`helm template …` vs
`kiln template …`), alternating the two tools, N times (default 5). Per case it prints the
median wall time of each tool, the ratio helm/kiln and the peak RSS of each; then per
chart and in total. Speed targets live here, never in tests.
"""
import argparse, os, re, statistics, subprocess, sys, time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")


def run(cmd, cwd):
    """Run cmd; return (seconds, peak RSS KiB, exit code)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--filter", default="")
    ap.add_argument("--helm", default=os.environ.get("HELM") or "helm")
    ap.add_argument("--kiln", default=os.path.join(ROOT, "target", "release", "kiln"))
    args = ap.parse_args()
    if not os.path.isdir(CORPUS):
        sys.exit(f"bench: {CORPUS} is missing")
    if not os.path.exists(args.kiln):
        sys.exit(f"bench: {args.kiln} is missing: run `cargo build --release` first")
    rows = []
    with open(os.path.join(CORPUS, "cases.tsv")) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    pat = re.compile(args.filter)
    per_chart = defaultdict(lambda: [0.0, 0.0])
    total_h = total_k = 0.0
    peak_h = peak_k = 0
    print(f"{'case':45} {'helm ms':>8} {'kiln ms':>8} {'ratio':>7} {'helm MiB':>9} {'kiln MiB':>9} ok")
    for r in rows:
        case = f"{r['release']}/{os.path.splitext(os.path.basename(r['values']))[0]}"
        if not pat.search(case):
            continue
        flags = r["helm_flags"].split()
        base = [r["release"], r["chart"], "--namespace", r["namespace"], "-f", r["values"], *flags]
        th, tk, mh, mk = [], [], 0, 0
        codes = set()
        for _ in range(args.runs):
            t, m, c = run([args.helm, "template", *base], CORPUS)
            th.append(t); mh = max(mh, m); codes.add(("helm", c))
            t, m, c = run([args.kiln, "template", *base], CORPUS)
            tk.append(t); mk = max(mk, m); codes.add(("kiln", c))
        h, k = statistics.median(th), statistics.median(tk)
        same = len({c for _, c in codes}) == 1
        chart = r["release"]
        per_chart[chart][0] += h; per_chart[chart][1] += k
        total_h += h; total_k += k
        peak_h = max(peak_h, mh); peak_k = max(peak_k, mk)
        print(f"{case:45} {h*1000:8.1f} {k*1000:8.1f} {h/k:6.1f}x {mh/1024:9.1f} {mk/1024:9.1f} {'yes' if same else 'EXIT CODES DIFFER'}")
    print()
    print(f"{'chart':45} {'helm ms':>8} {'kiln ms':>8} {'ratio':>7}")
    for chart, (h, k) in per_chart.items():
        print(f"{chart:45} {h*1000:8.1f} {k*1000:8.1f} {h/k:6.1f}x")
    print()
    print(f"total: helm {total_h*1000:.0f} ms, kiln {total_k*1000:.0f} ms, ratio {total_h/max(total_k,1e-9):.1f}x; "
          f"peak RSS helm {peak_h/1024:.1f} MiB, kiln {peak_k/1024:.1f} MiB")


if __name__ == "__main__":
    main()
