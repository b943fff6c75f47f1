//! Helm's `pkg/strvals`: the `--set` / `--set-string` syntax
//! (`a.b=c`, `a[0]=x`, `a={x,y}`, `\` escapes), and `MergeValues`' deep map merge.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::gotmpl::{Map, Value};

const MAX_INDEX: i64 = 65536;
const MAX_NESTED_NAME_LEVEL: usize = 30;

/// A `--set` parse error (Helm's wording).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct StrvalsError(pub String);

enum Stop {
    Eof,
    Err(StrvalsError),
}

impl From<StrvalsError> for Stop {
    fn from(e: StrvalsError) -> Self {
        Stop::Err(e)
    }
}

/// How values are read: typed (`--set`), strings (`--set-string`), file contents
/// (`--set-file`), or JSON (`--set-json`).
#[derive(Clone, Copy)]
pub enum Mode<'a> {
    Typed,
    Str,
    File(&'a dyn Fn(&str) -> Result<Value, String>),
    Json,
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    mode: Mode<'a>,
}

fn err(msg: impl Into<String>) -> Stop {
    Stop::Err(StrvalsError(msg.into()))
}

/// `strvals.ParseInto` (`string_only` false) or `ParseIntoString` (true) into `dest`.
pub fn parse_into(s: &str, dest: &Map, string_only: bool) -> Result<(), StrvalsError> {
    parse_with(s, dest, if string_only { Mode::Str } else { Mode::Typed })
}

/// The strvals parser in any [`Mode`] (`ParseInto`, `ParseIntoString`, `ParseIntoFile`, `ParseJSON`).
pub fn parse_with(s: &str, dest: &Map, mode: Mode) -> Result<(), StrvalsError> {
    let mut p = Parser {
        chars: s.chars().collect(),
        pos: 0,
        mode,
    };
    loop {
        match p.key(dest, 0) {
            Ok(()) => continue,
            Err(Stop::Eof) => return Ok(()),
            Err(Stop::Err(e)) => return Err(e),
        }
    }
}

/// Go's `strvals.typedVal`.
pub fn typed_val(s: &str, string_only: bool) -> Value {
    if string_only {
        return Value::str(s);
    }
    if s.eq_ignore_ascii_case("true") {
        return Value::Bool(true);
    }
    if s.eq_ignore_ascii_case("false") {
        return Value::Bool(false);
    }
    if s.eq_ignore_ascii_case("null") {
        return Value::Nil;
    }
    if s == "0" {
        return Value::Int64(0);
    }
    if !s.is_empty()
        && !s.starts_with('0')
        && let Some(i) = parse_go_int64(s)
    {
        return Value::Int64(i);
    }
    Value::str(s)
}

/// `strconv.ParseInt(s, 10, 64)`: optional sign, decimal digits only.
fn parse_go_int64(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok()
}

