//! go-yaml v2's YAML 1.1 scalar resolution (`resolve.go`): which plain scalars are
//! bools, nulls, ints, floats, timestamps or strings.

/// A resolved plain (or explicitly tagged) scalar.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    /// `<<`
    Merge,
    /// A timestamp: go-yaml keeps it as the original string for `interface{}` targets.
    Timestamp,
    Str,
}

/// go-yaml's `strings.Replace(in, "_", "", -1)` before it tries a number; no copy when
/// there is no `_`.
pub(crate) fn without_underscores(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('_') {
        s.replace('_', "").into()
    } else {
        s.into()
    }
}

/// Resolve a plain scalar as go-yaml v2's `resolve("", s)` does.
pub fn resolve_plain(s: &str) -> Resolved {
    let b = s.as_bytes();
    let hint = if b.is_empty() { b'N' } else { hint_of(b[0]) };
    if hint == 0 {
        return Resolved::Str;
    }
    if let Some(r) = resolve_map(s) {
        return r;
    }
    match hint {
        b'.' => {
            if let Some(f) = go_parse_float(s) {
                return Resolved::Float(f);
            }
        }
        b'D' | b'S' => {
            if parse_timestamp(s) {
                return Resolved::Timestamp;
            }
            if let Some(r) = resolve_number(&without_underscores(s)) {
                return r;
            }
        }
        _ => {}
    }
    Resolved::Str
}

/// Resolve the digits/sign branch without the timestamp check (used for `!!int`/`!!float`
/// tagged scalars too).
pub fn resolve_number(plain: &str) -> Option<Resolved> {
    if let Some(v) = go_parse_int(plain, 0)
        && v >= i64::MIN as i128
        && v <= i64::MAX as i128
    {
        return Some(Resolved::Int(v as i64));
    }
    if !plain.starts_with('+')
        && !plain.starts_with('-')
        && let Some(v) = go_parse_int(plain, 0)
        && v >= 0
        && v <= u64::MAX as i128
    {
        return Some(Resolved::Uint(v as u64));
    }
    if is_yaml_style_float(plain)
        && let Some(f) = go_parse_float(plain)
    {
        return Some(Resolved::Float(f));
    }
    if let Some(rest) = plain.strip_prefix("-0b")
        && let Some(v) = go_parse_int(rest, 2)
    {
        let v = -v;
        if v >= i64::MIN as i128 && v <= i64::MAX as i128 {
            return Some(Resolved::Int(v as i64));
        }
    }
    None
}

fn hint_of(c: u8) -> u8 {
    match c {
        b'+' | b'-' => b'S',
        b'0'..=b'9' => b'D',
        b'y' | b'Y' | b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'o' | b'O' | b'~' => b'M',
        b'.' => b'.',
        _ => 0,
    }
}

fn resolve_map(s: &str) -> Option<Resolved> {
    Some(match s {
        "y" | "Y" | "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            Resolved::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            Resolved::Bool(false)
        }
        "" | "~" | "null" | "Null" | "NULL" => Resolved::Null,
        ".nan" | ".NaN" | ".NAN" => Resolved::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Resolved::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Resolved::Float(f64::NEG_INFINITY),
        "<<" => Resolved::Merge,
        _ => return None,
    })
}

/// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
fn is_yaml_style_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let digits = |i: &mut usize| {
        let st = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - st
    };
    if i < b.len() && b[i] == b'.' {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            digits(&mut i);
        }
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// Go's `strconv.ParseInt(s, base, 64)` digits as an i128 (no range check beyond u64),
/// for base 0 (prefix detection) or an explicit base. Underscores are not accepted.
pub fn go_parse_int(s: &str, base: u32) -> Option<i128> {
    let b = s.as_bytes();
    if b.is_empty() {
        return None;
    }
    let (neg, mut rest) = match b[0] {
        b'+' => (false, &b[1..]),
        b'-' => (true, &b[1..]),
        _ => (false, b),
    };
    let mut base = base;
    if base == 0 {
        base = 10;
        if rest.first() == Some(&b'0') {
            if rest.len() >= 3 && (rest[1] | 0x20) == b'x' {
                base = 16;
                rest = &rest[2..];
            } else if rest.len() >= 3 && (rest[1] | 0x20) == b'o' {
                base = 8;
                rest = &rest[2..];
            } else if rest.len() >= 3 && (rest[1] | 0x20) == b'b' {
                base = 2;
                rest = &rest[2..];
            } else {
                base = 8;
                rest = &rest[1..];
                if rest.is_empty() {
                    return Some(0);
                }
            }
        }
    }
    if rest.is_empty() {
        return None;
    }
    let mut v: i128 = 0;
    for &c in rest {
        let d = (c as char).to_digit(base)? as i128;
        v = v * base as i128 + d;
        if v > u64::MAX as i128 + 1 {
            return None;
        }
    }
    Some(if neg { -v } else { v })
}

