//! The network side: HTTP GETs (index files, chart archives) and OCI pulls, with
//! timeouts, bounded retries with backoff on 5xx/429/408 and broken connections, and a
//! progress bar per download on a terminal. Each worker thread owns a current-thread tokio
//! runtime and its own clients (`reqwest` for HTTP, `oci-client` for registries).

use super::auth::Basic;
use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use std::io::IsTerminal as _;
use std::time::Duration;

/// Helm's chart media types.
pub const HELM_CONFIG: &str = "application/vnd.cncf.helm.config.v1+json";
pub const HELM_CHART: &str = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";
pub const HELM_CHART_LEGACY: &str = "application/tar+gzip";
const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";

/// Network settings shared by the workers.
#[derive(Debug, Clone)]
pub(crate) struct NetConfig {
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
    pub retries: u32,
    pub backoff: Duration,
    /// Registries (`host:port`) spoken to over plain HTTP.
    pub plain_http: Vec<String>,
    pub max_bytes: u64,
}

/// Why a request failed, after retries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NetError {
    Status(u16),
    Transport(String),
    Digest { expected: String, actual: String },
    TooLarge(u64),
    Other(String),
}

impl NetError {
    fn transient(&self) -> bool {
        match self {
            NetError::Status(s) => *s >= 500 || *s == 429 || *s == 408,
            NetError::Transport(_) => true,
            _ => false,
        }
    }
}

pub(crate) enum Got {
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    NotModified,
}

/// A short text for a reqwest failure: what happened, with the innermost cause.
fn request_error(e: &reqwest::Error) -> String {
    let mut inner: &dyn std::error::Error = e;
    while let Some(s) = inner.source() {
        inner = s;
    }
    let cause = inner.to_string();
    if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        format!("cannot connect: {cause}")
    } else if e.is_body() || e.is_decode() {
        format!("the connection broke: {cause}")
    } else {
        chain(e)
    }
}

fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        let t = c.to_string();
        if !s.contains(&t) {
            s.push_str(": ");
            s.push_str(&t);
        }
        cur = c.source();
    }
    s
}

/// Progress bars on stderr, only when it is a terminal.
pub(crate) struct Progress {
    multi: Option<MultiProgress>,
}

impl Progress {
    pub fn new(enabled: bool) -> Progress {
        let on = enabled && std::io::stderr().is_terminal();
        Progress {
            multi: on.then(MultiProgress::new),
        }
    }

    pub fn bar(&self, label: &str) -> Option<ProgressBar> {
        let m = self.multi.as_ref()?;
        let pb = m.add(ProgressBar::new(0));
        let style =
            ProgressStyle::with_template("{prefix:>32} [{bar:30}] {bytes}/{total_bytes} {msg}")
                .map(|s| s.progress_chars("=> "))
                .unwrap_or_else(|_| ProgressStyle::default_bar());
        pb.set_style(style);
        pb.set_prefix(label.to_string());
        Some(pb)
    }
}

/// A worker: a runtime and clients, used from one thread.
pub(crate) struct Worker {
    rt: tokio::runtime::Runtime,
    http: reqwest::Client,
    oci: oci_client::Client,
    cfg: NetConfig,
}

fn install_crypto() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

impl Worker {
    pub fn new(cfg: &NetConfig) -> Result<Worker, String> {
        install_crypto();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the network runtime: {e}"))?;
        let http = reqwest::Client::builder()
            .connect_timeout(cfg.connect_timeout)
            .read_timeout(cfg.read_timeout)
            .user_agent(concat!("kiln/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {}", chain(&e)))?;
        let oci = oci_client::Client::new(oci_client::client::ClientConfig {
            protocol: oci_client::client::ClientProtocol::HttpsExcept(cfg.plain_http.clone()),
            read_timeout: Some(cfg.read_timeout),
            connect_timeout: Some(cfg.connect_timeout),
            platform_resolver: None,
            user_agent: concat!("kiln/", env!("CARGO_PKG_VERSION")),
            ..Default::default()
        });
        Ok(Worker {
            rt,
            http,
            oci,
            cfg: cfg.clone(),
        })
    }

