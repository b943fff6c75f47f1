//! go-yaml v2 compatible YAML reader and writer, and Go `encoding/json` output.
//!
//! Helm reads values and Chart.yaml through `sigs.k8s.io/yaml` (YAML 1.1 scalars, every
//! number becomes float64 via a JSON round trip) and writes `toYaml` with go-yaml v2's
//! emitter (`toYamlPretty` with sigs.k8s.io/yaml's goyaml.v3 fork). All are reproduced
//! here byte for byte, checked against the reference Helm.
//!
//! Files: `resolve` (YAML 1.1 scalar resolution), `decode` (libyaml-safer events →
//! go-yaml's decoding, with the rewrites that make libyaml 0.2.5 accept what go-yaml's
//! libyaml 0.1 accepts), `fast` (libyaml's exact events for plain block YAML, read
//! directly; anything else is left to libyaml-safer), `skeleton` (big documents read
//! without the content of their block scalars), `emit` (go-yaml v2's encoder and
//! emitter, and v3's variant), `json` (Go `encoding/json`).
//!
//! Known difference from Helm: nesting deeper than 1000 levels is refused (to protect the
//! stack; go-yaml allows 10000). Error messages on malformed input follow go-yaml's
//! scanner as far as the differential tests reached.
//! Key sets on which go-yaml's natural order is not transitive (`v2`, `v10`, `v1beta1`)
//! come out in a random order from Helm; kiln picks one deterministically.

mod decode;
mod emit;
mod fast;
mod json;
mod resolve;
mod skeleton;

use std::collections::BTreeMap;

use crate::gotmpl::Value;
use decode::Y;

#[doc(hidden)]
pub use fast::check_against_libyaml as check_fast_reader;
pub use json::{from_json, json_len, to_json, to_json_pretty, to_raw_json};

/// A YAML or JSON error, worded as Go's libraries word it
/// (`yaml: line 3: mapping values are not allowed in this context`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{msg}")]
pub struct YamlError {
    pub msg: String,
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// 1-based column of the problem, when known.
    pub col: Option<usize>,
}

impl YamlError {
    fn new(msg: impl Into<String>) -> Self {
        YamlError {
            msg: msg.into(),
            line: None,
            col: None,
        }
    }

    fn prefixed(mut self, prefix: &str) -> Self {
        self.msg = format!("{prefix}{}", self.msg);
        self
    }
}

const CONVERTING: &str = "error converting YAML to JSON: ";
const UNMARSHALING: &str = "error unmarshaling JSON: while decoding JSON: ";

/// `sigs.k8s.io/yaml.Unmarshal` into `interface{}`: the first document, YAML 1.1 scalar
/// resolution, anchors and merge keys, keys stringified, every number a float64.
/// An empty document is `Value::Nil`.
///
/// Errors carry sigs.k8s.io/yaml's wording, e.g.
/// `error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context`.
pub fn from_yaml(text: &str) -> Result<Value, YamlError> {
    parsed_into_value(parse_yaml(text)?)
}

/// A document decoded by [`parse_yaml`]: plain data, so it can be decoded on one thread
/// and turned into a [`Value`] on another.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed(Option<Y>);

impl Parsed {
    /// The top-level `apiVersion` string as the value [`parsed_to_value`] makes has it,
    /// when every top-level key is a plain string (a key of another type could become
    /// `apiVersion` too); `None` otherwise.
    pub fn api_version(&self) -> Option<&str> {
        let Some(Y::Map(entries)) = &self.0 else {
            return None;
        };
        if !entries.iter().all(|(k, _)| matches!(k, Y::Str(_))) {
            return None;
        }
        self.str_at(&["apiVersion"])
    }

