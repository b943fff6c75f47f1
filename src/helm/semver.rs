//! The part of Masterminds/semver v3.3 that Helm's `IsCompatibleRange` uses: lenient
//! version parsing and constraint checking (dependency versions, `kubeVersion`).

use std::cmp::Ordering;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
    pub pre: String,
}

impl Version {
    /// Masterminds `NewVersion` (lenient: `v` prefix, missing minor/patch): the regex
    /// `^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-PRERELEASE)?(\+METADATA)?$`, hand-matched.
    pub fn parse(s: &str) -> Option<Version> {
        let body = s.strip_prefix('v').unwrap_or(s);
        let (core, meta) = match body.split_once('+') {
            Some((c, m)) => (c, Some(m)),
            None => (body, None),
        };
        let (nums, pre) = match core.split_once('-') {
            Some((n, p)) => (n, Some(p)),
            None => (core, None),
        };
        let ident_ok = |x: &str| {
            !x.is_empty()
                && x.split('.').all(|p| {
                    !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                })
        };
        if meta.is_some_and(|m| !ident_ok(m)) || pre.is_some_and(|p| !ident_ok(p)) {
            return None;
        }
        let parts: Vec<&str> = nums.split('.').collect();
        if parts.is_empty() || parts.len() > 3 {
            return None;
        }
        let mut n = [0u64; 3];
        for (i, p) in parts.iter().enumerate() {
            if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            n[i] = p.parse().ok()?;
        }
        let pre = pre.unwrap_or("").to_string();
        // Numeric prerelease identifiers must not have leading zeros.
        for part in pre.split('.').filter(|p| !p.is_empty()) {
            if part.len() > 1 && part.starts_with('0') && part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        Some(Version {
            major: n[0],
            minor: n[1],
            patch: n[2],
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

/// One `op version` of a constraint, parsed by hand with the grammar of Masterminds'
/// regexes (`^\s*(OP)\s*(CV)\s*$`, CV = `v?SEG(.SEG)?(.SEG)?(-PRE)?(+META)?`, SEG of
/// `[0-9xX*|]`).
fn parse_constraint(op: &str, cv: &Cv) -> Option<Constraint> {
    let seg = |i: usize| cv.segs.get(i).map(String::as_str).unwrap_or("");
    let suffix = if cv.pre.is_empty() {
        String::new()
    } else {
        format!("-{}", cv.pre)
    };
    let (m3, m4, m5) = (seg(0), seg(1), seg(2));
    let (mut minor_dirty, mut patch_dirty, mut dirty) = (false, false, false);
    let ver = if is_x(m3) || m3.is_empty() {
        dirty = true;
        format!("0.0.0{suffix}")
    } else if is_x(m4) || m4.is_empty() {
        minor_dirty = true;
        dirty = true;
        format!("{m3}.0.0{suffix}")
    } else if is_x(m5) || m5.is_empty() {
        dirty = true;
        patch_dirty = true;
        format!("{m3}.{m4}.0{suffix}")
    } else {
        let mut v = format!("{m3}.{m4}.{m5}{suffix}");
        if !cv.meta.is_empty() {
            v.push('+');
            v.push_str(&cv.meta);
        }
        v
    };
    let con = Version::parse(&ver)?;
    Some(Constraint {
        con,
        op: op.to_string(),
        minor_dirty,
        patch_dirty,
        dirty,
    })
}

/// A constraint version: up to three segments, prerelease and metadata.
#[derive(Debug, Clone, Default)]
struct Cv {
    segs: Vec<String>,
    pre: String,
    meta: String,
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn ws(&mut self) -> usize {
        let start = self.i;
        while self.i < self.b.len()
            && matches!(
                self.b[self.i],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'\x0b'
            )
        {
            self.i += 1;
        }
        self.i - start
    }

    fn op(&mut self) -> &'static str {
        const TWO: [&str; 6] = ["!=", ">=", "=>", "<=", "=<", "~>"];
        const ONE: [&str; 5] = ["=", ">", "<", "~", "^"];
        let rest = &self.b[self.i..];
        for o in TWO {
            if rest.starts_with(o.as_bytes()) {
                self.i += 2;
                return o;
            }
        }
        for o in ONE {
            if rest.starts_with(o.as_bytes()) {
                self.i += 1;
                return o;
            }
        }
        ""
    }

    fn run(&mut self, ok: impl Fn(u8) -> bool) -> String {
        let start = self.i;
        while self.i < self.b.len() && ok(self.b[self.i]) {
            self.i += 1;
        }
        String::from_utf8_lossy(&self.b[start..self.i]).into_owned()
    }

    /// `[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*`
    fn idents(&mut self) -> Option<String> {
        let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'-';
        let mut out = self.run(ident);
        if out.is_empty() {
            return None;
        }
        while self.i + 1 < self.b.len() && self.b[self.i] == b'.' && ident(self.b[self.i + 1]) {
            self.i += 1;
            out.push('.');
            out.push_str(&self.run(ident));
        }
        Some(out)
    }

    fn cv(&mut self) -> Option<Cv> {
        let seg_ch = |c: u8| c.is_ascii_digit() || matches!(c, b'x' | b'X' | b'*' | b'|');
        if self.b.get(self.i) == Some(&b'v') && self.b.get(self.i + 1).is_some_and(|c| seg_ch(*c)) {
            self.i += 1;
        }
        let first = self.run(seg_ch);
        if first.is_empty() {
            return None;
        }
        let mut cv = Cv {
            segs: vec![first],
            ..Default::default()
        };
        while cv.segs.len() < 3
            && self.b.get(self.i) == Some(&b'.')
            && self.b.get(self.i + 1).is_some_and(|c| seg_ch(*c))
        {
            self.i += 1;
            cv.segs.push(self.run(seg_ch));
        }
        if self.b.get(self.i) == Some(&b'-') {
            let save = self.i;
            self.i += 1;
            match self.idents() {
                Some(p) => cv.pre = p,
                None => self.i = save,
            }
        }
        if self.b.get(self.i) == Some(&b'+') {
            let save = self.i;
            self.i += 1;
            match self.idents() {
                Some(m) => cv.meta = m,
                None => self.i = save,
            }
        }
        Some(cv)
    }
}

/// Masterminds' `rewriteRange`: `a - b` becomes `>= a, <= b`.
fn rewrite_ranges(part: &str) -> String {
    let toks: Vec<&str> = part.split_whitespace().collect();
    if !toks.contains(&"-") {
        return part.to_string();
    }
    let is_cv = |t: &str| {
        let mut sc = Scan {
            b: t.as_bytes(),
            i: 0,
        };
        sc.cv().is_some() && sc.i == t.len()
    };
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if i + 2 < toks.len() && toks[i + 1] == "-" && is_cv(toks[i]) && is_cv(toks[i + 2]) {
            out.push(format!(">= {}, <= {}", toks[i], toks[i + 2]));
            i += 3;
        } else {
            out.push(toks[i].to_string());
            i += 1;
        }
    }
    out.join(" ")
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
        let mut ors = Vec::new();
        for part in s.split("||") {
            let part = rewrite_ranges(part);
            let mut sc = Scan {
                b: part.as_bytes(),
                i: 0,
            };
            let mut group = Vec::new();
            sc.ws();
            loop {
                let op = sc.op();
                sc.ws();
                let cv = sc.cv()?;
                group.push(parse_constraint(op, &cv)?);
                let gap = sc.ws();
                if sc.i >= sc.b.len() {
                    break;
                }
                if sc.b[sc.i] == b',' {
                    sc.i += 1;
                    sc.ws();
                } else if gap == 0 {
                    return None;
                }
                if sc.i >= sc.b.len() {
                    return None;
                }
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
            (">=1.0.0", "v1.2", true),
            (">=1.0.0", "1.2.3.4", false),
            (">=1.0.0", "1.2.3-01", false),
            (">=1.0.0-0", "1.2.3-rc.1+build.5", true),
            ("garbage", "1.0.0", false),
            (">= 1.2, < 2", "1.9.9", true),
            (">= 1.2, < 2", "2.0.0", false),
            ("~1", "1.9.0", true),
            ("~1", "2.0.0", false),
            ("^0.0.3", "0.0.3", true),
            ("^0.0.3", "0.0.4", false),
            ("1.2.3 - 2.3.4", "2.3.4", true),
            ("1.2.3 - 2.3.4", "2.3.5", false),
            ("> 1.0 < 2.0", "1.5.0", true),
            ("=>1.0", "1.0.0", true),
            ("~>1.2", "1.2.5", true),
            ("==1.0", "1.0.0", false),
            ("1.2.3.4", "1.2.3", false),
            ("v1.2.x", "1.2.7", true),
        ];
        for (c, v, want) in cases {
            assert_eq!(is_compatible_range(c, v), want, "{c:?} vs {v:?}");
        }
    }
}
