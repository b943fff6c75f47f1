//! The stack: kiln's own description of what to render (`stack/stack.yaml`).
//!
//! A stack names chart repositories, releases (chart, version, namespace, values files,
//! extra manifests, `needs`), the Kubernetes version to render against, environments with
//! their variables, and output settings. Unknown keys are errors with a suggestion, and
//! every error names the file, line and column, because the stack is edited by hand in
//! pull requests and a typo must not silently drop a setting.

pub mod doc;
pub mod graph;
pub mod template;

use doc::{Kind, Node};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// An error in a stack file, with its position and, where one helps, a hint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{col}: {msg}{}", file.display(), hint.as_ref().map(|h| format!("\n  hint: {h}")).unwrap_or_default())]
pub struct StackError {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub msg: String,
    pub hint: Option<String>,
}

/// A chart repository: an HTTP chart repository (`index.yaml`) or an OCI registry
/// (`oci://host/path`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repository {
    pub name: String,
    pub url: String,
}

impl Repository {
    pub fn is_oci(&self) -> bool {
        self.url.starts_with("oci://")
    }
}

/// One Helm release of the stack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub name: String,
    pub namespace: String,
    /// `repo/chart` (a repository of the stack), `oci://…`, or a local path (`./charts/x`).
    pub chart: String,
    pub version: String,
    /// Values files, relative to the stack folder, in order; rendered with the
    /// environment's variables first.
    pub values: Vec<String>,
    /// Extra manifest files added to the release's output, also templated.
    pub manifests: Vec<String>,
    pub needs: Vec<String>,
    /// An explicit layer; it may place the release later than its needs require, never earlier.
    pub layer: Option<u32>,
    pub labels: BTreeMap<String, String>,
    /// Where the release is declared (for errors about it).
    pub line: usize,
    pub col: usize,
}

/// An environment: variables for the stack's own templates, and extra values files
/// per release applied after the release's own.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Environment {
    pub vars: BTreeMap<String, serde_json::Value>,
    pub values: BTreeMap<String, Vec<String>>,
}

/// The GitOps tool the rendered tree is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputMode {
    ArgoCd,
    Flux,
    Plain,
}

/// What happens to Helm hooks in the rendered tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HookPolicy {
    /// Translate `helm.sh/hook` to Argo CD hook annotations (test hooks dropped).
    Translate,
    /// Keep the resources as they are.
    Keep,
    /// Drop every hook resource.
    Drop,
}

/// Output settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub mode: OutputMode,
    pub hooks: HookPolicy,
    /// The Git repository URL that Argo CD / Flux read the rendered tree from.
    pub repo_url: String,
    pub revision: String,
    /// The path of the rendered tree inside that repository.
    pub path: String,
}

/// A whole stack file.
#[derive(Debug, Clone, PartialEq)]
pub struct Stack {
    /// The stack file and the folder relative paths are resolved against.
    pub file: PathBuf,
    pub dir: PathBuf,
    pub kube_version: String,
    pub api_versions: Vec<String>,
    pub repositories: Vec<Repository>,
    pub environments: BTreeMap<String, Environment>,
    pub output: Output,
    pub releases: Vec<Release>,
    /// Address rewrites for fetching charts (`mirrors: {FROM-prefix: TO-prefix}`), in file
    /// order; the lock still records the canonical addresses.
    pub mirrors: Vec<(String, String)>,
}

impl Stack {
    /// Read and check a stack file.
    pub fn load(path: &Path) -> Result<Stack, StackError> {
        let text = std::fs::read_to_string(path).map_err(|e| StackError {
            file: path.to_path_buf(),
            line: 0,
            col: 0,
            msg: format!("cannot read the stack file: {e}"),
            hint: Some("pass the stack folder or its stack.yaml with --stack".into()),
        })?;
        Stack::parse(path, &text)
    }

