//! Chart sources: pull the stack's charts from HTTP chart repositories and OCI registries
//! into the content-addressed cache, pinned by `stack.lock`, and hand them to rendering.
//!
//! The entry points are thin for a CLI (`opts` = [`Options::for_stack`] plus flags):
//! - [`pull`] — `kiln pull [--update] [--offline] [--mirror FROM=TO]`: make every remote
//!   chart of the stack present in the cache, resolving versions not yet in the lock (all
//!   of them with `update`), and write the lock. Print the [`PullReport`].
//! - [`charts`] — `kiln render`: the same with the lock as it is, then the verified archive
//!   of every remote release (`ChartArchive::path` for the renderer's resolver); with
//!   `offline` it never opens a connection and one [`Error::Missing`] lists every missing
//!   chart with the command that fetches it.
//! - [`fetch_chart`] — `kiln template oci://… | --repo URL CHART --version V`: one chart,
//!   cached, not locked.
//! - [`export`] / [`import`] — `kiln cache export FILE`, `kiln cache import FILE|DIR`.
//!
//! The stack's repository addresses are canonical: they are what the lock records. Mirrors
//! rewrite an address (by prefix; an HTTP repository may be mirrored into an OCI registry,
//! `oci://host/path` + `/<chart>`) before anything is fetched, and the bytes must still
//! have the digest the lock records. Plain HTTP to a registry only for loopback addresses
//! or the hosts in [`Options::plain_http`]. Errors never contain credentials.

pub mod auth;
pub mod cache;
pub mod index;
pub mod lock;
mod net;
pub mod semver;

pub use auth::Credentials;
pub use cache::Cache;
pub use lock::{Lock, LockEntry};

use crate::stack::Stack;
use net::{Got, NetConfig, NetError, Progress, Worker};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Everything that can go wrong while getting charts. Messages name the release, the chart
/// and the repository, never credentials.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("{action} {}: {message}", path.display())]
    Io {
        action: String,
        path: PathBuf,
        message: String,
    },
    #[error("the cached archive {} is damaged: its sha256 is {actual}, not the {expected} its name says; it was not used\n  hint: delete it and run `kiln pull` to fetch it again", path.display())]
    CorruptCache {
        path: PathBuf,
        expected: String,
        actual: String,
    },
    #[error(
        "{what}: the archive's sha256 is {actual}, but {expected} was expected\n  hint: {hint}"
    )]
    Digest {
        what: String,
        expected: String,
        actual: String,
        hint: String,
    },
    #[error("{}:{line}: {msg}", file.display())]
    Lock {
        file: PathBuf,
        line: usize,
        msg: String,
    },
    #[error("{}", missing_text(charts, hint))]
    Missing { charts: Vec<String>, hint: String },
    #[error("{0}")]
    Fetch(String),
    #[error("{0}")]
    Usage(String),
    /// An error about the chart of one or more releases (`release `x`: chart repo/x 1.0`).
    #[error("{}: {error}", releases.join(", "))]
    Release {
        releases: Vec<String>,
        error: Box<Error>,
    },
    #[error("{}", many_text(.0))]
    Many(Vec<Error>),
}

fn missing_text(charts: &[String], hint: &str) -> String {
    let mut s = format!(
        "{} chart{} missing:",
        charts.len(),
        if charts.len() == 1 { " is" } else { "s are" }
    );
    for c in charts {
        s.push_str("\n  - ");
        s.push_str(c);
    }
    s.push_str("\n  hint: ");
    s.push_str(hint);
    s
}

fn many_text(errors: &[Error]) -> String {
    // Releases failing for the same reason (e.g. one repository's index) are listed together.
    let mut groups: Vec<(Vec<String>, String)> = Vec::new();
    for e in errors {
        let (who, why) = match e {
            Error::Release { releases, error } => (releases.clone(), error.to_string()),
            other => (Vec::new(), other.to_string()),
        };
        match groups
            .iter_mut()
            .find(|(_, w)| *w == why && !who.is_empty())
        {
            Some((list, _)) => list.extend(who),
            None => groups.push((who, why)),
        }
    }
    let n: usize = groups.iter().map(|(w, _)| w.len().max(1)).sum();
    let mut s = format!(
        "{n} chart{} could not be pulled:",
        if n == 1 { "" } else { "s" }
    );
    for (who, why) in groups {
        s.push_str("\n  - ");
        if !who.is_empty() {
            s.push_str(&who.join("\n    "));
            s.push_str(": ");
        }
        s.push_str(&why.replace('\n', "\n    "));
    }
    s
}

/// Address rewrites: `from` prefix → `to` prefix, longest match first. A prefix matches
/// whole path segments only (`https://a/b` matches `https://a/b/c`, not `https://a/bc`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mirrors(Vec<(String, String)>);

impl Mirrors {
    pub fn new() -> Mirrors {
        Mirrors::default()
    }

    pub fn add(&mut self, from: &str, to: &str) {
        let from = from.trim_end_matches('/').to_string();
        self.0.retain(|(f, _)| *f != from);
        self.0.push((from, to.trim_end_matches('/').to_string()));
    }