    /// The string at a path of string keys (the last of equal keys wins, as in the value
    /// [`parsed_to_value`] makes); `None` where the path is missing or not a string.
    pub fn str_at(&self, path: &[&str]) -> Option<&str> {
        let mut y = self.0.as_ref()?;
        for key in path {
            let Y::Map(entries) = y else {
                return None;
            };
            y = entries
                .iter()
                .rev()
                .find(|(k, _)| matches!(k, Y::Str(s) if s == key))
                .map(|(_, v)| v)?;
        }
        match y {
            Y::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// The expensive half of [`from_yaml`]: the YAML parse.
pub fn parse_yaml(text: &str) -> Result<Parsed, YamlError> {
    decode::decode_first(text)
        .map(Parsed)
        .map_err(|e| e.prefixed(CONVERTING))
}

/// The other half of [`from_yaml`]: `from_yaml(t)` is `parse_yaml(t)` then this.
pub fn parsed_to_value(p: &Parsed) -> Result<Value, YamlError> {
    match &p.0 {
        None => Ok(Value::Nil),
        Some(y) => jsonable(y),
    }
}

/// [`parsed_to_value`] consuming the tree: its keys move into the maps instead of being
/// copied.
pub fn parsed_into_value(p: Parsed) -> Result<Value, YamlError> {
    match p.0 {
        None => Ok(Value::Nil),
        Some(y) => finite(y_into_value(y).map_err(|e| e.prefixed(CONVERTING))?),
    }
}

/// [`from_yaml`] on raw file bytes, as go-yaml's reader sees them: UTF-16 with a byte
/// order mark is decoded; any other input must be UTF-8, and the first bad sequence fails
/// the whole document with go-yaml's reader message (`invalid trailing UTF-8 octet`, …),
/// as do control characters before it.
pub fn from_yaml_bytes(bytes: &[u8]) -> Result<Value, YamlError> {
    let text = decode_input(bytes)?;
    from_yaml(&text)
}

/// go-yaml's reader: the input as text, or its reader error (worded as sigs.k8s.io/yaml
/// reports it).
fn decode_input(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, YamlError> {
    let fail = |m: &str| Err(YamlError::new(format!("{CONVERTING}yaml: {m}")));
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let le = bytes[0] == 0xFF;
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .filter(|c| c.len() == 2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        if !bytes.len().is_multiple_of(2) {
            return fail("incomplete UTF-16 character");
        }
        return match String::from_utf16(&units) {
            Ok(s) => Ok(std::borrow::Cow::Owned(s)),
            Err(_) => fail("unexpected low surrogate area"),
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(std::borrow::Cow::Borrowed(s));
    }
    // Walk as go-yaml's reader does, reporting the first problem.
    let mut i = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    while i < bytes.len() {
        let b = bytes[i];
        let width = if b & 0x80 == 0 {
            1
        } else if b & 0xE0 == 0xC0 {
            2
        } else if b & 0xF0 == 0xE0 {
            3
        } else if b & 0xF8 == 0xF0 {
            4
        } else {
            return fail("invalid leading UTF-8 octet");
        };
        if i + width > bytes.len() {
            return fail("incomplete UTF-8 octet sequence");
        }
        let mut value: u32 = match width {
            1 => (b & 0x7F) as u32,
            2 => (b & 0x1F) as u32,
            3 => (b & 0x0F) as u32,
            _ => (b & 0x07) as u32,
        };
        for k in 1..width {
            let o = bytes[i + k];
            if o & 0xC0 != 0x80 {
                return fail("invalid trailing UTF-8 octet");
            }
            value = (value << 6) + (o & 0x3F) as u32;
        }
        let ok_len = match width {
            1 => true,
            2 => value >= 0x80,
            3 => value >= 0x800,
            _ => value >= 0x10000,
        };
        if !ok_len {
            return fail("invalid length of a UTF-8 sequence");
        }
        if (0xD800..=0xDFFF).contains(&value) || value > 0x10FFFF {
            return fail("invalid Unicode character");
        }
        let allowed = matches!(value, 0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0x85)
            || (0xA0..=0xD7FF).contains(&value)
            || (0xE000..=0xFFFD).contains(&value)
            || (0x10000..=0x10FFFF).contains(&value);
        if !allowed {
            return fail("control characters are not allowed");
        }
        i += width;
    }
    fail("invalid leading UTF-8 octet")
}

/// Helm's `fromYaml` target (`map[string]interface{}`): an empty or `null` document is an
/// empty map; any other non-map document is Go's JSON type error.
pub fn from_yaml_map(text: &str) -> Result<Value, YamlError> {
    let v = from_yaml(text)?;
    match v {
        Value::Nil => Ok(Value::new_map()),
        Value::Map(_) => Ok(v),
        other => Err(YamlError::new(format!(
            "{UNMARSHALING}json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
            json_kind(&other)
        ))),
    }
}

/// Helm's `fromYamlArray` target (`[]interface{}`): an empty or `null` document is an
/// empty list; any other non-list document is Go's JSON type error.
pub fn from_yaml_array(text: &str) -> Result<Vec<Value>, YamlError> {
    let v = from_yaml(text)?;
    match v {
        Value::Nil => Ok(Vec::new()),
        Value::List(l) => Ok(l.as_ref().clone()),
        other => Err(YamlError::new(format!(
            "{UNMARSHALING}json: cannot unmarshal {} into Go value of type []interface {{}}",
            json_kind(&other)
        ))),
    }
}

/// Every document of a YAML stream, each as [`from_yaml`] would read it alone.
pub fn from_yaml_documents(text: &str) -> Result<Vec<Value>, YamlError> {
    let docs = decode::decode_all(text).map_err(|e| e.prefixed(CONVERTING))?;
    docs.iter().map(jsonable).collect()
}

/// The JSON type word Go's decoder uses in `cannot unmarshal X into …`.
fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Nil => "null",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::Int64(_) | Value::Float(_) => "number",
        Value::Str(_) | Value::Bytes(_) => "string",
        Value::List(_) | Value::StrList(_) => "array",
        Value::Map(_) | Value::Object(_) => "object",
    }
}

/// sigs.k8s.io/yaml's conversion of go-yaml's result to JSON and back into `interface{}`.
fn jsonable(y: &Y) -> Result<Value, YamlError> {
    finite(y_to_value(y).map_err(|e| e.prefixed(CONVERTING))?)
}

/// `v`, or JSON's error for the first number in it that JSON cannot hold.
fn finite(v: Value) -> Result<Value, YamlError> {
    if let Some(f) = first_nonfinite(&v) {
        return Err(YamlError::new(format!(
            "{CONVERTING}json: unsupported value: {}",
            crate::gotmpl::value::format_float_g(f)
        )));
    }
    Ok(v)
}

fn first_nonfinite(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) if !f.is_finite() => Some(*f),
        Value::List(l) => l.iter().find_map(first_nonfinite),
        Value::Map(m) => m.borrow().values().find_map(first_nonfinite),
        _ => None,
    }
}

pub use crate::gotmpl::value::format_float32_g;

/// Go's JSON encoding of a byte string: each invalid UTF-8 byte becomes U+FFFD.
pub(crate) fn go_lossy(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let good = e.valid_up_to();
                // Safe: the prefix is valid UTF-8.
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                out.push('\u{FFFD}');
                rest = &rest[good + 1..];
            }
        }
    }
}

