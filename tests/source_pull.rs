//! Pulling the default stack's charts from real servers (an HTTP chart repository and a
//! CNCF distribution registry on loopback) acting as mirrors of the upstream repositories,
//! with and without basic auth; the lock, the cache, offline use, export/import.

mod source_support;

use kiln::source::{self, Credentials, Error, Lock};
use source_support::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

struct Servers {
    http: String,
    http_auth: String,
    oci: String,
    oci_auth: String,
}

const HTTP_AUTH: &str = "reader:r-secret";
const OCI_USER: &str = "ci";
const OCI_PASS: &str = "ci-secret";

fn servers() -> &'static Servers {
    static S: OnceLock<Servers> = OnceLock::new();
    S.get_or_init(|| {
        let stack = default_stack();
        let (_, http) = http_mirror(&stack, None);
        let (_, http_auth) = http_mirror(&stack, Some(HTTP_AUTH));
        let (_, oci) = oci_mirror(&stack, None);
        let (_, oci_auth) = oci_mirror(&stack, Some((OCI_USER, OCI_PASS)));
        Servers {
            http,
            http_auth,
            oci,
            oci_auth,
        }
    })
}

fn check_pulled(o: &source::Options, report: &source::PullReport) {
    let stack = default_stack();
    let want = expected_digests(&stack);
    assert_eq!(report.releases.len(), 21);
    let lock = Lock::load(&o.lock_file).unwrap();
    assert_eq!(lock.releases.len(), 21);
    for r in &stack.releases {
        let e = &lock.releases[&r.name];
        assert_eq!(e.digest, want[&r.name], "{}", r.name);
        assert_eq!(e.chart, r.chart);
        assert_eq!(e.resolved, r.version);
        // The canonical upstream address, never the mirror.
        let repo = stack
            .repository(r.chart.split_once('/').unwrap().0)
            .unwrap();
        assert_eq!(e.source, repo.url, "{}", r.name);
        assert!(
            o.cache_dir
                .join("sha256")
                .join(format!("{}.tgz", e.digest))
                .is_file()
        );
    }
    // 20 distinct archives (traefik is used twice).
    assert_eq!(cache_files(o).len(), 20);
}

#[test]
fn default_stack_through_an_http_mirror_then_offline() {
    let s = servers();
    let stack = default_stack();
    let dir = temp_dir("http");
    let mut o = options(&dir);
    mirror_repos(&mut o, &stack, &s.http, true);
    let report = source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.downloads, 20);
    assert!(report.lock_written);
    check_pulled(&o, &report);
    let lock_text = std::fs::read_to_string(&o.lock_file).unwrap();
    assert!(
        !lock_text.contains("127.0.0.1"),
        "the lock records canonical sources:\n{lock_text}"
    );

    // A second pull downloads nothing and leaves the lock byte for byte.
    let again = source::pull(&stack, &o).unwrap();
    assert_eq!((again.downloads, again.lock_written), (0, false));
    assert_eq!(std::fs::read_to_string(&o.lock_file).unwrap(), lock_text);

    // Offline, with no mirrors and no network at all: every release's verified archive.
    let mut off = options(&dir);
    off.offline = true;
    off.mirrors = source::Mirrors::new();
    let charts = source::charts(&stack, &off).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(charts.len(), 21);
    let corpus = corpus_charts();
    for r in &stack.releases {
        let a = &charts[&r.name];
        let name = r.chart.split_once('/').unwrap().1;
        assert_eq!(
            a.bytes,
            std::fs::read(corpus.join(format!("{name}-{}.tgz", r.version))).unwrap(),
            "{}",
            r.name
        );
        assert_eq!(a.version, r.version);
    }

    // A damaged cache file is an error offline (never used), and a pull repairs it.
    let victim = o
        .cache_dir
        .join("sha256")
        .join(format!("{}.tgz", charts["grafana"].digest));
    std::fs::write(&victim, b"garbage").unwrap();
    let e = source::charts(&stack, &off).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(
        e.contains("release `grafana`: chart grafana/grafana 9.3.4 (damaged in the cache)"),
        "{e}"
    );
    let fixed = source::pull(&stack, &o).unwrap();
    assert_eq!(fixed.downloads, 1);
    assert!(source::charts(&stack, &off).is_ok());
}

#[test]
fn offline_with_an_empty_cache_lists_all_21_charts() {
    let stack = default_stack();
    let dir = temp_dir("offline");
    let mut o = options(&dir);
    o.offline = true;
    let e = source::pull(&stack, &o).unwrap_err();
    eprintln!("--- {e}");
    let Error::Missing { charts, hint } = &e else {
        panic!("{e}")
    };
    assert_eq!(charts.len(), 21, "{e}");
    for r in &stack.releases {
        assert!(
            charts.iter().any(|c| c.starts_with(&format!(
                "release `{}`: chart {} {}",
                r.name, r.chart, r.version
            ))),
            "{}: {e}",
            r.name
        );
    }
    assert!(
        hint.contains("kiln pull") && hint.contains("kiln cache import"),
        "{e}"
    );
    assert!(e.to_string().starts_with("21 charts are missing:"), "{e}");
    assert!(!o.lock_file.exists() && cache_files(&o).is_empty());
}

