//! `kiln template` on a fixture chart that exercises the whole pipeline (subchart alias,
//! conditions, library chart, import-values, globals, CRDs, hooks, kind order, NOTES,
//! --set/--set-string, .Files with .helmignore, YAML 1.1 names such as `off`), compared
//! with what the reference Helm 3.17.3 printed for the same flags (files beside the chart).

use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kiln"))
        .args(args)
        .current_dir(fixtures())
        .output()
        .expect("run kiln");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).expect("read expected output")
}

const BASE: &[&str] = &[
    "template",
    "rel",
    "pipeline",
    "-n",
    "space",
    "--include-crds",
    "--kube-version",
    "1.30.1",
    "-a",
    "example.com/v1",
    "--set",
    "setint=42",
    "--set-string",
    "setstr=007",
    "--set",
    "nullme=null",
];

fn with(extra: &[&'static str]) -> Vec<&'static str> {
    BASE.iter().chain(extra.iter()).copied().collect()
}

#[test]
fn full_render_matches_helm() {
    let (code, out, err) = run(BASE);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, expected("pipeline.expected-stderr"));
    assert_eq!(out, expected("pipeline.expected"));
}

#[test]
fn show_only_and_skip_tests() {
    let args = with(&[
        "--skip-tests",
        "-s",
        "templates/hooks.yaml",
        "-s",
        "charts/*/templates/*",
    ]);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, expected("pipeline-show-only.expected"));
}

#[test]
fn no_hooks_is_upgrade() {
    let (code, out, err) = run(&with(&["--no-hooks", "--is-upgrade"]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, expected("pipeline-no-hooks.expected"));
}

#[test]
fn incompatible_kube_version() {
    let (code, out, err) = run(&["template", "rel", "pipeline", "--kube-version", "1.19.0"]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(err, expected("pipeline-kube.expected-error"));
}

#[test]
fn dependencies_tags_conditions_aliases_import_values() {
    let (code, out, err) = run(&[
        "template",
        "r",
        "deps",
        "-f",
        "deps-values.yaml",
        "--set",
        "tags.frontend=true",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, expected("deps.expected-stderr"));
    assert_eq!(out, expected("deps.expected"));
}

#[test]
fn output_dir_writes_files_like_helm() {
    let dir = std::env::temp_dir().join(format!("kiln-outdir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let d = dir.to_str().unwrap();
    let (code, out, err) = run(&[
        "template",
        "rel",
        "pipeline",
        "--output-dir",
        d,
        "--include-crds",
        "--release-name",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.replace(d, "DIR"),
        expected("pipeline-output-dir.expected")
    );
    // The tree as `== ./path` + contents, files in sorted order.
    fn walk(root: &Path, p: &Path, out: &mut Vec<(String, String)>) {
        for e in std::fs::read_dir(p).unwrap() {
            let e = e.unwrap().path();
            if e.is_dir() {
                walk(root, &e, out);
            } else {
                let rel = e.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.push((format!("./{rel}"), std::fs::read_to_string(&e).unwrap()));
            }
        }
    }
    let mut files = Vec::new();
    walk(&dir, &dir, &mut files);
    files.sort();
    let tree: String = files.iter().map(|(p, c)| format!("== {p}\n{c}")).collect();
    assert_eq!(tree, expected("pipeline-output-dir.tree"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `include` results are remembered while they cannot change (`exec::Memo`). The
/// fixture calls helpers again after each thing that must make kiln run them anew: a
/// `set` on `.Values` or on a nested map, a changed or extended `dict` argument, a helper
/// that changes its own argument, random functions, `.Template.Name` read by field, by
/// `index`, by `toYaml` or through a `dict` (files `c`, `b`, `a` run in that order with
/// nothing changed between `c` and `b`), `tpl` texts that redefine a template, a
/// subchart's dot, and values stashed by one file for the next. The expected output is
/// what the reference Helm 3.17.3 printed.
#[test]
fn remembered_includes_match_helm() {
    let (code, out, err) = run(&["template", "memo", "memo"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, expected("memo.expected"));
}