    /// Parse and check a stack file's text; `path` names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Stack, StackError> {
        let d = Decoder {
            file: path.to_path_buf(),
        };
        let root = doc::parse(text).map_err(|e| StackError {
            file: path.to_path_buf(),
            line: e.line,
            col: e.col,
            msg: format!("invalid YAML: {}", e.msg),
            hint: None,
        })?;
        d.stack(&root, path)
    }

    pub fn release(&self, name: &str) -> Option<&Release> {
        self.releases.iter().find(|r| r.name == name)
    }

    pub fn repository(&self, name: &str) -> Option<&Repository> {
        self.repositories.iter().find(|r| r.name == name)
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (distance(&word.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

struct Decoder {
    file: PathBuf,
}

type Entries<'a> = &'a [(String, Node, Node)];

impl Decoder {
    fn err(&self, n: &Node, msg: impl Into<String>, hint: Option<String>) -> StackError {
        StackError {
            file: self.file.clone(),
            line: n.line,
            col: n.col,
            msg: msg.into(),
            hint,
        }
    }

    /// The entries of a mapping node, refusing keys not in `allowed`.
    fn map<'a>(
        &self,
        n: &'a Node,
        what: &str,
        allowed: &[&str],
    ) -> Result<Entries<'a>, StackError> {
        let entries: Entries<'a> = match &n.kind {
            Kind::Map(e) => e,
            _ if n.is_null() => &[],
            _ => {
                return Err(self.err(
                    n,
                    format!("{what} must be a mapping, found {}", n.describe()),
                    None,
                ));
            }
        };
        if !allowed.is_empty() {
            for (k, kn, _) in entries {
                if !allowed.contains(&k.as_str()) {
                    let hint = match suggest(k, allowed.iter().copied()) {
                        Some(s) => {
                            format!("did you mean `{s}`? ({what} takes: {})", allowed.join(", "))
                        }
                        None => format!("{what} takes: {}", allowed.join(", ")),
                    };
                    return Err(self.err(kn, format!("unknown key `{k}` in {what}"), Some(hint)));
                }
            }
        }
        Ok(entries)
    }

    fn scalar(&self, n: &Node, what: &str) -> Result<String, StackError> {
        match &n.kind {
            Kind::Scalar { text, .. } if !n.is_null() => Ok(text.clone()),
            _ => Err(self.err(
                n,
                format!("{what} must be a single value, found {}", n.describe()),
                None,
            )),
        }
    }

    fn strings(&self, n: &Node, what: &str) -> Result<Vec<String>, StackError> {
        match &n.kind {
            Kind::Seq(items) => items.iter().map(|i| self.scalar(i, what)).collect(),
            _ if n.is_null() => Ok(Vec::new()),
            Kind::Scalar { .. } => Ok(vec![self.scalar(n, what)?]),
            Kind::Map(_) => {
                Err(self.err(n, format!("{what} must be a list, found a mapping"), None))
            }
        }
    }

    /// A values or manifest path: relative to the stack folder and inside the repository
    /// (the stack folder's parent), so that a pull request cannot make kiln read files of
    /// the machine it runs on (`/etc/…`, `../../.git-credentials`) into the tree.
    fn check_file(&self, n: &Node, what: &str, f: &str) -> Result<(), StackError> {
        let mut depth: i64 = 1; // the stack folder is one level below the repository root
        let mut inside = !f.is_empty() && !f.contains('\\');
        for c in Path::new(f).components() {
            match c {
                std::path::Component::Normal(_) => depth += 1,
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir => depth -= 1,
                _ => inside = false,
            }
            if depth < 0 {
                inside = false;
            }
        }
        if inside {
            return Ok(());
        }
        Err(self.err(
            n,
            format!("{what} file `{f}` is outside the repository"),
            Some("paths are relative to the stack folder and must stay inside the repository (no absolute paths, no `..` above it)".into()),
        ))
    }

    fn string_map(&self, n: &Node, what: &str) -> Result<BTreeMap<String, String>, StackError> {
        self.map(n, what, &[])?
            .iter()
            .map(|(k, _, v)| Ok((k.clone(), self.scalar(v, what)?)))
            .collect()
    }

    fn stack(&self, root: &Node, path: &Path) -> Result<Stack, StackError> {
        const TOP: &[&str] = &[
            "kubeVersion",
            "apiVersions",
            "repositories",
            "mirrors",
            "environments",
            "output",
            "releases",
        ];
        let entries = self.map(root, "the stack", TOP)?;
        let get = |k: &str| {
            entries
                .iter()
                .find(|(key, _, _)| key == k)
                .map(|(_, _, v)| v)
        };
        let kube_version = match get("kubeVersion") {
            Some(n) => {
                let v = self.scalar(n, "kubeVersion")?;
                let bare = v.trim_start_matches('v');
                let ok = bare.split('.').count() >= 2
                    && bare.split('.').all(|p| p.parse::<u32>().is_ok());
                if !ok {
                    return Err(self.err(
                        n,
                        format!("kubeVersion `{v}` is not a version"),
                        Some("write it like 1.33.0".into()),
                    ));
                }
                bare.to_string()
            }
            None => "1.33.0".to_string(),
        };
        let api_versions = get("apiVersions")
            .map(|n| self.strings(n, "apiVersions"))
            .transpose()?
            .unwrap_or_default();
        let mut repositories = Vec::new();
        if let Some(n) = get("repositories") {
            for (name, _, v) in self.map(n, "repositories", &[])? {
                let r = self.map(v, &format!("repository `{name}`"), &["url"])?;
                let url = match r.iter().find(|(k, _, _)| k == "url") {
                    Some((_, _, u)) => self.scalar(u, "url")?,
                    None => {
                        return Err(self.err(
                            v,
                            format!("repository `{name}` has no url"),
                            Some("add `url: https://…` or `url: oci://…`".into()),
                        ));
                    }
                };
                if userinfo(&url).is_some() {
                    return Err(self.err(
                        v,
                        format!(
                            "repository `{name}`: the URL `{}` has credentials in it",
                            redact_url(&url)
                        ),
                        Some(format!(
                            "remove them from stack.yaml (it is committed); kiln reads them from {}_USER and _PASSWORD, or from Helm's or Docker's registry config",
                            auth_env_prefix(&url)
                        )),
                    ));
                }
                if !(url.starts_with("https://")
                    || url.starts_with("http://")
                    || url.starts_with("oci://"))
                {
                    return Err(self.err(
                        v,
                        format!(
                            "repository `{name}`: `{}` is not an http(s):// or oci:// address",
                            redact_url(&url)
                        ),
                        None,
                    ));
                }
                repositories.push(Repository {
                    name: name.clone(),
                    url: url.trim_end_matches('/').to_string(),
                });
            }
        }
        let mut mirrors = Vec::new();
        if let Some(n) = get("mirrors") {
            for (from, _, v) in self.map(n, "mirrors", &[])? {
                let to = self.scalar(v, "a mirror")?;
                for u in [from, &to] {
                    if !(u.starts_with("https://")
                        || u.starts_with("http://")
                        || u.starts_with("oci://"))
                    {
                        return Err(self.err(v, format!("mirror `{from}: {to}`: `{u}` is not an http(s):// or oci:// address"), None));
                    }
                }
                mirrors.push((from.clone(), to));
            }
        }
        let mut environments = BTreeMap::new();
        if let Some(n) = get("environments") {
            for (name, _, v) in self.map(n, "environments", &[])? {
                let e = self.map(v, &format!("environment `{name}`"), &["vars", "values"])?;
                let mut env = Environment::default();
                for (k, _, val) in e {
                    match k.as_str() {
                        "vars" => {
                            for (vk, _, vv) in self.map(val, "vars", &[])? {
                                env.vars.insert(vk.clone(), to_json(vv));
                            }
                        }
                        _ => {
                            for (rel, _, files) in self.map(val, "values", &[])? {
                                let list = self.strings(files, "values")?;
                                for f in &list {
                                    self.check_file(files, "values", f)?;
                                }
                                env.values.insert(rel.clone(), list);
                            }
                        }
                    }
                }
                environments.insert(name.clone(), env);
            }
        }
        environments.entry("default".to_string()).or_default();
        let output = match get("output") {
            Some(n) => self.output(n)?,
            None => Output {
                mode: OutputMode::ArgoCd,
                hooks: HookPolicy::Translate,
                repo_url: String::new(),
                revision: "HEAD".into(),
                path: "rendered".into(),
            },
        };
        let mut releases: Vec<Release> = Vec::new();
        if let Some(n) = get("releases") {
            let Kind::Seq(items) = &n.kind else {
                return Err(self.err(
                    n,
                    format!("releases must be a list, found {}", n.describe()),
                    None,
                ));
            };
            for item in items {
                let r = self.release(item)?;
                if let Some(prev) = releases.iter().find(|p| p.name == r.name) {
                    return Err(self.err(
                        item,
                        format!(
                            "release `{}` is declared twice (first at line {})",
                            r.name, prev.line
                        ),
                        Some("release names must be unique".into()),
                    ));
                }
                if let Some((repo, _)) = r.chart.split_once('/')
                    && !r.chart.starts_with("oci://")
                    && !r.chart.starts_with('.')
                    && !r.chart.starts_with('/')
                    && !repositories.iter().any(|x| x.name == repo)
                {
                    let hint = match suggest(repo, repositories.iter().map(|x| x.name.as_str())) {
                        Some(s) => format!("did you mean `{s}/…`?"),
                        None => "declare it under `repositories:`".into(),
                    };
                    return Err(self.err(
                        item,
                        format!(
                            "release `{}`: unknown repository `{repo}` in chart `{}`",
                            r.name, r.chart
                        ),
                        Some(hint),
                    ));
                }
                releases.push(r);
            }
        }
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Ok(Stack {
            file: path.to_path_buf(),
            dir,
            kube_version,
            api_versions,
            repositories,
            environments,
            output,
            releases,
            mirrors,
        })
    }

    fn output(&self, n: &Node) -> Result<Output, StackError> {
        let e = self.map(
            n,
            "output",
            &["mode", "hooks", "repoURL", "revision", "path"],
        )?;
        let mut out = Output {
            mode: OutputMode::ArgoCd,
            hooks: HookPolicy::Translate,
            repo_url: String::new(),
            revision: "HEAD".into(),
            path: "rendered".into(),
        };
        for (k, _, v) in e {
            let s = self.scalar(v, k)?;
            match k.as_str() {
                "mode" => {
                    out.mode = match s.as_str() {
                        "argocd" => OutputMode::ArgoCd,
                        "flux" => OutputMode::Flux,
                        "plain" => OutputMode::Plain,
                        _ => {
                            return Err(self.err(
                                v,
                                format!("unknown output mode `{s}`"),
                                Some("use argocd, flux or plain".into()),
                            ));
                        }
                    }
                }
                "hooks" => {
                    out.hooks = match s.as_str() {
                        "translate" => HookPolicy::Translate,
                        "keep" => HookPolicy::Keep,
                        "drop" => HookPolicy::Drop,
                        _ => {
                            return Err(self.err(
                                v,
                                format!("unknown hook policy `{s}`"),
                                Some("use translate, keep or drop".into()),
                            ));
                        }
                    }
                }
                "repoURL" => {
                    // The URL is written into the rendered tree (Argo CD / Flux sources):
                    // a password or token in it would be published with the tree.
                    let secret =
                        userinfo(&s).is_some_and(|u| u.contains(':') || s.starts_with("http"));
                    if secret {
                        return Err(self.err(
                            v,
                            format!("output repoURL `{}` has credentials in it", redact_url(&s)),
                            Some("it is written into the rendered tree; give Argo CD / Flux the credentials in their own repository secret".into()),
                        ));
                    }
                    out.repo_url = s
                }
                "revision" => out.revision = s,
                _ => {
                    // The tree replaces this folder whole: it must be a folder of its own
                    // inside the repository, never `.`, a parent or an absolute path.
                    let p = Path::new(&s);
                    let inside = !s.is_empty()
                        && p.components()
                            .all(|c| matches!(c, std::path::Component::Normal(_)))
                        && !s.contains('\\');
                    if !inside {
                        return Err(self.err(
                            v,
                            format!("output path `{s}` is not a folder inside the repository"),
                            Some("use a relative path without `..`, such as `rendered`; the folder is replaced on every render".into()),
                        ));
                    }
                    out.path = s
                }
            }
        }
        Ok(out)
    }

    fn release(&self, n: &Node) -> Result<Release, StackError> {
        const KEYS: &[&str] = &[
            "name",
            "namespace",
            "chart",
            "version",
            "values",
            "manifests",
            "needs",
            "layer",
            "labels",
        ];
        let e = self.map(n, "a release", KEYS)?;
        let get = |k: &str| e.iter().find(|(key, _, _)| key == k).map(|(_, _, v)| v);
        let need = |k: &str| {
            get(k).ok_or_else(|| {
                let name = get("name")
                    .and_then(|v| self.scalar(v, "name").ok())
                    .unwrap_or_default();
                let who = if name.is_empty() {
                    "a release".to_string()
                } else {
                    format!("release `{name}`")
                };
                self.err(n, format!("{who} has no `{k}`"), None)
            })
        };
        let name = self.scalar(need("name")?, "name")?;
        let valid = !name.is_empty()
            && name.len() <= 53
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !name.starts_with('-')
            && !name.ends_with('-');
        if !valid {
            return Err(self.err(
                need("name")?,
                format!("release name `{name}` is not valid"),
                Some(
                    "use lowercase letters, digits and '-', at most 53 characters (Helm's rule)"
                        .into(),
                ),
            ));
        }
        let layer = match get("layer") {
            Some(v) => {
                let s = self.scalar(v, "layer")?;
                match s.parse::<u32>() {
                    Ok(l) if l >= 1 => Some(l),
                    _ => {
                        return Err(self.err(
                            v,
                            format!("layer `{s}` must be a whole number from 1"),
                            None,
                        ));
                    }
                }
            }
            None => None,
        };
        let namespace = match get("namespace") {
            Some(v) => {
                let ns = self.scalar(v, "namespace")?;
                let ok = ns.len() <= 63
                    && ns
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !ns.starts_with('-')
                    && !ns.ends_with('-');
                if !ok {
                    return Err(self.err(
                        v,
                        format!("namespace `{ns}` is not valid"),
                        Some("use lowercase letters, digits and '-', at most 63 characters (a Kubernetes DNS label)".into()),
                    ));
                }
                ns
            }
            None => "default".into(),
        };
        let files = |k: &str| -> Result<Vec<String>, StackError> {
            let Some(v) = get(k) else {
                return Ok(Vec::new());
            };
            let list = self.strings(v, k)?;
            for f in &list {
                self.check_file(v, k, f)?;
            }
            Ok(list)
        };
        Ok(Release {
            namespace,
            chart: self.scalar(need("chart")?, "chart")?,
            version: match get("version") {
                Some(v) => self.scalar(v, "version")?,
                None => String::new(),
            },
            values: files("values")?,
            manifests: files("manifests")?,
            needs: get("needs")
                .map(|v| self.strings(v, "needs"))
                .transpose()?
                .unwrap_or_default(),
            layer,
            labels: get("labels")
                .map(|v| self.string_map(v, "labels"))
                .transpose()?
                .unwrap_or_default(),
            line: n.line,
            col: n.col,
            name,
        })
    }
}