    /// Parse a `--mirror FROM=TO` flag.
    pub fn parse_flag(flag: &str) -> Result<(String, String), Error> {
        match flag.split_once('=') {
            Some((f, t)) if !f.is_empty() && !t.is_empty() => Ok((f.to_string(), t.to_string())),
            _ => Err(Error::Usage(format!(
                "--mirror `{flag}`: write it as FROM=TO, e.g. https://charts.example.com=http://mirror.local/charts"
            ))),
        }
    }

    /// The address to fetch for a canonical `url`.
    pub fn apply(&self, url: &str) -> String {
        let best = self
            .0
            .iter()
            .filter(|(f, _)| {
                url == f || (url.starts_with(f.as_str()) && url[f.len()..].starts_with('/'))
            })
            .max_by_key(|(f, _)| f.len());
        match best {
            Some((f, t)) => format!("{t}{}", &url[f.len()..]),
            None => url.to_string(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Settings for getting charts. [`Options::for_stack`] gives the CLI's defaults.
#[derive(Debug, Clone)]
pub struct Options {
    /// The cache folder (`charts-cache/`).
    pub cache_dir: PathBuf,
    /// The lock file (`stack.lock` beside `stack.yaml`).
    pub lock_file: PathBuf,
    pub mirrors: Mirrors,
    pub credentials: Credentials,
    /// Never open a connection: everything must be in the lock and the cache.
    pub offline: bool,
    /// Re-resolve every version and rewrite the lock.
    pub update: bool,
    /// Parallel downloads (1 = one after the other).
    pub jobs: usize,
    /// Progress bars on stderr (only shown when stderr is a terminal).
    pub progress: bool,
    /// Registries (`host:port`) to speak plain HTTP to, besides loopback addresses.
    pub plain_http: Vec<String>,
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
    /// Retries after a 5xx/429/408 answer or a broken connection.
    pub retries: u32,
    /// The first pause between retries (doubled each time).
    pub backoff: Duration,
}

impl Options {
    /// Defaults with explicit cache and lock locations, anonymous access.
    pub fn new(cache_dir: impl Into<PathBuf>, lock_file: impl Into<PathBuf>) -> Options {
        Options {
            cache_dir: cache_dir.into(),
            lock_file: lock_file.into(),
            mirrors: Mirrors::new(),
            credentials: Credentials::none(),
            offline: false,
            update: false,
            jobs: 8,
            progress: true,
            plain_http: Vec::new(),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            retries: 3,
            backoff: Duration::from_millis(250),
        }
    }

    /// The CLI's defaults for a stack: the lock beside the stack file, the cache in
    /// `charts-cache/` of the stack folder's parent (the repository layout: `stack/`,
    /// `charts-cache/`), or `$KILN_CACHE_DIR`; the stack's mirrors; credentials from the
    /// environment and the Helm/Docker config files.
    pub fn for_stack(stack: &Stack) -> Options {
        let dir = if stack.dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            stack.dir.clone()
        };
        let cache = match std::env::var_os("KILN_CACHE_DIR") {
            Some(c) => PathBuf::from(c),
            None => dir.join("..").join("charts-cache"),
        };
        let mut o = Options::new(cache, dir.join("stack.lock"));
        for (f, t) in &stack.mirrors {
            o.mirrors.add(f, t);
        }
        o.credentials = Credentials::from_env();
        o
    }

    /// Add `--mirror FROM=TO` flags (after the stack's mirrors, so a flag wins for the
    /// same FROM).
    pub fn add_mirror_flags(&mut self, flags: &[String]) -> Result<(), Error> {
        for f in flags {
            let (from, to) = Mirrors::parse_flag(f)?;
            self.mirrors.add(&from, &to);
        }
        Ok(())
    }

    fn net(&self, plain: Vec<String>) -> NetConfig {
        NetConfig {
            connect_timeout: self.connect_timeout,
            read_timeout: self.read_timeout,
            retries: self.retries,
            backoff: self.backoff,
            plain_http: plain,
            max_bytes: 100 << 20,
        }
    }
}

/// Where a chart comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Origin {
    /// An HTTP chart repository (its canonical URL).
    Repo(String),
    /// An OCI repository: `oci://host/path/chart` (canonical).
    Oci(String),
}

impl Origin {
    fn source(&self) -> &str {
        match self {
            Origin::Repo(u) | Origin::Oci(u) => u,
        }
    }
}

/// A remote chart a release asks for.
#[derive(Debug, Clone)]
struct Want {
    release: String,
    chart_ref: String,
    version: String,
    name: String,
    origin: Origin,
}

impl Want {
    fn label(&self) -> String {
        let v = if self.version.is_empty() {
            "(latest)"
        } else {
            &self.version
        };
        format!("release `{}`: chart {} {v}", self.release, self.chart_ref)
    }
}

/// Whether a release's chart comes from a repository or registry (`repo/chart`,
/// `oci://…`) rather than a local path (`./charts/x`, `/abs/x`).
pub fn is_remote(chart: &str) -> bool {
    chart.starts_with("oci://")
        || (chart.contains('/')
            && !chart.starts_with('.')
            && !chart.starts_with('/')
            && !chart.starts_with('~'))
}

fn wants(stack: &Stack) -> Result<Vec<Want>, Error> {
    let mut out = Vec::new();
    for r in &stack.releases {
        if let Some(rest) = r.chart.strip_prefix("oci://") {
            let rest = rest.trim_end_matches('/');
            let name = rest.rsplit('/').next().unwrap_or(rest).to_string();
            if !rest.contains('/') || name.is_empty() {
                return Err(Error::Usage(format!(
                    "release `{}`: `{}` is not an OCI chart reference (oci://host/path/chart)",
                    r.name, r.chart
                )));
            }
            out.push(Want {
                release: r.name.clone(),
                chart_ref: r.chart.clone(),
                version: r.version.clone(),
                name,
                origin: Origin::Oci(format!("oci://{rest}")),
            });
            continue;
        }
        let Some((repo, name)) = r.chart.split_once('/') else {
            continue;
        };
        if r.chart.starts_with('.') || r.chart.starts_with('/') {
            continue;
        }
        let Some(repository) = stack.repository(repo) else {
            continue;
        };
        let origin = if repository.is_oci() {
            Origin::Oci(format!("{}/{name}", repository.url))
        } else {
            Origin::Repo(repository.url.clone())
        };
        out.push(Want {
            release: r.name.clone(),
            chart_ref: r.chart.clone(),
            version: r.version.clone(),
            name: name.to_string(),
            origin,
        });
    }
    Ok(out)
}

/// A chart archive of a release, read from the cache and verified.
#[derive(Debug, Clone)]
pub struct ChartArchive {
    pub release: String,
    pub chart: String,
    pub version: String,
    /// sha256, lowercase hex.
    pub digest: String,
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// What one release got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pulled {
    pub release: String,
    pub entry: LockEntry,
    /// Whether its archive was downloaded now (false: it was in the cache).
    pub downloaded: bool,
}

/// What [`pull`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PullReport {
    pub releases: Vec<Pulled>,
    /// Whether `stack.lock` was (re)written.
    pub lock_written: bool,
    /// Archives downloaded (distinct).
    pub downloads: usize,
    pub bytes: u64,
}

impl fmt::Display for PullReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cached = self.releases.iter().filter(|p| !p.downloaded).count();
        write!(
            f,
            "{} release charts: {} archives downloaded ({} bytes), {} already cached{}",
            self.releases.len(),
            self.downloads,
            self.bytes,
            cached,
            if self.lock_written {
                "; stack.lock written"
            } else {
                ""
            }
        )
    }
}