/// A map key as sigs.k8s.io/yaml's `convertToJSONableObject` stringifies it.
fn key_string(k: &Y, v: &Y) -> Result<String, YamlError> {
    Ok(match k {
        Y::Str(s) => s.clone(),
        Y::Bin(b) => go_lossy(b),
        Y::Int(i) => i.to_string(),
        Y::Float(f) => match format_float32_g(*f).as_str() {
            "+Inf" => ".inf".into(),
            "-Inf" => "-.inf".into(),
            "NaN" => ".nan".into(),
            s => s.to_string(),
        },
        Y::Bool(b) => b.to_string(),
        Y::Nil | Y::Uint(_) | Y::Seq(_) | Y::Map(_) => {
            let ty = match k {
                Y::Nil => "%!s(<nil>)",
                Y::Uint(_) => "uint64",
                _ => "interface {}",
            };
            let kv = match k {
                Y::Nil => "<nil>".to_string(),
                Y::Uint(u) => format!("0x{u:x}"),
                _ => String::new(),
            };
            return Err(YamlError::new(format!(
                "unsupported map key of type: {ty}, key: {kv}, value: {}",
                decode::go_sharp_v(v, true)
            )));
        }
    })
}

/// [`y_to_value`] consuming `y` (the same values, or the same first error).
fn y_into_value(y: Y) -> Result<Value, YamlError> {
    Ok(match y {
        Y::Seq(items) => {
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                out.push(y_into_value(it)?);
            }
            Value::from(out)
        }
        Y::Map(entries) => {
            let mut m = BTreeMap::new();
            for (k, v) in entries {
                let ks = match k {
                    Y::Str(s) => s,
                    k => key_string(&k, &v)?,
                };
                m.insert(ks, y_into_value(v)?);
            }
            Value::from(m)
        }
        other => y_to_value(&other)?,
    })
}

fn y_to_value(y: &Y) -> Result<Value, YamlError> {
    Ok(match y {
        Y::Nil => Value::Nil,
        Y::Bool(b) => Value::Bool(*b),
        Y::Int(i) => Value::Float(*i as f64),
        Y::Uint(u) => Value::Float(*u as f64),
        Y::Float(f) => Value::Float(*f),
        Y::Str(s) => Value::str(s),
        Y::Bin(b) => Value::from(go_lossy(b)),
        Y::Seq(items) => {
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                out.push(y_to_value(it)?);
            }
            Value::from(out)
        }
        Y::Map(entries) => {
            let mut m = BTreeMap::new();
            for (k, v) in entries {
                let ks = key_string(k, v)?;
                m.insert(ks, y_to_value(v)?);
            }
            Value::from(m)
        }
    })
}

/// What Helm's manifest sorter reads of every rendered document (`releaseutil.SimpleHead`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SimpleHead {
    pub api_version: String,
    pub kind: String,
    /// Whether a non-null `metadata` was present.
    pub has_metadata: bool,
    pub name: String,
    pub annotations: BTreeMap<String, String>,
}

/// The Go type a document is unmarshaled into, as far as sigs.k8s.io/yaml's
/// `convertToJSONableObject` cares: YAML ints, floats and bools bound for Go `string`
/// fields are stringified (`FormatInt`, `FormatFloat(f, 'g', -1, 32)`, `true`/`false`)
/// before the JSON step. Pointers are transparent.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// `interface{}` or any non-string Go type: no conversion.
    Any,
    /// A Go `string`.
    Str,
    /// A struct: fields by JSON name, matched exactly, else case-insensitively.
    Struct(&'static [(&'static str, Shape)]),
    /// A map whose values have this shape (`map[string]string` is `MapOf(&Shape::Str)`).
    MapOf(&'static Shape),
    /// A slice whose elements have this shape.
    ListOf(&'static Shape),
}

fn fold_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.chars()
            .zip(b.chars())
            .all(|(x, y)| x.to_lowercase().eq(y.to_lowercase()))
}

/// The field a JSON key lands in (exact match first, then the first case-insensitive one).
fn struct_field(
    fields: &'static [(&'static str, Shape)],
    key: &str,
) -> Option<&'static (&'static str, Shape)> {
    fields
        .iter()
        .find(|(f, _)| *f == key)
        .or_else(|| fields.iter().find(|(f, _)| fold_eq(f, key)))
}

