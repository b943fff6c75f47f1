//! Argument checks with Go's wording, and the value conversions Sprig relies on
//! (`strval`, spf13/cast's `ToInt64`/`ToFloat64`, `fmt`'s `%q`).
//!
//! Go's `text/template` converts every argument to the Go type of the parameter before
//! the call: a value of another type fails with `wrong type for value; expected T; got U`
//! (a missing map key is a nil `interface {}`), and a wrong count with
//! `wrong number of args for NAME: want N got M`. Both are reported without the
//! `error calling NAME:` prefix, so they are [`FuncError::bare`].

use crate::gotmpl::{FuncError, Map, Value};

pub type R = Result<Value, FuncError>;

/// Go's argument-count check for a function with exactly `n` parameters.
pub fn nargs(name: &str, args: &[Value], n: usize) -> Result<(), FuncError> {
    if args.len() != n {
        return Err(FuncError::bare(format!(
            "wrong number of args for {name}: want {n} got {}",
            args.len()
        )));
    }
    Ok(())
}

/// Go's argument-count check for a variadic function with `n` fixed parameters.
pub fn nargs_min(name: &str, args: &[Value], n: usize) -> Result<(), FuncError> {
    if args.len() < n {
        return Err(FuncError::bare(format!(
            "wrong number of args for {name}: want at least {n} got {}",
            args.len()
        )));
    }
    Ok(())
}

/// The Go type of a value as reflection sees an argument: a nil is an `interface {}`.
pub fn arg_type(v: &Value) -> String {
    match v {
        Value::Nil => "interface {}".into(),
        other => other.type_name(),
    }
}

/// `wrong type for value; expected T; got U`.
pub fn wrong_type(expected: &str, v: &Value) -> FuncError {
    FuncError::bare(format!(
        "wrong type for value; expected {expected}; got {}",
        arg_type(v)
    ))
}

fn arg(args: &[Value], i: usize) -> &Value {
    const NIL: &Value = &Value::Nil;
    args.get(i).unwrap_or(NIL)
}

/// A `string` parameter.
pub fn s(args: &[Value], i: usize) -> Result<&str, FuncError> {
    match arg(args, i) {
        Value::Str(s) => Ok(s),
        other => Err(wrong_type("string", other)),
    }
}

/// An `int` parameter.
pub fn int(args: &[Value], i: usize) -> Result<i64, FuncError> {
    match arg(args, i) {
        Value::Int(n) => Ok(*n),
        other => Err(wrong_type("int", other)),
    }
}

/// A `bool` parameter.
pub fn boolean(args: &[Value], i: usize) -> Result<bool, FuncError> {
    match arg(args, i) {
        Value::Bool(b) => Ok(*b),
        other => Err(wrong_type("bool", other)),
    }
}

/// A `float64` parameter.
pub fn float(args: &[Value], i: usize) -> Result<f64, FuncError> {
    match arg(args, i) {
        Value::Float(f) => Ok(*f),
        other => Err(wrong_type("float64", other)),
    }
}

/// A `map[string]interface {}` parameter. A nil argument is Go's nil map, which reads as
/// empty (a fresh map here): Go passes an untyped nil (a variable or pipeline holding nil)
/// to a map parameter as a nil map. Only a nil read straight from a map field
/// (`.Values.missing` as the argument itself) is a type error in Go; the executor cannot
/// tell us which one we got, so nil is accepted.
pub fn map(args: &[Value], i: usize) -> Result<Map, FuncError> {
    match arg(args, i) {
        Value::Map(m) => Ok(m.clone()),
        Value::Nil => Ok(crate::gotmpl::value::new_map_rc(Default::default())),
        other => Err(wrong_type("map[string]interface {}", other)),
    }
}

/// The message of a Go runtime panic on a nil interface (`reflect.TypeOf(nil).Kind()`).
pub const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