/// The unit of work: one chart version range from one origin.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Unit {
    origin: Origin,
    name: String,
    /// The exact version to fetch (pinned by the lock), or the constraint to resolve.
    version: String,
    pinned: Option<String>,
    /// The digest the lock requires.
    digest: Option<String>,
}

#[derive(Debug, Clone)]
struct Done {
    resolved: String,
    digest: String,
    downloaded: Option<u64>,
}

/// Ensure every remote chart of the stack is in the cache and pinned in the lock.
pub fn pull(stack: &Stack, opts: &Options) -> Result<PullReport, Error> {
    if opts.update && opts.offline {
        return Err(Error::Usage("--update re-resolves every version and needs the repositories: it cannot run with --offline".into()));
    }
    let wants = wants(stack)?;
    let cache = Cache::new(&opts.cache_dir);
    let old_text = std::fs::read_to_string(&opts.lock_file).ok();
    let lock = match &old_text {
        Some(t) => Lock::parse(&opts.lock_file, t)?,
        None => Lock::default(),
    };
    // Which wants are pinned by the lock, and which archives are missing.
    let mut units: BTreeMap<Unit, Vec<usize>> = BTreeMap::new();
    let mut missing = Vec::new();
    let mut results: Vec<Option<(String, String, bool)>> = vec![None; wants.len()];
    for (i, w) in wants.iter().enumerate() {
        let pinned = lock.releases.get(&w.release).filter(|e| {
            !opts.update
                && e.chart == w.chart_ref
                && e.version == w.version
                && e.source == w.origin.source()
        });
        match pinned {
            Some(e) => {
                let ok = matches!(cache.get(&e.digest), Ok(Some(_)));
                if ok {
                    results[i] = Some((e.resolved.clone(), e.digest.clone(), false));
                    continue;
                }
                let why = if cache.contains(&e.digest) {
                    "damaged in the cache"
                } else {
                    "not in the cache"
                };
                missing.push(format!(
                    "release `{}`: chart {} {} ({why})",
                    w.release, w.chart_ref, e.resolved
                ));
                units
                    .entry(Unit {
                        origin: w.origin.clone(),
                        name: w.name.clone(),
                        version: e.resolved.clone(),
                        pinned: Some(e.resolved.clone()),
                        digest: Some(e.digest.clone()),
                    })
                    .or_default()
                    .push(i);
            }
            None => {
                missing.push(format!(
                    "{} (not in {})",
                    w.label(),
                    file_name(&opts.lock_file)
                ));
                units
                    .entry(Unit {
                        origin: w.origin.clone(),
                        name: w.name.clone(),
                        version: w.version.clone(),
                        pinned: None,
                        digest: None,
                    })
                    .or_default()
                    .push(i);
            }
        }
    }
    if opts.offline && !missing.is_empty() {
        return Err(Error::Missing {
            charts: missing,
            hint: format!(
                "--offline opens no connection: run `kiln pull` where the repositories (or their mirrors) are reachable, or `kiln cache import FILE` with a bundle from `kiln cache export FILE`; the cache is {}",
                opts.cache_dir.display()
            ),
        });
    }
    let mut report = PullReport::default();
    if !units.is_empty() {
        let done = fetch_units(&units, &wants, &cache, opts)?;
        for (u, d) in done {
            if d.downloaded.is_some() {
                report.downloads += 1;
                report.bytes += d.downloaded.unwrap_or(0);
            }
            for &i in &units[&u] {
                results[i] = Some((d.resolved.clone(), d.digest.clone(), d.downloaded.is_some()));
            }
        }
    }
    let mut new_lock = Lock::default();
    for (w, r) in wants.iter().zip(results) {
        let Some((resolved, digest, downloaded)) = r else {
            return Err(Error::Fetch(format!("{}: nothing was resolved", w.label())));
        };
        let entry = LockEntry {
            chart: w.chart_ref.clone(),
            version: w.version.clone(),
            name: w.name.clone(),
            resolved,
            source: w.origin.source().to_string(),
            digest,
        };
        new_lock.releases.insert(w.release.clone(), entry.clone());
        report.releases.push(Pulled {
            release: w.release.clone(),
            entry,
            downloaded,
        });
    }
    let text = new_lock.render();
    if old_text.as_deref() != Some(text.as_str()) && !(old_text.is_none() && wants.is_empty()) {
        if opts.offline {
            // Offline and complete: the lock is what it was, modulo releases that left the stack.
            return Ok(report);
        }
        new_lock.save(&opts.lock_file)?;
        report.lock_written = true;
    }
    Ok(report)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Resolve and download the units: indexes first (one per repository, in parallel), then
/// the archives (in parallel). All errors are collected.
fn fetch_units(
    units: &BTreeMap<Unit, Vec<usize>>,
    wants: &[Want],
    cache: &Cache,
    opts: &Options,
) -> Result<Vec<(Unit, Done)>, Error> {
    // Effective (mirrored) locations.
    let mut index_urls: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut plain: BTreeSet<String> = opts.plain_http.iter().cloned().collect();
    for u in units.keys() {
        let eff = effective(&u.origin, &u.name, &opts.mirrors);
        match &eff {
            Eff::Repo(url) => {
                index_urls
                    .entry(url.clone())
                    .or_default()
                    .insert(u.name.clone());
            }
            Eff::Oci { registry, .. } => {
                if net::is_loopback(registry) {
                    plain.insert(registry.clone());
                }
            }
            Eff::Bad(_) => {}
        }
    }
    let cfg = opts.net(plain.into_iter().collect());
    let progress = Progress::new(opts.progress);
    let idx_jobs: Vec<(String, BTreeSet<String>)> = index_urls.into_iter().collect();
    let indexes = net::pool(idx_jobs.clone(), opts.jobs, &cfg, |w, (url, names)| {
        fetch_index(w, cache, opts, &url, &names)
    })
    .map_err(Error::Fetch)?;
    let indexes: BTreeMap<String, Result<index::Index, String>> =
        idx_jobs.into_iter().map(|(u, _)| u).zip(indexes).collect();
    let list: Vec<Unit> = units.keys().cloned().collect();
    let outcomes = net::pool(list.clone(), opts.jobs, &cfg, |w, u| {
        fetch_unit(w, cache, opts, &u, &indexes, &progress).map_err(|e| Error::Release {
            releases: units[&u].iter().map(|&i| wants[i].label()).collect(),
            error: Box::new(e),
        })
    })
    .map_err(Error::Fetch)?;
    let mut errors = Vec::new();
    let mut done = Vec::new();
    for (u, o) in list.into_iter().zip(outcomes) {
        match o {
            Ok(d) => done.push((u, d)),
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(Error::Many(errors));
    }
    Ok(done)
}

/// Where a unit is fetched from after mirrors.
enum Eff {
    Repo(String),
    Oci {
        registry: String,
        repository: String,
        display: String,
    },
    Bad(String),
}

fn effective(origin: &Origin, name: &str, mirrors: &Mirrors) -> Eff {
    let (url, oci_path) = match origin {
        Origin::Repo(u) => {
            let m = mirrors.apply(u);
            if m.starts_with("oci://") {
                (m, true)
            } else {
                return Eff::Repo(m);
            }
        }
        Origin::Oci(u) => (mirrors.apply(u), false),
    };
    let Some(rest) = url.strip_prefix("oci://") else {
        return Eff::Bad(format!(
            "the mirror of {} is `{url}`, but an OCI chart can only be mirrored to an oci:// address",
            origin.source()
        ));
    };
    let full = if oci_path {
        format!("{}/{name}", rest.trim_end_matches('/'))
    } else {
        rest.to_string()
    };
    match full.split_once('/') {
        Some((reg, repo)) if !reg.is_empty() && !repo.is_empty() => Eff::Oci {
            registry: reg.to_string(),
            repository: repo.to_string(),
            display: format!("oci://{full}"),
        },
        _ => Eff::Bad(format!("`oci://{full}` is not a registry and a repository")),
    }
}

fn redact(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let (host, path) = rest.split_once('/').map_or((rest, ""), |(h, p)| (h, p));
            let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
            if path.is_empty() && !rest.contains('/') {
                format!("{scheme}://{host}")
            } else {
                format!("{scheme}://{host}/{path}")
            }
        }
        None => url.to_string(),
    }
}

