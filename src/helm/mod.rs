//! `helm template`: values, subcharts, rendering and manifest assembly, byte for byte as
//! the reference Helm 3.17.3 prints them.
//!
//! Entry points: [`template_chart`] renders a loaded chart with [`TemplateOptions`];
//! [`template_path`] loads the chart first. Both return what Helm prints on stdout
//! ([`TemplateOutput::stdout`]) and its warnings ([`TemplateOutput::stderr`]), or a
//! [`TemplateError`] whose `Display` is Helm's stderr text after `Error: `.

pub mod coalesce;
pub mod manifest;
pub mod objects;
pub mod render;
pub mod schema;
pub mod semver;
pub mod strvals;
mod workq;

use std::collections::BTreeMap;
use std::path::Path;

use crate::chart::{Chart, ChartError};
use crate::gotmpl::{Map, Value};
use coalesce::{Log, new_map};
use objects::{DEFAULT_API_VERSIONS, KubeVersion, capabilities_object};

/// The flags of `helm template` that kiln supports.
#[derive(Debug, Clone, Default)]
pub struct TemplateOptions {
    /// Release name (`NAME` argument; Helm's default is `release-name`).
    pub release_name: String,
    /// `-n/--namespace` (default `default`).
    pub namespace: String,
    /// `-f/--values`: (file name for messages, file text), in order.
    pub values: Vec<(String, String)>,
    /// `--set` expressions, in order.
    pub set: Vec<String>,
    /// `--set-string` expressions, in order.
    pub set_string: Vec<String>,
    /// `--set-json` expressions, in order (applied before `--set`).
    pub set_json: Vec<String>,
    /// `--set-file` expressions (`key=path`), in order (after `--set-string`).
    pub set_file: Vec<String>,
    /// `--set-literal` expressions, in order (last).
    pub set_literal: Vec<String>,
    /// `--kube-version`.
    pub kube_version: Option<String>,
    /// `-a/--api-versions` (added to the defaults).
    pub api_versions: Vec<String>,
    pub include_crds: bool,
    pub no_hooks: bool,
    pub skip_tests: bool,
    /// `-s/--show-only` template paths (Go `filepath.Match` patterns).
    pub show_only: Vec<String>,
    pub is_upgrade: bool,
    /// `--skip-schema-validation`.
    pub skip_schema_validation: bool,
    /// `--output-dir`: write each manifest to `<dir>/<template path>` instead of stdout
    /// (stdout then lists `wrote <file>` lines, as Helm prints them).
    pub output_dir: Option<std::path::PathBuf>,
    /// `--release-name`: with `--output-dir`, put manifests under `<dir>/<release name>/`.
    pub use_release_name: bool,
    /// Parse every rendered document whole and keep the trees in
    /// [`TemplateOutput::documents`] (for `kiln render`, which needs them; the heads of
    /// Helm's sort are then read from those trees instead of a lighter parse).
    pub parse_documents: bool,
}

impl TemplateOptions {
    /// Options with Helm's defaults (`release-name`, namespace `default`).
    pub fn new() -> Self {
        TemplateOptions {
            release_name: "release-name".into(),
            namespace: "default".into(),
            ..Default::default()
        }
    }
}

/// A successful render.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TemplateOutput {
    /// What `helm template` prints on stdout.
    pub stdout: String,
    /// Warnings Helm prints on stderr (e.g. `coalesce.go:301: warning: …`), each line ending in `\n`.
    pub stderr: String,
    /// With [`TemplateOptions::parse_documents`]: rendered documents of `stdout`, in its
    /// order, each with its YAML parse (made while reading heads for Helm's sort).
    /// Documents of the chart's `crds/` folder are not among them.
    pub documents: Vec<(String, Result<crate::yaml::Parsed, crate::yaml::YamlError>)>,
}

/// A failed render. `Display` is Helm's error text (what follows `Error: `), including
/// the `\n\nUse --debug flag to render out invalid YAML` trailer where Helm adds it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{msg}")]
pub struct TemplateError {
    pub msg: String,
    /// Warnings printed before the failure.
    pub stderr: String,
}

impl TemplateError {
    fn new(msg: impl Into<String>, log: &Log) -> Self {
        TemplateError {
            msg: msg.into(),
            stderr: log_text(log),
        }
    }

    /// The first line of the message (Helm's cause, without the debug trailer).
    pub fn cause(&self) -> &str {
        self.msg.lines().next().unwrap_or("")
    }
}

