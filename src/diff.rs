//! `kiln diff` and `kiln verify`: compare two rendered trees resource by resource.
//!
//! A tree is a map from relative path to file text (what `crate::emit` builds, what is
//! on disk, or what a git revision holds). Files are grouped by release (the first path
//! component) and kind (from the file name), so a pull request shows "grafana: 1 changed
//! Deployment, 1 added ConfigMap" with a unified diff of each changed resource.

use similar::TextDiff;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

/// Files of a tree by relative path.
pub type Files = BTreeMap<String, String>;

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    Added,
    Removed,
    Changed,
}

impl Change {
    fn word(self) -> &'static str {
        match self {
            Change::Added => "added",
            Change::Removed => "removed",
            Change::Changed => "changed",
        }
    }
}

/// One changed file with its unified diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub release: String,
    pub kind: String,
    pub change: Change,
    pub diff: String,
}

/// Options for comparing.
#[derive(Debug, Clone, Default)]
pub struct DiffOptions {
    /// Ignore lines that only carry chart or app versions (`helm.sh/chart`,
    /// `app.kubernetes.io/version`, `chart:` labels), which change on every chart bump.
    pub fold_version_labels: bool,
    /// Lines of context in unified diffs.
    pub context: usize,
}

/// Read a tree from a folder (all files below it, `/`-separated relative paths).
pub fn read_dir(dir: &Path) -> std::io::Result<Files> {
    let mut out = Files::new();
    fn walk(base: &Path, dir: &Path, out: &mut Files) -> std::io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.file_name());
        for e in entries {
            let ft = e.file_type()?;
            let path = e.path();
            if ft.is_dir() {
                walk(base, &path, out)?;
            } else if ft.is_file() {
                let rel = path.strip_prefix(base).unwrap_or(&path);
                let rel = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(
                    rel,
                    String::from_utf8_lossy(&std::fs::read(&path)?).into_owned(),
                );
            }
        }
        Ok(())
    }
    if dir.exists() {
        walk(dir, dir, &mut out)?;
    }
    Ok(out)
}

