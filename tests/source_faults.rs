//! Faults: altered archives and blobs, a lock that disagrees with the server, a server that
//! stops in the middle of a download, 5xx answers, unknown charts. Each leaves the cache and
//! the lock as they were. Also version resolution against real servers, and `--update`.

mod source_support;

use kiln::source::{self, Error, Lock};
use kiln::stack::Stack;
use source_support::*;
use std::path::Path;
use std::sync::atomic::Ordering;

fn stack_in(dir: &Path, text: &str) -> Stack {
    std::fs::write(dir.join("stack.yaml"), text).unwrap();
    Stack::load(&dir.join("stack.yaml")).unwrap_or_else(|e| panic!("{e}"))
}

/// A chart repository folder with the given corpus charts and a `helm repo index`.
fn repo_with(charts: &[&str]) -> std::path::PathBuf {
    let dir = temp_dir("faultrepo");
    for c in charts {
        std::fs::copy(corpus_charts().join(c), dir.join(c)).unwrap();
    }
    helm(
        &dir.join(".helm"),
        &["repo", "index", dir.to_str().unwrap()],
    );
    dir
}

fn snapshot(o: &source::Options) -> (Option<String>, Vec<String>) {
    (std::fs::read_to_string(&o.lock_file).ok(), cache_files(o))
}

#[test]
fn an_altered_archive_is_refused_by_the_index_digest() {
    let repo = repo_with(&["mk-stream-1.0.0.tgz", "navidrome-2.5.0.tgz"]);
    // Alter one archive after indexing: same name, other bytes.
    let mut bytes = std::fs::read(repo.join("navidrome-2.5.0.tgz")).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xff;
    std::fs::write(repo.join("navidrome-2.5.0.tgz"), &bytes).unwrap();
    let url = start_chart_repo(&repo, None);
    let dir = temp_dir("tamper");
    let stack = stack_in(
        &dir,
        "repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: up/mk-stream, version: 1.0.0}\n  - {name: b, chart: up/navidrome, version: 2.5.0}\n",
    );
    let mut o = options(&dir);
    o.mirrors.add("https://charts.example.com", &url);
    let before = snapshot(&o);
    let e = source::pull(&stack, &o).unwrap_err();
    eprintln!("--- {e}");
    let text = e.to_string();
    assert!(
        text.contains("release `b`: chart up/navidrome 2.5.0") && text.contains("index.yaml"),
        "{text}"
    );
    assert!(
        matches!(&e, Error::Many(v) if v.len() == 1 && matches!(&v[0], Error::Release { error, .. } if matches!(**error, Error::Digest { .. }))),
        "{text}"
    );
    // The intact chart may be cached, the altered one is not, and no lock is written.
    let after = snapshot(&o);
    assert_eq!(after.0, before.0);
    assert!(
        !after
            .1
            .contains(&format!("{}.tgz", source::cache::sha256_hex(&bytes)))
    );
    stop("chart-repo", &repo);
}

#[test]
fn a_digest_that_differs_from_the_lock_is_an_error() {
    let repo = repo_with(&["mk-stream-1.0.0.tgz"]);
    let url = start_chart_repo(&repo, None);
    let dir = temp_dir("lockdiff");
    let stack = stack_in(
        &dir,
        "repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: up/mk-stream, version: 1.0.0}\n",
    );
    let mut o = options(&dir);
    o.mirrors.add("https://charts.example.com", &url);
    source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));

    // The server now has another archive for the same version, consistently indexed.
    chart_versions("mk-stream-1.0.0.tgz", &["1.0.0"], &repo);
    helm(
        &repo.join(".helm"),
        &["repo", "index", repo.to_str().unwrap()],
    );
    std::fs::remove_dir_all(&o.cache_dir).unwrap();
    let before = snapshot(&o);
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(
        e.contains("release `a`: chart up/mk-stream 1.0.0")
            && e.contains("stack.lock records another archive")
            && e.contains("kiln pull --update"),
        "{e}"
    );
    assert_eq!(snapshot(&o), before, "cache and lock unchanged");

    // --update takes the new archive and rewrites the lock.
    o.update = true;
    let r = source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.lock_written);
    assert_eq!(
        Lock::load(&o.lock_file).unwrap().releases["a"].digest,
        sha256_file(&repo.join("mk-stream-1.0.0.tgz"))
    );
    stop("chart-repo", &repo);
}