/// Elements of a slice-kinded value (`[]interface{}`, `[]string`, `[]byte`), or `None`.
pub fn slice_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::List(l) => Some(l.as_ref().clone()),
        Value::StrList(l) => Some(l.iter().map(Value::str).collect()),
        Value::Bytes(b) => Some(b.iter().map(|x| Value::Int(*x as i64)).collect()),
        // host objects that are Go slices (`.Capabilities.APIVersions`, a VersionSet);
        // a nil one has no elements
        Value::Object(o) if o.kind() == "slice" => match o.to_plain() {
            Value::Nil => Some(Vec::new()),
            Value::Object(_) => None,
            plain => slice_items(&plain),
        },
        _ => None,
    }
}

/// Sprig's `strval`: strings as they are, `[]byte` as text, everything else `%v`.
pub fn strval(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        Value::Bytes(b) => bytes_to_string(b),
        other => other.to_go_string(),
    }
}

/// Sprig's `strslice`: a list's non-nil elements strval'd; a scalar as a one-element list.
pub fn strslice(v: &Value) -> Vec<String> {
    match v {
        Value::StrList(l) => l.as_ref().clone(),
        Value::Nil => Vec::new(),
        other => match slice_items(other) {
            Some(items) => items.iter().filter(|x| !x.is_nil()).map(strval).collect(),
            None => vec![strval(other)],
        },
    }
}

/// Go's conversion of a float64 to an integer (amd64: out-of-range and NaN give MinInt64).
pub fn float_to_i64(f: f64) -> i64 {
    if f.is_nan() || !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
        i64::MIN
    } else {
        f as i64
    }
}

/// spf13/cast's `trimZeroDecimal`: `"1.00"` -> `"1"`.
fn trim_zero_decimal(s: &str) -> &str {
    let b = s.as_bytes();
    let mut found_zero = false;
    for i in (1..=b.len()).rev() {
        match b[i - 1] {
            b'.' => {
                if found_zero {
                    return &s[..i - 1];
                }
            }
            b'0' => found_zero = true,
            _ => return s,
        }
    }
    s
}

/// Go's `strconv.ParseInt(s, base, 64)` for base 0 (prefixes, underscores) or 10.
/// Out-of-range values are an error, as is any syntax problem.
pub fn parse_go_int(s: &str, base0: bool) -> Option<i64> {
    let (neg, rest) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    if rest.is_empty() {
        return None;
    }
    let (radix, digits, prefixed) = if base0 {
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("0x") {
            (16, &rest[2..], true)
        } else if lower.starts_with("0o") {
            (8, &rest[2..], true)
        } else if lower.starts_with("0b") {
            (2, &rest[2..], true)
        } else if rest.starts_with('0') && rest.len() > 1 {
            (8, &rest[1..], true)
        } else {
            (10, rest, false)
        }
    } else {
        (10, rest, false)
    };
    if base0 && digits.contains('_') && !underscore_ok(rest) {
        return None;
    }
    let _ = prefixed;
    let mut n: u128 = 0;
    let mut any = false;
    for c in digits.chars() {
        if c == '_' && base0 {
            continue;
        }
        let d = c.to_digit(radix)?;
        n = n * radix as u128 + d as u128;
        if n > (1u128 << 64) {
            return None;
        }
        any = true;
    }
    if !any {
        return None;
    }
    if neg {
        if n > (1u128 << 63) {
            return None;
        }
        Some((-(n as i128)) as i64)
    } else {
        if n > i64::MAX as u128 {
            return None;
        }
        Some(n as i64)
    }
}

/// Go's `underscoreOK`: underscores only between digits or after a base prefix.
fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' {
        let c = b[1].to_ascii_lowercase();
        if c == b'x' || c == b'o' || c == b'b' {
            hex = c == b'x';
            i = 2;
            saw = b'0';
        }
    }
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() || (hex && c.is_ascii_hexdigit()) {
            saw = b'0';
        } else if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
        } else {
            if saw == b'_' {
                return false;
            }
            saw = b'!';
        }
        i += 1;
    }
    saw != b'_'
}

