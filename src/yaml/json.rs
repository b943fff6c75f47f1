//! Go `encoding/json`: `Marshal`, `MarshalIndent`, an encoder without HTML escaping, and
//! `Unmarshal` into `interface{}` with Go's error wording.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::YamlError;
use crate::gotmpl::Value;
use crate::gotmpl::value::{FloatStyle, format_float, format_float_g};

/// Go `json.Marshal` (sorted keys, HTML-escaped `<>&`, Go float format).
pub fn to_json(v: &Value) -> Result<String, YamlError> {
    let mut out = String::new();
    encode(v, &mut out, true)?;
    Ok(out)
}

/// The length of [`to_json`]'s text, counted without writing it (a CRD's size decides
/// whether it can be applied client-side).
pub fn json_len(v: &Value) -> Result<usize, YamlError> {
    Ok(match v {
        Value::Nil => 4,
        Value::Bool(b) => 4 + usize::from(!*b),
        Value::Int(i) | Value::Int64(i) => {
            i.unsigned_abs()
                .checked_ilog10()
                .map_or(1, |d| d as usize + 1)
                + usize::from(*i < 0)
        }
        Value::Float(f) => json_float(*f)?.len(),
        Value::Str(s) => string_len(s),
        Value::Bytes(b) => b.len().div_ceil(3) * 4 + 2,
        Value::List(l) => {
            let mut n = 2 + l.len().saturating_sub(1);
            for x in l.iter() {
                n += json_len(x)?;
            }
            n
        }
        Value::StrList(l) => {
            2 + l.len().saturating_sub(1) + l.iter().map(|x| string_len(x)).sum::<usize>()
        }
        Value::Map(m) => {
            let m = m.borrow();
            let mut n = 2 + m.len().saturating_sub(1);
            for (k, x) in m.iter() {
                n += string_len(k) + 1 + json_len(x)?;
            }
            n
        }
        Value::Object(_) => to_json(v)?.len(),
    })
}

/// The length of [`write_string`]'s output with HTML escaping.
fn string_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut n = bytes.len() + 2;
    if no_escape(bytes, true) {
        return n;
    }
    if !bytes.contains(&0xe2) {
        // Without U+2028/U+2029 each byte's escape depends on that byte alone: counted
        // without a branch, so that it compiles to vector code (CRD descriptions are
        // long and often hold a quote or a line break).
        for c in bytes.chunks(1 << 16) {
            n += c.iter().map(|&b| escape_extra(b)).sum::<u32>() as usize;
        }
        return n;
    }
    let mut i = 0;
    while i < bytes.len() {
        // U+2028 and U+2029: three bytes become six.
        if bytes[i] == 0xe2
            && bytes.get(i + 1) == Some(&0x80)
            && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9))
        {
            n += 3;
            i += 3;
            continue;
        }
        n += escape_extra(bytes[i]) as usize;
        i += 1;
    }
    n
}

/// The bytes an ASCII byte's escape adds in HTML-safe output: 1 for `\"`, `\\` and the
/// short control escapes (`\n`, `\r`, `\t`, `\b`, `\f`), 5 for the other controls and
/// `<>&` (`\u00XX`), none for the rest, bytes of multi-byte characters included
/// (U+2028 and U+2029 are [`string_len`]'s to count). Without a branch.
fn escape_extra(b: u8) -> u32 {
    let short = (b == b'"')
        | (b == b'\\')
        | (b == b'\n')
        | (b == b'\r')
        | (b == b'\t')
        | (b == 0x08)
        | (b == 0x0c);
    let long = ((b < 0x20) & !short) | (b == b'<') | (b == b'>') | (b == b'&');
    u32::from(short) + 5 * u32::from(long)
}

/// Go `json.MarshalIndent(v, "", "  ")`.
pub fn to_json_pretty(v: &Value) -> Result<String, YamlError> {
    let mut out = String::new();
    encode_indent(v, &mut out, 0)?;
    Ok(out)
}

/// Go `json.Marshal` with HTML escaping off (Sprig `toRawJson`), without the trailing newline.
pub fn to_raw_json(v: &Value) -> Result<String, YamlError> {
    let mut out = String::new();
    encode(v, &mut out, false)?;
    Ok(out)
}

