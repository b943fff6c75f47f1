//! `Chart.yaml`: Helm's `chart.Metadata`, decoded as `sigs.k8s.io/yaml` decodes it into
//! the Go struct (numbers and bools in string fields are stringified, numbers with 32-bit
//! `'g'` formatting: `appVersion: 1.10` is `"1.1"`).

use std::collections::BTreeMap;

use crate::gotmpl::Value;

/// A maintainer entry of Chart.yaml.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Maintainer {
    pub name: String,
    pub email: String,
    pub url: String,
}

/// A `dependencies:` entry of Chart.yaml.
#[derive(Debug, Clone, Default)]
pub struct Dependency {
    pub name: String,
    pub version: String,
    pub repository: String,
    pub condition: String,
    pub tags: Vec<String>,
    pub enabled: bool,
    /// `import-values`: strings or `{child, parent}` maps.
    pub import_values: Vec<Value>,
    pub alias: String,
}

/// Helm's `chart.Metadata`.
#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub name: String,
    pub home: String,
    pub sources: Vec<String>,
    pub version: String,
    pub description: String,
    pub keywords: Vec<String>,
    pub maintainers: Vec<Maintainer>,
    pub icon: String,
    pub api_version: String,
    pub condition: String,
    pub tags: String,
    pub app_version: String,
    pub deprecated: bool,
    pub annotations: BTreeMap<String, String>,
    pub kube_version: String,
    pub dependencies: Vec<Dependency>,
    /// `type`: `application`, `library` or empty.
    pub chart_type: String,
}

pub use crate::gotmpl::value::format_float32_g;

fn type_err(v: &Value, field: &str, go_type: &str) -> String {
    format!(
        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go struct field {field} of type {go_type}",
        super::json_kind(v)
    )
}

