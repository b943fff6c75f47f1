//! Semantic versions and Masterminds-style constraints (`github.com/Masterminds/semver/v3`),
//! as Helm uses them to pick a chart version from a repository index or a registry's tags.
//!
//! Versions: `v?MAJOR(.MINOR(.PATCH)?)?(-PRERELEASE)?(+METADATA)?` (missing parts are 0);
//! OCI tags are parsed strictly (exactly three parts, no `v`). Constraints: `||` between
//! alternatives, spaces or commas between the parts that must all hold, the operators
//! `=`, `!=`, `>`, `<`, `>=`, `=>`, `<=`, `=<`, `~`, `~>`, `^`, wildcards `x`/`X`/`*`, and
//! hyphen ranges `1.2 - 1.4.5`. A version with a prerelease only matches a constraint whose
//! own version has a prerelease (so `>=1.0.0-0` opts in to prereleases).

use std::cmp::Ordering;
use std::fmt;

/// A parsed semantic version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
    pub pre: String,
    pub meta: String,
}

fn ident_ok(s: &str) -> bool {
    !s.is_empty()
        && s.split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

impl Version {
    /// Masterminds `NewVersion`: a leading `v` and missing minor/patch are allowed.
    pub fn parse(s: &str) -> Option<Version> {
        Self::parse_with(s, false)
    }

    /// Masterminds `StrictNewVersion`: exactly `MAJOR.MINOR.PATCH`, no `v`.
    pub fn parse_strict(s: &str) -> Option<Version> {
        Self::parse_with(s, true)
    }

    fn parse_with(s: &str, strict: bool) -> Option<Version> {
        let body = if strict {
            s
        } else {
            s.strip_prefix('v').unwrap_or(s)
        };
        let (body, meta) = match body.split_once('+') {
            Some((b, m)) => {
                if !ident_ok(m) {
                    return None;
                }
                (b, m.to_string())
            }
            None => (body, String::new()),
        };
        let (core, pre) = match body.split_once('-') {
            Some((c, p)) => {
                if !ident_ok(p) {
                    return None;
                }
                (c, p.to_string())
            }
            None => (body, String::new()),
        };
        let parts: Vec<&str> = core.split('.').collect();
        if parts.is_empty() || parts.len() > 3 || (strict && parts.len() != 3) {
            return None;
        }
        let mut nums = [0u64; 3];
        for (i, p) in parts.iter().enumerate() {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if strict && p.len() > 1 && p.starts_with('0') {
                return None;
            }
            nums[i] = p.parse().ok()?;
        }
        Some(Version {
            major: nums[0],
            minor: nums[1],
            patch: nums[2],
            pre,
            meta,
        })
    }

    /// Semver precedence (metadata ignored).
    pub fn compare(&self, o: &Version) -> Ordering {
        (self.major, self.minor, self.patch)
            .cmp(&(o.major, o.minor, o.patch))
            .then_with(|| compare_pre(&self.pre, &o.pre))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if !self.pre.is_empty() {
            write!(f, "-{}", self.pre)?;
        }
        if !self.meta.is_empty() {
            write!(f, "+{}", self.meta)?;
        }
        Ok(())
    }
}

fn compare_pre(a: &str, b: &str) -> Ordering {
    match (a.is_empty(), b.is_empty()) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        _ => {}
    }
    let mut ai = a.split('.');
    let mut bi = b.split('.');
    loop {
        match (ai.next(), bi.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => {
                let xn = x
                    .parse::<u64>()
                    .ok()
                    .filter(|_| x.bytes().all(|b| b.is_ascii_digit()));
                let yn = y
                    .parse::<u64>()
                    .ok()
                    .filter(|_| y.bytes().all(|b| b.is_ascii_digit()));
                let o = match (xn, yn) {
                    (Some(p), Some(q)) => p.cmp(&q),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => x.cmp(y),
                };
                if o != Ordering::Equal {
                    return o;
                }
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    TildeOrEqual,
    NotEqual,
    Gt,
    Lt,
    Ge,
    Le,
    Tilde,
    Caret,
}

#[derive(Debug, Clone)]
struct Single {
    op: Op,
    con: Version,
    dirty: bool,
    minor_dirty: bool,
    patch_dirty: bool,
}

/// A parsed constraint: alternatives (`||`) of conjunctions.
#[derive(Debug, Clone)]
pub struct Constraint {
    alts: Vec<Vec<Single>>,
    text: String,
}

impl fmt::Display for Constraint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

fn is_x(s: &str) -> bool {
    matches!(s, "x" | "X" | "*")
}

fn version_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | '*')
}

/// Rewrite `A - B` hyphen ranges into `>= A, <= B`.
fn rewrite_ranges(s: &str) -> String {
    let mut out = String::new();
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        if i + 2 < words.len()
            && words[i + 1] == "-"
            && words[i].chars().all(version_char)
            && words[i + 2].chars().all(version_char)
        {
            out.push_str(&format!(">= {}, <= {} ", words[i], words[i + 2]));
            i += 3;
        } else {
            out.push_str(words[i]);
            out.push(' ');
            i += 1;
        }
    }
    out
}