/// sigs.k8s.io/yaml's conversion with a target shape.
fn y_to_value_shaped(y: &Y, t: Shape) -> Result<Value, YamlError> {
    match y {
        Y::Map(entries) => {
            let mut m = BTreeMap::new();
            for (k, v) in entries {
                let ks = key_string(k, v)?;
                let sub = match t {
                    Shape::Struct(fields) => struct_field(fields, &ks).map_or(Shape::Any, |f| f.1),
                    Shape::MapOf(elem) => *elem,
                    _ => Shape::Any,
                };
                m.insert(ks, y_to_value_shaped(v, sub)?);
            }
            Ok(Value::from(m))
        }
        Y::Seq(items) => {
            let elem = match t {
                Shape::ListOf(elem) => *elem,
                _ => Shape::Any,
            };
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                out.push(y_to_value_shaped(it, elem)?);
            }
            Ok(Value::from(out))
        }
        _ if matches!(t, Shape::Str) => Ok(match y {
            Y::Int(i) => Value::from(i.to_string()),
            Y::Uint(u) => Value::from(u.to_string()),
            Y::Float(f) => Value::from(format_float32_g(*f)),
            Y::Bool(b) => Value::from(b.to_string()),
            other => y_to_value(other)?,
        }),
        other => y_to_value(other),
    }
}

/// `sigs.k8s.io/yaml.Unmarshal` into a Go type of the given [`Shape`]: like
/// [`from_yaml`], with ints, floats and bools bound for string fields stringified as
/// Go does (`appVersion: 1.10` → `"1.1"`, `version: 20230101` → `"20230101"`).
/// Type mismatches are left to the caller (the JSON decoding step).
pub fn from_yaml_shaped(text: &str, shape: Shape) -> Result<Value, YamlError> {
    parsed_to_value_shaped(&parse_yaml(text)?, shape)
}

/// The second half of [`from_yaml_shaped`], as [`parsed_to_value`] is of [`from_yaml`].
fn parsed_to_value_shaped(p: &Parsed, shape: Shape) -> Result<Value, YamlError> {
    let Some(y) = &p.0 else {
        return Ok(Value::Nil);
    };
    finite(y_to_value_shaped(y, shape).map_err(|e| e.prefixed(CONVERTING))?)
}

/// Helm's `chart.Metadata` (Chart.yaml) as far as string fields go, for
/// [`from_yaml_shaped`].
pub const CHART_METADATA: Shape = Shape::Struct(&[
    ("name", Shape::Str),
    ("home", Shape::Str),
    ("sources", Shape::ListOf(&Shape::Str)),
    ("version", Shape::Str),
    ("description", Shape::Str),
    ("keywords", Shape::ListOf(&Shape::Str)),
    (
        "maintainers",
        Shape::ListOf(&Shape::Struct(&[
            ("name", Shape::Str),
            ("email", Shape::Str),
            ("url", Shape::Str),
        ])),
    ),
    ("icon", Shape::Str),
    ("apiVersion", Shape::Str),
    ("condition", Shape::Str),
    ("tags", Shape::Str),
    ("appVersion", Shape::Str),
    ("annotations", Shape::MapOf(&Shape::Str)),
    ("kubeVersion", Shape::Str),
    (
        "dependencies",
        Shape::ListOf(&Shape::Struct(&[
            ("name", Shape::Str),
            ("version", Shape::Str),
            ("repository", Shape::Str),
            ("condition", Shape::Str),
            ("tags", Shape::ListOf(&Shape::Str)),
            ("alias", Shape::Str),
        ])),
    ),
    ("type", Shape::Str),
]);

const HEAD_SHAPE: Shape = Shape::Struct(&[
    ("apiVersion", Shape::Str),
    ("kind", Shape::Str),
    (
        "metadata",
        Shape::Struct(&[
            ("name", Shape::Str),
            ("annotations", Shape::MapOf(&Shape::Str)),
        ]),
    ),
]);

fn head_field(key: &str) -> Option<&'static str> {
    match HEAD_SHAPE {
        Shape::Struct(fields) => struct_field(fields, key).map(|f| f.0),
        _ => None,
    }
}

fn meta_field(key: &str) -> Option<&'static str> {
    ["name", "annotations"]
        .into_iter()
        .find(|f| *f == key)
        .or_else(|| {
            ["name", "annotations"]
                .into_iter()
                .find(|f| fold_eq(f, key))
        })
}

const META_TYPE: &str = "struct { Name string \"json:\\\"name\\\"\"; Annotations map[string]string \"json:\\\"annotations\\\"\" }";

/// Helm's manifest sorter: `sigs.k8s.io/yaml.Unmarshal(doc, &SimpleHead{})`, with the
/// stringification of scalar fields and Go's JSON type errors
/// (`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go
/// struct field .metadata.annotations of type map[string]string`).
pub fn parse_simple_head(text: &str) -> Result<SimpleHead, YamlError> {
    // Big manifests are mostly block scalars and long quoted strings: read the head from
    // the skeleton when the parser confirms every scalar that was emptied.
    // The fast reader's events for the skeleton serve both the check and the head.
    if let Some((s, emptied)) = skeleton::strip_block_scalars(text) {
        let events = fast::events(&s);
        let confirmed = decode::styled_scalars_in(&s, events.as_deref())
            .is_some_and(|found| decode::all_found(&emptied, found));
        if confirmed {
            // An error is taken from the whole document, so that it names its lines.
            return head_of(&s, events).or_else(|_| parse_simple_head_whole(text));
        }
    }
    head_of(text, fast::events(text))
}

