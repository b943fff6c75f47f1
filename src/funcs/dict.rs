//! Sprig's dict functions (`dict.go`), with mergo v1.0.1's map-merge rules.

use super::args::{R, list, map, nargs, nargs_min, s, str_list, strval};
use crate::gotmpl::{FuncError, FuncMap, Host, Map, Value};
use std::collections::BTreeMap;
use std::rc::Rc;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("dict", dict);
    m.insert("get", get);
    m.insert("set", set);
    m.insert("unset", unset);
    m.insert("hasKey", has_key);
    m.insert("pluck", pluck);
    m.insert("keys", keys);
    m.insert("pick", pick);
    m.insert("omit", omit);
    m.insert("merge", merge);
    m.insert("mustMerge", must_merge);
    m.insert("mergeOverwrite", merge_overwrite);
    m.insert("mustMergeOverwrite", must_merge_overwrite);
    m.insert("values", values);
    m.insert("dig", dig);
    m.insert("deepCopy", deep_copy);
    m.insert("mustDeepCopy", must_deep_copy);
}

fn dict(_: &mut dyn Host, a: &[Value]) -> R {
    let mut m = BTreeMap::new();
    let mut i = 0;
    while i < a.len() {
        let key = strval(&a[i]);
        let v = a.get(i + 1).cloned().unwrap_or_else(|| Value::str(""));
        m.insert(key, v);
        i += 2;
    }
    Ok(Value::from(m))
}

fn get(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("get", a, 2)?;
    let d = map(a, 0)?;
    let k = s(a, 1)?;
    let v = d.borrow().get(k).cloned();
    Ok(v.unwrap_or_else(|| Value::str("")))
}

fn set(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("set", a, 3)?;
    if a[0].is_nil() {
        s(a, 1)?;
        return Err(FuncError::new("assignment to entry in nil map"));
    }
    let d = map(a, 0)?;
    let k = s(a, 1)?.to_string();
    d.borrow_mut().insert(k, a[2].clone());
    Ok(Value::Map(d))
}

fn unset(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("unset", a, 2)?;
    let d = map(a, 0)?;
    let k = s(a, 1)?;
    d.borrow_mut().remove(k);
    Ok(Value::Map(d))
}

fn has_key(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("hasKey", a, 2)?;
    let d = map(a, 0)?;
    let k = s(a, 1)?;
    let has = d.borrow().contains_key(k);
    Ok(Value::Bool(has))
}

fn pluck(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("pluck", a, 1)?;
    let k = s(a, 0)?;
    let mut out = Vec::new();
    for i in 1..a.len() {
        let d = map(a, i)?;
        if let Some(v) = d.borrow().get(k) {
            out.push(v.clone());
        }
    }
    Ok(list(out))
}

/// Go returns map keys in random order; charts sort them. We give each map's keys sorted.
fn keys(_: &mut dyn Host, a: &[Value]) -> R {
    let mut out = Vec::new();
    for i in 0..a.len() {
        let d = map(a, i)?;
        out.extend(d.borrow().keys().cloned());
    }
    Ok(str_list(out))
}

fn str_args(a: &[Value], from: usize) -> Result<Vec<String>, FuncError> {
    (from..a.len()).map(|i| s(a, i).map(String::from)).collect()
}

fn pick(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("pick", a, 1)?;
    let d = map(a, 0)?;
    let ks = str_args(a, 1)?;
    let d = d.borrow();
    let out: BTreeMap<String, Value> = ks
        .into_iter()
        .filter_map(|k| d.get(&k).map(|v| (k, v.clone())))
        .collect();
    Ok(Value::from(out))
}

