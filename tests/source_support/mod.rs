//! Real chart servers for the chart-source tests: `../shared/tools/oci-registry` (CNCF
//! distribution) and `../shared/tools/chart-repo` (an HTTP chart repository), started by
//! the tests themselves and stopped when the test process exits. Charts are the corpus
//! archives (`../shared/corpus/charts`), pushed with the reference `helm`.
#![allow(dead_code)]

use kiln::source::{Credentials, Options};
use kiln::stack::Stack;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn tools() -> PathBuf {
    let t = manifest_dir().join("../shared/tools");
    for tool in ["oci-registry", "chart-repo"] {
        assert!(
            t.join(tool).is_file(),
            "{} is missing: the chart-source tests need ../shared/tools beside the checkout",
            t.join(tool).display()
        );
    }
    t
}

pub fn corpus_charts() -> PathBuf {
    let c = manifest_dir().join("../shared/corpus/charts");
    assert!(
        c.is_dir(),
        "{} is missing: the chart-source tests need the corpus",
        c.display()
    );
    c
}

pub fn sha256_file(p: &Path) -> String {
    hex::encode(Sha256::digest(
        std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
    ))
}

static STARTED: Mutex<Vec<(String, PathBuf)>> = Mutex::new(Vec::new());
static COUNTER: AtomicUsize = AtomicUsize::new(0);

static TEMPS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

extern "C" fn stop_all() {
    let list = STARTED.lock().map(|l| l.clone()).unwrap_or_default();
    for (tool, dir) in list {
        let _ = Command::new(tools().join(&tool))
            .arg("stop")
            .arg(&dir)
            .output();
    }
    if std::env::var_os("KILN_TEST_KEEP").is_none() {
        for d in TEMPS.lock().map(|l| l.clone()).unwrap_or_default() {
            let _ = std::fs::remove_dir_all(d);
        }
    }
}

fn at_exit() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        unsafe extern "C" {
            fn atexit(f: extern "C" fn()) -> i32;
        }
        // SAFETY: registering a plain function to run at process exit.
        unsafe {
            atexit(stop_all);
        }
    });
}

