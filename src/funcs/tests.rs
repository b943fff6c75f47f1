//! Table tests: each case is a template expression, evaluated here by a tiny
//! evaluator (literals, parentheses, pipes, function calls) and compared with what the
//! reference Helm printed for `{{ EXPR }}` (`ERR:` + the message after `at <…>: `).

use super::helm_funcs;
use crate::gotmpl::{FuncError, FuncMap, Host, Value};

struct Dummy;

impl Host for Dummy {
    fn include(&mut self, name: &str, _: Value) -> Result<String, FuncError> {
        Err(FuncError::new(format!(
            "no template {name:?} in the test host"
        )))
    }
    fn tpl(&mut self, _: &str, _: Value) -> Result<String, FuncError> {
        Err(FuncError::new("no tpl in the test host"))
    }
}

#[derive(Debug, Clone)]
enum Tok {
    Open,
    Close,
    Pipe,
    Lit(Value),
    Ident(String),
}

fn unquote(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('x') => {
                let h: String = [it.next().unwrap(), it.next().unwrap()].iter().collect();
                out.push(char::from(u8::from_str_radix(&h, 16).unwrap()));
            }
            Some('u') => {
                let h: String = (0..4).map(|_| it.next().unwrap()).collect();
                out.push(char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap());
            }
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

fn lex(src: &str) -> Vec<Tok> {
    let c: Vec<char> = src.chars().collect();
    let mut i = 0;
    let mut out = Vec::new();
    while i < c.len() {
        match c[i] {
            ' ' => i += 1,
            '(' => {
                out.push(Tok::Open);
                i += 1
            }
            ')' => {
                out.push(Tok::Close);
                i += 1
            }
            '|' => {
                out.push(Tok::Pipe);
                i += 1
            }
            '"' => {
                let mut j = i + 1;
                while c[j] != '"' {
                    if c[j] == '\\' {
                        j += 1;
                    }
                    j += 1;
                }
                out.push(Tok::Lit(Value::str(unquote(
                    &c[i + 1..j].iter().collect::<String>(),
                ))));
                i = j + 1;
            }
            '`' => {
                let mut j = i + 1;
                while c[j] != '`' {
                    j += 1;
                }
                out.push(Tok::Lit(Value::str(c[i + 1..j].iter().collect::<String>())));
                i = j + 1;
            }
            _ => {
                let mut j = i;
                while j < c.len() && !matches!(c[j], ' ' | '(' | ')' | '|') {
                    j += 1;
                }
                let w: String = c[i..j].iter().collect();
                let first = w.chars().next().unwrap();
                let t = if first.is_ascii_digit() || (first == '-' && w.len() > 1) {
                    if w.contains('.') || w.contains('e') {
                        Tok::Lit(Value::Float(w.parse().unwrap()))
                    } else {
                        Tok::Lit(Value::Int(w.parse().unwrap()))
                    }
                } else if w == "true" || w == "false" {
                    Tok::Lit(Value::Bool(w == "true"))
                } else if w == "nil" || w.starts_with(".Values.") {
                    Tok::Lit(Value::Nil)
                } else {
                    Tok::Ident(w)
                };
                out.push(t);
                i = j;
            }
        }
    }
    out
}

struct Ev<'a> {
    toks: Vec<Tok>,
    pos: usize,
    funcs: &'a FuncMap,
}

fn call_err(name: &str, e: FuncError) -> String {
    if e.bare {
        e.msg
    } else {
        format!("error calling {name}: {}", e.msg)
    }
}