impl From<ChartError> for TemplateError {
    fn from(e: ChartError) -> Self {
        TemplateError {
            msg: e.to_string(),
            stderr: String::new(),
        }
    }
}

fn log_text(log: &Log) -> String {
    let mut s = String::new();
    for l in &log.lines {
        s.push_str(l);
        s.push('\n');
    }
    s
}

/// What Helm appends to errors of rendering (kiln render drops it: it has no --debug).
pub const DEBUG_TRAILER: &str = "\n\nUse --debug flag to render out invalid YAML";

/// Set by a process that renders once and exits (`kiln template`): the chart, values and
/// parse trees are then left to the process exit instead of being freed piece by piece,
/// which costs several percent of a render. Never set in a process that renders on.
pub static EXIT_AFTER_RENDER: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Drop `v`, or leave it to the process exit (see [`EXIT_AFTER_RENDER`]).
pub(crate) fn release<T>(v: T) {
    if EXIT_AFTER_RENDER.load(std::sync::atomic::Ordering::Relaxed) {
        std::mem::forget(v);
    }
}

/// Load the chart at `path` (folder or `.tgz`) and render it.
pub fn template_path(path: &Path, opts: &TemplateOptions) -> Result<TemplateOutput, TemplateError> {
    // Helm reads the values before it loads the chart: their errors come first.
    merge_user_values(opts).map_err(|msg| TemplateError {
        msg,
        stderr: String::new(),
    })?;
    // Templates are parsed on a second thread while the archive decompresses.
    // (Folders are read file by file, without a second thread.)
    let pre = std::sync::Arc::new(render::PreParse::default());
    let ahead = path.is_file()
        && crate::threads::helpers()
        && pre.spawn_worker(crate::render::RENDER_STACK);
    let loaded = crate::chart::load_with(path, &mut |top, name, data| {
        if ahead {
            pre.offer(top, name, data)
        }
    });
    pre.close();
    let out = match &loaded {
        Ok(chart) => template_chart_with(chart, opts, ahead.then_some(&*pre)),
        Err(_) => Ok(TemplateOutput::default()),
    };
    pre.cancel();
    let chart = loaded?;
    release(chart);
    out
}

/// Release names Helm accepts (`ValidateReleaseName`).
fn valid_release_name(name: &str) -> bool {
    if name.is_empty() || name.len() > 53 {
        return false;
    }
    name.split('.').all(|label| {
        let b = label.as_bytes();
        !b.is_empty()
            && b.iter()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
            && b[0] != b'-'
            && b[b.len() - 1] != b'-'
    })
}

/// The user-supplied values: `-f` files merged in order, then `--set`, then `--set-string`.
pub fn merge_user_values(opts: &TemplateOptions) -> Result<Map, String> {
    let mut base = new_map();
    for (name, text) in &opts.values {
        let v = crate::yaml::from_yaml(text).map_err(|e| format!("failed to parse {name}: {e}"))?;
        let current = match v {
            Value::Nil => new_map(),
            Value::Map(m) => m,
            other => {
                return Err(format!(
                    "failed to parse {name}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                    crate::chart::json_kind(&other)
                ));
            }
        };
        base = strvals::merge_maps(&base, &current);
    }
    for s in &opts.set_json {
        strvals::parse_with(s, &base, strvals::Mode::Json)
            .map_err(|_| format!("failed parsing --set-json data {s}"))?;
    }
    for s in &opts.set {
        strvals::parse_into(s, &base, false)
            .map_err(|e| format!("failed parsing --set data: {e}"))?;
    }
    for s in &opts.set_string {
        strvals::parse_into(s, &base, true)
            .map_err(|e| format!("failed parsing --set-string data: {e}"))?;
    }
    let read_file = |p: &str| -> Result<Value, String> {
        std::fs::read(p)
            .map(|b| Value::str(crate::chart::lossy(&b)))
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::NotFound => format!("open {p}: no such file or directory"),
                _ => format!("open {p}: {e}"),
            })
    };
    for s in &opts.set_file {
        strvals::parse_with(s, &base, strvals::Mode::File(&read_file))
            .map_err(|e| format!("failed parsing --set-file data: {e}"))?;
    }
    for s in &opts.set_literal {
        strvals::parse_literal_into(s, &base)
            .map_err(|e| format!("failed parsing --set-literal data: {e}"))?;
    }
    Ok(base)
}