/// Go's `strconv.ParseFloat(s, 64)` for the decimal forms YAML can reach: out-of-range
/// values are errors (Go returns ±Inf with ErrRange), `inf`/`nan` words are not floats
/// here (go-yaml only reaches this for strings starting with a digit, sign or dot).
pub fn go_parse_float(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    // Only plain decimal syntax: sign, digits, dot, exponent, and `_` between digits.
    if !b
        .iter()
        .all(|c| c.is_ascii_digit() || matches!(c, b'+' | b'-' | b'.' | b'e' | b'E' | b'_'))
    {
        return None;
    }
    let f: f64 = if s.contains('_') {
        if !underscore_ok(s) {
            return None;
        }
        s.replace('_', "").parse().ok()?
    } else {
        s.parse().ok()?
    };
    if f.is_infinite() {
        return None;
    }
    Some(f)
}

/// Go's `strconv` rule for `_` in decimal numbers: only between digits.
fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let b = match b.first() {
        Some(b'+' | b'-') => &b[1..],
        _ => b,
    };
    let mut saw = b'^';
    for &c in b {
        if c.is_ascii_digit() {
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
    }
    saw != b'_'
}

/// go-yaml's `parseTimestamp`: `YYYY-` followed by one of the allowed `time.Parse` layouts.
pub fn parse_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    if i != 4 || i == b.len() || b[i] != b'-' {
        return false;
    }
    // Layouts: "2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00",
    // "2006-1-2 15:4:5.999999999", "2006-1-2".
    let Some((year, month, day, mut p)) = parse_date(b) else {
        return false;
    };
    if !valid_date(year, month, day) {
        return false;
    }
    if p == b.len() {
        return true;
    }
    let sep = b[p];
    if sep != b'T' && sep != b't' && sep != b' ' {
        return false;
    }
    p += 1;
    let Some(h) = num12(b, &mut p) else {
        return false;
    };
    if p >= b.len() || b[p] != b':' {
        return false;
    }
    p += 1;
    let Some(m) = num12(b, &mut p) else {
        return false;
    };
    if p >= b.len() || b[p] != b':' {
        return false;
    }
    p += 1;
    let Some(sec) = num12(b, &mut p) else {
        return false;
    };
    if h > 23 || m > 59 || sec > 59 {
        return false;
    }
    // Fractional seconds (optional).
    if p + 1 < b.len() && (b[p] == b'.' || b[p] == b',') && b[p + 1].is_ascii_digit() {
        p += 1;
        while p < b.len() && b[p].is_ascii_digit() {
            p += 1;
        }
    }
    if sep == b' ' {
        return p == b.len();
    }
    // Z07:00
    if p >= b.len() {
        return false;
    }
    if b[p] == b'Z' {
        return p + 1 == b.len();
    }
    if b[p] != b'+' && b[p] != b'-' {
        return false;
    }
    let rest = &b[p + 1..];
    rest.len() == 5
        && rest[0].is_ascii_digit()
        && rest[1].is_ascii_digit()
        && rest[2] == b':'
        && rest[3].is_ascii_digit()
        && rest[4].is_ascii_digit()
}