fn describe(e: &NetError, what: &str, url: &str) -> String {
    let url = redact(url);
    match e {
        NetError::Status(401) => {
            let host = auth::host_of(&url);
            let p = auth::env_prefix(&host);
            let more = if url.starts_with("oci://") {
                ", `helm registry login`, or ~/.docker/config.json"
            } else {
                ""
            };
            format!(
                "{what}: 401 Unauthorized from {url}\n  hint: the credentials for {host} are missing or wrong: set {p}_USER and {p}_PASSWORD{more}"
            )
        }
        NetError::Status(403) => {
            format!("{what}: 403 Forbidden from {url}: the credentials are not allowed to read it")
        }
        NetError::Status(404) => format!("{what}: 404 Not Found at {url}"),
        NetError::Status(s) => format!("{what}: HTTP {s} from {url} (after retries)"),
        NetError::Transport(m) => format!("{what}: {url}: {m} (after retries)"),
        NetError::Digest { expected, actual } => format!(
            "{what}: {url}: the content's digest is {actual}, not {expected}: the registry's blob was altered"
        ),
        NetError::TooLarge(n) => format!("{what}: {url}: {n} bytes is more than kiln accepts"),
        NetError::Other(m) => format!("{what}: {url}: {m}"),
    }
}

/// Fetch (or revalidate) a repository index and parse the wanted charts out of it.
fn fetch_index(
    w: &Worker,
    cache: &Cache,
    opts: &Options,
    repo: &str,
    names: &BTreeSet<String>,
) -> Result<index::Index, String> {
    let url = format!("{repo}/index.yaml");
    let key = cache::sha256_hex(url.as_bytes());
    let dir = cache.index_dir();
    let body_path = dir.join(format!("{}.yaml", &key[..32]));
    let meta_path = dir.join(format!("{}.json", &key[..32]));
    let meta: Option<serde_json::Value> = std::fs::read(&meta_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok());
    let cached_ok = body_path.is_file()
        && meta
            .as_ref()
            .and_then(|m| m.get("url"))
            .and_then(|u| u.as_str())
            == Some(url.as_str());
    let m = |k: &str| {
        if cached_ok {
            meta.as_ref()
                .and_then(|m| m.get(k))
                .and_then(|v| v.as_str())
        } else {
            None
        }
    };
    let auth = opts.credentials.lookup(&auth::host_of(repo));
    let got = w
        .get(&url, auth.as_ref(), (m("etag"), m("lastModified")), None)
        .map_err(|e| describe(&e, "the repository index", &url))?;
    let bytes = match got {
        Got::NotModified => std::fs::read(&body_path)
            .map_err(|e| format!("reading the cached index {}: {e}", body_path.display()))?,
        Got::Body {
            bytes,
            etag,
            last_modified,
        } => {
            if etag.is_some() || last_modified.is_some() {
                let meta =
                    serde_json::json!({"url": url, "etag": etag, "lastModified": last_modified});
                // The body first: a meta file never points at a missing or older body.
                cache::write_atomic(&body_path, &bytes).map_err(|e| e.to_string())?;
                cache::write_atomic(&meta_path, meta.to_string().as_bytes())
                    .map_err(|e| e.to_string())?;
            }
            bytes
        }
    };
    index::Index::parse(&bytes, names).map_err(|e| format!("the index {}: {e}", redact(&url)))
}