#[test]
fn default_stack_through_an_oci_mirror() {
    let s = servers();
    let stack = default_stack();
    let dir = temp_dir("oci-pull");
    let mut o = options(&dir);
    // Every upstream HTTP repository mirrored into one registry: oci://ADDR/charts/<chart>.
    mirror_repos(&mut o, &stack, &format!("oci://{}/charts", s.oci), false);
    let report = source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.downloads, 20);
    check_pulled(&o, &report);
}

#[test]
fn oci_references_with_basic_auth() {
    let s = servers();
    let dir = temp_dir("oci-auth");
    let text = format!(
        "releases:\n  - {{name: kuma, chart: 'oci://{a}/charts/uptime-kuma', version: 2.22.0}}\n  - {{name: ext, chart: 'oci://{a}/charts/external-dns', version: '~1.18'}}\n",
        a = s.oci_auth
    );
    std::fs::write(dir.join("stack.yaml"), &text).unwrap();
    let stack = kiln::stack::Stack::load(&dir.join("stack.yaml")).unwrap();
    let corpus = corpus_charts();

    // No credentials: 401, naming the chart and the registry; nothing cached or locked.
    let o = options(&dir);
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(
        e.contains("401 Unauthorized")
            && e.contains("release `kuma`: chart oci://")
            && e.contains(&s.oci_auth),
        "{e}"
    );
    assert!(!o.lock_file.exists() && cache_files(&o).is_empty(), "{e}");

    // A wrong password: the same, and the password is never shown.
    let mut wrong = options(&dir);
    wrong.credentials = Credentials::none().with(&s.oci_auth, OCI_USER, "not-the-password");
    let e = source::pull(&stack, &wrong).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(
        e.contains("401") && !e.contains("not-the-password") && !e.contains(OCI_PASS),
        "{e}"
    );
    assert!(!o.lock_file.exists() && cache_files(&o).is_empty(), "{e}");

    // Credentials from a Docker-format config file (as `helm registry login` writes it).
    let cfg = dir.join("config.json");
    let auth = {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(format!("{OCI_USER}:{OCI_PASS}"))
    };
    std::fs::write(
        &cfg,
        format!(r#"{{"auths":{{"{}":{{"auth":"{auth}"}}}}}}"#, s.oci_auth),
    )
    .unwrap();
    let mut ok = options(&dir);
    ok.credentials = Credentials::none().with_config_file(&cfg);
    let report = source::pull(&stack, &ok).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(report.downloads, 2);
    let lock = Lock::load(&ok.lock_file).unwrap();
    assert_eq!(lock.releases["ext"].resolved, "1.18.0");
    assert_eq!(
        lock.releases["ext"].source,
        format!("oci://{}/charts/external-dns", s.oci_auth)
    );
    assert_eq!(
        lock.releases["kuma"].digest,
        sha256_file(&corpus.join("uptime-kuma-2.22.0.tgz"))
    );
    assert_eq!(
        lock.releases["ext"].digest,
        sha256_file(&corpus.join("external-dns-1.18.0.tgz"))
    );
}

#[test]
fn http_repository_with_basic_auth() {
    let s = servers();
    let stack = default_stack();
    let dir = temp_dir("http-auth");
    let mut o = options(&dir);
    mirror_repos(&mut o, &stack, &s.http_auth, true);
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(
        e.contains("401 Unauthorized") && e.contains("index.yaml"),
        "{e}"
    );
    assert!(
        e.contains("release `cilium`: chart cilium/cilium 1.18.1"),
        "{e}"
    );
    assert!(!o.lock_file.exists() && cache_files(&o).is_empty());

    let host = kiln::source::auth::host_of(&s.http_auth);
    let (user, pass) = HTTP_AUTH.split_once(':').unwrap();
    o.credentials = Credentials::none().with(&host, user, "wrong-password");
    let e = source::pull(&stack, &o).unwrap_err().to_string();
    eprintln!("--- {e}");
    assert!(e.contains("401") && !e.contains("wrong-password"), "{e}");
    assert!(!o.lock_file.exists() && cache_files(&o).is_empty());

    o.credentials = Credentials::none().with(&host, user, pass);
    let report = source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    check_pulled(&o, &report);
}

#[test]
fn export_and_import_for_an_air_gapped_machine() {
    let s = servers();
    let stack = default_stack();
    let online = temp_dir("export");
    let mut o = options(&online);
    mirror_repos(&mut o, &stack, &s.http, true);
    source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
    let bundle = online.join("charts.tar.gz");
    let written = source::export(&o, &bundle).unwrap();
    assert_eq!(written.len(), 20);

    let gapped = temp_dir("import");
    let mut g = options(&gapped);
    g.offline = true;
    let report = source::import(&g, &bundle).unwrap();
    assert_eq!(report.added.len(), 20);
    assert_eq!(
        std::fs::read_to_string(&g.lock_file).unwrap(),
        std::fs::read_to_string(&o.lock_file).unwrap()
    );
    let charts = source::charts(&stack, &g).unwrap_or_else(|e| panic!("{e}"));
    let want = expected_digests(&stack);
    let got: BTreeMap<String, String> = charts
        .iter()
        .map(|(k, v)| (k.clone(), v.digest.clone()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn parallel_pulls_share_one_cache() {
    let s = servers();
    let stack = default_stack();
    let dir = temp_dir("parallel");
    std::thread::scope(|sc| {
        for i in 0..3 {
            let dir = dir.clone();
            let stack = &stack;
            sc.spawn(move || {
                let mut o = options(&dir);
                o.lock_file = dir.join(format!("stack-{i}.lock"));
                mirror_repos(&mut o, stack, &s.http, true);
                source::pull(stack, &o).unwrap_or_else(|e| panic!("{e}"));
            });
        }
    });
    let o = options(&dir);
    assert_eq!(
        cache_files(&o).len(),
        20,
        "no temporary files are left behind"
    );
    for hex in cache_files(&o) {
        let p = o.cache_dir.join("sha256").join(&hex);
        assert_eq!(format!("{}.tgz", sha256_file(&p)), hex);
    }
}

#[test]
fn single_charts_as_helm_template_takes_them() {
    let s = servers();
    let dir = temp_dir("single");
    let o = options(&dir);
    let corpus = corpus_charts();
    // `--repo URL CHART --version V`
    let a = source::fetch_chart(
        "navidrome",
        Some(&format!("{}/soli0222", s.http)),
        "2.5.0",
        &o,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        a.bytes,
        std::fs::read(corpus.join("navidrome-2.5.0.tgz")).unwrap()
    );
    // `oci://…` with a constraint, and an exact `v` version (a tag helm pushed as `v1.18.2`;
    // like helm, a range never matches such a tag: helm 3.17.3 answers `~1.18` with
    // "Unable to locate any tags").
    let b = source::fetch_chart(
        &format!("oci://{}/charts/external-dns", s.oci),
        None,
        "~1.18",
        &o,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(b.version, "1.18.0");
    assert_eq!(
        b.bytes,
        std::fs::read(corpus.join("external-dns-1.18.0.tgz")).unwrap()
    );
    let c = source::fetch_chart(
        &format!("oci://{}/charts/cert-manager", s.oci),
        None,
        "v1.18.2",
        &o,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        c.bytes,
        std::fs::read(corpus.join("cert-manager-v1.18.2.tgz")).unwrap()
    );
    let e = source::fetch_chart(
        &format!("oci://{}/charts/cert-manager", s.oci),
        None,
        "~1.18",
        &o,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("no tag of") && e.contains("v1.18.2"), "{e}");
    assert!(!o.lock_file.exists(), "single charts are not locked");
    let mut off = options(&dir);
    off.offline = true;
    assert!(source::fetch_chart("navidrome", Some(&s.http), "2.5.0", &off).is_err());
}

/// Run by `parallel_processes_share_one_cache` in child processes.
#[test]
#[ignore = "a child process of parallel_processes_share_one_cache"]
fn child_pull_into_shared_cache() {
    let (Some(dir), Some(base), Some(lock)) = (
        std::env::var_os("KILN_CHILD_DIR"),
        std::env::var("KILN_CHILD_BASE").ok(),
        std::env::var_os("KILN_CHILD_LOCK"),
    ) else {
        return;
    };
    let stack = default_stack();
    let mut o = options(std::path::Path::new(&dir));
    o.lock_file = lock.into();
    mirror_repos(&mut o, &stack, &base, true);
    source::pull(&stack, &o).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn parallel_processes_share_one_cache() {
    let s = servers();
    let dir = temp_dir("processes");
    let exe = std::env::current_exe().unwrap();
    let children: Vec<_> = (0..3)
        .map(|i| {
            std::process::Command::new(&exe)
                .args([
                    "child_pull_into_shared_cache",
                    "--exact",
                    "--ignored",
                    "--test-threads",
                    "1",
                ])
                .env("KILN_CHILD_DIR", &dir)
                .env("KILN_CHILD_BASE", &s.http)
                // Two share one lock file, one has its own.
                .env(
                    "KILN_CHILD_LOCK",
                    dir.join(if i == 2 { "other.lock" } else { "stack.lock" }),
                )
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
    }
    let o = options(&dir);
    assert_eq!(cache_files(&o).len(), 20);
    for hex in cache_files(&o) {
        assert_eq!(
            format!(
                "{}.tgz",
                sha256_file(&o.cache_dir.join("sha256").join(&hex))
            ),
            hex
        );
    }
    assert_eq!(
        std::fs::read_to_string(dir.join("stack.lock")).unwrap(),
        std::fs::read_to_string(dir.join("other.lock")).unwrap()
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty());
}
