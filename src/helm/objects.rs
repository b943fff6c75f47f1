//! The host objects Helm gives templates: `.Chart`, `.Capabilities`, `.Files`.

use std::collections::BTreeMap;
use std::rc::Rc;

use base64::Engine as _;

use crate::chart::{File, Metadata};
use crate::gotmpl::{FuncError, Object, Value};

/// The API versions of the reference Helm 3.17.3 (client-go's scheme), in its order,
/// captured with `helm-snippet '{{ toYaml .Capabilities.APIVersions }}'`.
pub const DEFAULT_API_VERSIONS: &[&str] = &[
    "v1",
    "admissionregistration.k8s.io/v1",
    "admissionregistration.k8s.io/v1alpha1",
    "admissionregistration.k8s.io/v1beta1",
    "internal.apiserver.k8s.io/v1alpha1",
    "apps/v1",
    "apps/v1beta1",
    "apps/v1beta2",
    "authentication.k8s.io/v1",
    "authentication.k8s.io/v1alpha1",
    "authentication.k8s.io/v1beta1",
    "authorization.k8s.io/v1",
    "authorization.k8s.io/v1beta1",
    "autoscaling/v1",
    "autoscaling/v2",
    "autoscaling/v2beta1",
    "autoscaling/v2beta2",
    "batch/v1",
    "batch/v1beta1",
    "certificates.k8s.io/v1",
    "certificates.k8s.io/v1beta1",
    "certificates.k8s.io/v1alpha1",
    "coordination.k8s.io/v1alpha2",
    "coordination.k8s.io/v1beta1",
    "coordination.k8s.io/v1",
    "discovery.k8s.io/v1",
    "discovery.k8s.io/v1beta1",
    "events.k8s.io/v1",
    "events.k8s.io/v1beta1",
    "extensions/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1",
    "flowcontrol.apiserver.k8s.io/v1beta1",
    "flowcontrol.apiserver.k8s.io/v1beta2",
    "flowcontrol.apiserver.k8s.io/v1beta3",
    "networking.k8s.io/v1",
    "networking.k8s.io/v1alpha1",
    "networking.k8s.io/v1beta1",
    "node.k8s.io/v1",
    "node.k8s.io/v1alpha1",
    "node.k8s.io/v1beta1",
    "policy/v1",
    "policy/v1beta1",
    "rbac.authorization.k8s.io/v1",
    "rbac.authorization.k8s.io/v1beta1",
    "rbac.authorization.k8s.io/v1alpha1",
    "resource.k8s.io/v1beta1",
    "resource.k8s.io/v1alpha3",
    "scheduling.k8s.io/v1alpha1",
    "scheduling.k8s.io/v1beta1",
    "scheduling.k8s.io/v1",
    "storage.k8s.io/v1beta1",
    "storage.k8s.io/v1",
    "storage.k8s.io/v1alpha1",
    "storagemigration.k8s.io/v1alpha1",
    "apiextensions.k8s.io/v1beta1",
    "apiextensions.k8s.io/v1",
];

/// The reference Helm's default Kubernetes version (without `--kube-version`).
pub const DEFAULT_KUBE_VERSION: &str = "v1.32.0";

/// Helm version information of the reference binary.
pub const HELM_VERSION: &str = "v3.17.3";
pub const HELM_GIT_COMMIT: &str = "e4da49785aa6e6ee2b86efd5dd9e43400318262b";
pub const HELM_GO_VERSION: &str = "go1.23.7";

