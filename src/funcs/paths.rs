//! Go's `path` functions (`base`, `dir`, `clean`, `ext`, `isAbs`) and their `filepath`
//! twins, which are the same on Linux.

use super::args::{R, nargs, s};
use crate::gotmpl::{FuncMap, Host, Value};

pub(super) fn register(m: &mut FuncMap) {
    m.insert("base", base);
    m.insert("dir", dir);
    m.insert("clean", clean);
    m.insert("ext", ext);
    m.insert("isAbs", is_abs);
    m.insert("osBase", os_base);
    m.insert("osDir", os_dir);
    m.insert("osClean", os_clean);
    m.insert("osExt", os_ext);
    m.insert("osIsAbs", os_is_abs);
}

/// Go's `path.Clean`.
pub fn go_clean(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            other => parts.push(other),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// Go's `path.Base`.
pub fn go_base(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let t = p.trim_end_matches('/');
    if t.is_empty() {
        return "/".into();
    }
    match t.rfind('/') {
        Some(i) => t[i + 1..].to_string(),
        None => t.to_string(),
    }
}

/// Go's `path.Dir`.
pub fn go_dir(p: &str) -> String {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    go_clean(&p[..i])
}

/// Go's `path.Ext`.
pub fn go_ext(p: &str) -> String {
    for (i, c) in p.char_indices().rev() {
        if c == '/' {
            break;
        }
        if c == '.' {
            return p[i..].to_string();
        }
    }
    String::new()
}

macro_rules! path_fn {
    ($f:ident, $name:expr, $imp:expr) => {
        fn $f(_: &mut dyn Host, a: &[Value]) -> R {
            nargs($name, a, 1)?;
            let p = s(a, 0)?;
            Ok($imp(p))
        }
    };
}

path_fn!(base, "base", |p| Value::str(go_base(p)));
path_fn!(dir, "dir", |p| Value::str(go_dir(p)));
path_fn!(clean, "clean", |p| Value::str(go_clean(p)));
path_fn!(ext, "ext", |p| Value::str(go_ext(p)));
path_fn!(is_abs, "isAbs", |p: &str| Value::Bool(p.starts_with('/')));
path_fn!(os_base, "osBase", |p| Value::str(go_base(p)));
path_fn!(os_dir, "osDir", |p| Value::str(go_dir(p)));
path_fn!(os_clean, "osClean", |p| Value::str(go_clean(p)));
path_fn!(os_ext, "osExt", |p| Value::str(go_ext(p)));
path_fn!(os_is_abs, "osIsAbs", |p: &str| Value::Bool(
    p.starts_with('/')
));
