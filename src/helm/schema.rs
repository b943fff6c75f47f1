//! `values.schema.json` validation as Helm 3.17 does it with xeipuuv/gojsonschema:
//! the keywords charts use, gojsonschema's English messages, `- field: message` lines.

use std::collections::BTreeMap;

use crate::chart::Chart;
use crate::gotmpl::value::format_float_g;
use crate::gotmpl::{Map, Value};

struct Ctx<'a> {
    root: &'a Value,
    /// Nesting of `$ref`/subschema evaluation, to stop on recursive schemas.
    depth: std::cell::Cell<usize>,
}

/// Deeper than this, a schema is treated as satisfied (guards `$ref` cycles).
const MAX_DEPTH: usize = 256;

#[derive(Default)]
struct Res {
    errors: Vec<String>,
    score: i64,
}

impl Res {
    fn add(&mut self, path: &[String], desc: String) {
        let field = if path.is_empty() {
            "(root)".to_string()
        } else {
            path.join(".")
        };
        self.errors.push(format!("{field}: {desc}"));
    }
    fn valid(&self) -> bool {
        self.errors.is_empty()
    }
    fn merge(&mut self, other: Res) {
        self.errors.extend(other.errors);
        self.score += other.score;
    }
}

fn field_name(path: &[String]) -> String {
    if path.is_empty() {
        "(root)".to_string()
    } else {
        path.join(".")
    }
}

fn get<'v>(schema: &'v BTreeMap<String, Value>, k: &str) -> Option<&'v Value> {
    schema.get(k)
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) | Value::Int64(i) => Some(*i as f64),
        _ => None,
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Nil => "null",
        Value::Bool(_) => "boolean",
        Value::Int(_) | Value::Int64(_) => "integer",
        Value::Float(f) => {
            if f.fract() == 0.0 && f.is_finite() {
                "integer"
            } else {
                "number"
            }
        }
        Value::Str(_) | Value::Bytes(_) => "string",
        Value::List(_) | Value::StrList(_) => "array",
        Value::Map(_) | Value::Object(_) => "object",
    }
}

fn types_of(schema: &BTreeMap<String, Value>) -> Vec<String> {
    match get(schema, "type") {
        Some(Value::Str(s)) => vec![s.to_string()],
        Some(Value::List(l)) => l
            .iter()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    }
}

fn types_string(t: &[String]) -> String {
    match t.len() {
        0 => "undefined".into(),
        1 => t[0].clone(),
        _ => format!("[{}]", t.join(",")),
    }
}

fn canon(v: &Value) -> String {
    crate::yaml::to_json(v).unwrap_or_else(|_| v.to_go_string())
}

/// Resolve a local `$ref` (`#/…` JSON pointer) in the root schema.
fn resolve_ref(root: &Value, r: &str) -> Option<Value> {
    let p = r.strip_prefix('#')?;
    let mut cur = root.clone();
    for seg in p.split('/').skip(1) {
        let seg = seg.replace("~1", "/").replace("~0", "~");
        let next = match &cur {
            Value::Map(m) => m.borrow().get(&seg).cloned(),
            Value::List(l) => seg.parse::<usize>().ok().and_then(|i| l.get(i).cloned()),
            _ => None,
        };
        cur = next?;
    }
    let _ = root;
    Some(cur)
}

