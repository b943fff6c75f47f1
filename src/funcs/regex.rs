//! Sprig's regex functions (`regex.go`) over Go RE2 syntax: `\d \w \s \b` are ASCII-only
//! as in Go, `[` inside a class is literal, and `regexQuoteMeta` is Go's `QuoteMeta`.

use super::args::{R, go_quote, int, nargs, s, str_list};
use crate::gotmpl::{FuncError, FuncMap, Host, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

pub(super) fn register(m: &mut FuncMap) {
    m.insert("regexMatch", regex_match);
    m.insert("mustRegexMatch", must_regex_match);
    m.insert("regexFindAll", regex_find_all);
    m.insert("mustRegexFindAll", must_regex_find_all);
    m.insert("regexFind", regex_find);
    m.insert("mustRegexFind", must_regex_find);
    m.insert("regexReplaceAll", regex_replace_all);
    m.insert("mustRegexReplaceAll", must_regex_replace_all);
    m.insert("regexReplaceAllLiteral", regex_replace_all_literal);
    m.insert("mustRegexReplaceAllLiteral", must_regex_replace_all_literal);
    m.insert("regexSplit", regex_split);
    m.insert("mustRegexSplit", must_regex_split);
    m.insert("regexQuoteMeta", regex_quote_meta);
}

/// Rewrite Go RE2 syntax into the `regex` crate's dialect.
pub fn translate(expr: &str) -> String {
    let mut out = String::with_capacity(expr.len() + 8);
    let chars: Vec<char> = expr.chars().collect();
    let mut i = 0;
    let mut in_class = false;
    let mut class_start = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && !in_class && chars.get(i + 1) == Some(&'Q') {
            // `\Q…\E`: a literal run, escaped for the regex crate.
            let rest: String = chars[i + 2..].iter().collect();
            let (lit, used) = match rest.find("\\E") {
                Some(p) => (&rest[..p], rest[..p].chars().count() + 2),
                None => (rest.as_str(), rest.chars().count()),
            };
            out.push_str(&regex::escape(lit));
            i += 2 + used;
            continue;
        }
        if c == '\\' && i + 1 < chars.len() {
            let n = chars[i + 1];
            let rep = match (n, in_class) {
                ('d', false) => Some("[0-9]"),
                ('d', true) => Some("0-9"),
                ('D', _) => Some("[^0-9]"),
                ('w', false) => Some("[0-9A-Za-z_]"),
                ('w', true) => Some("0-9A-Za-z_"),
                ('W', _) => Some("[^0-9A-Za-z_]"),
                ('s', false) => Some("[\\t\\n\\f\\r ]"),
                ('s', true) => Some("\\t\\n\\f\\r "),
                ('S', _) => Some("[^\\t\\n\\f\\r ]"),
                ('b', false) => Some("(?-u:\\b)"),
                ('B', false) => Some("(?-u:\\B)"),
                _ => None,
            };
            match rep {
                Some(r) => out.push_str(r),
                None => {
                    out.push('\\');
                    out.push(n);
                    // `\p{Greek}`, `\x{263a}`: copy the braced argument through.
                    if matches!(n, 'p' | 'P' | 'x')
                        && chars.get(i + 2) == Some(&'{')
                        && let Some(end) = chars[i + 2..].iter().position(|c| *c == '}')
                    {
                        out.extend(&chars[i + 2..=i + 2 + end]);
                        i += end + 1;
                    }
                }
            }
            i += 2;
            class_start = false;
            continue;
        }
        if in_class {
            if c == ']' && !class_start {
                in_class = false;
                out.push(']');
            } else if c == '[' {
                if chars.get(i + 1) == Some(&':') {
                    // A POSIX class `[:alpha:]`: copy through its closing `:]`.
                    let rest: String = chars[i..].iter().collect();
                    if let Some(end) = rest.find(":]") {
                        out.push_str(&rest[..end + 2]);
                        i += rest[..end + 2].chars().count();
                        class_start = false;
                        continue;
                    }
                }
                out.push_str("\\[");
            } else if c == '&' || c == '~' {
                out.push('\\');
                out.push(c);
            } else if c == '^' && class_start && out.ends_with('[') {
                out.push('^');
                i += 1;
                continue;
            } else if c == ']' {
                out.push_str("\\]");
            } else {
                out.push(c);
            }
            class_start = false;
            i += 1;
            continue;
        }
        if c == '{' {
            // Go takes `{` literally unless it starts a repetition `{n}`, `{n,}`, `{n,m}`.
            let mut j = i + 1;
            let digits = |j: &mut usize| {
                let s = *j;
                while *j < chars.len() && chars[*j].is_ascii_digit() {
                    *j += 1;
                }
                *j > s
            };
            let mut ok = digits(&mut j);
            if ok && j < chars.len() && chars[j] == ',' {
                j += 1;
                digits(&mut j);
            }
            ok = ok && j < chars.len() && chars[j] == '}';
            if ok {
                out.extend(&chars[i..=j]);
                i = j + 1;
            } else {
                out.push_str("\\{");
                i += 1;
            }
            continue;
        }
        if c == '}' {
            out.push_str("\\}");
            i += 1;
            continue;
        }
        if c == '[' {
            in_class = true;
            class_start = true;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Go's `regexp.Compile` error text (best effort: the usual mistakes get Go's wording).
fn compile_error(expr: &str) -> String {
    let mut depth = 0i32;
    let mut in_class = false;
    let b: Vec<char> = expr.chars().collect();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            '\\' => i += 1,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => {
                depth -= 1;
                if depth < 0 {
                    return format!("error parsing regexp: unexpected ): `{expr}`");
                }
            }
            _ => {}
        }
        i += 1;
    }
    if in_class {
        let start = expr.rfind('[').unwrap_or(0);
        return format!(
            "error parsing regexp: missing closing ]: `{}`",
            &expr[start..]
        );
    }
    if depth > 0 {
        return format!("error parsing regexp: missing closing ): `{expr}`");
    }
    if expr.ends_with('\\') {
        return "error parsing regexp: trailing backslash at end of expression: ``".into();
    }
    for op in ["**", "++", "??", "*+", "+*"] {
        if expr.contains(op) {
            return format!("error parsing regexp: invalid nested repetition operator: `{op}`");
        }
    }
    if let Some(c) = expr.chars().next().filter(|c| matches!(c, '*' | '+' | '?')) {
        return format!("error parsing regexp: missing argument to repetition operator: `{c}`");
    }
    format!("error parsing regexp: invalid or unsupported Perl syntax: `{expr}`")
}