/// Go's `strconv.ParseFloat(s, 64)` (decimal forms, `inf`, `nan`; no hex floats).
pub fn parse_go_float(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    // Go accepts `_` between digits (`1_000.5`).
    let cleaned;
    let t = if s.contains('_') {
        if !underscore_ok(s.trim_start_matches(['+', '-'])) {
            return None;
        }
        cleaned = s.replace('_', "");
        cleaned.as_str()
    } else {
        s
    };
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if body == "inf" || body == "infinity" || body == "nan" {
        return lower.parse::<f64>().ok();
    }
    if !body
        .bytes()
        .all(|c| c.is_ascii_digit() || c == b'.' || c == b'e' || c == b'+' || c == b'-')
    {
        return None;
    }
    t.parse::<f64>().ok()
}

/// spf13/cast `ToInt64` (errors give 0, as Sprig ignores them).
pub fn to_i64(v: &Value) -> i64 {
    match v {
        Value::Nil => 0,
        Value::Bool(b) => *b as i64,
        Value::Int(i) | Value::Int64(i) => *i,
        Value::Float(f) => float_to_i64(*f),
        Value::Str(s) => parse_go_int(trim_zero_decimal(s), true).unwrap_or(0),
        _ => 0,
    }
}

/// spf13/cast `ToFloat64` (errors give 0).
pub fn to_f64(v: &Value) -> f64 {
    match v {
        Value::Nil => 0.0,
        Value::Bool(b) => *b as i64 as f64,
        Value::Int(i) | Value::Int64(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Str(s) => parse_go_float(s).unwrap_or(0.0),
        _ => 0.0,
    }
}

/// Whether Go's `unicode.IsPrint` holds (approximation without full tables: controls,
/// separators other than ASCII space, format characters and private use are not printable).
pub fn is_go_print(c: char) -> bool {
    let u = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    !matches!(u,
        0x00A0 | 0x00AD | 0x034F | 0x061C | 0x1680 | 0x180E | 0x2000..=0x200F | 0x2028..=0x202F
        | 0x205F..=0x206F | 0x3000 | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF
        | 0xF0000..=0x10FFFF | 0xFDD0..=0xFDEF | 0xFFFE | 0xFFFF | 0x0600..=0x0605
        | 0x06DD | 0x070F | 0x08E2 | 0x110BD | 0x110CD | 0xE0001 | 0xE0020..=0xE007F)
}

/// Go's `strconv.Quote` (`%q` of a string).
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\x0b' => out.push_str("\\v"),
            c if is_go_print(c) => out.push(c),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// Go's `unicode.IsSpace`.
pub fn is_go_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\x0b' | '\x0c' | '\r' | ' ' | '\u{85}' | '\u{A0}'
    ) || (c as u32 > 0xff && c.is_whitespace())
}

/// Go's `unicode.ToUpper` (simple, one-to-one mapping).
pub fn to_upper_char(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `unicode.ToLower` (simple, one-to-one mapping).
pub fn to_lower_char(c: char) -> char {
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

/// Go's `unicode.ToTitle` (title case is upper case except for a few digraphs).
pub fn to_title_char(c: char) -> char {
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => 'ǅ',
        'Ǉ' | 'ǈ' | 'ǉ' => 'ǈ',
        'Ǌ' | 'ǋ' | 'ǌ' => 'ǋ',
        'Ǳ' | 'ǲ' | 'ǳ' => 'ǲ',
        _ => to_upper_char(c),
    }
}

/// A string value from a byte slice that may cut a UTF-8 sequence (Go strings are bytes):
/// every invalid byte becomes U+FFFD, as Go decodes it (one `RuneError` per byte).
pub fn bytes_to_string(b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                for _ in 0..n {
                    out.push('\u{FFFD}');
                }
                rest = &bad[n..];
            }
        }
    }
}

/// Go's `unicode.IsTitle` (the title-case letters, category Lt).
pub fn is_title(c: char) -> bool {
    matches!(c as u32,
        0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF
        | 0x1FBC | 0x1FCC | 0x1FFC)
}

/// A `[]string` result.
pub fn str_list(v: Vec<String>) -> Value {
    Value::StrList(std::rc::Rc::new(v))
}

/// A `[]interface{}` result.
pub fn list(v: Vec<Value>) -> Value {
    Value::List(std::rc::Rc::new(v))
}