fn num12(b: &[u8], p: &mut usize) -> Option<u32> {
    if *p >= b.len() || !b[*p].is_ascii_digit() {
        return None;
    }
    let mut v = (b[*p] - b'0') as u32;
    *p += 1;
    if *p < b.len() && b[*p].is_ascii_digit() {
        v = v * 10 + (b[*p] - b'0') as u32;
        *p += 1;
    }
    Some(v)
}

fn parse_date(b: &[u8]) -> Option<(u32, u32, u32, usize)> {
    let year = std::str::from_utf8(&b[..4]).ok()?.parse().ok()?;
    let mut p = 5;
    let month = num12(b, &mut p)?;
    if p >= b.len() || b[p] != b'-' {
        return None;
    }
    p += 1;
    let day = num12(b, &mut p)?;
    Some((year, month, day, p))
}

fn valid_date(y: u32, m: u32, d: u32) -> bool {
    if !(1..=12).contains(&m) || d < 1 {
        return false;
    }
    let leap = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
    let dim = match m {
        2 => {
            if leap {
                29
            } else {
                28
            }
        }
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    d <= dim
}

/// go-yaml's `isBase60Float` (strings the encoder quotes for YAML 1.1 parsers).
pub fn is_base60_float(s: &str) -> bool {
    let b = s.as_bytes();
    if b.is_empty() {
        return false;
    }
    let c = b[0];
    if !(c == b'+' || c == b'-' || c.is_ascii_digit()) || !s.contains(':') {
        return false;
    }
    // ^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$
    let mut i = 0;
    if b[i] == b'+' || b[i] == b'-' {
        i += 1;
    }
    if i >= b.len() || !b[i].is_ascii_digit() {
        return false;
    }
    i += 1;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
        i += 1;
    }
    let mut groups = 0;
    while i < b.len() && b[i] == b':' {
        i += 1;
        // [0-5]?[0-9]
        let st = i;
        while i < b.len() && b[i].is_ascii_digit() && i - st < 2 {
            i += 1;
        }
        match i - st {
            1 => {}
            2 => {
                if b[st] > b'5' {
                    return false;
                }
            }
            _ => return false,
        }
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if i < b.len() && b[i] == b'.' {
        i += 1;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            i += 1;
        }
    }
    i == b.len()
}

/// Whether the go-yaml v2 encoder may write `s` as a plain scalar as far as resolution
/// goes (`resolve("", s)` gives `!!str` and it is not a base-60 float).
pub fn plain_resolves_to_str(s: &str) -> bool {
    matches!(resolve_plain(s), Resolved::Str) && !is_base60_float(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_table() {
        use Resolved::*;
        let cases: &[(&str, Resolved)] = &[
            ("yes", Bool(true)),
            ("Off", Bool(false)),
            ("y", Bool(true)),
            ("~", Null),
            ("", Null),
            ("0755", Int(493)),
            ("0x1F", Int(31)),
            ("0o17", Int(15)),
            ("0b101", Int(5)),
            ("-0b101", Int(-5)),
            ("1_000", Int(1000)),
            ("+1", Int(1)),
            ("0999", Float(999.0)),
            ("1e3", Float(1000.0)),
            (".5", Float(0.5)),
            ("1.", Float(1.0)),
            ("1e400", Str),
            ("18446744073709551615", Uint(u64::MAX)),
            ("99999999999999999999", Float(1e20)),
            ("2020-01-01", Timestamp),
            ("2020-1-1", Timestamp),
            ("2020-02-30", Str),
            ("2001-12-14t21:59:43.10-05:00", Timestamp),
            ("2001-12-14 21:59:43.10", Timestamp),
            ("1.2.3", Str),
            ("<<", Str),
            ("-", Str),
            ("0x", Str),
            ("0", Int(0)),
            (".91_2", Float(0.912)),
            ("._5", Str),
            (".5_", Str),
            ("-0", Int(0)),
        ];
        for (s, want) in cases {
            assert_eq!(&resolve_plain(s), want, "{s:?}");
        }
        assert!(is_base60_float("1:20"));
        assert!(is_base60_float("190:20:30.15"));
        assert!(!is_base60_float("1:70"));
        assert!(!is_base60_float("a:1"));
    }
}