impl Ctx<'_> {
    fn validate(&self, schema: &Value, node: &Value, path: &mut Vec<String>) -> Res {
        let mut res = Res::default();
        self.rec(schema, node, path, &mut res);
        res
    }

    fn rec(&self, schema: &Value, node: &Value, path: &mut Vec<String>, res: &mut Res) {
        if self.depth.get() > MAX_DEPTH {
            return;
        }
        self.depth.set(self.depth.get() + 1);
        self.rec_inner(schema, node, path, res);
        self.depth.set(self.depth.get() - 1);
    }

    fn rec_inner(&self, schema: &Value, node: &Value, path: &mut Vec<String>, res: &mut Res) {
        // Schemas and values are only read while validating: borrowing (not cloning)
        // their maps across the recursion is safe.
        let s = match schema {
            Value::Bool(true) => return,
            Value::Bool(false) => {
                res.add(path, "False always fails validation".into());
                return;
            }
            Value::Map(m) => m.borrow(),
            _ => return,
        };
        let s = &*s;
        if let Some(Value::Str(r)) = get(s, "$ref") {
            if let Some(target) = resolve_ref(self.root, r) {
                self.rec(&target, node, path, res);
            }
            return;
        }
        let types = types_of(s);
        let given = json_type(node);
        if !types.is_empty() {
            let ok = types
                .iter()
                .any(|t| t == given || (t == "number" && given == "integer"));
            if !ok {
                res.add(
                    path,
                    format!(
                        "Invalid type. Expected: {}, given: {given}",
                        types_string(&types)
                    ),
                );
                return;
            }
        }
        self.validate_schema(s, node, path, res);
        match node {
            Value::List(_) | Value::StrList(_) => {
                self.validate_array(s, node, path, res);
                self.validate_common(s, node, path, res);
            }
            Value::Map(m) => {
                self.validate_object(s, m, path, res);
                self.validate_common(s, node, path, res);
                if let Some(Value::Map(props)) = get(s, "properties") {
                    let props = props.borrow();
                    for (k, ps) in props.iter() {
                        let child = m.borrow().get(k).cloned();
                        if let Some(child) = child {
                            path.push(k.clone());
                            self.rec(ps, &child, path, res);
                            path.pop();
                        }
                    }
                }
            }
            _ => {
                self.validate_number(s, node, path, res);
                self.validate_common(s, node, path, res);
                self.validate_string(s, node, path, res);
            }
        }
        res.score += 1;
    }

    fn sub(&self, schema: &Value, node: &Value, path: &[String]) -> Res {
        let mut p = path.to_vec();
        self.validate(schema, node, &mut p)
    }

    fn validate_schema(
        &self,
        s: &BTreeMap<String, Value>,
        node: &Value,
        path: &[String],
        res: &mut Res,
    ) {
        if let Some(Value::List(any)) = get(s, "anyOf") {
            let mut best: Option<Res> = None;
            let mut ok = false;
            for sch in any.iter() {
                let r = self.sub(sch, node, path);
                if r.valid() {
                    ok = true;
                    break;
                }
                if best.as_ref().is_none_or(|b| r.score > b.score) {
                    best = Some(r);
                }
            }
            if !ok {
                res.add(path, "Must validate at least one schema (anyOf)".into());
                if let Some(b) = best {
                    res.merge(b);
                }
            }
        }
        if let Some(Value::List(one)) = get(s, "oneOf") {
            let mut n = 0;
            let mut best: Option<Res> = None;
            for sch in one.iter() {
                let r = self.sub(sch, node, path);
                if r.valid() {
                    n += 1;
                } else if n == 0 && best.as_ref().is_none_or(|b| r.score > b.score) {
                    best = Some(r);
                }
            }
            if n != 1 {
                res.add(path, "Must validate one and only one schema (oneOf)".into());
                if n == 0
                    && let Some(b) = best
                {
                    res.merge(b);
                }
            }
        }
        if let Some(Value::List(all)) = get(s, "allOf") {
            let mut n = 0;
            for sch in all.iter() {
                let r = self.sub(sch, node, path);
                if r.valid() {
                    n += 1;
                }
                res.merge(r);
            }
            if n != all.len() {
                res.add(path, "Must validate all the schemas (allOf)".into());
            }
        }
        if let Some(not) = get(s, "not")
            && self.sub(not, node, path).valid()
        {
            res.add(path, "Must not validate the schema (not)".into());
        }
        if let Some(cond) = get(s, "if") {
            let ok = self.sub(cond, node, path).valid();
            let branch = if ok { get(s, "then") } else { get(s, "else") };
            if let Some(b) = branch {
                let r = self.sub(b, node, path);
                if !r.valid() {
                    res.add(
                        path,
                        if ok {
                            "Must validate \"then\" as \"if\" was valid"
                        } else {
                            "Must validate \"else\" as \"if\" was not valid"
                        }
                        .into(),
                    );
                    res.merge(r);
                }
            }
        }
        res.score += 1;
    }

    fn validate_common(
        &self,
        s: &BTreeMap<String, Value>,
        node: &Value,
        path: &[String],
        res: &mut Res,
    ) {
        if let Some(c) = get(s, "const")
            && canon(c) != canon(node)
        {
            res.add(
                path,
                format!("{} does not match: {}", field_name(path), canon(c)),
            );
        }
        if let Some(Value::List(e)) = get(s, "enum")
            && !e.is_empty()
        {
            let v = canon(node);
            let allowed: Vec<String> = e.iter().map(canon).collect();
            if !allowed.contains(&v) {
                res.add(
                    path,
                    format!(
                        "{} must be one of the following: {}",
                        field_name(path),
                        allowed.join(", ")
                    ),
                );
            }
        }
        res.score += 1;
    }

    fn validate_array(
        &self,
        s: &BTreeMap<String, Value>,
        node: &Value,
        path: &[String],
        res: &mut Res,
    ) {
        let items = node.list_items().unwrap_or_default();
        match get(s, "items") {
            Some(Value::List(tuple)) => {
                for (i, (sch, v)) in tuple.iter().zip(items.iter()).enumerate() {
                    let mut p = path.to_vec();
                    p.push(i.to_string());
                    let r = self.sub(sch, v, &p);
                    res.merge(r);
                }
                if tuple.len() < items.len() {
                    match get(s, "additionalItems") {
                        Some(Value::Bool(false)) => {
                            res.add(path, "No additional items allowed on array".into())
                        }
                        Some(sch @ Value::Map(_)) => {
                            for (i, v) in items.iter().enumerate().skip(tuple.len()) {
                                let mut p = path.to_vec();
                                p.push(i.to_string());
                                let r = self.sub(sch, v, &p);
                                res.merge(r);
                            }
                        }
                        _ => {}
                    }
                }
            }
            Some(sch) => {
                for (i, v) in items.iter().enumerate() {
                    let mut p = path.to_vec();
                    p.push(i.to_string());
                    let r = self.sub(sch, v, &p);
                    res.merge(r);
                }
            }
            None => {}
        }
        if let Some(min) = get(s, "minItems").and_then(num)
            && (items.len() as f64) < min
        {
            res.add(
                path,
                format!("Array must have at least {} items", format_float_g(min)),
            );
        }
        if let Some(max) = get(s, "maxItems").and_then(num)
            && (items.len() as f64) > max
        {
            res.add(
                path,
                format!("Array must have at most {} items", format_float_g(max)),
            );
        }
        if let Some(Value::Bool(true)) = get(s, "uniqueItems") {
            let mut seen: Vec<String> = Vec::new();
            for v in &items {
                let c = canon(v);
                if seen.contains(&c) {
                    res.add(path, "array items must be unique".into());
                }
                seen.push(c);
            }
        }
        res.score += 1;
    }

    fn validate_object(
        &self,
        s: &BTreeMap<String, Value>,
        m: &Map,
        path: &[String],
        res: &mut Res,
    ) {
        let obj = m.borrow();
        if let Some(min) = get(s, "minProperties").and_then(num)
            && (obj.len() as f64) < min
        {
            res.add(
                path,
                format!("Must have at least {} properties", format_float_g(min)),
            );
        }
        if let Some(max) = get(s, "maxProperties").and_then(num)
            && (obj.len() as f64) > max
        {
            res.add(
                path,
                format!("Must have at most {} properties", format_float_g(max)),
            );
        }
        if let Some(Value::List(req)) = get(s, "required") {
            for r in req.iter() {
                if let Some(k) = r.as_str() {
                    if obj.contains_key(k) {
                        res.score += 1;
                    } else {
                        res.add(path, format!("{k} is required"));
                    }
                }
            }
        }
        let props = match get(s, "properties") {
            Some(Value::Map(p)) => Some(p.borrow()),
            _ => None,
        };
        let patterns: Vec<(regex::Regex, Value)> = match get(s, "patternProperties") {
            Some(Value::Map(p)) => p
                .borrow()
                .iter()
                .filter_map(|(k, v)| regex::Regex::new(k).ok().map(|r| (r, v.clone())))
                .collect(),
            _ => Vec::new(),
        };
        for (k, v) in obj.iter() {
            let found = props.as_ref().is_some_and(|p| p.contains_key(k));
            let mut pp_match = false;
            for (re, sch) in &patterns {
                if re.is_match(k) {
                    pp_match = true;
                    let mut p = path.to_vec();
                    p.push(k.clone());
                    let r = self.sub(sch, v, &p);
                    res.merge(r);
                }
            }
            if !found && !pp_match {
                match get(s, "additionalProperties") {
                    Some(Value::Bool(false)) => {
                        res.add(path, format!("Additional property {k} is not allowed"));
                    }
                    Some(sch @ Value::Map(_)) => {
                        let mut p = path.to_vec();
                        p.push(k.clone());
                        let r = self.sub(sch, v, &p);
                        res.merge(r);
                    }
                    _ => {}
                }
            }
        }
        res.score += 1;
    }

    fn validate_string(
        &self,
        s: &BTreeMap<String, Value>,
        node: &Value,
        path: &[String],
        res: &mut Res,
    ) {
        let Value::Str(st) = node else { return };
        let n = st.chars().count() as f64;
        if let Some(min) = get(s, "minLength").and_then(num)
            && n < min
        {
            res.add(
                path,
                format!(
                    "String length must be greater than or equal to {}",
                    format_float_g(min)
                ),
            );
        }
        if let Some(max) = get(s, "maxLength").and_then(num)
            && n > max
        {
            res.add(
                path,
                format!(
                    "String length must be less than or equal to {}",
                    format_float_g(max)
                ),
            );
        }
        if let Some(Value::Str(p)) = get(s, "pattern")
            && let Ok(re) = regex::Regex::new(p)
            && !re.is_match(st)
        {
            res.add(path, format!("Does not match pattern '{p}'"));
        }
        res.score += 1;
    }

    fn validate_number(
        &self,
        s: &BTreeMap<String, Value>,
        node: &Value,
        path: &[String],
        res: &mut Res,
    ) {
        let Some(x) = num(node) else { return };
        if let Some(m) = get(s, "multipleOf").and_then(num)
            && m != 0.0
            && (x / m).fract() != 0.0
        {
            res.add(path, format!("Must be a multiple of {}", format_float_g(m)));
        }
        let draft4_excl = |k: &str| matches!(get(s, k), Some(Value::Bool(true)));
        if let Some(max) = get(s, "maximum").and_then(num) {
            if draft4_excl("exclusiveMaximum") {
                if x >= max {
                    res.add(path, format!("Must be less than {}", format_float_g(max)));
                }
            } else if x > max {
                res.add(
                    path,
                    format!("Must be less than or equal to {}", format_float_g(max)),
                );
            }
        }
        if let Some(max) = get(s, "exclusiveMaximum").and_then(num)
            && x >= max
        {
            res.add(path, format!("Must be less than {}", format_float_g(max)));
        }
        if let Some(min) = get(s, "minimum").and_then(num) {
            if draft4_excl("exclusiveMinimum") {
                if x <= min {
                    res.add(
                        path,
                        format!("Must be greater than {}", format_float_g(min)),
                    );
                }
            } else if x < min {
                res.add(
                    path,
                    format!("Must be greater than or equal to {}", format_float_g(min)),
                );
            }
        }
        if let Some(min) = get(s, "exclusiveMinimum").and_then(num)
            && x <= min
        {
            res.add(
                path,
                format!("Must be greater than {}", format_float_g(min)),
            );
        }
        res.score += 1;
    }
}

