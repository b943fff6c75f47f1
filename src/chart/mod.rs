//! Loading a chart from a `.tgz` archive or a folder, as Helm 3's `pkg/chart/loader` does.

mod archive;
pub mod glob;
pub mod ignore;
mod metadata;

use std::path::Path;

use crate::gotmpl::Value;

pub use archive::{MAX_CHART_SIZE, MAX_FILE_SIZE, archive_files, archive_files_with};
pub use metadata::{Dependency, Maintainer, Metadata, format_float32_g};

/// The bytes of a chart file: shared, and for an archive a slice of its decompressed
/// tar stream (no copy per file).
pub type Data = bytes::Bytes;

/// A file of a chart: its `/`-separated path relative to the chart root, and its bytes
/// (a leading UTF-8 BOM already removed).
#[derive(Debug, Clone)]
pub struct File {
    pub name: String,
    pub data: Data,
}

/// A loaded chart.
#[derive(Debug, Clone)]
pub struct Chart {
    pub metadata: Metadata,
    /// The default values (`values.yaml`), a map; empty when the chart has none.
    pub values: Value,
    /// The text of `values.yaml`, when present.
    pub raw_values: Option<String>,
    /// `values.schema.json`, when present.
    pub schema: Option<Data>,
    /// `templates/**`, in load order.
    pub templates: Vec<File>,
    /// Every other file (`.Files`), including `crds/**`, in load order.
    pub files: Vec<File>,
    /// Subcharts found in `charts/` (sorted by their entry name in `charts/`).
    pub dependencies: Vec<Chart>,
}

/// A chart loading error, worded as Helm words it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// A file or folder could not be read.
    #[error("{path}: {msg}")]
    Io { path: String, msg: String },
    /// The file is not a gzip'ed tar archive.
    #[error("file '{path}' does not appear to be a gzipped archive; got '{got}'")]
    NotGzip { path: String, got: String },
    /// The archive is damaged.
    #[error("{path}: not a valid gzip'ed tar archive: {msg}")]
    CorruptArchive { path: String, msg: String },
    /// Anything else, in Helm's words (`Chart.yaml file is missing`, `cannot load values.yaml: …`).
    #[error("{0}")]
    Invalid(String),
}

impl Chart {
    /// The chart's name (`Metadata.Name`; an alias once dependencies are processed).
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// Whether this is a library chart.
    pub fn is_library(&self) -> bool {
        self.metadata.chart_type.eq_ignore_ascii_case("library")
    }
}

/// Load a chart from a folder or a `.tgz` file.
pub fn load(path: &Path) -> Result<Chart, ChartError> {
    load_with(path, &mut |_, _, _| {})
}

/// A callback for each file of an archive as it is decompressed: the archive's top
/// folder, the file's name in the chart, its data.
pub type Seen<'a> = dyn FnMut(&str, &str, &Data) + 'a;

