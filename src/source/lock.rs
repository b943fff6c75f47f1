//! `stack.lock`: for every release of the stack, the chart it names, the version it asked
//! for, the version that was resolved, the canonical source (the repository as the stack
//! names it, never a mirror) and the sha256 of the archive.
//!
//! The file is YAML written by us in one fixed form (releases sorted by name, every value
//! double-quoted), so the same lock always has the same bytes and diffs stay small.

use super::Error;
use crate::stack::doc::{self, Kind, Node};
use std::collections::BTreeMap;
use std::path::Path;

/// One release's pinned chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockEntry {
    /// The chart reference as written in the stack (`repo/chart`, `oci://…`).
    pub chart: String,
    /// The version or constraint as written in the stack.
    pub version: String,
    /// The chart's name.
    pub name: String,
    /// The version that was resolved.
    pub resolved: String,
    /// The canonical repository: the stack's repository URL, or the `oci://` reference
    /// without its tag.
    pub source: String,
    /// The sha256 of the chart archive, lowercase hex (written as `sha256:<hex>`).
    pub digest: String,
}

/// The whole lock: entries by release name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lock {
    pub releases: BTreeMap<String, LockEntry>,
}

fn quote(s: &str) -> String {
    // A JSON string is a valid YAML double-quoted scalar.
    serde_json::Value::String(s.to_string()).to_string()
}

impl Lock {
    /// Read a lock file; a missing file is an empty lock.
    pub fn load(path: &Path) -> Result<Lock, Error> {
        match std::fs::read_to_string(path) {
            Ok(text) => Lock::parse(path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Lock::default()),
            Err(e) => Err(super::cache::io_err("reading", path, e)),
        }
    }

    pub fn parse(path: &Path, text: &str) -> Result<Lock, Error> {
        let err = |n: Option<&Node>, msg: String| Error::Lock {
            file: path.to_path_buf(),
            line: n.map_or(0, |n| n.line),
            msg,
        };
        let root = doc::parse(text).map_err(|e| Error::Lock {
            file: path.to_path_buf(),
            line: e.line,
            msg: format!("invalid YAML: {}", e.msg),
        })?;
        let entries = match &root.kind {
            Kind::Map(e) => e,
            _ if root.is_null() => return Ok(Lock::default()),
            _ => return Err(err(Some(&root), "the lock must be a mapping".into())),
        };
        let mut lock = Lock::default();
        for (k, kn, v) in entries {
            match k.as_str() {
                "lockVersion" => match &v.kind {
                    Kind::Scalar { text, .. } if text == "1" => {}
                    _ => {
                        return Err(err(
                            Some(v),
                            "unsupported lockVersion (this kiln writes 1)".into(),
                        ));
                    }
                },
                "releases" => {
                    let rels = match &v.kind {
                        Kind::Map(r) => r,
                        _ if v.is_null() => continue,
                        _ => return Err(err(Some(v), "releases must be a mapping".into())),
                    };
                    for (name, _, e) in rels {
                        let Kind::Map(fields) = &e.kind else {
                            return Err(err(
                                Some(e),
                                format!("release `{name}` must be a mapping"),
                            ));
                        };
                        let get = |f: &str| -> Result<String, Error> {
                            match fields.iter().find(|(k, _, _)| k == f) {
                                Some((
                                    _,
                                    _,
                                    Node {
                                        kind: Kind::Scalar { text, .. },
                                        ..
                                    },
                                )) => Ok(text.clone()),
                                Some((_, _, n)) => Err(err(
                                    Some(n),
                                    format!("release `{name}`: `{f}` must be a single value"),
                                )),
                                None => Err(err(Some(e), format!("release `{name}` has no `{f}`"))),
                            }
                        };
                        let (chart, version, chart_name, resolved, source) = (
                            get("chart")?,
                            get("version")?,
                            get("name")?,
                            get("resolved")?,
                            get("source")?,
                        );
                        let digest_text = get("digest")?;
                        let digest =
                            super::cache::normalize_digest(&digest_text).ok_or_else(|| {
                                err(
                                    Some(e),
                                    format!(
                                        "release `{name}`: `{digest_text}` is not a sha256 digest"
                                    ),
                                )
                            })?;
                        lock.releases.insert(
                            name.clone(),
                            LockEntry {
                                chart,
                                version,
                                name: chart_name,
                                resolved,
                                source,
                                digest,
                            },
                        );
                    }
                }
                _ => return Err(err(Some(kn), format!("unknown key `{k}`"))),
            }
        }
        Ok(lock)
    }

    /// The lock's text, always the same for the same entries.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "# stack.lock: the exact chart archive of every release, written by `kiln pull`.\n\
             # `kiln pull --update` re-resolves the versions and rewrites it. Do not edit by hand.\n\
             lockVersion: 1\n",
        );
        if self.releases.is_empty() {
            out.push_str("releases: {}\n");
            return out;
        }
        out.push_str("releases:\n");
        for (name, e) in &self.releases {
            out.push_str(&format!("  {}:\n", quote(name)));
            for (k, v) in [
                ("chart", &e.chart),
                ("version", &e.version),
                ("name", &e.name),
                ("resolved", &e.resolved),
                ("source", &e.source),
                ("digest", &format!("sha256:{}", e.digest)),
            ] {
                out.push_str(&format!("    {k}: {}\n", quote(v)));
            }
        }
        out
    }

    /// Write the lock atomically.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        super::cache::write_atomic(path, self.render().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(chart: &str, d: char) -> LockEntry {
        LockEntry {
            chart: chart.into(),
            version: "~1.2".into(),
            name: "x".into(),
            resolved: "1.2.3".into(),
            source: "https://charts.example.com".into(),
            digest: d.to_string().repeat(64),
        }
    }

    #[test]
    fn round_trip_and_stable_text() {
        let mut l = Lock::default();
        l.releases.insert("zeta".into(), entry("repo/x", 'b'));
        l.releases
            .insert("alpha".into(), entry("oci://r.example.com/c/x", 'a'));
        let text = l.render();
        assert!(text.find("\"alpha\"").unwrap() < text.find("\"zeta\"").unwrap());
        assert!(text.contains("    digest: \"sha256:aaaa"));
        let back = Lock::parse(Path::new("stack.lock"), &text).unwrap();
        assert_eq!(back, l);
        assert_eq!(back.render(), text);
        assert_eq!(
            Lock::parse(Path::new("x"), &Lock::default().render()).unwrap(),
            Lock::default()
        );
    }

    #[test]
    fn bad_locks_name_the_line() {
        for (text, want) in [
            ("lockVersion: 2\n", "unsupported lockVersion"),
            ("releases:\n  a:\n    chart: x\n", "has no `version`"),
            (
                "releases:\n  a: {chart: x, version: 1, name: x, resolved: 1, source: s, digest: abc}\n",
                "not a sha256 digest",
            ),
            ("relases: {}\n", "unknown key `relases`"),
            ("releases: [\n", "invalid YAML"),
        ] {
            let e = Lock::parse(Path::new("stack.lock"), text).unwrap_err();
            assert!(e.to_string().contains(want), "{text:?}: {e}");
            assert!(e.to_string().starts_with("stack.lock:"), "{e}");
        }
    }
}
