//! Masterminds/semver v3.3.0: lenient versions and constraint checks (`semver`,
//! `semverCompare`). Not Cargo's semver: a bare `1.2.3` is `=1.2.3`, prereleases only
//! satisfy constraints that carry a prerelease themselves.

use super::args::{R, nargs, s};
use crate::gotmpl::{FuncError, FuncMap, Host, Object, Value};
use std::cmp::Ordering;
use std::rc::Rc;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("semver", semver);
    m.insert("semverCompare", semver_compare);
}

/// A parsed version (`*semver.Version`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
    pub pre: String,
    pub metadata: String,
    pub original: String,
}

// Masterminds' regular expressions, matched by hand: compiling them cost each process
// about 1.1 ms, a third of a small chart's render. `CV` is
// `v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?`,
// the operators `=||!=|>|<|>=|=>|<=|=<|~|~>|\^`, and `\s` Go's `[\t\n\f\r ]`. The tests
// check each matcher against the regular expression it replaces.

/// Masterminds' operators, in the order of their alternation.
const OPS: [&str; 12] = [
    "=", "", "!=", ">", "<", ">=", "=>", "<=", "=<", "~", "~>", "^",
];

/// Go's `\s`.
fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

fn skip_spaces(s: &[u8], mut i: usize) -> usize {
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    i
}

fn run(s: &[u8], mut i: usize, f: impl Fn(u8) -> bool) -> usize {
    while i < s.len() && f(s[i]) {
        i += 1;
    }
    i
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-'
}

/// `[0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*` at `i` (which holds an ident byte): its end.
fn dotted_idents(s: &[u8], i: usize) -> usize {
    let mut e = run(s, i, is_ident);
    while e + 1 < s.len() && s[e] == b'.' && is_ident(s[e + 1]) {
        e = run(s, e + 1, is_ident);
    }
    e
}

/// Byte spans of a version matched at `at`, as the regular expression's groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct VersionSpans {
    /// The first byte after the match.
    end: usize,
    major: (usize, usize),
    /// `.minor` and `.patch`, dot included (empty when absent).
    minor: (usize, usize),
    patch: (usize, usize),
    /// `-pre`, dash included, and `+meta`, plus included (empty when absent).
    pre: (usize, usize),
    meta: (usize, usize),
}

/// `v?(N+)(\.N+)?(\.N+)?(-idents)?(\+idents)?` at `at`, greedy, where `N` is `seg`
/// (`[0-9]` for versions, `[0-9|x|X|\*]` for constraints).
fn version_at(s: &[u8], at: usize, seg: fn(u8) -> bool) -> Option<VersionSpans> {
    let mut i = at;
    if i < s.len() && s[i] == b'v' {
        i += 1;
    }
    let e = run(s, i, seg);
    if e == i {
        return None;
    }
    let major = (i, e);
    let mut i = e;
    let mut dotted = || {
        if i + 1 < s.len() && s[i] == b'.' && seg(s[i + 1]) {
            let start = i;
            i = run(s, i + 1, seg);
            (start, i)
        } else {
            (i, i)
        }
    };
    let minor = dotted();
    let patch = if minor.0 < minor.1 { dotted() } else { (i, i) };
    let mut tagged = |mark: u8| {
        if i + 1 < s.len() && s[i] == mark && is_ident(s[i + 1]) {
            let start = i;
            i = dotted_idents(s, i + 1);
            (start, i)
        } else {
            (i, i)
        }
    };
    let pre = tagged(b'-');
    let meta = tagged(b'+');
    Some(VersionSpans {
        end: i,
        major,
        minor,
        patch,
        pre,
        meta,
    })
}

fn cv_seg(b: u8) -> bool {
    b.is_ascii_digit() || matches!(b, b'|' | b'x' | b'X' | b'*')
}

/// `CV` at `at`.
fn cv_at(s: &[u8], at: usize) -> Option<VersionSpans> {
    version_at(s, at, cv_seg)
}

