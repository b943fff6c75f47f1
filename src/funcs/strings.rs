//! Sprig's string functions (`strings.go`), goutils and xstrings ports.

use super::args::{
    self, R, bytes_to_string, go_quote, int, is_go_space, nargs, s, str_list, strval,
    to_lower_char, to_title_char, to_upper_char,
};
use crate::gotmpl::{FuncError, FuncMap, Host, Value};
use std::collections::BTreeMap;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("hello", hello);
    m.insert("abbrev", abbrev);
    m.insert("abbrevboth", abbrevboth);
    m.insert("trunc", trunc);
    m.insert("trim", trim);
    m.insert("upper", upper);
    m.insert("lower", lower);
    m.insert("title", title);
    m.insert("untitle", untitle);
    m.insert("substr", substr);
    m.insert("repeat", repeat);
    m.insert("trimall", trim_all_old);
    m.insert("trimAll", trim_all);
    m.insert("trimSuffix", trim_suffix);
    m.insert("trimPrefix", trim_prefix);
    m.insert("nospace", nospace);
    m.insert("initials", initials);
    m.insert("swapcase", swapcase);
    m.insert("snakecase", snakecase);
    m.insert("camelcase", camelcase);
    m.insert("kebabcase", kebabcase);
    m.insert("wrap", wrap);
    m.insert("wrapWith", wrap_with);
    m.insert("contains", contains);
    m.insert("hasPrefix", has_prefix);
    m.insert("hasSuffix", has_suffix);
    m.insert("quote", quote);
    m.insert("squote", squote);
    m.insert("cat", cat);
    m.insert("indent", indent);
    m.insert("nindent", nindent);
    m.insert("replace", replace);
    m.insert("plural", plural);
    m.insert("split", split);
    m.insert("splitList", split_list);
    m.insert("splitn", splitn);
    m.insert("toStrings", to_strings);
    m.insert("join", join);
    m.insert("sortAlpha", sort_alpha);
}

fn str_ok(v: impl Into<String>) -> R {
    Ok(Value::str(v.into()))
}

fn hello(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("hello", a, 0)?;
    str_ok("Hello!")
}

/// goutils `AbbreviateFull` (byte-indexed); `Err` for widths it refuses.
fn abbreviate_full(str: &str, offset: i64, max_width: i64) -> Result<String, ()> {
    if str.is_empty() {
        return Ok(String::new());
    }
    if max_width < 4 {
        return Err(());
    }
    let b = str.as_bytes();
    let len = b.len() as i64;
    if len <= max_width {
        return Ok(str.to_string());
    }
    let mut offset = offset.min(len);
    if len - offset < max_width - 3 {
        offset = len - (max_width - 3);
    }
    let marker = "...";
    if offset <= 4 {
        return Ok(bytes_to_string(&b[..(max_width - 3) as usize]) + marker);
    }
    if max_width < 7 {
        return Err(());
    }
    if offset + max_width - 3 < len {
        let rest = bytes_to_string(&b[offset as usize..]);
        let ab = abbreviate_full(&rest, 0, max_width - 3).unwrap_or_default();
        return Ok(marker.to_string() + &ab);
    }
    Ok(marker.to_string() + &bytes_to_string(&b[(len - (max_width - 3)) as usize..]))
}

fn abbrev(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("abbrev", a, 2)?;
    let width = int(a, 0)?;
    let st = s(a, 1)?;
    if width < 4 {
        return str_ok(st);
    }
    str_ok(abbreviate_full(st, 0, width).unwrap_or_default())
}

fn abbrevboth(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("abbrevboth", a, 3)?;
    let left = int(a, 0)?;
    let right = int(a, 1)?;
    let st = s(a, 2)?;
    if right < 4 || left > 0 && right < 7 {
        return str_ok(st);
    }
    str_ok(abbreviate_full(st, left, right).unwrap_or_default())
}

fn trunc(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("trunc", a, 2)?;
    let c = int(a, 0)?;
    let st = s(a, 1)?;
    let b = st.as_bytes();
    let len = b.len() as i64;
    if c < 0 && len + c > 0 {
        return str_ok(bytes_to_string(&b[(len + c) as usize..]));
    }
    if c >= 0 && len > c {
        return str_ok(bytes_to_string(&b[..c as usize]));
    }
    str_ok(st)
}