    fn retry<T>(&self, mut attempt: impl FnMut() -> Result<T, NetError>) -> Result<T, NetError> {
        let mut delay = self.cfg.backoff;
        let mut tries = 0;
        let mut first: Option<NetError> = None;
        loop {
            match attempt() {
                Err(e) if e.transient() && tries < self.cfg.retries => {
                    tries += 1;
                    first.get_or_insert(e);
                    std::thread::sleep(delay);
                    delay = (delay * 2).min(Duration::from_secs(5));
                }
                // A different last failure keeps the first one in view (a download that broke
                // off, then a server that is gone).
                Err(NetError::Transport(m)) => {
                    return Err(NetError::Transport(match first {
                        Some(NetError::Transport(f)) if f != m => format!("{f}; then {m}"),
                        Some(NetError::Status(s)) => format!("HTTP {s}; then {m}"),
                        _ => m,
                    }));
                }
                r => return r,
            }
        }
    }

    /// GET a URL (with basic auth, conditional headers), retried on transient failures.
    pub fn get(
        &self,
        url: &str,
        auth: Option<&Basic>,
        cond: (Option<&str>, Option<&str>),
        pb: Option<&ProgressBar>,
    ) -> Result<Got, NetError> {
        self.retry(|| self.rt.block_on(self.get_once(url, auth, cond, pb)))
    }