/// Resolve `name` at `version` in an index and return (resolved, absolute URL, digest).
fn resolve_in_index(
    idx: &index::Index,
    repo: &str,
    name: &str,
    version: &str,
    mirrors: &Mirrors,
) -> Result<(String, String, Option<String>), String> {
    let Some(list) = idx.entries.get(name) else {
        return Err(format!(
            "no chart named `{name}` in the repository {}",
            redact(repo)
        ));
    };
    let picked = semver::pick(list.iter().map(|e| e.version.as_str()), version, false)?;
    let Some(v) = picked else {
        let mut avail: Vec<&str> = list.iter().map(|e| e.version.as_str()).collect();
        avail.truncate(8);
        return Err(format!(
            "no version of `{name}` matches `{version}` in {} (newest: {})",
            redact(repo),
            avail.join(", ")
        ));
    };
    let entry = list
        .iter()
        .find(|e| e.version == v)
        .ok_or("index entry vanished")?;
    let Some(u) = entry.urls.first() else {
        return Err(format!(
            "`{name}` {v} has no download URL in the index of {}",
            redact(repo)
        ));
    };
    let url = if u.contains("://") {
        mirrors.apply(u)
    } else if let Some(abs) = u.strip_prefix('/') {
        let origin_end = repo
            .find("://")
            .map(|i| i + 3)
            .and_then(|s| repo[s..].find('/').map(|j| s + j))
            .unwrap_or(repo.len());
        format!("{}/{abs}", &repo[..origin_end])
    } else {
        format!(
            "{}/{}",
            repo.trim_end_matches('/'),
            u.trim_start_matches("./")
        )
    };
    Ok((v.to_string(), url, cache::normalize_digest(&entry.digest)))
}