impl Ev<'_> {
    fn pipeline(&mut self) -> Result<Value, String> {
        let mut prev: Option<Value> = None;
        loop {
            prev = Some(self.command(prev)?);
            if matches!(self.toks.get(self.pos), Some(Tok::Pipe)) {
                self.pos += 1;
            } else {
                return Ok(prev.unwrap());
            }
        }
    }

    fn operand(&mut self) -> Result<Value, String> {
        match self.toks[self.pos].clone() {
            Tok::Lit(v) => {
                self.pos += 1;
                Ok(v)
            }
            Tok::Open => {
                self.pos += 1;
                let v = self.pipeline()?;
                assert!(matches!(self.toks[self.pos], Tok::Close));
                self.pos += 1;
                Ok(v)
            }
            Tok::Ident(name) => {
                self.pos += 1;
                self.call(&name, Vec::new())
            }
            t => panic!("unexpected {t:?}"),
        }
    }

    fn call(&mut self, name: &str, args: Vec<Value>) -> Result<Value, String> {
        // The two Go builtins the cases need.
        if name == "len" {
            return Ok(Value::Int(match &args[0] {
                Value::Str(s) => s.len(),
                Value::List(l) => l.len(),
                Value::StrList(l) => l.len(),
                Value::Map(m) => m.borrow().len(),
                other => panic!("len of {other:?}"),
            } as i64));
        }
        if name == "printf" {
            let rest: Vec<String> = args[1..].iter().map(|v| v.to_go_string()).collect();
            return Ok(Value::str(rest.concat()));
        }
        let f = self
            .funcs
            .get(name)
            .unwrap_or_else(|| panic!("no function {name}"));
        f(&mut Dummy, &args).map_err(|e| call_err(name, e))
    }

    fn command(&mut self, piped: Option<Value>) -> Result<Value, String> {
        if let Tok::Ident(name) = self.toks[self.pos].clone() {
            self.pos += 1;
            let mut args = Vec::new();
            while self.pos < self.toks.len()
                && !matches!(self.toks[self.pos], Tok::Pipe | Tok::Close)
            {
                let mut v = self.operand()?;
                while let Some(Tok::Ident(f)) = self.toks.get(self.pos).cloned() {
                    let Some(f) = f.strip_prefix('.') else { break };
                    self.pos += 1;
                    v = get_field(&v, f, &[])?;
                }
                args.push(v);
            }
            args.extend(piped);
            return self.call(&name, args);
        }
        assert!(piped.is_none());
        let v = self.operand()?;
        if let Some(Tok::Ident(field)) = self.toks.get(self.pos).cloned()
            && let Some(field) = field.strip_prefix('.')
        {
            {
                self.pos += 1;
                let mut args = Vec::new();
                while self.pos < self.toks.len()
                    && !matches!(self.toks[self.pos], Tok::Pipe | Tok::Close)
                {
                    args.push(self.operand()?);
                }
                return get_field(&v, field, &args);
            }
        }
        Ok(v)
    }
}

fn get_field(v: &Value, field: &str, args: &[Value]) -> Result<Value, String> {
    match v {
        Value::Map(m) => Ok(m.borrow().get(field).cloned().unwrap_or(Value::Nil)),
        Value::Object(o) => match o.get(field, args) {
            Some(r) => r.map_err(|e| call_err(field, e)),
            None => Err(format!("can't evaluate field {field}")),
        },
        other => panic!("field of {other:?}"),
    }
}

/// Evaluate EXPR and print it as `{{ EXPR }}` would, after Helm strips `<no value>`.
pub(crate) fn render(expr: &str) -> String {
    let funcs = helm_funcs();
    let mut ev = Ev {
        toks: lex(expr),
        pos: 0,
        funcs: &funcs,
    };
    match ev.pipeline() {
        Ok(Value::Nil) => String::new(),
        Ok(v) => v.to_go_string().replace("<no value>", ""),
        Err(e) => match (e.find("HELM_ERR_START"), e.find("HELM_ERR_END")) {
            (Some(a), Some(b)) => format!("ERR:HELM:{}", &e[a + 14..b]),
            _ => format!("ERR:{e}"),
        },
    }
}

#[path = "test_cases.rs"]
mod cases;