/// The head of `text` from its top-level entries where [`head_of_top_entries`] can (given
/// the fast reader's `events` for `text`, when it read it), else from the whole decode.
fn head_of(text: &str, events: Option<Vec<libyaml_safer::Event>>) -> Result<SimpleHead, YamlError> {
    match events.and_then(|events| head_of_top_entries(text, events)) {
        Some(h) => Ok(h),
        None => parse_simple_head_whole(text),
    }
}

/// Whether a top-level key could name a field of Helm's sort head: a key of ASCII
/// letters, digits, `-`, `_` and `.` cannot unless it is `apiVersion`, `kind` or
/// `metadata` in any case (Go's JSON matches field names case-insensitively); any other
/// key might (Go folds some non-ASCII letters onto ASCII ones).
pub(crate) fn could_name_head_field(key: &str) -> bool {
    !key.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        || ["apiversion", "kind", "metadata"]
            .iter()
            .any(|f| f.eq_ignore_ascii_case(key))
}

/// The head of a document from only the top-level entries whose key
/// [could name one of its fields](could_name_head_field), when nothing else in the
/// document could fail to decode ([`decode::decode_first_top_entries`]); `None`
/// otherwise, and on any error (which the whole decode then reports). From the fast
/// reader's `events` for `text`.
fn head_of_top_entries(text: &str, events: Vec<libyaml_safer::Event>) -> Option<SimpleHead> {
    let y = decode::decode_first_top_entries(text, events, &could_name_head_field)?;
    simple_head_of(&Parsed(Some(y))).ok()
}

/// For fuzzing and tests: whether the skeleton fast paths ([`parse_simple_head`] and the
/// decoder behind [`from_yaml`]), and the head read from a parsed tree
/// ([`simple_head_of`]), give exactly what parsing the whole of `text` gives;
/// `Err` describes the first difference.
#[doc(hidden)]
pub fn check_skeleton_paths(text: &str) -> Result<(), String> {
    let (fast, whole) = (
        format!("{:?}", decode::decode_first(text)),
        format!("{:?}", decode::decode_first_whole(text)),
    );
    if fast != whole {
        return Err(format!("decode: skeleton {fast} whole {whole}"));
    }
    let (fast, whole) = (parse_simple_head(text), parse_simple_head_whole(text));
    if fast != whole {
        return Err(format!("head: skeleton {fast:?} whole {whole:?}"));
    }
    let of_tree = parse_yaml(text).and_then(|p| simple_head_of(&p));
    if of_tree != whole {
        return Err(format!("head: of the tree {of_tree:?} whole {whole:?}"));
    }
    Ok(())
}

/// [`parse_simple_head`] parsing and converting all of `text`.
fn parse_simple_head_whole(text: &str) -> Result<SimpleHead, YamlError> {
    simple_head_of_whole(&parse_yaml(text)?)
}

/// [`parse_simple_head`] of a document already parsed with [`parse_yaml`]: the same
/// head, or the same error, as reading it from the text (whose parse error, if any, is
/// [`parse_yaml`]'s).
///
/// Helm's sorter converts the whole document to JSON to read four fields. Of the rest,
/// only its failures matter (a key that cannot be a JSON key, a number JSON cannot
/// hold): where a walk of the tree finds neither, the head is read from the top-level
/// entries that [could name its fields](could_name_head_field) alone, without
/// converting the rest (for a CRD, hundreds of kilobytes of values made and dropped).
pub fn simple_head_of(parsed: &Parsed) -> Result<SimpleHead, YamlError> {
    if let Some(Y::Map(entries)) = &parsed.0 {
        if let Some(e) = first_key_error(&parsed.0) {
            return Err(e.prefixed(CONVERTING));
        }
        if !has_nonfinite(&parsed.0) {
            let top = entries
                .iter()
                .filter(|(k, _)| match k {
                    Y::Str(k) => could_name_head_field(k),
                    _ => true,
                })
                .cloned()
                .collect();
            return simple_head_of_whole(&Parsed(Some(Y::Map(top))));
        }
    }
    simple_head_of_whole(parsed)
}

/// The first error converting `y` to JSON meets at a map key, in the conversion's
/// order ([`y_to_value`]: entry by entry, each key before its value).
fn first_key_error(y: &Option<Y>) -> Option<YamlError> {
    fn walk(y: &Y) -> Result<(), YamlError> {
        match y {
            Y::Seq(items) => items.iter().try_for_each(walk),
            Y::Map(entries) => entries.iter().try_for_each(|(k, v)| {
                if !matches!(k, Y::Str(_)) {
                    key_string(k, v)?;
                }
                walk(v)
            }),
            _ => Ok(()),
        }
    }
    walk(y.as_ref()?).err()
}

/// Whether `y` holds a number JSON cannot (an infinity or NaN) anywhere as a value.
fn has_nonfinite(y: &Option<Y>) -> bool {
    fn walk(y: &Y) -> bool {
        match y {
            Y::Float(f) => !f.is_finite(),
            Y::Seq(items) => items.iter().any(walk),
            Y::Map(entries) => entries.iter().any(|(_, v)| walk(v)),
            _ => false,
        }
    }
    y.as_ref().is_some_and(walk)
}

