//! Go's predefined template functions (`text/template/funcs.go`, Go 1.23): `and`, `or`,
//! `not`, `len`, `index`, `slice`, `print`, `printf`, `println`, `html`, `js`,
//! `urlquery`, `call`, `eq`, `ne`, `lt`, `le`, `gt`, `ge`, with Go's error texts.
//! `and`/`or` short-circuit and are evaluated by the executor itself.

use std::rc::Rc;

use super::exec::RV;
use super::fmt::{is_print, sprint, sprintf, sprintln};
use super::value::Value;

/// The names of Go's builtins (the parser accepts them without a function map entry).
pub const NAMES: &[&str] = &[
    "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf",
    "println", "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
];

/// Whether `name` is one of Go's builtin functions.
pub fn is_builtin(name: &str) -> bool {
    NAMES.contains(&name)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Builtin {
    And,
    Or,
    Not,
    Len,
    Index,
    Slice,
    Print,
    Printf,
    Println,
    Html,
    Js,
    Urlquery,
    Call,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

pub(crate) fn lookup(name: &str) -> Option<Builtin> {
    Some(match name {
        "and" => Builtin::And,
        "or" => Builtin::Or,
        "not" => Builtin::Not,
        "len" => Builtin::Len,
        "index" => Builtin::Index,
        "slice" => Builtin::Slice,
        "print" => Builtin::Print,
        "printf" => Builtin::Printf,
        "println" => Builtin::Println,
        "html" => Builtin::Html,
        "js" => Builtin::Js,
        "urlquery" => Builtin::Urlquery,
        "call" => Builtin::Call,
        "eq" => Builtin::Eq,
        "ne" => Builtin::Ne,
        "lt" => Builtin::Lt,
        "le" => Builtin::Le,
        "gt" => Builtin::Gt,
        "ge" => Builtin::Ge,
        _ => return None,
    })
}

impl Builtin {
    /// (number of fixed parameters, variadic) as in the Go signature.
    pub(crate) fn arity(self) -> (usize, bool) {
        match self {
            Builtin::And
            | Builtin::Or
            | Builtin::Index
            | Builtin::Slice
            | Builtin::Call
            | Builtin::Eq
            | Builtin::Printf => (1, true),
            Builtin::Print | Builtin::Println | Builtin::Html | Builtin::Js | Builtin::Urlquery => {
                (0, true)
            }
            Builtin::Not | Builtin::Len => (1, false),
            Builtin::Ne | Builtin::Lt | Builtin::Le | Builtin::Gt | Builtin::Ge => (2, false),
        }
    }
}

fn values(args: &[RV]) -> Vec<Value> {
    args.iter().map(|a| a.v.clone()).collect()
}

/// Run a builtin (other than `and`/`or`/`call`) on evaluated arguments. The error is the
/// message after `error calling NAME: `.
pub(crate) fn run(b: Builtin, args: &[RV]) -> Result<Value, String> {
    // Host objects that are Go maps or slices behave as their plain data here.
    let plain: Vec<RV>;
    let args = if matches!(b, Builtin::Len | Builtin::Index | Builtin::Slice)
        && args
            .iter()
            .any(|a| matches!(&a.v, Value::Object(o) if matches!(o.kind(), "map" | "slice")))
    {
        plain = args
            .iter()
            .map(|a| match &a.v {
                Value::Object(o) if matches!(o.kind(), "map" | "slice") => {
                    RV::val(match o.to_plain() {
                        // a nil Go slice or map: empty
                        Value::Nil if o.kind() == "map" => Value::new_map(),
                        Value::Nil => Value::List(std::rc::Rc::new(Vec::new())),
                        plain => plain,
                    })
                }
                _ => a.clone(),
            })
            .collect();
        &plain[..]
    } else {
        args
    };
    match b {
        Builtin::Not => Ok(Value::Bool(!args[0].v.truth())),
        Builtin::Len => length(&args[0]),
        Builtin::Index => index(&args[0], &args[1..]),
        Builtin::Slice => slice(&args[0], &args[1..]),
        Builtin::Print => Ok(Value::from(sprint(&values(args)))),
        Builtin::Println => Ok(Value::from(sprintln(&values(args)))),
        Builtin::Printf => {
            let format = args[0].v.as_str().unwrap_or("").to_string();
            Ok(Value::from(sprintf(&format, &values(&args[1..]))))
        }
        Builtin::Html => Ok(Value::from(html_escape(&eval_args(args)))),
        Builtin::Js => Ok(Value::from(js_escape(&eval_args(args)))),
        Builtin::Urlquery => Ok(Value::from(query_escape(&eval_args(args)))),
        Builtin::Eq => eq(&args[0].v, &args[1..]).map(Value::Bool),
        Builtin::Ne => eq(&args[0].v, &args[1..2]).map(|b| Value::Bool(!b)),
        Builtin::Lt => lt(&args[0].v, &args[1].v).map(Value::Bool),
        Builtin::Le => le(&args[0].v, &args[1].v).map(Value::Bool),
        Builtin::Gt => le(&args[0].v, &args[1].v).map(|b| Value::Bool(!b)),
        Builtin::Ge => lt(&args[0].v, &args[1].v).map(|b| Value::Bool(!b)),
        Builtin::And | Builtin::Or | Builtin::Call => Err("unreachable".into()),
    }
}

/// Go's `call`: our values hold no functions, so this only reports Go's errors.
pub(crate) fn call(callee: &str, args: &[RV]) -> Result<Value, String> {
    let f = &args[0].v;
    if f.is_nil() {
        return Err("call of nil".into());
    }
    Err(format!("non-function {} of type {}", callee, f.type_name()))
}

fn length(a: &RV) -> Result<Value, String> {
    if a.iface && a.v.is_nil() {
        return Err("len of nil pointer".into());
    }
    let n = match &a.v {
        Value::Nil => return Err("reflect: call of reflect.Value.Type on zero Value".into()),
        Value::Str(s) => s.len(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.len(),
        Value::StrList(l) => l.len(),
        Value::Map(m) => m.borrow().len(),
        other => return Err(format!("len of type {}", other.type_name())),
    };
    Ok(Value::Int(n as i64))
}

/// Go's `indexArg`.
fn index_arg(index: &Value, cap: usize) -> Result<usize, String> {
    let x = match index {
        Value::Int(i) | Value::Int64(i) => *i,
        Value::Nil => return Err("cannot index slice/array with nil".into()),
        other => {
            return Err(format!(
                "cannot index slice/array with type {}",
                other.type_name()
            ));
        }
    };
    if x < 0 || x as u64 > cap as u64 {
        return Err(format!("index out of range: {x}"));
    }
    Ok(x as usize)
}

fn index(item: &RV, indexes: &[RV]) -> Result<Value, String> {
    if item.v.is_nil() {
        return Err("index of untyped nil".into());
    }
    let mut cur = item.v.clone();
    let mut cur_slot_nil = false;
    for ix in indexes {
        if cur_slot_nil {
            return Err("index of nil pointer".into());
        }
        let next = match &cur {
            Value::List(l) => {
                let x = index_arg(&ix.v, l.len())?;
                let v = l
                    .get(x)
                    .cloned()
                    .ok_or("reflect: slice index out of range")?;
                cur_slot_nil = v.is_nil();
                v
            }
            Value::StrList(l) => {
                let x = index_arg(&ix.v, l.len())?;
                Value::str(l.get(x).ok_or("reflect: slice index out of range")?)
            }
            Value::Bytes(b) => {
                let x = index_arg(&ix.v, b.len())?;
                Value::Int(*b.get(x).ok_or("reflect: slice index out of range")? as i64)
            }
            Value::Str(s) => {
                let x = index_arg(&ix.v, s.len())?;
                Value::Int(
                    *s.as_bytes()
                        .get(x)
                        .ok_or("reflect: string index out of range")? as i64,
                )
            }
            Value::Map(m) => {
                let key = match &ix.v {
                    Value::Str(k) => k.clone(),
                    Value::Nil => return Err("value is nil; should be of type string".into()),
                    other => {
                        return Err(format!(
                            "value has type {}; should be string",
                            other.type_name()
                        ));
                    }
                };
                let v = m.borrow().get(&*key).cloned().unwrap_or(Value::Nil);
                cur_slot_nil = v.is_nil();
                v
            }
            other => return Err(format!("can't index item of type {}", other.type_name())),
        };
        cur = next;
    }
    Ok(cur)
}

fn slice(item: &RV, indexes: &[RV]) -> Result<Value, String> {
    if item.v.is_nil() {
        return Err("slice of untyped nil".into());
    }
    if indexes.len() > 3 {
        return Err(format!("too many slice indexes: {}", indexes.len()));
    }
    let len = match &item.v {
        Value::Str(s) => {
            if indexes.len() == 3 {
                return Err("cannot 3-index slice a string".into());
            }
            s.len()
        }
        Value::List(l) => l.len(),
        Value::StrList(l) => l.len(),
        Value::Bytes(b) => b.len(),
        other => return Err(format!("can't slice item of type {}", other.type_name())),
    };
    let mut idx = [0usize, len, len];
    for (i, ix) in indexes.iter().enumerate() {
        idx[i] = index_arg(&ix.v, len)?;
    }
    if idx[0] > idx[1] {
        return Err(format!("invalid slice index: {} > {}", idx[0], idx[1]));
    }
    if indexes.len() == 3 && idx[1] > idx[2] {
        return Err(format!("invalid slice index: {} > {}", idx[1], idx[2]));
    }
    let (i, j) = (idx[0], idx[1]);
    Ok(match &item.v {
        Value::Str(s) => {
            let b = &s.as_bytes()[i..j];
            Value::from(String::from_utf8_lossy(b).into_owned())
        }
        Value::List(l) => Value::List(Rc::new(l[i..j].to_vec())),
        Value::StrList(l) => Value::StrList(Rc::new(l[i..j].to_vec())),
        Value::Bytes(b) => Value::Bytes(Rc::from(&b[i..j])),
        _ => Value::Nil,
    })
}

// ----- comparison -----

#[derive(PartialEq, Eq, Clone, Copy)]
enum Kind {
    Invalid,
    Bool,
    Int,
    Float,
    String,
}

fn basic_kind(v: &Value) -> Kind {
    match v {
        Value::Bool(_) => Kind::Bool,
        Value::Int(_) | Value::Int64(_) => Kind::Int,
        Value::Float(_) => Kind::Float,
        Value::Str(_) => Kind::String,
        _ => Kind::Invalid,
    }
}

fn reflect_kind(v: &Value) -> &'static str {
    match v {
        Value::Nil => "invalid",
        Value::List(_) | Value::StrList(_) | Value::Bytes(_) => "slice",
        Value::Map(_) => "map",
        Value::Object(o) => o.kind(),
        other => other.kind_name(),
    }
}

const BAD_TYPE: &str = "invalid type for comparison";
const BAD_CMP: &str = "incompatible types for comparison";

fn eq(a1: &Value, rest: &[RV]) -> Result<bool, String> {
    if rest.is_empty() {
        return Err("missing argument for comparison".into());
    }
    let k1 = basic_kind(a1);
    for arg in rest {
        let a = &arg.v;
        let k2 = basic_kind(a);
        let truth = if k1 != k2 {
            if !a1.is_nil() && !a.is_nil() {
                return Err(BAD_CMP.into());
            }
            false
        } else {
            match (a1, a) {
                (Value::Bool(x), Value::Bool(y)) => x == y,
                (Value::Int(x) | Value::Int64(x), Value::Int(y) | Value::Int64(y)) => x == y,
                (Value::Float(x), Value::Float(y)) => x == y,
                (Value::Str(x), Value::Str(y)) => x == y,
                _ => {
                    let (r1, r2) = (reflect_kind(a1), reflect_kind(a));
                    if !(r1 == r2 || r1 == "invalid" || r2 == "invalid") {
                        return Err(format!(
                            "non-comparable types {}: {}, {}: {}",
                            sprintf("%s", std::slice::from_ref(a1)),
                            a1.type_name(),
                            a.type_name(),
                            sprintf("%v", std::slice::from_ref(a))
                        ));
                    }
                    if a1.is_nil() || a.is_nil() {
                        a1.is_nil() == a.is_nil()
                    } else {
                        match (a1, a) {
                            (Value::Object(x), Value::Object(y)) => {
                                std::ptr::eq(Rc::as_ptr(x) as *const u8, Rc::as_ptr(y) as *const u8)
                                    || (x.type_name() == y.type_name() && x.format() == y.format())
                            }
                            _ => {
                                return Err(format!(
                                    "non-comparable type {}: {}",
                                    sprintf("%s", std::slice::from_ref(a)),
                                    a.type_name()
                                ));
                            }
                        }
                    }
                }
            }
        };
        if truth {
            return Ok(true);
        }
    }
    Ok(false)
}

fn lt(a: &Value, b: &Value) -> Result<bool, String> {
    let k1 = basic_kind(a);
    if k1 == Kind::Invalid {
        return Err(BAD_TYPE.into());
    }
    let k2 = basic_kind(b);
    if k2 == Kind::Invalid {
        return Err(BAD_TYPE.into());
    }
    if k1 != k2 {
        return Err(BAD_CMP.into());
    }
    Ok(match (a, b) {
        (Value::Int(x) | Value::Int64(x), Value::Int(y) | Value::Int64(y)) => x < y,
        (Value::Float(x), Value::Float(y)) => x < y,
        (Value::Str(x), Value::Str(y)) => x.as_bytes() < y.as_bytes(),
        _ => return Err(BAD_TYPE.into()),
    })
}

fn le(a: &Value, b: &Value) -> Result<bool, String> {
    if lt(a, b)? {
        return Ok(true);
    }
    eq(a, &[RV::val(b.clone())])
}

// ----- escaping -----

/// Go's `evalArgs`: one string argument as is; otherwise `fmt.Sprint` with nil shown as
/// `<no value>`.
fn eval_args(args: &[RV]) -> String {
    if args.len() == 1
        && let Value::Str(s) = &args[0].v
    {
        return s.to_string();
    }
    let vals: Vec<Value> = args
        .iter()
        .map(|a| {
            if a.v.is_nil() {
                Value::str("<no value>")
            } else {
                a.v.clone()
            }
        })
        .collect();
    sprint(&vals)
}

/// Go's `template.HTMLEscapeString`.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0' => out.push('\u{FFFD}'),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// Go's `template.JSEscapeString`.
pub fn js_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\u003C"),
            '>' => out.push_str("\\u003E"),
            '&' => out.push_str("\\u0026"),
            '=' => out.push_str("\\u003D"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c if (c as u32) < 0x80 => out.push(c),
            c if is_print(c) => out.push(c),
            c => out.push_str(&format!("\\u{:04X}", c as u32)),
        }
    }
    out
}

/// Go's `url.QueryEscape`.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{:02X}", b)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings from Helm 3.17.3 (`js`, `html`, `urlquery` piped to `b64enc`).
    #[test]
    fn escapers() {
        assert_eq!(js_escape("a`b\tc\u{7f}\u{a0}"), "a`b\\u0009c\u{7f}\\u00A0");
        assert_eq!(
            js_escape("a=b<c>\"x\" é\u{2028}'"),
            "a\\u003Db\\u003Cc\\u003E\\\"x\\\" é\\u2028\\'"
        );
        assert_eq!(html_escape("\0x"), "\u{FFFD}x");
        assert_eq!(
            html_escape("<a href='x'>&\""),
            "&lt;a href=&#39;x&#39;&gt;&amp;&#34;"
        );
        assert_eq!(query_escape("~!*()_-."), "~%21%2A%28%29_-.");
        assert_eq!(query_escape("a b&c/é"), "a+b%26c%2F%C3%A9");
    }
}