fn is_op_byte(b: u8) -> bool {
    matches!(b, b'=' | b'!' | b'>' | b'<' | b'~' | b'^')
}

/// `(OPS)\s*(CV)` at `at` where what follows must be matched too (the anchored
/// expressions): CV cannot begin with an operator's byte, so the operator is the whole run
/// of operator bytes. Returns the operator's span and the version's spans.
fn anchored_constraint_at(s: &[u8], at: usize) -> Option<((usize, usize), VersionSpans)> {
    let op_end = run(s, at, is_op_byte);
    if !OPS.iter().any(|o| o.as_bytes() == &s[at..op_end]) {
        return None;
    }
    let cv = cv_at(s, skip_spaces(s, op_end))?;
    Some(((at, op_end), cv))
}

/// `^\s*(OPS)\s*(CV)\s*$`: the operator and the version's spans.
fn match_constraint(s: &[u8]) -> Option<((usize, usize), VersionSpans)> {
    let (op, cv) = anchored_constraint_at(s, skip_spaces(s, 0))?;
    (skip_spaces(s, cv.end) == s.len()).then_some((op, cv))
}

/// `^(\s*(OPS)\s*(CV)\s*)((?:\s+|,\s*)(OPS)\s*(CV)\s*)*$`.
fn valid_constraints(s: &[u8]) -> bool {
    let Some((_, first)) = anchored_constraint_at(s, skip_spaces(s, 0)) else {
        return false;
    };
    let mut i = first.end;
    loop {
        let j = skip_spaces(s, i);
        if j == s.len() {
            return true;
        }
        let next = if s[j] == b',' {
            skip_spaces(s, j + 1)
        } else if j > i {
            j
        } else {
            return false;
        };
        match anchored_constraint_at(s, next) {
            Some((_, cv)) => i = cv.end,
            None => return false,
        }
    }
}

/// `(OPS)\s*(CV)` found left to right (Go's `FindAllString`): at each position the
/// operators are tried in the alternation's order.
fn find_constraints(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut p = 0;
    while p < b.len() {
        let found = OPS.iter().find_map(|op| {
            let rest = &b[p..];
            if !rest.starts_with(op.as_bytes()) {
                return None;
            }
            cv_at(b, skip_spaces(b, p + op.len())).map(|cv| cv.end)
        });
        match found {
            Some(end) => {
                out.push(&s[p..end]);
                p = end;
            }
            None => p += 1,
        }
    }
    out
}

/// `\s*(CV)\s+-\s+(CV)\s*` found left to right: (whole match, first version, second).
fn find_ranges(s: &str) -> Vec<(&str, &str, &str)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut p = 0;
    while p < b.len() {
        let m = (|| {
            let a_start = skip_spaces(b, p);
            let a = cv_at(b, a_start)?;
            let i = skip_spaces(b, a.end);
            if i == a.end || b.get(i) != Some(&b'-') {
                return None;
            }
            let j = skip_spaces(b, i + 1);
            if j == i + 1 {
                return None;
            }
            let c = cv_at(b, j)?;
            let end = skip_spaces(b, c.end);
            Some((end, (a_start, a.end), (j, c.end)))
        })();
        match m {
            Some((end, a, c)) => {
                out.push((&s[p..end], &s[a.0..a.1], &s[c.0..c.1]));
                p = end;
            }
            None => p += 1,
        }
    }
    out
}

const ERR_INVALID: &str = "Invalid Semantic Version";

fn contains_only(st: &str, allowed: impl Fn(char) -> bool) -> bool {
    st.chars().all(allowed)
}

fn validate_prerelease(p: &str) -> Result<(), String> {
    for part in p.split('.') {
        if contains_only(part, |c| c.is_ascii_digit()) {
            if part.len() > 1 && part.starts_with('0') {
                return Err("Version segment starts with 0".into());
            }
        } else if !contains_only(part, |c| c.is_ascii_alphanumeric() || c == '-') {
            return Err("Invalid Prerelease string".into());
        }
    }
    Ok(())
}

