//! Sprig's defaults and flow helpers (`defaults.go`): `default`, `empty`, `coalesce`,
//! `all`, `any`, `ternary`.

use super::args::{R, boolean, nargs, nargs_min};
use crate::gotmpl::{FuncMap, Host, Value};

pub(super) fn register(m: &mut FuncMap) {
    m.insert("default", default);
    m.insert("empty", empty_fn);
    m.insert("coalesce", coalesce);
    m.insert("all", all);
    m.insert("any", any);
    m.insert("ternary", ternary);
}

/// Sprig's `empty`: nil, false, 0, and empty strings, lists and maps; structs never.
pub fn empty(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.kind() != "struct" && !o.truth(),
        other => !other.truth(),
    }
}

fn default(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("default", a, 1)?;
    match a.get(1) {
        Some(g) if !empty(g) => Ok(g.clone()),
        _ => Ok(a[0].clone()),
    }
}

fn empty_fn(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("empty", a, 1)?;
    Ok(Value::Bool(empty(&a[0])))
}

fn coalesce(_: &mut dyn Host, a: &[Value]) -> R {
    Ok(a.iter().find(|v| !empty(v)).cloned().unwrap_or(Value::Nil))
}

fn all(_: &mut dyn Host, a: &[Value]) -> R {
    Ok(Value::Bool(a.iter().all(|v| !empty(v))))
}

fn any(_: &mut dyn Host, a: &[Value]) -> R {
    Ok(Value::Bool(a.iter().any(|v| !empty(v))))
}

fn ternary(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("ternary", a, 3)?;
    let c = boolean(a, 2)?;
    Ok(if c { a[0].clone() } else { a[1].clone() })
}