/// A fresh folder for one test (under `$KILN_TEST_SERVERS`, which `.ci/run` sets so that
/// its trap can stop whatever a crashed test left running, or the system temp folder).
pub fn temp_dir(name: &str) -> PathBuf {
    let base = std::env::var_os("KILN_TEST_SERVERS")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let d = base.join(format!(
        "kiln-src-{}-{}-{}",
        name,
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    at_exit();
    TEMPS
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(d.clone());
    d
}

fn register(tool: &str, dir: &Path) {
    at_exit();
    let mut l = STARTED.lock().unwrap_or_else(|p| p.into_inner());
    l.push((tool.to_string(), dir.to_path_buf()));
}

fn run_tool(tool: &str, dir: &Path, auth: Option<&str>) -> String {
    // The tools' start can race with a registry process that is still coming up under
    // the same folder ("pid N already serves … but registry.pid is missing"): end that
    // process, as the tool suggests, and start again (at most three attempts).
    let mut last = String::new();
    for _ in 0..3 {
        let mut c = Command::new(tools().join(tool));
        c.arg("start").arg(dir);
        if let Some(a) = auth {
            c.arg("--auth").arg(a);
        }
        let out = c
            .output()
            .unwrap_or_else(|e| panic!("cannot run {tool}: {e}"));
        if out.status.success() {
            register(tool, dir);
            return String::from_utf8_lossy(&out.stdout)
                .lines()
                .last()
                .unwrap_or("")
                .trim()
                .to_string();
        }
        last = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if let Some(pid) = last
            .split("stop it with 'kill ")
            .nth(1)
            .and_then(|r| r.split('\'').next())
            .and_then(|p| p.trim().parse::<u32>().ok())
        {
            let _ = Command::new("kill").arg(pid.to_string()).output();
        }
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    panic!("{tool} start failed:\n{last}");
}

/// Start an OCI registry; returns `127.0.0.1:PORT`.
pub fn start_registry(dir: &Path, auth: Option<&str>) -> String {
    run_tool("oci-registry", dir, auth)
}

/// Start an HTTP chart repository serving `dir`; returns `http://127.0.0.1:PORT`.
pub fn start_chart_repo(dir: &Path, auth: Option<&str>) -> String {
    run_tool("chart-repo", dir, auth)
}

pub fn stop(tool: &str, dir: &Path) {
    let _ = Command::new(tools().join(tool))
        .arg("stop")
        .arg(dir)
        .output();
}

/// `helm` with isolated config, cache and data homes under `home`.
pub fn helm(home: &Path, args: &[&str]) {
    let out = Command::new("helm")
        .args(args)
        .env("HELM_CONFIG_HOME", home.join("config"))
        .env("HELM_CACHE_HOME", home.join("cache"))
        .env("HELM_DATA_HOME", home.join("data"))
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run helm (it must be on PATH; .ci/run installs it): {e}")
        });
    assert!(
        out.status.success(),
        "helm {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The default stack (`stack/stack.yaml`).
pub fn default_stack() -> Stack {
    Stack::load(&manifest_dir().join("stack/stack.yaml")).unwrap_or_else(|e| panic!("{e}"))
}

/// The corpus archive of every repository chart of the stack: (repository name, file).
pub fn stack_charts(stack: &Stack) -> BTreeMap<String, Vec<PathBuf>> {
    let corpus = corpus_charts();
    let mut out: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for r in &stack.releases {
        let Some((repo, name)) = r.chart.split_once('/') else {
            continue;
        };
        let file = corpus.join(format!("{name}-{}.tgz", r.version));
        assert!(file.is_file(), "{} is not in the corpus", file.display());
        let list = out.entry(repo.to_string()).or_default();
        if !list.contains(&file) {
            list.push(file);
        }
    }
    out
}

/// The expected digest of every release of the stack (from the corpus files).
pub fn expected_digests(stack: &Stack) -> BTreeMap<String, String> {
    let corpus = corpus_charts();
    stack
        .releases
        .iter()
        .filter_map(|r| {
            let (_, name) = r.chart.split_once('/')?;
            Some((
                r.name.clone(),
                sha256_file(&corpus.join(format!("{name}-{}.tgz", r.version))),
            ))
        })
        .collect()
}

/// An HTTP mirror of the stack's repositories: one folder per repository (its charts and
/// a `helm repo index`), all served by one chart-repo. Returns (served folder, base URL).
pub fn http_mirror(stack: &Stack, auth: Option<&str>) -> (PathBuf, String) {
    let dir = temp_dir("repo");
    let home = dir.join(".helm");
    for (repo, files) in stack_charts(stack) {
        let sub = dir.join(&repo);
        std::fs::create_dir_all(&sub).unwrap();
        for f in files {
            std::fs::copy(&f, sub.join(f.file_name().unwrap())).unwrap();
        }
        helm(&home, &["repo", "index", sub.to_str().unwrap()]);
    }
    let url = start_chart_repo(&dir, auth);
    (dir, url)
}

/// An OCI registry holding every chart of the stack under `charts/`. Returns (registry
/// folder, `127.0.0.1:PORT`).
pub fn oci_mirror(stack: &Stack, auth: Option<(&str, &str)>) -> (PathBuf, String) {
    let dir = temp_dir("oci");
    let home = dir.join(".helm");
    let addr = start_registry(
        &dir.join("registry"),
        auth.map(|(u, p)| format!("{u}:{p}")).as_deref(),
    );
    for files in stack_charts(stack).values() {
        for f in files {
            let target = format!("oci://{addr}/charts");
            let mut args = vec!["push", f.to_str().unwrap(), target.as_str(), "--plain-http"];
            if let Some((u, p)) = auth {
                args.extend(["--username", u, "--password", p]);
            }
            helm(&home, &args);
        }
    }
    (dir, addr)
}

/// Options for a test: fresh cache and lock under `dir`, fast retries, no progress bars.
pub fn options(dir: &Path) -> Options {
    let mut o = Options::new(dir.join("charts-cache"), dir.join("stack.lock"));
    o.credentials = Credentials::none();
    o.progress = false;
    o.retries = 1;
    o.backoff = std::time::Duration::from_millis(20);
    o.read_timeout = std::time::Duration::from_secs(10);
    o
}

/// Mirrors from every repository of the stack to `base/<repository name>`.
pub fn mirror_repos(o: &mut Options, stack: &Stack, base: &str, per_repo_folder: bool) {
    for r in &stack.repositories {
        let to = if per_repo_folder {
            format!("{base}/{}", r.name)
        } else {
            base.to_string()
        };
        o.mirrors.add(&r.url, &to);
    }
}

/// Every file in the cache's `sha256/` folder.
pub fn cache_files(o: &Options) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(o.cache_dir.join("sha256"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// What the scripted server answers to one request.
pub enum Reply {
    /// Status and body, with a correct Content-Length.
    Full(u16, Vec<u8>),
    /// A 200 announcing the whole body but sending only `n` bytes before closing.
    Truncated(Vec<u8>, usize),
    /// Status, extra headers and body.
    Headers(u16, Vec<(String, String)>, Vec<u8>),
    /// Accept the request and answer nothing for this long.
    Hang(std::time::Duration),
}

/// A scripted HTTP/1.1 server on 127.0.0.1 for faults the real servers do not make:
/// `reply(path, request number, request headers in lower case)` decides each answer. Returns the base URL and a counter of
/// requests; the server stops (its port closes) after `max_requests`.
pub fn scripted_server(
    max_requests: usize,
    reply: impl Fn(&str, usize, &str) -> Reply + Send + 'static,
) -> (String, std::sync::Arc<AtomicUsize>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let count = std::sync::Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let n = c.fetch_add(1, Ordering::SeqCst);
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
            let mut headers = String::new();
            loop {
                let mut h = String::new();
                if reader.read_line(&mut h).unwrap_or(0) == 0 || h == "\r\n" {
                    break;
                }
                headers.push_str(&h.to_ascii_lowercase());
            }
            match reply(&path, n, &headers) {
                Reply::Headers(status, extra, body) => {
                    let mut head = format!(
                        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                        body.len()
                    );
                    for (k, v) in extra {
                        head.push_str(&format!("{k}: {v}\r\n"));
                    }
                    head.push_str("\r\n");
                    let _ = stream.write_all(head.as_bytes());
                    let _ = stream.write_all(&body);
                }
                Reply::Hang(d) => std::thread::sleep(d),
                Reply::Full(status, body) => {
                    let _ = write!(
                        stream,
                        "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(&body);
                }
                Reply::Truncated(body, k) => {
                    let _ = write!(
                        stream,
                        "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                        body.len()
                    );
                    let _ = stream.write_all(&body[..k.min(body.len())]);
                    let _ = stream.flush();
                }
            }
            drop(stream);
            if n + 1 >= max_requests {
                break;
            }
        }
    });
    (format!("http://{addr}"), count)
}

/// Repackage a corpus chart at other versions (for version resolution tests).
pub fn chart_versions(chart: &str, versions: &[&str], out: &Path) {
    let work = temp_dir("pkg");
    let src = corpus_charts().join(chart);
    let status = Command::new("tar")
        .arg("xzf")
        .arg(&src)
        .arg("-C")
        .arg(&work)
        .status()
        .unwrap();
    assert!(status.success());
    let name = chart.rsplit_once('-').unwrap().0;
    let chart_yaml = work.join(name).join("Chart.yaml");
    let text = std::fs::read_to_string(&chart_yaml).unwrap();
    std::fs::create_dir_all(out).unwrap();
    for v in versions {
        let t: String = text
            .lines()
            .map(|l| {
                if l.starts_with("version:") {
                    format!("version: {v}\n")
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        std::fs::write(&chart_yaml, t).unwrap();
        helm(
            &work.join(".helm"),
            &[
                "package",
                work.join(name).to_str().unwrap(),
                "-d",
                out.to_str().unwrap(),
            ],
        );
    }
}