    async fn get_once(
        &self,
        url: &str,
        auth: Option<&Basic>,
        cond: (Option<&str>, Option<&str>),
        pb: Option<&ProgressBar>,
    ) -> Result<Got, NetError> {
        let mut req = self.http.get(url);
        if let Some(b) = auth {
            req = req.basic_auth(&b.user, Some(&b.password));
        }
        if let Some(e) = cond.0 {
            req = req.header(reqwest::header::IF_NONE_MATCH, e);
        }
        if let Some(m) = cond.1 {
            req = req.header(reqwest::header::IF_MODIFIED_SINCE, m);
        }
        let mut resp = req
            .send()
            .await
            .map_err(|e| NetError::Transport(request_error(&e)))?;
        let status = resp.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            return Ok(Got::NotModified);
        }
        if !status.is_success() {
            return Err(NetError::Status(status.as_u16()));
        }
        let header = |h: reqwest::header::HeaderName| {
            resp.headers()
                .get(h)
                .and_then(|v| v.to_str().ok())
                .map(String::from)
        };
        let etag = header(reqwest::header::ETAG);
        let last_modified = header(reqwest::header::LAST_MODIFIED);
        let expected = resp.content_length();
        if let Some(n) = expected
            && n > self.cfg.max_bytes
        {
            return Err(NetError::TooLarge(n));
        }
        if let Some(pb) = pb {
            pb.set_position(0);
            pb.set_length(expected.unwrap_or(0));
        }
        let mut bytes = Vec::with_capacity(expected.unwrap_or(0).min(self.cfg.max_bytes) as usize);
        while let Some(chunk) = resp.chunk().await.map_err(|e| {
            NetError::Transport(format!(
                "the download broke off after {} bytes ({})",
                bytes.len(),
                request_error(&e)
            ))
        })? {
            bytes.extend_from_slice(&chunk);
            if bytes.len() as u64 > self.cfg.max_bytes {
                return Err(NetError::TooLarge(bytes.len() as u64));
            }
            if let Some(pb) = pb {
                if expected.is_none() {
                    pb.set_length(bytes.len() as u64);
                }
                pb.set_position(bytes.len() as u64);
            }
        }
        if let Some(n) = expected
            && n != bytes.len() as u64
        {
            return Err(NetError::Transport(format!(
                "the download broke off after {} of {n} bytes",
                bytes.len()
            )));
        }
        Ok(Got::Body {
            bytes,
            etag,
            last_modified,
        })
    }

    fn oci_auth(auth: Option<&Basic>) -> oci_client::secrets::RegistryAuth {
        match auth {
            Some(b) => oci_client::secrets::RegistryAuth::Basic(b.user.clone(), b.password.clone()),
            None => oci_client::secrets::RegistryAuth::Anonymous,
        }
    }

    /// The tags of `registry/repository`.
    pub fn oci_tags(
        &self,
        registry: &str,
        repository: &str,
        auth: Option<&Basic>,
    ) -> Result<Vec<String>, NetError> {
        let r =
            oci_client::Reference::with_tag(registry.into(), repository.into(), "latest".into());
        let a = Self::oci_auth(auth);
        self.retry(|| {
            self.rt
                .block_on(self.oci.list_tags(&r, &a, None, None))
                .map(|t| t.tags)
                .map_err(classify)
        })
    }

    /// The manifest of `registry/repository:tag` and the chart layer's digest and size.
    pub fn oci_manifest(
        &self,
        registry: &str,
        repository: &str,
        tag: &str,
        auth: Option<&Basic>,
    ) -> Result<OciChart, NetError> {
        let r = oci_client::Reference::with_tag(registry.into(), repository.into(), tag.into());
        let a = Self::oci_auth(auth);
        let (raw, _manifest_digest) = self.retry(|| {
            self.rt
                .block_on(self.oci.pull_manifest_raw(&r, &a, &[OCI_MANIFEST]))
                .map_err(classify)
        })?;
        let m: serde_json::Value = serde_json::from_slice(&raw)
            .map_err(|e| NetError::Other(format!("the manifest is not JSON: {e}")))?;
        let config_type = m
            .pointer("/config/mediaType")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        if config_type != HELM_CONFIG {
            return Err(NetError::Other(format!(
                "not a Helm chart: the manifest's config has media type `{config_type}`, not `{HELM_CONFIG}`"
            )));
        }
        let layers = m
            .get("layers")
            .and_then(|l| l.as_array())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let layer = layers
            .iter()
            .find(|l| l.get("mediaType").and_then(|v| v.as_str()) == Some(HELM_CHART))
            .or_else(|| {
                layers.iter().find(|l| {
                    l.get("mediaType").and_then(|v| v.as_str()) == Some(HELM_CHART_LEGACY)
                })
            })
            .ok_or_else(|| NetError::Other(format!("the manifest has no `{HELM_CHART}` layer")))?;
        let digest = layer
            .get("digest")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let size = layer.get("size").and_then(|v| v.as_i64()).unwrap_or(0);
        let media_type = layer
            .get("mediaType")
            .and_then(|v| v.as_str())
            .unwrap_or(HELM_CHART)
            .to_string();
        if size as u64 > self.cfg.max_bytes {
            return Err(NetError::TooLarge(size as u64));
        }
        Ok(OciChart {
            layer_digest: digest,
            size,
            media_type,
        })
    }

    /// Download the chart layer named by `chart` (its digest is checked).
    pub fn oci_blob(
        &self,
        registry: &str,
        repository: &str,
        chart: &OciChart,
        auth: Option<&Basic>,
        pb: Option<&ProgressBar>,
    ) -> Result<Vec<u8>, NetError> {
        let r =
            oci_client::Reference::with_tag(registry.into(), repository.into(), "latest".into());
        let a = Self::oci_auth(auth);
        let desc = oci_client::manifest::OciDescriptor {
            media_type: chart.media_type.clone(),
            digest: chart.layer_digest.clone(),
            size: chart.size,
            ..Default::default()
        };
        if let Some(pb) = pb {
            pb.set_length(chart.size.max(0) as u64);
        }
        self.retry(|| {
            self.rt.block_on(async {
                // Make sure the credentials are registered for this registry, then pull.
                self.oci
                    .store_auth_if_needed(r.resolve_registry(), &a)
                    .await;
                let mut out: Vec<u8> = Vec::with_capacity(chart.size.max(0) as usize);
                self.oci
                    .pull_blob(&r, &desc, &mut out)
                    .await
                    .map_err(classify)?;
                if let Some(pb) = pb {
                    pb.set_position(out.len() as u64);
                }
                Ok(out)
            })
        })
    }
}

/// What a registry's manifest says about a chart.
#[derive(Debug, Clone)]
pub(crate) struct OciChart {
    pub layer_digest: String,
    pub size: i64,
    pub media_type: String,
}