#[test]
fn helm_table() {
    let mut failures = Vec::new();
    for (expr, want) in cases::CASES {
        let got = render(expr);
        if got != *want {
            failures.push(format!("{expr}\n   want: {want:?}\n    got: {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases::CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn every_sprig_name_is_registered() {
    let f = helm_funcs();
    for name in [
        "include",
        "tpl",
        "required",
        "fail",
        "lookup",
        "toYaml",
        "toYamlPretty",
        "fromYaml",
        "fromYamlArray",
        "toJson",
        "fromJson",
        "fromJsonArray",
        "toToml",
        "fromToml",
        "abbrev",
        "trunc",
        "quote",
        "nindent",
        "semverCompare",
        "regexReplaceAll",
        "b64enc",
        "sha256sum",
        "mergeOverwrite",
        "dig",
        "uuidv4",
        "now",
        "date",
        "urlParse",
        "getHostByName",
        "typeOf",
        "deepEqual",
        "slice",
        "seq",
        "toDecimal",
    ] {
        assert!(f.contains_key(name), "{name} missing");
    }
    assert!(!f.contains_key("env"));
    assert!(!f.contains_key("expandenv"));
}

/// Every function, called with every combination of up to three awkward arguments,
/// returns a value or an error: never a panic.
#[test]
fn no_function_panics() {
    use std::collections::BTreeMap;
    use std::rc::Rc;
    let mut m = BTreeMap::new();
    m.insert("a".to_string(), Value::from(vec![Value::Int(1)]));
    let pool = vec![
        Value::Nil,
        Value::Bool(true),
        Value::Int(-3),
        Value::Int(i64::MAX),
        Value::Int64(0),
        Value::Float(f64::NAN),
        Value::Float(-1e300),
        Value::str(""),
        Value::str("é%[("),
        Value::str("1.2.3"),
        Value::Bytes(Rc::from(&b"\xff"[..])),
        Value::from(vec![Value::Nil, Value::str("x")]),
        Value::StrList(Rc::new(vec!["b".into(), "a".into()])),
        Value::from(m),
    ];
    let slow = [
        "genCA",
        "genCAWithKey",
        "genSelfSignedCert",
        "genSelfSignedCertWithKey",
        "genSignedCert",
        "genSignedCertWithKey",
        "genPrivateKey",
        "bcrypt",
        "htpasswd",
    ];
    let funcs = helm_funcs();
    let mut names: Vec<&&str> = funcs.keys().collect();
    names.sort();
    for name in names {
        if slow.contains(name) {
            continue;
        }
        let f = funcs[*name];
        // Fresh copies for each call: `set` may store a map inside itself otherwise.
        let d = |v: &Value| v.deep_copy();
        let _ = f(&mut Dummy, &[]);
        for a in &pool {
            let _ = f(&mut Dummy, &[d(a)]);
            for b in &pool {
                let _ = f(&mut Dummy, &[d(a), d(b)]);
                for c in &pool[..7] {
                    let _ = f(&mut Dummy, &[d(a), d(b), d(c)]);
                }
            }
        }
    }
}

#[path = "test_e2e_cases.rs"]
mod e2e_cases;

/// Helm's answer for a template run through our parser and executor.
fn run_template(text: &str, values: &Value) -> String {
    use crate::gotmpl::template::Templates;
    use std::collections::BTreeMap;
    let funcs = helm_funcs();
    let mut t = Templates::new();
    let mut data = BTreeMap::new();
    data.insert("Values".to_string(), values.clone());
    let res = t
        .parse("snippet", text, &funcs)
        .and_then(|_| t.execute("snippet", Value::from(data), &funcs));
    match res {
        Ok(out) => out.replace("<no value>", ""),
        Err(e) => {
            let msg = e.msg;
            if let (Some(a), Some(b)) = (msg.find("HELM_ERR_START"), msg.find("HELM_ERR_END")) {
                return format!("ERR:HELM:{}", &msg[a + 14..b]);
            }
            match msg.rfind(" at <") {
                Some(k) => match msg[k..].find(">: ") {
                    Some(j) => format!("ERR:{}", &msg[k + j + 3..]),
                    None => format!("ERR:{msg}"),
                },
                None => format!("ERR:{msg}"),
            }
        }
    }
}

#[test]
fn helm_templates_end_to_end() {
    let values = crate::yaml::from_yaml(e2e_cases::VALUES).expect("values");
    let mut failures = Vec::new();
    for (text, want) in e2e_cases::CASES {
        // Values are read afresh for every case: templates may mutate them.
        let got = run_template(text, &values.deep_copy());
        if got != *want {
            failures.push(format!("{text}\n   want: {want:?}\n    got: {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} templates differ:\n{}",
        failures.len(),
        e2e_cases::CASES.len(),
        failures.join("\n")
    );
}