/// A Go struct value with exported fields (in declaration order) and optional methods.
#[derive(Debug)]
pub struct GoStruct {
    type_name: String,
    fields: Vec<(&'static str, Value)>,
    plain: Value,
    /// The result of a `String()` method with a pointer receiver (`(*KubeVersion).String`):
    /// used when the template prints the (addressable) field, not by `fmt` in functions.
    stringer: Option<String>,
    /// Zero-argument methods returning a string.
    methods: Vec<(&'static str, String)>,
    ptr: bool,
    /// JSON keys of `plain` in struct declaration order.
    json_order: &'static [&'static str],
}

const MAINTAINER_JSON: &[&str] = &["name", "email", "url"];
const DEPENDENCY_JSON: &[&str] = &[
    "name",
    "version",
    "repository",
    "condition",
    "tags",
    "enabled",
    "import-values",
    "alias",
];
/// `struct { chart.Metadata; IsRoot bool }`: the embedded Metadata's fields, then IsRoot.
const CHART_JSON: &[&str] = &[
    "name",
    "home",
    "sources",
    "version",
    "description",
    "keywords",
    "maintainers",
    "icon",
    "apiVersion",
    "condition",
    "tags",
    "appVersion",
    "deprecated",
    "annotations",
    "kubeVersion",
    "dependencies",
    "type",
    "IsRoot",
];
const KUBE_VERSION_JSON: &[&str] = &["Version", "Major", "Minor"];
const HELM_VERSION_JSON: &[&str] = &["version", "git_commit", "git_tree_state", "go_version"];
const CAPABILITIES_JSON: &[&str] = &["KubeVersion", "APIVersions", "HelmVersion"];

impl GoStruct {
    fn field(&self, name: &str) -> Option<&Value> {
        self.fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// Go's `%v` of a field value inside a struct.
fn format_field(v: &Value) -> String {
    match v {
        Value::Object(o) => o.format(),
        Value::Map(m) => {
            // map[string]string prints as map[k:v]
            let mut out = String::from("map[");
            for (i, (k, v)) in m.borrow().iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(k);
                out.push(':');
                out.push_str(&format_field(v));
            }
            out.push(']');
            out
        }
        Value::List(l) => {
            let parts: Vec<String> = l.iter().map(format_field).collect();
            format!("[{}]", parts.join(" "))
        }
        other => other.to_go_string(),
    }
}

impl Object for GoStruct {
    fn type_name(&self) -> String {
        self.type_name.clone()
    }
    fn get(&self, name: &str, args: &[Value]) -> Option<Result<Value, FuncError>> {
        if name == "String" && self.stringer.is_some() {
            return Some(
                no_args(name, args).map(|_| Value::str(self.stringer.as_deref().unwrap_or(""))),
            );
        }
        if let Some((_, v)) = self.methods.iter().find(|(n, _)| *n == name) {
            return Some(no_args(name, args).map(|_| Value::str(v)));
        }
        let v = self.field(name)?;
        if !args.is_empty() {
            return Some(Err(FuncError::bare(format!(
                "{name} has arguments but cannot be invoked as function"
            ))));
        }
        Some(Ok(v.clone()))
    }
    fn format(&self) -> String {
        let parts: Vec<String> = self.fields.iter().map(|(_, v)| format_field(v)).collect();
        let body = format!("{{{}}}", parts.join(" "));
        if self.ptr { format!("&{body}") } else { body }
    }
    fn template_print(&self) -> String {
        match &self.stringer {
            Some(s) => s.clone(),
            None => self.format(),
        }
    }
    fn json_order(&self) -> &[&'static str] {
        self.json_order
    }
    fn to_plain(&self) -> Value {
        self.plain.clone()
    }
    fn kind(&self) -> &'static str {
        if self.ptr { "ptr" } else { "struct" }
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn no_args(name: &str, args: &[Value]) -> Result<(), FuncError> {
    if args.is_empty() {
        Ok(())
    } else {
        Err(FuncError::bare(format!(
            "wrong number of args for {name}: want 0 got {}",
            args.len()
        )))
    }
}

fn strs(v: &[String]) -> Value {
    Value::StrList(Rc::new(v.to_vec()))
}

fn str_map(m: &BTreeMap<String, String>) -> Value {
    Value::from(
        m.iter()
            .map(|(k, v)| (k.clone(), Value::str(v)))
            .collect::<BTreeMap<_, _>>(),
    )
}

fn metadata_fields(md: &Metadata) -> Vec<(&'static str, Value)> {
    let maintainers: Vec<Value> = md
        .maintainers
        .iter()
        .map(|m| {
            Value::Object(Rc::new(GoStruct {
                type_name: "*chart.Maintainer".into(),
                fields: vec![
                    ("Name", Value::str(&m.name)),
                    ("Email", Value::str(&m.email)),
                    ("URL", Value::str(&m.url)),
                ],
                plain: m.to_plain(),
                stringer: None,
                methods: vec![],
                ptr: true,
                json_order: MAINTAINER_JSON,
            }))
        })
        .collect();
    let deps: Vec<Value> = md
        .dependencies
        .iter()
        .map(|d| {
            Value::Object(Rc::new(GoStruct {
                type_name: "*chart.Dependency".into(),
                fields: vec![
                    ("Name", Value::str(&d.name)),
                    ("Version", Value::str(&d.version)),
                    ("Repository", Value::str(&d.repository)),
                    ("Condition", Value::str(&d.condition)),
                    ("Tags", strs(&d.tags)),
                    ("Enabled", Value::Bool(d.enabled)),
                    ("ImportValues", Value::from(d.import_values.clone())),
                    ("Alias", Value::str(&d.alias)),
                ],
                plain: d.to_plain(),
                stringer: None,
                methods: vec![],
                ptr: true,
                json_order: DEPENDENCY_JSON,
            }))
        })
        .collect();
    // absent lists and maps are Go nil slices/maps: `toYaml`/`toJson` print null
    let or_nil = |empty: bool, v: Value, type_name: &'static str, kind: &'static str| {
        if empty {
            Value::Object(Rc::new(GoNil { type_name, kind }))
        } else {
            v
        }
    };
    vec![
        ("Name", Value::str(&md.name)),
        ("Home", Value::str(&md.home)),
        (
            "Sources",
            or_nil(
                md.sources.is_empty(),
                strs(&md.sources),
                "[]string",
                "slice",
            ),
        ),
        ("Version", Value::str(&md.version)),
        ("Description", Value::str(&md.description)),
        (
            "Keywords",
            or_nil(
                md.keywords.is_empty(),
                strs(&md.keywords),
                "[]string",
                "slice",
            ),
        ),
        (
            "Maintainers",
            or_nil(
                maintainers.is_empty(),
                Value::from(maintainers),
                "[]*chart.Maintainer",
                "slice",
            ),
        ),
        ("Icon", Value::str(&md.icon)),
        ("APIVersion", Value::str(&md.api_version)),
        ("Condition", Value::str(&md.condition)),
        ("Tags", Value::str(&md.tags)),
        ("AppVersion", Value::str(&md.app_version)),
        ("Deprecated", Value::Bool(md.deprecated)),
        (
            "Annotations",
            or_nil(
                md.annotations.is_empty(),
                str_map(&md.annotations),
                "map[string]string",
                "map",
            ),
        ),
        ("KubeVersion", Value::str(&md.kube_version)),
        (
            "Dependencies",
            or_nil(
                deps.is_empty(),
                Value::from(deps),
                "[]*chart.Dependency",
                "slice",
            ),
        ),
        ("Type", Value::str(&md.chart_type)),
    ]
}

/// `.Chart` inside a template: `struct{ chart.Metadata; IsRoot bool }`.
pub fn chart_object(md: &Metadata, is_root: bool) -> Value {
    let mut fields = metadata_fields(md);
    let inner = format!(
        "{{{}}}",
        fields
            .iter()
            .map(|(_, v)| format_field(v))
            .collect::<Vec<_>>()
            .join(" ")
    );
    fields.push(("IsRoot", Value::Bool(is_root)));
    let plain = md.to_plain();
    if let Value::Map(m) = &plain {
        let mut m = m.borrow_mut();
        m.insert("IsRoot".into(), Value::Bool(is_root));
        // maintainers and dependencies as the struct objects, so that JSON keeps their
        // field order
        for (key, field) in [
            ("maintainers", "Maintainers"),
            ("dependencies", "Dependencies"),
        ] {
            if m.contains_key(key)
                && let Some((_, v)) = fields.iter().find(|(n, _)| *n == field)
            {
                m.insert(key.into(), v.clone());
            }
        }
    }
    Value::Object(Rc::new(ChartObject {
        inner: GoStruct {
            type_name: "struct { chart.Metadata; IsRoot bool }".into(),
            fields,
            plain,
            stringer: None,
            methods: vec![],
            ptr: false,
            json_order: CHART_JSON,
        },
        formatted: format!("{{{inner} {is_root}}}"),
    }))
}

/// `.Chart`: a struct embedding Metadata (printed as `{{…} true}`).
#[derive(Debug)]
struct ChartObject {
    inner: GoStruct,
    formatted: String,
}

impl Object for ChartObject {
    fn type_name(&self) -> String {
        self.inner.type_name()
    }
    fn get(&self, name: &str, args: &[Value]) -> Option<Result<Value, FuncError>> {
        self.inner.get(name, args)
    }
    fn format(&self) -> String {
        self.formatted.clone()
    }
    fn to_plain(&self) -> Value {
        self.inner.to_plain()
    }
    fn json_order(&self) -> &[&'static str] {
        self.inner.json_order()
    }
    fn kind(&self) -> &'static str {
        "struct"
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A nil Go slice or map of a struct field (`.Chart.Keywords` when Chart.yaml has none):
/// empty, printed as `[]`/`map[]`, encoded as JSON/YAML `null`, with its Go type name.
#[derive(Debug)]
struct GoNil {
    type_name: &'static str,
    kind: &'static str,
}

impl Object for GoNil {
    fn type_name(&self) -> String {
        self.type_name.into()
    }
    fn get(&self, _: &str, _: &[Value]) -> Option<Result<Value, FuncError>> {
        None
    }
    fn format(&self) -> String {
        if self.kind == "map" { "map[]" } else { "[]" }.into()
    }
    fn to_plain(&self) -> Value {
        Value::Nil
    }
    fn kind(&self) -> &'static str {
        self.kind
    }
    fn truth(&self) -> bool {
        false
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `chartutil.VersionSet`: a `[]string` with a `Has` method.
#[derive(Debug)]
pub struct VersionSet(pub Vec<String>);

impl Object for VersionSet {
    fn type_name(&self) -> String {
        "chartutil.VersionSet".into()
    }
    fn get(&self, name: &str, args: &[Value]) -> Option<Result<Value, FuncError>> {
        if name != "Has" {
            return None;
        }
        Some(match args {
            [Value::Str(s)] => Ok(Value::Bool(self.0.iter().any(|v| v == &**s))),
            [other] => Err(FuncError::bare(format!(
                "wrong type for value; expected string; got {}",
                other.type_name()
            ))),
            _ => Err(FuncError::bare(format!(
                "wrong number of args for Has: want 1 got {}",
                args.len()
            ))),
        })
    }
    fn format(&self) -> String {
        format!("[{}]", self.0.join(" "))
    }
    fn to_plain(&self) -> Value {
        Value::StrList(Rc::new(self.0.clone()))
    }
    fn kind(&self) -> &'static str {
        "slice"
    }
    fn truth(&self) -> bool {
        !self.0.is_empty()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// A parsed Kubernetes version for `.Capabilities.KubeVersion`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeVersion {
    pub version: String,
    pub major: String,
    pub minor: String,
}

impl KubeVersion {
    /// `chartutil.ParseKubeVersion`: Masterminds semver, printed back as `v<semver>`.
    pub fn parse(s: &str) -> Option<KubeVersion> {
        let v = super::semver::Version::parse(s)?;
        let mut version = format!("v{}.{}.{}", v.major, v.minor, v.patch);
        if !v.pre.is_empty() {
            version.push('-');
            version.push_str(&v.pre);
        }
        // Build metadata is kept by Masterminds' String().
        if let Some((_, meta)) = s.split_once('+') {
            version.push('+');
            version.push_str(meta);
        }
        Some(KubeVersion {
            version,
            major: v.major.to_string(),
            minor: v.minor.to_string(),
        })
    }

    pub fn default_version() -> KubeVersion {
        KubeVersion {
            version: DEFAULT_KUBE_VERSION.into(),
            major: "1".into(),
            minor: "32".into(),
        }
    }
}

/// `.Capabilities`.
pub fn capabilities_object(kube: &KubeVersion, api_versions: &[String]) -> Value {
    let mut kplain = BTreeMap::new();
    kplain.insert("Version".to_string(), Value::str(&kube.version));
    kplain.insert("Major".to_string(), Value::str(&kube.major));
    kplain.insert("Minor".to_string(), Value::str(&kube.minor));
    let kv = Value::Object(Rc::new(GoStruct {
        type_name: "chartutil.KubeVersion".into(),
        fields: vec![
            ("Version", Value::str(&kube.version)),
            ("Major", Value::str(&kube.major)),
            ("Minor", Value::str(&kube.minor)),
        ],
        plain: Value::from(kplain),
        stringer: Some(kube.version.clone()),
        methods: vec![("GitVersion", kube.version.clone())],
        ptr: false,
        json_order: KUBE_VERSION_JSON,
    }));
    let mut hplain = BTreeMap::new();
    hplain.insert("version".to_string(), Value::str(HELM_VERSION));
    hplain.insert("git_commit".to_string(), Value::str(HELM_GIT_COMMIT));
    hplain.insert("git_tree_state".to_string(), Value::str("clean"));
    hplain.insert("go_version".to_string(), Value::str(HELM_GO_VERSION));
    let hv = Value::Object(Rc::new(GoStruct {
        type_name: "chartutil.HelmVersion".into(),
        fields: vec![
            ("Version", Value::str(HELM_VERSION)),
            ("GitCommit", Value::str(HELM_GIT_COMMIT)),
            ("GitTreeState", Value::str("clean")),
            ("GoVersion", Value::str(HELM_GO_VERSION)),
        ],
        plain: Value::from(hplain),
        stringer: None,
        methods: vec![],
        ptr: false,
        json_order: HELM_VERSION_JSON,
    }));
    let apis = VersionSet(api_versions.to_vec());
    let apis_plain = apis.to_plain();
    let apis = Value::Object(Rc::new(apis));
    let mut plain = BTreeMap::new();
    plain.insert("APIVersions".to_string(), apis_plain);
    // the nested structs stay objects so that JSON keeps their field order
    plain.insert("KubeVersion".to_string(), kv.clone());
    plain.insert("HelmVersion".to_string(), hv.clone());
    Value::Object(Rc::new(GoStruct {
        type_name: "*chartutil.Capabilities".into(),
        // chartutil.Capabilities declares KubeVersion, APIVersions, HelmVersion
        fields: vec![
            ("KubeVersion", kv),
            ("APIVersions", apis),
            ("HelmVersion", hv),
        ],
        plain: Value::from(plain),
        stringer: None,
        methods: vec![],
        ptr: true,
        json_order: CAPABILITIES_JSON,
    }))
}

/// `.Files`: Helm's `engine.files` (`map[string][]byte` with methods).
#[derive(Debug, Clone, Default)]
pub struct Files {
    pub files: BTreeMap<String, crate::chart::Data>,
}

impl Files {
    pub fn new(from: &[File]) -> Files {
        let mut files = BTreeMap::new();
        for f in from {
            files.insert(f.name.clone(), f.data.clone());
        }
        Files { files }
    }

    fn glob(&self, pattern: &str) -> Files {
        let re = glob_regex(pattern).unwrap_or_else(|| glob_regex("**").expect("** compiles"));
        Files {
            files: self
                .files
                .iter()
                .filter(|(k, _)| re.is_match(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        }
    }

    fn as_map(&self, f: impl Fn(&[u8]) -> String) -> String {
        let mut m = BTreeMap::new();
        for (k, v) in &self.files {
            let base = k.rsplit('/').next().unwrap_or(k).to_string();
            m.insert(base, Value::str(f(v)));
        }
        match crate::yaml::to_yaml(&Value::from(m)) {
            Ok(s) => s.strip_suffix('\n').map(str::to_string).unwrap_or(s),
            Err(_) => String::new(),
        }
    }
}

fn string_arg(name: &str, args: &[Value]) -> Result<String, FuncError> {
    match args {
        [Value::Str(s)] => Ok(s.to_string()),
        [other] => Err(FuncError::bare(format!(
            "wrong type for value; expected string; got {}",
            other.type_name()
        ))),
        _ => Err(FuncError::bare(format!(
            "wrong number of args for {name}: want 1 got {}",
            args.len()
        ))),
    }
}

impl Object for Files {
    fn type_name(&self) -> String {
        "engine.files".into()
    }
    fn get(&self, name: &str, args: &[Value]) -> Option<Result<Value, FuncError>> {
        let r = match name {
            "Get" => string_arg(name, args).map(|p| {
                // (Copied once, into the value: not first into a String of its own.)
                match self.files.get(&p) {
                    Some(d) => Value::str(&*crate::chart::lossy(d)),
                    None => Value::str(""),
                }
            }),
            "GetBytes" => string_arg(name, args).map(|p| {
                Value::Bytes(
                    self.files
                        .get(&p)
                        .map(|d| Rc::from(&d[..]))
                        .unwrap_or_else(|| Rc::from(&[][..])),
                )
            }),
            "Glob" => string_arg(name, args).map(|p| Value::Object(Rc::new(self.glob(&p)))),
            "Lines" => string_arg(name, args).map(|p| match self.files.get(&p) {
                None => Value::StrList(Rc::new(Vec::new())),
                Some(d) => {
                    let s = crate::chart::lossy(d);
                    let s = s.strip_suffix('\n').unwrap_or(&s);
                    Value::StrList(Rc::new(s.split('\n').map(str::to_string).collect()))
                }
            }),
            "AsConfig" => no_args(name, args)
                .map(|_| Value::str(self.as_map(|d| crate::chart::lossy(d).into_owned()))),
            "AsSecrets" => no_args(name, args).map(|_| {
                Value::str(self.as_map(|d| base64::engine::general_purpose::STANDARD.encode(d)))
            }),
            _ => return None,
        };
        Some(r)
    }
    fn format(&self) -> String {
        let mut out = String::from("map[");
        for (i, (k, v)) in self.files.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(k);
            out.push(':');
            Value::Bytes(Rc::from(&v[..])).write_go(&mut out, false);
        }
        out.push(']');
        out
    }
    fn to_plain(&self) -> Value {
        Value::from(
            self.files
                .iter()
                .map(|(k, v)| (k.clone(), Value::Bytes(Rc::from(&v[..]))))
                .collect::<BTreeMap<_, _>>(),
        )
    }
    fn kind(&self) -> &'static str {
        "map"
    }
    fn truth(&self) -> bool {
        !self.files.is_empty()
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Translate a gobwas/glob pattern (separator `/`) to an anchored regex.
pub fn glob_regex(pattern: &str) -> Option<regex::Regex> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = String::from("^");
    let mut i = 0;
    let mut depth = 0usize;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' => {
                if i + 1 < chars.len() && chars[i + 1] == '*' {
                    out.push_str("(?s:.*)");
                    while i < chars.len() && chars[i] == '*' {
                        i += 1;
                    }
                    continue;
                }
                out.push_str("[^/]*");
            }
            '?' => out.push_str("[^/]"),
            '[' => {
                let mut j = i + 1;
                let mut class = String::from("[");
                if j < chars.len() && chars[j] == '!' {
                    class.push('^');
                    j += 1;
                }
                let start = j;
                while j < chars.len() && chars[j] != ']' {
                    let ch = chars[j];
                    if ch == '\\' || ch == '[' || ch == '^' || ch == '&' || ch == '~' {
                        class.push('\\');
                    }
                    class.push(ch);
                    j += 1;
                }
                if j >= chars.len() || j == start {
                    return None;
                }
                class.push(']');
                out.push_str(&class);
                i = j;
            }
            '{' => {
                depth += 1;
                out.push_str("(?:");
            }
            '}' if depth > 0 => {
                depth -= 1;
                out.push(')');
            }
            ',' if depth > 0 => out.push('|'),
            '\\' => {
                i += 1;
                if i >= chars.len() {
                    return None;
                }
                out.push_str(&regex::escape(&chars[i].to_string()));
            }
            other => out.push_str(&regex::escape(&other.to_string())),
        }
        i += 1;
    }
    if depth != 0 {
        return None;
    }
    out.push('$');
    regex::Regex::new(&out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gobwas_globs() {
        let cases = [
            ("files/*.json", "files/a.json", true),
            ("files/*.json", "files/sub/a.json", false),
            ("files/**.json", "files/sub/a.json", true),
            ("**", "a/b/c", true),
            ("dashboards/{a,b}.json", "dashboards/b.json", true),
            ("dashboards/{a,b}.json", "dashboards/c.json", false),
            ("f?le", "file", true),
            ("[!a]x", "bx", true),
            ("[!a]x", "ax", false),
            ("config/*", "config/x.yaml", true),
        ];
        for (p, n, want) in cases {
            assert_eq!(glob_regex(p).unwrap().is_match(n), want, "{p} {n}");
        }
    }

    fn file(name: &str, text: &str) -> crate::chart::File {
        crate::chart::File {
            name: name.into(),
            data: crate::chart::Data::copy_from_slice(text.as_bytes()),
        }
    }

    /// Go prints `.Capabilities.KubeVersion` with its pointer-receiver `String` only when the
    /// template prints the field itself; functions (`printf`, `quote`, `print`) get a copy and
    /// print the struct. `encoding/json` keeps struct field order, and a Dependency's `name`
    /// and `repository` have no omitempty. Expected text from helm v3.17.3 (`helm template r
    /// . --kube-version 1.33.0` of the same chart).
    #[test]
    fn objects_print_and_encode_like_go() {
        let template = concat!(
            r#"# {{ printf "%v" .Capabilities.KubeVersion }}|{{ .Capabilities.KubeVersion }}"#,
            r#"|{{ .Capabilities.KubeVersion | quote }}|{{ print .Capabilities.KubeVersion }}"#,
            "\n",
            r#"# {{ printf "%v" .Capabilities.HelmVersion }}|{{ (printf "%v" .Capabilities) | trunc 30 }}"#,
            "\n# {{ toJson .Chart }}\n",
            r#"# {{ toJson .Capabilities.KubeVersion }}|{{ toJson .Capabilities.HelmVersion }}"#,
            r#"|{{ toJson .Capabilities | trunc 60 }}"#,
            "\n",
            r#"# {{ toYaml .Chart.Dependencies | replace "\n" "," }}"#,
        );
        let chart = crate::chart::load_files(vec![
            file(
                "Chart.yaml",
                "apiVersion: v2\nname: ot\nversion: 0.1.0\nappVersion: \"1.2\"\nannotations:\n  z: b\n  a: c\nmaintainers:\n- name: Me\n  url: https://x\n  email: m@x\ndependencies:\n- name: sub\n  version: 0.2.0\n  condition: sub.enabled\n",
            ),
            file("templates/t.yaml", template),
            file("charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.2.0\n"),
        ])
        .expect("load chart");
        let mut opts = crate::helm::TemplateOptions::new();
        opts.release_name = "r".into();
        opts.kube_version = Some("1.33.0".into());
        let out = crate::helm::template_chart(&chart, &opts)
            .expect("render")
            .stdout;
        let want = concat!(
            "---\n# Source: ot/templates/t.yaml\n",
            "# {v1.33.0 1 33}|v1.33.0|\"{v1.33.0 1 33}\"|{v1.33.0 1 33}\n",
            "# {v3.17.3 e4da49785aa6e6ee2b86efd5dd9e43400318262b clean go1.23.7}|&{{v1.33.0 1 33} [v1 admission\n",
            r#"# {"name":"ot","version":"0.1.0","maintainers":[{"name":"Me","email":"m@x","url":"https://x"}],"apiVersion":"v2","appVersion":"1.2","annotations":{"a":"c","z":"b"},"dependencies":[{"name":"sub","version":"0.2.0","repository":"","condition":"sub.enabled","enabled":true}],"IsRoot":true}"#,
            "\n",
            r#"# {"Version":"v1.33.0","Major":"1","Minor":"33"}|{"version":"v3.17.3","git_commit":"e4da49785aa6e6ee2b86efd5dd9e43400318262b","git_tree_state":"clean","go_version":"go1.23.7"}|{"KubeVersion":{"Version":"v1.33.0","Major":"1","Minor":"33""#,
            "\n",
            "# - condition: sub.enabled,  enabled: true,  name: sub,  repository: \"\",  version: 0.2.0\n",
        );
        assert_eq!(out, want);
    }

    /// Absent Chart.yaml lists and maps are Go nil slices/maps (`toYaml` prints null), and
    /// `.Capabilities.APIVersions` (a VersionSet) works with Sprig's list functions.
    /// Expected text from helm v3.17.3 (`helm template r .` of the same chart).
    #[test]
    fn nil_metadata_fields_and_host_slices() {
        let template = concat!(
            "# {{ toYaml .Chart.Dependencies }}|{{ toYaml .Chart.Maintainers }}|{{ toYaml .Chart.Keywords }}",
            "|{{ toJson .Chart.Annotations }}|{{ typeOf .Chart.Dependencies }}|{{ kindOf .Chart.Keywords }}",
            "|{{ len .Chart.Keywords }}|{{ range .Chart.Keywords }}x{{ else }}none{{ end }}",
            "|{{ join \",\" .Chart.Keywords }}|{{ default \"d\" .Chart.Keywords }}|{{ toJson .Chart }}\n",
            "# {{ has \"apps/v1\" .Capabilities.APIVersions }}|{{ first .Capabilities.APIVersions }}",
            "|{{ sortAlpha .Capabilities.APIVersions | first }}|{{ concat .Capabilities.APIVersions (list \"x\") | last }}",
        );
        let chart = crate::chart::load_files(vec![
            file("Chart.yaml", "apiVersion: v2\nname: ou\nversion: 0.1.0\n"),
            file("templates/t.yaml", template),
        ])
        .expect("load chart");
        let mut opts = crate::helm::TemplateOptions::new();
        opts.release_name = "r".into();
        let out = crate::helm::template_chart(&chart, &opts)
            .expect("render")
            .stdout;
        let want = concat!(
            "---\n# Source: ou/templates/t.yaml\n",
            "# null|null|null|null|[]*chart.Dependency|slice|0|none||d",
            r#"|{"name":"ou","version":"0.1.0","apiVersion":"v2","IsRoot":true}"#,
            "\n# true|v1|admissionregistration.k8s.io/v1|x\n",
        );
        assert_eq!(out, want);
    }

    #[test]
    fn kube_version_parse() {
        let k = KubeVersion::parse("1.33.0").unwrap();
        assert_eq!(
            (k.version.as_str(), k.major.as_str(), k.minor.as_str()),
            ("v1.33.0", "1", "33")
        );
        assert_eq!(KubeVersion::parse("v1.30").unwrap().version, "v1.30.0");
        assert!(KubeVersion::parse("abc").is_none());
    }

    #[test]
    fn chart_object_format_like_helm() {
        // helm-snippet '{{ .Chart }}' on apiVersion v2, name snippet, version 0.1.0, appVersion "1.0"
        let md = Metadata {
            name: "snippet".into(),
            version: "0.1.0".into(),
            api_version: "v2".into(),
            app_version: "1.0".into(),
            ..Default::default()
        };
        let v = chart_object(&md, true);
        assert_eq!(
            v.to_go_string(),
            "{{snippet  [] 0.1.0  [] []  v2   1.0 false map[]  [] } true}"
        );
    }
}