fn parse_single(op: &str, ver: &str) -> Result<Single, String> {
    let op = match op {
        "" | "=" => Op::TildeOrEqual,
        "!=" => Op::NotEqual,
        ">" => Op::Gt,
        "<" => Op::Lt,
        ">=" | "=>" => Op::Ge,
        "<=" | "=<" => Op::Le,
        "~" | "~>" => Op::Tilde,
        "^" => Op::Caret,
        _ => return Err(format!("unknown operator `{op}`")),
    };
    let v = ver.strip_prefix('v').unwrap_or(ver);
    let (core, rest) = match v.find(['-', '+']) {
        Some(i) => (&v[..i], &v[i..]),
        None => (v, ""),
    };
    let parts: Vec<&str> = core.split('.').collect();
    if parts.len() > 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !(is_x(p) || p.bytes().all(|b| b.is_ascii_digit())))
    {
        return Err(format!("improper constraint: {op:?} {ver}").replace("TildeOrEqual ", ""));
    }
    let (mut dirty, mut minor_dirty, mut patch_dirty) = (false, false, false);
    let norm = if is_x(parts[0]) {
        dirty = true;
        format!("0.0.0{rest}")
    } else if parts.len() < 2 || is_x(parts[1]) {
        dirty = true;
        minor_dirty = true;
        format!("{}.0.0{rest}", parts[0])
    } else if parts.len() < 3 || is_x(parts[2]) {
        dirty = true;
        patch_dirty = true;
        format!("{}.{}.0{rest}", parts[0], parts[1])
    } else {
        format!("{core}{rest}")
    };
    let con = Version::parse(&norm).ok_or_else(|| format!("improper constraint: {ver}"))?;
    Ok(Single {
        op,
        con,
        dirty,
        minor_dirty,
        patch_dirty,
    })
}

impl Constraint {
    /// Parse a constraint; an empty text means any release version (`*`).
    pub fn parse(text: &str) -> Result<Constraint, String> {
        let t = if text.trim().is_empty() { "*" } else { text };
        let t = rewrite_ranges(t);
        let mut alts = Vec::new();
        for alt in t.split("||") {
            let mut singles = Vec::new();
            let mut rest = alt.trim_start();
            if rest.trim().is_empty() {
                return Err(format!("improper constraint: {text}"));
            }
            while !rest.trim().is_empty() {
                rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
                let op_len = ["!=", ">=", "=>", "<=", "=<", "~>", ">", "<", "=", "~", "^"]
                    .iter()
                    .find(|o| rest.starts_with(**o))
                    .map_or(0, |o| o.len());
                let op = &rest[..op_len];
                rest = rest[op_len..].trim_start();
                let end = rest.find(|c: char| !version_char(c)).unwrap_or(rest.len());
                let ver = &rest[..end];
                if ver.is_empty() {
                    return Err(format!("improper constraint: {text}"));
                }
                singles.push(
                    parse_single(op, ver).map_err(|_| format!("improper constraint: {text}"))?,
                );
                rest = &rest[end..];
                let next = rest.trim_start();
                if !next.is_empty()
                    && !next.starts_with(',')
                    && !rest.starts_with(char::is_whitespace)
                {
                    return Err(format!("improper constraint: {text}"));
                }
            }
            alts.push(singles);
        }
        Ok(Constraint {
            alts,
            text: text.to_string(),
        })
    }

