//! Helm's own functions (`pkg/engine/funcs.go`, `engine.go`) and Sprig's JSON family.

use super::args::{R, list, nargs, s};
use crate::gotmpl::{FuncError, FuncMap, Host, Value};
use crate::yaml;
use std::collections::BTreeMap;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("include", include);
    m.insert("tpl", tpl);
    m.insert("required", required);
    m.insert("fail", fail);
    m.insert("lookup", lookup);
    m.insert("toYaml", to_yaml);
    m.insert("toYamlPretty", to_yaml_pretty);
    m.insert("fromYaml", from_yaml);
    m.insert("fromYamlArray", from_yaml_array);
    m.insert("toJson", to_json);
    m.insert("fromJson", from_json);
    m.insert("fromJsonArray", from_json_array);
    m.insert("toToml", to_toml);
    m.insert("fromToml", from_toml);
    m.insert("toPrettyJson", to_pretty_json);
    m.insert("toRawJson", to_raw_json);
    m.insert("mustToJson", must_to_json);
    m.insert("mustToPrettyJson", must_to_pretty_json);
    m.insert("mustToRawJson", must_to_raw_json);
    m.insert("mustFromJson", must_from_json);
}

/// Helm wraps `required`/`fail` messages so it can cut them out of the template error.
pub fn warn_wrap(msg: &str) -> String {
    format!("HELM_ERR_START{msg}HELM_ERR_END")
}

fn include(h: &mut dyn Host, a: &[Value]) -> R {
    nargs("include", a, 2)?;
    let name = s(a, 0)?;
    Ok(Value::str(h.include(name, a[1].clone())?))
}

fn tpl(h: &mut dyn Host, a: &[Value]) -> R {
    nargs("tpl", a, 2)?;
    let text = s(a, 0)?;
    Ok(Value::str(h.tpl(text, a[1].clone())?))
}

fn required(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("required", a, 2)?;
    let warn = s(a, 0)?;
    match &a[1] {
        Value::Nil => Err(FuncError::new(warn_wrap(warn))),
        Value::Str(v) if v.is_empty() => Err(FuncError::new(warn_wrap(warn))),
        v => Ok(v.clone()),
    }
}

fn fail(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("fail", a, 1)?;
    Err(FuncError::new(warn_wrap(s(a, 0)?)))
}

fn lookup(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("lookup", a, 4)?;
    for i in 0..4 {
        s(a, i)?;
    }
    Ok(Value::new_map())
}

fn to_yaml(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toYaml", a, 1)?;
    Ok(Value::str(match yaml::to_yaml(&a[0]) {
        Ok(t) => t.strip_suffix('\n').map(str::to_string).unwrap_or(t),
        Err(_) => String::new(),
    }))
}

/// Helm's `toYamlPretty`: go-yaml v3 with indent 2 (`crate::yaml::to_yaml_pretty`).
fn to_yaml_pretty(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toYamlPretty", a, 1)?;
    Ok(Value::str(match yaml::to_yaml_pretty(&a[0]) {
        Ok(t) => t.strip_suffix('\n').map(str::to_string).unwrap_or(t),
        Err(_) => String::new(),
    }))
}

/// JSON's name of a decoded value's kind, as in `json: cannot unmarshal KIND into …`.
fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::List(_) | Value::StrList(_) => "array",
        Value::Map(_) => "object",
        Value::Str(_) => "string",
        Value::Bool(_) => "bool",
        _ => "number",
    }
}

const MAP_TYPE: &str = "map[string]interface {}";
const LIST_TYPE: &str = "[]interface {}";

fn error_map(msg: String) -> Value {
    let mut m = BTreeMap::new();
    m.insert("Error".to_string(), Value::str(msg));
    Value::from(m)
}

/// Bytes of `fromYaml` input text kept in [`FROM_YAML_MEMO`]; past this, nothing more is kept.
const FROM_YAML_MEMO_BYTES: usize = 32 << 20;

thread_local! {
    /// Charts call `fromYaml` on the same text many times (a config helper included
    /// once per component). Parsing is pure, so the value of each text is kept and handed
    /// out as a deep copy: a caller that mutates its map (`set`, `merge`) cannot reach
    /// another caller's.
    static FROM_YAML_MEMO: std::cell::RefCell<(usize, std::collections::HashMap<String, Value>)> =
        Default::default();
}

fn from_yaml(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("fromYaml", a, 1)?;
    let text = s(a, 0)?;
    if let Some(v) = FROM_YAML_MEMO.with(|m| m.borrow().1.get(text).map(Value::deep_copy)) {
        return Ok(v);
    }
    let v = from_yaml_uncached(text);
    FROM_YAML_MEMO.with(|m| {
        let mut m = m.borrow_mut();
        if m.0 + text.len() <= FROM_YAML_MEMO_BYTES {
            m.0 += text.len();
            m.1.insert(text.to_string(), v.deep_copy());
        }
    });
    Ok(v)
}

fn from_yaml_uncached(text: &str) -> Value {
    match yaml::from_yaml(text) {
        Ok(v @ Value::Map(_)) => v,
        Ok(Value::Nil) => Value::new_map(),
        Ok(other) => error_map(format!(
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type {MAP_TYPE}",
            json_kind(&other)
        )),
        Err(e) => error_map(e.msg),
    }
}

