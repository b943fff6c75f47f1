//! The pull-request workflow on a small stack: a values change, a chart version bump, an
//! added and a removed release each show up in `kiln diff` (text and markdown) and make
//! `kiln verify` fail; an unchanged stack gives an empty diff and a passing verify.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn corpus_charts() -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/charts");
    assert!(
        p.is_dir(),
        "{} is missing: these tests need ../shared/corpus",
        p.display()
    );
    p
}

struct Repo(PathBuf);

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Repo {
    fn new(name: &str) -> Repo {
        let d = std::env::temp_dir().join(format!("kiln-diff-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(d.join("stack/values")).unwrap();
        // A local chart (to bump its version) and two charts from the corpus folder.
        let out = Command::new("tar")
            .arg("xzf")
            .arg(corpus_charts().join("mk-stream-1.0.0.tgz"))
            .arg("-C")
            .arg(d.join("stack"))
            .output()
            .unwrap();
        assert!(out.status.success());
        let r = Repo(d);
        r.write(
            "stack/values/navidrome.yaml",
            "persistence:\n  music:\n    size: 10Gi\n",
        );
        r.stack(&["mk", "navidrome"]);
        r
    }

    fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.0.join(rel), text).unwrap();
    }

    fn stack(&self, releases: &[&str]) {
        let mut s = String::from(
            "repositories:\n  soli0222: {url: 'https://soli0222.github.io/helm-charts'}\nreleases:\n",
        );
        for r in releases {
            s.push_str(match *r {
                "mk" => "  - {name: mk, namespace: apps, chart: ./mk-stream}\n",
                "navidrome" => "  - {name: navidrome, namespace: apps, chart: soli0222/navidrome, version: 2.5.0, values: [values/navidrome.yaml]}\n",
                "daypassed" => "  - {name: daypassed, namespace: apps, chart: soli0222/daypassed-bot, version: 0.1.1}\n",
                _ => unreachable!(),
            });
        }
        self.write("stack/stack.yaml", &s);
    }

    fn kiln(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kiln"))
            .args(args)
            .arg("--stack")
            .arg(self.0.join("stack"))
            .arg("--charts")
            .arg(corpus_charts())
            .arg("--out")
            .arg(self.0.join("rendered"))
            .output()
            .unwrap()
    }

    fn diff(&self, format: &str, extra: &[&str]) -> (i32, String) {
        let mut args = vec!["diff", "--format", format, "--exit-code"];
        args.extend_from_slice(extra);
        let o = self.kiln(&args);
        (
            o.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&o.stdout).into_owned(),
        )
    }

    fn verify(&self) -> (i32, String) {
        let o = self.kiln(&["verify"]);
        (
            o.status.code().unwrap_or(-1),
            format!(
                "{}{}",
                String::from_utf8_lossy(&o.stdout),
                String::from_utf8_lossy(&o.stderr)
            ),
        )
    }

    fn render(&self) {
        let o = self.kiln(&["render"]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
}

fn bump_chart(path: &Path) {
    let chart = path.join("stack/mk-stream/Chart.yaml");
    let text = std::fs::read_to_string(&chart).unwrap();
    assert!(text.contains("version: 1.0.0"), "{text}");
    std::fs::write(&chart, text.replace("version: 1.0.0", "version: 1.0.1")).unwrap();
}

#[test]
fn unchanged_stack_gives_an_empty_diff_and_verify_passes() {
    let r = Repo::new("same");
    r.render();
    assert_eq!(r.verify().0, 0, "{}", r.verify().1);
    let (code, text) = r.diff("text", &[]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.ends_with("0 added, 0 removed, 0 changed in 0 releases\n"),
        "{text}"
    );
    let (_, md) = r.diff("markdown", &[]);
    assert!(md.contains("No changes"), "{md}");
}

#[test]
fn a_values_change() {
    let r = Repo::new("values");
    r.render();
    r.write(
        "stack/values/navidrome.yaml",
        "persistence:\n  music:\n    size: 20Gi\n",
    );
    let (code, text) = r.diff("text", &[]);
    assert_eq!(code, 1);
    assert!(
        text.contains("changed navidrome/persistentvolumeclaim_"),
        "{text}"
    );
    assert!(
        text.contains("-      storage: 10Gi\n") && text.contains("+      storage: 20Gi\n"),
        "{text}"
    );
    assert!(
        text.ends_with("0 added, 0 removed, 1 changed in 1 release\n"),
        "{text}"
    );
    let (_, md) = r.diff("markdown", &[]);
    assert!(
        md.contains("| navidrome | 0 | 0 | 1 |") && md.contains("```diff"),
        "{md}"
    );
    let (code, out) = r.verify();
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("stale: navidrome/persistentvolumeclaim_"),
        "{out}"
    );
    assert!(out.contains("stale: SHA256SUMS"), "{out}");
}

#[test]
fn a_chart_version_bump() {
    let r = Repo::new("bump");
    r.render();
    bump_chart(&r.0);
    let (code, text) = r.diff("text", &[]);
    assert_eq!(code, 1);
    assert!(
        text.contains("-    helm.sh/chart: mk-stream-1.0.0\n+    helm.sh/chart: mk-stream-1.0.1\n"),
        "{text}"
    );
    let (_, md) = r.diff("markdown", &[]);
    assert!(md.contains("| mk |"), "{md}");
    let (code, folded) = r.diff("text", &["--fold-version-labels"]);
    assert_eq!(
        (code, folded.as_str()),
        (0, "0 added, 0 removed, 0 changed in 0 releases\n")
    );
    assert_eq!(r.verify().0, 1);
}

#[test]
fn an_added_and_a_removed_release() {
    let r = Repo::new("addrm");
    r.render();
    r.stack(&["mk", "daypassed"]);
    let (code, text) = r.diff("text", &[]);
    assert_eq!(code, 1);
    assert!(text.contains("added daypassed/cronjob_"), "{text}");
    assert!(
        text.contains("removed navidrome/deployment_navidrome.yaml"),
        "{text}"
    );
    let (_, md) = r.diff("markdown", &[]);
    assert!(
        md.contains("| daypassed | ") && md.contains("| navidrome | 0 | "),
        "{md}"
    );
    let (_, json) = r.diff("json", &[]);
    assert!(
        json.contains("\"change\": \"added\"") && json.contains("\"change\": \"removed\""),
        "{json}"
    );
    let (code, out) = r.verify();
    assert_eq!(code, 1);
    assert!(
        out.contains("missing: daypassed/") && out.contains("unexpected: navidrome/"),
        "{out}"
    );
    r.render();
    assert_eq!(r.verify().0, 0);
    assert!(
        !r.0.join("rendered/navidrome").exists(),
        "files of a removed release disappear"
    );
}