thread_local! {
    static CACHE: RefCell<HashMap<String, Rc<regex::Regex>>> = RefCell::new(HashMap::new());
}

/// Compile Go syntax; the error is Go's `regexp.Compile` error text.
pub fn compile(expr: &str) -> Result<Rc<regex::Regex>, String> {
    if let Some(r) = CACHE.with(|c| c.borrow().get(expr).cloned()) {
        return Ok(r);
    }
    match regex::Regex::new(&translate(expr)) {
        Ok(r) => {
            let r = Rc::new(r);
            CACHE.with(|c| c.borrow_mut().insert(expr.to_string(), r.clone()));
            Ok(r)
        }
        Err(_) => Err(compile_error(expr)),
    }
}

/// `regexp.MustCompile`: the panic message Go's template engine reports.
fn must_compile(expr: &str) -> Result<Rc<regex::Regex>, FuncError> {
    compile(expr)
        .map_err(|e| FuncError::new(format!("regexp: Compile({}): {e}", regexp_quote(expr))))
}

/// `regexp`'s `quote`: backquoted when `strconv.CanBackquote`, else `strconv.Quote`.
fn regexp_quote(s: &str) -> String {
    let can = s
        .chars()
        .all(|c| c != '`' && c != '\u{FEFF}' && (c == '\t' || !(c < ' ' || c == '\x7f')));
    if can { format!("`{s}`") } else { go_quote(s) }
}

/// `regexp.Compile` returning its error.
fn try_compile(expr: &str) -> Result<Rc<regex::Regex>, FuncError> {
    compile(expr).map_err(FuncError::new)
}

fn regex_match(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("regexMatch", a, 2)?;
    let (re, st) = (s(a, 0)?, s(a, 1)?);
    Ok(Value::Bool(
        compile(re).map(|r| r.is_match(st)).unwrap_or(false),
    ))
}

fn must_regex_match(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustRegexMatch", a, 2)?;
    let (re, st) = (s(a, 0)?, s(a, 1)?);
    Ok(Value::Bool(try_compile(re)?.is_match(st)))
}