/// Validate one chart's values against its schema text: `Ok(())` or the `- field: msg` lines.
pub fn validate_single(values: &Map, schema_json: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(schema_json);
    let schema = crate::yaml::from_json(&text).map_err(|e| e.to_string())?;
    let ctx = Ctx {
        root: &schema,
        depth: std::cell::Cell::new(0),
    };
    let res = ctx.validate(&schema, &Value::Map(values.clone()), &mut Vec::new());
    if res.valid() {
        return Ok(());
    }
    let mut out = String::new();
    for e in res.errors {
        out.push_str("- ");
        out.push_str(&e);
        out.push('\n');
    }
    Err(out)
}

/// Helm's `ValidateAgainstSchema`: the chart, then each subchart against its section.
pub fn validate_against_schema(chart: &Chart, values: &Map) -> Result<(), String> {
    let mut sb = String::new();
    if let Some(schema) = &chart.schema
        && let Err(e) = validate_single(values, schema)
    {
        sb.push_str(&format!("{}:\n{e}", chart.name()));
    }
    for sub in &chart.dependencies {
        let sv = match values.borrow().get(sub.name()) {
            Some(Value::Map(m)) => m.clone(),
            _ => super::coalesce::new_map(),
        };
        if let Err(e) = validate_against_schema(sub, &sv) {
            sb.push_str(&e);
        }
    }
    if sb.is_empty() { Ok(()) } else { Err(sb) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(json: &str) -> Map {
        match crate::yaml::from_json(json).unwrap() {
            Value::Map(m) => m,
            _ => panic!("not a map"),
        }
    }

    #[test]
    fn gojsonschema_messages() {
        // Messages as Helm 3.17.3 prints them (traefik/schema-error golden and gojsonschema's locale).
        let schema = br#"{"type":"object","properties":{
            "level":{"type":"string","enum":["TRACE","DEBUG"]},
            "replicas":{"type":"integer","minimum":1},
            "pdb":{"type":"object","additionalProperties":false,"properties":{"enabled":{"type":"boolean"}}},
            "req":{"type":"object","required":["name"]}}}"#;
        let v = vals(
            r#"{"level":"VERBOSE","replicas":"three","pdb":{"enabled":true,"maxUnavaliable":1},"req":{}}"#,
        );
        let mut lines: Vec<String> = validate_single(&v, schema)
            .unwrap_err()
            .lines()
            .map(str::to_string)
            .collect();
        lines.sort();
        assert_eq!(
            lines,
            vec![
                "- level: level must be one of the following: \"TRACE\", \"DEBUG\"",
                "- pdb: Additional property maxUnavaliable is not allowed",
                "- replicas: Invalid type. Expected: integer, given: string",
                "- req: name is required",
            ]
        );
        let ok =
            vals(r#"{"level":"TRACE","replicas":2,"pdb":{"enabled":false},"req":{"name":"x"}}"#);
        assert_eq!(validate_single(&ok, schema), Ok(()));
        let low = vals(r#"{"replicas":0}"#);
        assert_eq!(
            validate_single(&low, schema).unwrap_err(),
            "- replicas: Must be greater than or equal to 1\n"
        );
    }

    #[test]
    fn recursive_ref_does_not_overflow() {
        let schema = br##"{"$ref":"#"}"##;
        assert_eq!(validate_single(&vals("{}"), schema), Ok(()));
    }
}