#[test]
fn an_altered_registry_blob_is_refused() {
    let dir = temp_dir("oci-tamper");
    let reg = dir.join("registry");
    let addr = start_registry(&reg, None);
    let chart = corpus_charts().join("mk-stream-1.0.0.tgz");
    helm(
        &dir.join(".helm"),
        &[
            "push",
            chart.to_str().unwrap(),
            &format!("oci://{addr}/charts"),
            "--plain-http",
        ],
    );
    let hex = sha256_file(&chart);
    let blob = reg
        .join("storage/docker/registry/v2/blobs/sha256")
        .join(&hex[..2])
        .join(&hex)
        .join("data");
    let mut bytes = std::fs::read(&blob).unwrap();
    bytes[100] ^= 0x55;
    std::fs::write(&blob, &bytes).unwrap();
    let stack = stack_in(
        &dir,
        &format!(
            "releases:\n  - {{name: a, chart: 'oci://{addr}/charts/mk-stream', version: 1.0.0}}\n"
        ),
    );
    let o = options(&dir);
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(
        e.contains("release `a`: chart oci://") && e.contains("digest"),
        "{e}"
    );
    assert!(snapshot(&o) == (None, vec![]), "{e}");
    stop("oci-registry", &reg);
}

#[test]
fn a_server_that_stops_mid_download() {
    let archive = std::fs::read(corpus_charts().join("mk-stream-1.0.0.tgz")).unwrap();
    let index = format!(
        "apiVersion: v1\nentries:\n  mk-stream:\n  - name: mk-stream\n    version: 1.0.0\n    urls: [mk-stream-1.0.0.tgz]\n    digest: {}\n",
        source::cache::sha256_hex(&archive)
    );
    // Request 0: the index; request 1: half the archive, then the server is gone.
    let (url, count) = scripted_server(2, move |path, _, _| {
        if path.ends_with("index.yaml") {
            Reply::Full(200, index.clone().into_bytes())
        } else {
            Reply::Truncated(archive.clone(), archive.len() / 2)
        }
    });
    let dir = temp_dir("stop");
    let stack = stack_in(
        &dir,
        "repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: up/mk-stream, version: 1.0.0}\n",
    );
    let mut o = options(&dir);
    o.mirrors.add("https://charts.example.com", &url);
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(
        e.contains("release `a`: chart up/mk-stream 1.0.0")
            && e.contains("broke off after")
            && e.contains("after retries"),
        "{e}"
    );
    assert_eq!(count.load(Ordering::SeqCst), 2);
    assert_eq!(snapshot(&o), (None, vec![]), "{e}");
}

#[test]
fn server_errors_are_retried_a_bounded_number_of_times() {
    let archive = std::fs::read(corpus_charts().join("mk-stream-1.0.0.tgz")).unwrap();
    let index = "apiVersion: v1\nentries:\n  mk-stream:\n  - {name: mk-stream, version: 1.0.0, urls: [mk-stream-1.0.0.tgz]}\n".to_string();
    // Two 503s, then the index; a 502, then the archive.
    let (url, count) = scripted_server(5, move |path, n, _| {
        match (path.ends_with("index.yaml"), n) {
            (true, 0 | 1) => Reply::Full(503, b"busy".to_vec()),
            (true, _) => Reply::Full(200, index.clone().into_bytes()),
            (false, 3) => Reply::Full(502, b"bad gateway".to_vec()),
            (false, _) => Reply::Full(200, archive.clone()),
        }
    });
    let dir = temp_dir("retry");
    let stack = stack_in(
        &dir,
        "repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: up/mk-stream, version: 1.0.0}\n",
    );
    let mut o = options(&dir);
    o.retries = 2;
    o.mirrors.add("https://charts.example.com", &url);
    source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(count.load(Ordering::SeqCst), 5);

    // Always 500: 1 + retries requests, then a clear error.
    let (url, count) = scripted_server(100, |_, _, _| Reply::Full(500, b"down".to_vec()));
    let dir = temp_dir("retry2");
    let stack = stack_in(
        &dir,
        "repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: up/mk-stream, version: 1.0.0}\n",
    );
    let mut o = options(&dir);
    o.retries = 2;
    o.mirrors.add("https://charts.example.com", &url);
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(
        e.contains("HTTP 500") && e.contains("index.yaml") && e.contains("release `a`"),
        "{e}"
    );
    assert_eq!(count.load(Ordering::SeqCst), 3);
}