/// A Go `string` field.
fn string_field(v: &Value, field: &str) -> Result<String, String> {
    match v {
        Value::Nil => Ok(String::new()),
        Value::Str(s) => Ok(s.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Int(i) | Value::Int64(i) => Ok(i.to_string()),
        Value::Float(f) => {
            // sigs.k8s.io/yaml sees YAML ints as ints (FormatInt) and floats as float64
            // (32-bit 'g'); all we have is the float64, so integral values print as ints.
            if f.fract() == 0.0 && f.abs() < 1e15 {
                Ok(format!("{}", *f as i64))
            } else {
                Ok(format_float32_g(*f))
            }
        }
        other => Err(type_err(other, field, "string")),
    }
}

fn bool_field(v: &Value, field: &str) -> Result<bool, String> {
    match v {
        Value::Nil => Ok(false),
        Value::Bool(b) => Ok(*b),
        other => Err(type_err(other, field, "bool")),
    }
}

fn string_list(v: &Value, field: &str) -> Result<Vec<String>, String> {
    match v {
        Value::Nil => Ok(Vec::new()),
        Value::List(l) => l.iter().map(|x| string_field(x, field)).collect(),
        Value::StrList(l) => Ok(l.as_ref().clone()),
        other => Err(type_err(other, field, "[]string")),
    }
}

fn map_entries(v: &Value, field: &str, go_type: &str) -> Result<Vec<(String, Value)>, String> {
    match v {
        Value::Nil => Ok(Vec::new()),
        Value::Map(m) => Ok(m
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()),
        other => Err(type_err(other, field, go_type)),
    }
}

/// Go's `unicode.IsSpace` -> ' ', drop non-printable characters (Helm's sanitizeString).
fn sanitize(s: &str) -> String {
    s.chars()
        .filter_map(|c| {
            if c.is_whitespace() {
                Some(' ')
            } else if c.is_control() || ('\u{200b}'..='\u{200f}').contains(&c) || c == '\u{feff}' {
                None
            } else {
                Some(c)
            }
        })
        .collect()
}

impl Dependency {
    fn from_value(v: &Value) -> Result<Option<Dependency>, String> {
        let mut d = Dependency::default();
        if v.is_nil() {
            return Ok(None);
        }
        for (k, val) in map_entries(v, "Metadata.dependencies", "chart.Dependency")? {
            let f = format!("Metadata.dependencies.{k}");
            match k.as_str() {
                "name" => d.name = string_field(&val, &f)?,
                "version" => d.version = string_field(&val, &f)?,
                "repository" => d.repository = string_field(&val, &f)?,
                "condition" => d.condition = string_field(&val, &f)?,
                "tags" => d.tags = string_list(&val, &f)?,
                "enabled" => d.enabled = bool_field(&val, &f)?,
                "import-values" => {
                    d.import_values = match &val {
                        Value::Nil => Vec::new(),
                        Value::List(l) => l.as_ref().clone(),
                        other => return Err(type_err(other, &f, "[]interface {}")),
                    }
                }
                "alias" => d.alias = string_field(&val, &f)?,
                _ => {}
            }
        }
        Ok(Some(d))
    }

    /// The dependency as `encoding/json` sees it (json tags, omitempty; `name` and
    /// `repository` have no omitempty and are always there).
    pub fn to_plain(&self) -> Value {
        let mut m = BTreeMap::new();
        m.insert("name".into(), Value::str(&self.name));
        put_str(&mut m, "version", &self.version);
        m.insert("repository".into(), Value::str(&self.repository));
        put_str(&mut m, "condition", &self.condition);
        if !self.tags.is_empty() {
            m.insert(
                "tags".into(),
                Value::from(self.tags.iter().map(Value::str).collect::<Vec<_>>()),
            );
        }
        if self.enabled {
            m.insert("enabled".into(), Value::Bool(true));
        }
        if !self.import_values.is_empty() {
            m.insert(
                "import-values".into(),
                Value::from(self.import_values.clone()),
            );
        }
        put_str(&mut m, "alias", &self.alias);
        Value::from(m)
    }
}

fn put_str(m: &mut BTreeMap<String, Value>, k: &str, v: &str) {
    if !v.is_empty() {
        m.insert(k.into(), Value::str(v));
    }
}

impl Maintainer {
    pub fn to_plain(&self) -> Value {
        let mut m = BTreeMap::new();
        put_str(&mut m, "name", &self.name);
        put_str(&mut m, "email", &self.email);
        put_str(&mut m, "url", &self.url);
        Value::from(m)
    }
}

impl Metadata {
    /// Decode the text of a Chart.yaml. An empty `apiVersion` becomes `v1`.
    pub fn from_yaml(text: &str) -> Result<Metadata, String> {
        // Numbers in string fields become Go's strings of them (`appVersion: 1.10` is "1.1",
        // `20230101` stays "20230101"), as sigs.k8s.io/yaml decodes into the struct.
        let v = crate::yaml::from_yaml_shaped(text, crate::yaml::CHART_METADATA)
            .map_err(|e| e.to_string())?;
        let mut md = Metadata::default();
        md.apply(&v)?;
        if md.api_version.is_empty() {
            md.api_version = "v1".into();
        }
        Ok(md)
    }

    /// A v1 chart's requirements.yaml (`dependencies:`) decoded onto the metadata.
    pub fn merge_requirements(&mut self, text: &str) -> Result<(), String> {
        let v = crate::yaml::from_yaml(text).map_err(|e| e.to_string())?;
        self.apply(&v)
    }

    fn apply(&mut self, v: &Value) -> Result<(), String> {
        let entries = match v {
            Value::Nil => return Ok(()),
            Value::Map(_) => map_entries(v, "", "")?,
            other => {
                return Err(format!(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type chart.Metadata",
                    super::json_kind(other)
                ));
            }
        };
        for (k, val) in entries {
            let f = format!("Metadata.{k}");
            match k.as_str() {
                "name" => self.name = string_field(&val, &f)?,
                "home" => self.home = string_field(&val, &f)?,
                "sources" => self.sources = string_list(&val, &f)?,
                "version" => self.version = string_field(&val, &f)?,
                "description" => self.description = string_field(&val, &f)?,
                "keywords" => self.keywords = string_list(&val, &f)?,
                "maintainers" => {
                    self.maintainers.clear();
                    match &val {
                        Value::Nil => {}
                        Value::List(l) => {
                            for item in l.iter() {
                                let mut m = Maintainer::default();
                                for (mk, mv) in map_entries(item, &f, "chart.Maintainer")? {
                                    let mf = format!("{f}.{mk}");
                                    match mk.as_str() {
                                        "name" => m.name = string_field(&mv, &mf)?,
                                        "email" => m.email = string_field(&mv, &mf)?,
                                        "url" => m.url = string_field(&mv, &mf)?,
                                        _ => {}
                                    }
                                }
                                self.maintainers.push(m);
                            }
                        }
                        other => return Err(type_err(other, &f, "[]*chart.Maintainer")),
                    }
                }
                "icon" => self.icon = string_field(&val, &f)?,
                "apiVersion" => self.api_version = string_field(&val, &f)?,
                "condition" => self.condition = string_field(&val, &f)?,
                "tags" => self.tags = string_field(&val, &f)?,
                "appVersion" => self.app_version = string_field(&val, &f)?,
                "deprecated" => self.deprecated = bool_field(&val, &f)?,
                "annotations" => {
                    self.annotations.clear();
                    for (ak, av) in map_entries(&val, &f, "map[string]string")? {
                        let s = string_field(&av, &f)?;
                        self.annotations.insert(ak, s);
                    }
                }
                "kubeVersion" => self.kube_version = string_field(&val, &f)?,
                "dependencies" => {
                    self.dependencies.clear();
                    match &val {
                        Value::Nil => {}
                        Value::List(l) => {
                            for item in l.iter() {
                                match Dependency::from_value(item)? {
                                    Some(d) => self.dependencies.push(d),
                                    None => {
                                        return Err(
                                            "dependencies must not contain empty or null nodes"
                                                .into(),
                                        );
                                    }
                                }
                            }
                        }
                        other => return Err(type_err(other, &f, "[]*chart.Dependency")),
                    }
                }
                "type" => self.chart_type = string_field(&val, &f)?,
                _ => {}
            }
        }
        Ok(())
    }

    /// Helm's `Metadata.Validate` (sanitizes strings, then checks required fields).
    pub fn validate(&mut self) -> Result<(), String> {
        self.name = sanitize(&self.name);
        self.description = sanitize(&self.description);
        self.home = sanitize(&self.home);
        self.icon = sanitize(&self.icon);
        self.condition = sanitize(&self.condition);
        self.tags = sanitize(&self.tags);
        self.app_version = sanitize(&self.app_version);
        self.kube_version = sanitize(&self.kube_version);
        for s in self.sources.iter_mut().chain(self.keywords.iter_mut()) {
            *s = sanitize(s);
        }
        if self.api_version.is_empty() {
            return Err("chart.metadata.apiVersion is required".into());
        }
        if self.name.is_empty() {
            return Err("chart.metadata.name is required".into());
        }
        if self.name.contains('/') {
            return Err(format!("chart.metadata.name {:?} is invalid", self.name));
        }
        if self.version.is_empty() {
            return Err("chart.metadata.version is required".into());
        }
        if !matches!(self.chart_type.as_str(), "" | "application" | "library") {
            return Err("chart.metadata.type must be application or library".into());
        }
        let mut seen = std::collections::BTreeSet::new();
        for d in &mut self.dependencies {
            d.name = sanitize(&d.name);
            d.version = sanitize(&d.version);
            d.repository = sanitize(&d.repository);
            d.condition = sanitize(&d.condition);
            for t in &mut d.tags {
                *t = sanitize(t);
            }
            if !d.alias.is_empty()
                && !d
                    .alias
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(format!(
                    "dependency {:?} has disallowed characters in the alias",
                    d.name
                ));
            }
            let key = if d.alias.is_empty() {
                d.name.clone()
            } else {
                d.alias.clone()
            };
            if !seen.insert(key.clone()) {
                return Err(format!(
                    "more than one dependency with name or alias {key:?}"
                ));
            }
        }
        Ok(())
    }

    /// The metadata as `encoding/json` sees it (json tags, omitempty).
    pub fn to_plain(&self) -> Value {
        let mut m = BTreeMap::new();
        put_str(&mut m, "name", &self.name);
        put_str(&mut m, "home", &self.home);
        if !self.sources.is_empty() {
            m.insert(
                "sources".into(),
                Value::from(self.sources.iter().map(Value::str).collect::<Vec<_>>()),
            );
        }
        put_str(&mut m, "version", &self.version);
        put_str(&mut m, "description", &self.description);
        if !self.keywords.is_empty() {
            m.insert(
                "keywords".into(),
                Value::from(self.keywords.iter().map(Value::str).collect::<Vec<_>>()),
            );
        }
        if !self.maintainers.is_empty() {
            m.insert(
                "maintainers".into(),
                Value::from(
                    self.maintainers
                        .iter()
                        .map(|x| x.to_plain())
                        .collect::<Vec<_>>(),
                ),
            );
        }
        put_str(&mut m, "icon", &self.icon);
        put_str(&mut m, "apiVersion", &self.api_version);
        put_str(&mut m, "condition", &self.condition);
        put_str(&mut m, "tags", &self.tags);
        put_str(&mut m, "appVersion", &self.app_version);
        if self.deprecated {
            m.insert("deprecated".into(), Value::Bool(true));
        }
        if !self.annotations.is_empty() {
            let a: BTreeMap<String, Value> = self
                .annotations
                .iter()
                .map(|(k, v)| (k.clone(), Value::str(v)))
                .collect();
            m.insert("annotations".into(), Value::from(a));
        }
        put_str(&mut m, "kubeVersion", &self.kube_version);
        if !self.dependencies.is_empty() {
            m.insert(
                "dependencies".into(),
                Value::from(
                    self.dependencies
                        .iter()
                        .map(|d| d.to_plain())
                        .collect::<Vec<_>>(),
                ),
            );
        }
        put_str(&mut m, "type", &self.chart_type);
        Value::from(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float32_g() {
        // Go: strconv.FormatFloat(v, 'g', -1, 32)
        let cases = [
            (1.1, "1.1"),
            (1.10, "1.1"),
            (0.1, "0.1"),
            (2.5625, "2.5625"),
            (1e6, "1e+06"),
            (123456.0, "123456"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1.2e7, "1.2e+07"),
            (-2.5, "-2.5"),
        ];
        for (f, want) in cases {
            assert_eq!(format_float32_g(f), want, "{f}");
        }
    }

    #[test]
    fn sanitize_strings() {
        assert_eq!(sanitize("a\nb\tc"), "a b c");
        assert_eq!(sanitize("x\u{7}y"), "xy");
    }
}
