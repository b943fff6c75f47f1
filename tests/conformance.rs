//! Corpus conformance: every case of `../shared/corpus/cases.tsv` rendered in-process and
//! compared byte for byte with the reference Helm's golden output. Nondeterministic
//! fields (nondeterministic.tsv) are masked on both sides. Prints one line per case and
//! a summary; asserts that the required cases pass.

mod common;

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use kiln::chart::Chart;
use kiln::helm::{TemplateOptions, template_chart};

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

struct Case {
    release: String,
    namespace: String,
    chart: String,
    values: String,
    golden: String,
    flags: Vec<String>,
    deterministic: bool,
}

fn read_cases(dir: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(dir.join("cases.tsv")).expect("read cases.tsv");
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("column {name}"))
    };
    let (ir, ins, ic, iv, ig, iflags, idet) = (
        col("release"),
        col("namespace"),
        col("chart"),
        col("values"),
        col("golden"),
        col("helm_flags"),
        col("deterministic"),
    );
    lines
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            Case {
                release: f[ir].to_string(),
                namespace: f[ins].to_string(),
                chart: f[ic].to_string(),
                values: f[iv].to_string(),
                golden: f[ig].to_string(),
                flags: f[iflags].split_whitespace().map(str::to_string).collect(),
                deterministic: f[idet] == "yes",
            }
        })
        .collect()
}

fn options(case: &Case, dir: &Path) -> TemplateOptions {
    let mut o = TemplateOptions::new();
    o.release_name = case.release.clone();
    o.namespace = case.namespace.clone();
    let vtext = std::fs::read_to_string(dir.join(&case.values)).expect("read values");
    o.values = vec![(case.values.clone(), vtext)];
    let mut it = case.flags.iter();
    while let Some(f) = it.next() {
        match f.as_str() {
            "--include-crds" => o.include_crds = true,
            "--no-hooks" => o.no_hooks = true,
            "--skip-tests" => o.skip_tests = true,
            "--is-upgrade" => o.is_upgrade = true,
            "--kube-version" => o.kube_version = it.next().cloned(),
            "--api-versions" | "-a" => o.api_versions.extend(it.next().cloned()),
            "--set" => o.set.extend(it.next().cloned()),
            "--set-string" => o.set_string.extend(it.next().cloned()),
            other => panic!("unsupported flag in cases.tsv: {other}"),
        }
    }
    o
}

/// Mask the fields nondeterministic.tsv lists (random keys, passwords, bcrypt salts).
fn mask(text: &str) -> String {
    let re = regex::Regex::new(
        r"(?m)^(\s*(?:ca\.crt|ca\.key|tls\.crt|tls\.key|admin-password|checksum/secret):).*$",
    )
    .expect("mask regex");
    let out = re.replace_all(text, "$1 <masked>");
    let bcrypt = regex::Regex::new(r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}").expect("bcrypt regex");
    bcrypt.replace_all(&out, "<bcrypt>").into_owned()
}

fn first_diff(want: &str, got: &str) -> String {
    let (wl, gl): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    for i in 0..wl.len().max(gl.len()) {
        let (w, g) = (wl.get(i), gl.get(i));
        if w != g {
            let cut = |s: Option<&&str>| -> String {
                match s {
                    None => "<end>".into(),
                    Some(s) => s.chars().take(160).collect(),
                }
            };
            return format!("line {}: want {:?} got {:?}", i + 1, cut(w), cut(g));
        }
    }
    if want.len() != got.len() {
        "trailing newline differs".into()
    } else {
        "identical".into()
    }
}

#[test]
fn corpus_conformance() {
    let dir = common::corpus_dir();
    assert!(
        dir.join("cases.tsv").is_file(),
        "corpus not found: expected {} (the shared corpus beside the crate, ../shared/corpus)",
        dir.join("cases.tsv").display()
    );
    let cases = read_cases(&dir);
    let mut charts: HashMap<String, Result<Chart, String>> = HashMap::new();
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
        let chart = charts.entry(case.chart.clone()).or_insert_with(|| {
            kiln::chart::load(&dir.join(&case.chart)).map_err(|e| e.to_string())
        });
        let opts = options(case, &dir);
        let result = match chart {
            Ok(c) => template_chart(c, &opts).map_err(|e| {
                if !e.stderr.is_empty() {
                    println!("     {id}: stderr before the error: {:?}", e.stderr);
                }
                e.msg
            }),
            Err(e) => Err(e.clone()),
        };
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
            let want_cause = want
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("Error: ")
                .to_string();
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
