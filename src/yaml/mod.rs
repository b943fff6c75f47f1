//! go-yaml v2 compatible YAML reader and writer, and Go `encoding/json` output.
//!
//! Helm reads values and Chart.yaml through `sigs.k8s.io/yaml` (YAML 1.1 scalars, every
//! number becomes float64 via a JSON round trip) and writes `toYaml` with go-yaml v2's
//! emitter. Both are reproduced here byte for byte. (API fixed; bodies in progress.)

use crate::gotmpl::Value;

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

/// `sigs.k8s.io/yaml.Unmarshal` into `interface{}`: the first document, YAML 1.1 scalar
/// resolution, anchors and merge keys, keys stringified, every number a float64.
/// An empty document is `Value::Nil`.
pub fn from_yaml(text: &str) -> Result<Value, YamlError> {
    let _ = text;
    Err(YamlError {
        msg: "yaml reader not implemented yet".into(),
        line: None,
        col: None,
    })
}

/// Helm's `toYaml` before its `TrimSuffix("\n")`: `json.Marshal`, then go-yaml v2
/// `Unmarshal` and `Marshal`. Ends with a newline.
pub fn to_yaml(v: &Value) -> Result<String, YamlError> {
    let _ = v;
    Err(YamlError {
        msg: "yaml writer not implemented yet".into(),
        line: None,
        col: None,
    })
}

/// Go `json.Marshal` (sorted keys, HTML-escaped `<>&`, Go float format).
pub fn to_json(v: &Value) -> Result<String, YamlError> {
    let _ = v;
    Err(YamlError {
        msg: "json writer not implemented yet".into(),
        line: None,
        col: None,
    })
}

/// Go `json.MarshalIndent(v, "", "  ")`.
pub fn to_json_pretty(v: &Value) -> Result<String, YamlError> {
    let _ = v;
    Err(YamlError {
        msg: "json writer not implemented yet".into(),
        line: None,
        col: None,
    })
}

/// Go `json.Marshal` with HTML escaping off (Sprig `toRawJson`), without the trailing newline.
pub fn to_raw_json(v: &Value) -> Result<String, YamlError> {
    let _ = v;
    Err(YamlError {
        msg: "json writer not implemented yet".into(),
        line: None,
        col: None,
    })
}

/// Go `json.Unmarshal` into `interface{}`: numbers become float64.
pub fn from_json(text: &str) -> Result<Value, YamlError> {
    let _ = text;
    Err(YamlError {
        msg: "json reader not implemented yet".into(),
        line: None,
        col: None,
    })
}