/// [`simple_head_of`] converting the whole document, as Helm does.
fn simple_head_of_whole(parsed: &Parsed) -> Result<SimpleHead, YamlError> {
    let mut head = SimpleHead::default();
    let v = parsed_to_value_shaped(parsed, HEAD_SHAPE)?;
    let type_err = |kind: &str, field: &str, ty: &str| {
        YamlError::new(format!(
            "{UNMARSHALING}json: cannot unmarshal {kind} into Go struct field {field} of type {ty}"
        ))
    };
    let mut first_err: Option<YamlError> = None;
    let save = |e: YamlError, first_err: &mut Option<YamlError>| {
        if first_err.is_none() {
            *first_err = Some(e);
        }
    };
    let map = match &v {
        Value::Nil => return Ok(head),
        Value::Map(m) => m.clone(),
        other => {
            return Err(YamlError::new(format!(
                "{UNMARSHALING}json: cannot unmarshal {} into Go value of type releaseutil.SimpleHead",
                json_kind(other)
            )));
        }
    };
    for (k, fv) in map.borrow().iter() {
        let Some(field) = head_field(k) else { continue };
        match field {
            "apiVersion" | "kind" => match fv {
                Value::Str(s) => {
                    if field == "kind" {
                        head.kind = s.to_string();
                    } else {
                        head.api_version = s.to_string();
                    }
                }
                Value::Nil => {}
                other => save(
                    type_err(json_kind(other), &format!("SimpleHead.{field}"), "string"),
                    &mut first_err,
                ),
            },
            _ => match fv {
                Value::Nil => {
                    head.has_metadata = false;
                    head.name.clear();
                    head.annotations.clear();
                }
                Value::Map(mm) => {
                    head.has_metadata = true;
                    for (mk, mv) in mm.borrow().iter() {
                        let Some(mf) = meta_field(mk) else { continue };
                        if mf == "name" {
                            match mv {
                                Value::Str(s) => head.name = s.to_string(),
                                Value::Nil => {}
                                other => save(
                                    type_err(json_kind(other), ".metadata.name", "string"),
                                    &mut first_err,
                                ),
                            }
                            continue;
                        }
                        match mv {
                            Value::Nil => head.annotations.clear(),
                            Value::Map(am) => {
                                for (ak, av) in am.borrow().iter() {
                                    match av {
                                        Value::Str(s) => {
                                            head.annotations.insert(ak.clone(), s.to_string());
                                        }
                                        Value::Nil => {
                                            head.annotations.insert(ak.clone(), String::new());
                                        }
                                        other => save(
                                            type_err(
                                                json_kind(other),
                                                ".metadata.annotations",
                                                "string",
                                            ),
                                            &mut first_err,
                                        ),
                                    }
                                }
                            }
                            other => save(
                                type_err(
                                    json_kind(other),
                                    ".metadata.annotations",
                                    "map[string]string",
                                ),
                                &mut first_err,
                            ),
                        }
                    }
                }
                other => save(
                    type_err(json_kind(other), "SimpleHead.metadata", META_TYPE),
                    &mut first_err,
                ),
            },
        }
    }
    match first_err {
        Some(e) => Err(e),
        None => Ok(head),
    }
}

/// Helm's `toYaml` before its `TrimSuffix("\n")`: `json.Marshal`, then go-yaml v2
/// `Unmarshal` and `Marshal`. Ends with a newline.
pub fn to_yaml(v: &Value) -> Result<String, YamlError> {
    emit::to_yaml(v)
}

pub use emit::to_yaml_after;

/// Helm's `toYamlPretty` before its `TrimSuffix("\n")`: go-yaml v3's encoder with
/// `SetIndent(2)` on the value itself (floats as `%v`: `1e+06`; sequences indented under
/// their keys; no line folding). Host objects are written through `to_plain` (JSON field
/// names; go-yaml v3 would use lowercased Go field names). Ends with a newline.
pub fn to_yaml_pretty(v: &Value) -> Result<String, YamlError> {
    emit::to_yaml_pretty(v)
}

#[cfg(test)]
mod tests;