#[test]
fn unknown_charts_and_versions_are_named() {
    let repo = repo_with(&["mk-stream-1.0.0.tgz"]);
    let url = start_chart_repo(&repo, None);
    let dir = temp_dir("unknown");
    let stack = stack_in(
        &dir,
        "repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: up/nope, version: 1.0.0}\n  - {name: b, chart: up/mk-stream, version: 9.9.9}\n",
    );
    let mut o = options(&dir);
    o.mirrors.add("https://charts.example.com", &url);
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(e.starts_with("2 charts could not be pulled"), "{e}");
    assert!(
        e.contains("release `a`: chart up/nope 1.0.0: no chart named `nope`"),
        "{e}"
    );
    assert!(
        e.contains(
            "release `b`: chart up/mk-stream 9.9.9: no version of `mk-stream` matches `9.9.9`"
        ),
        "{e}"
    );
    stop("chart-repo", &repo);
}

#[test]
fn versions_resolve_as_helm_resolves_them_and_update_moves_the_lock() {
    // Versions and the answers helm v3.17.3 gave (`helm pull … --version C`, HTTP and OCI).
    let versions = [
        "0.9.0",
        "1.0.0",
        "1.2.3",
        "1.2.9",
        "1.3.0",
        "2.0.0-rc.1",
        "2.0.0",
    ];
    let table = [
        ("~1.2", "1.2.9"),
        ("^1", "1.3.0"),
        (">=1.2.3 <1.3", "1.2.9"),
        ("*", "2.0.0"),
        ("!=2.0.0", "2.0.0-rc.1"),
        ("1.0.0 - 1.2.5", "1.2.3"),
    ];
    let repo = temp_dir("versions");
    chart_versions("mk-stream-1.0.0.tgz", &versions, &repo);
    helm(
        &repo.join(".helm"),
        &["repo", "index", repo.to_str().unwrap()],
    );
    let url = start_chart_repo(&repo, None);
    let reg = temp_dir("versions-oci");
    let addr = start_registry(&reg.join("registry"), None);
    for v in versions {
        let f = repo.join(format!("mk-stream-{v}.tgz"));
        helm(
            &reg.join(".helm"),
            &[
                "push",
                f.to_str().unwrap(),
                &format!("oci://{addr}/charts"),
                "--plain-http",
            ],
        );
    }
    let dir = temp_dir("resolve");
    let mut text =
        String::from("repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n");
    for (i, (c, _)) in table.iter().enumerate() {
        text.push_str(&format!("  - {{name: h{i}, chart: up/mk-stream, version: '{c}'}}\n  - {{name: o{i}, chart: 'oci://{addr}/charts/mk-stream', version: '{c}'}}\n"));
    }
    let stack = stack_in(&dir, &text);
    let mut o = options(&dir);
    o.mirrors.add("https://charts.example.com", &url);
    source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    let lock = Lock::load(&o.lock_file).unwrap();
    for (i, (c, want)) in table.iter().enumerate() {
        for r in [format!("h{i}"), format!("o{i}")] {
            let e = &lock.releases[&r];
            assert_eq!(e.resolved, *want, "{r}: {c}");
            assert_eq!(
                e.digest,
                sha256_file(&repo.join(format!("mk-stream-{want}.tgz"))),
                "{r}"
            );
        }
    }

    // A newer 1.2.x appears: a plain pull keeps the lock, --update moves to it.
    chart_versions("mk-stream-1.0.0.tgz", &["1.2.10"], &repo);
    helm(
        &repo.join(".helm"),
        &["repo", "index", repo.to_str().unwrap()],
    );
    let before = std::fs::read_to_string(&o.lock_file).unwrap();
    let r = source::pull(&stack, &o).unwrap();
    assert!(!r.lock_written && r.downloads == 0);
    assert_eq!(std::fs::read_to_string(&o.lock_file).unwrap(), before);
    o.update = true;
    let r = source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    assert!(r.lock_written);
    let lock = Lock::load(&o.lock_file).unwrap();
    assert_eq!(lock.releases["h0"].resolved, "1.2.10");
    assert_eq!(
        lock.releases["o0"].resolved, "1.2.9",
        "the registry has no 1.2.10"
    );
    stop("chart-repo", &repo);
    stop("oci-registry", &reg.join("registry"));
}

