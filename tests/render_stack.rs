//! `kiln render` of the default stack with the corpus charts: 21 releases, the same
//! bytes for any thread count and output path, `SHA256SUMS` that `sha256sum -c` accepts,
//! and charts that generate random values rendering identically twice.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn corpus_charts() -> PathBuf {
    let p = root().join("../shared/corpus/charts");
    assert!(
        p.is_dir(),
        "{} is missing: these tests need ../shared/corpus",
        p.display()
    );
    p
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kiln-render-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn render(stack: &Path, out: &Path, jobs: &str) -> (String, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_kiln"))
        .args(["render", "--stack"])
        .arg(stack)
        .arg("--charts")
        .arg(corpus_charts())
        .args(["-j", jobs, "--out"])
        .arg(out)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "kiln render failed: {stderr}");
    (String::from_utf8_lossy(&o.stdout).into_owned(), stderr)
}

fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for e in walk(dir) {
        out.push((
            e.strip_prefix(dir).unwrap().display().to_string(),
            std::fs::read(&e).unwrap(),
        ));
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            v.extend(walk(&p))
        } else {
            v.push(p)
        }
    }
    v
}

#[test]
fn default_stack_is_deterministic_across_threads_and_paths() {
    let s = scratch("det");
    let stack = root().join("stack");
    let (d1, err) = render(&stack, &s.join("one/rendered"), "1");
    let (d2, _) = render(&stack, &s.join("elsewhere/deeper/rendered"), "2");
    assert_eq!(d1, d2, "tree digests differ between -j1 and -j2");
    assert!(d1.starts_with("tree digest sha256:"), "{d1}");
    assert!(err.contains("rendered 21 releases"), "{err}");
    let a = tree(&s.join("one/rendered"));
    let b = tree(&s.join("elsewhere/deeper/rendered"));
    assert_eq!(a.len(), b.len());
    assert!(a == b, "trees differ");
    let releases: std::collections::BTreeSet<&str> = a
        .iter()
        .filter_map(|(p, _)| p.split_once('/').map(|(r, _)| r))
        .filter(|r| !r.starts_with('_') && *r != "namespaces")
        .collect();
    assert_eq!(releases.len(), 21, "{releases:?}");
    let check = Command::new("sha256sum")
        .args(["-c", "--quiet", "SHA256SUMS"])
        .current_dir(s.join("one/rendered"))
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "sha256sum -c: {}",
        String::from_utf8_lossy(&check.stdout)
    );
    let _ = std::fs::remove_dir_all(&s);
}

#[test]
fn each_release_has_the_resources_of_kiln_template() {
    let s = scratch("res");
    render(&root().join("stack"), &s.join("rendered"), "2");
    let stack = kiln::stack::Stack::load(&root().join("stack/stack.yaml")).unwrap();
    for r in &stack.releases {
        let chart = kiln::render::resolve_in_dir(&corpus_charts(), r).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kiln"));
        cmd.args(["template", &r.name]).arg(&chart).args([
            "-n",
            &r.namespace,
            "--include-crds",
            "--skip-tests",
            "--kube-version",
            &stack.kube_version,
        ]);
        for a in &stack.api_versions {
            cmd.args(["-a", a]);
        }
        let env = &stack.environments["default"];
        let vals = s.join(format!("{}-values.yaml", r.name));
        let mut text = String::new();
        for f in &r.values {
            text = kiln::stack::template::read(&stack.dir, f, "default", env).unwrap();
        }
        assert!(
            r.values.len() <= 1,
            "the test reads one values file per release"
        );
        std::fs::write(&vals, text).unwrap();
        cmd.arg("-f").arg(&vals);
        let o = cmd.output().unwrap();
        assert!(
            o.status.success(),
            "{}: {}",
            r.name,
            String::from_utf8_lossy(&o.stderr)
        );
        let stream = String::from_utf8_lossy(&o.stdout);
        let docs = kiln::emit::resource::split_stream(&stream)
            .into_iter()
            .filter(|(_, d)| d.lines().any(|l| l.starts_with("kind:")))
            .count();
        let extra: usize = r
            .manifests
            .iter()
            .map(|m| {
                kiln::stack::template::read(&stack.dir, m, "default", env)
                    .unwrap()
                    .matches("\nkind:")
                    .count()
            })
            .sum();
        let files = std::fs::read_dir(s.join("rendered").join(&r.name))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name() != "kustomization.yaml")
            .count();
        assert_eq!(
            files,
            docs + extra,
            "{}: files in the tree vs documents of kiln template + extra manifests",
            r.name
        );
    }
    let _ = std::fs::remove_dir_all(&s);
}