/// Read a tree as it is at a git revision: `git show REV:PATH/…` for every file under `path`.
pub fn read_git(repo: &Path, rev: &str, path: &str) -> Result<Files, String> {
    // A revision is passed to git as an argument: one that starts with `-` would be read
    // as an option (`git show --output=FILE` writes a file).
    if rev.is_empty() || rev.starts_with('-') || rev.contains(['\0', '\n']) {
        return Err(format!(
            "`{rev}` is not a git revision\n  hint: pass a branch, tag or commit, e.g. --base origin/main"
        ));
    }
    let run = |args: &[&str]| -> Result<Vec<u8>, String> {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(repo)
            .args(args)
            .output()
            .map_err(|e| format!("cannot run git: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "git {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(out.stdout)
    };
    let prefix = format!("{}/", path.trim_end_matches('/'));
    let list = run(&["ls-tree", "-r", "-z", "--name-only", rev, "--", &prefix])?;
    let mut files = Files::new();
    for name in list.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let name = String::from_utf8_lossy(name).into_owned();
        let blob = run(&["show", &format!("{rev}:{name}")])?;
        let rel = name.strip_prefix(&prefix).unwrap_or(&name).to_string();
        files.insert(rel, String::from_utf8_lossy(&blob).into_owned());
    }
    Ok(files)
}

fn is_version_line(line: &str) -> bool {
    let t = line.trim_start().trim_start_matches("- ");
    [
        "helm.sh/chart:",
        "app.kubernetes.io/version:",
        "chart:",
        "version:",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        && !t.starts_with("version: v1")
}

fn kind_of(path: &str) -> String {
    let file = path.rsplit('/').next().unwrap_or(path);
    match file.split_once('_') {
        Some((k, _)) => k.split('.').next().unwrap_or(k).to_string(),
        None => file.trim_end_matches(".yaml").to_string(),
    }
}

/// Compare `old` with `new`.
pub fn compare(old: &Files, new: &Files, opts: &DiffOptions) -> Vec<Entry> {
    let paths: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let mut out = Vec::new();
    for path in paths {
        if path == "SHA256SUMS" {
            continue;
        }
        let (a, b) = (old.get(path), new.get(path));
        let change = match (a, b) {
            (None, Some(_)) => Change::Added,
            (Some(_), None) => Change::Removed,
            (Some(x), Some(y)) if x == y => continue,
            (Some(x), Some(y)) => {
                if opts.fold_version_labels {
                    let strip = |s: &str| {
                        s.lines()
                            .filter(|l| !is_version_line(l))
                            .collect::<Vec<_>>()
                            .join("\n")
                    };
                    if strip(x) == strip(y) {
                        continue;
                    }
                }
                Change::Changed
            }
            (None, None) => continue,
        };
        let (x, y) = (
            a.map(String::as_str).unwrap_or(""),
            b.map(String::as_str).unwrap_or(""),
        );
        let diff = TextDiff::from_lines(x, y)
            .unified_diff()
            .context_radius(if opts.context == 0 { 3 } else { opts.context })
            .header(&format!("a/{path}"), &format!("b/{path}"))
            .to_string();
        let release = path
            .split_once('/')
            .map(|(r, _)| r.to_string())
            .unwrap_or_default();
        out.push(Entry {
            path: path.clone(),
            release,
            kind: kind_of(path),
            change,
            diff,
        });
    }
    out
}

/// A one-line summary: `N added, N removed, N changed in M releases`.
pub fn summary(entries: &[Entry]) -> String {
    let n = |c: Change| entries.iter().filter(|e| e.change == c).count();
    let releases: BTreeSet<&str> = entries.iter().map(|e| e.release.as_str()).collect();
    format!(
        "{} added, {} removed, {} changed in {} release{}",
        n(Change::Added),
        n(Change::Removed),
        n(Change::Changed),
        releases.len(),
        if releases.len() == 1 { "" } else { "s" }
    )
}

/// Plain text (optionally coloured) report.
pub fn text(entries: &[Entry], color: bool) -> String {
    let mut s = String::new();
    for e in entries {
        let _ = writeln!(
            s,
            "{} {} ({}, {})",
            e.change.word(),
            e.path,
            e.release,
            e.kind
        );
        for line in e.diff.lines() {
            let paint = match line.chars().next() {
                _ if !color => None,
                Some('+') if !line.starts_with("+++") => Some("32"),
                Some('-') if !line.starts_with("---") => Some("31"),
                Some('@') => Some("36"),
                _ => None,
            };
            match paint {
                Some(c) => {
                    let _ = writeln!(s, "\x1b[{c}m{line}\x1b[0m");
                }
                None => {
                    let _ = writeln!(s, "{line}");
                }
            }
        }
    }
    let _ = writeln!(s, "{}", summary(entries));
    s
}

/// Markdown for a pull-request comment: a table per release and collapsible diffs,
/// cut at `max_bytes` with a note saying so.
pub fn markdown(entries: &[Entry], max_bytes: usize) -> String {
    let mut s = String::from("### kiln diff\n\n");
    if entries.is_empty() {
        s.push_str("No changes in the rendered manifests.\n");
        return s;
    }
    s.push_str("| release | added | removed | changed |\n|---|---:|---:|---:|\n");
    let mut by_release: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for e in entries {
        by_release.entry(&e.release).or_default()[e.change as usize] += 1;
    }
    for (r, [a, d, c]) in &by_release {
        let _ = writeln!(s, "| {r} | {a} | {d} | {c} |");
    }
    let _ = writeln!(s, "\n{}\n", summary(entries));
    let mut cut = 0;
    for e in entries {
        let block = format!(
            "<details><summary>{} <code>{}</code></summary>\n\n```diff\n{}```\n\n</details>\n",
            e.change.word(),
            e.path,
            e.diff
        );
        if s.len() + block.len() > max_bytes {
            cut += 1;
            continue;
        }
        s.push_str(&block);
    }
    if cut > 0 {
        let _ = writeln!(
            s,
            "\n_{cut} diff(s) left out to stay under {max_bytes} bytes; run `kiln diff` locally for all of them._"
        );
    }
    s
}

/// JSON report.
pub fn json(entries: &[Entry]) -> String {
    let items: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            serde_json::json!({"path": e.path, "release": e.release, "kind": e.kind, "change": e.change.word(), "diff": e.diff})
        })
        .collect();
    let v = serde_json::json!({"summary": summary(entries), "changes": items});
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// `kiln verify`: what differs between the committed tree and a fresh render.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Verify {
    pub stale: Vec<String>,
    pub missing: Vec<String>,
    pub unexpected: Vec<String>,
}

impl Verify {
    pub fn ok(&self) -> bool {
        self.stale.is_empty() && self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Compare byte for byte, `SHA256SUMS` included (the fresh one is computed from `fresh`).
pub fn verify(committed: &Files, fresh: &Files) -> Verify {
    let mut fresh = fresh.clone();
    fresh.insert("SHA256SUMS".into(), crate::emit::write::sha256sums(&fresh));
    let mut v = Verify::default();
    for (p, t) in &fresh {
        match committed.get(p) {
            None => v.missing.push(p.clone()),
            Some(c) if c != t => v.stale.push(p.clone()),
            _ => {}
        }
    }
    v.unexpected = committed
        .keys()
        .filter(|p| !fresh.contains_key(*p))
        .cloned()
        .collect();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_that_look_like_options_are_refused() {
        for rev in ["--output=/tmp/kiln-pwned", "-p", "", "a\nb"] {
            let e = read_git(Path::new("."), rev, "rendered").unwrap_err();
            assert!(e.contains("is not a git revision"), "{rev:?}: {e}");
        }
        assert!(!Path::new("/tmp/kiln-pwned").exists());
    }

    fn files(p: &[(&str, &str)]) -> Files {
        p.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn added_removed_changed() {
        let old = files(&[
            ("g/deployment_g.yaml", "a: 1\nb: 2\n"),
            ("g/service_g.yaml", "s: 1\n"),
        ]);
        let new = files(&[
            ("g/deployment_g.yaml", "a: 1\nb: 3\n"),
            ("g/configmap_c.yaml", "c: 1\n"),
        ]);
        let e = compare(&old, &new, &DiffOptions::default());
        let kinds: Vec<(Change, &str)> = e.iter().map(|x| (x.change, x.kind.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (Change::Added, "configmap"),
                (Change::Changed, "deployment"),
                (Change::Removed, "service")
            ]
        );
        assert!(e[1].diff.contains("-b: 2\n+b: 3\n"), "{}", e[1].diff);
        assert_eq!(summary(&e), "1 added, 1 removed, 1 changed in 1 release");
        let md = markdown(&e, 100_000);
        assert!(
            md.contains("| g | 1 | 1 | 1 |") && md.contains("<details>"),
            "{md}"
        );
        assert!(markdown(&e, 200).contains("left out"));
    }

    #[test]
    fn version_labels_fold_only_when_asked() {
        let old = files(&[(
            "g/x_y.yaml",
            "labels:\n  helm.sh/chart: g-1.0.0\n  app: g\n",
        )]);
        let new = files(&[(
            "g/x_y.yaml",
            "labels:\n  helm.sh/chart: g-1.0.1\n  app: g\n",
        )]);
        assert_eq!(compare(&old, &new, &DiffOptions::default()).len(), 1);
        let folded = DiffOptions {
            fold_version_labels: true,
            ..Default::default()
        };
        assert!(compare(&old, &new, &folded).is_empty());
    }

    #[test]
    fn verify_lists_stale_missing_unexpected() {
        let fresh = files(&[("a/x.yaml", "1"), ("a/y.yaml", "2")]);
        let mut committed = fresh.clone();
        committed.insert("SHA256SUMS".into(), crate::emit::write::sha256sums(&fresh));
        assert!(verify(&committed, &fresh).ok());
        committed.insert("a/x.yaml".into(), "old".into());
        committed.remove("a/y.yaml");
        committed.insert("b/z.yaml".into(), "3".into());
        let v = verify(&committed, &fresh);
        assert_eq!(v.stale, vec!["a/x.yaml".to_string()]);
        assert_eq!(v.missing, vec!["a/y.yaml".to_string()]);
        assert_eq!(v.unexpected, vec!["b/z.yaml".to_string()]);
        committed.insert("SHA256SUMS".into(), "tampered".into());
        assert!(
            verify(&committed, &fresh)
                .stale
                .contains(&"SHA256SUMS".to_string())
        );
    }
}