    /// Whether `v` satisfies the constraint.
    pub fn matches(&self, v: &Version) -> bool {
        self.alts.iter().any(|all| all.iter().all(|c| c.check(v)))
    }
}

impl Single {
    fn check(&self, v: &Version) -> bool {
        let c = &self.con;
        // A prerelease only matches a constraint with a prerelease; `!=` checks this only
        // for wildcard versions (Masterminds' constraintNotEqual).
        if !v.pre.is_empty() && c.pre.is_empty() && (self.op != Op::NotEqual || self.dirty) {
            return false;
        }
        match self.op {
            Op::TildeOrEqual => {
                if self.dirty {
                    self.tilde(v)
                } else {
                    v.compare(c) == Ordering::Equal
                }
            }
            Op::NotEqual => {
                if self.dirty {
                    if c.major != v.major {
                        return true;
                    }
                    if self.minor_dirty {
                        return false;
                    }
                    if c.minor != v.minor {
                        return true;
                    }
                    if self.patch_dirty {
                        return (!v.pre.is_empty() || !c.pre.is_empty())
                            && compare_pre(&v.pre, &c.pre) != Ordering::Equal;
                    }
                }
                v.compare(c) != Ordering::Equal
            }
            Op::Gt => {
                if !self.dirty {
                    return v.compare(c) == Ordering::Greater;
                }
                if v.major != c.major {
                    return v.major > c.major;
                }
                if self.minor_dirty {
                    return false;
                }
                if self.patch_dirty {
                    return v.minor > c.minor;
                }
                v.compare(c) == Ordering::Greater
            }
            Op::Lt => v.compare(c) == Ordering::Less,
            Op::Ge => v.compare(c) != Ordering::Less,
            Op::Le => {
                if !self.dirty {
                    return v.compare(c) != Ordering::Greater;
                }
                if v.major > c.major {
                    return false;
                }
                !(v.major == c.major && v.minor > c.minor && !self.minor_dirty)
            }
            Op::Tilde => self.tilde(v),
            Op::Caret => {
                if v.compare(c) == Ordering::Less {
                    return false;
                }
                if c.major > 0 || self.minor_dirty {
                    return v.major == c.major;
                }
                if v.major > 0 {
                    return false;
                }
                if c.minor > 0 || self.patch_dirty {
                    return v.minor == c.minor;
                }
                if v.minor > 0 {
                    return false;
                }
                v.patch == c.patch
            }
        }
    }

    fn tilde(&self, v: &Version) -> bool {
        let c = &self.con;
        if v.compare(c) == Ordering::Less {
            return false;
        }
        if c.major == 0 && c.minor == 0 && c.patch == 0 && !self.minor_dirty && !self.patch_dirty {
            return true;
        }
        if v.major != c.major {
            return false;
        }
        v.minor == c.minor || self.minor_dirty
    }
}