fn unsupported(f: f64) -> YamlError {
    YamlError {
        msg: format!("json: unsupported value: {}", format_float_g(f)),
        line: None,
        col: None,
    }
}

/// The JSON text of a float64 (Go's `floatEncoder`), or the unsupported-value error.
pub(crate) fn json_float(f: f64) -> Result<String, YamlError> {
    if !f.is_finite() {
        return Err(unsupported(f));
    }
    Ok(format_float(f, FloatStyle::Json))
}

/// The plain form of a Go struct with its JSON keys in declaration order (`None` when the
/// object does not encode as an ordered object).
fn struct_entries(o: &dyn crate::gotmpl::Object) -> Option<Vec<(String, Value)>> {
    let order = o.json_order();
    if order.is_empty() {
        return None;
    }
    let Value::Map(m) = o.to_plain() else {
        return None;
    };
    let m = m.borrow();
    let mut entries: Vec<(String, Value)> = order
        .iter()
        .filter_map(|k| m.get(*k).map(|v| (k.to_string(), v.clone())))
        .collect();
    for (k, v) in m.iter() {
        if !order.contains(&k.as_str()) {
            entries.push((k.clone(), v.clone()));
        }
    }
    Some(entries)
}

fn encode(v: &Value, out: &mut String, html: bool) -> Result<(), YamlError> {
    match v {
        Value::Nil => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) | Value::Int64(i) => {
            let _ = write!(out, "{i}");
        }
        Value::Float(f) => out.push_str(&json_float(*f)?),
        Value::Str(s) => write_string(out, s, html),
        Value::Bytes(b) => {
            use base64::Engine as _;
            out.push('"');
            out.push_str(&base64::engine::general_purpose::STANDARD.encode(b));
            out.push('"');
        }
        Value::List(l) => {
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                encode(x, out, html)?;
            }
            out.push(']');
        }
        Value::StrList(l) => {
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, x, html);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (i, (k, x)) in m.borrow().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k, html);
                out.push(':');
                encode(x, out, html)?;
            }
            out.push('}');
        }
        Value::Object(o) => encode_object(o.as_ref(), out, html)?,
    }
    Ok(())
}

/// A host object: a struct in field order, anything else as its plain data. (Its loop
/// repeats `encode`'s map arm on purpose: a shared helper made the unoptimised recursive
/// frame too large for the small-stack nesting test.) Kept out of
/// `encode` so that the recursive path's stack frame stays small.
#[inline(never)]
fn encode_object(
    o: &dyn crate::gotmpl::Object,
    out: &mut String,
    html: bool,
) -> Result<(), YamlError> {
    match struct_entries(o) {
        Some(entries) => {
            out.push('{');
            for (i, (k, x)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, k, html);
                out.push(':');
                encode(x, out, html)?;
            }
            out.push('}');
            Ok(())
        }
        None => encode(&o.to_plain(), out, html),
    }
}

fn newline_indent(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn encode_indent(v: &Value, out: &mut String, depth: usize) -> Result<(), YamlError> {
    match v {
        Value::List(l) if !l.is_empty() => {
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(out, depth + 1);
                encode_indent(x, out, depth + 1)?;
            }
            newline_indent(out, depth);
            out.push(']');
        }
        Value::StrList(l) if !l.is_empty() => {
            out.push('[');
            for (i, x) in l.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(out, depth + 1);
                write_string(out, x, true);
            }
            newline_indent(out, depth);
            out.push(']');
        }
        Value::Map(m) if !m.borrow().is_empty() => {
            encode_indent_entries(m.borrow().iter(), out, depth)?
        }
        Value::Object(o) => encode_indent_object(o.as_ref(), out, depth)?,
        other => encode(other, out, true)?,
    }
    Ok(())
}

/// The entries of a non-empty object for `MarshalIndent`; inlined, so that nesting costs
/// no extra stack frame.
#[inline(always)]
fn encode_indent_entries<'a>(
    entries: impl Iterator<Item = (&'a String, &'a Value)>,
    out: &mut String,
    depth: usize,
) -> Result<(), YamlError> {
    out.push('{');
    for (i, (k, x)) in entries.enumerate() {
        if i > 0 {
            out.push(',');
        }
        newline_indent(out, depth + 1);
        write_string(out, k, true);
        out.push_str(": ");
        encode_indent(x, out, depth + 1)?;
    }
    newline_indent(out, depth);
    out.push('}');
    Ok(())
}