#[test]
fn generated_secrets_are_stable_across_renders() {
    // cilium's defaults generate a CA and server certificates (genCA, genSignedCert),
    // grafana's defaults a random admin password: both must come out the same twice.
    let s = scratch("gen");
    let stack_dir = s.join("stack");
    std::fs::create_dir_all(&stack_dir).unwrap();
    std::fs::write(
        stack_dir.join("stack.yaml"),
        "repositories:\n  cilium: {url: 'https://helm.cilium.io'}\n  grafana: {url: 'https://grafana.github.io/helm-charts'}\nreleases:\n  - {name: cilium, namespace: kube-system, chart: cilium/cilium, version: 1.18.1}\n  - {name: grafana, namespace: monitoring, chart: grafana/grafana, version: 9.3.4}\n",
    )
    .unwrap();
    let (d1, err) = render(&stack_dir, &s.join("a"), "2");
    let (d2, _) = render(&stack_dir, &s.join("b"), "1");
    assert_eq!(d1, d2);
    assert!(tree(&s.join("a")) == tree(&s.join("b")));
    assert!(
        err.contains("release cilium: the chart generated random values"),
        "{err}"
    );
    assert!(
        err.contains("release grafana: the chart generated random values"),
        "{err}"
    );
    let ca = std::fs::read_to_string(s.join("a/cilium/secret_cilium-ca.yaml")).unwrap();
    assert!(
        ca.contains("ca.crt: LS0t"),
        "a PEM certificate, base64: {ca}"
    );
    let _ = std::fs::remove_dir_all(&s);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest)
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// `kubectl kustomize DIR` on every folder of `tree` that has a `kustomization.yaml`;
/// returns how many folders it built. Each build must list as many objects as the folder's
/// `resources:` names.
fn kustomize_every_folder(tree: &Path) -> usize {
    let mut built = 0;
    let mut dirs: Vec<PathBuf> = walk(tree)
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "kustomization.yaml"))
        .map(|p| p.parent().unwrap().to_path_buf())
        .collect();
    dirs.sort();
    for dir in dirs {
        let o = Command::new("kubectl")
            .arg("kustomize")
            .arg(&dir)
            .output()
            .unwrap_or_else(|e| {
                panic!("kubectl is needed for this test (it runs `kubectl kustomize`): {e}")
            });
        assert!(
            o.status.success(),
            "kubectl kustomize {}: {}",
            dir.display(),
            String::from_utf8_lossy(&o.stderr)
        );
        let listed = std::fs::read_to_string(dir.join("kustomization.yaml"))
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("- "))
            .count();
        let out = String::from_utf8_lossy(&o.stdout);
        let objects = out.split("\n---\n").filter(|d| d.contains("kind:")).count();
        assert!(listed > 0, "{}: an empty kustomization", dir.display());
        assert_eq!(
            objects,
            listed,
            "{}: kustomize built {objects} objects from {listed} resources",
            dir.display()
        );
        built += 1;
    }
    built
}

#[test]
fn kubectl_kustomize_builds_every_release_folder() {
    let s = scratch("kust");
    // Argo CD mode, the default stack as it is.
    render(&root().join("stack"), &s.join("argocd"), "2");
    let n = kustomize_every_folder(&s.join("argocd"));
    assert!(n >= 21, "{n} folders with a kustomization.yaml");
    // Flux mode: the same stack with `output.mode: flux`.
    let stack = s.join("stack-flux");
    copy_dir(&root().join("stack"), &stack);
    let yaml = std::fs::read_to_string(stack.join("stack.yaml")).unwrap();
    assert!(yaml.contains("  mode: argocd\n"));
    std::fs::write(
        stack.join("stack.yaml"),
        yaml.replace("  mode: argocd\n", "  mode: flux\n"),
    )
    .unwrap();
    render(&stack, &s.join("flux"), "2");
    assert!(s.join("flux/_flux").is_dir(), "Flux objects are written");
    let n = kustomize_every_folder(&s.join("flux"));
    assert!(n >= 22, "{n} folders with a kustomization.yaml");
    let _ = std::fs::remove_dir_all(&s);
}
