//! Own values: cases written for this repository (tests/fixtures/own-values) that switch on
//! chart features the corpus values leave off. Each case renders one corpus chart with one of
//! our values files and compares byte for byte with the golden that the reference Helm
//! printed (tests/fixtures/own-values/regen.sh; goldens never come from kiln). Error cases
//! compare the cause line of the error. Prints one line per case and a summary, and fails
//! listing the first differing line of every mismatching case that is not in
//! KNOWN_DIFFERENCES.

mod common;

use common::cases::{Case, error_cause, first_diff, mask, options, read_cases};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use kiln::chart::Chart;
use kiln::helm::template_chart;

/// Cases ("release/name") known to differ from Helm, with the reason. They are still rendered
/// and reported; they do not fail the test. Keep this list empty unless a fix is out of reach.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

fn own_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/own-values")
}

/// Compare one case; Ok(note) when it matches Helm, Err(first difference) otherwise.
fn check(
    case: &Case,
    result: &Result<(String, String), String>,
    dir: &Path,
) -> Result<String, String> {
    let stem = dir.join(&case.golden).with_extension("");
    let golden_yaml = stem.with_extension("yaml");
    let golden_error = stem.with_extension("error");
    let golden_stderr = stem.with_extension("stderr");
    if golden_yaml.is_file() {
        let want = std::fs::read_to_string(&golden_yaml).expect("read golden");
        let (out, err) = match result {
            Ok(o) => o,
            Err(e) => return Err(format!("error: {}", e.lines().next().unwrap_or(""))),
        };
        let (w, g) = if case.deterministic {
            (want, out.clone())
        } else {
            (mask(&want), mask(out))
        };
        if w != g {
            return Err(first_diff(&w, &g));
        }
        let want_err = std::fs::read_to_string(&golden_stderr).unwrap_or_default();
        if &want_err == err {
            return Ok(String::new());
        }
        // Helm's coalesce warnings come from Go map iteration: same lines, any order
        let (mut a, mut b): (Vec<&str>, Vec<&str>) =
            (want_err.lines().collect(), err.lines().collect());
        a.sort_unstable();
        b.sort_unstable();
        if a == b && want_err.ends_with('\n') == err.ends_with('\n') {
            return Ok("(stderr: same warning lines, other order)".into());
        }
        Err(format!(
            "stdout identical; stderr differs: want {want_err:?} got {err:?}"
        ))
    } else if golden_error.is_file() {
        let want = std::fs::read_to_string(&golden_error).expect("read golden error");
        let want_cause = error_cause(&want);
        match result {
            Ok(_) => Err(format!("rendered, but Helm fails with: {want_cause}")),
            Err(e) => {
                let full = format!("Error: {e}\n");
                let cause = e.lines().next().unwrap_or("");
                let mut a: Vec<&str> = full.lines().collect();
                let mut b: Vec<&str> = want.lines().collect();
                a.sort_unstable();
                b.sort_unstable();
                if full == want {
                    Ok(String::new())
                } else if a == b {
                    // schema errors come from Go maps: same lines, random order
                    Ok("(same error lines, other order)".into())
                } else if cause == want_cause {
                    Err(format!(
                        "cause identical, rest differs: {}",
                        first_diff(&want, &full)
                    ))
                } else {
                    Err(format!("error differs: want {want_cause:?} got {cause:?}"))
                }
            }
        }
    } else {
        Err(format!("no golden for {}", case.golden))
    }
}

#[test]
fn own_values_match_helm() {
    let corpus = common::corpus_dir();
    assert!(
        corpus.join("cases.tsv").is_file() && corpus.join("charts").is_dir(),
        "corpus not found: expected the shared corpus at {} (../shared/corpus beside the crate); \
         the own-values cases render its charts",
        corpus.display()
    );
    let dir = own_dir();
    let cases = read_cases(&dir);
    assert!(
        !cases.is_empty(),
        "no cases in {}",
        dir.join("cases.tsv").display()
    );
    let mut charts: HashMap<String, Result<Chart, String>> = HashMap::new();
    let mut ok = 0;
    let mut failures = Vec::new();
    let mut known = Vec::new();
    for case in &cases {
        let name = Path::new(&case.golden)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let id = format!("{}/{}", case.release, name);
        let chart = charts.entry(case.chart.clone()).or_insert_with(|| {
            kiln::chart::load(&corpus.join(&case.chart)).map_err(|e| e.to_string())
        });
        let opts = options(case, &dir);
        let result = match chart {
            Ok(c) => template_chart(c, &opts)
                .map(|o| (o.stdout, o.stderr))
                .map_err(|e| e.msg),
            Err(e) => Err(e.clone()),
        };
        match check(case, &result, &dir) {
            Ok(note) => {
                ok += 1;
                println!("ok   {id} {note}");
            }
            Err(detail) => {
                let detail: String = if detail.chars().count() > 400 {
                    detail.chars().take(400).collect::<String>() + "…"
                } else {
                    detail
                };
                if let Some((_, why)) = KNOWN_DIFFERENCES.iter().find(|(k, _)| *k == id) {
                    println!("KNOWN {id}: {detail} [known difference: {why}]");
                    known.push(id);
                } else {
                    println!("DIFF {id}: {detail}");
                    failures.push(format!("{id}: {detail}"));
                }
            }
        }
    }
    println!("own values: {ok}/{} byte-identical", cases.len());
    if !KNOWN_DIFFERENCES.is_empty() {
        println!("known differences ({}):", KNOWN_DIFFERENCES.len());
        for (k, why) in KNOWN_DIFFERENCES {
            let state = if known.iter().any(|x| x == k) {
                "still differs"
            } else {
                "now passes"
            };
            println!("  {k}: {why} ({state})");
        }
    }
    assert!(
        failures.is_empty(),
        "{} own-values case(s) differ from Helm:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