impl Parser<'_> {
    fn read(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn unread(&mut self) {
        if self.pos > 0 {
            self.pos -= 1;
        }
    }

    /// Read until one of `stop` (unescaped); returns (text, stop char or None at EOF).
    fn runes_until(&mut self, stop: &[char]) -> (String, Option<char>) {
        let mut v = String::new();
        loop {
            match self.read() {
                None => return (v, None),
                Some(c) if stop.contains(&c) => return (v, Some(c)),
                Some('\\') => match self.read() {
                    None => return (v, None),
                    Some(n) => v.push(n),
                },
                Some(c) => v.push(c),
            }
        }
    }

    fn val(&mut self, s: &str) -> Result<Value, StrvalsError> {
        match self.mode {
            Mode::Typed => Ok(typed_val(s, false)),
            Mode::Str | Mode::Json => Ok(typed_val(s, true)),
            Mode::File(read) => read(s).map_err(StrvalsError),
        }
    }

    /// `emptyVal`: skip white space; true at a `,` (consumed) or the end.
    fn empty_val(&mut self) -> bool {
        loop {
            match self.read() {
                None | Some(',') => return true,
                Some(c) if c.is_whitespace() => {}
                Some(_) => {
                    self.unread();
                    return false;
                }
            }
        }
    }

    /// Decode one JSON value at the current position (Go's json.Decoder.Decode).
    fn json_value(&mut self) -> Result<Value, StrvalsError> {
        let start = self.pos;
        let end = json_span(&self.chars, start)
            .ok_or_else(|| StrvalsError("invalid JSON value".into()))?;
        let text: String = self.chars[start..end].iter().collect();
        let v = crate::yaml::from_json(&text).map_err(|e| StrvalsError(e.to_string()))?;
        self.pos = end;
        Ok(v)
    }

    /// The `=` of a key in JSON mode: null for an empty value, else one JSON value.
    fn json_assign(&mut self) -> Result<Value, StrvalsError> {
        if self.empty_val() {
            return Ok(Value::Nil);
        }
        let v = self.json_value()?;
        self.empty_val();
        Ok(v)
    }

    fn key(&mut self, data: &Map, nested: usize) -> Result<(), Stop> {
        let (k, last) = self.runes_until(&['=', '[', ',', '.']);
        match last {
            None => {
                if k.is_empty() {
                    return Err(Stop::Eof);
                }
                Err(err(format!("key {k:?} has no value")))
            }
            Some('[') => {
                let i = self.key_index()?;
                let existing = data.borrow().get(&k).cloned();
                let list: Vec<Value> = match existing {
                    None => Vec::new(),
                    Some(Value::List(l)) => l.as_ref().clone(),
                    Some(other) => {
                        return Err(err(format!(
                            "unable to parse key: interface conversion: interface {{}} is {}, not []interface {{}}",
                            other.type_name()
                        )));
                    }
                };
                let (list, res) = self.list_item(list, i, nested);
                set(data, &k, Value::List(Rc::new(list)));
                res
            }
            Some('=') if matches!(self.mode, Mode::Json) => {
                let v = self.json_assign()?;
                set(data, &k, v);
                Ok(())
            }
            Some('=') => match self.val_list() {
                Ok(vl) => {
                    set(data, &k, Value::List(Rc::new(vl)));
                    Ok(())
                }
                Err(ListErr::Eof) => {
                    set(data, &k, Value::str(""));
                    Err(Stop::Eof)
                }
                Err(ListErr::NotList) => {
                    let (rs, _) = self.runes_until(&[',']);
                    match self.val(&rs) {
                        Ok(v) => {
                            set(data, &k, v);
                            Ok(())
                        }
                        Err(e) => {
                            set(data, &k, Value::Nil);
                            Err(Stop::Err(e))
                        }
                    }
                }
                Err(ListErr::Err(e)) => Err(Stop::Err(e)),
            },
            Some(',') => {
                set(data, &k, Value::str(""));
                Err(err(format!("key {k:?} has no value (cannot end with ,)")))
            }
            Some(_) => {
                // '.'
                let nested = nested + 1;
                if nested > MAX_NESTED_NAME_LEVEL {
                    return Err(err(format!(
                        "value name nested level is greater than maximum supported nested level of {MAX_NESTED_NAME_LEVEL}"
                    )));
                }
                let existing = data.borrow().get(&k).cloned();
                let inner: Map = match existing {
                    None => crate::helm::coalesce::new_map(),
                    Some(Value::Map(m)) => m,
                    Some(other) => {
                        return Err(err(format!(
                            "unable to parse key: interface conversion: interface {{}} is {}, not map[string]interface {{}}",
                            other.type_name()
                        )));
                    }
                };
                let e = self.key(&inner, nested);
                let empty = inner.borrow().is_empty();
                if e.is_ok() && empty {
                    return Err(err(format!("key map {k:?} has no value")));
                }
                if !empty {
                    set(data, &k, Value::Map(inner));
                }
                e
            }
        }
    }

    fn key_index(&mut self) -> Result<i64, Stop> {
        let (v, last) = self.runes_until(&[']']);
        if last.is_none() {
            return Err(err("error parsing index: EOF"));
        }
        v.parse::<i64>().map_err(|_| {
            err(format!(
                "error parsing index: strconv.Atoi: parsing {v:?}: invalid syntax"
            ))
        })
    }

    fn list_item(
        &mut self,
        list: Vec<Value>,
        i: i64,
        nested: usize,
    ) -> (Vec<Value>, Result<(), Stop>) {
        if i < 0 {
            return (list, Err(err(format!("negative {i} index not allowed"))));
        }
        let (k, last) = self.runes_until(&['[', '.', '=']);
        if !k.is_empty() {
            return (
                list,
                Err(err(format!("unexpected data at end of array index: {k:?}"))),
            );
        }
        match last {
            None => (list, Err(Stop::Eof)),
            Some('=') if matches!(self.mode, Mode::Json) => match self.json_assign() {
                Ok(v) => set_index(list, i, v),
                Err(e) => (list, Err(Stop::Err(e))),
            },
            Some('=') => match self.val_list() {
                Ok(vl) => set_index(list, i, Value::List(Rc::new(vl))),
                Err(ListErr::Eof) => set_index(list, i, Value::str("")),
                Err(ListErr::NotList) => {
                    let (rs, _) = self.runes_until(&[',']);
                    match self.val(&rs) {
                        Ok(v) => set_index(list, i, v),
                        Err(e) => (list, Err(Stop::Err(e))),
                    }
                }
                Err(ListErr::Err(e)) => (list, Err(Stop::Err(e))),
            },
            Some('[') => {
                let next_i = match self.key_index() {
                    Ok(n) => n,
                    Err(e) => return (list, Err(e)),
                };
                let crt: Vec<Value> = match list.get(i as usize) {
                    Some(Value::List(l)) => l.as_ref().clone(),
                    _ => Vec::new(),
                };
                let (list2, res) = self.list_item(crt, next_i, nested);
                if res.is_err() {
                    return (list, res);
                }
                set_index(list, i, Value::List(Rc::new(list2)))
            }
            Some(_) => {
                // '.'
                let inner: Map = match list.get(i as usize) {
                    Some(Value::Map(m)) => m.clone(),
                    _ => crate::helm::coalesce::new_map(),
                };
                if let Err(e) = self.key(&inner, nested) {
                    return (list, Err(e));
                }
                set_index(list, i, Value::Map(inner))
            }
        }
    }

    fn val_list(&mut self) -> Result<Vec<Value>, ListErr> {
        match self.read() {
            None => return Err(ListErr::Eof),
            Some('{') => {}
            Some(_) => {
                self.unread();
                return Err(ListErr::NotList);
            }
        }
        let mut list = Vec::new();
        loop {
            let (rs, last) = self.runes_until(&[',', '}']);
            match last {
                None => {
                    return Err(ListErr::Err(StrvalsError(
                        "list must terminate with '}'".into(),
                    )));
                }
                Some('}') => {
                    if let Some(c) = self.read()
                        && c != ','
                    {
                        self.unread();
                    }
                    let v = self.val(&rs).map_err(ListErr::Err)?;
                    list.push(v);
                    return Ok(list);
                }
                Some(_) => {
                    let v = self.val(&rs).map_err(ListErr::Err)?;
                    list.push(v);
                }
            }
        }
    }
}