/// Helm's `CheckDependencies`: every Chart.yaml dependency must be present in charts/.
fn check_dependencies(chart: &Chart) -> Result<(), String> {
    let mut missing = Vec::new();
    for r in &chart.metadata.dependencies {
        if !chart.dependencies.iter().any(|d| d.name() == r.name) {
            missing.push(r.name.clone());
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "An error occurred while checking for chart dependencies. You may need to run `helm dependency build` to fetch missing dependencies: found in Chart.yaml, but missing in charts/ directory: {}",
            missing.join(", ")
        ))
    }
}

/// CRD files (`crds/*.yaml|yml|json`) of the chart, then of its subcharts, with their
/// full paths.
fn crd_objects(c: &Chart, full_path: &str, out: &mut Vec<(String, String)>) {
    for f in &c.files {
        if f.name.starts_with("crds/")
            && (f.name.ends_with(".yaml") || f.name.ends_with(".yml") || f.name.ends_with(".json"))
        {
            out.push((
                format!("{full_path}/{}", f.name),
                crate::chart::lossy(&f.data).into_owned(),
            ));
        }
    }
    for d in &c.dependencies {
        crd_objects(d, &format!("{full_path}/charts/{}", d.name()), out);
    }
}

/// Render a loaded chart as `helm template` does.
pub fn template_chart(
    loaded: &Chart,
    opts: &TemplateOptions,
) -> Result<TemplateOutput, TemplateError> {
    template_chart_with(loaded, opts, None)
}