/// For the reader's corpus tests, as (name, text): every document of the corpus goldens,
/// every values file (the corpus's and the own-values fixtures'), each chart's and
/// subchart's values.yaml and, with `chart_files`, the charts' other YAML files.
#[cfg(test)]
pub(crate) fn corpus_yaml_texts(chart_files: bool) -> Vec<(String, String)> {
    fn walk(dir: &std::path::Path, ext: &str, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, ext, out);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    fn from_chart(c: &crate::chart::Chart, files: bool, out: &mut Vec<(String, String)>) {
        if files {
            for f in &c.files {
                if f.name.ends_with(".yaml") || f.name.ends_with(".yml") {
                    let text = crate::chart::lossy(&f.data).into_owned();
                    out.push((format!("{} {}", c.metadata.name, f.name), text));
                }
            }
        }
        if let Some(v) = &c.raw_values {
            out.push((format!("{} values.yaml", c.metadata.name), v.clone()));
        }
        for d in &c.dependencies {
            from_chart(d, files, out);
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    assert!(corpus.is_dir(), "{} is missing", corpus.display());
    let mut texts = Vec::new();
    let mut files = Vec::new();
    walk(&corpus.join("golden"), "yaml", &mut files);
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for doc in crate::helm::manifest::split_manifests(&text) {
            texts.push((f.display().to_string(), doc));
        }
    }
    let mut files = Vec::new();
    walk(&corpus.join("values"), "yaml", &mut files);
    walk(&root.join("tests/fixtures/own-values"), "yaml", &mut files);
    for f in &files {
        texts.push((f.display().to_string(), std::fs::read_to_string(f).unwrap()));
    }
    let mut charts = Vec::new();
    walk(&corpus.join("charts"), "tgz", &mut charts);
    for c in &charts {
        from_chart(&crate::chart::load(c).unwrap(), chart_files, &mut texts);
    }
    texts
}

#[cfg(test)]
mod skeleton_tests {

    /// Edge cases of literal block scalars and quoted strings, each made long enough
    /// for the skeleton path: the skeleton decode equals the whole decode.
    #[test]
    fn skeleton_decode_equals_whole_decode_on_edge_cases() {
        let body = "      line with  trailing spaces  \n".repeat(400);
        let q = "x\\n\\\"y\\\" \\u00e9\\/\\t".repeat(100);
        let cases = [
            format!("a: |\n{body}"),
            format!("a: |-\n{body}b: 1\n"),
            format!("a: |\n\n\n{body}\n\n   \n  b: x\nc: 1\n"),
            format!("top:\n  a: |\n{body}        \n{body}\n  b: |\n{body}"),
            format!("l:\n- |\n{body}- |-\n{body}- x\n"),
            format!("a: |\n{}", body.trim_end()),
            format!("a: |-\n{}", body.trim_end()),
            format!("a: >\n{body}b: |+\n{body}\n\nc: 1\n"),
            format!(
                "a:\n  b: \"{q}\"\n  c: '{}'\n  d: |\n{body}",
                "it''s ".repeat(100)
            ),
            format!("a: &x |\n{body}b: *x\n"),
            format!("a: !!binary |\n{}\n", "    aGVsbG8=\n".repeat(1000)),
            format!("a: |\n{body}a: |\n{body}"),
            format!("a: |\n{body}  b: bad\n"),
            format!("a: |\n{body}\tb: bad\n"),
        ];
        for (i, c) in cases.iter().enumerate() {
            assert!(c.len() >= 8192, "case {i} is too short");
            let whole = super::decode::decode_first_whole(c);
            let got = super::decode::decode_first(c);
            assert_eq!(format!("{got:?}"), format!("{whole:?}"), "case {i}");
        }
        assert!(super::skeleton::skeleton_with_values(&cases[0]).is_some());
        assert!(super::skeleton::skeleton_with_values(&cases[8]).is_some());
    }

    /// Random documents assembled from fragments that stress the skeleton (block scalars
    /// with every chomping and blank-line pattern, quoted strings with escapes, comments,
    /// sequences, odd indentation, tabs, anchors, flow collections, lines that end a
    /// scalar early): the skeleton decode and head equal the whole ones, errors included.
    #[test]
    fn skeleton_equals_whole_on_random_documents() {
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let filler = "      {\"k\": \"v\", \"n\": 1}\n".repeat(300);
        let frags: &[&str] = &[
            "k{i}: v\n",
            "k{i}: |\n    a\n\n    b\n",
            "k{i}: |-\n    a\n      b\n\n",
            "k{i}: |+\n    a\n\n",
            "k{i}: >\n    a\n    b\n",
            "k{i}: |\n\n    a\n",
            "k{i}: |\n      \n    a\n",
            "k{i}: |\n    a # not a comment\n# a comment\n",
            "k{i}: \"{q}\"\n",
            "k{i}: '{q2}'\n",
            "k{i}: \"{q}\" # c\n",
            "- |\n  a\n",
            "k{i}:\n- |-\n  a\n- b\n",
            "k{i}: &a{i} |\n    a\n",
            "k{i}: !!str |\n    a\n",
            "k{i}: {x: 1}\n",
            "k{i}: [1, 2]\n",
            "k{i}: |2\n    a\n",
            "metadata:\n  name: n{i}\n  annotations:\n    a: |\n      x\n",
            "kind: K{i}\n",
        ];
        // Fragments that make the document invalid or unusual, drawn less often.
        let rare: &[&str] = &[
            "k{i}: |\n    a\n  \tb\n",
            "k{i}: |\n    a\n   x: 1\n",
            "k{i}: \"\\ud800{q}\"\n",
            "k{i}: |\n    \u{85}a\n",
            "k{i}: |\n    a\r\n",
            "k{i}: \"a\\/b{q}\"\n",
            "  k{i}: |\n    a\n",
            "k{i}: !!int x\n",
            "k{i}: *nosuchanchor\n",
        ];
        let q = "x\\\"y\\\\z\\n\\t\\u00e9 ".repeat(30);
        let q2 = "it''s ".repeat(60);
        let (mut skeletons, mut oks) = (0, 0);
        for round in 0..1500 {
            let mut doc = format!("apiVersion: v1\nbig: |\n{filler}");
            for i in 0..(3 + next(8)) {
                let f = if next(8) == 0 {
                    rare[next(rare.len())]
                } else {
                    frags[next(frags.len())]
                };
                doc.push_str(
                    &f.replace("{i}", &i.to_string())
                        .replace("{q}", &q)
                        .replace("{q2}", &q2),
                );
            }
            if next(3) == 0 {
                doc.push_str(&format!("last: |\n{}", filler.trim_end()));
            }
            let whole = super::decode::decode_first_whole(&doc);
            let got = super::decode::decode_first(&doc);
            assert_eq!(
                format!("{got:?}"),
                format!("{whole:?}"),
                "round {round}:\n{doc}"
            );
            if super::skeleton::skeleton_with_values(&doc).is_some() {
                skeletons += 1;
                oks += whole.is_ok() as usize;
            }
            assert_eq!(
                super::parse_simple_head(&doc),
                super::parse_simple_head_whole(&doc),
                "round {round}:\n{doc}"
            );
        }
        assert!(
            skeletons > 400 && oks > 200,
            "{skeletons} skeletons, {oks} of them valid YAML"
        );
    }

    /// An error found only after the skeleton parsed (go-yaml's decoding, here an unknown
    /// anchor) is the whole document's error.
    #[test]
    fn skeleton_head_errors_name_the_original_lines() {
        let filler = "    {\"k\": 1}\n".repeat(800);
        let doc = format!("kind: K\ndata:\n  a: |\n{filler}  b: *nosuchanchor\n");
        assert!(super::skeleton::strip_block_scalars(&doc).is_some());
        let got = super::parse_simple_head(&doc);
        assert!(got.is_err(), "{got:?}");
        assert_eq!(got, super::parse_simple_head_whole(&doc));
    }

    /// Block scalars whose last line, at the very end of the text, holds only spaces:
    /// deeper than the indentation they are content. Helm's answers (`fromYaml | toJson`).
    #[test]
    fn block_scalar_ending_in_spaces_at_the_end_of_the_text() {
        for (text, want) in [
            ("a: |-\n    x\n         ", "x\n     "),
            ("a: |\n    x\n         ", "x\n     "),
            ("a: |\n    x\n  ", "x\n"),
        ] {
            let v = super::from_yaml(text).unwrap();
            let got = v.as_map().unwrap().borrow()["a"].clone();
            assert_eq!(got.as_str(), Some(want), "{text:?}");
        }
    }

    /// Every corpus golden document, every values file (corpus, own-values fixtures,
    /// and each chart's and subchart's values.yaml), every chart template rendered into a
    /// long string: decoding through the skeleton gives what decoding the whole text
    /// gives, and the skeleton path is taken for the big ones.
    #[test]
    fn skeleton_decode_equals_whole_decode_on_the_corpus() {
        let texts = super::corpus_yaml_texts(false);
        let mut fast = 0;
        for (name, text) in &texts {
            let whole = super::decode::decode_first_whole(text);
            let got = super::decode::decode_first(text);
            assert_eq!(format!("{got:?}"), format!("{whole:?}"), "{name}");
            if text.len() >= 8192 && super::skeleton::skeleton_with_values(text).is_some() {
                fast += 1;
            }
        }
        assert!(fast > 40, "{fast} documents took the skeleton path");
    }

    /// Every document of every corpus golden, and of every output of the own-values
    /// fixtures when present: the head read through the skeleton, and the head read from
    /// the parsed tree, are the head read from the whole document, and the skeleton is
    /// used for the big ones.
    #[test]
    fn skeleton_heads_equal_whole_heads_on_the_corpus() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let golden = root.join("../shared/corpus/golden");
        assert!(golden.is_dir(), "{} is missing", golden.display());
        let mut files = Vec::new();
        let mut stack = vec![golden];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "yaml") {
                    files.push(p);
                }
            }
        }
        let (mut docs, mut skeletons) = (0, 0);
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            for doc in crate::helm::manifest::split_manifests(&text) {
                docs += 1;
                if super::skeleton::strip_block_scalars(&doc).is_some() {
                    skeletons += 1;
                }
                assert_eq!(super::check_skeleton_paths(&doc), Ok(()), "{}", f.display());
            }
        }
        assert!(
            docs > 1000 && skeletons > 50,
            "{docs} documents, {skeletons} skeletons"
        );
    }
}

/// Developer timing of reading YAML: `KILN_YAML_FILE=values.yaml` times `from_yaml` of
/// the file, `KILN_YAML_STREAM=out.yaml` the heads of a rendered stream's documents.
/// `cargo test --release --lib yaml::dev_yaml_speed -- --ignored --nocapture`
#[cfg(test)]
#[test]
#[ignore]
fn dev_yaml_speed() {
    let time = |what: &str, f: &dyn Fn()| {
        let t = std::time::Instant::now();
        for _ in 0..20 {
            f();
        }
        println!("{what}: {:?} per pass", t.elapsed() / 20);
    };
    if let Ok(path) = std::env::var("KILN_YAML_FILE") {
        let text = std::fs::read_to_string(path).unwrap();
        time(&format!("from_yaml of {} bytes", text.len()), &|| {
            std::hint::black_box(from_yaml(&text).unwrap());
        });
    }
    if let Ok(path) = std::env::var("KILN_YAML_STREAM") {
        let text = std::fs::read_to_string(path).unwrap();
        let docs = crate::helm::manifest::split_manifests(&text);
        time(&format!("heads of {} documents", docs.len()), &|| {
            for d in &docs {
                std::hint::black_box(parse_simple_head(d).unwrap());
            }
        });
    }
}