fn validate_metadata(m: &str) -> Result<(), String> {
    for part in m.split('.') {
        if !contains_only(part, |c| c.is_ascii_alphanumeric() || c == '-') {
            return Err("Invalid Metadata string".into());
        }
    }
    Ok(())
}

fn parse_seg(st: &str) -> Result<u64, String> {
    st.parse::<u64>().map_err(|_| {
        format!(
            "Error parsing version segment: strconv.ParseUint: parsing \"{st}\": value out of range"
        )
    })
}

impl Version {
    /// `semver.NewVersion`.
    pub fn parse(v: &str) -> Result<Version, String> {
        let m = version_at(v.as_bytes(), 0, |b| b.is_ascii_digit())
            .filter(|m| m.end == v.len())
            .ok_or_else(|| ERR_INVALID.to_string())?;
        // Spans of optional parts keep their leading `.`, `-` or `+`.
        let part = |(a, b): (usize, usize)| if a == b { "" } else { &v[a + 1..b] };
        let major = parse_seg(&v[m.major.0..m.major.1])?;
        let minor = if m.minor.0 == m.minor.1 {
            0
        } else {
            parse_seg(part(m.minor))?
        };
        let patch = if m.patch.0 == m.patch.1 {
            0
        } else {
            parse_seg(part(m.patch))?
        };
        let pre = part(m.pre).to_string();
        let metadata = part(m.meta).to_string();
        if !pre.is_empty() {
            validate_prerelease(&pre)?;
        }
        if !metadata.is_empty() {
            validate_metadata(&metadata)?;
        }
        Ok(Version {
            major,
            minor,
            patch,
            pre,
            metadata,
            original: v.to_string(),
        })
    }

    fn v_prefix(&self) -> &'static str {
        if self.original.starts_with('v') {
            "v"
        } else {
            ""
        }
    }

    fn with_original(mut self, prefix: &str) -> Version {
        self.original = format!("{prefix}{self}");
        self
    }

    pub fn compare(&self, o: &Version) -> Ordering {
        let c = self
            .major
            .cmp(&o.major)
            .then(self.minor.cmp(&o.minor))
            .then(self.patch.cmp(&o.patch));
        if c != Ordering::Equal {
            return c;
        }
        match (self.pre.is_empty(), o.pre.is_empty()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => compare_prerelease(&self.pre, &o.pre),
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        if !self.pre.is_empty() {
            write!(f, "-{}", self.pre)?;
        }
        if !self.metadata.is_empty() {
            write!(f, "+{}", self.metadata)?;
        }
        Ok(())
    }
}

fn compare_prerelease(v: &str, o: &str) -> Ordering {
    let sp: Vec<&str> = v.split('.').collect();
    let op: Vec<&str> = o.split('.').collect();
    for i in 0..sp.len().max(op.len()) {
        let a = sp.get(i).copied().unwrap_or("");
        let b = op.get(i).copied().unwrap_or("");
        let d = compare_pre_part(a, b);
        if d != Ordering::Equal {
            return d;
        }
    }
    Ordering::Equal
}