fn find_all(r: &regex::Regex, st: &str, n: i64) -> Value {
    let it = r.find_iter(st).map(|m| m.as_str().to_string());
    let v: Vec<String> = if n < 0 {
        it.collect()
    } else {
        it.take(n as usize).collect()
    };
    str_list(v)
}

fn regex_find_all(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("regexFindAll", a, 3)?;
    let (re, st, n) = (s(a, 0)?, s(a, 1)?, int(a, 2)?);
    Ok(find_all(&*must_compile(re)?, st, n))
}

fn must_regex_find_all(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustRegexFindAll", a, 3)?;
    let (re, st, n) = (s(a, 0)?, s(a, 1)?, int(a, 2)?);
    Ok(find_all(&*try_compile(re)?, st, n))
}

fn find(r: &regex::Regex, st: &str) -> Value {
    Value::str(r.find(st).map(|m| m.as_str()).unwrap_or(""))
}

fn regex_find(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("regexFind", a, 2)?;
    let (re, st) = (s(a, 0)?, s(a, 1)?);
    Ok(find(&*must_compile(re)?, st))
}

fn must_regex_find(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustRegexFind", a, 2)?;
    let (re, st) = (s(a, 0)?, s(a, 1)?);
    Ok(find(&*try_compile(re)?, st))
}

fn regex_replace_all(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("regexReplaceAll", a, 3)?;
    let (re, st, repl) = (s(a, 0)?, s(a, 1)?, s(a, 2)?);
    Ok(Value::str(must_compile(re)?.replace_all(st, repl)))
}

fn must_regex_replace_all(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustRegexReplaceAll", a, 3)?;
    let (re, st, repl) = (s(a, 0)?, s(a, 1)?, s(a, 2)?);
    Ok(Value::str(try_compile(re)?.replace_all(st, repl)))
}

fn regex_replace_all_literal(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("regexReplaceAllLiteral", a, 3)?;
    let (re, st, repl) = (s(a, 0)?, s(a, 1)?, s(a, 2)?);
    Ok(Value::str(
        must_compile(re)?.replace_all(st, regex::NoExpand(repl)),
    ))
}

fn must_regex_replace_all_literal(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustRegexReplaceAllLiteral", a, 3)?;
    let (re, st, repl) = (s(a, 0)?, s(a, 1)?, s(a, 2)?);
    Ok(Value::str(
        try_compile(re)?.replace_all(st, regex::NoExpand(repl)),
    ))
}

/// Go's `Regexp.Split`.
pub fn go_split(r: &regex::Regex, st: &str, n: i64) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    if !r.as_str().is_empty() && st.is_empty() {
        return vec![String::new()];
    }
    let matches: Vec<(usize, usize)> = {
        let it = r.find_iter(st).map(|m| (m.start(), m.end()));
        if n < 0 {
            it.collect()
        } else {
            it.take(n as usize).collect()
        }
    };
    let mut out = Vec::new();
    let (mut beg, mut end) = (0usize, 0usize);
    for (ms, me) in matches {
        if n > 0 && out.len() as i64 == n - 1 {
            break;
        }
        end = ms;
        if me != 0 {
            out.push(st[beg..end].to_string());
        }
        beg = me;
    }
    if end != st.len() {
        out.push(st[beg..].to_string());
    }
    out
}

fn regex_split(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("regexSplit", a, 3)?;
    let (re, st, n) = (s(a, 0)?, s(a, 1)?, int(a, 2)?);
    Ok(str_list(go_split(&*must_compile(re)?, st, n)))
}

fn must_regex_split(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("mustRegexSplit", a, 3)?;
    let (re, st, n) = (s(a, 0)?, s(a, 1)?, int(a, 2)?);
    Ok(str_list(go_split(&*try_compile(re)?, st, n)))
}

/// Go's `regexp.QuoteMeta`.
pub fn quote_meta(st: &str) -> String {
    let mut out = String::with_capacity(st.len() * 2);
    for c in st.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn regex_quote_meta(_: &mut dyn Host, a: &[Value]) -> R {
    nargs("regexQuoteMeta", a, 1)?;
    Ok(Value::str(quote_meta(s(a, 0)?)))
}
