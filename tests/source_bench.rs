//! Pulling the 20 corpus charts of the default stack into an empty cache, one after the
//! other and in parallel, from the HTTP mirror and from the OCI mirror: prints wall times
//! and the process's peak memory (run with `--nocapture` to see them). It asserts only
//! that every pull is complete, never a speed.

mod source_support;

use kiln::source;
use source_support::*;
use std::time::{Duration, Instant};

fn peak_rss_kib() -> i64 {
    // SAFETY: getrusage fills the struct we pass.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    u.ru_maxrss
}

fn time_pull(name: &str, base: &str, per_repo: bool, jobs: usize) -> Duration {
    let stack = default_stack();
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let dir = temp_dir(name);
        let mut o = options(&dir);
        o.jobs = jobs;
        mirror_repos(&mut o, &stack, base, per_repo);
        let t = Instant::now();
        let r = source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
        let took = t.elapsed();
        assert_eq!((r.releases.len(), r.downloads), (21, 20));
        best = best.min(took);
        let _ = std::fs::remove_dir_all(&dir);
    }
    best
}

#[test]
fn pull_the_20_corpus_charts_sequential_and_parallel() {
    let stack = default_stack();
    let (_, http) = http_mirror(&stack, None);
    let (_, oci) = oci_mirror(&stack, None);
    let oci = format!("oci://{oci}/charts");
    let total: u64 = stack_charts(&stack)
        .values()
        .flatten()
        .map(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(0))
        .sum();
    let rss_before = peak_rss_kib();
    let mut lines = Vec::new();
    for (what, base, per_repo) in [("http", &http, true), ("oci", &oci, false)] {
        let seq = time_pull(what, base, per_repo, 1);
        let par = time_pull(what, base, per_repo, 8);
        lines.push(format!(
            "{what}: 20 charts ({:.1} MB): sequential {:.0} ms, parallel (8 threads) {:.0} ms, speed-up x{:.2}",
            total as f64 / 1e6,
            seq.as_secs_f64() * 1e3,
            par.as_secs_f64() * 1e3,
            seq.as_secs_f64() / par.as_secs_f64()
        ));
    }
    lines.push(format!(
        "peak RSS of the test process: {} MiB (before pulling: {} MiB)",
        peak_rss_kib() / 1024,
        rss_before / 1024
    ));
    for l in &lines {
        eprintln!("source bench: {l}");
    }
}
