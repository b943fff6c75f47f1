//! Helm's `chartutil` values coalescing (`coalesce.go`) and dependency processing
//! (`dependencies.go`): enable/disable by tags and conditions, aliases, import-values.
//! Go's maps are reference types; `Value::Map` is shared the same way, so Helm's
//! aliasing (shallow copies of globals) is reproduced.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::semver::is_compatible_range;
use crate::chart::Chart;
use crate::gotmpl::{Map, Value};

/// Log lines Helm prints with `log.Printf` (flags `Lshortfile`): `coalesce.go:301: warning: …`.
#[derive(Debug, Default, Clone)]
pub struct Log {
    pub lines: Vec<String>,
}

impl Log {
    fn coalesce(&mut self, line: u32, msg: String) {
        self.lines.push(format!("coalesce.go:{line}: {msg}"));
    }
    fn deps(&mut self, line: u32, msg: String) {
        self.lines.push(format!("dependencies.go:{line}: {msg}"));
    }
}

pub fn new_map() -> Map {
    crate::gotmpl::value::new_map_rc(BTreeMap::new())
}

fn concat_prefix(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a}.{b}")
    }
}

fn deep_copy_map(m: &Map) -> Map {
    match Value::Map(m.clone()).deep_copy() {
        Value::Map(c) => c,
        _ => new_map(),
    }
}