fn from_yaml_array(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("fromYamlArray", a, 1)?;
    Ok(match yaml::from_yaml(s(a, 0)?) {
        Ok(v @ Value::List(_)) => v,
        Ok(Value::Nil) => list(Vec::new()),
        Ok(other) => list(vec![Value::str(format!(
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type {LIST_TYPE}",
            json_kind(&other)
        ))]),
        Err(e) => list(vec![Value::str(e.msg)]),
    })
}

fn to_json(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toJson", a, 1)?;
    Ok(Value::str(yaml::to_json(&a[0]).unwrap_or_default()))
}

fn from_json(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("fromJson", a, 1)?;
    Ok(match yaml::from_json(s(a, 0)?) {
        Ok(v @ Value::Map(_)) => v,
        Ok(Value::Nil) => Value::new_map(),
        Ok(other) => error_map(format!(
            "json: cannot unmarshal {} into Go value of type {MAP_TYPE}",
            json_kind(&other)
        )),
        Err(e) => error_map(e.msg),
    })
}

fn from_json_array(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("fromJsonArray", a, 1)?;
    Ok(match yaml::from_json(s(a, 0)?) {
        Ok(v @ Value::List(_)) => v,
        Ok(Value::Nil) => list(Vec::new()),
        Ok(other) => list(vec![Value::str(format!(
            "json: cannot unmarshal {} into Go value of type {LIST_TYPE}",
            json_kind(&other)
        ))]),
        Err(e) => list(vec![Value::str(e.msg)]),
    })
}

fn to_pretty_json(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toPrettyJson", a, 1)?;
    Ok(Value::str(yaml::to_json_pretty(&a[0]).unwrap_or_default()))
}

fn to_raw_json(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toRawJson", a, 1)?;
    yaml::to_raw_json(&a[0])
        .map(Value::str)
        .map_err(|e| FuncError::new(e.msg))
}

fn must_to_json(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustToJson", a, 1)?;
    yaml::to_json(&a[0])
        .map(Value::str)
        .map_err(|e| FuncError::new(e.msg))
}

fn must_to_pretty_json(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustToPrettyJson", a, 1)?;
    yaml::to_json_pretty(&a[0])
        .map(Value::str)
        .map_err(|e| FuncError::new(e.msg))
}

fn must_to_raw_json(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustToRawJson", a, 1)?;
    yaml::to_raw_json(&a[0])
        .map(Value::str)
        .map_err(|e| FuncError::new(e.msg))
}

fn must_from_json(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustFromJson", a, 1)?;
    yaml::from_json(s(a, 0)?).map_err(|e| FuncError::new(e.msg))
}

/// BurntSushi/toml encoding of a map (tables after plain keys, sorted keys).
fn to_toml(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toToml", a, 1)?;
    let mut out = String::new();
    match &a[0] {
        Value::Map(m) => toml_table(&mut out, &[], &m.borrow()),
        other => {
            return Ok(Value::str(format!(
                "toml: top-level values must be Go maps or structs, not {}",
                other.kind_name()
            )));
        }
    }
    Ok(Value::str(out))
}

fn toml_key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else {
        toml_string(k)
    }
}

fn toml_string(st: &str) -> String {
    let mut out = String::from("\"");
    for c in st.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn toml_scalar(v: &Value) -> Option<String> {
    Some(match v {
        Value::Bool(b) => b.to_string(),
        Value::Int(i) | Value::Int64(i) => i.to_string(),
        Value::Float(f) => {
            if f.is_nan() {
                "nan".into()
            } else if f.is_infinite() {
                if *f > 0.0 {
                    "inf".into()
                } else {
                    "-inf".into()
                }
            } else {
                let t =
                    crate::gotmpl::value::format_float(*f, crate::gotmpl::value::FloatStyle::Json);
                if t.contains('.') || t.contains('e') {
                    t
                } else {
                    format!("{t}.0")
                }
            }
        }
        Value::Str(st) => toml_string(st),
        Value::List(_) | Value::StrList(_) => {
            let items = v.list_items().unwrap_or_default();
            let parts: Option<Vec<String>> = items.iter().map(toml_scalar).collect();
            format!("[{}]", parts?.join(", "))
        }
        Value::Object(o) => return toml_scalar(&o.to_plain()),
        _ => return None,
    })
}

fn toml_table(out: &mut String, path: &[String], m: &BTreeMap<String, Value>) {
    let mut subs = Vec::new();
    for (k, v) in m {
        match v {
            Value::Map(_) => subs.push((k, v)),
            Value::Nil => {}
            _ => {
                if let Some(t) = toml_scalar(v) {
                    let indent = "  ".repeat(path.len());
                    out.push_str(&format!("{indent}{} = {t}\n", toml_key(k)));
                }
            }
        }
    }
    for (k, v) in subs {
        if let Value::Map(sm) = v {
            let mut p = path.to_vec();
            p.push(toml_key(k));
            let indent = "  ".repeat(p.len() - 1);
            // BurntSushi/toml: a blank line before top-level tables once anything was written.
            if p.len() == 1 && !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&format!("{indent}[{}]\n", p.join(".")));
            toml_table(out, &p, &sm.borrow());
        }
    }
}

fn from_toml(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("fromToml", a, 1)?;
    let _ = s(a, 0)?;
    Ok(error_map("fromToml is not implemented by kiln yet".into()))
}