/// The `user[:password]` part of `scheme://user[:password]@host/…`, if any.
fn userinfo(url: &str) -> Option<&str> {
    let (_, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    authority.rsplit_once('@').map(|(u, _)| u)
}

/// `url` with any `user[:password]@` replaced by `***@`, for messages.
pub fn redact_url(url: &str) -> String {
    match (url.split_once("://"), userinfo(url)) {
        (Some((scheme, rest)), Some(u)) => format!("{scheme}://***@{}", &rest[u.len() + 1..]),
        _ => url.to_string(),
    }
}

/// `KILN_AUTH_<HOST>` for a repository URL (the source module's variable names).
fn auth_env_prefix(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority
        .rsplit_once('@')
        .map(|(_, h)| h)
        .unwrap_or(authority);
    let h: String = host
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    format!("KILN_AUTH_{h}")
}

/// A node as JSON data for the stack's own templates (plain scalars typed as YAML 1.2 does).
fn to_json(n: &Node) -> serde_json::Value {
    use serde_json::Value as J;
    match &n.kind {
        Kind::Scalar { text, quoted: true } => J::String(text.clone()),
        Kind::Scalar { text, .. } => match text.as_str() {
            "" | "~" | "null" | "Null" | "NULL" => J::Null,
            "true" | "True" | "TRUE" => J::Bool(true),
            "false" | "False" | "FALSE" => J::Bool(false),
            t => {
                if let Ok(i) = t.parse::<i64>() {
                    J::from(i)
                } else if let Some(f) = t.parse::<f64>().ok().filter(|f| f.is_finite()) {
                    J::from(f)
                } else {
                    J::String(t.to_string())
                }
            }
        },
        Kind::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        Kind::Map(entries) => J::Object(
            entries
                .iter()
                .map(|(k, _, v)| (k.clone(), to_json(v)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Stack, StackError> {
        Stack::parse(Path::new("stack/stack.yaml"), text)
    }

    #[test]
    fn a_small_stack() {
        let s = parse(
            "kubeVersion: v1.31.2\nrepositories:\n  jetstack: {url: https://charts.jetstack.io/}\nreleases:\n  - name: cert-manager\n    namespace: cert-manager\n    chart: jetstack/cert-manager\n    version: v1.18.2\n    labels: {tier: core}\n",
        )
        .unwrap();
        assert_eq!(s.kube_version, "1.31.2");
        assert_eq!(s.repositories[0].url, "https://charts.jetstack.io");
        assert_eq!(s.releases[0].labels["tier"], "core");
        assert!(s.environments.contains_key("default"));
    }

    #[test]
    fn unknown_keys_get_a_suggestion_and_a_position() {
        let e = parse("releases:\n  - name: a\n    chart: ./a\n    neds: [b]\n").unwrap_err();
        assert_eq!((e.line, e.col), (4, 5));
        assert!(e.msg.contains("unknown key `neds`"), "{e}");
        assert!(
            e.hint
                .as_deref()
                .unwrap_or("")
                .contains("did you mean `needs`"),
            "{e}"
        );
        assert!(e.to_string().starts_with("stack/stack.yaml:4:5: "), "{e}");
    }

    #[test]
    fn bad_values_are_named() {
        for (text, want) in [
            (
                "releases:\n  - name: A\n    chart: ./a\n",
                "release name `A` is not valid",
            ),
            ("releases:\n  - name: a\n", "release `a` has no `chart`"),
            (
                "releases:\n  - {name: a, chart: ./a}\n  - {name: a, chart: ./b}\n",
                "declared twice",
            ),
            (
                "releases:\n  - {name: a, chart: jetstak/x}\nrepositories: {jetstack: {url: 'https://x'}}\n",
                "unknown repository `jetstak`",
            ),
            ("output: {mode: argo}\n", "unknown output mode"),
            ("kubeVersion: latest\n", "not a version"),
            (
                "releases:\n  - {name: a, chart: ./a, layer: 0}\n",
                "whole number",
            ),
            ("releases: {a: 1}\n", "releases must be a list"),
            ("repositories: {x: {url: 'ftp://x'}}\n", "not an http(s)://"),
            (
                "mirrors: {'https://a': 'ftp://b'}\n",
                "is not an http(s):// or oci://",
            ),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.msg.contains(want), "{text:?}: {e}");
            assert!(e.line > 0, "{text:?}: {e}");
        }
    }

    #[test]
    fn hostile_paths_and_names_are_refused() {
        for (text, want) in [
            (
                "output: {path: /home/runner}\n",
                "output path `/home/runner` is not a folder inside",
            ),
            ("output: {path: .}\n", "output path `.`"),
            ("output: {path: ../..}\n", "output path `../..`"),
            ("output: {path: a/../../b}\n", "output path"),
            ("output: {path: ''}\n", "output path"),
            (
                "releases:\n  - {name: a, chart: ./a, namespace: ../../etc}\n",
                "namespace `../../etc` is not valid",
            ),
            (
                "releases:\n  - {name: a, chart: ./a, namespace: \"x\\nkind: Secret\"}\n",
                "is not valid",
            ),
            (
                "releases:\n  - {name: a, chart: ./a, values: [/etc/shadow]}\n",
                "values file `/etc/shadow` is outside",
            ),
            (
                "releases:\n  - {name: a, chart: ./a, values: [../../x.yaml]}\n",
                "outside the repository",
            ),
            (
                "releases:\n  - {name: a, chart: ./a, manifests: [v/../../../x]}\n",
                "manifests file",
            ),
            (
                "environments: {prod: {values: {a: [/proc/self/environ]}}}\n",
                "outside the repository",
            ),
        ] {
            let e = parse(text).unwrap_err();
            assert!(e.msg.contains(want), "{text:?}: {e}");
            assert!(e.line > 0, "{text:?}: {e}");
        }
        // Inside the repository is fine: the stack folder, a sibling folder, nested output.
        let ok = "output: {path: deploy/rendered}\nreleases:\n  - {name: a, chart: ./a, namespace: kube-system, values: [values/a.yaml, ../common/a.yaml, ./b.yaml.j2]}\n";
        let s = parse(ok).unwrap();
        assert_eq!(s.output.path, "deploy/rendered");
        assert_eq!(s.releases[0].values.len(), 3);
    }

    #[test]
    fn credentials_in_urls_are_refused_without_echoing_them() {
        for (text, want) in [
            (
                "repositories: {x: {url: 'https://bob:s3cr3t-pw@charts.example.com/x'}}\n",
                "repository `x`: the URL `https://***@charts.example.com/x` has credentials in it",
            ),
            (
                "repositories: {x: {url: 'oci://bob:s3cr3t-pw@registry.example.com:5000/charts'}}\n",
                "`oci://***@registry.example.com:5000/charts` has credentials",
            ),
            (
                "repositories: {x: {url: 'https://ghp_s3cr3t-pw@example.com'}}\n",
                "has credentials in it",
            ),
            (
                "repositories: {x: {url: 'ftp://bob:s3cr3t-pw@example.com'}}\n",
                "has credentials in it",
            ),
            (
                "output: {repoURL: 'https://bob:s3cr3t-pw@github.com/o/r.git'}\n",
                "output repoURL `https://***@github.com/o/r.git` has credentials",
            ),
            (
                "output: {repoURL: 'https://s3cr3t-pw@github.com/o/r.git'}\n",
                "has credentials",
            ),
        ] {
            let e = parse(text).unwrap_err();
            let shown = e.to_string();
            assert!(shown.contains(want), "{text:?}: {shown}");
            assert!(
                !shown.contains("s3cr3t-pw"),
                "{text:?}: the secret is in the error: {shown}"
            );
            assert!(e.line > 0);
        }
        let e = parse("repositories: {x: {url: 'https://u:p@registry.example.com:5000'}}\n")
            .unwrap_err();
        assert!(
            e.hint
                .unwrap_or_default()
                .contains("KILN_AUTH_REGISTRY_EXAMPLE_COM_5000_USER")
        );
        // SSH remotes name a user, not a secret.
        let s = parse("output: {repoURL: 'ssh://git@github.com/o/r.git'}\n").unwrap();
        assert_eq!(s.output.repo_url, "ssh://git@github.com/o/r.git");
        assert!(parse("output: {repoURL: 'git@github.com:o/r.git'}\n").is_ok());
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            suggest("namspace", ["name", "namespace", "chart"]),
            Some("namespace")
        );
        assert_eq!(suggest("zzzzzz", ["name", "namespace"]), None);
    }
}