/// [`load`], calling `seen` for each file of an archive as it is decompressed (not for
/// folders).
pub fn load_with(path: &Path, seen: &mut Seen) -> Result<Chart, ChartError> {
    let meta = std::fs::metadata(path).map_err(|e| ChartError::Io {
        path: path.display().to_string(),
        msg: io_msg(&e),
    })?;
    if meta.is_dir() {
        load_dir(path)
    } else {
        let data = std::fs::read(path).map_err(|e| ChartError::Io {
            path: path.display().to_string(),
            msg: io_msg(&e),
        })?;
        // Helm names the archive by its absolute path.
        let shown = std::path::absolute(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string();
        if !data.starts_with(&[0x1f, 0x8b, 0x08])
            && (shown.ends_with(".yaml") || shown.ends_with(".yml"))
        {
            return Err(ChartError::Invalid(format!(
                "file '{shown}' seems to be a YAML file, but expected a gzipped archive"
            )));
        }
        load_archive_named_with(&data, &shown, seen)
    }
}

fn io_msg(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Load a chart from the bytes of a `.tgz`; `name` is used in error messages.
pub fn load_archive_named(data: &[u8], name: &str) -> Result<Chart, ChartError> {
    load_archive_named_with(data, name, &mut |_, _, _| {})
}

fn load_archive_named_with(data: &[u8], name: &str, seen: &mut Seen) -> Result<Chart, ChartError> {
    if !data.starts_with(&[0x1f, 0x8b, 0x08]) {
        return Err(ChartError::NotGzip {
            path: name.to_string(),
            got: sniff(data).into(),
        });
    }
    let files = archive_files_with(data, seen).map_err(|e| match e {
        archive::ArchiveError::Corrupt(msg) => ChartError::CorruptArchive {
            path: name.to_string(),
            msg,
        },
        archive::ArchiveError::Invalid(msg) => ChartError::Invalid(msg),
    })?;
    load_files(files)
}

/// A rough `http.DetectContentType` for the error message of a non-gzip file.
fn sniff(data: &[u8]) -> &'static str {
    // Helm sniffs a zero-padded 512-byte buffer: short files look binary.
    if data.len() < 512 {
        return "application/octet-stream";
    }
    let binary = data
        .iter()
        .take(512)
        .any(|&b| b < 0x09 || (0x0e..0x20).contains(&b) && b != 0x1b);
    if binary {
        "application/octet-stream"
    } else {
        "text/plain; charset=utf-8"
    }
}

/// Load a chart from a folder, applying `.helmignore` plus Helm's default `templates/.?*`.
pub fn load_dir(dir: &Path) -> Result<Chart, ChartError> {
    let mut rules = ignore::Rules::empty();
    let ifile = dir.join(".helmignore");
    if ifile.is_file() {
        let text = std::fs::read_to_string(&ifile).map_err(|e| ChartError::Io {
            path: ifile.display().to_string(),
            msg: io_msg(&e),
        })?;
        rules = ignore::Rules::parse(&text)
            .map_err(|e| ChartError::Invalid(format!("{}: {e}", ifile.display())))?;
    }
    rules.add_defaults();
    let mut files = Vec::new();
    walk(dir, "", &rules, &mut files)?;
    load_files(files)
}

fn walk(
    dir: &Path,
    rel: &str,
    rules: &ignore::Rules,
    out: &mut Vec<File>,
) -> Result<(), ChartError> {
    let rd = std::fs::read_dir(dir).map_err(|e| ChartError::Io {
        path: dir.display().to_string(),
        msg: io_msg(&e),
    })?;
    let mut entries: Vec<(String, std::path::PathBuf)> = Vec::new();
    for e in rd {
        let e = e.map_err(|e| ChartError::Io {
            path: dir.display().to_string(),
            msg: io_msg(&e),
        })?;
        entries.push((e.file_name().to_string_lossy().into_owned(), e.path()));
    }
    entries.sort();
    for (name, path) in entries {
        let n = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        // Follow symlinks, as Helm's sympath.Walk does.
        let meta = std::fs::metadata(&path).map_err(|e| ChartError::Io {
            path: path.display().to_string(),
            msg: io_msg(&e),
        })?;
        if meta.is_dir() {
            if rules.ignore(&n, true) {
                continue;
            }
            walk(&path, &n, rules, out)?;
            continue;
        }
        if rules.ignore(&n, false) {
            continue;
        }
        if !meta.is_file() {
            return Err(ChartError::Invalid(format!(
                "cannot load irregular file {} as it has file mode type bits set",
                path.display()
            )));
        }
        if meta.len() > MAX_FILE_SIZE {
            return Err(ChartError::Invalid(format!(
                "chart file {name:?} is larger than the maximum file size {MAX_FILE_SIZE}"
            )));
        }
        let data = std::fs::read(&path)
            .map_err(|e| ChartError::Invalid(format!("error reading {n}: {}", io_msg(&e))))?;
        out.push(File {
            name: n,
            data: strip_bom(Data::from(data)),
        });
    }
    Ok(())
}

/// `String::from_utf8_lossy`, with the validation of valid text (nearly all of it) done
/// by `str::from_utf8`, which checks ASCII a word at a time.
pub fn lossy(data: &[u8]) -> std::borrow::Cow<'_, str> {
    match std::str::from_utf8(data) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(data),
    }
}

/// A file without its UTF-8 byte order mark (a slice of the same bytes, no copy).
pub(crate) fn strip_bom(data: Data) -> Data {
    if data.starts_with(&[0xef, 0xbb, 0xbf]) {
        data.slice(3..)
    } else {
        data
    }
}

/// Helm's `LoadFiles`: sort files into Chart.yaml, values, templates, subcharts, files.
/// Deepest nesting of subcharts (`charts/a/charts/b/…`, folders or archives) a chart
/// may have. Real charts nest two or three levels; a hostile archive could nest
/// thousands and exhaust the stack.
pub const MAX_SUBCHART_DEPTH: usize = 64;

thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Load a chart from its files (paths relative to the chart root).
pub fn load_files(files: Vec<File>) -> Result<Chart, ChartError> {
    let depth = DEPTH.with(|d| d.get());
    if depth >= MAX_SUBCHART_DEPTH {
        return Err(ChartError::Invalid(format!(
            "subcharts are nested more than {MAX_SUBCHART_DEPTH} levels deep (charts/…/charts/…): refusing the chart"
        )));
    }
    DEPTH.with(|d| d.set(depth + 1));
    let result = load_files_inner(files);
    DEPTH.with(|d| d.set(depth));
    result
}

