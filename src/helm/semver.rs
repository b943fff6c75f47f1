//! The part of Masterminds/semver v3.3 that Helm's `IsCompatibleRange` uses: lenient
//! version parsing and constraint checking (dependency versions, `kubeVersion`).

use std::cmp::Ordering;
use std::sync::OnceLock;

use regex::Regex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
    pub pre: String,
}

const SEMVER: &str = r"v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
const CV: &str = r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";

struct Res {
    version: Regex,
    constraint: Regex,
    range: Regex,
    find: Regex,
    valid: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let mk = |s: String| Regex::new(&s).expect("static regex");
        Res {
            version: mk(format!("^{SEMVER}$")),
            constraint: mk(format!(r"^\s*({OPS})\s*({CV})\s*$")),
            range: mk(format!(r"\s*({CV})\s+-\s+({CV})\s*")),
            find: mk(format!(r"({OPS})\s*({CV})")),
            valid: mk(format!(
                r"^(\s*({OPS})\s*({CV})\s*)((?:\s+|,\s*)({OPS})\s*({CV})\s*)*$"
            )),
        }
    })
}

impl Version {
    /// Masterminds `NewVersion` (lenient: `v` prefix, missing minor/patch).
    pub fn parse(s: &str) -> Option<Version> {
        let m = res().version.captures(s)?;
        let num = |i: usize| -> Option<u64> {
            match m.get(i) {
                None => Some(0),
                Some(x) => x.as_str().trim_start_matches('.').parse().ok(),
            }
        };
        let pre = m.get(5).map(|x| x.as_str().to_string()).unwrap_or_default();
        // Numeric prerelease identifiers must not have leading zeros.
        for part in pre.split('.').filter(|p| !p.is_empty()) {
            if part.len() > 1 && part.starts_with('0') && part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        Some(Version {
            major: num(1)?,
            minor: num(2)?,
            patch: num(3)?,
            pre,
        })
    }

    pub fn compare(&self, o: &Version) -> Ordering {
        self.major
            .cmp(&o.major)
            .then(self.minor.cmp(&o.minor))
            .then(self.patch.cmp(&o.patch))
            .then_with(|| compare_pre(&self.pre, &o.pre))
    }
}

fn compare_pre(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    if a.is_empty() {
        return Ordering::Greater;
    }
    if b.is_empty() {
        return Ordering::Less;
    }
    let pa: Vec<&str> = a.split('.').collect();
    let pb: Vec<&str> = b.split('.').collect();
    for i in 0..pa.len().max(pb.len()) {
        let (x, y) = (
            pa.get(i).copied().unwrap_or(""),
            pb.get(i).copied().unwrap_or(""),
        );
        let o = compare_pre_part(x, y);
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

fn compare_pre_part(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    if a.is_empty() {
        return if b.is_empty() {
            Ordering::Equal
        } else {
            Ordering::Less
        };
    }
    if b.is_empty() {
        return Ordering::Greater;
    }
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        _ => a.cmp(b),
    }
}

#[derive(Debug, Clone)]
struct Constraint {
    con: Version,
    op: String,
    minor_dirty: bool,
    patch_dirty: bool,
    dirty: bool,
}

fn is_x(s: &str) -> bool {
    matches!(s, "x" | "*" | "X")
}

fn parse_constraint(c: &str) -> Option<Constraint> {
    if c.is_empty() {
        let con = Version {
            major: 0,
            minor: 0,
            patch: 0,
            pre: String::new(),
        };
        return Some(Constraint {
            con,
            op: String::new(),
            minor_dirty: false,
            patch_dirty: false,
            dirty: true,
        });
    }
    let m = res().constraint.captures(c)?;
    let g = |i: usize| m.get(i).map(|x| x.as_str()).unwrap_or("");
    let (m3, m4, m5, m6) = (g(3), g(4), g(5), g(6));
    let mut ver = g(2).to_string();
    let (mut minor_dirty, mut patch_dirty, mut dirty) = (false, false, false);
    if is_x(m3) || m3.is_empty() {
        ver = format!("0.0.0{m6}");
        dirty = true;
    } else if is_x(m4.trim_start_matches('.')) || m4.is_empty() {
        minor_dirty = true;
        dirty = true;
        ver = format!("{m3}.0.0{m6}");
    } else if is_x(m5.trim_start_matches('.')) || m5.is_empty() {
        dirty = true;
        patch_dirty = true;
        ver = format!("{m3}{m4}.0{m6}");
    }
    let con = Version::parse(&ver)?;
    Some(Constraint {
        con,
        op: g(1).to_string(),
        minor_dirty,
        patch_dirty,
        dirty,
    })
}

impl Constraint {
    fn check(&self, v: &Version) -> bool {
        let c = &self.con;
        let pre_block = !v.pre.is_empty() && c.pre.is_empty();
        match self.op.as_str() {
            "!=" => {
                if self.dirty {
                    if pre_block {
                        return false;
                    }
                    if c.major != v.major {
                        return true;
                    }
                    if c.minor != v.minor && !self.minor_dirty {
                        return true;
                    } else if self.minor_dirty {
                        return false;
                    } else if c.patch != v.patch && !self.patch_dirty {
                        return true;
                    } else if self.patch_dirty {
                        if !v.pre.is_empty() || !c.pre.is_empty() {
                            return compare_pre(&v.pre, &c.pre) != Ordering::Equal;
                        }
                        return false;
                    }
                }
                v.compare(c) != Ordering::Equal
            }
            ">" => {
                if pre_block {
                    return false;
                }
                if !self.dirty {
                    return v.compare(c) == Ordering::Greater;
                }
                if v.major > c.major {
                    true
                } else if v.major < c.major || self.minor_dirty {
                    false
                } else if self.patch_dirty {
                    v.minor > c.minor
                } else {
                    v.compare(c) == Ordering::Greater
                }
            }
            "<" => !pre_block && v.compare(c) == Ordering::Less,
            ">=" | "=>" => !pre_block && v.compare(c) != Ordering::Less,
            "<=" | "=<" => {
                if pre_block {
                    return false;
                }
                if !self.dirty {
                    return v.compare(c) != Ordering::Greater;
                }
                !(v.major > c.major
                    || (v.major == c.major && v.minor > c.minor && !self.minor_dirty))
            }
            "~" | "~>" => !pre_block && self.tilde(v),
            "^" => {
                if pre_block || v.compare(c) == Ordering::Less {
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
                c.patch == v.patch
            }
            _ => {
                // "" and "=": tilde when dirty, else equality.
                if pre_block {
                    return false;
                }
                if self.dirty {
                    return self.tilde(v);
                }
                v.compare(c) == Ordering::Equal
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
        if v.minor != c.minor && !self.minor_dirty {
            return false;
        }
        true
    }
}

/// A parsed constraint set: OR of AND groups.
#[derive(Debug, Clone)]
pub struct Constraints(Vec<Vec<Constraint>>);

impl Constraints {
    pub fn parse(s: &str) -> Option<Constraints> {
        let r = res();
        // rewriteRange: "a - b" -> ">= a, <= b "
        let mut text = s.to_string();
        let ranges: Vec<(String, String, String)> = r
            .range
            .captures_iter(s)
            .map(|m| {
                let whole = m.get(0).map(|x| x.as_str()).unwrap_or("").to_string();
                let a = m.get(1).map(|x| x.as_str()).unwrap_or("").to_string();
                let b = m.get(11).map(|x| x.as_str()).unwrap_or("").to_string();
                (whole, a, b)
            })
            .collect();
        for (whole, a, b) in ranges {
            text = text.replacen(&whole, &format!(">= {a}, <= {b} "), 1);
        }
        let mut ors = Vec::new();
        for part in text.split("||") {
            if !r.valid.is_match(part) {
                return None;
            }
            let found: Vec<&str> = r.find.find_iter(part).map(|m| m.as_str()).collect();
            let items: Vec<&str> = if found.is_empty() { vec![part] } else { found };
            let mut group = Vec::new();
            for it in items {
                group.push(parse_constraint(it)?);
            }
            ors.push(group);
        }
        Some(Constraints(ors))
    }

    pub fn check(&self, v: &Version) -> bool {
        self.0.iter().any(|g| g.iter().all(|c| c.check(v)))
    }
}

/// Helm's `chartutil.IsCompatibleRange(constraint, version)`.
pub fn is_compatible_range(constraint: &str, version: &str) -> bool {
    let Some(v) = Version::parse(version) else {
        return false;
    };
    let Some(c) = Constraints::parse(constraint) else {
        return false;
    };
    c.check(&v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masterminds_constraints() {
        // (constraint, version, expected) — Masterminds/semver v3 semantics.
        let cases = [
            (">=1.16.0-0", "v1.33.0", true),
            (">=1.19.0-0", "v1.33.0", true),
            (">= 1.23.0-0", "1.33.0", true),
            ("<1.20.0", "v1.33.0", false),
            ("1.2.3", "1.2.3", true),
            ("1.2.x", "1.2.9", true),
            ("1.2.x", "1.3.0", false),
            ("~1.2.3", "1.2.9", true),
            ("~1.2.3", "1.3.0", false),
            ("^1.2.3", "1.9.0", true),
            ("^1.2.3", "2.0.0", false),
            ("^0.2.3", "0.2.9", true),
            ("^0.2.3", "0.3.0", false),
            ("*", "5.4.0", true),
            ("", "5.4.0", false),
            ("x.x.x", "0.0.0", true),
            (">=1.0.0", "1.0.0-rc1", false),
            ("1.2 - 1.4.5", "1.3.0", true),
            ("1.2 - 1.4.5", "1.4.6", false),
            (">1.0, <2.0", "1.5.0", true),
            (">1.0 <2.0", "2.5.0", false),
            ("<1.0 || >2.0", "2.5.0", true),
            ("5.4.0", "5.4.0", true),
            ("0.0.0", "0.0.0", true),
            ("!=1.2.3", "1.2.3", false),
            ("garbage", "1.0.0", false),
        ];
        for (c, v, want) in cases {
            assert_eq!(is_compatible_range(c, v), want, "{c:?} vs {v:?}");
        }
    }
}