fn trim(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("trim", a, 1)?;
    str_ok(s(a, 0)?.trim_matches(is_go_space))
}

/// Go's `strings.ToUpper`.
pub fn go_upper(st: &str) -> String {
    st.chars().map(to_upper_char).collect()
}

/// Go's `strings.ToLower`.
pub fn go_lower(st: &str) -> String {
    st.chars().map(to_lower_char).collect()
}

fn upper(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("upper", a, 1)?;
    str_ok(go_upper(s(a, 0)?))
}

fn lower(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("lower", a, 1)?;
    str_ok(go_lower(s(a, 0)?))
}

/// Go's `strings.Title`.
pub fn go_title(st: &str) -> String {
    fn is_sep(c: char) -> bool {
        if c.is_ascii() {
            return !(c.is_ascii_alphanumeric() || c == '_');
        }
        if c.is_alphanumeric() {
            return false;
        }
        is_go_space(c)
    }
    let mut prev = ' ';
    st.chars()
        .map(|c| {
            let out = if is_sep(prev) { to_title_char(c) } else { c };
            prev = c;
            out
        })
        .collect()
}

fn title(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("title", a, 1)?;
    str_ok(go_title(s(a, 0)?))
}

fn untitle(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("untitle", a, 1)?;
    let st = s(a, 0)?;
    let mut next = true;
    let out: String = st
        .chars()
        .map(|c| {
            if is_go_space(c) {
                next = true;
                c
            } else if next {
                next = false;
                to_lower_char(c)
            } else {
                c
            }
        })
        .collect();
    str_ok(out)
}

fn slice_oob(lo: Option<i64>, hi: Option<i64>, len: usize) -> FuncError {
    let msg = match (lo, hi) {
        (None, Some(h)) => {
            format!("runtime error: slice bounds out of range [:{h}] with length {len}")
        }
        (Some(l), None) => format!("runtime error: slice bounds out of range [{l}:{len}]"),
        (Some(_), Some(h)) if h as usize > len || h < 0 => {
            format!("runtime error: slice bounds out of range [:{h}] with length {len}")
        }
        (Some(l), Some(h)) => format!("runtime error: slice bounds out of range [{l}:{h}]"),
        (None, None) => "runtime error: slice bounds out of range".into(),
    };
    FuncError::new(msg)
}

fn substr(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("substr", a, 3)?;
    let start = int(a, 0)?;
    let end = int(a, 1)?;
    let st = s(a, 2)?;
    let b = st.as_bytes();
    let len = b.len() as i64;
    if start < 0 {
        if end < 0 || end > len {
            return Err(slice_oob(None, Some(end), b.len()));
        }
        return str_ok(bytes_to_string(&b[..end as usize]));
    }
    if end < 0 || end > len {
        if start > len {
            return Err(slice_oob(Some(start), None, b.len()));
        }
        return str_ok(bytes_to_string(&b[start as usize..]));
    }
    if start > end {
        return Err(slice_oob(Some(start), Some(end), b.len()));
    }
    str_ok(bytes_to_string(&b[start as usize..end as usize]))
}

fn repeat(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("repeat", a, 2)?;
    let count = int(a, 0)?;
    let st = s(a, 1)?;
    if count < 0 {
        return Err(FuncError::new("strings: negative Repeat count"));
    }
    if st.len() as u128 * count as u128 > (1u128 << 31) {
        return Err(FuncError::new("strings: Repeat output length overflow"));
    }
    if st.len() as u128 * count as u128 > crate::gotmpl::value::MAX_STRING as u128 {
        return Err(FuncError::new(format!(
            "the result would have {} bytes, more than the {} MiB a template may build",
            st.len() as u128 * count as u128,
            crate::gotmpl::value::MAX_STRING >> 20
        )));
    }
    str_ok(st.repeat(count as usize))
}

/// Go's `strings.Trim(s, cutset)`.
fn go_trim_set<'a>(st: &'a str, cutset: &str) -> &'a str {
    st.trim_matches(|c| cutset.contains(c))
}

fn trim_all_old(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("trimall", a, 2)?;
    str_ok(go_trim_set(s(a, 1)?, s(a, 0)?))
}