fn load_files_inner(files: Vec<File>) -> Result<Chart, ChartError> {
    let mut metadata: Option<Metadata> = None;
    for f in &files {
        if f.name == "Chart.yaml" {
            let text = lossy(&f.data);
            let md = Metadata::from_yaml(&text)
                .map_err(|e| ChartError::Invalid(format!("cannot load Chart.yaml: {e}")))?;
            metadata = Some(md);
        }
    }
    let mut values = Value::new_map();
    let mut raw_values = None;
    let mut schema = None;
    let mut templates = Vec::new();
    let mut other = Vec::new();
    // Subchart entries of charts/, grouped by their first path component, in first-seen order.
    let mut groups: Vec<(String, Vec<File>)> = Vec::new();
    for f in files {
        let name = f.name.as_str();
        if name == "Chart.yaml" || name == "Chart.lock" || name == "requirements.lock" {
            if name == "requirements.lock"
                && metadata.as_ref().is_some_and(|m| m.api_version == "v1")
            {
                other.push(f);
            }
            continue;
        }
        if name == "values.yaml" {
            let text = lossy(&f.data).into_owned();
            let v = crate::yaml::from_yaml(&text)
                .map_err(|e| ChartError::Invalid(format!("cannot load values.yaml: {e}")))?;
            values = match v {
                Value::Nil => Value::new_map(),
                Value::Map(_) => v,
                other => {
                    return Err(ChartError::Invalid(format!(
                        "cannot load values.yaml: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                        json_kind(&other)
                    )));
                }
            };
            raw_values = Some(text);
        } else if name == "values.schema.json" {
            schema = Some(f.data.clone());
        } else if name == "requirements.yaml" {
            if let Some(md) = metadata.as_mut() {
                let text = lossy(&f.data);
                md.merge_requirements(&text).map_err(|e| {
                    ChartError::Invalid(format!("cannot load requirements.yaml: {e}"))
                })?;
                if md.api_version == "v1" {
                    other.push(f);
                }
            }
        } else if name.starts_with("templates/") {
            templates.push(f);
        } else if let Some(rest) = name.strip_prefix("charts/") {
            if name.ends_with(".prov") {
                other.push(f);
                continue;
            }
            let cname = rest.split('/').next().unwrap_or(rest).to_string();
            let inner = File {
                name: rest.to_string(),
                data: f.data,
            };
            match groups.iter_mut().find(|(n, _)| *n == cname) {
                Some((_, v)) => v.push(inner),
                None => groups.push((cname, vec![inner])),
            }
        } else {
            other.push(f);
        }
    }
    let Some(mut metadata) = metadata else {
        return Err(ChartError::Invalid("Chart.yaml file is missing".into()));
    };
    metadata
        .validate()
        .map_err(|e| ChartError::Invalid(format!("validation: {e}")))?;

    groups.sort_by(|a, b| a.0.cmp(&b.0));
    let mut dependencies = Vec::new();
    for (n, files) in groups {
        if n.starts_with('_') || n.starts_with('.') {
            continue;
        }
        let wrap = |e: ChartError| {
            ChartError::Invalid(format!(
                "error unpacking subchart {n} in {}: {e}",
                metadata.name
            ))
        };
        let sc = if n.ends_with(".tgz") {
            let file = &files[0];
            if file.name != n {
                return Err(ChartError::Invalid(format!(
                    "error unpacking subchart tar in {}: expected {n}, got {}",
                    metadata.name, file.name
                )));
            }
            load_archive_named(&file.data, &format!("charts/{n}")).map_err(wrap)?
        } else {
            let buff: Vec<File> = files
                .into_iter()
                .filter_map(|f| {
                    let (_, rest) = f.name.split_once('/')?;
                    Some(File {
                        name: rest.to_string(),
                        data: f.data,
                    })
                })
                .collect();
            load_files(buff).map_err(wrap)?
        };
        dependencies.push(sc);
    }

    Ok(Chart {
        metadata,
        values,
        raw_values,
        schema,
        templates,
        files: other,
        dependencies,
    })
}

/// encoding/json's name for the JSON kind of a value in unmarshal errors.
pub(crate) fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Nil => "null",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::Int64(_) | Value::Float(_) => "number",
        Value::Str(_) | Value::Bytes(_) => "string",
        Value::List(_) | Value::StrList(_) => "array",
        Value::Map(_) | Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests;
