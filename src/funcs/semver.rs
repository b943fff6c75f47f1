//! Masterminds/semver v3.3.0: lenient versions and constraint checks (`semver`,
//! `semverCompare`). Not Cargo's semver: a bare `1.2.3` is `=1.2.3`, prereleases only
//! satisfy constraints that carry a prerelease themselves.

use super::args::{R, nargs, s};
use crate::gotmpl::{FuncError, FuncMap, Host, Object, Value};
use std::cmp::Ordering;
use std::rc::Rc;
use std::sync::OnceLock;

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

const CV: &str = r"v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?";
const OPS: &str = r"=||!=|>|<|>=|=>|<=|=<|~|~>|\^";

struct Res {
    version: regex::Regex,
    constraint: regex::Regex,
    range: regex::Regex,
    find: regex::Regex,
    valid: regex::Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let mk = |p: &str| regex::Regex::new(p).expect("static semver regex");
        Res {
            version: mk(r"^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$"),
            constraint: mk(&format!(r"^\s*({OPS})\s*({CV})\s*$")),
            range: mk(&format!(r"\s*({CV})\s+-\s+({CV})\s*")),
            find: mk(&format!(r"({OPS})\s*({CV})")),
            valid: mk(&format!(r"^(\s*({OPS})\s*({CV})\s*)((?:\s+|,\s*)({OPS})\s*({CV})\s*)*$")),
        }
    })
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
        let caps = res()
            .version
            .captures(v)
            .ok_or_else(|| ERR_INVALID.to_string())?;
        let g = |i: usize| caps.get(i).map(|m| m.as_str()).unwrap_or("");
        let major = parse_seg(g(1))?;
        let minor = if g(2).is_empty() {
            0
        } else {
            parse_seg(&g(2)[1..])?
        };
        let patch = if g(3).is_empty() {
            0
        } else {
            parse_seg(&g(3)[1..])?
        };
        let pre = g(5).to_string();
        let metadata = g(8).to_string();
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
    let caps = res()
        .constraint
        .captures(c)
        .ok_or_else(|| format!("improper constraint: {c}"))?;
    let g = |i: usize| caps.get(i).map(|m| m.as_str()).unwrap_or("");
    // Groups: 1 op, 2 whole version, 3 major, 4 .minor, 5 .patch, 6 -pre (with dash)...
    let (m3, m4, m5, m6) = (g(3), g(4), g(5), g(6));
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
        g(2).to_string()
    };
    let con = Version::parse(&ver).map_err(|_| "constraint Parser Error".to_string())?;
    Ok(Constraint {
        con,
        op: g(1).to_string(),
        minor_dirty,
        patch_dirty,
        dirty,
    })
}

/// Parsed `||`-separated groups of AND-ed constraints.
pub struct Constraints(Vec<Vec<Constraint>>);

fn rewrite_range(i: &str) -> String {
    let mut o = i.to_string();
    let r = &res().range;
    let found: Vec<(String, String, String)> = r
        .captures_iter(i)
        .map(|c| {
            (
                c.get(0).map(|m| m.as_str().to_string()).unwrap_or_default(),
                c.get(1).map(|m| m.as_str().to_string()).unwrap_or_default(),
                c.get(11)
                    .map(|m| m.as_str().to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    for (whole, a, b) in found {
        o = o.replacen(&whole, &format!(">= {a}, <= {b} "), 1);
    }
    o
}

impl Constraints {
    /// `semver.NewConstraint`.
    pub fn parse(c: &str) -> Result<Constraints, String> {
        let c = rewrite_range(c);
        let mut or = Vec::new();
        for v in c.split("||") {
            if !res().valid.is_match(v) {
                return Err(format!("improper constraint: {v}"));
            }
            let mut cs: Vec<String> = res()
                .find
                .find_iter(v)
                .map(|m| m.as_str().to_string())
                .collect();
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