fn same_origin(a: &str, b: &str) -> bool {
    let o = |u: &str| {
        let (scheme, rest) = u.split_once("://").unwrap_or(("", u));
        let host = auth::host_of(u);
        let port_default = if scheme == "https" { ":443" } else { ":80" };
        let host = if host.contains(':') {
            host
        } else {
            format!("{host}{port_default}")
        };
        let _ = rest;
        format!("{scheme}://{host}")
    };
    o(a) == o(b)
}

fn fetch_unit(
    w: &Worker,
    cache: &Cache,
    opts: &Options,
    u: &Unit,
    indexes: &BTreeMap<String, Result<index::Index, String>>,
    progress: &Progress,
) -> Result<Done, Error> {
    let check_lock = |bytes: &[u8], where_: &str| -> Result<String, Error> {
        let actual = cache::sha256_hex(bytes);
        if let Some(want) = &u.digest
            && *want != actual
        {
            return Err(Error::Digest {
                what: format!("{} from {}", u.version, redact(where_)),
                expected: want.clone(),
                actual,
                hint: format!(
                    "{} records another archive for this version; nothing was changed. If the new archive is intended, run `kiln pull --update`",
                    file_name(&opts.lock_file)
                ),
            });
        }
        Ok(actual)
    };
    match effective(&u.origin, &u.name, &opts.mirrors) {
        Eff::Bad(m) => Err(Error::Fetch(m)),
        Eff::Repo(repo) => {
            let idx = match indexes.get(&repo) {
                Some(Ok(i)) => i,
                Some(Err(e)) => return Err(Error::Fetch(e.clone())),
                None => {
                    return Err(Error::Fetch(format!(
                        "the index of {} was not fetched",
                        redact(&repo)
                    )));
                }
            };
            let (resolved, url, index_digest) =
                resolve_in_index(idx, &repo, &u.name, &u.version, &opts.mirrors)
                    .map_err(Error::Fetch)?;
            // Already cached under the digest the index (and the lock, if any) names?
            if let Some(d) = &index_digest
                && u.digest.as_ref().is_none_or(|l| l == d)
                && matches!(cache.get(d), Ok(Some(_)))
            {
                return Ok(Done {
                    resolved,
                    digest: d.clone(),
                    downloaded: None,
                });
            }
            let auth = if same_origin(&url, &repo) {
                opts.credentials.lookup(&auth::host_of(&repo))
            } else {
                None
            };
            let pb = progress.bar(&format!("{}-{resolved}", u.name));
            let got = w.get(&url, auth.as_ref(), (None, None), pb.as_ref());
            if let Some(pb) = &pb {
                pb.finish_and_clear();
            }
            let bytes = match got
                .map_err(|e| Error::Fetch(describe(&e, &format!("downloading {resolved}"), &url)))?
            {
                Got::Body { bytes, .. } => bytes,
                Got::NotModified => {
                    return Err(Error::Fetch(format!(
                        "{}: unexpected 304 Not Modified",
                        redact(&url)
                    )));
                }
            };
            if let Some(d) = &index_digest {
                let actual = cache::sha256_hex(&bytes);
                if actual != *d {
                    return Err(Error::Digest {
                        what: format!("{resolved} from {}", redact(&url)),
                        expected: d.clone(),
                        actual,
                        hint: "the archive does not match the digest in the repository's index.yaml (altered or damaged); nothing was cached".into(),
                    });
                }
            }
            let digest = check_lock(&bytes, &url)?;
            cache.put(&bytes)?;
            Ok(Done {
                resolved,
                digest,
                downloaded: Some(bytes.len() as u64),
            })
        }
        Eff::Oci {
            registry,
            repository,
            display,
        } => {
            let auth = opts.credentials.lookup(&registry);
            let resolved = match &u.pinned {
                Some(v) => v.clone(),
                None if semver::is_exact(&u.version) => u.version.clone(),
                None => {
                    let tags = w
                        .oci_tags(&registry, &repository, auth.as_ref())
                        .map_err(|e| Error::Fetch(describe(&e, "listing tags", &display)))?;
                    let versions: Vec<String> = tags.iter().map(|t| t.replace('_', "+")).collect();
                    match semver::pick(versions.iter().map(String::as_str), &u.version, true)
                        .map_err(Error::Fetch)?
                    {
                        Some(v) => v.to_string(),
                        None => {
                            return Err(Error::Fetch(format!(
                                "no tag of {display} matches `{}` (tags: {})",
                                u.version,
                                tags.join(", ")
                            )));
                        }
                    }
                }
            };
            let tag = resolved.replace('+', "_");
            let shown = format!("{display}:{tag}");
            let chart = w
                .oci_manifest(&registry, &repository, &tag, auth.as_ref())
                .map_err(|e| {
                    Error::Fetch(describe(&e, &format!("the manifest of {resolved}"), &shown))
                })?;
            let layer = cache::normalize_digest(&chart.layer_digest).ok_or_else(|| {
                Error::Fetch(format!(
                    "{shown}: the chart layer's digest `{}` is not sha256",
                    chart.layer_digest
                ))
            })?;
            if u.digest.as_ref().is_none_or(|l| *l == layer)
                && matches!(cache.get(&layer), Ok(Some(_)))
            {
                return Ok(Done {
                    resolved,
                    digest: layer,
                    downloaded: None,
                });
            }
            let pb = progress.bar(&format!("{}-{resolved}", u.name));
            let got = w.oci_blob(&registry, &repository, &chart, auth.as_ref(), pb.as_ref());
            if let Some(pb) = &pb {
                pb.finish_and_clear();
            }
            let bytes = got.map_err(|e| {
                Error::Fetch(describe(&e, &format!("downloading {resolved}"), &shown))
            })?;
            let actual = cache::sha256_hex(&bytes);
            if actual != layer {
                return Err(Error::Digest {
                    what: format!("{resolved} from {shown}"),
                    expected: layer,
                    actual,
                    hint: "the registry's blob does not match its manifest (altered or damaged); nothing was cached".into(),
                });
            }
            let digest = check_lock(&bytes, &shown)?;
            cache.put(&bytes)?;
            Ok(Done {
                resolved,
                digest,
                downloaded: Some(bytes.len() as u64),
            })
        }
    }
}