/// `encode_object` for `MarshalIndent`.
#[inline(never)]
fn encode_indent_object(
    o: &dyn crate::gotmpl::Object,
    out: &mut String,
    depth: usize,
) -> Result<(), YamlError> {
    match struct_entries(o) {
        Some(entries) if !entries.is_empty() => {
            encode_indent_entries(entries.iter().map(|(k, x)| (k, x)), out, depth)
        }
        _ => encode_indent(&o.to_plain(), out, depth),
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// [`write_string`]'s byte classes: bytes that never need an escape, bytes escaped only
/// in HTML-safe output (`<`, `>`, `&`), and the rest (controls, `"`, `\\`, and 0xE2,
/// the first byte of U+2028 and U+2029).
const PLAIN: u8 = 0;
const HTML_ONLY: u8 = 1;
const SPECIAL: u8 = 2;
const ESCAPE_CLASS: [u8; 256] = {
    let mut t = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = SPECIAL;
        b += 1;
    }
    t[b'"' as usize] = SPECIAL;
    t[b'\\' as usize] = SPECIAL;
    t[0xe2] = SPECIAL;
    t[b'<' as usize] = HTML_ONLY;
    t[b'>' as usize] = HTML_ONLY;
    t[b'&' as usize] = HTML_ONLY;
    t
};

/// Whether no byte of `bytes` needs an escape ([`ESCAPE_CLASS`]; `<>&` only with
/// `html`). Tested 32 bytes at a time, without a branch or a table inside a chunk, so
/// that it compiles to vector code: most strings (CRD descriptions, dashboards) have
/// nothing to escape, and a byte-by-byte table lookup was a tenth of the YAML work.
fn no_escape(bytes: &[u8], html: bool) -> bool {
    let plain = |b: u8| {
        (b >= 0x20)
            & (b != b'"')
            & (b != b'\\')
            & (b != 0xe2)
            & (!html | ((b != b'<') & (b != b'>') & (b != b'&')))
    };
    let mut chunks = bytes.chunks_exact(32);
    for c in &mut chunks {
        if !c.iter().fold(true, |ok, &b| ok & plain(b)) {
            return false;
        }
    }
    chunks.remainder().iter().all(|&b| plain(b))
}

/// Go's `appendString`: `"`, `\\`, control characters, optionally `<>&`, and U+2028/2029
/// are escaped.
pub(crate) fn write_string(out: &mut String, s: &str, html: bool) {
    out.push('"');
    let bytes = s.as_bytes();
    // Most strings need no escape at all: one pass over the bytes says so.
    if no_escape(bytes, html) {
        out.push_str(s);
        out.push('"');
        return;
    }
    // Byte by byte (the escapes are all ASCII, or U+2028/U+2029, which start with 0xE2),
    // plain bytes skipped by a table: long texts with many quotes and newlines
    // (dashboards through `toJson`) are common.
    out.reserve(s.len() + s.len() / 8);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match ESCAPE_CLASS[b as usize] {
            PLAIN => {
                i += 1;
                continue;
            }
            HTML_ONLY if !html => {
                i += 1;
                continue;
            }
            _ => {}
        }
        let (esc, len): (Option<&str>, usize) = match b {
            b'"' => (Some("\\\""), 1),
            b'\\' => (Some("\\\\"), 1),
            b'\n' => (Some("\\n"), 1),
            b'\r' => (Some("\\r"), 1),
            b'\t' => (Some("\\t"), 1),
            0x08 => (Some("\\b"), 1),
            0x0c => (Some("\\f"), 1),
            0..=0x1f => (None, 1),
            b'<' | b'>' | b'&' if html => (None, 1),
            0xe2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xa8 | 0xa9)) =>
            {
                (None, 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[start..i]);
        match esc {
            Some(e) => out.push_str(e),
            None => {
                let n = s[i..i + len].chars().next().map_or(0, |c| c as u32);
                out.push_str("\\u");
                for shift in [12, 8, 4, 0] {
                    out.push(HEX[((n >> shift) & 0xF) as usize] as char);
                }
            }
        }
        i += len;
        start = i;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

// ---------------------------------------------------------------------------------------
// Decoding

fn jerr(msg: impl Into<String>) -> YamlError {
    YamlError {
        msg: msg.into(),
        line: None,
        col: None,
    }
}

/// Go's `quoteChar` for scanner errors: the offending byte, as a Latin-1 character in
/// `strconv.Quote` style between single quotes.
fn quote_char(c: u8) -> String {
    match c {
        b'\'' => "'\\''".into(),
        b'"' => "'\"'".into(),
        0x07 => "'\\a'".into(),
        0x08 => "'\\b'".into(),
        0x0c => "'\\f'".into(),
        b'\n' => "'\\n'".into(),
        b'\r' => "'\\r'".into(),
        b'\t' => "'\\t'".into(),
        0x0b => "'\\v'".into(),
        b'\\' => "'\\\\'".into(),
        0x00..=0x1f | 0x7f => format!("'\\x{c:02x}'"),
        0x80..=0x9f | 0xad => format!("'\\u{:04x}'", c as u32),
        _ => format!("'{}'", c as char),
    }
}

struct JsonParser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
    /// A number out of float64 range: reported only if the text is valid JSON, as Go
    /// validates the whole input before decoding.
    range_err: Option<YamlError>,
}

impl<'a> JsonParser<'a> {
    fn ws(&mut self) {
        while self.i < self.b.len() && matches!(self.b[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn cur_byte(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(0)
    }

    fn invalid(&self, ctx: &str) -> YamlError {
        if self.i >= self.b.len() {
            return jerr("unexpected end of JSON input");
        }
        jerr(format!(
            "invalid character {} {ctx}",
            quote_char(self.cur_byte())
        ))
    }

    /// Inside a literal or number Go's scanner feeds a space at the end of the input.
    fn invalid_or_space(&self, ctx: &str) -> YamlError {
        if self.i >= self.b.len() {
            return jerr(format!("invalid character ' ' {ctx}"));
        }
        self.invalid(ctx)
    }

    fn value(&mut self, depth: usize) -> Result<Value, YamlError> {
        self.ws();
        // Go allows 10 000 levels; kiln stops at 1 000 (as its YAML reader does) so that
        // any thread's stack holds the recursion. Go's scanner names the bracket that
        // opened one level too many.
        if depth > 1000 {
            let c = self.b.get(self.i).copied().unwrap_or(b' ');
            return Err(jerr(format!(
                "invalid character {} exceeded max depth",
                quote_char(c)
            )));
        }
        if self.i >= self.b.len() {
            return Err(jerr("unexpected end of JSON input"));
        }
        match self.b[self.i] {
            b'{' => {
                self.i += 1;
                let mut m = BTreeMap::new();
                self.ws();
                if self.i < self.b.len() && self.b[self.i] == b'}' {
                    self.i += 1;
                    return Ok(Value::from(m));
                }
                loop {
                    self.ws();
                    if self.i >= self.b.len() || self.b[self.i] != b'"' {
                        return Err(self.invalid("looking for beginning of object key string"));
                    }
                    let k = self.string()?.into_owned();
                    self.ws();
                    if self.i >= self.b.len() || self.b[self.i] != b':' {
                        return Err(self.invalid("after object key"));
                    }
                    self.i += 1;
                    let v = self.value(depth + 1)?;
                    m.insert(k, v);
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b'}') => {
                            self.i += 1;
                            return Ok(Value::from(m));
                        }
                        _ => return Err(self.invalid("after object key:value pair")),
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut l = Vec::new();
                self.ws();
                if self.i < self.b.len() && self.b[self.i] == b']' {
                    self.i += 1;
                    return Ok(Value::from(l));
                }
                loop {
                    l.push(self.value(depth + 1)?);
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b',') => self.i += 1,
                        Some(b']') => {
                            self.i += 1;
                            return Ok(Value::from(l));
                        }
                        _ => return Err(self.invalid("after array element")),
                    }
                }
            }
            b'"' => Ok(Value::str(self.string()?)),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Nil),
            b'-' | b'0'..=b'9' => self.number(),
            _ => Err(self.invalid("looking for beginning of value")),
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, YamlError> {
        let wb = word.as_bytes();
        for &want in wb {
            match self.b.get(self.i) {
                Some(&c) if c == want => self.i += 1,
                _ => {
                    return Err(self.invalid_or_space(&format!(
                        "in literal {word} (expecting {})",
                        quote_char(want)
                    )));
                }
            }
        }
        Ok(v)
    }

    fn number(&mut self) -> Result<Value, YamlError> {
        let st = self.i;
        if self.b[self.i] == b'-' {
            self.i += 1;
        }
        match self.b.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                while self.i < self.b.len() && self.b[self.i].is_ascii_digit() {
                    self.i += 1;
                }
            }
            _ => return Err(self.invalid_or_space("in numeric literal")),
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if !self.b.get(self.i).is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.invalid_or_space("after decimal point in numeric literal"));
            }
            while self.i < self.b.len() && self.b[self.i].is_ascii_digit() {
                self.i += 1;
            }
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.b.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if !self.b.get(self.i).is_some_and(|c| c.is_ascii_digit()) {
                return Err(self.invalid_or_space("in exponent of numeric literal"));
            }
            while self.i < self.b.len() && self.b[self.i].is_ascii_digit() {
                self.i += 1;
            }
        }
        let text = &self.s[st..self.i];
        let f: f64 = text.parse().map_err(|_| jerr("invalid number"))?;
        if f.is_infinite() && self.range_err.is_none() {
            self.range_err = Some(jerr(format!(
                "json: cannot unmarshal number {text} into Go value of type float64"
            )));
        }
        Ok(Value::Float(f))
    }

    fn hex4(&mut self) -> Result<u32, YamlError> {
        let mut v = 0u32;
        for _ in 0..4 {
            let Some(&c) = self.b.get(self.i) else {
                return Err(jerr("unexpected end of JSON input"));
            };
            let d = (c as char)
                .to_digit(16)
                .ok_or_else(|| self.invalid("in \\u hexadecimal character escape"))?;
            v = v * 16 + d;
            self.i += 1;
        }
        Ok(v)
    }

    /// A string literal's text: a slice of the input when it has no escapes (most do),
    /// so that a value is allocated once, as the `Rc<str>` it becomes.
    fn string(&mut self) -> Result<std::borrow::Cow<'a, str>, YamlError> {
        self.i += 1; // opening quote
        let mut out = String::new();
        let mut start = self.i;
        let mut escaped = false;
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return Err(jerr("unexpected end of JSON input"));
            };
            match c {
                b'"' => {
                    let rest = &self.s[start..self.i];
                    self.i += 1;
                    if !escaped {
                        return Ok(std::borrow::Cow::Borrowed(rest));
                    }
                    out.push_str(rest);
                    return Ok(std::borrow::Cow::Owned(out));
                }
                b'\\' => {
                    escaped = true;
                    out.push_str(&self.s[start..self.i]);
                    self.i += 1;
                    let Some(&e) = self.b.get(self.i) else {
                        return Err(jerr("unexpected end of JSON input"));
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let u = self.hex4()?;
                            if (0xD800..0xDC00).contains(&u)
                                && self.b.get(self.i) == Some(&b'\\')
                                && self.b.get(self.i + 1) == Some(&b'u')
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    let cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                                } else {
                                    out.push('\u{FFFD}');
                                    self.i = save;
                                }
                            } else {
                                out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
                            }
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.invalid("in string escape code"));
                        }
                    }
                    start = self.i;
                }
                c if c < 0x20 => return Err(self.invalid("in string literal")),
                _ => {
                    // Skip plain characters to the next quote or backslash, unless a
                    // control character (an error, found by the loop) comes first.
                    let rest = &self.b[self.i..];
                    match memchr::memchr2(b'"', b'\\', rest) {
                        Some(n) if !rest[..n].iter().any(|&b| b < 0x20) => self.i += n.max(1),
                        _ => self.i += 1,
                    }
                }
            }
        }
    }
}