fn trim_all(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("trimAll", a, 2)?;
    str_ok(go_trim_set(s(a, 1)?, s(a, 0)?))
}

fn trim_suffix(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("trimSuffix", a, 2)?;
    let suf = s(a, 0)?;
    let st = s(a, 1)?;
    str_ok(st.strip_suffix(suf).unwrap_or(st))
}

fn trim_prefix(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("trimPrefix", a, 2)?;
    let pre = s(a, 0)?;
    let st = s(a, 1)?;
    str_ok(st.strip_prefix(pre).unwrap_or(st))
}

/// goutils `DeleteWhiteSpace`: byte-wise, so non-ASCII bytes become Latin-1 runes when
/// anything was deleted.
fn nospace(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("nospace", a, 1)?;
    let st = s(a, 0)?;
    let is_sp = |b: u8| is_go_space(b as char);
    if !st.bytes().any(is_sp) {
        return str_ok(st);
    }
    let out: String = st
        .bytes()
        .filter(|b| !is_sp(*b))
        .map(|b| b as char)
        .collect();
    str_ok(out)
}

/// goutils `Initials` (byte-wise).
fn initials(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("initials", a, 1)?;
    let st = s(a, 0)?;
    let mut out = String::new();
    let mut gap = true;
    for b in st.bytes() {
        let c = b as char;
        if is_go_space(c) {
            gap = true;
        } else if gap {
            out.push(c);
            gap = false;
        }
    }
    str_ok(out)
}

fn swapcase(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("swapcase", a, 1)?;
    let st = s(a, 0)?;
    let mut ws = true;
    let out: String = st
        .chars()
        .map(|c| {
            if c.is_uppercase() || super::args::is_title(c) {
                ws = false;
                to_lower_char(c)
            } else if c.is_lowercase() {
                if ws {
                    ws = false;
                    to_title_char(c)
                } else {
                    to_upper_char(c)
                }
            } else {
                ws = is_go_space(c);
                c
            }
        })
        .collect();
    str_ok(out)
}

// ---- huandu/xstrings v1.5.0 ----

fn is_connector(c: char) -> bool {
    c == '-' || c == '_' || is_go_space(c)
}

/// xstrings `isAlphabet`: a letter that is not a CJK ideograph.
fn is_alphabet(c: char) -> bool {
    if !c.is_alphabetic() {
        return false;
    }
    let u = c as u32;
    !(u >= 0x3400
        && ((0x4E00..=0x9FCC).contains(&u)
            || (0x3400..=0x4D85).contains(&u)
            || (0x20000..=0x2B81D).contains(&u)))
}

/// Go's `unicode.IsPunct` (Unicode category P), approximated with ASCII punctuation
/// that Go puts in P (not the symbols `$+<=>^`|~`) and non-ASCII punctuation.
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            '!' | '"'
                | '#'
                | '%'
                | '&'
                | '\''
                | '('
                | ')'
                | '*'
                | ','
                | '-'
                | '.'
                | '/'
                | ':'
                | ';'
                | '?'
                | '@'
                | '['
                | '\\'
                | ']'
                | '_'
                | '{'
                | '}'
        );
    }
    c.is_ascii_punctuation()
        || matches!(c, '\u{2010}'..='\u{2027}' | '\u{3001}'..='\u{3003}' | '¡' | '§' | '«' | '¶' | '·' | '»' | '¿')
}