fn compare_pre_part(s: &str, o: &str) -> Ordering {
    if s == o {
        return Ordering::Equal;
    }
    if s.is_empty() {
        return Ordering::Less;
    }
    if o.is_empty() {
        return Ordering::Greater;
    }
    match (s.parse::<u64>(), o.parse::<u64>()) {
        (Err(_), Err(_)) => {
            if s > o {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Ok(_), Err(_)) => Ordering::Less,
        (Err(_), Ok(_)) => Ordering::Greater,
        (Ok(a), Ok(b)) => {
            if a > b {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
    }
}

#[derive(Clone, Debug)]
struct Constraint {
    con: Version,
    op: String,
    minor_dirty: bool,
    patch_dirty: bool,
    dirty: bool,
}

fn is_x(x: &str) -> bool {
    matches!(x, "x" | "*" | "X")
}

fn parse_constraint(c: &str) -> Result<Constraint, String> {
    if c.is_empty() {
        return Ok(Constraint {
            con: Version::parse("0.0.0").map_err(|_| "constraint Parser Error".to_string())?,
            op: String::new(),
            minor_dirty: false,
            patch_dirty: false,
            dirty: true,
        });
    }
    let (op, cv) =
        match_constraint(c.as_bytes()).ok_or_else(|| format!("improper constraint: {c}"))?;
    let g = |(a, b): (usize, usize)| &c[a..b];
    // The regular expression's groups: 3 major, 4 .minor, 5 .patch, 6 -pre (with dash).
    let (m3, m4, m5, m6) = (g(cv.major), g(cv.minor), g(cv.patch), g(cv.pre));
    let (mut minor_dirty, mut patch_dirty, mut dirty) = (false, false, false);
    let ver = if is_x(m3) || m3.is_empty() {
        dirty = true;
        format!("0.0.0{m6}")
    } else if is_x(m4.trim_start_matches('.')) || m4.is_empty() {
        minor_dirty = true;
        dirty = true;
        format!("{m3}.0.0{m6}")
    } else if is_x(m5.trim_start_matches('.')) || m5.is_empty() {
        dirty = true;
        patch_dirty = true;
        format!("{m3}{m4}.0{m6}")
    } else {
        c[skip_spaces(c.as_bytes(), op.1)..cv.end].to_string()
    };
    let con = Version::parse(&ver).map_err(|_| "constraint Parser Error".to_string())?;
    Ok(Constraint {
        con,
        op: g(op).to_string(),
        minor_dirty,
        patch_dirty,
        dirty,
    })
}

/// Parsed `||`-separated groups of AND-ed constraints.
pub struct Constraints(Vec<Vec<Constraint>>);

fn rewrite_range(i: &str) -> String {
    let mut o = i.to_string();
    for (whole, a, b) in find_ranges(i) {
        o = o.replacen(whole, &format!(">= {a}, <= {b} "), 1);
    }
    o
}

impl Constraints {
    /// `semver.NewConstraint`.
    pub fn parse(c: &str) -> Result<Constraints, String> {
        let c = rewrite_range(c);
        let mut or = Vec::new();
        for v in c.split("||") {
            if !valid_constraints(v.as_bytes()) {
                return Err(format!("improper constraint: {v}"));
            }
            let mut cs: Vec<String> = find_constraints(v).into_iter().map(String::from).collect();
            if cs.is_empty() {
                cs.push(v.to_string());
            }
            let mut group = Vec::new();
            for s in cs {
                group.push(parse_constraint(&s)?);
            }
            or.push(group);
        }
        Ok(Constraints(or))
    }

    pub fn check(&self, v: &Version) -> bool {
        self.0.iter().any(|group| group.iter().all(|c| check(c, v)))
    }
}

fn check(c: &Constraint, v: &Version) -> bool {
    let pre_block = !v.pre.is_empty() && c.con.pre.is_empty();
    match c.op.as_str() {
        "" | "=" => {
            if pre_block {
                return false;
            }
            if c.dirty {
                return tilde(c, v);
            }
            v.compare(&c.con) == Ordering::Equal
        }
        "!=" => not_equal(c, v),
        ">" => {
            if pre_block {
                return false;
            }
            if !c.dirty {
                return v.compare(&c.con) == Ordering::Greater;
            }
            if v.major > c.con.major {
                true
            } else if v.major < c.con.major || c.minor_dirty {
                false
            } else if c.patch_dirty {
                v.minor > c.con.minor
            } else {
                v.compare(&c.con) == Ordering::Greater
            }
        }
        "<" => !pre_block && v.compare(&c.con) == Ordering::Less,
        ">=" | "=>" => !pre_block && v.compare(&c.con) != Ordering::Less,
        "<=" | "=<" => {
            if pre_block {
                return false;
            }
            if !c.dirty {
                return v.compare(&c.con) != Ordering::Greater;
            }
            !(v.major > c.con.major
                || v.major == c.con.major && v.minor > c.con.minor && !c.minor_dirty)
        }
        "~" | "~>" => tilde(c, v),
        "^" => caret(c, v),
        _ => false,
    }
}

fn tilde(c: &Constraint, v: &Version) -> bool {
    if !v.pre.is_empty() && c.con.pre.is_empty() {
        return false;
    }
    if v.compare(&c.con) == Ordering::Less {
        return false;
    }
    if c.con.major == 0 && c.con.minor == 0 && c.con.patch == 0 && !c.minor_dirty && !c.patch_dirty
    {
        return true;
    }
    if v.major != c.con.major {
        return false;
    }
    if v.minor != c.con.minor && !c.minor_dirty {
        return false;
    }
    true
}

fn caret(c: &Constraint, v: &Version) -> bool {
    if !v.pre.is_empty() && c.con.pre.is_empty() {
        return false;
    }
    if v.compare(&c.con) == Ordering::Less {
        return false;
    }
    if c.con.major > 0 || c.minor_dirty {
        return v.major == c.con.major;
    }
    if c.con.major == 0 && v.major > 0 {
        return false;
    }
    if c.con.minor > 0 || c.patch_dirty {
        return v.minor == c.con.minor;
    }
    if c.con.minor == 0 && v.minor > 0 {
        return false;
    }
    c.con.patch == v.patch
}

fn not_equal(c: &Constraint, v: &Version) -> bool {
    if c.dirty {
        if !v.pre.is_empty() && c.con.pre.is_empty() {
            return false;
        }
        if c.con.major != v.major {
            return true;
        }
        if c.con.minor != v.minor && !c.minor_dirty {
            return true;
        } else if c.minor_dirty {
            return false;
        } else if c.con.patch != v.patch && !c.patch_dirty {
            return true;
        } else if c.patch_dirty {
            if !v.pre.is_empty() || !c.con.pre.is_empty() {
                return compare_prerelease(&v.pre, &c.con.pre) != Ordering::Equal;
            }
            return false;
        }
    }
    v.compare(&c.con) != Ordering::Equal
}

/// The template object of a `*semver.Version` (or a `semver.Version` value from `Inc*`).
#[derive(Debug, Clone)]
pub struct VersionObj {
    pub v: Version,
    pub pointer: bool,
}

impl VersionObj {
    pub fn value(v: Version, pointer: bool) -> Value {
        Value::Object(Rc::new(VersionObj { v, pointer }))
    }
}

fn other_version(args: &[Value], name: &str) -> Result<Version, FuncError> {
    if args.len() != 1 {
        return Err(FuncError::bare(format!(
            "wrong number of args for {name}: want 1 got {}",
            args.len()
        )));
    }
    match &args[0] {
        Value::Object(o) => match o.as_any().downcast_ref::<VersionObj>() {
            Some(vo) if vo.pointer => Ok(vo.v.clone()),
            _ => Err(super::args::wrong_type("*semver.Version", &args[0])),
        },
        other => Err(super::args::wrong_type("*semver.Version", other)),
    }
}

impl Object for VersionObj {
    fn type_name(&self) -> String {
        if self.pointer {
            "*semver.Version".into()
        } else {
            "semver.Version".into()
        }
    }

    fn get(&self, name: &str, args: &[Value]) -> Option<Result<Value, FuncError>> {
        let v = &self.v;
        let none = |args: &[Value]| -> Result<(), FuncError> {
            if args.is_empty() {
                Ok(())
            } else {
                Err(FuncError::bare(format!(
                    "wrong number of args for {name}: want 0 got {}",
                    args.len()
                )))
            }
        };
        let r =
            match name {
                "Major" => none(args).map(|_| Value::Int64(v.major as i64)),
                "Minor" => none(args).map(|_| Value::Int64(v.minor as i64)),
                "Patch" => none(args).map(|_| Value::Int64(v.patch as i64)),
                "Prerelease" => none(args).map(|_| Value::str(&v.pre)),
                "Metadata" => none(args).map(|_| Value::str(&v.metadata)),
                "Original" => none(args).map(|_| Value::str(&v.original)),
                "String" => none(args).map(|_| Value::str(v.to_string())),
                "IncPatch" => none(args).map(|_| {
                    let mut n = v.clone();
                    if n.pre.is_empty() {
                        n.patch += 1;
                    }
                    n.pre.clear();
                    n.metadata.clear();
                    VersionObj::value(n.with_original(v.v_prefix()), false)
                }),
                "IncMinor" => none(args).map(|_| {
                    let mut n = v.clone();
                    n.pre.clear();
                    n.metadata.clear();
                    n.patch = 0;
                    n.minor += 1;
                    VersionObj::value(n.with_original(v.v_prefix()), false)
                }),
                "IncMajor" => none(args).map(|_| {
                    let mut n = v.clone();
                    n.pre.clear();
                    n.metadata.clear();
                    n.patch = 0;
                    n.minor = 0;
                    n.major += 1;
                    VersionObj::value(n.with_original(v.v_prefix()), false)
                }),
                "Compare" => other_version(args, name).map(|o| Value::Int(v.compare(&o) as i64)),
                "LessThan" => {
                    other_version(args, name).map(|o| Value::Bool(v.compare(&o) == Ordering::Less))
                }
                "LessThanEqual" => other_version(args, name)
                    .map(|o| Value::Bool(v.compare(&o) != Ordering::Greater)),
                "GreaterThan" => other_version(args, name)
                    .map(|o| Value::Bool(v.compare(&o) == Ordering::Greater)),
                "GreaterThanEqual" => {
                    other_version(args, name).map(|o| Value::Bool(v.compare(&o) != Ordering::Less))
                }
                "Equal" => {
                    other_version(args, name).map(|o| Value::Bool(v.compare(&o) == Ordering::Equal))
                }
                _ => return None,
            };
        Some(r)
    }

    fn format(&self) -> String {
        self.v.to_string()
    }

    fn to_plain(&self) -> Value {
        Value::str(self.v.to_string())
    }

    fn kind(&self) -> &'static str {
        if self.pointer { "ptr" } else { "struct" }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn semver(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("semver", a, 1)?;
    let v = Version::parse(s(a, 0)?).map_err(FuncError::new)?;
    Ok(VersionObj::value(v, true))
}

fn semver_compare(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("semverCompare", a, 2)?;
    let c = Constraints::parse(s(a, 0)?).map_err(FuncError::new)?;
    let v = Version::parse(s(a, 1)?).map_err(FuncError::new)?;
    Ok(Value::Bool(c.check(&v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Masterminds' regular expressions (with Go's `\s`), the oracle of the hand matchers.
    struct Oracle {
        version: regex::Regex,
        constraint: regex::Regex,
        range: regex::Regex,
        find: regex::Regex,
        valid: regex::Regex,
    }

    fn oracle() -> Oracle {
        const CV: &str = r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
        const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";
        let mk = |p: &str| {
            regex::RegexBuilder::new(&p.replace(r"\s", r"[\t\n\x0C\r ]"))
                .unicode(false)
                .build()
                .unwrap()
        };
        Oracle {
            version: mk(
                r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$",
            ),
            constraint: mk(&format!(r"^\s*({OPS})\s*({CV})\s*$")),
            range: mk(&format!(r"\s*({CV})\s+-\s+({CV})\s*")),
            find: mk(&format!(r"({OPS})\s*({CV})")),
            valid: mk(&format!(
                r"^(\s*({OPS})\s*({CV})\s*)((?:\s+|,\s*)({OPS})\s*({CV})\s*)*$"
            )),
        }
    }

    /// Strings over the bytes that matter to the patterns (and a few that do not).
    fn samples() -> Vec<String> {
        const ALPHABET: &[u8] = b"0123456789..--++vvxX*|=!<>~^,,   \tabZ\x0B";
        let mut out: Vec<String> = [
            "",
            "1",
            "v1.2.3",
            "1.2.3-beta.1+build.5",
            ">=1.19-0",
            "~1.2",
            "^0.1.x",
            "1.2 - 2.3",
            ">= 1.0, < 2.0 || 3.x",
            "=>1",
            "==1",
            "1.0.0.0",
            "v",
            "1.x - 2.*",
            "1||2",
            "!=1.2.3",
            "  1 - 2  ",
            ">1.0.0-0 <2",
            "1.2.3-",
            "1.2.3+",
            "1..2",
            "x",
            "*",
            "1.2.3-a..b",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..60_000 {
            let len = (next() % 14) as usize;
            out.push(
                (0..len)
                    .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize] as char)
                    .collect(),
            );
        }
        out
    }

    fn group(c: &regex::Captures, i: usize) -> String {
        c.get(i).map(|m| m.as_str().to_string()).unwrap_or_default()
    }

    #[test]
    fn hand_matchers_equal_masterminds_regular_expressions() {
        let o = oracle();
        for s in samples() {
            let b = s.as_bytes();
            // Versions: groups 1 major, 2 .minor, 3 .patch, 5 pre, 8 metadata.
            let want = o
                .version
                .captures(&s)
                .map(|c| [1, 2, 3, 5, 8].map(|i| group(&c, i)));
            let got = version_at(b, 0, |c| c.is_ascii_digit())
                .filter(|m| m.end == s.len())
                .map(|m| {
                    let g = |(a, e): (usize, usize)| s[a..e].to_string();
                    let inner = |(a, e): (usize, usize)| {
                        if a == e {
                            String::new()
                        } else {
                            s[a + 1..e].to_string()
                        }
                    };
                    [
                        g(m.major),
                        g(m.minor),
                        g(m.patch),
                        inner(m.pre),
                        inner(m.meta),
                    ]
                });
            assert_eq!(got, want, "version {s:?}");
            // One constraint: groups 1 op, 2 version, 3 major, 4 .minor, 5 .patch, 6 -pre.
            let want = o
                .constraint
                .captures(&s)
                .map(|c| [1, 2, 3, 4, 5, 6].map(|i| group(&c, i)));
            let got = match_constraint(b).map(|(op, cv)| {
                let g = |(a, e): (usize, usize)| s[a..e].to_string();
                [
                    g(op),
                    s[skip_spaces(b, op.1)..cv.end].to_string(),
                    g(cv.major),
                    g(cv.minor),
                    g(cv.patch),
                    g(cv.pre),
                ]
            });
            assert_eq!(got, want, "constraint {s:?}");
            assert_eq!(valid_constraints(b), o.valid.is_match(&s), "valid {s:?}");
            let want: Vec<&str> = o.find.find_iter(&s).map(|m| m.as_str()).collect();
            assert_eq!(find_constraints(&s), want, "find {s:?}");
            let want: Vec<(String, String, String)> = o
                .range
                .captures_iter(&s)
                .map(|c| (group(&c, 0), group(&c, 1), group(&c, 11)))
                .collect();
            let got: Vec<(String, String, String)> = find_ranges(&s)
                .into_iter()
                .map(|(w, a, c)| (w.to_string(), a.to_string(), c.to_string()))
                .collect();
            assert_eq!(got, want, "range {s:?}");
        }
    }
}