/// Where the nesting of `[`/`{` (outside strings) first goes past `max`, if it does: a
/// flat scan that spares the recursive parser from inputs that would exhaust a stack.
fn too_deep(b: &[u8], max: usize) -> Option<usize> {
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    for (i, &c) in b.iter().enumerate() {
        if in_str {
            match c {
                _ if esc => esc = false,
                b'\\' => esc = true,
                b'"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            b'"' => in_str = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Go `json.Unmarshal` into `interface{}`: numbers become float64.
pub fn from_json(text: &str) -> Result<Value, YamlError> {
    if let Some(i) = too_deep(text.as_bytes(), 1000) {
        return Err(jerr(format!(
            "invalid character {} exceeded max depth",
            quote_char(text.as_bytes()[i])
        )));
    }
    let mut p = JsonParser {
        s: text,
        b: text.as_bytes(),
        i: 0,
        range_err: None,
    };
    let v = p.value(0)?;
    p.ws();
    if p.i < p.b.len() {
        return Err(p.invalid("after top-level value"));
    }
    match p.range_err {
        Some(e) => Err(e),
        None => Ok(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chunked test agrees with the byte classes for every byte, at every place in
    /// a chunk and in the remainder after the chunks.
    #[test]
    fn no_escape_agrees_with_the_byte_classes() {
        for b in 0..=255u8 {
            for html in [false, true] {
                let plain = match ESCAPE_CLASS[b as usize] {
                    PLAIN => true,
                    HTML_ONLY => !html,
                    _ => false,
                };
                for len in [1, 31, 32, 33, 64, 70] {
                    for at in [0, len / 2, len - 1] {
                        let mut v = vec![b'a'; len];
                        v[at] = b;
                        assert_eq!(no_escape(&v, html), plain, "byte {b:#x} at {at} of {len}");
                    }
                }
            }
        }
        assert!(no_escape(b"", true));
    }

    /// Go's `encoding/json` string escaping, character by character: the oracle of
    /// [`write_string`]'s byte loop.
    fn escape_by_chars(s: &str, html: bool) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\u{8}' => out.push_str("\\b"),
                '\u{c}' => out.push_str("\\f"),
                c if (c as u32) < 0x20
                    || (html && matches!(c, '<' | '>' | '&'))
                    || c == '\u{2028}'
                    || c == '\u{2029}' =>
                {
                    out.push_str(&format!("\\u{:04x}", c as u32));
                }
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    #[test]
    fn json_len_is_the_length_of_the_text() {
        let docs = [
            "a: 1\nb: [true, false, null, -12, 0, 7, 1.5, -0.25, 1e21, 123456789012]\nc: {}\nd: []\n",
            "s: \"q\\\"uote\\\\ <tag> & \\n\\r\\t\\b\\f \\u0001 \\u2028\\u2029 é 😀\"\nk<&>: v\n",
            "x:\n  - {a: {b: [1, [2, [3]]]}}\n  - \"\"\n  - ''\n",
        ];
        for d in docs {
            let v = crate::yaml::from_yaml(d).unwrap();
            assert_eq!(json_len(&v).unwrap(), to_json(&v).unwrap().len(), "{d}");
        }
        for i in [0i64, 9, 10, 99, 100, -1, -10, i64::MIN, i64::MAX] {
            assert_eq!(json_len(&Value::Int(i)).unwrap(), i.to_string().len());
        }
        let b = Value::Bytes(vec![1u8, 2, 3, 4].into());
        assert_eq!(json_len(&b).unwrap(), to_json(&b).unwrap().len());
    }

    #[test]
    fn string_escapes_equal_go_character_by_character() {
        let pieces = [
            "a", "\"", "\\", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{1}", "\u{1f}", "<", ">", "&",
            "\u{2028}", "\u{2029}", "\u{2027}", "\u{202a}", "é", "€", "😀", " ", "\u{7f}",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            let mut s = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let n = (x % 9) as usize;
            for k in 0..n {
                s.push_str(pieces[((x >> (5 * k)) % pieces.len() as u64) as usize]);
            }
            for html in [false, true] {
                let mut got = String::new();
                write_string(&mut got, &s, html);
                assert_eq!(got, escape_by_chars(&s, html), "{s:?} html={html}");
            }
            assert_eq!(string_len(&s), escape_by_chars(&s, true).len(), "{s:?}");
        }
    }
}