fn classify(e: oci_client::errors::OciDistributionError) -> NetError {
    use oci_client::errors::{OciDistributionError as E, OciErrorCode as C};
    match e {
        E::UnauthorizedError { .. } | E::AuthenticationFailure(_) => NetError::Status(401),
        E::RegistryError { envelope, .. } => match envelope.errors.first().map(|e| &e.code) {
            Some(C::Unauthorized) => NetError::Status(401),
            Some(C::Denied) => NetError::Status(403),
            Some(C::ManifestUnknown | C::NameUnknown | C::BlobUnknown | C::NotFound) => {
                NetError::Status(404)
            }
            Some(C::Toomanyrequests) => NetError::Status(429),
            _ => NetError::Other(
                envelope
                    .errors
                    .iter()
                    .map(|e| e.message.clone())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        },
        E::ImageManifestNotFoundError(_) => NetError::Status(404),
        E::ServerError { code, .. } => NetError::Status(code),
        E::RequestError(e) => NetError::Transport(request_error(&e)),
        E::IoError(e) => NetError::Transport(e.to_string()),
        E::DigestError(oci_client::errors::DigestError::VerificationError { expected, actual }) => {
            NetError::Digest { expected, actual }
        }
        other => NetError::Other(chain(&other)),
    }
}

/// Whether a host (`host[:port]`) is a loopback address, where plain HTTP is allowed.
pub(crate) fn is_loopback(host: &str) -> bool {
    let h = if let Some(rest) = host.strip_prefix('[') {
        rest.split(']').next().unwrap_or("")
    } else {
        host.rsplit_once(':').map_or(host, |(h, p)| {
            if p.bytes().all(|b| b.is_ascii_digit()) {
                h
            } else {
                host
            }
        })
    };
    h == "localhost"
        || h == "::1"
        || h.parse::<std::net::Ipv4Addr>()
            .is_ok_and(|a| a.is_loopback())
}

/// Run `f` over `items` on up to `jobs` threads, each with its own worker; results keep
/// the items' order.
pub(crate) fn pool<T: Send, R: Send>(
    items: Vec<T>,
    jobs: usize,
    cfg: &NetConfig,
    f: impl Fn(&Worker, T) -> R + Sync,
) -> Result<Vec<R>, String> {
    let n = items.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let threads = jobs.clamp(1, n);
    let queue = std::sync::Mutex::new(
        items
            .into_iter()
            .enumerate()
            .collect::<std::collections::VecDeque<_>>(),
    );
    let results = std::sync::Mutex::new((0..n).map(|_| None).collect::<Vec<Option<R>>>());
    let errors = std::sync::Mutex::new(Vec::<String>::new());
    std::thread::scope(|s| {
        for _ in 0..threads {
            // A worker that cannot be started (a process limit) is one fewer: the queue is
            // drained by the others; with none at all, the items stay undone (an error).
            let _ = std::thread::Builder::new().spawn_scoped(s, || {
                let w = match Worker::new(cfg) {
                    Ok(w) => w,
                    Err(e) => {
                        errors.lock().unwrap_or_else(|p| p.into_inner()).push(e);
                        return;
                    }
                };
                loop {
                    let next = queue.lock().unwrap_or_else(|p| p.into_inner()).pop_front();
                    let Some((i, item)) = next else { break };
                    let r = f(&w, item);
                    results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
                }
            });
        }
    });
    let errors = errors.into_inner().unwrap_or_else(|p| p.into_inner());
    let results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    if results.iter().any(Option::is_none) {
        return Err(errors
            .first()
            .cloned()
            .unwrap_or_else(|| "a download worker stopped".into()));
    }
    Ok(results.into_iter().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        for (h, want) in [
            ("127.0.0.1:5000", true),
            ("localhost", true),
            ("[::1]:80", true),
            ("127.1.2.3", true),
            ("10.0.0.1:5000", false),
            ("example.com", false),
        ] {
            assert_eq!(is_loopback(h), want, "{h}");
        }
    }

    #[test]
    fn retries_are_bounded_and_only_for_transient_errors() {
        let cfg = NetConfig {
            connect_timeout: Duration::from_secs(1),
            read_timeout: Duration::from_secs(1),
            retries: 2,
            backoff: Duration::from_millis(1),
            plain_http: vec![],
            max_bytes: 1 << 20,
        };
        let w = Worker::new(&cfg).unwrap();
        let mut n = 0;
        let r: Result<(), _> = w.retry(|| {
            n += 1;
            Err(NetError::Status(503))
        });
        assert_eq!((r, n), (Err(NetError::Status(503)), 3));
        let mut n = 0;
        let r: Result<(), _> = w.retry(|| {
            n += 1;
            Err(NetError::Status(404))
        });
        assert_eq!((r, n), (Err(NetError::Status(404)), 1));
    }
}
