//! The cases of a `cases.tsv` (the corpus's, or tests/fixtures/own-values'), turned into
//! `kiln template` options, and the comparison helpers the conformance tests share.

use std::path::Path;

use kiln::helm::TemplateOptions;

pub struct Case {
    pub release: String,
    pub namespace: String,
    pub chart: String,
    pub values: String,
    pub golden: String,
    pub flags: Vec<String>,
    pub deterministic: bool,
}

pub fn read_cases(dir: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(dir.join("cases.tsv"))
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.join("cases.tsv").display()));
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

pub fn options(case: &Case, dir: &Path) -> TemplateOptions {
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
            other => panic!(
                "unsupported flag in {}: {other}",
                dir.join("cases.tsv").display()
            ),
        }
    }
    o
}

/// Mask the fields nondeterministic.tsv lists (random keys, passwords, bcrypt salts).
pub fn mask(text: &str) -> String {
    let re = regex::Regex::new(
        r"(?m)^(\s*(?:ca\.crt|ca\.key|tls\.crt|tls\.key|admin-password|checksum/secret):).*$",
    )
    .expect("mask regex");
    let out = re.replace_all(text, "$1 <masked>");
    let bcrypt = regex::Regex::new(r"\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}").expect("bcrypt regex");
    bcrypt.replace_all(&out, "<bcrypt>").into_owned()
}

pub fn first_diff(want: &str, got: &str) -> String {
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

/// The cause line of a Helm error golden (its first line, without `Error: `).
pub fn error_cause(want: &str) -> String {
    want.lines()
        .next()
        .unwrap_or("")
        .trim_start_matches("Error: ")
        .to_string()
}
