//! Corpus conformance: every case of `../shared/corpus/cases.tsv` rendered in-process and
//! compared byte for byte with the reference Helm's golden output. Nondeterministic
//! fields (nondeterministic.tsv) are masked on both sides. Prints one line per case and
//! a summary; asserts that the required cases pass.

mod common;

use common::cases::{error_cause, first_diff, mask, options, read_cases};

use std::path::Path;
use std::time::Instant;

use kiln::helm::template_path;

/// Releases whose every variant must be byte-identical.
const REQUIRED: &[&str] = &[
    "daypassed-bot",
    "mc-mirror-cronjob",
    "mk-stream",
    "navidrome",
    "note-tweet-connector",
    "spotify-nowplaying",
    "subscription-manager",
    "nfs-subdir-external-provisioner",
    "connect",
    "external-dns",
];

#[test]
fn corpus_conformance() {
    let dir = common::corpus_dir();
    assert!(
        dir.join("cases.tsv").is_file(),
        "corpus not found: expected {} (the shared corpus beside the crate, ../shared/corpus)",
        dir.join("cases.tsv").display()
    );
    let cases = read_cases(&dir);
    let mut ok = 0;
    let mut failed_required = Vec::new();
    let mut total_ms = 0.0;
    for case in &cases {
        let variant = Path::new(&case.golden)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let id = format!("{}/{}", case.release, variant);
        let t0 = Instant::now();
        // The path `kiln template` takes: the archive loaded with its templates parsed
        // on a second thread as they come out of it (tests/own_values.rs renders loaded
        // charts, the path `kiln render` takes).
        let opts = options(case, &dir);
        let result = template_path(&dir.join(&case.chart), &opts).map_err(|e| {
            if !e.stderr.is_empty() {
                println!("     {id}: stderr before the error: {:?}", e.stderr);
            }
            e.msg
        });
        let ms = t0.elapsed().as_secs_f64() * 1000.0;
        total_ms += ms;
        let golden_yaml = dir.join(&case.golden).with_extension("yaml");
        let golden_error = golden_yaml.with_extension("error");
        let golden_stderr = golden_yaml.with_extension("stderr");
        let (pass, detail) = if golden_yaml.is_file() {
            let want = std::fs::read_to_string(&golden_yaml).expect("read golden");
            match &result {
                Ok(out) => {
                    let (w, g) = if case.deterministic {
                        (want, out.stdout.clone())
                    } else {
                        (mask(&want), mask(&out.stdout))
                    };
                    if w == g {
                        let want_err = std::fs::read_to_string(&golden_stderr).unwrap_or_default();
                        if want_err == out.stderr {
                            (true, String::new())
                        } else {
                            (
                                true,
                                format!(
                                    "(stdout identical; stderr differs: want {want_err:?} got {:?})",
                                    out.stderr
                                ),
                            )
                        }
                    } else {
                        (false, first_diff(&w, &g))
                    }
                }
                Err(e) => (false, format!("error: {}", e.lines().next().unwrap_or(""))),
            }
        } else if golden_error.is_file() {
            let want = std::fs::read_to_string(&golden_error).expect("read golden error");
            let want_cause = error_cause(&want);
            match &result {
                Ok(_) => (
                    false,
                    format!("rendered, but Helm fails with: {want_cause}"),
                ),
                Err(e) => {
                    let full = format!("Error: {e}\n");
                    let cause = e.lines().next().unwrap_or("");
                    let same_lines = || {
                        let mut a: Vec<&str> = full.lines().collect();
                        let mut b: Vec<&str> = want.lines().collect();
                        a.sort_unstable();
                        b.sort_unstable();
                        a == b
                    };
                    if full == want || (!case.deterministic && same_lines()) {
                        (true, String::new())
                    } else if cause == want_cause {
                        (
                            true,
                            "(cause identical, rest of the error text differs)".into(),
                        )
                    } else {
                        (
                            false,
                            format!("error differs: want {want_cause:?} got {cause:?}"),
                        )
                    }
                }
            }
        } else {
            (false, "no golden".into())
        };
        let detail: String = if detail.chars().count() > 400 {
            detail.chars().take(400).collect::<String>() + "…"
        } else {
            detail
        };
        if pass {
            ok += 1;
            println!("ok   {id} ({ms:.1} ms) {detail}");
        } else {
            println!("DIFF {id} ({ms:.1} ms): {detail}");
            if REQUIRED.contains(&case.release.as_str()) {
                failed_required.push(id.clone());
            }
        }
    }
    println!(
        "conformance: {ok}/{} byte-identical ({total_ms:.0} ms in total)",
        cases.len()
    );
    assert!(
        failed_required.is_empty(),
        "required cases differ from Helm: {failed_required:?}"
    );
}