fn is_number(c: char) -> bool {
    c.is_numeric()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Word {
    Invalid,
    Number,
    Upper,
    Alpha,
    Connector,
    Punct,
    Other,
}

/// xstrings `nextWord` over chars; returns (type, word, remaining).
fn next_word(st: &[char]) -> (Word, &[char], &[char]) {
    if st.is_empty() {
        return (Word::Invalid, st, st);
    }
    let r = st[0];
    let mut off = 1;
    let wt;
    if is_connector(r) {
        wt = Word::Connector;
        while off < st.len() && is_connector(st[off]) {
            off += 1;
        }
    } else if is_punct(r) {
        wt = Word::Punct;
        while off < st.len() && is_punct(st[off]) {
            off += 1;
        }
    } else if r.is_uppercase() {
        wt = Word::Upper;
        if off < st.len() {
            let r2 = st[off];
            if r2.is_uppercase() {
                off += 1;
                while off < st.len() && st[off].is_uppercase() {
                    off += 1;
                }
                // "HTTPStatus": the last upper letter starts the next word.
                if off < st.len() && is_alphabet(st[off]) {
                    off -= 1;
                }
            } else if is_alphabet(r2) {
                off += 1;
                while off < st.len() && is_alphabet(st[off]) && !st[off].is_uppercase() {
                    off += 1;
                }
            }
        }
    } else if is_alphabet(r) {
        wt = Word::Alpha;
        while off < st.len() && is_alphabet(st[off]) && !st[off].is_uppercase() {
            off += 1;
        }
    } else if is_number(r) {
        wt = Word::Number;
        while off < st.len() && is_number(st[off]) {
            off += 1;
        }
    } else {
        wt = Word::Other;
        while off < st.len() {
            let c = st[off];
            if is_connector(c) || is_alphabet(c) || is_number(c) || is_punct(c) {
                break;
            }
            off += 1;
        }
    }
    (wt, &st[..off], &st[off..])
}

fn to_lower_word(buf: &mut String, wt: Word, w: &[char], connector: char) {
    if wt != Word::Upper && wt != Word::Connector {
        buf.extend(w.iter());
        return;
    }
    for &c in w {
        if is_connector(c) {
            buf.push(connector);
        } else if c.is_uppercase() {
            buf.push(to_lower_char(c));
        } else {
            buf.push(c);
        }
    }
}

/// xstrings `camelCaseToLowerCase` (snakecase, kebabcase).
pub fn camel_to_lower(st: &str, connector: char) -> String {
    if st.is_empty() {
        return String::new();
    }
    let chars: Vec<char> = st.chars().collect();
    let mut buf = String::new();
    let (mut wt, mut word, mut remaining) = next_word(&chars);
    while !remaining.is_empty() {
        if wt != Word::Connector {
            to_lower_word(&mut buf, wt, word, connector);
        }
        let prev = wt;
        let last = word;
        (wt, word, remaining) = next_word(remaining);
        match prev {
            Word::Number => {
                while wt == Word::Alpha || wt == Word::Number {
                    to_lower_word(&mut buf, wt, word, connector);
                    (wt, word, remaining) = next_word(remaining);
                }
                if wt != Word::Invalid && wt != Word::Punct && wt != Word::Connector {
                    buf.push(connector);
                }
            }
            Word::Connector => to_lower_word(&mut buf, prev, last, connector),
            Word::Punct => {}
            _ => {
                if wt != Word::Number {
                    if wt != Word::Connector && wt != Word::Punct {
                        buf.push(connector);
                    }
                    continue;
                }
                if remaining.is_empty() {
                    continue;
                }
                let last = word;
                (wt, word, remaining) = next_word(remaining);
                if wt != Word::Alpha {
                    to_lower_word(&mut buf, Word::Number, last, connector);
                    if wt != Word::Connector && wt != Word::Punct {
                        buf.push(connector);
                    }
                    continue;
                }
                buf.push(connector);
                to_lower_word(&mut buf, Word::Number, last, connector);
                while wt == Word::Alpha || wt == Word::Number {
                    to_lower_word(&mut buf, wt, word, connector);
                    (wt, word, remaining) = next_word(remaining);
                }
                if wt != Word::Invalid && wt != Word::Connector && wt != Word::Punct {
                    buf.push(connector);
                }
            }
        }
    }
    to_lower_word(&mut buf, wt, word, connector);
    buf
}

/// xstrings `toCamelCase(str, isBig=true)` (`ToPascalCase`).
pub fn pascal_case(st: &str) -> String {
    if st.is_empty() {
        return String::new();
    }
    let mut buf = String::new();
    let chars: Vec<char> = st.chars().collect();
    let mut i = 0;
    let mut r0 = '\0';
    let mut first_upper = false;
    while i < chars.len() {
        r0 = chars[i];
        i += 1;
        if !is_connector(r0) {
            first_upper = r0.is_uppercase();
            r0 = to_upper_char(r0);
            break;
        }
        buf.push(r0);
    }
    if i >= chars.len() {
        // A string of one rune, or only connectors: Go writes the last rune once more.
        buf.push(r0);
        return buf;
    }
    while i < chars.len() {
        let r1 = r0;
        r0 = chars[i];
        i += 1;
        if is_connector(r0) && is_connector(r1) {
            buf.push(r1);
            continue;
        }
        if is_connector(r1) {
            first_upper = r0.is_uppercase();
            r0 = to_upper_char(r0);
        } else {
            if first_upper {
                if r0.is_uppercase() {
                    r0 = to_lower_char(r0);
                } else {
                    first_upper = false;
                }
            }
            buf.push(r1);
        }
    }
    buf.push(r0);
    buf
}

fn snakecase(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("snakecase", a, 1)?;
    str_ok(camel_to_lower(s(a, 0)?, '_'))
}

fn kebabcase(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("kebabcase", a, 1)?;
    str_ok(camel_to_lower(s(a, 0)?, '-'))
}

fn camelcase(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("camelcase", a, 1)?;
    str_ok(pascal_case(s(a, 0)?))
}

/// goutils `WrapCustom` (byte-indexed).
pub fn wrap_custom(st: &str, wrap_len: i64, nl: &str, wrap_long: bool) -> String {
    if st.is_empty() {
        return String::new();
    }
    let nl = if nl.is_empty() { "\n" } else { nl };
    let wl = wrap_len.max(1) as usize;
    let b = st.as_bytes();
    let len = b.len();
    let mut off = 0usize;
    let mut out: Vec<u8> = Vec::new();
    while len - off > wl {
        if b[off] == b' ' {
            off += 1;
            continue;
        }
        let end = wl + off + 1;
        let space = b[off..end]
            .iter()
            .rposition(|c| *c == b' ')
            .map(|p| p + off);
        if let Some(sp) = space {
            out.extend_from_slice(&b[off..sp]);
            out.extend_from_slice(nl.as_bytes());
            off = sp + 1;
        } else if wrap_long {
            let end = wl + off;
            out.extend_from_slice(&b[off..end]);
            out.extend_from_slice(nl.as_bytes());
            off += wl;
        } else {
            let end = wl + off;
            match b[end..].iter().position(|c| *c == b' ') {
                None => {
                    out.extend_from_slice(&b[off..]);
                    off = len;
                }
                Some(idx) => {
                    let sp = idx + end;
                    out.extend_from_slice(&b[off..sp]);
                    out.extend_from_slice(nl.as_bytes());
                    off = sp + 1;
                }
            }
        }
    }
    out.extend_from_slice(&b[off..]);
    bytes_to_string(&out)
}

fn wrap(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("wrap", a, 2)?;
    let l = int(a, 0)?;
    str_ok(wrap_custom(s(a, 1)?, l, "", false))
}

fn wrap_with(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("wrapWith", a, 3)?;
    let l = int(a, 0)?;
    let sep = s(a, 1)?;
    str_ok(wrap_custom(s(a, 2)?, l, sep, true))
}

fn contains(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("contains", a, 2)?;
    let sub = s(a, 0)?;
    Ok(Value::Bool(s(a, 1)?.contains(sub)))
}

fn has_prefix(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("hasPrefix", a, 2)?;
    let sub = s(a, 0)?;
    Ok(Value::Bool(s(a, 1)?.starts_with(sub)))
}

fn has_suffix(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("hasSuffix", a, 2)?;
    let sub = s(a, 0)?;
    Ok(Value::Bool(s(a, 1)?.ends_with(sub)))
}

fn quote(_: &mut dyn Host, a: &[Value]) -> R {
    let out: Vec<String> = a
        .iter()
        .filter(|v| !v.is_nil())
        .map(|v| go_quote(&strval(v)))
        .collect();
    str_ok(out.join(" "))
}

fn squote(_: &mut dyn Host, a: &[Value]) -> R {
    let out: Vec<String> = a
        .iter()
        .filter(|v| !v.is_nil())
        .map(|v| format!("'{}'", v.to_go_string()))
        .collect();
    str_ok(out.join(" "))
}

fn cat(_: &mut dyn Host, a: &[Value]) -> R {
    let out: Vec<String> = a
        .iter()
        .filter(|v| !v.is_nil())
        .map(|v| v.to_go_string())
        .collect();
    str_ok(out.join(" "))
}

fn indent_str(n: i64, st: &str) -> Result<String, FuncError> {
    if n < 0 {
        return Err(FuncError::new("strings: negative Repeat count"));
    }
    if n > 1 << 31 {
        return Err(FuncError::new("strings: Repeat output length overflow"));
    }
    let lines = crate::gotmpl::lex::count_newlines(st) + 1;
    if (n as u128) * lines as u128 + st.len() as u128 > crate::gotmpl::value::MAX_STRING as u128 {
        return Err(FuncError::new(format!(
            "indenting by {n} would build more than the {} MiB a template may build",
            crate::gotmpl::value::MAX_STRING >> 20
        )));
    }
    let pad = " ".repeat(n as usize);
    let mut out = String::with_capacity(st.len() + pad.len() * lines);
    out.push_str(&pad);
    let mut rest = st;
    while let Some(i) = memchr::memchr(b'\n', rest.as_bytes()) {
        out.push_str(&rest[..=i]);
        out.push_str(&pad);
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn indent(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("indent", a, 2)?;
    let n = int(a, 0)?;
    str_ok(indent_str(n, s(a, 1)?)?)
}

fn nindent(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("nindent", a, 2)?;
    let n = int(a, 0)?;
    str_ok(format!("\n{}", indent_str(n, s(a, 1)?)?))
}

/// Go's `strings.Replace(s, old, new, -1)` (an empty `old` inserts between runes).
pub fn go_replace_all(st: &str, old: &str, new: &str) -> String {
    if old.is_empty() {
        let mut out = String::new();
        out.push_str(new);
        for c in st.chars() {
            out.push(c);
            out.push_str(new);
        }
        return out;
    }
    st.replace(old, new)
}

fn replace(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("replace", a, 3)?;
    str_ok(go_replace_all(s(a, 2)?, s(a, 0)?, s(a, 1)?))
}

fn plural(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("plural", a, 3)?;
    let one = s(a, 0)?;
    let many = s(a, 1)?;
    let n = int(a, 2)?;
    str_ok(if n == 1 { one } else { many })
}

/// Go's `strings.SplitN(s, sep, n)` (n < 0: all; an empty sep splits into runes).
pub fn go_split_n(st: &str, sep: &str, n: i64) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let chars: Vec<String> = st.chars().map(|c| c.to_string()).collect();
        if n < 0 || chars.len() as i64 <= n {
            return chars;
        }
        let mut out: Vec<String> = chars[..(n - 1) as usize].to_vec();
        out.push(chars[(n - 1) as usize..].concat());
        return out;
    }
    if n < 0 {
        return st.split(sep).map(String::from).collect();
    }
    st.splitn(n as usize, sep).map(String::from).collect()
}

fn parts_map(parts: Vec<String>) -> Value {
    let m: BTreeMap<String, Value> = parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| (format!("_{i}"), Value::str(p)))
        .collect();
    Value::from(m)
}