/// The verified archive of every remote release (by release name), pulling what the lock
/// and cache lack unless `opts.offline` (then a missing chart is an error listing them all).
/// Releases with a local chart path are not included.
pub fn charts(stack: &Stack, opts: &Options) -> Result<BTreeMap<String, ChartArchive>, Error> {
    let mut o = opts.clone();
    o.update = false;
    let report = pull(stack, &o)?;
    let cache = Cache::new(&opts.cache_dir);
    let mut out = BTreeMap::new();
    for p in report.releases {
        let bytes = cache.get(&p.entry.digest)?.ok_or_else(|| Error::Missing {
            charts: vec![format!(
                "release `{}`: chart {} {} (vanished from the cache)",
                p.release, p.entry.chart, p.entry.resolved
            )],
            hint: "run `kiln pull`".into(),
        })?;
        out.insert(
            p.release.clone(),
            ChartArchive {
                release: p.release,
                chart: p.entry.chart,
                version: p.entry.resolved,
                path: cache.path_of(&p.entry.digest),
                digest: p.entry.digest,
                bytes,
            },
        );
    }
    Ok(out)
}

/// One chart outside a stack, as `helm template` takes it: `oci://host/path/chart`, or a
/// chart name with `repo_url` (`--repo URL CHART`). Cached, not locked; `offline` is an error.
pub fn fetch_chart(
    chart: &str,
    repo_url: Option<&str>,
    version: &str,
    opts: &Options,
) -> Result<ChartArchive, Error> {
    let (origin, name) = match (chart.strip_prefix("oci://"), repo_url) {
        (Some(rest), _) => {
            let rest = rest.trim_end_matches('/');
            (
                Origin::Oci(format!("oci://{rest}")),
                rest.rsplit('/').next().unwrap_or(rest).to_string(),
            )
        }
        (None, Some(repo)) if repo.starts_with("oci://") => (
            Origin::Oci(format!("{}/{chart}", repo.trim_end_matches('/'))),
            chart.to_string(),
        ),
        (None, Some(repo)) => (
            Origin::Repo(repo.trim_end_matches('/').to_string()),
            chart.to_string(),
        ),
        (None, None) => {
            return Err(Error::Usage(format!(
                "`{chart}` is neither an oci:// reference nor given with --repo URL"
            )));
        }
    };
    let w = Want {
        release: name.clone(),
        chart_ref: chart.to_string(),
        version: version.to_string(),
        name: name.clone(),
        origin: origin.clone(),
    };
    if opts.offline {
        return Err(Error::Missing {
            charts: vec![w.label()],
            hint: "--offline: use a stack with a stack.lock, or fetch it online first".into(),
        });
    }
    let cache = Cache::new(&opts.cache_dir);
    let mut units = BTreeMap::new();
    units.insert(
        Unit {
            origin,
            name,
            version: version.to_string(),
            pinned: None,
            digest: None,
        },
        vec![0],
    );
    let done = fetch_units(&units, std::slice::from_ref(&w), &cache, opts)?;
    let (_, d) = done
        .into_iter()
        .next()
        .ok_or_else(|| Error::Fetch(format!("{}: nothing was resolved", w.label())))?;
    let bytes = cache.get(&d.digest)?.ok_or_else(|| {
        Error::Fetch(format!(
            "{}: not in the cache after the download",
            w.label()
        ))
    })?;
    Ok(ChartArchive {
        release: String::new(),
        chart: chart.to_string(),
        version: d.resolved,
        path: cache.path_of(&d.digest),
        digest: d.digest,
        bytes,
    })
}

/// `kiln cache export FILE`: the archives the lock names (all cached archives when there
/// is no lock) and the lock itself, as one tar (gzipped when FILE ends in .gz/.tgz).
pub fn export(opts: &Options, file: &Path) -> Result<Vec<String>, Error> {
    let cache = Cache::new(&opts.cache_dir);
    let lock_text = std::fs::read_to_string(&opts.lock_file).ok();
    let digests: Option<Vec<String>> = match &lock_text {
        Some(t) => Some(
            Lock::parse(&opts.lock_file, t)?
                .releases
                .values()
                .map(|e| e.digest.clone())
                .collect(),
        ),
        None => None,
    };
    cache.export(file, digests.as_deref(), lock_text.as_deref())
}