#[test]
fn indexes_are_revalidated_with_their_etag() {
    let archive = std::fs::read(corpus_charts().join("mk-stream-1.0.0.tgz")).unwrap();
    let index = "apiVersion: v1\nentries:\n  mk-stream:\n  - {name: mk-stream, version: 1.0.0, urls: [mk-stream-1.0.0.tgz]}\n".to_string();
    let (url, count) = scripted_server(4, move |path, _, headers| {
        if !path.ends_with("index.yaml") {
            Reply::Full(200, archive.clone())
        } else if headers.contains("if-none-match: \"v1\"") {
            Reply::Full(304, Vec::new())
        } else {
            Reply::Headers(
                200,
                vec![("ETag".into(), "\"v1\"".into())],
                index.clone().into_bytes(),
            )
        }
    });
    let dir = temp_dir("etag");
    let stack = stack_in(
        &dir,
        "repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: up/mk-stream, version: '~1.0'}\n",
    );
    let mut o = options(&dir);
    o.mirrors.add("https://charts.example.com", &url);
    source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    // Re-resolving asks for the index again: 304, the cached copy is used, and the archive
    // (named by the index, already in the cache by its digest after the lock) is fetched
    // again only because this index carries no digest.
    o.update = true;
    let r = source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(r.releases[0].entry.resolved, "1.0.0");
    assert_eq!(count.load(Ordering::SeqCst), 4);
    let cached: Vec<_> = std::fs::read_dir(o.cache_dir.join("index"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(cached.len(), 2, "the index and its validators");
}

#[test]
fn a_server_that_never_answers_times_out() {
    let (url, _) = scripted_server(10, |_, _, _| Reply::Hang(std::time::Duration::from_secs(5)));
    let dir = temp_dir("hang");
    let stack = stack_in(
        &dir,
        "repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: up/mk-stream, version: 1.0.0}\n",
    );
    let mut o = options(&dir);
    o.retries = 0;
    o.read_timeout = std::time::Duration::from_millis(300);
    o.mirrors.add("https://charts.example.com", &url);
    let t = std::time::Instant::now();
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    assert!(e.contains("timed out") && e.contains("release `a`"), "{e}");
    assert!(
        t.elapsed() < std::time::Duration::from_secs(4),
        "{:?}",
        t.elapsed()
    );
}

#[test]
fn forbidden_and_missing_archives_name_the_chart() {
    let index = "apiVersion: v1\nentries:\n  a:\n  - {name: a, version: 1.0.0, urls: [a-1.0.0.tgz]}\n  b:\n  - {name: b, version: 2.0.0, urls: [b-2.0.0.tgz]}\n".to_string();
    let (url, _) = scripted_server(100, move |path, _, _| {
        if path.ends_with("index.yaml") {
            Reply::Full(200, index.clone().into_bytes())
        } else if path.contains("a-1.0.0") {
            Reply::Full(403, b"no".to_vec())
        } else {
            Reply::Full(404, b"gone".to_vec())
        }
    });
    let dir = temp_dir("forbidden");
    let stack = stack_in(
        &dir,
        "repositories:\n  up: {url: 'https://charts.example.com'}\nreleases:\n  - {name: a, chart: up/a, version: 1.0.0}\n  - {name: b, chart: up/b, version: 2.0.0}\n",
    );
    let mut o = options(&dir);
    o.mirrors.add("https://charts.example.com", &url);
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    assert!(
        e.contains(
            "release `a`: chart up/a 1.0.0: downloading 1.0.0: 403 Forbidden from http://127.0.0.1:"
        ),
        "{e}"
    );
    assert!(
        e.contains(
            "release `b`: chart up/b 2.0.0: downloading 2.0.0: 404 Not Found at http://127.0.0.1:"
        ),
        "{e}"
    );
    assert_eq!(snapshot(&o), (None, vec![]));
}