fn omit(_: &mut dyn Host, a: &[Value]) -> R {
    nargs_min("omit", a, 1)?;
    let d = map(a, 0)?;
    let ks = str_args(a, 1)?;
    let out: BTreeMap<String, Value> = d
        .borrow()
        .iter()
        .filter(|(k, _)| !ks.contains(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    Ok(Value::from(out))
}

fn values(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("values", a, 1)?;
    let d = map(a, 0)?;
    let out: Vec<Value> = d.borrow().values().cloned().collect();
    Ok(list(out))
}

/// mergo's `isEmptyValue` with dereferencing: the zero value of the dynamic type.
fn mergo_empty(v: &Value) -> bool {
    match v {
        Value::Object(_) => false,
        other => !other.truth(),
    }
}

fn is_slice(v: &Value) -> bool {
    matches!(v, Value::List(_) | Value::StrList(_) | Value::Bytes(_))
}

/// mergo v1.0.1 `deepMerge` for `map[string]interface{}` (`Merge` / `MergeWithOverwrite`).
pub fn mergo_merge(dst: &Map, src: &Map, overwrite: bool) {
    if Rc::ptr_eq(dst, src) {
        return;
    }
    let entries: Vec<(String, Value)> = src
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, sv) in entries {
        let dv = dst.borrow().get(&k).cloned();
        if sv.is_nil() {
            if overwrite {
                dst.borrow_mut().insert(k, Value::Nil);
            }
            continue;
        }
        match &sv {
            Value::Map(sm) => {
                if let Some(Value::Map(dm)) = &dv {
                    mergo_merge(dm, sm, overwrite);
                }
            }
            v if is_slice(v) => {
                let dst_empty = dst.borrow().is_empty();
                let mut new = match &dv {
                    None | Some(Value::Nil) => match v {
                        Value::StrList(_) => Value::StrList(Rc::new(Vec::new())),
                        _ => list(Vec::new()),
                    },
                    Some(d) => d.clone(),
                };
                if overwrite || dst_empty {
                    new = sv.clone();
                }
                dst.borrow_mut().insert(k.clone(), new);
            }
            _ => {}
        }
        if let Some(d) = &dv
            && !mergo_empty(d)
            && (is_slice(&sv) || matches!(sv, Value::Map(_)) && matches!(d, Value::Map(_)))
        {
            continue;
        }
        let set = overwrite || dv.as_ref().is_none_or(mergo_empty);
        if set {
            dst.borrow_mut().insert(k, sv);
        }
    }
}

fn merge_imp(name: &str, a: &[Value], overwrite: bool) -> R {
    nargs_min(name, a, 1)?;
    let dst = map(a, 0)?;
    let srcs: Vec<Map> = (1..a.len()).map(|i| map(a, i)).collect::<Result<_, _>>()?;
    for src in srcs {
        mergo_merge(&dst, &src, overwrite);
    }
    Ok(Value::Map(dst))
}

fn merge(_: &mut dyn Host, a: &[Value]) -> R {
    merge_imp("merge", a, false)
}

fn must_merge(_: &mut dyn Host, a: &[Value]) -> R {
    merge_imp("mustMerge", a, false)
}

fn merge_overwrite(_: &mut dyn Host, a: &[Value]) -> R {
    merge_imp("mergeOverwrite", a, true)
}

fn must_merge_overwrite(_: &mut dyn Host, a: &[Value]) -> R {
    merge_imp("mustMergeOverwrite", a, true)
}

fn deep_copy(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("deepCopy", a, 1)?;
    if a[0].is_nil() {
        return Err(FuncError::new(
            "reflect: call of reflect.Value.Type on zero Value",
        ));
    }
    Ok(a[0].deep_copy())
}

fn must_deep_copy(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustDeepCopy", a, 1)?;
    if a[0].is_nil() {
        return Err(FuncError::new(
            "reflect: call of reflect.Value.Type on zero Value",
        ));
    }
    Ok(a[0].deep_copy())
}

fn iface_name(v: &Value) -> String {
    match v {
        Value::Nil => "nil".into(),
        other => other.type_name(),
    }
}

fn as_dict(v: &Value) -> Result<Map, FuncError> {
    match v {
        Value::Map(m) => Ok(m.clone()),
        other => Err(FuncError::new(format!(
            "interface conversion: interface {{}} is {}, not map[string]interface {{}}",
            iface_name(other)
        ))),
    }
}

fn dig(_: &mut dyn Host, a: &[Value]) -> R {
    if a.len() < 3 {
        return Err(FuncError::new("dig needs at least three arguments"));
    }
    let mut d = as_dict(&a[a.len() - 1])?;
    let def = a[a.len() - 2].clone();
    let mut ks = Vec::new();
    for v in &a[..a.len() - 2] {
        match v {
            Value::Str(s) => ks.push(s.to_string()),
            other => {
                return Err(FuncError::new(format!(
                    "interface conversion: interface {{}} is {}, not string",
                    iface_name(other)
                )));
            }
        }
    }
    let mut i = 0;
    loop {
        let step = d.borrow().get(&ks[i]).cloned();
        let Some(step) = step else { return Ok(def) };
        if i + 1 == ks.len() {
            return Ok(step);
        }
        d = as_dict(&step)?;
        i += 1;
    }
}