/// [`template_chart`], taking the templates `pre` parsed ahead.
fn template_chart_with(
    loaded: &Chart,
    opts: &TemplateOptions,
    pre: Option<&render::PreParse>,
) -> Result<TemplateOutput, TemplateError> {
    let mut log = Log::default();
    let release_name = if opts.release_name.is_empty() {
        "release-name"
    } else {
        &opts.release_name
    };
    let namespace = if opts.namespace.is_empty() {
        "default"
    } else {
        &opts.namespace
    };

    let kube = match &opts.kube_version {
        None => KubeVersion::default_version(),
        Some(k) => KubeVersion::parse(k).ok_or_else(|| {
            TemplateError::new(
                format!("invalid kube version '{k}': Invalid Semantic Version"),
                &log,
            )
        })?,
    };

    let user = merge_user_values(opts).map_err(|e| TemplateError::new(e, &log))?;

    match loaded.metadata.chart_type.as_str() {
        "" | "application" => {}
        t => {
            return Err(TemplateError::new(
                format!("{t} charts are not installable"),
                &log,
            ));
        }
    }
    let mut warnings_pre = String::new();
    if loaded.metadata.deprecated {
        warnings_pre.push_str("WARNING: This chart is deprecated\n");
    }
    let with_pre = |log: &Log| -> String { format!("{warnings_pre}{}", log_text(log)) };
    let fail = |msg: String, log: &Log| TemplateError {
        msg,
        stderr: with_pre(log),
    };
    if !loaded.metadata.dependencies.is_empty() {
        check_dependencies(loaded).map_err(|e| fail(e, &log))?;
    }
    if !valid_release_name(release_name) {
        return Err(fail(
            format!(
                "release name {release_name:?}: invalid release name, must match regex ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$ and the length must not be longer than 53"
            ),
            &log,
        ));
    }

    let mut chart = loaded.clone();

    coalesce::process_dependencies(&mut chart, &user, &mut log).map_err(|e| fail(e, &log))?;

    let mut api_versions: Vec<String> =
        DEFAULT_API_VERSIONS.iter().map(|s| s.to_string()).collect();
    api_versions.extend(
        opts.api_versions
            .iter()
            .flat_map(|a| a.split(','))
            .map(str::to_string),
    );
    let caps = capabilities_object(&kube, &api_versions);

    let top = new_map();
    {
        let mut release = BTreeMap::new();
        release.insert("Name".to_string(), Value::str(release_name));
        release.insert("Namespace".to_string(), Value::str(namespace));
        release.insert("IsUpgrade".to_string(), Value::Bool(opts.is_upgrade));
        release.insert("IsInstall".to_string(), Value::Bool(!opts.is_upgrade));
        release.insert("Revision".to_string(), Value::Int(1));
        release.insert("Service".to_string(), Value::str("Helm"));
        let mut t = top.borrow_mut();
        t.insert("Release".into(), Value::from(release));
        t.insert("Capabilities".into(), caps);
    }
    let vals =
        coalesce::coalesce_values_top(&chart, &user, false, &mut log).map_err(|e| fail(e, &log))?;
    if !opts.skip_schema_validation {
        schema::validate_against_schema(&chart, &vals).map_err(|e| {
            fail(format!("values don't meet the specifications of the schema(s) in the following chart(s):\n{e}"), &log)
        })?;
    }
    top.borrow_mut().insert("Values".into(), Value::Map(vals));

    // renderResources: errors from here on carry the --debug trailer.
    let trailer = |msg: String, log: &Log| fail(format!("{msg}{DEBUG_TRAILER}"), log);
    if !chart.metadata.kube_version.is_empty()
        && !semver::is_compatible_range(&chart.metadata.kube_version, &kube.version)
    {
        return Err(trailer(
            format!(
                "chart requires kubeVersion: {} which is incompatible with Kubernetes {}",
                chart.metadata.kube_version, kube.version
            ),
            &log,
        ));
    }
    let funcs = crate::funcs::helm_funcs();
    // Rendered files are split and their heads read (a full YAML parse of each document)
    // on a second thread while the next templates render. Without a core to spare for
    // it, sorting reads each file after the render instead, and frees its text as soon
    // as its documents are split out (rather than holding every file and a copy of
    // all its documents at once: for mimir-distributed, 2.4 MB less at the peak).
    let full = opts.parse_documents;
    let heads = manifest::HeadReader::new(full);
    let ahead = crate::threads::helpers();
    let (rendered, read) = std::thread::scope(|s| {
        // YAML nesting is capped (1000 levels), so reading heads needs a modest stack.
        // Without the thread (a process limit), `finish` reads everything here.
        let _reader = ahead.then(|| {
            std::thread::Builder::new()
                .stack_size(32 << 20)
                .spawn_scoped(s, || heads.work())
        });
        let mut send = |name: &str, out: &str| {
            if ahead && !name.ends_with("NOTES.txt") {
                heads.send(name, out);
            }
        };
        let rendered = render::render_each(&chart, &top, &funcs, pre, &mut send);
        // The rendering thread reads the documents still queued, alongside the reader.
        let read = heads.finish();
        (rendered, read)
    });
    let mut files = rendered.map_err(|e| trailer(e.0, &log))?;
    files.retain(|k, _| !k.ends_with("NOTES.txt"));
    let mut sort_log = Vec::new();
    let sorted = manifest::sort_manifests_read(files, &mut sort_log, read, full);
    // The values are not needed from here on (nor the rendered files, which sorting
    // took): the output is built from the sorted documents, with less memory held.
    release(top);
    log.lines.extend(sort_log);
    let (mut hooks, mut manifests) = sorted.map_err(|e| trailer(e, &log))?;
    // The documents of the output with their trees, in output order.
    let mut documents = Vec::new();
    // (The document's text is moved: it is in the stream already.)
    let mut keep = |content: &mut String, parsed: &mut manifest::FullParse| {
        if let Some(p) = parsed.take() {
            documents.push((std::mem::take(content), p));
        }
    };

    let mut crds = Vec::new();
    if opts.include_crds {
        crd_objects(&chart, chart.name(), &mut crds);
    }
    // The output is megabytes for big charts: its buffer is made at its final size
    // rather than grown by doubling (each step a fresh block, and the copy).
    let size = crds
        .iter()
        .map(|(n, d)| n.len() + d.len())
        .chain(manifests.iter().map(|m| m.name.len() + m.content.len()))
        .chain(hooks.iter().map(|h| h.path.len() + h.manifest.len()))
        .map(|n| n + 16)
        .sum::<usize>()
        + 1;
    let mut b = String::new();
    if opts.output_dir.is_none() {
        b.reserve(size);
    }
    // With --output-dir: the `wrote <file>` lines Helm prints while writing.
    let mut wrote = String::new();
    let mut written = std::collections::HashSet::new();
    let release_dir = opts.output_dir.as_ref().map(|d| {
        if opts.use_release_name {
            d.join(release_name)
        } else {
            d.clone()
        }
    });
    for (name, data) in crds {
        match &opts.output_dir {
            None => push_source(&mut b, &name, &data),
            Some(dir) => {
                let append = !written.insert(name.clone());
                write_to_file(dir, &name, &data, append, &mut wrote)
                    .map_err(|e| trailer(e, &log))?;
            }
        }
    }
    for m in &mut manifests {
        match &release_dir {
            None => {
                push_source(&mut b, &m.name, &m.content);
                keep(&mut m.content, &mut m.parsed);
            }
            Some(dir) => {
                let append = !written.insert(m.name.clone());
                write_to_file(dir, &m.name, &m.content, append, &mut wrote)
                    .map_err(|e| trailer(e, &log))?;
            }
        }
    }
    // In place: the output is megabytes for big charts.
    let mut out = b;
    manifest::go_trim_space_in_place(&mut out);
    out.push('\n');
    if !opts.no_hooks {
        for h in &mut hooks {
            if opts.skip_tests && h.events.iter().any(|e| e == "test") {
                continue;
            }
            match &release_dir {
                None => {
                    push_source(&mut out, &h.path, &h.manifest);
                    keep(&mut h.manifest, &mut h.parsed);
                }
                Some(dir) => {
                    // Helm appends a hook to a file that already exists on disk.
                    let append = dir.join(&h.path).exists();
                    write_to_file(dir, &h.path, &h.manifest, append, &mut wrote)
                        .map_err(|e| fail(e, &log))?;
                }
            }
        }
    }
    if !opts.show_only.is_empty() {
        out = show_only(&out, &opts.show_only).map_err(|e| fail(e, &log))?;
    }
    if !wrote.is_empty() {
        out.insert_str(0, &wrote);
    }
    release((chart, hooks, manifests));
    Ok(TemplateOutput {
        stdout: out,
        stderr: with_pre(&log),
        documents,
    })
}