/// Pick a version as Helm's `IndexFile.Get` does: an exact string match first, then the
/// highest version satisfying the constraint. `versions` are the candidates' version strings.
pub fn pick<'a>(
    versions: impl IntoIterator<Item = &'a str>,
    wanted: &str,
    strict: bool,
) -> Result<Option<&'a str>, String> {
    let all: Vec<&str> = versions.into_iter().collect();
    if !wanted.is_empty()
        && let Some(v) = all.iter().find(|v| **v == wanted)
    {
        return Ok(Some(v));
    }
    let c = Constraint::parse(wanted)?;
    let mut best: Option<(Version, &str)> = None;
    for s in all {
        let parsed = if strict {
            Version::parse_strict(s)
        } else {
            Version::parse(s)
        };
        let Some(v) = parsed else { continue };
        if c.matches(&v)
            && best
                .as_ref()
                .is_none_or(|(b, _)| v.compare(b) == Ordering::Greater)
        {
            best = Some((v, s));
        }
    }
    Ok(best.map(|(_, s)| s))
}

/// Whether a version text is an exact version (no range operators or wildcards).
pub fn is_exact(text: &str) -> bool {
    Version::parse(text).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_order() {
        for (a, b, o) in [
            ("1.2.3", "1.2.4", Ordering::Less),
            ("v1.18.2", "1.18.2", Ordering::Equal),
            ("1.0.0-alpha", "1.0.0", Ordering::Less),
            ("1.0.0-alpha.1", "1.0.0-alpha.beta", Ordering::Less),
            ("1.0.0-2", "1.0.0-10", Ordering::Less),
            ("1.0.0-rc.1", "1.0.0-rc.1.1", Ordering::Less),
            ("1.2", "1.2.0", Ordering::Equal),
            ("1.0.0+a", "1.0.0+b", Ordering::Equal),
        ] {
            let (x, y) = (Version::parse(a).unwrap(), Version::parse(b).unwrap());
            assert_eq!(x.compare(&y), o, "{a} vs {b}");
        }
        for bad in ["", "x", "1.2.3.4", "1..2", "1.2.3-", "a.b.c", "1.2.3+"] {
            assert!(Version::parse(bad).is_none(), "{bad}");
        }
        assert!(Version::parse_strict("v1.2.3").is_none());
        assert!(Version::parse_strict("1.2").is_none());
        assert!(Version::parse_strict("1.2.3+build.1").is_some());
    }

    #[test]
    fn constraints_match_as_masterminds_does() {
        // (constraint, version, matches) — from Masterminds/semver's constraint tests and docs.
        let table: &[(&str, &str, bool)] = &[
            ("1.2.3", "1.2.3", true),
            ("1.2.3", "1.2.4", false),
            ("=1.2.3", "1.2.3", true),
            ("!=1.2.3", "1.2.4", true),
            ("!=1.2.3", "1.2.3", false),
            ("~1.18", "1.18.9", true),
            ("~1.18", "1.19.0", false),
            ("~1.18", "1.17.9", false),
            ("~1.2.3", "1.2.9", true),
            ("~1.2.3", "1.2.2", false),
            ("~1", "1.9.0", true),
            ("~1", "2.0.0", false),
            ("~>1.2", "1.2.5", true),
            (">=37.0.0 <38", "37.5.1", true),
            (">=37.0.0 <38", "38.0.0", false),
            (">=37.0.0, <38", "36.9.9", false),
            ("^1.2.3", "1.9.9", true),
            ("^1.2.3", "2.0.0", false),
            ("^1.2.3", "1.2.2", false),
            ("^0.2.3", "0.2.9", true),
            ("^0.2.3", "0.3.0", false),
            ("^0.0.3", "0.0.3", true),
            ("^0.0.3", "0.0.4", false),
            ("^0", "0.9.0", true),
            ("^0", "1.0.0", false),
            ("1.x", "1.5.0", true),
            ("1.x", "2.0.0", false),
            ("1.2.x", "1.2.7", true),
            ("1.2.x", "1.3.0", false),
            ("*", "4.5.6", true),
            ("*", "1.0.0-beta", false),
            ("", "1.0.0", true),
            (">1.2", "1.2.9", false),
            (">1.2", "1.3.0", true),
            (">1", "1.9.0", false),
            (">1", "2.0.0", true),
            ("<=1.2", "1.2.9", true),
            ("<=1.2", "1.3.0", false),
            ("<2", "1.99.0", true),
            ("1.2 - 1.4.5", "1.4.5", true),
            ("1.2 - 1.4.5", "1.4.6", false),
            ("1.2 - 1.4.5", "1.1.9", false),
            (">=1.0.0", "1.1.0-rc.1", false),
            (">=1.0.0-0", "1.1.0-rc.1", true),
            ("~1.2.3-beta", "1.2.3-beta.2", true),
            ("<1.0.0 || >=3", "3.1.0", true),
            ("<1.0.0 || >=3", "2.0.0", false),
            ("v1.18.2", "1.18.2", true),
            (">= 1.2, < 2", "1.5.0", true),
        ];
        for (c, v, want) in table {
            let con = Constraint::parse(c).unwrap_or_else(|e| panic!("{c}: {e}"));
            let ver = Version::parse(v).unwrap();
            assert_eq!(con.matches(&ver), *want, "{c} ~ {v}");
        }
        for bad in ["abc", ">>1", "1.2.3 ||", "~", "1.2.3.4"] {
            assert!(Constraint::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn pick_as_helm_pull_picks() {
        // Answers of `helm pull mk-stream --repo URL --version C` (HTTP index) and
        // `helm pull oci://…/mk-stream --version C` (tags, `+` stored as `_`) with helm
        // v3.17.3 over these eight versions: both gave the same answer for every row.
        let vs = [
            "0.9.0",
            "1.0.0",
            "1.2.3",
            "1.2.9",
            "1.3.0",
            "2.0.0-rc.1",
            "2.0.0",
            "1.2.10+build.1",
        ];
        for (c, want) in [
            ("~1.2", Some("1.2.10+build.1")),
            ("^1", Some("1.3.0")),
            (">=1.2.3 <1.3", Some("1.2.10+build.1")),
            ("1.x", Some("1.3.0")),
            ("*", Some("2.0.0")),
            ("", Some("2.0.0")),
            (">=2.0.0-0", Some("2.0.0")),
            ("<2", Some("1.3.0")),
            ("~1.2.3", Some("1.2.10+build.1")),
            ("1.2.x", Some("1.2.10+build.1")),
            (">1.2", Some("2.0.0")),
            ("^0.9", Some("0.9.0")),
            ("!=2.0.0", Some("2.0.0-rc.1")),
            ("1.0.0 - 1.2.5", Some("1.2.3")),
            (">=1.2.9, <1.3.0", Some("1.2.10+build.1")),
            ("1.2.10+build.1", Some("1.2.10+build.1")),
            ("9.x", None),
        ] {
            assert_eq!(pick(vs, c, false).unwrap(), want, "http {c:?}");
            assert_eq!(pick(vs, c, true).unwrap(), want, "oci {c:?}");
        }
    }

    #[test]
    fn pick_prefers_exact_strings_then_highest() {
        let vs = ["v1.18.2", "1.19.0", "1.18.5", "2.0.0-rc.1", "junk"];
        assert_eq!(pick(vs, "v1.18.2", false).unwrap(), Some("v1.18.2"));
        assert_eq!(pick(vs, "~1.18", false).unwrap(), Some("1.18.5"));
        assert_eq!(pick(vs, "", false).unwrap(), Some("1.19.0"));
        assert_eq!(pick(vs, ">=2.0.0-0", false).unwrap(), Some("2.0.0-rc.1"));
        assert_eq!(pick(vs, "3.x", false).unwrap(), None);
        assert!(pick(vs, ">>", false).is_err());
        // OCI tags are strict: `v1.18.2` is not a candidate for a range.
        assert_eq!(
            pick(["v1.18.9", "1.18.3"], "~1.18", true).unwrap(),
            Some("1.18.3")
        );
    }
}