/// `kiln cache import FILE|DIR`: add the archives to the cache. A bundle's `stack.lock` is
/// written to `opts.lock_file` when there is none yet; an existing lock is kept (the
/// report's `lock` then holds the bundle's, for the caller to mention).
pub fn import(opts: &Options, from: &Path) -> Result<cache::ImportReport, Error> {
    let cache = Cache::new(&opts.cache_dir);
    let report = cache.import(from)?;
    if let Some(l) = &report.lock {
        Lock::parse(Path::new("stack.lock (in the bundle)"), l)?;
        if !opts.lock_file.exists() {
            cache::write_atomic(&opts.lock_file, l.as_bytes())?;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirrors_rewrite_by_whole_segments() {
        let mut m = Mirrors::new();
        m.add(
            "https://charts.example.com",
            "http://127.0.0.1:8080/example",
        );
        m.add("https://charts.example.com/deep/", "http://127.0.0.1:9090");
        m.add("oci://ghcr.io/org", "oci://127.0.0.1:5000/mirror");
        assert_eq!(
            m.apply("https://charts.example.com"),
            "http://127.0.0.1:8080/example"
        );
        assert_eq!(
            m.apply("https://charts.example.com/a/x.tgz"),
            "http://127.0.0.1:8080/example/a/x.tgz"
        );
        assert_eq!(
            m.apply("https://charts.example.com/deep/x.tgz"),
            "http://127.0.0.1:9090/x.tgz"
        );
        assert_eq!(
            m.apply("https://charts.example.community"),
            "https://charts.example.community"
        );
        assert_eq!(
            m.apply("oci://ghcr.io/org/chart"),
            "oci://127.0.0.1:5000/mirror/chart"
        );
        assert_eq!(
            Mirrors::parse_flag("a=b=c").unwrap(),
            ("a".into(), "b=c".into())
        );
        assert!(Mirrors::parse_flag("nothing").is_err());
    }

    #[test]
    fn chart_urls_resolve_against_the_repository() {
        let idx = index::Index::parse(
            b"apiVersion: v1\nentries:\n  a:\n  - {version: 1.0.0, urls: [a-1.0.0.tgz]}\n  - {version: 1.1.0, urls: [/abs/a-1.1.0.tgz], digest: 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'}\n  - {version: 2.0.0, urls: ['https://up.example.com/a-2.0.0.tgz']}\n",
            &BTreeSet::new(),
        )
        .unwrap();
        let mut m = Mirrors::new();
        m.add("https://up.example.com", "http://127.0.0.1:1");
        let r = |v: &str| resolve_in_index(&idx, "http://h:1/sub", "a", v, &m);
        assert_eq!(r("1.0.0").unwrap().1, "http://h:1/sub/a-1.0.0.tgz");
        let (v, url, d) = r("~1.1").unwrap();
        assert_eq!(
            (v.as_str(), url.as_str()),
            ("1.1.0", "http://h:1/abs/a-1.1.0.tgz")
        );
        assert_eq!(d.unwrap().len(), 64);
        assert_eq!(r(">=2").unwrap().1, "http://127.0.0.1:1/a-2.0.0.tgz");
        assert!(
            r("9.x")
                .unwrap_err()
                .contains("no version of `a` matches `9.x`")
        );
        assert!(
            resolve_in_index(&idx, "http://h:1", "b", "", &m)
                .unwrap_err()
                .contains("no chart named `b`")
        );
    }

    #[test]
    fn errors_never_show_credentials() {
        let e = describe(
            &NetError::Status(401),
            "x",
            "https://user:secret@h.example.com/index.yaml",
        );
        assert!(
            !e.contains("secret") && e.contains("401 Unauthorized") && e.contains("h.example.com"),
            "{e}"
        );
        assert!(same_origin(
            "https://a.example.com/x",
            "https://a.example.com:443/y"
        ));
        assert!(!same_origin("http://127.0.0.1:1/x", "http://127.0.0.1:2/x"));
    }

    #[test]
    fn offline_lists_every_missing_chart() {
        let dir = std::env::temp_dir().join(format!("kiln-offline-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let stack = Stack::parse(
            &dir.join("stack.yaml"),
            "repositories:\n  r: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: r/a, version: 1.0.0}\n  - {name: b, chart: 'oci://ghcr.io/x/b', version: ~2}\n  - {name: c, chart: ./local}\n",
        )
        .unwrap();
        let mut o = Options::new(dir.join("cache"), dir.join("stack.lock"));
        o.offline = true;
        let e = pull(&stack, &o).unwrap_err();
        let text = e.to_string();
        assert!(text.starts_with("2 charts are missing:"), "{text}");
        assert!(
            text.contains("release `a`: chart r/a 1.0.0 (not in stack.lock)"),
            "{text}"
        );
        assert!(
            text.contains("release `b`: chart oci://ghcr.io/x/b ~2"),
            "{text}"
        );
        assert!(text.contains("kiln pull"), "{text}");
        assert!(!dir.join("stack.lock").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