enum ListErr {
    Eof,
    NotList,
    Err(StrvalsError),
}

/// The end (exclusive) of the JSON value starting at `start` (after white space).
fn json_span(c: &[char], start: usize) -> Option<usize> {
    let mut i = start;
    while i < c.len() && c[i].is_whitespace() {
        i += 1;
    }
    match c.get(i)? {
        '"' => {
            i += 1;
            while i < c.len() {
                match c[i] {
                    '\\' => i += 2,
                    '"' => return Some(i + 1),
                    _ => i += 1,
                }
            }
            None
        }
        '{' | '[' => {
            let mut depth = 0usize;
            while i < c.len() {
                match c[i] {
                    '{' | '[' => depth += 1,
                    '}' | ']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    '"' => {
                        i = json_span(c, i)? - 1;
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            while i < c.len() && !matches!(c[i], ',' | ']' | '}') && !c[i].is_whitespace() {
                i += 1;
            }
            Some(i)
        }
    }
}

/// `strvals.ParseLiteralInto` (`--set-literal`): the value is everything after `=`.
pub fn parse_literal_into(s: &str, dest: &Map) -> Result<(), StrvalsError> {
    let chars: Vec<char> = s.chars().collect();
    let mut pos = 0;
    loop {
        if pos >= chars.len() {
            return Ok(());
        }
        literal_key(&chars, &mut pos, dest, 0)?;
    }
}

fn until(c: &[char], pos: &mut usize, stop: &[char]) -> (String, Option<char>) {
    let mut v = String::new();
    while *pos < c.len() {
        let ch = c[*pos];
        *pos += 1;
        if stop.contains(&ch) {
            return (v, Some(ch));
        }
        v.push(ch);
    }
    (v, None)
}

fn literal_key(c: &[char], pos: &mut usize, data: &Map, nested: usize) -> Result<(), StrvalsError> {
    let (key, last) = until(c, pos, &['=', '[', '.']);
    match last {
        None => {
            if key.is_empty() {
                Ok(())
            } else {
                Err(StrvalsError(format!("key {key:?} has no value")))
            }
        }
        Some('=') => {
            let (v, _) = until(c, pos, &[]);
            set(data, &key, Value::str(v));
            Ok(())
        }
        Some('.') => {
            let nested = nested + 1;
            if nested > MAX_NESTED_NAME_LEVEL {
                return Err(StrvalsError(format!(
                    "value name nested level is greater than maximum supported nested level of {MAX_NESTED_NAME_LEVEL}"
                )));
            }
            let inner = match data.borrow().get(&key) {
                Some(Value::Map(m)) => m.clone(),
                None => crate::helm::coalesce::new_map(),
                Some(other) => {
                    return Err(StrvalsError(format!(
                        "unable to parse key: interface conversion: interface {{}} is {}, not map[string]interface {{}}",
                        other.type_name()
                    )));
                }
            };
            let r = literal_key(c, pos, &inner, nested);
            let empty = inner.borrow().is_empty();
            if r.is_ok() && empty {
                return Err(StrvalsError(format!("key map {key:?} has no value")));
            }
            if !empty {
                set(data, &key, Value::Map(inner));
            }
            r
        }
        Some(_) => {
            // '[': literal lists are rare; reuse the typed parser's rules for the index part.
            let (idx, _) = until(c, pos, &[']']);
            let i: i64 = idx.parse().map_err(|_| {
                StrvalsError(format!(
                    "error parsing index: strconv.Atoi: parsing {idx:?}: invalid syntax"
                ))
            })?;
            let (rest, l2) = until(c, pos, &['=']);
            if !rest.is_empty() || l2.is_none() {
                return Err(StrvalsError(format!(
                    "unexpected data at end of array index: {rest:?}"
                )));
            }
            let (v, _) = until(c, pos, &[]);
            let list = match data.borrow().get(&key) {
                Some(Value::List(l)) => l.as_ref().clone(),
                _ => Vec::new(),
            };
            let (list, r) = set_index(list, i, Value::str(v));
            set(data, &key, Value::List(Rc::new(list)));
            r.map_err(|e| match e {
                Stop::Err(e) => e,
                Stop::Eof => StrvalsError("EOF".into()),
            })
        }
    }
}

fn set(data: &Map, key: &str, v: Value) {
    if key.is_empty() {
        return;
    }
    data.borrow_mut().insert(key.to_string(), v);
}

fn set_index(mut list: Vec<Value>, i: i64, v: Value) -> (Vec<Value>, Result<(), Stop>) {
    if i < 0 {
        return (list, Err(err(format!("negative {i} index not allowed"))));
    }
    if i > MAX_INDEX {
        return (
            list,
            Err(err(format!(
                "index of {i} is greater than maximum supported index of {MAX_INDEX}"
            ))),
        );
    }
    let i = i as usize;
    if list.len() <= i {
        list.resize(i + 1, Value::Nil);
    }
    list[i] = v;
    (list, Ok(()))
}

/// `values.Options.mergeMaps`: a deep merge of maps where `b` wins; non-maps replace.
pub fn merge_maps(a: &Map, b: &Map) -> Map {
    let mut out: BTreeMap<String, Value> = a.borrow().clone();
    for (k, v) in b.borrow().iter() {
        if let Value::Map(vm) = v
            && let Some(Value::Map(bv)) = out.get(k)
        {
            let merged = merge_maps(bv, vm);
            out.insert(k.clone(), Value::Map(merged));
            continue;
        }
        out.insert(k.clone(), v.clone());
    }
    crate::gotmpl::value::new_map_rc(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(v: &Value) -> String {
        // %#v-like, with types, to check int64 vs string.
        match v {
            Value::Map(m) => {
                let parts: Vec<String> = m
                    .borrow()
                    .iter()
                    .map(|(k, v)| format!("{k}:{}", show(v)))
                    .collect();
                format!("{{{}}}", parts.join(","))
            }
            Value::List(l) => format!("[{}]", l.iter().map(show).collect::<Vec<_>>().join(",")),
            Value::Str(s) => format!("{s:?}"),
            Value::Int64(i) => format!("{i}i64"),
            Value::Bool(b) => b.to_string(),
            Value::Nil => "nil".into(),
            other => other.to_go_string(),
        }
    }

    fn parse(s: &str, st: bool) -> Result<String, String> {
        let m: Map = crate::helm::coalesce::new_map();
        parse_into(s, &m, st).map_err(|e| e.0)?;
        Ok(show(&Value::Map(m)))
    }

    #[test]
    fn strvals_table() {
        // Expected values follow Helm's strvals parser_test.go cases.
        let cases: &[(&str, bool, Result<&str, &str>)] = &[
            ("name=value", false, Ok(r#"{name:"value"}"#)),
            (
                "long_int_string=1234567890",
                false,
                Ok("{long_int_string:1234567890i64}"),
            ),
            ("boolean=true", false, Ok("{boolean:true}")),
            ("is_null=null", false, Ok("{is_null:nil}")),
            ("zero=0", false, Ok("{zero:0i64}")),
            (
                "leading_zeros=00009",
                false,
                Ok(r#"{leading_zeros:"00009"}"#),
            ),
            (
                "name=value,foo=bar",
                false,
                Ok(r#"{foo:"bar",name:"value"}"#),
            ),
            ("name=value,", false, Ok(r#"{name:"value"}"#)),
            ("name=", false, Ok(r#"{name:""}"#)),
            ("name", false, Err(r#"key "name" has no value"#)),
            (
                "name,",
                false,
                Err(r#"key "name" has no value (cannot end with ,)"#),
            ),
            ("a.b=c", false, Ok(r#"{a:{b:"c"}}"#)),
            ("a.b=1,a.c=2", false, Ok("{a:{b:1i64,c:2i64}}")),
            ("a=1.5", false, Ok(r#"{a:"1.5"}"#)),
            ("list={a,b,c}", false, Ok(r#"{list:["a","b","c"]}"#)),
            ("list={1,2}", false, Ok("{list:[1i64,2i64]}")),
            ("list={1,2}", true, Ok(r#"{list:["1","2"]}"#)),
            ("a[0]=x,a[2]=z", false, Ok(r#"{a:["x",nil,"z"]}"#)),
            ("a[0].b=1", false, Ok("{a:[{b:1i64}]}")),
            ("a[0][1]=v", false, Ok(r#"{a:[[nil,"v"]]}"#)),
            ("name=one\\,two", false, Ok(r#"{name:"one,two"}"#)),
            ("a\\.b=c", false, Ok(r#"{a.b:"c"}"#)),
            ("x=true", true, Ok(r#"{x:"true"}"#)),
            ("x=-5", false, Ok("{x:-5i64}")),
            ("list={a,b", false, Err("list must terminate with '}'")),
            ("a[-1]=x", false, Err("negative -1 index not allowed")),
            (
                "a[x]=1",
                false,
                Err("error parsing index: strconv.Atoi: parsing \"x\": invalid syntax"),
            ),
        ];
        for (input, st, want) in cases {
            let got = parse(input, *st);
            let want = want.map(str::to_string).map_err(str::to_string);
            assert_eq!(got, want, "{input}");
        }
    }

    #[test]
    fn set_json_and_literal() {
        // Expected from helm-snippet --set-json / --set-literal '{{ toJson .Values }}'.
        let m: Map = crate::helm::coalesce::new_map();
        parse_with(r#"a={"x":[1,"y",null]},b=2"#, &m, Mode::Json).unwrap();
        parse_with("c[1]=true", &m, Mode::Json).unwrap();
        assert_eq!(
            crate::yaml::to_json(&Value::Map(m)).unwrap(),
            r#"{"a":{"x":[1,"y",null]},"b":2,"c":[null,true]}"#
        );
        let m: Map = crate::helm::coalesce::new_map();
        parse_with("a=", &m, Mode::Json).unwrap();
        assert_eq!(
            crate::yaml::to_json(&Value::Map(m)).unwrap(),
            r#"{"a":null}"#
        );
        let m: Map = crate::helm::coalesce::new_map();
        assert!(parse_with("a=nope", &m, Mode::Json).is_err());
        let m: Map = crate::helm::coalesce::new_map();
        parse_literal_into("a.b=x,y=z{1}", &m).unwrap();
        assert_eq!(
            crate::yaml::to_json(&Value::Map(m)).unwrap(),
            r#"{"a":{"b":"x,y=z{1}"}}"#
        );
        let m: Map = crate::helm::coalesce::new_map();
        let read = |p: &str| -> Result<Value, String> { Ok(Value::str(format!("({p})"))) };
        parse_with("f=one,g={a,b}", &m, Mode::File(&read)).unwrap();
        assert_eq!(
            crate::yaml::to_json(&Value::Map(m)).unwrap(),
            r#"{"f":"(one)","g":["(a)","(b)"]}"#
        );
    }

    #[test]
    fn merge_maps_deep() {
        let m = |s: &str| -> Map {
            let m: Map = crate::helm::coalesce::new_map();
            parse_into(s, &m, false).unwrap();
            m
        };
        let out = merge_maps(&m("a.b=1,a.c=2,l={1}"), &m("a.c=3,a.d=4,l={2,3}"));
        assert_eq!(
            show(&Value::Map(out)),
            "{a:{b:1i64,c:3i64,d:4i64},l:[2i64,3i64]}"
        );
    }
}

#[cfg(test)]
mod no_panic {
    use super::*;

    /// Generated `--set` strings from the syntax's special characters must never panic.
    #[test]
    fn generated_inputs_never_panic() {
        let alphabet = [
            "a", "b", "=", ".", ",", "[", "]", "0", "1", "-1", "{", "}", "\\", "\"", " ", "null",
            "65537",
        ];
        let mut seed: u64 = 7;
        let read = |p: &str| -> Result<Value, String> { Ok(Value::str(p)) };
        for _ in 0..20000 {
            let mut s = String::new();
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 60) + 1 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(alphabet[(seed >> 33) as usize % alphabet.len()]);
            }
            for mode in [Mode::Typed, Mode::Str, Mode::Json, Mode::File(&read)] {
                let m: Map = crate::helm::coalesce::new_map();
                let _ = parse_with(&s, &m, mode);
                let _ = parse_with(&s, &m, mode); // again, onto existing values
            }
            let m: Map = crate::helm::coalesce::new_map();
            let _ = parse_literal_into(&s, &m);
        }
    }
}