fn split(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("split", a, 2)?;
    let sep = s(a, 0)?;
    Ok(parts_map(go_split_n(s(a, 1)?, sep, -1)))
}

fn splitn(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("splitn", a, 3)?;
    let sep = s(a, 0)?;
    let n = int(a, 1)?;
    Ok(parts_map(go_split_n(s(a, 2)?, sep, n)))
}

fn split_list(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("splitList", a, 2)?;
    let sep = s(a, 0)?;
    Ok(str_list(go_split_n(s(a, 1)?, sep, -1)))
}

fn to_strings(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("toStrings", a, 1)?;
    Ok(str_list(args::strslice(&a[0])))
}

fn join(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("join", a, 2)?;
    let sep = s(a, 0)?;
    str_ok(args::strslice(&a[1]).join(sep))
}

fn sort_alpha(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("sortAlpha", a, 1)?;
    match &a[0] {
        v @ (Value::List(_) | Value::StrList(_) | Value::Bytes(_)) => {
            let mut l = args::strslice(v);
            l.sort();
            Ok(str_list(l))
        }
        // a host slice (`.Capabilities.APIVersions`): Sprig's reflect check sees a slice
        Value::Object(o) if o.kind() == "slice" => {
            let mut l = args::strslice(&Value::from(args::slice_items(&a[0]).unwrap_or_default()));
            l.sort();
            Ok(str_list(l))
        }
        other => Ok(str_list(vec![strval(other)])),
    }
}