fn entries(m: &Map) -> Vec<(String, Value)> {
    m.borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

fn get(m: &Map, k: &str) -> Option<Value> {
    m.borrow().get(k).cloned()
}

/// Go's `%v` of a value in a log message.
fn gov(v: &Value) -> String {
    v.to_go_string()
}

/// `CoalesceValues(chart, vals)` (merge = false) / `MergeValues` (merge = true).
pub fn coalesce_values_top(
    chart: &Chart,
    vals: &Map,
    merge: bool,
    log: &mut Log,
) -> Result<Map, String> {
    let copy = deep_copy_map(vals);
    coalesce(chart, &copy, "", merge, log)?;
    Ok(copy)
}

fn coalesce(
    ch: &Chart,
    dest: &Map,
    prefix: &str,
    merge: bool,
    log: &mut Log,
) -> Result<(), String> {
    coalesce_values(ch, dest, prefix, merge, log);
    coalesce_deps(ch, dest, prefix, merge, log)
}

fn coalesce_deps(
    ch: &Chart,
    dest: &Map,
    prefix: &str,
    merge: bool,
    log: &mut Log,
) -> Result<(), String> {
    for sub in &ch.dependencies {
        let name = sub.name().to_string();
        let dv = match get(dest, &name) {
            None => {
                let m = new_map();
                dest.borrow_mut()
                    .insert(name.clone(), Value::Map(m.clone()));
                m
            }
            Some(Value::Map(m)) => m,
            Some(other) => {
                return Err(format!(
                    "type mismatch on {name}: %!t({}={})",
                    other.type_name(),
                    gov(&other)
                ));
            }
        };
        let sub_prefix = concat_prefix(prefix, ch.name());
        coalesce_globals(&dv, dest, &sub_prefix, log);
        coalesce(sub, &dv, &sub_prefix, merge, log)?;
    }
    Ok(())
}

fn coalesce_globals(dest: &Map, src: &Map, prefix: &str, log: &mut Log) {
    let dg = match get(dest, "global") {
        None => new_map(),
        Some(Value::Map(m)) => m,
        Some(_) => {
            log.coalesce(
                138,
                "warning: skipping globals because destination global is not a table.".into(),
            );
            return;
        }
    };
    let sg = match get(src, "global") {
        None => new_map(),
        Some(Value::Map(m)) => m,
        Some(_) => {
            log.coalesce(
                145,
                "warning: skipping globals because source global is not a table.".into(),
            );
            return;
        }
    };
    if !Rc::ptr_eq(&dg, &sg) {
        for (key, val) in entries(&sg) {
            if let Value::Map(vm) = &val {
                // copyMap: a shallow copy (nested maps stay shared, as in Go).
                let vv: Map = crate::gotmpl::value::new_map_rc(vm.borrow().clone());
                match get(&dg, &key) {
                    None => {
                        dg.borrow_mut().insert(key, Value::Map(vv));
                    }
                    Some(Value::Map(destvmap)) => {
                        let sub_prefix = concat_prefix(prefix, &key);
                        coalesce_tables_full_key(&vv, &destvmap, &sub_prefix, true, log);
                        dg.borrow_mut().insert(key, Value::Map(vv));
                    }
                    Some(_) => {
                        log.coalesce(
                            161,
                            format!(
                                "Conflict: cannot merge map onto non-map for {key:?}. Skipping."
                            ),
                        );
                    }
                }
            } else if matches!(get(&dg, &key), Some(Value::Map(_))) {
                log.coalesce(175, format!("key {key} is table. Skipping"));
            } else {
                dg.borrow_mut().insert(key, val);
            }
        }
    }
    dest.borrow_mut().insert("global".into(), Value::Map(dg));
}

fn coalesce_values(c: &Chart, v: &Map, prefix: &str, merge: bool, log: &mut Log) {
    let sub_prefix = concat_prefix(prefix, c.name());
    let vc = match c.values.deep_copy() {
        Value::Map(m) => m,
        _ => new_map(),
    };
    for (key, val) in entries(&vc) {
        match get(v, &key) {
            Some(value) => {
                if value.is_nil() && !merge {
                    v.borrow_mut().remove(&key);
                } else if let Value::Map(dest) = &value {
                    match &val {
                        Value::Map(src) => {
                            let merge = merge || c.dependencies.iter().any(|s| s.name() == key);
                            coalesce_tables_full_key(
                                dest,
                                src,
                                &concat_prefix(&sub_prefix, &key),
                                merge,
                                log,
                            );
                        }
                        Value::Nil => {}
                        _ => log.coalesce(
                            237,
                            format!("warning: skipped value for {sub_prefix}.{key}: Not a table."),
                        ),
                    }
                }
            }
            None => {
                v.borrow_mut().insert(key, val);
            }
        }
    }
}

/// `coalesceTablesFullKey`: fill `dst` from `src`; `dst` wins.
pub fn coalesce_tables_full_key(dst: &Map, src: &Map, prefix: &str, merge: bool, log: &mut Log) {
    if Rc::ptr_eq(dst, src) {
        return;
    }
    for (key, val) in entries(src) {
        let fullkey = concat_prefix(prefix, &key);
        let dv = get(dst, &key);
        match dv {
            Some(Value::Nil) if !merge => {
                dst.borrow_mut().remove(&key);
            }
            None => {
                dst.borrow_mut().insert(key, val);
            }
            Some(dv) => {
                if let Value::Map(sv) = &val {
                    if let Value::Map(dm) = &dv {
                        coalesce_tables_full_key(dm, sv, &fullkey, merge, log);
                    } else {
                        log.coalesce(
                            298,
                            format!(
                                "warning: cannot overwrite table with non table for {fullkey} ({})",
                                gov(&val)
                            ),
                        );
                    }
                } else if matches!(dv, Value::Map(_)) && !val.is_nil() {
                    log.coalesce(
                        301,
                        format!("warning: destination for {fullkey} is a table. Ignoring non-table value ({})", gov(&val)),
                    );
                }
            }
        }
    }
}

/// `Values.Table(path)`: walk maps along a dotted path.
pub fn table(v: &Map, path: &str) -> Result<Map, String> {
    let mut t = v.clone();
    for n in path.split('.') {
        let next = get(&t, n);
        match next {
            Some(Value::Map(m)) => t = m,
            _ => return Err(format!("{n:?} is not a table")),
        }
    }
    Ok(t)
}

/// `Values.PathValue(path)`: `Ok(value)` for a non-table leaf, `Err(key)` (ErrNoValue) otherwise.
fn path_value(v: &Map, path: &str) -> Result<Value, String> {
    let parts: Vec<&str> = path.split('.').collect();
    let (key, rest) = match parts.split_last() {
        Some(x) => x,
        None => return Err(String::new()),
    };
    let t = if rest.is_empty() {
        v.clone()
    } else {
        match table(v, &rest.join(".")) {
            Ok(t) => t,
            Err(_) => return Err(key.to_string()),
        }
    };
    match get(&t, key) {
        Some(Value::Map(_)) | None => Err(key.to_string()),
        Some(x) => Ok(x),
    }
}

/// `ProcessDependenciesWithMerge`: enable/disable subcharts, then import values.
pub fn process_dependencies(c: &mut Chart, vals: &Map, log: &mut Log) -> Result<(), String> {
    process_dependency_enabled(c, vals, "", log)?;
    process_dependency_import_values(c, log)
}

fn process_dependency_enabled(
    c: &mut Chart,
    v: &Map,
    path: &str,
    log: &mut Log,
) -> Result<(), String> {
    if c.metadata.dependencies.is_empty() {
        return Ok(());
    }
    let existing = std::mem::take(&mut c.dependencies);
    let mut chart_deps: Vec<Chart> = Vec::new();
    for e in &existing {
        let matched =
            c.metadata.dependencies.iter().any(|r| {
                e.name() == r.name && is_compatible_range(&r.version, &e.metadata.version)
            });
        if !matched {
            chart_deps.push(e.clone());
        }
    }
    for req in c.metadata.dependencies.iter_mut() {
        if let Some(found) = existing.iter().find(|e| {
            e.name() == req.name && is_compatible_range(&req.version, &e.metadata.version)
        }) {
            let mut out = found.clone();
            if !req.alias.is_empty() {
                out.metadata.name = req.alias.clone();
            }
            chart_deps.push(out);
        }
        if !req.alias.is_empty() {
            req.name = req.alias.clone();
        }
    }
    c.dependencies = chart_deps;
    for r in c.metadata.dependencies.iter_mut() {
        r.enabled = true;
    }
    let cvals = coalesce_values_top(c, v, false, log)?;

    // Tags.
    if let Ok(vt) = table(&cvals, "tags") {
        for r in c.metadata.dependencies.iter_mut() {
            let (mut has_true, mut has_false) = (false, false);
            for k in &r.tags {
                if let Some(b) = get(&vt, k) {
                    match b {
                        Value::Bool(true) => has_true = true,
                        Value::Bool(false) => has_false = true,
                        _ => log.deps(
                            94,
                            format!(
                                "Warning: Tag '{k}' for chart {} returned non-bool value",
                                r.name
                            ),
                        ),
                    }
                }
            }
            r.enabled = has_true || !has_false;
        }
    }
    // Conditions.
    for r in c.metadata.dependencies.iter_mut() {
        for cond in r.condition.trim().split(',') {
            if cond.is_empty() {
                continue;
            }
            match path_value(&cvals, &format!("{path}{cond}")) {
                Ok(Value::Bool(b)) => {
                    r.enabled = b;
                    break;
                }
                Ok(_) => log.deps(
                    63,
                    format!(
                        "Warning: Condition path '{cond}' for chart {} returned non-bool value",
                        r.name
                    ),
                ),
                Err(_) => {}
            }
        }
    }
    let rm: Vec<String> = c
        .metadata
        .dependencies
        .iter()
        .filter(|r| !r.enabled)
        .map(|r| r.name.clone())
        .collect();
    let mut cd: Vec<Chart> = std::mem::take(&mut c.dependencies)
        .into_iter()
        .filter(|d| !rm.contains(&d.metadata.name))
        .collect();
    c.metadata.dependencies.retain(|r| !rm.contains(&r.name));
    for t in cd.iter_mut() {
        let subpath = format!("{path}{}.", t.metadata.name);
        process_dependency_enabled(t, &cvals, &subpath, log)?;
    }
    c.dependencies = cd;
    Ok(())
}

fn path_to_map(path: &str, data: Map) -> Map {
    if path == "." {
        return data;
    }
    let mut cur = data;
    for p in path.split('.').rev() {
        let m = new_map();
        m.borrow_mut().insert(p.to_string(), Value::Map(cur));
        cur = m;
    }
    cur
}

fn process_import_values(c: &mut Chart, log: &mut Log) -> Result<(), String> {
    if c.metadata.dependencies.is_empty() {
        return Ok(());
    }
    let cvals = coalesce_values_top(c, &new_map(), true, log)?;
    let mut b = new_map();
    for r in c.metadata.dependencies.iter_mut() {
        let mut outiv = Vec::new();
        for riv in &r.import_values {
            match riv {
                Value::Map(iv) => {
                    let child = get(iv, "child").and_then(|v| v.as_str().map(str::to_string));
                    let parent = get(iv, "parent").and_then(|v| v.as_str().map(str::to_string));
                    let (Some(child), Some(parent)) = (child, parent) else {
                        return Err(format!(
                            "invalid import-values entry for {}: child and parent must be strings",
                            r.name
                        ));
                    };
                    let mut m = BTreeMap::new();
                    m.insert("child".to_string(), Value::str(&child));
                    m.insert("parent".to_string(), Value::str(&parent));
                    outiv.push(Value::from(m));
                    match table(&cvals, &format!("{}.{child}", r.name)) {
                        Ok(vv) => {
                            let src = path_to_map(&parent, vv);
                            coalesce_tables_full_key(&b, &src, "", true, log);
                        }
                        Err(e) => log.deps(
                            269,
                            format!(
                                "Warning: ImportValues missing table from chart {}: {e}",
                                r.name
                            ),
                        ),
                    }
                }
                Value::Str(s) => {
                    let child = format!("exports.{s}");
                    let mut m = BTreeMap::new();
                    m.insert("child".to_string(), Value::str(&child));
                    m.insert("parent".to_string(), Value::str("."));
                    outiv.push(Value::from(m));
                    match table(&cvals, &format!("{}.{child}", r.name)) {
                        Ok(vm) => coalesce_tables_full_key(&b, &vm, "", true, log),
                        Err(e) => {
                            log.deps(286, format!("Warning: ImportValues missing table: {e}"))
                        }
                    }
                }
                _ => {}
            }
        }
        r.import_values = outiv;
    }
    let cvals = deep_copy_map(&cvals);
    coalesce_tables_full_key(&cvals, &b, "", true, log);
    b = cvals;
    c.values = Value::Map(b);
    Ok(())
}

fn process_dependency_import_values(c: &mut Chart, log: &mut Log) -> Result<(), String> {
    for d in c.dependencies.iter_mut() {
        process_dependency_import_values(d, log)?;
    }
    process_import_values(c, log)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Metadata;

    fn chart(name: &str, values: Value, deps: Vec<Chart>) -> Chart {
        Chart {
            metadata: Metadata {
                name: name.into(),
                version: "1.0.0".into(),
                api_version: "v2".into(),
                ..Default::default()
            },
            values,
            raw_values: None,
            schema: None,
            templates: vec![],
            files: vec![],
            dependencies: deps,
        }
    }

    fn map(pairs: Vec<(&str, Value)>) -> Value {
        Value::from(
            pairs
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect::<BTreeMap<_, _>>(),
        )
    }

    #[test]
    fn coalesce_user_wins_null_deletes_and_warns() {
        let defaults = map(vec![
            ("a", Value::Float(1.0)),
            (
                "b",
                map(vec![
                    ("x", Value::str("d")),
                    ("y", Value::str("keep")),
                    ("l", Value::List(Rc::new(vec![]))),
                ]),
            ),
            ("c", Value::str("gone")),
            ("l", Value::List(Rc::new(vec![]))),
        ]);
        let ch = chart("top", defaults, vec![]);
        let user = map(vec![
            (
                "b",
                map(vec![
                    ("x", Value::str("u")),
                    ("l", map(vec![("k", Value::str("v"))])),
                ]),
            ),
            ("c", Value::Nil),
            ("l", map(vec![("k", Value::str("v"))])),
        ]);
        let mut log = Log::default();
        let out = coalesce_values_top(&ch, user.as_map().unwrap(), false, &mut log).unwrap();
        assert_eq!(
            Value::Map(out).to_go_string(),
            "map[a:1 b:map[l:map[k:v] x:u y:keep] l:map[k:v]]"
        );
        assert_eq!(
            log.lines,
            vec![
                "coalesce.go:301: warning: destination for top.b.l is a table. Ignoring non-table value ([])",
                "coalesce.go:237: warning: skipped value for top.l: Not a table.",
            ]
        );
    }

    #[test]
    fn globals_flow_down_parent_wins() {
        let sub = chart(
            "sub",
            map(vec![(
                "global",
                map(vec![("g", Value::str("child")), ("h", Value::str("c"))]),
            )]),
            vec![],
        );
        let top = chart(
            "top",
            map(vec![("global", map(vec![("g", Value::str("parent"))]))]),
            vec![sub],
        );
        let mut log = Log::default();
        let out = coalesce_values_top(&top, &new_map(), false, &mut log).unwrap();
        assert_eq!(
            Value::Map(out).to_go_string(),
            "map[global:map[g:parent] sub:map[global:map[g:parent h:c]]]"
        );
    }
}