/// `---\n# Source: NAME\nCONTENT\n`, appended without a temporary string.
fn push_source(out: &mut String, name: &str, content: &str) {
    out.reserve(name.len() + content.len() + 16);
    out.push_str("---\n# Source: ");
    out.push_str(name);
    out.push('\n');
    out.push_str(content);
    out.push('\n');
}

/// Helm's `writeToFile` for `--output-dir`.
fn write_to_file(
    dir: &Path,
    name: &str,
    data: &str,
    append: bool,
    wrote: &mut String,
) -> Result<(), String> {
    use std::io::Write as _;
    let file = format!("{}/{name}", dir.display());
    let path = Path::new(&file);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("mkdir {}: {e}", parent.display()))?;
    }
    let mut f = if append {
        std::fs::OpenOptions::new().append(true).open(path)
    } else {
        std::fs::File::create(path)
    }
    .map_err(|e| format!("open {file}: {e}"))?;
    f.write_all(format!("---\n# Source: {name}\n{data}\n").as_bytes())
        .map_err(|e| format!("write {file}: {e}"))?;
    wrote.push_str(&format!("wrote {file}\n"));
    Ok(())
}

/// `--show-only`: select documents whose `# Source: <chart>/<path>` matches a pattern.
fn show_only(all: &str, patterns: &[String]) -> Result<String, String> {
    let docs = manifest::split_manifests(all);
    let mut selected: Vec<&str> = Vec::new();
    for f in patterns {
        let f = f.replace('\\', "/");
        let mut missing = true;
        for d in &docs {
            let Some(pos) = d.find("# Source: ") else {
                continue;
            };
            let rest = &d[pos + "# Source: ".len()..];
            let line = rest.lines().next().unwrap_or("");
            let Some((_, name)) = line.split_once('/') else {
                continue;
            };
            if name.is_empty() {
                continue;
            }
            if crate::chart::glob::go_match(&f, name).unwrap_or(false) {
                selected.push(d);
                missing = false;
            }
        }
        if missing {
            return Err(format!("could not find template {f} in chart"));
        }
    }
    let mut out = String::new();
    for d in selected {
        out.push_str(&format!("---\n{d}\n"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn release_names() {
        for (n, ok) in [
            ("release-name", true),
            ("a.b", true),
            ("A", false),
            ("-a", false),
            ("a_b", false),
            ("", false),
        ] {
            assert_eq!(valid_release_name(n), ok, "{n}");
        }
        assert!(!valid_release_name(&"a".repeat(54)));
    }

    #[test]
    fn show_only_selects_by_path() {
        let all =
            "---\n# Source: c/templates/a.yaml\na: 1\n---\n# Source: c/templates/b.yaml\nb: 2\n";
        assert_eq!(
            show_only(all, &["templates/b.yaml".into()]).unwrap(),
            "---\n# Source: c/templates/b.yaml\nb: 2\n"
        );
        assert_eq!(
            show_only(all, &["templates/x.yaml".into()]).unwrap_err(),
            "could not find template templates/x.yaml in chart"
        );
    }
}
